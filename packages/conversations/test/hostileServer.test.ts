/**
 * The client against a server that misbehaves on purpose, on each transport:
 * every failure is a typed error (never a defect), nothing is read without
 * bound, no message grows with the response, and no stream runs for ever.
 */
import { FetchHttpClient } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Conversations, type ConversationsOptions, Credentials, ProtocolError } from "@sunco-effect/conversations"
import { Undici } from "@sunco-effect/conversations/Undici"
import { Cause, Chunk, Effect, Exit, Layer, Stream } from "effect"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

const APP = "5d8cff3cd55b040010928b5b"
const CONV = "c93bb9c14dde8ffb94564eae"
const cursor = (n: number) => n.toString(16).padStart(24, "0")
const conversation = (i: number) => ({
  id: cursor(i),
  type: "sdkGroup",
  isDefault: false,
  lastUpdatedAt: "2025-02-03T16:21:12.308Z",
  createdAt: "2025-02-03T16:21:12.308Z"
})

type Handler = (request: IncomingMessage, response: ServerResponse, index: number) => void

/** A loopback server whose behaviour each test sets; counts requests and bodies received. */
const hostile = Effect.acquireRelease(
  Effect.async<{
    baseUrl: string
    set: (handler: Handler) => void
    requests: () => number
    bodies: Array<string>
    close: () => void
  }>((resume) => {
    let handler: Handler = (_, res) => res.end()
    let count = 0
    const bodies: Array<string> = []
    const server = createServer((req, res) => {
      const index = count++
      let body = ""
      req.on("data", (c) => body += c)
      req.on("end", () => {
        if (body) bodies.push(body)
        handler(req, res, index)
      })
    })
    server.listen(0, "127.0.0.1", () =>
      resume(Effect.succeed({
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        set: (h) => {
          handler = h
          count = 0
          bodies.length = 0
        },
        requests: () => count,
        bodies,
        close: () => server.close()
      })))
  }),
  (s) => Effect.sync(() => s.close())
)

const json = (status: number, body: string, headers: Record<string, string> = {}): Handler => (_, res) => {
  res.writeHead(status, { "content-type": "application/json", ...headers })
  res.end(body)
}

const transports: ReadonlyArray<
  readonly [string, (options: ConversationsOptions) => Layer.Layer<Conversations, unknown>]
> = [
  ["Undici.layer", (options) => Undici.layer(options)],
  [
    "Conversations.layer on NodeHttpClient",
    (o) => Conversations.layer(o).pipe(Layer.provide(NodeHttpClient.layerUndici))
  ],
  ["Conversations.layer on FetchHttpClient", (o) => Conversations.layer(o).pipe(Layer.provide(FetchHttpClient.layer))]
]

/** Run `use` against the hostile server on one transport; the Exit, whatever it is. */
const against = <A, E>(
  make: (options: ConversationsOptions) => Layer.Layer<Conversations, unknown>,
  handler: Handler,
  use: (c: Conversations["Type"]) => Effect.Effect<A, E>,
  options: Partial<ConversationsOptions> = {}
) =>
  Effect.gen(function*() {
    const server = yield* hostile
    server.set(handler)
    const exit = yield* Effect.exit(
      Effect.flatMap(Conversations, use).pipe(Effect.provide(make({
        baseUrl: server.baseUrl,
        appId: APP,
        credentials: Credentials.basic({ keyId: "app_x", secret: "s" }),
        retry: false,
        timeout: "10 seconds",
        ...options
      })))
    )
    return { exit, requests: server.requests(), bodies: [...server.bodies] }
  })

/** The typed failure of an Exit, failing the test on success or on a defect. */
const failureOf = <A, E>(exit: Exit.Exit<A, E>): E => {
  if (Exit.isSuccess(exit)) throw new Error("expected a failure, got a success")
  const failure = Cause.failureOption(exit.cause)
  if (failure._tag === "None") throw new Error(`expected a typed failure, got ${Cause.pretty(exit.cause)}`)
  return failure.value
}

const messageOf = (e: unknown) => (e as Error).message

for (const [name, make] of transports) {
  describe(`a hostile server, over ${name}`, () => {
    it.scoped("a 2xx body nested 5,000 levels is a ResponseDecodeError, not a stack overflow", () =>
      Effect.gen(function*() {
        const deep = `{"conversation":{"id":"x","metadata":${"[".repeat(5000)}${"]".repeat(5000)}}}`
        const { exit } = yield* against(make, json(200, deep), (c) => c.get(CONV))
        const error = failureOf(exit)
        expect(error).toMatchObject({ _tag: "ResponseDecodeError" })
        expect(messageOf(error)).toContain("deeper than")
      }))

    it.scoped("a body past maxResponseBytes is abandoned as it streams in: ProtocolError with a short message", () =>
      Effect.gen(function*() {
        const big: Handler = (_, res) => {
          res.writeHead(200, { "content-type": "application/json" })
          const piece = Buffer.alloc(64 * 1024, 0x61)
          let sent = 0
          const pump = () => {
            while (sent < 20 * 1024 * 1024 && !res.destroyed) {
              sent += piece.length
              if (!res.write(piece)) return void res.once("drain", pump)
            }
            res.end()
          }
          pump()
        }
        const { exit } = yield* against(make, big, (c) => c.get(CONV), { maxResponseBytes: 1024 * 1024 })
        const error = failureOf(exit)
        expect(error).toBeInstanceOf(ProtocolError)
        expect(messageOf(error)).toContain("maxResponseBytes")
      }))

    it.scoped("a large wrong-shaped body and a huge error title give messages of bounded length", () =>
      Effect.gen(function*() {
        const wrong = JSON.stringify({ conversation: { id: 5, displayName: "y".repeat(3_000_000) } })
        const decode = failureOf((yield* against(make, json(200, wrong), (c) => c.get(CONV))).exit)
        expect(decode).toMatchObject({ _tag: "ResponseDecodeError" })
        expect(messageOf(decode).length).toBeLessThan(2500)
        const title = JSON.stringify({ errors: [{ code: "internal", title: "t".repeat(3_000_000) }] })
        const server = failureOf((yield* against(make, json(500, title), (c) => c.get(CONV))).exit)
        expect(server).toMatchObject({ _tag: "ServerError" })
        expect(messageOf(server).length).toBeLessThan(1500)
      }))

    it.scoped("truncated, non-UTF-8 and wrongly typed bodies are typed errors; a DELETE's body does not matter", () =>
      Effect.gen(function*() {
        const truncated = json(200, "{\"conversation\":{\"id\":")
        expect(failureOf((yield* against(make, truncated, (c) => c.get(CONV))).exit)).toMatchObject({
          _tag: "ResponseDecodeError"
        })
        const latin1: Handler = (_, res) => {
          res.writeHead(200, { "content-type": "application/json" })
          res.end(Buffer.from([0x7B, 0xFF, 0xFE, 0x7D]))
        }
        expect(failureOf((yield* against(make, latin1, (c) => c.get(CONV))).exit)).toMatchObject({
          _tag: "ResponseDecodeError"
        })
        expect(failureOf((yield* against(make, json(200, "[1,2]"), (c) => c.list({ filter: { userId: "u" } }))).exit))
          .toMatchObject({ _tag: "ResponseDecodeError" })
        const deleted = yield* against(make, truncated, (c) => c.delete(CONV))
        expect(Exit.isSuccess(deleted.exit)).toBe(true)
      }))

    it.scoped("statuses outside 100-599 are a ProtocolError", () =>
      Effect.gen(function*() {
        for (const status of [600, 999]) {
          const { exit } = yield* against(make, json(status, "{}"), (c) => c.get(CONV))
          expect(failureOf(exit)).toMatchObject({ _tag: "ProtocolError", status })
        }
      }))

    it.scoped("a stream ends with a ProtocolError when cursors repeat, alternate or pages stop progressing", () =>
      Effect.gen(function*() {
        const page = (conversations: Array<unknown>, meta: Record<string, unknown>) =>
          JSON.stringify({ conversations, meta, links: {} })
        const cases: ReadonlyArray<readonly [string, Handler, { readonly before?: string }, number]> = [
          [
            "the same afterCursor",
            (_, res) => json(200, page([conversation(1)], { hasMore: true, afterCursor: cursor(1) }))(_, res, 0),
            {},
            2
          ],
          [
            "alternating cursors",
            (_, res, i) => json(200, page([conversation(i)], { hasMore: true, afterCursor: cursor(i % 2) }))(_, res, 0),
            {},
            3
          ],
          [
            "a repeating beforeCursor",
            (_, res) => json(200, page([conversation(1)], { hasMore: true, beforeCursor: cursor(7) }))(_, res, 0),
            { before: cursor(9) },
            2
          ],
          [
            "endless empty pages",
            (_, res, i) => json(200, page([], { hasMore: true, afterCursor: cursor(i + 100) }))(_, res, 0),
            {},
            4
          ]
        ]
        for (const [label, handler, pageOptions, maxRequests] of cases) {
          const { exit, requests } = yield* against(
            make,
            handler,
            (c) => Stream.runCollect(c.stream({ filter: { userId: "u" }, page: { size: 10, ...pageOptions } }))
          )
          expect([label, failureOf(exit)]).toMatchObject([label, { _tag: "ProtocolError" }])
          expect([label, requests <= maxRequests + 1]).toEqual([label, true])
        }
        // A listing that does progress through empty pages (fewer than the bound in a row) completes.
        const sparse: Handler = (_, res, i) =>
          json(
            200,
            page(
              i % 2 === 0 ? [] : [conversation(i)],
              i < 9 ? { hasMore: true, afterCursor: cursor(i + 1) } : { hasMore: false }
            )
          )(_, res, 0)
        const { exit } = yield* against(make, sparse, (c) => Stream.runCollect(c.stream({ filter: { userId: "u" } })))
        expect(Exit.isSuccess(exit) && Chunk.size(exit.value)).toBe(5)
      }))

    it.scoped("input JSON cannot carry is a ValidationError; what is checked is what is sent", () =>
      Effect.gen(function*() {
        const created = json(201, JSON.stringify({ conversation: conversation(1) }))
        const cyclic: Record<string, unknown> = { type: "sdkGroup" }
        cyclic.metadata = cyclic
        const throwing = {
          type: "sdkGroup",
          get displayName(): string {
            throw new Error("boom")
          }
        }
        for (const body of [{ type: "sdkGroup", metadata: { n: 1n } }, cyclic, throwing]) {
          const { bodies, exit } = yield* against(make, created, (c) => c.create(body as never))
          expect(failureOf(exit)).toMatchObject({ _tag: "ValidationError", rule: "serializable" })
          expect(bodies).toEqual([])
        }
        // toJSON sends something else than the object shows: the rules see what would be sent.
        const disguised = {
          type: "sdkGroup",
          displayName: "fine",
          toJSON: () => ({ type: "sdkGroup", displayName: "" })
        }
        const refused = yield* against(make, created, (c) => c.create(disguised))
        expect(failureOf(refused.exit)).toMatchObject({ _tag: "ValidationError", field: "displayName" })
        expect(refused.bodies).toEqual([])
        // A getter read once: the body sent is the body checked.
        let reads = 0
        const shifty = {
          type: "sdkGroup",
          get displayName() {
            return reads++ === 0 ? "first" : ""
          }
        }
        const sent = yield* against(make, created, (c) => c.create(shifty))
        expect(Exit.isSuccess(sent.exit)).toBe(true)
        expect(sent.bodies.map((b) => JSON.parse(b).displayName)).toEqual(["first"])
      }))
  })
}
