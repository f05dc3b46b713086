/**
 * Participants: who is in a conversation; join and leave. A participant is
 * one user's link to one conversation (its own `id`, the user's `userId` and
 * `userExternalId`, its `unreadCount`, `lastRead` and `clientAssociations`).
 * Only sdkGroup conversations take joins and leaves: a personal conversation
 * keeps its one participant.
 *
 * @example
 * ```ts
 * import { Participants } from "@sunco-effect/conversations"
 * import { Effect, Stream } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const participants = yield* Participants
 *   const conversationId = "c93bb9c14dde8ffb94564eae"
 *   const joined = yield* participants.join(conversationId, { userExternalId: "customer-17", subscribeSDKClient: true })
 *   const everyone = yield* participants.stream(conversationId, { page: { size: 100 } }).pipe(Stream.runCollect)
 *   yield* participants.leave(conversationId, { participantId: joined.id! })
 *   return everyone
 * })
 * ```
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import type { Participant } from "./generated/Schemas.js"
import { participants } from "./internal/families/participants.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
import type { families } from "./Operations.js"
import type { Links, Meta, Page } from "./Pagination.js"

/**
 * A ListParticipants query: which page.
 *
 * @since 0.2.0
 * @category models
 */
export interface ParticipantListQuery {
  readonly page?: Page | undefined
}

/**
 * One page of a conversation's participants, in the order they joined, with
 * `meta` and `links` always present.
 *
 * @since 0.2.0
 * @category models
 */
export interface ParticipantPage {
  readonly participants: ReadonlyArray<Participant>
  readonly meta: Meta
  readonly links: Links
}

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
