/**
 * The service's limit of 30,000 messages per conversation: the next post is
 * `Locked` (423, typed, not retried) until messages are deleted.
 */
import { describe, expect, it } from "@effect/vitest"
import { Conversations, ConversationsTest, Messages } from "@sunco-effect/conversations"
import { Effect } from "effect"

const APP = "5f0c8b0e3f1a2b001e4d6c01"
const Test = ConversationsTest.layer({ appId: APP, seed: { apps: [{ id: APP }] } })
const LIMIT = 30_000

describe("a conversation at 30,000 messages", () => {
  it.effect("refuses the next with Locked, and takes messages again once emptied", () =>
    Effect.gen(function*() {
      const convo = yield* (yield* Conversations).create({ type: "sdkGroup" })
      const messages = yield* Messages
      const post = (text: string) =>
        messages.post(convo.id, { author: { type: "business" }, content: { type: "text", text } })
      yield* Effect.forEach(Array.from({ length: LIMIT }, (_, i) => `m${i}`), post, { discard: true })
      const locked = yield* Effect.flip(post("one too many"))
      expect(locked).toMatchObject({ _tag: "Locked", status: 423, conversationId: convo.id })
      const newest = yield* messages.list(convo.id, {})
      expect(newest.messages.at(-1)?.content).toEqual({ type: "text", text: `m${LIMIT - 1}` })
      yield* messages.deleteAll(convo.id)
      const [again] = yield* post("room again")
      expect(again?.content).toEqual({ type: "text", text: "room again" })
    }).pipe(Effect.provide(Test)), 60_000)
})
