/**
 * Switchboards: the app's switchboard, which routes conversations between
 * integrations. An app has at most one; it is created disabled, and enabled
 * once its switchboard integrations exist and one is chosen as the default
 * (which controls new conversations).
 *
 * @example
 * ```ts
 * import { SwitchboardIntegrations, Switchboards } from "@sunco-effect/conversations"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const switchboards = yield* Switchboards
 *   const switchboardIntegrations = yield* SwitchboardIntegrations
 *   const switchboard = yield* switchboards.create()
 *   const agents = yield* switchboardIntegrations.create(switchboard.id, {
 *     name: "agents",
 *     integrationType: "zd:agentWorkspace"
 *   })
 *   const bot = yield* switchboardIntegrations.create(switchboard.id, {
 *     name: "bot",
 *     integrationId: "5ef21b86e933b7355c11c605",
 *     nextSwitchboardIntegrationId: agents.id
 *   })
 *   return yield* switchboards.update(switchboard.id, { enabled: true, defaultSwitchboardIntegrationId: bot.id })
 * })
 * ```
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
