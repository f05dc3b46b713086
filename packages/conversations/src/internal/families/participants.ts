/**
 * The Participants family: one entry per operation (see `conversations.ts`).
 */
import * as Either from "effect/Either"
import * as Facts from "../../generated/Operations.js"
import {
  JoinConversationResponse,
  type Participant,
  ParticipantJoinBody,
  ParticipantLeaveBody,
  ParticipantListResponse
} from "../../generated/Schemas.js"
import type { ParticipantListQuery, ParticipantPage } from "../../Participants.js"
import * as Validation from "../../Validation.js"
import { checkJoin, checkLeave } from "../checks/participants.js"
import { decoder } from "../decode.js"
import { define, empty, envelope } from "../operation.js"
import { paginated } from "../stream.js"

const decodeList = decoder(ParticipantListResponse)

export const participants = {
  /**
   * JoinConversation: add a user (by exactly one of `userId` or
   * `userExternalId`; `subscribeSDKClient` is required) to an sdkGroup
   * conversation. Returns the participant (the `{ participant }` envelope
   * unwrapped). A personal conversation, which keeps its one participant,
   * and a conversation already at its participant limit fail with
   * `BadRequest`; an unknown user with `UserNotFound`. A user who already
   * participates is not added twice: the call returns their participant, so
   * repeating a join that may have reached the service is harmless.
   *
   * @example
   * ```ts
   * import { Participants } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const participants = yield* Participants
   *   return yield* participants.join("c93bb9c14dde8ffb94564eae", {
   *     userId: "42589ad070d43be9b00ff7e5",
   *     subscribeSDKClient: true
   *   })
   * })
   * ```
   */
  join: define(Facts.JoinConversation)({
    args: (conversationId: string, participant: ParticipantJoinBody) => ({
      params: { conversationId },
      body: participant
    }),
    body: ParticipantJoinBody,
    check: ({ body }, options) => checkJoin(body, options),
    response: envelope<"participant", Participant>("participant", decoder(JoinConversationResponse)),
    errors: ["ConversationNotFound", "UserNotFound", "BadRequest"],
    repeatable: true
  }),
  /**
   * LeaveConversation: remove a participant, named by exactly one of
   * `userId`, `userExternalId` or `participantId` (checked before sending:
   * the spec's body matches any of them). A user who is not a participant
   * fails with `NotFound`, an unknown user with `UserNotFound`; the one
   * participant of a personal conversation cannot leave (`BadRequest`).
   *
   * @example
   * ```ts
   * import { Participants } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const participants = yield* Participants
   *   yield* participants.leave("c93bb9c14dde8ffb94564eae", { userExternalId: "customer-17" }).pipe(
   *     Effect.catchTag("NotFound", () => Effect.void)
   *   )
   * })
   * ```
   */
  leave: define(Facts.LeaveConversation)({
    args: (conversationId: string, participant: ParticipantLeaveBody) => ({
      params: { conversationId },
      body: participant
    }),
    body: ParticipantLeaveBody,
    check: ({ body }) => checkLeave(body),
    response: empty,
    errors: ["ConversationNotFound", "UserNotFound", "NotFound", "BadRequest"],
    repeatable: true
  }),
  /**
   * ListParticipants: one page of a conversation's participants, in the
   * order they joined. Its pagination gives `stream` (every participant,
   * following `meta.afterCursor` lazily; `page.size` per request,
   * `page.after` or `page.before` to start from a cursor, and `readAhead`)
   * and `streamPages` (every page, with `meta` and `links`).
   *
   * @example
   * ```ts
   * import { Participants } from "@sunco-effect/conversations"
   * import { Effect, Stream } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const participants = yield* Participants
   *   const page = yield* participants.list("c93bb9c14dde8ffb94564eae", { page: { size: 10 } })
   *   const all = yield* participants.stream("c93bb9c14dde8ffb94564eae", {}).pipe(Stream.runCollect)
   *   return [page.meta.hasMore, all] as const
   * })
   * ```
   */
  list: define(Facts.ListParticipants)({
    args: (conversationId: string, query: ParticipantListQuery) => ({ params: { conversationId }, query }),
    body: undefined,
    check: ({ query }, options) => query.page === undefined ? undefined : Validation.checkPage(query.page, options),
    response: {
      decode: (json) =>
        Either.map(decodeList(json), (r): ParticipantPage => ({
          participants: r.participants ?? [],
          meta: r.meta ?? {},
          links: r.links ?? {}
        })),
      encode: (page: ParticipantPage) => page
    },
    errors: ["ConversationNotFound", "InvalidPage"],
    repeatable: true,
    pagination: paginated("participants", "forward")
  })
}
