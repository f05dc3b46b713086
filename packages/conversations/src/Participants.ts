/**
 * Participants: who is in a conversation; join and leave.
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import { participants } from "./internal/families/participants.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
import type { families } from "./Operations.js"

/**
 * The Participants operations of one app (derived from their entries in the operation table).
 *
 * @since 0.2.0
 * @category models
 */
export interface ParticipantsService extends Methods<typeof families.Participants> {
  /** The same operations on another app. */
  readonly forApp: (appId: string) => ParticipantsService
}

/**
 * The participants of conversations service tag.
 *
 * @since 0.2.0
 * @category tags
 */
export class Participants
  extends Context.Tag("@sunco-effect/conversations/Participants")<Participants, ParticipantsService>()
{}

// Loading this module makes the family known to every layer (a program that never imports it does not bundle it).
register("Participants", participants)
