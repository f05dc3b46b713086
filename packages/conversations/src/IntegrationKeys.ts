/**
 * Custom integration API keys: the keys of a custom integration.
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import { integrationKeys } from "./internal/families/integrationKeys.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
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

// Loading this module makes the family known to every layer (a program that never imports it does not bundle it).
register("IntegrationKeys", integrationKeys)
