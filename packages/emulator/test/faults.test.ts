/**
 * Fault injection, the admin endpoints, and the client's retries meeting them.
 */
import { NodeHttpClient } from "@effect/platform-node"
import { describe, expect, it, layer } from "@effect/vitest"
import { Conversations, Credentials } from "@sunco-effect/conversations"
import { DefaultSeed, Emulator, EmulatorClient } from "@sunco-effect/emulator"
import { Effect, Layer } from "effect"
import { call } from "./support/Http.js"

const get = `/v2/apps/${DefaultSeed.appId}/conversations/5f0c8b0e3f1a2b001e4d6c20`
const setFaults = (faults: unknown) => call("PUT", "/__emulator/faults", { body: faults, authorization: null })
const statuses = (n: number) =>
  Effect.forEach(Array.from({ length: n }), () => Effect.map(call("GET", get), (a) => a.status))

// These tests need the real clock (retry delays, latency), so each gets its own emulator.
const Live = EmulatorClient.layer({ retry: { baseDelay: "5 millis", maxRetries: 8 } }).pipe(
  Layer.provideMerge(Emulator.layer()),
  Layer.provide(NodeHttpClient.layerUndici)
)

describe("faults and admin", () => {
  it.live("fault dice are deterministic under a seed", () =>
    Effect.provide(
      Effect.gen(function*() {
        const faults = {
          seed: 42,
          routes: { "Conversations.get": { rateLimit: 0.3, serverError: 0.2, retryAfterSeconds: 2 } }
        }
        yield* setFaults(faults)
        const first = yield* statuses(40)
        yield* setFaults(faults)
        const second = yield* statuses(40)
        expect(second).toEqual(first)
        expect(first).toContain(429)
        expect(first).toContain(503)
        expect(first).toContain(200)
        yield* setFaults({ seed: 42, routes: { "Conversations.get": { rateLimit: 1, retryAfterSeconds: 2 } } })
        const limited = yield* call("GET", get)
        expect(limited.headers.get("retry-after")).toBe("2")
        expect(limited.json).toMatchObject({ errors: [{ code: "too_many_requests" }] })
        yield* setFaults({})
      }),
      Live
    ))

  it.live("dropped connections, slow answers and malformed bodies", () =>
    Effect.provide(
      Effect.gen(function*() {
        const c = yield* Conversations
        yield* setFaults({ routes: { "Conversations.get": { drop: 1 } } })
        const dropped = yield* Effect.flip(
          c.forApp(DefaultSeed.appId).get("5f0c8b0e3f1a2b001e4d6c20", { retry: false })
        )
        expect(dropped._tag).toBe("TransportError")

        yield* setFaults({ routes: { "Conversations.get": { slow: 1, latencyMs: 300 } } })
        const timedOut = yield* Effect.flip(
          c.forApp(DefaultSeed.appId).get("5f0c8b0e3f1a2b001e4d6c20", { retry: false, timeout: "50 millis" })
        )
        expect(timedOut._tag).toBe("RequestTimeout")

        yield* setFaults({ routes: { "Conversations.get": { malformed: 1 } } })
        const malformed = yield* Effect.flip(c.forApp(DefaultSeed.appId).get("5f0c8b0e3f1a2b001e4d6c20"))
        expect(malformed._tag).toBe("ResponseDecodeError")
        yield* setFaults({})
      }),
      Live
    ))

  it.live("the client's default policy rides out injected 429s and 503s", () =>
    Effect.provide(
      Effect.gen(function*() {
        const c = yield* Conversations
        yield* setFaults({ seed: 7, default: { rateLimit: 0.3, serverError: 0.2, retryAfterSeconds: 0 } })
        const results = yield* Effect.forEach(
          Array.from({ length: 20 }),
          () => Effect.either(c.forApp(DefaultSeed.appId).get("5f0c8b0e3f1a2b001e4d6c20"))
        )
        expect(results.every((r) => r._tag === "Right")).toBe(true)
        yield* setFaults({})
      }),
      Live
    ))

  it.live("reset restores the seed; state is a read-only dump; faults can be read back", () =>
    Effect.provide(
      Effect.gen(function*() {
        const c = yield* Conversations
        const made = yield* c.forApp(DefaultSeed.appId).create({
          type: "sdkGroup",
          participants: [{ userExternalId: "ada", subscribeSDKClient: true }]
        })
        const state = (yield* call("GET", "/__emulator/state", { authorization: null })).json as {
          apps: Array<{ conversations: Array<{ id: string }> }>
        }
        expect(state.apps[0]!.conversations.map((x) => x.id)).toContain(made.id)
        yield* setFaults({ default: { slow: 0.5 } })
        expect((yield* call("GET", "/__emulator/faults", { authorization: null })).json).toEqual({
          default: { slow: 0.5 }
        })
        expect(
          (yield* call("POST", "/__emulator/reset", {
            authorization: null,
            headers: { "content-type": "application/json" }
          })).status
        ).toBe(200)
        expect((yield* Effect.flip(c.forApp(DefaultSeed.appId).get(made.id)))._tag).toBe("ConversationNotFound")
        expect((yield* call("GET", "/__emulator/faults", { authorization: null })).json).toEqual({})
        const bad = yield* setFaults({ default: { drop: 7 } })
        expect(bad.status).toBe(400)
      }),
      Live
    ))
})

layer(Emulator.layer({ faults: { routes: { "Conversations.create": { serverError: 1 } } } }))(
  "faults from options",
  (it) => {
    it.effect("a create that meets a 503 is not repeated by the default policy", () =>
      Effect.gen(function*() {
        const emulator = yield* Emulator
        const result = yield* Effect.flatMap(
          Conversations,
          (c) => Effect.flip(c.forApp(emulator.appId).create({ type: "sdkGroup" }))
        ).pipe(
          Effect.provide(
            EmulatorClient.layer({
              credentials: Credentials.basic({ keyId: emulator.keyId, secret: emulator.keySecret })
            }).pipe(
              Layer.provide(NodeHttpClient.layerUndici)
            )
          )
        )
        expect(result._tag).toBe("ServerError")
        const state = emulator.state.store.snapshot()
        expect(state.apps[0]!.conversations).toHaveLength(1) // only the seeded one
      }))
  }
)
