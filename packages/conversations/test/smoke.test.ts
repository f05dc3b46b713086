import { it, expect } from "@effect/vitest"
import { Effect, Stream, Chunk } from "effect"
import { Conversations, ConversationsTest } from "@sunco-effect/conversations"

it.effect("smoke", () => Effect.gen(function*() {
  const c = yield* Conversations
  const conv = yield* c.create("app1", { type: "personal", participants: [{ userId: "u1" }] })
  expect(conv.isDefault).toBe(true)
  for (let i = 0; i < 30; i++) yield* c.create("app1", { type: "sdkGroup", participants: [{ userId: "u1" }] })
  const all = yield* c.stream("app1", { filter: { userId: "u1" }, pageSize: 7 }).pipe(Stream.runCollect)
  expect(Chunk.size(all)).toBe(31)
  const e = yield* c.delete("app1", conv.id!).pipe(Effect.flip)
  expect(e._tag).toBe("DefaultConversationUndeletable")
  console.log(e.message)
}).pipe(Effect.provide(ConversationsTest.layer({ seed: { apps: [{ id: "app1", users: [{ id: "u1" }] }] } }))))
