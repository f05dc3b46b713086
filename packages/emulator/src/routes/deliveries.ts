/**
 * The inspector's view of webhook delivery: the attempts the engine keeps (each webhook's, with
 * outcome, timing and event ids), what is still pending, and redelivery of one attempt's events.
 * Redelivery is a change, so it follows the admin routes' rules: JSON only, same origin only
 * (the front door refuses other origins), and an unknown attempt gets the API's error shape.
 */
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { errorResponse, failures } from "../ErrorBody.js"
import { DeliveryEngine } from "../internal/delivery/engine.js"
import type { DeliveryAttempt, WebhookDelivery } from "../WebhookDelivery.js"
import { readOptional } from "./admin.js"

/** What the page shows: the attempts, oldest first, and how much delivery has left to do. */
export interface DeliveryView {
  /** False when the app is served without a delivery engine. */
  readonly running: boolean
  readonly pending: number
  readonly attempts: ReadonlyArray<DeliveryAttempt>
}

/**
 * The attempts with an id above `after`, of one webhook or all. The engine is looked up by the
 * route, not here: the live feed runs after its route has returned.
 */
export const deliveryView = (
  engine: Option.Option<WebhookDelivery>,
  after = 0,
  webhookId?: string
): Effect.Effect<DeliveryView> =>
  Option.match(engine, {
    onNone: () => Effect.succeed<DeliveryView>({ running: false, pending: 0, attempts: [] }),
    onSome: (delivery) =>
      Effect.zipWith(
        delivery.pending,
        delivery.attempts(webhookId),
        (pending, attempts): DeliveryView => ({
          running: true,
          pending,
          attempts: after > 0 ? attempts.filter((a) => a.id > after) : attempts
        })
      )
  })

const RedeliverBody = Schema.Struct({ attemptId: Schema.Int.pipe(Schema.positive()) })

const attemptNotFound = (attemptId: number) => ({
  status: 404,
  code: "not_found",
  title: `No delivery attempt ${attemptId} in the record`
})

const redeliver = Effect.gen(function*() {
  const body = yield* readOptional(RedeliverBody)
  if (Either.isLeft(body)) return errorResponse(body.left)
  if (body.right === undefined) return errorResponse(failures.badRequest("Invalid body: attemptId is required"))
  const { attemptId } = body.right
  const engine = yield* Effect.serviceOption(DeliveryEngine)
  if (Option.isNone(engine)) return errorResponse(attemptNotFound(attemptId))
  return yield* engine.value.redeliver(attemptId).pipe(
    Effect.map((batchId) =>
      HttpServerResponse.unsafeJson({ attemptId, batchId }, { status: 202, headers: { "cache-control": "no-store" } })
    ),
    Effect.catchTag("AttemptNotFound", (e) => Effect.succeed(errorResponse(attemptNotFound(e.attemptId))))
  )
})

export const deliveryRoutes = HttpRouter.empty.pipe(
  HttpRouter.post("/__emulator/deliveries/redeliver", redeliver)
)
