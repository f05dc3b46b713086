/**
 * Webhooks of a custom integration: where the service delivers events
 * (receiving them is `Webhooks`). Each webhook gets a secret from the
 * service, sent with every delivery as `X-API-Key`; it comes back as a
 * `Redacted`, ready for `Webhooks.receiver({ secrets })`.
 *
 * @example
 * ```ts
 * import { IntegrationWebhooks } from "@sunco-effect/conversations"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const webhooks = yield* IntegrationWebhooks
 *   const webhook = yield* webhooks.create("5e4af71a81966cfff3ef6550", {
 *     target: "https://example.com/hooks",
 *     triggers: ["conversation:message", "conversation:read"],
 *     includeFullUser: true
 *   })
 *   yield* webhooks.update("5e4af71a81966cfff3ef6550", webhook.id!, { triggers: ["conversation:message"] })
 *   return webhook.secret // Redacted: pass it to Webhooks.receiver({ secrets })
 * })
 * ```
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import type * as Redacted from "effect/Redacted"
import type * as Schemas from "./generated/Schemas.js"
import { integrationWebhooks } from "./internal/families/integrationWebhooks.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
import type { families } from "./Operations.js"

/**
 * A webhook of a custom integration: the spec's `webhook`, its secret kept
 * in a `Redacted` so that it stays out of logs.
 *
 * @since 0.2.0
 * @category models
 */
export interface IntegrationWebhook extends Omit<Schemas.Webhook, "secret"> {
  /** Sent with every delivery as `X-API-Key`, to tell the service's calls from others. */
  readonly secret?: Redacted.Redacted<string> | undefined
}

/**
 * The IntegrationWebhooks operations of one app (derived from their entries in the operation table).
 *
 * @since 0.2.0
 * @category models
 */
export interface IntegrationWebhooksService extends Methods<typeof families.IntegrationWebhooks> {
  /** The same operations on another app. */
  readonly forApp: (appId: string) => IntegrationWebhooksService
}

/**
 * The webhooks of custom integrations service tag.
 *
 * @since 0.2.0
 * @category tags
 */
export class IntegrationWebhooks extends Context.Tag("@sunco-effect/conversations/IntegrationWebhooks")<
  IntegrationWebhooks,
  IntegrationWebhooksService
>() {}

// Loading this module makes the family known to every layer (a program that never imports it does not bundle it).
register("IntegrationWebhooks", integrationWebhooks)
