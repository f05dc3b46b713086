/**
 * Participants: join (sdkGroup only, once per user, up to the limit), leave
 * by user, external id or participant id, and the cursor-paginated list.
 */
import { expect } from "@effect/vitest"
import { Conversations, Participants } from "@sunco-effect/conversations"
import { Chunk, Effect, Stream } from "effect"
import { APP, newUser } from "./fixtures.js"
import type { Section } from "./sections.js"

const missing = "0123456789abcdef01234567"

const group = Effect.flatMap(Conversations, (c) => c.forApp(APP).create({ type: "sdkGroup" }))

export const participants: Section = (it) => {
  it.effect("participants: a user joins an sdkGroup conversation once; joining again returns the same participant", () =>
    Effect.gen(function*() {
      const p = (yield* Participants).forApp(APP)
      const c = (yield* Conversations).forApp(APP)
      const user = yield* newUser
      const convo = yield* group
      const joined = yield* p.join(convo.id, { userId: user.id, subscribeSDKClient: true })
      expect(joined).toMatchObject({ userId: user.id, userExternalId: user.externalId, unreadCount: 0 })
      expect(joined.id).toMatch(/^[0-9a-f]{24}$/)
      expect(joined.clientAssociations).toEqual([{ type: "sdk", clientId: expect.stringMatching(/^[0-9a-f]{24}$/) }])
      const again = yield* p.join(convo.id, { userExternalId: user.externalId!, subscribeSDKClient: true })
      expect(again.id).toBe(joined.id)
      const listed = yield* p.list(convo.id, {})
      expect(listed.participants.map((x) => x.userId)).toEqual([user.id])
      // The conversation is among the user's conversations, once.
      const mine = yield* c.list({ filter: { userId: user.id } })
      expect(mine.conversations.map((x) => x.id)).toEqual([convo.id])
    }))

  it.effect("participants: a user named twice when a conversation is created is one participant", () =>
    Effect.gen(function*() {
      const p = (yield* Participants).forApp(APP)
      const c = (yield* Conversations).forApp(APP)
      const user = yield* newUser
      const convo = yield* c.create({
        type: "sdkGroup",
        participants: [
          { userId: user.id, subscribeSDKClient: false },
          { userExternalId: user.externalId!, subscribeSDKClient: false }
        ]
      })
      expect((yield* p.list(convo.id, {})).participants.map((x) => x.userId)).toEqual([user.id])
      expect((yield* c.list({ filter: { userId: user.id } })).conversations.map((x) => x.id)).toEqual([convo.id])
    }))

  it.effect("participants: a personal conversation keeps its one participant", () =>
    Effect.gen(function*() {
      const p = (yield* Participants).forApp(APP)
      const owner = yield* newUser
      const other = yield* newUser
      const personal = yield* (yield* Conversations).forApp(APP).create({
        type: "personal",
        participants: [{ userId: owner.id }]
      })
      const join = yield* Effect.flip(p.join(personal.id, { userId: other.id, subscribeSDKClient: false }))
      expect(join).toMatchObject({ _tag: "BadRequest", status: 400 })
      const rejoin = yield* Effect.flip(p.join(personal.id, { userId: owner.id, subscribeSDKClient: false }))
      expect(rejoin._tag).toBe("BadRequest")
      expect((yield* Effect.flip(p.leave(personal.id, { userId: owner.id })))._tag).toBe("BadRequest")
      expect((yield* p.list(personal.id, {})).participants.map((x) => x.userId)).toEqual([owner.id])
    }))

  it.effect("participants: a conversation at its participant limit refuses another join", () =>
    Effect.gen(function*() {
      const p = (yield* Participants).forApp(APP)
      const users = yield* Effect.all(Array.from({ length: 11 }, () => newUser))
      const convo = yield* (yield* Conversations).forApp(APP).create({
        type: "sdkGroup",
        participants: users.slice(0, 10).map((u) => ({ userId: u.id, subscribeSDKClient: false }))
      })
      const refused = yield* Effect.flip(p.join(convo.id, { userId: users[10]!.id, subscribeSDKClient: false }))
      expect(refused).toMatchObject({ _tag: "BadRequest", title: "Too many participants" })
      // One who is already there still gets their participant back.
      expect((yield* p.join(convo.id, { userId: users[3]!.id, subscribeSDKClient: false })).userId).toBe(users[3]!.id)
      expect((yield* p.list(convo.id, {})).participants).toHaveLength(10)
    }))

  it.effect("participants: leave by userId, userExternalId or participantId; the conversation leaves the user's list", () =>
    Effect.gen(function*() {
      const p = (yield* Participants).forApp(APP)
      const c = (yield* Conversations).forApp(APP)
      const [a, b, d] = yield* Effect.all([newUser, newUser, newUser])
      const convo = yield* group
      const joined = []
      for (const u of [a!, b!, d!]) joined.push(yield* p.join(convo.id, { userId: u.id, subscribeSDKClient: false }))
      yield* p.leave(convo.id, { userId: a!.id })
      yield* p.leave(convo.id, { userExternalId: b!.externalId! })
      expect((yield* p.list(convo.id, {})).participants.map((x) => x.id)).toEqual([joined[2]!.id])
      yield* p.leave(convo.id, { participantId: joined[2]!.id! })
      expect((yield* p.list(convo.id, {})).participants).toEqual([])
      expect((yield* c.list({ filter: { userId: a!.id } })).conversations).toEqual([])
      const again = yield* Effect.flip(p.leave(convo.id, { userId: a!.id }))
      expect(again).toMatchObject({ _tag: "NotFound", status: 404, code: "not_found" })
      expect((yield* Effect.flip(p.leave(convo.id, { participantId: missing })))._tag).toBe("NotFound")
      expect((yield* Effect.flip(p.leave(convo.id, { userExternalId: `nobody-${Date.now()}` })))._tag).toBe(
        "UserNotFound"
      )
      expect((yield* Effect.flip(p.leave(missing, { userId: a!.id })))._tag).toBe("ConversationNotFound")
    }))

  it.effect("participants: unknown conversations and users are typed 404s", () =>
    Effect.gen(function*() {
      const p = (yield* Participants).forApp(APP)
      const user = yield* newUser
      const convo = yield* group
      expect((yield* Effect.flip(p.join(missing, { userId: user.id, subscribeSDKClient: true })))._tag).toBe(
        "ConversationNotFound"
      )
      expect((yield* Effect.flip(p.join(convo.id, { userId: missing, subscribeSDKClient: true })))._tag).toBe(
        "UserNotFound"
      )
      expect((yield* Effect.flip(p.list(missing, {})))._tag).toBe("ConversationNotFound")
    }))

  it.effect("participants: the bodies' rules are checked before sending", () =>
    Effect.gen(function*() {
      const p = (yield* Participants).forApp(APP)
      const user = yield* newUser
      const convo = yield* group
      expect(yield* Effect.flip(p.leave(convo.id, {}))).toMatchObject({
        _tag: "ValidationError",
        field: "body",
        rule: "exactlyOne"
      })
      expect(yield* Effect.flip(p.leave(convo.id, { userId: user.id, participantId: missing }))).toMatchObject({
        _tag: "ValidationError",
        rule: "exactlyOne"
      })
      expect(yield* Effect.flip(p.join(convo.id, { userId: user.id }))).toMatchObject({
        _tag: "ValidationError",
        field: "subscribeSDKClient",
        rule: "required"
      })
      expect(
        yield* Effect.flip(
          p.join(convo.id, { userId: user.id, userExternalId: user.externalId!, subscribeSDKClient: true })
        )
      ).toMatchObject({ _tag: "ValidationError", rule: "exactlyOne" })
      expect(yield* Effect.flip(p.list(convo.id, { page: { size: 0 } }))).toMatchObject({
        _tag: "ValidationError",
        field: "page.size"
      })
      // Nothing was sent: the user never joined.
      expect((yield* p.list(convo.id, {})).participants).toEqual([])
    }))

  it.effect("participants: list pages by cursor; stream yields every participant once, in the order they joined", () =>
    Effect.gen(function*() {
      const p = (yield* Participants).forApp(APP)
      const users = yield* Effect.all(Array.from({ length: 5 }, () => newUser))
      const convo = yield* group
      for (const u of users) yield* p.join(convo.id, { userId: u.id, subscribeSDKClient: false })
      const first = yield* p.list(convo.id, { page: { size: 2 } })
      expect(first.participants.map((x) => x.userId)).toEqual(users.slice(0, 2).map((u) => u.id))
      expect(first.meta.hasMore).toBe(true)
      const second = yield* p.list(convo.id, { page: { size: 2, after: first.meta.afterCursor! } })
      expect(second.participants.map((x) => x.userId)).toEqual(users.slice(2, 4).map((u) => u.id))
      const streamed = yield* Stream.runCollect(p.stream(convo.id, { page: { size: 2 } }))
      expect(Chunk.toReadonlyArray(streamed).map((x) => x.userId)).toEqual(users.map((u) => u.id))
      const pages = yield* Stream.runCollect(p.streamPages(convo.id, { page: { size: 2 } }))
      expect(Chunk.size(pages)).toBe(3)
      expect(Chunk.unsafeLast(pages).meta.hasMore).toBe(false)
    }))
}
