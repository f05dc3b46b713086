/**
 * Switchboard actions: pass, offer, accept and release control of a conversation.
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import type { Methods } from "./internal/operation.js"
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
