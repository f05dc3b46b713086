/**
 * Activities: typing indicators and read receipts; a read receipt marks the
 * conversation read for the user's participant.
 */
import { expect } from "@effect/vitest"
import { Activities, Conversations, Messages, Participants } from "@sunco-effect/conversations"
import { Effect } from "effect"
import { APP, newUser } from "./fixtures.js"
import type { Section } from "./sections.js"

const missing = "0123456789abcdef01234567"

export const activities: Section = (it) => {
  it.effect("activities: the business types; a missing conversation is ConversationNotFound", () =>
    Effect.gen(function*() {
      const a = (yield* Activities).forApp(APP)
      const convo = yield* (yield* Conversations).forApp(APP).create({ type: "sdkGroup" })
      yield* a.post(convo.id, { author: { type: "business" }, type: "typing:start" })
      yield* a.post(convo.id, { author: { type: "business" }, type: "typing:stop" })
      expect((yield* Effect.flip(a.post(missing, { author: { type: "business" }, type: "typing:start" })))._tag)
        .toBe("ConversationNotFound")
    }))

  it.effect("activities: conversation:read sets the participant's lastRead and clears its unread messages", () =>
    Effect.gen(function*() {
      const a = (yield* Activities).forApp(APP)
      const m = (yield* Messages).forApp(APP)
      const p = (yield* Participants).forApp(APP)
      const user = yield* newUser
      const convo = yield* (yield* Conversations).forApp(APP).create({
        type: "sdkGroup",
        participants: [{ userId: user.id, subscribeSDKClient: false }]
      })
      const say = (text: string) => m.post(convo.id, { author: { type: "business" }, content: { type: "text", text } })
      yield* say("one")
      yield* say("two")
      yield* m.post(convo.id, { author: { type: "user", userId: user.id }, content: { type: "text", text: "mine" } })
      const before = (yield* p.list(convo.id, {})).participants[0]!
      expect(before.unreadCount).toBe(2)
      expect(before.lastRead ?? null).toBeNull()
      yield* a.post(convo.id, { author: { type: "user", userExternalId: user.externalId! }, type: "conversation:read" })
      const after = (yield* p.list(convo.id, {})).participants[0]!
      expect(after.unreadCount).toBe(0)
      expect(new Date(after.lastRead!).toISOString()).toBe(after.lastRead)
      yield* say("three")
      expect((yield* p.list(convo.id, {})).participants[0]!.unreadCount).toBe(1)
    }))

  it.effect("activities: a user author must be a participant and can only post conversation:read", () =>
    Effect.gen(function*() {
      const a = (yield* Activities).forApp(APP)
      const outsider = yield* newUser
      const convo = yield* (yield* Conversations).forApp(APP).create({ type: "sdkGroup" })
      const read = (userId: string) => a.post(convo.id, { author: { type: "user", userId }, type: "conversation:read" })
      expect(yield* Effect.flip(read(outsider.id))).toMatchObject({ _tag: "BadRequest", status: 400 })
      expect((yield* Effect.flip(read(missing)))._tag).toBe("UserNotFound")
      expect(
        yield* Effect.flip(a.post(convo.id, { author: { type: "user", userId: outsider.id }, type: "typing:start" }))
      ).toMatchObject({ _tag: "ValidationError", field: "type", rule: "enum" })
      expect(yield* Effect.flip(a.post(convo.id, { author: { type: "user" }, type: "conversation:read" })))
        .toMatchObject({ _tag: "ValidationError", field: "author", rule: "exactlyOne" })
    }))
}
