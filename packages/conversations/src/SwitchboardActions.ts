/**
 * Switchboard actions: pass, offer, accept and release control of a
 * conversation. The conversation shows who has it as
 * `activeSwitchboardIntegration` (and `pendingSwitchboardIntegration` while
 * an offer waits).
 *
 * @example
 * ```ts
 * import { Conversations, SwitchboardActions } from "@sunco-effect/conversations"
 * import { Effect } from "effect"
 *
 * // The bot hands the conversation to the next switchboard integration (the agents).
 * const program = Effect.gen(function*() {
 *   const switchboardActions = yield* SwitchboardActions
 *   const conversations = yield* Conversations
 *   yield* switchboardActions.passControl("c93bb9c14dde8ffb94564eae", { switchboardIntegration: "next" })
 *   const conversation = yield* conversations.get("c93bb9c14dde8ffb94564eae")
 *   return conversation.activeSwitchboardIntegration?.name
 * })
 * ```
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import { switchboardActions } from "./internal/families/switchboardActions.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
import type { families } from "./Operations.js"

/**
 * The SwitchboardActions operations of one app (derived from their entries in the operation table).
 *
 * @since 0.2.0
 * @category models
 */
export interface SwitchboardActionsService extends Methods<typeof families.SwitchboardActions> {
  /** The same operations on another app. */
  readonly forApp: (appId: string) => SwitchboardActionsService
}

/**
 * The switchboard control service tag.
 *
 * @since 0.2.0
 * @category tags
 */
export class SwitchboardActions
  extends Context.Tag("@sunco-effect/conversations/SwitchboardActions")<SwitchboardActions, SwitchboardActionsService>()
{}

// Loading this module makes the family known to every layer (a program that never imports it does not bundle it).
register("SwitchboardActions", switchboardActions)
