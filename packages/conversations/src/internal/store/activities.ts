/**
 * Activities, for the in-memory store: typing indicators change nothing the
 * API shows; `conversation:read` by a user marks the conversation read for
 * their participant (`lastRead`, and no unread messages left). Each activity
 * is published as the service's webhook event: `conversation:read` or
 * `conversation:typing`.
 */
import * as Either from "effect/Either"
import type { ApiFailure } from "../../ErrorResponse.js"
import type { FamilyHandlers, InMemoryStore, Result, Roster } from "../../InMemoryStore.js"
import type { InputOf } from "../../Operations.js"
import { apiSource, truncated } from "./events.js"
import { newestMessage } from "./participants.js"

const failures = {
  notParticipant: { status: 400, code: "bad_request", title: "The author is not a participant of the conversation" },
  userActivity: { status: 400, code: "bad_request", title: "A user author can only post conversation:read" }
} satisfies Record<string, ApiFailure>

type Body = InputOf<"Activities.post">["body"]

/** The event of an activity: `conversation:read`, or `conversation:typing` for `typing:start`/`typing:stop`. */
const publish = (store: InMemoryStore, appId: string, roster: Roster, body: Body, userId?: string): void => {
  const user = userId === undefined ? undefined : Either.getOrUndefined(store.user(appId, userId))
  store.publish(appId, body.type === "conversation:read" ? "conversation:read" : "conversation:typing", {
    conversation: truncated(roster.conversation),
    activity: {
      type: body.type,
      source: apiSource,
      // `user` is the full user: delivery keeps it only for webhooks with `includeFullUser`.
      author: userId === undefined ? { type: "business" } : { type: "user", userId, ...(user ? { user } : {}) }
    }
  })
}

/** What the store does for each Activities operation. */
export const handlers: FamilyHandlers<"Activities"> = {
  "Activities.post": (store, { body, params: { appId, conversationId } }) =>
    Either.flatMap(store.roster(appId, conversationId), (roster): Result<void> => {
      const { author } = body
      if (author.type !== "user") {
        publish(store, appId, roster, body)
        return Either.right(undefined)
      }
      return Either.flatMap(roster.resolve(author), (userId): Result<void> => {
        const record = roster.participants.find((p) => p.userId === userId)
        if (!record) return Either.left(failures.notParticipant)
        if (body.type !== "conversation:read") return Either.left(failures.userActivity)
        record.lastRead = store.isoNow()
        record.readUpTo = newestMessage(store, appId, conversationId)
        publish(store, appId, roster, body, userId)
        return Either.right(undefined)
      })
    })
}
