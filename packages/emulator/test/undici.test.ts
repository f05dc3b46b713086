/**
 * The direct undici transport: the failures only a real socket can show (the
 * behavioural suite runs on it from packages/behaviour).
 */
import { describe, expect, it } from "@effect/vitest"
import { Conversations, Credentials } from "@sunco-effect/conversations"
import { Undici, type UndiciOptions } from "@sunco-effect/conversations/Undici"
import { DefaultSeed, Emulator } from "@sunco-effect/emulator"
import { Effect, Fiber, Layer } from "effect"
import { createServer as createHttpServer } from "node:http"
import { createServer } from "node:net"
import { Agent } from "undici"
import { call } from "./support/Http.js"

const undiciOn = (options: Partial<UndiciOptions> = {}) =>
  Layer.unwrapEffect(Effect.map(Emulator, (emulator) =>
    Undici.layer({
      baseUrl: emulator.baseUrl,
      credentials: Credentials.basic({ keyId: emulator.keyId, secret: emulator.keySecret }),
      ...options
    })))

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
      const error = yield* Effect.flatMap(Conversations, (c) => Effect.flip(c.forApp(DefaultSeed.appId).get(CONV)))
        .pipe(
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
      yield* setFaults({ routes: { "Conversations.get": { drop: 1 } } })
      expect((yield* Effect.flip(c.forApp(emulator.appId).get(CONV)))._tag).toBe("TransportError")

      yield* setFaults({ routes: { "Conversations.get": { slow: 1, latencyMs: 500 } } })
      expect(yield* Effect.flip(c.forApp(emulator.appId).get(CONV, { timeout: "50 millis" }))).toMatchObject({
        _tag: "RequestTimeout",
        timeoutMillis: 50
      })
      const fiber = yield* Effect.fork(c.forApp(emulator.appId).get(CONV))
      yield* Effect.sleep("20 millis")
      const exit = yield* Fiber.interrupt(fiber)
      expect(exit._tag).toBe("Failure")
      yield* setFaults({})
      expect((yield* c.forApp(emulator.appId).get(CONV)).id).toBe(CONV)
    }).pipe(Effect.provide(undiciOn({ retry: false }).pipe(Layer.provideMerge(Emulator.layer())))))
})

describe("undici dispatcher ownership", () => {
  // A server that answers every request with one conversation and counts its open sockets.
  const countingServer = Effect.acquireRelease(
    Effect.async<{ url: string; open: () => number; requests: () => number }>((resume) => {
      let open = 0
      let requests = 0
      const server = createHttpServer((_, res) => {
        requests++
        res.setHeader("content-type", "application/json")
        res.end(JSON.stringify({ conversation: { id: CONV, type: "personal" } }))
      })
      server.on("connection", (socket) => {
        open++
        socket.on("close", () => open--)
      })
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as { port: number }
        resume(Effect.succeed({ url: `http://127.0.0.1:${port}`, open: () => open, requests: () => requests }))
      })
    }),
    () => Effect.void
  )
  const getOnce = (options: Partial<UndiciOptions> & { baseUrl: string }) =>
    Effect.flatMap(Conversations, (c) => c.forApp(DefaultSeed.appId).get(CONV)).pipe(
      Effect.provide(Undici.layer({ credentials: Credentials.basic({ keyId: "k", secret: "s" }), ...options }))
    )
  const settled = (condition: () => boolean) =>
    Effect.promise(async () => {
      for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 10))
      return condition()
    })

  it.scoped("by default the layer owns an Agent and closes its connections when released", () =>
    Effect.gen(function*() {
      const server = yield* countingServer
      expect((yield* getOnce({ baseUrl: server.url })).id).toBe(CONV)
      expect(server.requests()).toBe(1)
      // keep-alive would hold the socket open if the dispatcher outlived the layer
      expect(yield* settled(() => server.open() === 0)).toBe(true)
    }))

  it.scoped("a dispatcher the user gives is used, and left open for its owner", () =>
    Effect.gen(function*() {
      const server = yield* countingServer
      const agent = new Agent()
      yield* Effect.addFinalizer(() => Effect.promise(() => agent.close()))
      let dispatched = 0
      const counting = agent.compose((dispatch) => (opts, handler) => {
        dispatched++
        return dispatch(opts, handler)
      })
      yield* getOnce({ baseUrl: server.url, dispatcher: counting })
      yield* getOnce({ baseUrl: server.url, dispatcher: counting })
      expect(dispatched).toBe(2)
      expect(agent.closed).toBe(false)
      // both layers are released; the connections they used belong to the agent and stay open
      expect(server.open()).toBeGreaterThan(0)
    }))
})
