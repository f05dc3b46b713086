/**
 * A webhook receiver: verifies `X-API-Key`, caps the body, decodes the batch
 * with the Schemas generated from the spec's `x-webhooks`, hands it to a
 * `WebhookSink` (a bounded queue here, or the durable `WebhookInbox`) and
 * answers 200; handlers run afterwards. The service delivers each event at
 * least once, so every sink deduplicates on `event.id`.
 *
 * Imported from its own entry point, `@sunco-effect/conversations/Webhooks`.
 *
 * @since 0.2.0
 */
import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Pipeable from "effect/Pipeable"
import * as Queue from "effect/Queue"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import type * as Tracer from "effect/Tracer"
import { createHash, timingSafeEqual } from "node:crypto"
import type { Unknown } from "./generated/Unknown.js"
import type { webhookEventTypes } from "./generated/Webhooks.js"
import { WebhookEvent as WebhookEventSchema } from "./generated/Webhooks.js"
import { decoder } from "./internal/decode.js"
import { nestsDeeperThan } from "./Validation.js"

/**
 * One decoded event: a case per event type the spec lists, and `{ type: "unknown", raw }`.
 *
 * @since 0.2.0
 * @category models
 */
export type WebhookEvent = typeof WebhookEventSchema.Type

/**
 * An event type the spec lists.
 *
 * @since 0.2.0
 * @category models
 */
export type EventType = typeof webhookEventTypes[number]

/**
 * The decoded event of one type: `EventOf<"conversation:message">` is a `ConversationMessageEvent`.
 *
 * @since 0.2.0
 * @category models
 */
export type EventOf<T extends EventType> = Extract<WebhookEvent, { readonly type: T }>

/**
 * One event of a delivery as a handler sees it: the deduplication key, the
 * decoded event (`{ type: "unknown", raw }` when its type is not in the spec or
 * its fields do not match the spec), the raw object as sent, and the app and
 * webhook the delivery came from.
 *
 * @since 0.2.0
 * @category models
 */
export interface ReceivedEvent {
  /** `event.id`, or a digest of the raw event when the sender gave none. */
  readonly id: string
  readonly event: WebhookEvent
  readonly raw: unknown
  readonly appId: string | undefined
  readonly webhookId: string | undefined
  /** The span of the delivery that carried the event, linked from the handler's span. */
  readonly deliverySpan?: Tracer.AnySpan | undefined
}

/**
 * A verified, decoded delivery: its events in the order they were sent.
 *
 * @since 0.2.0
 * @category models
 */
export interface Delivery {
  readonly events: ReadonlyArray<ReceivedEvent>
}

/**
 * The sink could not take the delivery (the database is down, the receiver is
 * shutting down). The receiver answers 503, so the service delivers it again.
 *
 * @since 0.2.0
 * @category errors
 */
export class WebhookStoreError extends Schema.TaggedError<WebhookStoreError>()("WebhookStoreError", {
  reason: Schema.String
}) {}

/**
 * Where the receiver hands a verified delivery before it answers 200. It
 * completes once the events are stored (or queued); it may wait, which is the
 * receiver's backpressure.
 *
 * @since 0.2.0
 * @category models
 */
export interface WebhookSink {
  readonly store: (delivery: Delivery) => Effect.Effect<void, WebhookStoreError>
}

/**
 * The receiver's options.
 *
 * @since 0.2.0
 * @category models
 */
export interface ReceiverOptions {
  /** The accepted `X-API-Key` values: several while a key is rotated. */
  readonly secrets: Redacted.Redacted<string> | ReadonlyArray<Redacted.Redacted<string>>
  readonly sink: WebhookSink
  /** Largest body accepted, in bytes; a larger one gets 413. Default 1 MiB. */
  readonly maxBodyBytes?: number | undefined
  /** Deepest JSON nesting accepted; a deeper body gets 400. Default 64. */
  readonly maxDepth?: number | undefined
}

/**
 * The default body cap: 1 MiB, well above the batches the service sends.
 *
 * @since 0.2.0
 * @category constants
 */
export const defaultMaxBodyBytes = 1024 * 1024

/**
 * The default nesting cap.
 *
 * @since 0.2.0
 * @category constants
 */
export const defaultMaxDepth = 64

type Rejection = { readonly status: 400 | 401 | 413 | 503; readonly reason: string }
const reject = (status: Rejection["status"], reason: string): Rejection => ({ status, reason })

const digest = (value: string): Buffer => createHash("sha256").update(value, "utf8").digest()

/**
 * Whether `presented` equals one of `secrets`, in time independent of where
 * they differ: equal-length digests compared with `timingSafeEqual`, every
 * secret compared whatever the outcome of the others.
 *
 * @since 0.2.0
 * @category verification
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import * as Webhooks from "@sunco-effect/conversations/Webhooks"
 *
 * const ok: boolean = Webhooks.verifyKey([Redacted.make("new"), Redacted.make("old")], "old")
 * console.log(ok) // true
 * ```
 */
export const verifyKey = (
  secrets: Redacted.Redacted<string> | ReadonlyArray<Redacted.Redacted<string>>,
  presented: string | undefined
): boolean => {
  const list = Redacted.isRedacted(secrets) ? [secrets] : secrets
  const given = digest(presented ?? "")
  let matched = false
  for (const secret of list) {
    matched = timingSafeEqual(digest(Redacted.value(secret)), given) || matched
  }
  return presented !== undefined && matched
}

const RawPayload = Schema.Struct({
  app: Schema.optional(Schema.Struct({ id: Schema.optional(Schema.String) })),
  webhook: Schema.optional(Schema.Struct({ id: Schema.optional(Schema.String) })),
  events: Schema.Array(
    Schema.Struct({ type: Schema.String }, Schema.Record({ key: Schema.String, value: Schema.Unknown }))
  )
})
const decodeRawPayload = decoder(RawPayload)
const decodeWebhookEvent = decoder(WebhookEventSchema)

/**
 * Decodes one raw event with the generated Schemas. A known type whose fields
 * do not match the spec is kept as the unknown case rather than dropped.
 *
 * @since 0.2.0
 * @category decoding
 * @example
 * ```ts
 * import * as Webhooks from "@sunco-effect/conversations/Webhooks"
 *
 * const event = Webhooks.decodeEvent({ type: "conversation:typing:v9", id: "e1" })
 * console.log(event.type) // "unknown"
 * ```
 */
export const decodeEvent = (raw: { readonly type: string; readonly [key: string]: unknown }): WebhookEvent =>
  Either.getOrElse(decodeWebhookEvent(raw), (): Unknown => ({ type: "unknown", raw }))

/**
 * The deduplication key of a raw event: its `id`, or a digest of its JSON when it has none.
 *
 * @since 0.2.0
 * @category decoding
 * @example
 * ```ts
 * import * as Webhooks from "@sunco-effect/conversations/Webhooks"
 *
 * console.log(Webhooks.eventKey({ id: "5f2a", type: "conversation:message" })) // "5f2a"
 * ```
 */
export const eventKey = (raw: { readonly [key: string]: unknown }): string =>
  typeof raw.id === "string" && raw.id.length > 0
    ? raw.id
    : "sha256:" + createHash("sha256").update(JSON.stringify(raw)).digest("hex")

/**
 * Parses and decodes a delivery's body (already verified). Fails with the
 * status to answer: 400 when the body is not JSON, nests too deep or is not a
 * `{ events: [...] }` object.
 *
 * @since 0.2.0
 * @category decoding
 * @example
 * ```ts
 * import { Either } from "effect"
 * import * as Webhooks from "@sunco-effect/conversations/Webhooks"
 *
 * const body = JSON.stringify({ events: [{ id: "e1", type: "conversation:read" }] })
 * const delivery = Webhooks.parseDelivery(body)
 * console.log(Either.isRight(delivery)) // true
 * ```
 */
export const parseDelivery = (
  body: string,
  options?: { readonly maxDepth?: number | undefined; readonly deliverySpan?: Tracer.AnySpan | undefined }
): Either.Either<Delivery, { readonly status: 400; readonly reason: string }> => {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return Either.left({ status: 400, reason: "body is not JSON" })
  }
  if (nestsDeeperThan(json, options?.maxDepth ?? defaultMaxDepth)) {
    return Either.left({ status: 400, reason: "body nests too deep" })
  }
  const payload = decodeRawPayload(json)
  if (Either.isLeft(payload)) return Either.left({ status: 400, reason: "body is not a webhook payload" })
  const { app, events, webhook } = payload.right
  return Either.right({
    events: events.map((raw) => ({
      id: eventKey(raw),
      event: decodeEvent(raw),
      raw,
      appId: app?.id,
      webhookId: webhook?.id,
      deliverySpan: options?.deliverySpan
    }))
  })
}

// Reads at most `max` bytes, so a huge body is refused without being buffered.
const readCapped = <E>(stream: Stream.Stream<Uint8Array, E>, max: number) =>
  Stream.runFoldEffect(
    stream,
    { size: 0, chunks: new Array<Uint8Array>() },
    (acc, chunk) => {
      const size = acc.size + chunk.length
      if (size > max) return Effect.fail(reject(413, "body too large"))
      acc.chunks.push(chunk)
      return Effect.succeed({ size, chunks: acc.chunks })
    }
  ).pipe(
    Effect.map(({ chunks }) => Buffer.concat(chunks).toString("utf8")),
    Effect.catchIf((e): e is E => !isRejection(e), () => Effect.fail(reject(400, "body could not be read")))
  )

const isRejection = (u: unknown): u is Rejection =>
  typeof u === "object" && u !== null && "status" in u && "reason" in u

const answer = (status: number, message: string) => HttpServerResponse.unsafeJson({ status, message }, { status })

/**
 * The receiver as an `@effect/platform` `HttpApp`: mount it as a router route
 * (`HttpRouter.post("/webhooks", app)`) or serve it alone. Answers 401 to a
 * wrong or missing key (nothing read further, nothing stored), 413 to a body
 * over the cap, 400 to a malformed one, 503 when the sink fails, 200 once the
 * sink has the batch. Its span, `Webhooks.receive`, records the status and
 * the number of events, never a header.
 *
 * @since 0.2.0
 * @category receiver
 * @example
 * ```ts
 * import { HttpRouter } from "@effect/platform"
 * import { Effect, Redacted } from "effect"
 * import * as Webhooks from "@sunco-effect/conversations/Webhooks"
 *
 * const program = Effect.gen(function*() {
 *   const sink = yield* Webhooks.queueSink({ handlers: Webhooks.handlers })
 *   const app = Webhooks.receiver({ secrets: Redacted.make("key"), sink })
 *   return HttpRouter.empty.pipe(HttpRouter.post("/webhooks", app))
 * })
 * void program
 * ```
 */
export const receiver = (options: ReceiverOptions): HttpApp.Default<never, HttpServerRequest.HttpServerRequest> =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const span = yield* Effect.currentSpan.pipe(Effect.option)
    const contentLength = request.headers["content-length"]
    const outcome = yield* receive(options, {
      key: request.headers["x-api-key"],
      contentLength,
      // A declared length (already checked against the cap) is all the body can be, so it is read
      // at once; a chunked body is read piece by piece up to the cap.
      read: (max) =>
        contentLength === undefined
          ? readCapped(request.stream, max)
          : Effect.mapBoth(request.arrayBuffer, {
            onFailure: () => reject(400, "body could not be read"),
            onSuccess: (bytes) => Buffer.from(bytes).toString("utf8")
          }),
      deliverySpan: Option.getOrUndefined(span)
    }).pipe(Effect.either)
    const status = Either.isLeft(outcome) ? outcome.left.status : 200
    yield* Effect.annotateCurrentSpan("webhooks.status", status)
    return Either.isLeft(outcome) ? answer(status, outcome.left.reason) : answer(200, "ok")
  }).pipe(Effect.withSpan("Webhooks.receive", { kind: "server" }))

const receive = (
  options: ReceiverOptions,
  input: {
    readonly key: string | undefined
    readonly contentLength: string | undefined
    readonly read: (max: number) => Effect.Effect<string, Rejection>
    readonly deliverySpan: Tracer.AnySpan | undefined
  }
): Effect.Effect<void, Rejection> =>
  Effect.gen(function*() {
    if (!verifyKey(options.secrets, input.key)) return yield* Effect.fail(reject(401, "unauthorized"))
    const max = options.maxBodyBytes ?? defaultMaxBodyBytes
    const declared = input.contentLength === undefined ? NaN : Number(input.contentLength)
    if (declared > max) return yield* Effect.fail(reject(413, "body too large"))
    const body = yield* input.read(max)
    const delivery = yield* parseDelivery(body, { maxDepth: options.maxDepth, deliverySpan: input.deliverySpan })
    yield* Effect.annotateCurrentSpan("webhooks.events", delivery.events.length)
    yield* options.sink.store(delivery).pipe(
      Effect.catchAllCause((cause) => {
        const error = Cause.squash(cause)
        const reason = error instanceof WebhookStoreError ? error.reason : "sink failed"
        return Effect.zipRight(
          Effect.logWarning("webhook delivery not stored", reason),
          Effect.fail(reject(503, "not stored, deliver again"))
        )
      })
    )
  })

/**
 * The receiver as a Web-standard handler, for any server that speaks
 * `Request`/`Response` (Bun, Deno, Cloudflare, Next.js route handlers).
 *
 * @since 0.2.0
 * @category receiver
 * @example
 * ```ts
 * import { Effect, Redacted } from "effect"
 * import * as Webhooks from "@sunco-effect/conversations/Webhooks"
 *
 * const handler = Effect.runSync(
 *   Effect.scoped(Effect.map(Webhooks.queueSink({ handlers: Webhooks.handlers }), (sink) =>
 *     Webhooks.webHandler({ secrets: Redacted.make("key"), sink })))
 * )
 * const response: Promise<Response> = handler(new Request("http://localhost/", { method: "POST", body: "{}" }))
 * void response
 * ```
 */
export const webHandler = (options: ReceiverOptions): (request: Request) => Promise<Response> => {
  const handler = HttpApp.toWebHandler(receiver(options))
  return (request) => handler(request)
}

/**
 * A handler of one event: the decoded event and what came with it.
 *
 * @since 0.2.0
 * @category handlers
 */
export type Handler<A, E, R> = (event: A, received: ReceivedEvent) => Effect.Effect<void, E, R>

/**
 * A handler as `Handlers` keeps it, under its event type. `handle` is a
 * method, so its parameter is bivariant: a handler of one event type is kept
 * beside the others, and `dispatch` calls it only with events of that type.
 *
 * @since 0.2.0
 * @category handlers
 */
export interface TypedHandler<E, R> {
  handle(event: WebhookEvent, received: ReceivedEvent): Effect.Effect<void, E, R>
}

/**
 * Handlers by event type, and one for events of unknown type. Build it with
 * `handlers`, `on` and `onUnknown`; an event with no handler is acknowledged and dropped.
 *
 * @since 0.2.0
 * @category handlers
 */
export interface Handlers<E, R> extends Pipeable.Pipeable {
  readonly byType: ReadonlyMap<string, TypedHandler<E, R>>
  readonly unknown: Handler<Unknown, E, R> | undefined
}

class HandlersImpl<E, R> implements Handlers<E, R> {
  constructor(
    readonly byType: ReadonlyMap<string, TypedHandler<E, R>>,
    readonly unknown: Handler<Unknown, E, R> | undefined
  ) {}
  pipe() {
    // Effect's own Pipeable implementations pass `arguments` through, to keep pipe's overloads.
    // eslint-disable-next-line prefer-rest-params
    return Pipeable.pipeArguments(this, arguments)
  }
}

/**
 * No handlers yet.
 *
 * @since 0.2.0
 * @category handlers
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import * as Webhooks from "@sunco-effect/conversations/Webhooks"
 *
 * const handlers = Webhooks.handlers.pipe(
 *   Webhooks.on("conversation:message", (event) => Effect.log(event.payload?.message?.content))
 * )
 * void handlers
 * ```
 */
export const handlers: Handlers<never, never> = new HandlersImpl(new Map(), undefined)

/**
 * Adds the handler of one event type; its argument is that type's decoded event.
 *
 * @since 0.2.0
 * @category handlers
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import * as Webhooks from "@sunco-effect/conversations/Webhooks"
 *
 * const onMessage = Webhooks.on("conversation:message", (event) =>
 *   Effect.log(`from ${event.payload?.message?.author?.type}`))
 * const handlers = onMessage(Webhooks.handlers)
 * void handlers
 * ```
 */
export const on =
  <T extends EventType, E2, R2>(type: T, handler: Handler<EventOf<T>, E2, R2>) =>
  <E, R>(self: Handlers<E, R>): Handlers<E | E2, R | R2> =>
    new HandlersImpl<E | E2, R | R2>(
      new Map<string, TypedHandler<E | E2, R | R2>>([...self.byType, [type, { handle: handler }]]),
      self.unknown
    )

/**
 * Sets the handler of events whose type the spec does not list (or whose fields do not match it).
 *
 * @since 0.2.0
 * @category handlers
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import * as Webhooks from "@sunco-effect/conversations/Webhooks"
 *
 * const handlers = Webhooks.handlers.pipe(
 *   Webhooks.onUnknown((event) => Effect.log(`new event type ${event.raw.type}`))
 * )
 * void handlers
 * ```
 */
export const onUnknown =
  <E2, R2>(handler: Handler<Unknown, E2, R2>) => <E, R>(self: Handlers<E, R>): Handlers<E | E2, R | R2> =>
    new HandlersImpl<E | E2, R | R2>(self.byType, handler)

/**
 * Runs the matching handler of one event in a `Webhooks.handle` span linked
 * to its delivery's span.
 *
 * @since 0.2.0
 * @category handlers
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import * as Webhooks from "@sunco-effect/conversations/Webhooks"
 *
 * const handlers = Webhooks.handlers.pipe(Webhooks.on("conversation:read", () => Effect.log("read")))
 * const run = Webhooks.dispatch(handlers)
 * void run
 * ```
 */
export const dispatch = <E, R>(self: Handlers<E, R>) => (received: ReceivedEvent): Effect.Effect<void, E, R> => {
  const event = received.event
  let run: (() => Effect.Effect<void, E, R>) | undefined
  if (event.type === "unknown") {
    const handler = self.unknown
    if (handler !== undefined) run = () => handler(event, received)
  } else {
    const typed = self.byType.get(event.type)
    if (typed !== undefined) run = () => typed.handle(event, received)
  }
  if (run === undefined) return Effect.void
  // Suspended, so a retry calls the handler again rather than replaying its first Effect.
  return Effect.suspend(run).pipe(
    Effect.withSpan("Webhooks.handle", {
      attributes: { "webhooks.event.id": received.id, "webhooks.event.type": event.type },
      links: received.deliverySpan === undefined
        ? []
        : [{ _tag: "SpanLink", span: received.deliverySpan, attributes: {} }]
    })
  )
}

/**
 * A sink over a bounded in-memory queue, with the events as a `Stream`. A full
 * queue holds the acknowledgement until there is room (backpressure). Ids seen
 * recently (the last `dedupeWindow`, default 10,000) are dropped, so a
 * redelivery is not handled twice; nothing survives a restart: use
 * `WebhookInbox` for that.
 *
 * @since 0.2.0
 * @category sinks
 * @example
 * ```ts
 * import { Effect, Stream } from "effect"
 * import * as Webhooks from "@sunco-effect/conversations/Webhooks"
 *
 * const program = Effect.gen(function*() {
 *   const { events, sink } = yield* Webhooks.queue({ capacity: 100 })
 *   yield* Effect.forkScoped(Stream.runForEach(events, (received) => Effect.log(received.event.type)))
 *   return sink
 * })
 * void Effect.scoped(program)
 * ```
 */
export const queue = (options?: {
  readonly capacity?: number | undefined
  readonly dedupeWindow?: number | undefined
}): Effect.Effect<{ readonly sink: WebhookSink; readonly events: Stream.Stream<ReceivedEvent> }, never, Scope.Scope> =>
  Effect.gen(function*() {
    const q = yield* Effect.acquireRelease(
      Queue.bounded<ReceivedEvent>(options?.capacity ?? 1024),
      Queue.shutdown
    )
    const window = options?.dedupeWindow ?? 10_000
    const seen = new Set<string>()
    const sink: WebhookSink = {
      store: (delivery) =>
        Effect.suspend(() => {
          const fresh = delivery.events.filter((e) => {
            if (seen.has(e.id)) return false
            seen.add(e.id)
            // A Set iterates in insertion order: the first is the oldest.
            if (seen.size > window) seen.delete(seen.values().next().value!)
            return true
          })
          return Queue.offerAll(q, fresh)
        }).pipe(
          Effect.asVoid,
          // offerAll on a queue that was shut down is interrupted: the receiver answers 503.
          Effect.catchAllCause(() => Effect.fail(new WebhookStoreError({ reason: "queue shut down" })))
        )
    }
    return { sink, events: Stream.fromQueue(q) }
  })

/**
 * A queue sink whose events run through `handlers` on `concurrency` fibers
 * (default 4), in the scope. A failing handler is retried with `retry`
 * (default: exponential from 100 ms, 5 times), then logged and dropped.
 *
 * @since 0.2.0
 * @category sinks
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import * as Webhooks from "@sunco-effect/conversations/Webhooks"
 *
 * const handlers = Webhooks.handlers.pipe(Webhooks.on("conversation:message", () => Effect.log("message")))
 * const sink = Webhooks.queueSink({ capacity: 1000, handlers })
 * void sink
 * ```
 */
export const queueSink = <E, R>(options: {
  readonly handlers: Handlers<E, R>
  readonly capacity?: number | undefined
  readonly concurrency?: number | undefined
  readonly retry?: Schedule.Schedule<unknown, E> | undefined
}): Effect.Effect<WebhookSink, never, Scope.Scope | R> =>
  Effect.gen(function*() {
    const { events, sink } = yield* queue({ capacity: options.capacity })
    const run = dispatch(options.handlers)
    const retry = options.retry ?? Schedule.exponential("100 millis").pipe(Schedule.intersect(Schedule.recurs(5)))
    const worker = Stream.runForEach(events, (received) =>
      run(received).pipe(
        Effect.retry(retry),
        Effect.catchAllCause((cause) => Effect.logError("webhook handler failed", received.id, cause))
      ))
    // Each worker takes the next event from the same queue.
    for (let i = 0; i < (options.concurrency ?? 4); i++) yield* Effect.forkScoped(worker)
    return sink
  })

const encodeWebhookEvent = Schema.encodeSync(WebhookEventSchema)
let testEventCounter = 0

/**
 * A minimal valid event of one type (an id, the type, a creation time), with
 * `fields` over it, for tests of a user's own handlers.
 *
 * @since 0.2.0
 * @category testing
 * @example
 * ```ts
 * import * as Webhooks from "@sunco-effect/conversations/Webhooks"
 *
 * const event = Webhooks.testEvent("conversation:message", {
 *   payload: { message: { id: "m1", content: { type: "text", text: "hi" } } }
 * })
 * console.log(event.type) // "conversation:message"
 * ```
 */
export const testEvent = <T extends EventType>(
  type: T,
  fields?: Partial<Omit<EventOf<T>, "type">>
): EventOf<T> =>
  ({
    id: `test-event-${Date.now().toString(36)}-${(testEventCounter++).toString(36)}`,
    createdAt: new Date().toISOString(),
    ...fields,
    type
  }) as unknown as EventOf<T>

/**
 * A delivery as the service sends it: the JSON body of `{ app, webhook, events }`
 * and the headers, `X-API-Key` included. Events are encoded with the generated
 * Schemas, so an invalid one throws here rather than in the test's assertion.
 *
 * @since 0.2.0
 * @category testing
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import * as Webhooks from "@sunco-effect/conversations/Webhooks"
 *
 * const delivery = Webhooks.testDelivery({
 *   secret: Redacted.make("key"),
 *   events: [Webhooks.testEvent("conversation:read")]
 * })
 * console.log(delivery.headers["x-api-key"]) // "key"
 * ```
 */
export const testDelivery = (options: {
  readonly secret: Redacted.Redacted<string>
  readonly events: ReadonlyArray<WebhookEvent>
  readonly appId?: string | undefined
  readonly webhookId?: string | undefined
}): { readonly body: string; readonly headers: Readonly<Record<string, string>> } => ({
  body: JSON.stringify({
    app: { id: options.appId ?? "test-app" },
    webhook: { id: options.webhookId ?? "test-webhook", version: "v2" },
    events: options.events.map((event) => encodeWebhookEvent(event))
  }),
  headers: { "content-type": "application/json", "x-api-key": Redacted.value(options.secret) }
})

/**
 * A `Request` carrying a test delivery, for the Web handler (`webHandler`).
 *
 * @since 0.2.0
 * @category testing
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import * as Webhooks from "@sunco-effect/conversations/Webhooks"
 *
 * const request: Request = Webhooks.testRequest({
 *   secret: Redacted.make("key"),
 *   events: [Webhooks.testEvent("conversation:create")]
 * })
 * console.log(request.method) // "POST"
 * ```
 */
export const testRequest = (
  options: Parameters<typeof testDelivery>[0] & { readonly url?: string | undefined }
): Request => {
  const { body, headers } = testDelivery(options)
  return new Request(options.url ?? "http://localhost/webhooks", { method: "POST", body, headers })
}
