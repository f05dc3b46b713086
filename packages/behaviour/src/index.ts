/**
 * The behavioural suite: what a user of the service can observe, written once
 * and run against the in-memory test layer and against the live client
 * talking to the emulator, so the two cannot drift apart.
 */
import { expect, layer } from "@effect/vitest"
import { type AllServices, Conversations, Messages, Users } from "@sunco-effect/conversations"
import { Chunk, Effect, type Layer, Stream } from "effect"
import { APP, type AppKeyed, newUser } from "./fixtures.js"
import { sections } from "./sections.js"

export { accountKey, APP, appKey, AppKeyed, newUser, OTHER_APP, seed } from "./fixtures.js"

export const behaviourSuite = (name: string, services: Layer.Layer<AllServices | AppKeyed, unknown>) =>
  layer(services, { timeout: "30 seconds" })(name, (it) => {
    it.effect("a user's first personal conversation is their default; later ones are not", () =>
      Effect.gen(function*() {
        const c = yield* Conversations
        const user = yield* newUser
        const first = yield* c.forApp(APP).create({ type: "personal", participants: [{ userId: user.id }] })
        const second = yield* c.forApp(APP).create({
          type: "personal",
          participants: [{ userExternalId: user.externalId! }]
        })
        const group = yield* c.forApp(APP).create({
          type: "sdkGroup",
          participants: [{ userId: user.id, subscribeSDKClient: true }],
          displayName: "G"
        })
        expect(first.isDefault).toBe(true)
        expect(second.isDefault).toBe(false)
        expect(group).toMatchObject({ isDefault: false, type: "sdkGroup", displayName: "G" })
        for (const conversation of [first, second, group]) expect(conversation.id).toMatch(/^[0-9a-f]{24}$/)
        expect(new Date(first.createdAt!).toISOString()).toBe(first.createdAt)
      }))

    it.effect("get returns what create made; unknown ids and apps are typed 404s", () =>
      Effect.gen(function*() {
        const c = yield* Conversations
        const created = yield* c.forApp(APP).create({ type: "sdkGroup", metadata: { lang: "en-ca", n: 2, vip: true } })
        expect(yield* c.forApp(APP).get(created.id)).toEqual(created)
        expect((yield* Effect.flip(c.forApp(APP).get("0123456789abcdef01234567")))._tag).toBe("ConversationNotFound")
        expect((yield* Effect.flip(c.forApp("000000000000000000000000").get(created.id)))._tag).toBe("AppNotFound")
      }))

    it.effect("update changes only the given fields, and null clears one", () =>
      Effect.gen(function*() {
        const c = yield* Conversations
        const created = yield* c.forApp(APP).create({
          type: "sdkGroup",
          displayName: "Before",
          description: "Keep me",
          iconUrl: "https://example.com/a.png"
        })
        const updated = yield* c.forApp(APP).update(created.id, { displayName: "After", iconUrl: null })
        expect(updated.displayName).toBe("After")
        expect(updated.description).toBe("Keep me")
        expect(updated.iconUrl ?? null).toBeNull()
        expect(yield* c.forApp(APP).get(created.id)).toEqual(updated)
        expect((yield* Effect.flip(c.forApp(APP).update("0123456789abcdef01234567", { displayName: "x" })))._tag)
          .toBe("ConversationNotFound")
      }))

    it.effect("delete removes a conversation; the default one is refused; unknown ones are 404", () =>
      Effect.gen(function*() {
        const c = yield* Conversations
        const user = yield* newUser
        const personal = yield* c.forApp(APP).create({ type: "personal", participants: [{ userId: user.id }] })
        const group = yield* c.forApp(APP).create({
          type: "sdkGroup",
          participants: [{ userId: user.id, subscribeSDKClient: true }]
        })
        yield* c.forApp(APP).delete(group.id)
        expect((yield* Effect.flip(c.forApp(APP).get(group.id)))._tag).toBe("ConversationNotFound")
        expect((yield* Effect.flip(c.forApp(APP).delete(group.id)))._tag).toBe("ConversationNotFound")
        const refused = yield* Effect.flip(c.forApp(APP).delete(personal.id))
        expect(refused).toMatchObject({
          _tag: "DefaultConversationUndeletable",
          status: 400,
          conversationId: personal.id
        })
        expect((yield* c.forApp(APP).get(personal.id)).isDefault).toBe(true)
      }))

    it.effect("list pages through a user's conversations with meta and absolute links", () =>
      Effect.gen(function*() {
        const c = yield* Conversations
        const user = yield* newUser
        const made = yield* Effect.forEach(
          Array.from({ length: 30 }, (_, i) => i),
          (i) =>
            c.forApp(APP).create({
              type: "sdkGroup",
              participants: [{ userId: user.id, subscribeSDKClient: true }],
              displayName: `#${i}`
            })
        )
        const first = yield* c.forApp(APP).list({ filter: { userId: user.id } })
        expect(first.conversations).toHaveLength(25) // the service's default page size
        expect(first.meta.hasMore).toBe(true)
        expect(first.meta.beforeCursor).toBeUndefined()
        expect(first.links.next).toMatch(/^https?:\/\/[^/]+(\/.*)?\/v2\/apps\/[^/]+\/conversations\?.*page\[after\]=/)
        expect(first.links.prev).toBeUndefined()

        const second = yield* c.forApp(APP).list({
          filter: { userExternalId: user.externalId! },
          page: { after: first.meta.afterCursor!, size: 25 }
        })
        expect(second.conversations).toHaveLength(5)
        expect(second.meta.hasMore).toBe(false)
        expect(second.meta.afterCursor).toBeUndefined()
        expect(second.links.prev).toContain("page[before]=")
        const ids = [...first.conversations, ...second.conversations].map((x) => x.id)
        expect(new Set(ids)).toEqual(new Set(made.map((x) => x.id)))

        const back = yield* c.forApp(APP).list({
          filter: { userId: user.id },
          page: { before: second.meta.beforeCursor!, size: 10 }
        })
        expect(back.conversations.map((x) => x.id)).toEqual(first.conversations.slice(15).map((x) => x.id))
        expect(back.meta.hasMore).toBe(true)
      }))

    it.effect("list fails with UserNotFound for an unknown user and InvalidPage for a bad cursor", () =>
      Effect.gen(function*() {
        const c = yield* Conversations
        expect((yield* Effect.flip(c.forApp(APP).list({ filter: { userExternalId: "nobody-at-all" } })))._tag).toBe(
          "UserNotFound"
        )
        const bad = yield* Effect.flip(
          c.forApp(APP).list({ filter: { userExternalId: "ada" }, page: { after: "zzzzzzzzzzzzzzzzzzzzzzzz" } })
        )
        expect(bad).toMatchObject({ _tag: "InvalidPage", status: 400, title: "Invalid page query parameters" })
      }))

    it.effect("stream yields every conversation once; streamPages yields the pages in order", () =>
      Effect.gen(function*() {
        const c = yield* Conversations
        const user = yield* newUser
        yield* Effect.forEach(
          Array.from({ length: 23 }, (_, i) => i),
          () =>
            c.forApp(APP).create({ type: "sdkGroup", participants: [{ userId: user.id, subscribeSDKClient: true }] })
        )
        const all = yield* Stream.runCollect(c.forApp(APP).stream({ filter: { userId: user.id }, page: { size: 5 } }))
        expect(new Set(Chunk.toReadonlyArray(all).map((x) => x.id)).size).toBe(23)
        const pages = yield* Stream.runCollect(
          c.forApp(APP).streamPages({ filter: { userId: user.id }, page: { size: 5 }, readAhead: 2 })
        )
        expect(Chunk.toReadonlyArray(pages).map((p) => p.conversations.length)).toEqual([5, 5, 5, 5, 3])
      }))

    it.effect("create with an unknown participant is UserNotFound; in another app the user does not exist", () =>
      Effect.gen(function*() {
        const c = yield* Conversations
        const user = yield* newUser
        expect(
          (yield* Effect.flip(
            c.forApp(APP).create({
              type: "sdkGroup",
              participants: [{ userExternalId: "ghost", subscribeSDKClient: true }]
            })
          ))
            ._tag
        )
          .toBe("UserNotFound")
        expect(
          (yield* Effect.flip(
            c.forApp("000000000000000000000000").create({
              type: "sdkGroup",
              participants: [{ userId: user.id, subscribeSDKClient: true }]
            })
          ))
            ._tag
        ).toBe("AppNotFound")
      }))

    it.effect("downloadMessageRef answers with an object; the conversation must exist", () =>
      Effect.gen(function*() {
        const c = yield* Conversations
        const user = yield* newUser
        const convo = yield* c.forApp(APP).create({ type: "personal", participants: [{ userId: user.id }] })
        const body = {
          userId: user.id,
          apple: {
            interactiveDataRef: {
              url: "https://p61-content.icloud.com/x",
              bid: "b",
              key: "k",
              signature: "s",
              owner: "o"
            }
          }
        }
        expect(typeof (yield* c.forApp(APP).downloadMessageRef(convo.id, body))).toBe("object")
        expect((yield* Effect.flip(c.forApp(APP).downloadMessageRef("0123456789abcdef01234567", body)))._tag).toBe(
          "ConversationNotFound"
        )
      }))

    it.effect("messages: posted as the business and as a participant, listed with their authors", () =>
      Effect.gen(function*() {
        const c = yield* Conversations
        const m = (yield* Messages).forApp(APP)
        const user = yield* newUser
        const convo = yield* c.forApp(APP).create({
          type: "sdkGroup",
          participants: [{ userId: user.id, subscribeSDKClient: true }]
        })
        const [fromBusiness] = yield* m.post(convo.id, {
          author: { type: "business", displayName: "Support" },
          content: { type: "text", text: "Hello!" },
          metadata: { lang: "en" }
        })
        const [fromUser] = yield* m.post(convo.id, {
          author: { type: "user", userExternalId: user.externalId! },
          content: { type: "text", text: "Hi, my order is late." }
        })
        expect(fromBusiness).toMatchObject({
          author: { type: "business", displayName: "Support" },
          content: { type: "text", text: "Hello!" },
          metadata: { lang: "en" }
        })
        expect(fromUser?.author).toEqual({ type: "user", userId: user.id })
        for (const message of [fromBusiness, fromUser]) {
          expect(message?.id).toMatch(/^[0-9a-f]{24}$/)
          expect(new Date(message?.received ?? "").toISOString()).toBe(message?.received)
        }
        const page = yield* m.list(convo.id, {})
        expect(page.messages).toEqual([fromBusiness, fromUser])
        expect(page.meta.hasMore).toBe(false)
      }))

    it.effect("messages: a user who is not a participant cannot author one; an unknown user is UserNotFound", () =>
      Effect.gen(function*() {
        const c = yield* Conversations
        const m = (yield* Messages).forApp(APP)
        const member = yield* newUser
        const outsider = yield* newUser
        const convo = yield* c.forApp(APP).create({
          type: "sdkGroup",
          participants: [{ userId: member.id, subscribeSDKClient: true }]
        })
        const content = { type: "text", text: "Let me in" } as const
        expect(yield* Effect.flip(m.post(convo.id, { author: { type: "user", userId: outsider.id }, content })))
          .toMatchObject({ _tag: "BadRequest", status: 400 })
        expect(
          (yield* Effect.flip(
            m.post(convo.id, { author: { type: "user", userId: "0123456789abcdef01234567" }, content })
          ))
            ._tag
        ).toBe("UserNotFound")
        expect((yield* m.list(convo.id, {})).messages).toEqual([])
      }))

    it.effect("messages: the body is checked before sending", () =>
      Effect.gen(function*() {
        const m = (yield* Messages).forApp(APP)
        const convo = "0123456789abcdef01234567"
        expect(yield* Effect.flip(m.post(convo, { author: { type: "business" }, content: { type: "text" } })))
          .toMatchObject({ _tag: "ValidationError", field: "content.text", rule: "required" })
        expect(
          yield* Effect.flip(
            m.post(convo, { author: { type: "business" }, content: { type: "text", text: "x".repeat(4097) } })
          )
        ).toMatchObject({ _tag: "ValidationError", field: "content.text", rule: "maxLength" })
        expect(yield* Effect.flip(m.post(convo, { author: { type: "user" }, content: { type: "text", text: "a" } })))
          .toMatchObject({ _tag: "ValidationError", field: "author.userId", rule: "required" })
      }))

    it.effect("messages: streaming backwards in small pages yields each once, newest page first", () =>
      Effect.gen(function*() {
        const c = yield* Conversations
        const m = (yield* Messages).forApp(APP)
        const convo = yield* c.forApp(APP).create({ type: "sdkGroup" })
        const texts: Array<string> = []
        for (let i = 1; i <= 32; i++) {
          texts.push(`m${i}`)
          yield* m.post(convo.id, { author: { type: "business" }, content: { type: "text", text: `m${i}` } })
        }
        const newest = yield* m.list(convo.id, { page: { size: 5 } })
        expect(newest.messages.map((x) => x.content)).toEqual(texts.slice(27).map((text) => ({ type: "text", text })))
        expect(newest.meta.hasMore).toBe(true)
        const streamed = Chunk.toReadonlyArray(
          yield* Stream.runCollect(m.stream(convo.id, { page: { size: 5 } }))
        ).map((x) => x.content?.type === "text" ? x.content.text : "")
        // Pages of 5, newest first, each oldest to newest: m28..m32, m23..m27, …, m1..m2.
        const expected: Array<string> = []
        for (let end = 32; end > 0; end -= 5) expected.push(...texts.slice(Math.max(0, end - 5), end))
        expect(streamed).toEqual(expected)
        expect(new Set(streamed).size).toBe(32)
        const pages = yield* Stream.runCollect(m.streamPages(convo.id, { page: { size: 5 } }))
        expect(Chunk.size(pages)).toBe(7)
        expect(Chunk.unsafeLast(pages).meta.hasMore).toBe(false)
      }))

    it.effect("messages: delete removes one message; a message or conversation that is not there is a 404", () =>
      Effect.gen(function*() {
        const c = yield* Conversations
        const m = (yield* Messages).forApp(APP)
        const convo = yield* c.forApp(APP).create({ type: "sdkGroup" })
        const posted: Array<string> = []
        for (const text of ["keep", "drop", "keep too"]) {
          const [message] = yield* m.post(convo.id, { author: { type: "business" }, content: { type: "text", text } })
          posted.push(message!.id!)
        }
        yield* m.delete(convo.id, posted[1]!)
        expect((yield* m.list(convo.id, {})).messages.map((x) => x.id)).toEqual([posted[0], posted[2]])
        expect(yield* Effect.flip(m.delete(convo.id, posted[1]!))).toMatchObject({ _tag: "ApiError", status: 404 })
        expect((yield* Effect.flip(m.delete("0123456789abcdef01234567", posted[0]!)))._tag).toBe(
          "ConversationNotFound"
        )
      }))

    it.effect("messages: deleteAll empties the conversation; a missing conversation is ConversationNotFound", () =>
      Effect.gen(function*() {
        const c = yield* Conversations
        const m = (yield* Messages).forApp(APP)
        const convo = yield* c.forApp(APP).create({ type: "sdkGroup" })
        for (const text of ["a", "b"]) {
          yield* m.post(convo.id, { author: { type: "business" }, content: { type: "text", text } })
        }
        yield* m.deleteAll(convo.id)
        expect((yield* m.list(convo.id, {})).messages).toEqual([])
        const missing = "0123456789abcdef01234567"
        const content = { type: "text", text: "?" } as const
        expect((yield* Effect.flip(m.list(missing, {})))._tag).toBe("ConversationNotFound")
        expect((yield* Effect.flip(m.post(missing, { author: { type: "business" }, content })))._tag).toBe(
          "ConversationNotFound"
        )
        expect((yield* Effect.flip(m.deleteAll(missing)))._tag).toBe("ConversationNotFound")
      }))

    it.effect("messages: deleting a conversation deletes its messages", () =>
      Effect.gen(function*() {
        const c = yield* Conversations
        const m = (yield* Messages).forApp(APP)
        const convo = yield* c.forApp(APP).create({ type: "sdkGroup" })
        yield* m.post(convo.id, { author: { type: "business" }, content: { type: "text", text: "bye" } })
        yield* c.forApp(APP).delete(convo.id)
        expect((yield* Effect.flip(m.list(convo.id, {})))._tag).toBe("ConversationNotFound")
      }))

    it.effect("a taken externalId cannot make a second user", () =>
      Effect.gen(function*() {
        const users = yield* Users
        const error = yield* Effect.flip(users.forApp(APP).create({ externalId: "ada" }))
        expect(error).toMatchObject({ _tag: "Conflict", status: 409 })
      }))

    it.effect("invalid input fails the same way, before anything is sent", () =>
      Effect.gen(function*() {
        const c = yield* Conversations
        expect(yield* Effect.flip(c.forApp(APP).create({ type: "sdkGroup", displayName: "" }))).toMatchObject({
          _tag: "ValidationError",
          field: "displayName",
          rule: "length"
        })
      }))

    // Each family's section (sections.ts), in the same suite and against the same layer.
    for (const section of sections) section(it)
  })
