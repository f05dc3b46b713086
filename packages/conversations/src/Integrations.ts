/**
 * Integrations: the app's channels and custom integrations.
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import { integrations } from "./internal/families/integrations.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
import type { families } from "./Operations.js"

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
