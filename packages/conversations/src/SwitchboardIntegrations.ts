/**
 * Switchboard integrations: the integrations a switchboard routes between
 * (at most 10), each naming the one control goes to `next`.
 *
 * @example
 * ```ts
 * import { SwitchboardIntegrations } from "@sunco-effect/conversations"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const switchboardIntegrations = yield* SwitchboardIntegrations
 *   const all = yield* switchboardIntegrations.list("5ef21b132f21af34f088530d")
 *   const bot = all.find((integration) => integration.name === "bot")
 *   if (bot !== undefined) {
 *     yield* switchboardIntegrations.update("5ef21b132f21af34f088530d", bot.id, { deliverStandbyEvents: false })
 *   }
 * })
 * ```
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import { switchboardIntegrations } from "./internal/families/switchboardIntegrations.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
import type { families } from "./Operations.js"

/**
 * The SwitchboardIntegrations operations of one app (derived from their entries in the operation table).
 *
 * @since 0.2.0
 * @category models
 */
export interface SwitchboardIntegrationsService extends Methods<typeof families.SwitchboardIntegrations> {
  /** The same operations on another app. */
  readonly forApp: (appId: string) => SwitchboardIntegrationsService
}

/**
 * The switchboard integrations service tag.
 *
 * @since 0.2.0
 * @category tags
 */
export class SwitchboardIntegrations extends Context.Tag("@sunco-effect/conversations/SwitchboardIntegrations")<
  SwitchboardIntegrations,
  SwitchboardIntegrationsService
>() {}

// Loading this module makes the family known to every layer (a program that never imports it does not bundle it).
register("SwitchboardIntegrations", switchboardIntegrations)
