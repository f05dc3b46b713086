/**
 * Webhooks of a custom integration: where the service delivers events (receiving them is `Webhooks`).
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import type { Methods } from "./internal/operation.js"
import type { families } from "./Operations.js"

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
