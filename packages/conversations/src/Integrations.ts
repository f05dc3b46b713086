/**
 * Integrations: the app's channels and custom integrations. A `custom`
 * integration is how a program receives the app's events: it is created with
 * its webhook (more can be added with `IntegrationWebhooks`) and can be given
 * API keys of its own (`IntegrationKeys`). Deleting an integration deletes its
 * webhooks and keys.
 *
 * @example
 * ```ts
 * import { Integrations } from "@sunco-effect/conversations"
 * import { Effect, Stream } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const integrations = yield* Integrations
 *   const bot = yield* integrations.create({
 *     type: "custom",
 *     displayName: "Order bot",
 *     webhooks: [{ target: "https://example.com/hooks", triggers: ["conversation:message"] }]
 *   })
 *   const custom = yield* integrations.stream({ filter: { types: ["custom"] }, page: { size: 100 } }).pipe(
 *     Stream.runCollect
 *   )
 *   return [bot, custom] as const
 * })
 * ```
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import type * as Schemas from "./generated/Schemas.js"
import type { Unknown } from "./generated/Unknown.js"
import type { IntegrationWebhook } from "./IntegrationWebhooks.js"
import { integrations } from "./internal/families/integrations.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
import type { families } from "./Operations.js"
import type { Links, Meta, Page } from "./Pagination.js"

/**
 * A custom integration: the spec's `custom`, its webhooks with their secrets
 * kept in a `Redacted`.
 *
 * @since 0.2.0
 * @category models
 */
export interface CustomIntegration extends Omit<Schemas.Custom, "webhooks"> {
  readonly webhooks: ReadonlyArray<IntegrationWebhook>
}

/**
 * An integration of a type the spec does not list: the answer whole in
 * `raw`, and the fields every integration has beside it.
 *
 * @since 0.2.0
 * @category models
 */
export interface UnknownIntegration extends Unknown {
  readonly id?: string | undefined
  readonly status?: string | undefined
  readonly displayName?: string | null | undefined
}

/**
 * An integration as the service returns it: one of the spec's integration
 * types by `type`; a type the spec does not list decodes to
 * `{ type: "unknown", raw }` (with `id`, `status` and `displayName`), so
 * `id` is there whatever the type.
 *
 * @since 0.2.0
 * @category models
 */
export type Integration =
  | Exclude<Schemas.Integration, Unknown | { readonly type: "custom" }>
  | CustomIntegration
  | UnknownIntegration

/**
 * The ListIntegrations query: which types (`filter[types]`, sent
 * comma-separated; every type when absent) and which page.
 *
 * @since 0.2.0
 * @category models
 */
export interface IntegrationListQuery {
  readonly filter?: { readonly types?: ReadonlyArray<string> | undefined } | undefined
  readonly page?: Page | undefined
}

/**
 * One page of the app's integrations, oldest first, with `meta` and `links`.
 *
 * @since 0.2.0
 * @category models
 */
export interface IntegrationPage {
  readonly integrations: ReadonlyArray<Integration>
  readonly meta: Meta
  readonly links: Links
}

/**
 * The Integrations operations of one app (derived from their entries in the operation table).
 *
 * @since 0.2.0
 * @category models
 */
export interface IntegrationsService extends Methods<typeof families.Integrations> {
  /** The same operations on another app. */
  readonly forApp: (appId: string) => IntegrationsService
}

/**
 * The integrations service tag.
 *
 * @since 0.2.0
 * @category tags
 */
export class Integrations
  extends Context.Tag("@sunco-effect/conversations/Integrations")<Integrations, IntegrationsService>()
{}

// Loading this module makes the family known to every layer (a program that never imports it does not bundle it).
register("Integrations", integrations)
