/**
 * Switchboards: the app's switchboard, which routes conversations between integrations.
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import { switchboards } from "./internal/families/switchboards.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
import type { families } from "./Operations.js"

/**
 * The Switchboards operations of one app (derived from their entries in the operation table).
 *
 * @since 0.2.0
 * @category models
 */
export interface SwitchboardsService extends Methods<typeof families.Switchboards> {
  /** The same operations on another app. */
  readonly forApp: (appId: string) => SwitchboardsService
}

/**
 * The switchboards service tag.
 *
 * @since 0.2.0
 * @category tags
 */
export class Switchboards
  extends Context.Tag("@sunco-effect/conversations/Switchboards")<Switchboards, SwitchboardsService>()
{}

// Loading this module makes the family known to every layer (a program that never imports it does not bundle it).
register("Switchboards", switchboards)
