/**
 * The direct undici transport: the behavioural suite once more, and the
 * failures only a real socket can show.
 */
import { createServer } from "node:net"
import { describe, expect, it } from "@effect/vitest"
import { Conversations, Credentials } from "@sunco-effect/conversations"
import { Undici, type UndiciOptions } from "@sunco-effect/conversations/Undici"
import { DefaultSeed, Emulator } from "@sunco-effect/emulator"
import { Effect, Fiber, Layer } from "effect"
import { accountKey, behaviourSuite, seed } from "../../conversations/test/behaviour/suite.js"
import { call } from "./support/Http.js"

const undiciOn = (options: Partial<UndiciOptions> = {}) =>
  Layer.unwrapEffect(Effect.map(Emulator, (emulator) =>
    Undici.layer({
      baseUrl: emulator.baseUrl,
      credentials: Credentials.basic({ keyId: emulator.keyId, secret: emulator.keySecret }),
      ...options
    })))

behaviourSuite(
  "behaviour: undici transport against the emulator",
  undiciOn({ credentials: Credentials.basic({ keyId: accountKey.id, secret: accountKey.secret }) }).pipe(
    Layer.provide(Emulator.layer({ seed }))
  )
)

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

const CONV = "5f0c8b0e3f1a2b001e4d6c20"
const setFaults = (faults: unknown) => call("PUT", "/__emulator/faults", { body: faults, authorization: null })

describe("undici transport failures", () => {
  it.live("connection refused is a TransportError that was not sent", () =>
    Effect.gen(function*() {
      const port = yield* Effect.promise(freePort)
      const error = yield* Effect.flatMap(Conversations, (c) => Effect.flip(c.get(DefaultSeed.appId, CONV))).pipe(
        Effect.provide(Undici.layer({
          baseUrl: `http://127.0.0.1:${port}`,
          credentials: Credentials.basic({ keyId: "k", secret: "s" }),
          retry: false
        }))
      )
      expect(error).toMatchObject({ _tag: "TransportError", sent: false, errorCode: "ECONNREFUSED" })
    }))

  it.live("a dropped connection, a timeout, and an interruption that aborts the request", () =>
    Effect.gen(function*() {
      const c = yield* Conversations
      const emulator = yield* Emulator
      yield* setFaults({ routes: { getConversation: { drop: 1 } } })
      expect((yield* Effect.flip(c.get(emulator.appId, CONV)))._tag).toBe("TransportError")

      yield* setFaults({ routes: { getConversation: { slow: 1, latencyMs: 500 } } })
      expect(yield* Effect.flip(c.get(emulator.appId, CONV, { timeout: "50 millis" }))).toMatchObject({
        _tag: "RequestTimeout",
        timeoutMillis: 50
      })
      const fiber = yield* Effect.fork(c.get(emulator.appId, CONV))
      yield* Effect.sleep("20 millis")
      const exit = yield* Fiber.interrupt(fiber)
      expect(exit._tag).toBe("Failure")
      yield* setFaults({})
      expect((yield* c.get(emulator.appId, CONV)).id).toBe(CONV)
    }).pipe(Effect.provide(undiciOn({ retry: false }).pipe(Layer.provideMerge(Emulator.layer())))))
})
