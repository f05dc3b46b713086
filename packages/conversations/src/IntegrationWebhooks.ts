/**
 * Webhooks of a custom integration: where the service delivers events (receiving them is `Webhooks`).
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import { integrationWebhooks } from "./internal/families/integrationWebhooks.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
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

// Loading this module makes the family known to every layer (a program that never imports it does not bundle it).
register("IntegrationWebhooks", integrationWebhooks)
