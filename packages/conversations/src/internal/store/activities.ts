/**
 * Activities, for the in-memory store: typing indicators change nothing the
 * API shows; `conversation:read` by a user marks the conversation read for
 * their participant (`lastRead`, and no unread messages left).
 */
import * as Either from "effect/Either"
import type { ApiFailure } from "../../ErrorResponse.js"
import type { FamilyHandlers, Result } from "../../InMemoryStore.js"
import { newestMessage } from "./participants.js"

const failures = {
  notParticipant: { status: 400, code: "bad_request", title: "The author is not a participant of the conversation" },
  userActivity: { status: 400, code: "bad_request", title: "A user author can only post conversation:read" }
} satisfies Record<string, ApiFailure>

/** What the store does for each Activities operation. */
export const handlers: FamilyHandlers<"Activities"> = {
  "Activities.post": (store, { body, params: { appId, conversationId } }) =>
    Either.flatMap(store.roster(appId, conversationId), (roster): Result<void> => {
      const { author } = body
      if (author.type !== "user") return Either.right(undefined)
      return Either.flatMap(roster.resolve(author), (userId): Result<void> => {
        const record = roster.participants.find((p) => p.userId === userId)
        if (!record) return Either.left(failures.notParticipant)
        if (body.type !== "conversation:read") return Either.left(failures.userActivity)
        record.lastRead = store.isoNow()
        record.readUpTo = newestMessage(store, appId, conversationId)
        return Either.right(undefined)
      })
    })
}
