/**
 * A raw node:http webhook receiver on loopback, for the delivery tests and the soak: it keeps
 * every request (path, arrival time, headers, parsed body) and answers what the test says.
 */
import { Effect } from "effect"
import * as http from "node:http"
import type { AddressInfo } from "node:net"

export interface Received {
  readonly path: string
  readonly at: number
  readonly headers: http.IncomingHttpHeaders
  readonly body: unknown
}

/** A receiver whose answer per path is set by the test: a status, after an optional delay. */
export const receiver = (answer: (path: string) => { status: number; delayMs?: number }) =>
  Effect.acquireRelease(
    Effect.async<{ base: string; received: Array<Received>; server: http.Server }>((resume) => {
      const received: Array<Received> = []
      const server = http.createServer((req, res) => {
        const chunks: Array<Buffer> = []
        req.on("data", (c: Buffer) => chunks.push(c))
        req.on("end", () => {
          const path = req.url ?? "/"
          received.push({
            path,
            at: performance.now(),
            headers: req.headers,
            body: JSON.parse(Buffer.concat(chunks).toString("utf8"))
          })
          const { delayMs = 0, status } = answer(path)
          setTimeout(() => {
            if (!res.destroyed) res.writeHead(status).end()
          }, delayMs)
        })
      })
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo
        resume(Effect.succeed({ base: `http://127.0.0.1:${port}`, received, server }))
      })
    }),
    ({ server }) =>
      Effect.async<void>((resume) => {
        server.closeAllConnections()
        server.close(() => resume(Effect.void))
      })
  )

/** The ids of the events in one received payload, in order. */
export const eventIds = (r: Received) => (r.body as { events: Array<{ id: string }> }).events.map((e) => e.id)

/** Poll `check` every 10 ms until it holds or `timeoutMs` pass (the caller asserts afterwards). */
export const waitFor = (check: () => boolean, timeoutMs = 5000) =>
  Effect.gen(function*() {
    const until = Date.now() + timeoutMs
    while (!check() && Date.now() < until) yield* Effect.sleep("10 millis")
  })
