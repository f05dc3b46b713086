/**
 * Custom integration API keys: the keys of a custom integration.
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import type { Methods } from "./internal/operation.js"
import type { families } from "./Operations.js"

/**
 * The IntegrationKeys operations of one app (derived from their entries in the operation table).
 *
 * @since 0.2.0
 * @category models
 */
export interface IntegrationKeysService extends Methods<typeof families.IntegrationKeys> {
  /** The same operations on another app. */
  readonly forApp: (appId: string) => IntegrationKeysService
}

/**
 * The custom integration keys service tag.
 *
 * @since 0.2.0
 * @category tags
 */
export class IntegrationKeys
  extends Context.Tag("@sunco-effect/conversations/IntegrationKeys")<IntegrationKeys, IntegrationKeysService>()
{}
