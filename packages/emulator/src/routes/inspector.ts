/**
 * The inspector: a page served by the emulator at `/__emulator/`, its
 * read-only JSON views (paged: the page never loads the whole store) and
 * a live feed of requests, state changes and webhook delivery attempts
 * (server-sent events). Nothing is fetched from anywhere but the emulator.
 */
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { Operations } from "@sunco-effect/conversations/Testing"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"
import * as Stream from "effect/Stream"
import { EmulatorState } from "../EmulatorState.js"
import { DeliveryEngine } from "../internal/delivery/engine.js"
import { page } from "../internal/inspectorPage.js"
import { deliveryView } from "./deliveries.js"

const encoder = new TextEncoder()

/** A query parameter as a whole number up to `max`, or `fallback` when absent or not one. */
const wholeNumber = (value: string | undefined, fallback: number, max: number) => {
  const n = Number(value)
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : fallback
}

/** Where a paged view starts and how many rows it holds: 50 unless asked, never more than 200. */
const paging = (q: URLSearchParams) => ({
  offset: wholeNumber(q.get("offset") ?? undefined, 0, Number.MAX_SAFE_INTEGER),
  limit: wholeNumber(q.get("limit") ?? undefined, 50, 200)
})

const query = Effect.map(HttpServerRequest.HttpServerRequest, (request) => {
  const q = request.url.indexOf("?")
  return new URLSearchParams(q < 0 ? "" : request.url.slice(q + 1))
})

const json = (body: unknown) => HttpServerResponse.unsafeJson(body, { headers: { "cache-control": "no-store" } })

const html = HttpServerResponse.text(page, {
  contentType: "text/html; charset=utf-8",
  headers: {
    "cache-control": "no-store",
    // Everything is inline and comes from here; nothing may load from elsewhere.
    "content-security-policy":
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff"
  }
})

const events = Effect.zipWith(
  EmulatorState,
  Effect.serviceOption(DeliveryEngine),
  (state, engine) =>
    HttpServerResponse.stream(
      Stream.asyncPush<Uint8Array>((emit) =>
        Effect.gen(function*() {
          yield* Effect.acquireRelease(
            Effect.sync(() => {
              emit.single(encoder.encode(`retry: 1000\nevent: hello\ndata: ${state.log.version}\n\n`))
              return state.log.subscribe((entries, version) => {
                emit.single(encoder.encode(`event: batch\ndata: ${JSON.stringify({ entries, version })}\n\n`))
              })
            }),
            (stop) => Effect.sync(stop)
          )
          // Attempts end in background fibers, not on a request: looked for while someone listens,
          // all of them first, then only the new ones (and `pending` when it moves).
          let last = 0
          let pending = -1
          const push = Effect.suspend(() => deliveryView(engine, last)).pipe(Effect.map((view) => {
            if (view.attempts.length === 0 && view.pending === pending) return
            last = view.attempts.at(-1)?.id ?? last
            pending = view.pending
            emit.single(encoder.encode(`event: deliveries\ndata: ${JSON.stringify(view)}\n\n`))
          }))
          yield* Effect.forkScoped(Effect.repeat(push, Schedule.spaced("250 millis")))
        })
      ),
      { contentType: "text/event-stream", headers: { "cache-control": "no-store", "x-accel-buffering": "no" } }
    )
)

export const inspectorRoutes = HttpRouter.empty.pipe(
  HttpRouter.get("/__emulator/", Effect.succeed(html)),
  HttpRouter.get(
    "/__emulator/api/summary",
    Effect.map(EmulatorState, (state) =>
      json({
        apps: state.store.appSummaries(),
        version: state.log.version,
        faults: state.faults.current,
        routes: Operations.names,
        baseUrl: state.publicBaseUrl
      }))
  ),
  HttpRouter.get(
    "/__emulator/api/users",
    Effect.zipWith(
      EmulatorState,
      query,
      (state, q) => json(state.store.userPage(q.get("app") ?? "", { query: q.get("q") ?? "", ...paging(q) }))
    )
  ),
  HttpRouter.get(
    "/__emulator/api/conversations",
    Effect.zipWith(
      EmulatorState,
      query,
      (state, q) => json(state.store.conversationPage(q.get("app") ?? "", q.get("user") ?? "", paging(q)))
    )
  ),
  HttpRouter.get("/__emulator/api/log", Effect.map(EmulatorState, (state) => json(state.log.recent()))),
  HttpRouter.get(
    "/__emulator/api/deliveries",
    Effect.flatMap(Effect.zip(Effect.serviceOption(DeliveryEngine), query), ([engine, q]) =>
      Effect.map(
        deliveryView(
          engine,
          wholeNumber(q.get("after") ?? undefined, 0, Number.MAX_SAFE_INTEGER),
          q.get("webhook") ?? undefined
        ),
        json
      ))
  ),
  HttpRouter.get("/__emulator/events", events)
)
