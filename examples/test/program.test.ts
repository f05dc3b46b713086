/**
 * Testing a program with the test layer: the Support service of the
 * app-layer example, on the in-memory Conversations, no network.
 */
import { describe, expect, it } from "@effect/vitest"
import { Conversations, ConversationsTest, Users } from "@sunco-effect/conversations"
import { Effect, Layer } from "effect"
import { Support, SupportLive } from "../src/app-layer.js"

const APP = "5f0c8b0e3f1a2b001e4d6c01"

const TestServices = ConversationsTest.layer({ appId: APP, seed: { apps: [{ id: APP }] } })
const TestApp = SupportLive.pipe(Layer.provideMerge(TestServices))

describe("Support, tested with ConversationsTest", () => {
  it.effect("lists the tickets it opened, and nothing else", () =>
    Effect.gen(function*() {
      const support = yield* Support
      const user = yield* (yield* Users).create({ externalId: "customer-1" })
      yield* support.openTicket(user.id, "Broken zipper")
      yield* (yield* Conversations).create({ type: "personal", participants: [{ userId: user.id }] })
      yield* support.openTicket(user.id, "Late delivery")
      expect(yield* support.openTickets(user.id)).toEqual(["Broken zipper", "Late delivery"])
    }).pipe(Effect.provide(TestApp)))

  it.effect("surfaces the service's failure as the typed error", () =>
    Effect.gen(function*() {
      const control = yield* ConversationsTest.Control
      yield* control.failWith("Conversations.create", { status: 404, code: "user_not_found", title: "User not found" })
      const error = yield* Effect.flip((yield* Support).openTicket("nobody", "x"))
      expect(error._tag).toBe("UserNotFound")
    }).pipe(Effect.provide(TestApp)))
})
