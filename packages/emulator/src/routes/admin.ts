/**
 * The emulator's own endpoints under `/__emulator/`: a read-only state dump,
 * a reset, and the fault settings. They need no credentials (the emulator
 * is a loopback test tool), but changes must come as JSON, which a browser
 * sends cross-origin only after a preflight the emulator never allows.
 */
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { Validation } from "@sunco-effect/conversations/Testing"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { keysOf, zendeskHostedOf } from "../Auth.js"
import { EmulatorSeed } from "../EmulatorSeed.js"
import { EmulatorState } from "../EmulatorState.js"
import { type ApiFailure, errorResponse, failures } from "../ErrorBody.js"
import { FaultConfig } from "../Faults.js"
import * as Body from "../internal/body.js"

/** An optional JSON body, read with the API's cap and refused with a bounded title. */
export const readOptional = <A, I>(schema: Schema.Schema<A, I>) =>
  Effect.flatMap(
    HttpServerRequest.HttpServerRequest,
    (request) =>
      Effect.map(
        Body.readText(request, Validation.MAX_BODY_BYTES),
        (text): Either.Either<A | undefined, ApiFailure> => {
          // JSON only, even without a body: what a browser sends cross-site without asking
          // (a form post, a bodyless POST) cannot change the emulator.
          if (!Body.isJsonContentType(request.headers["content-type"])) {
            return Either.left(failures.unsupportedMediaType)
          }
          if (Either.isLeft(text)) return Either.left(text.left)
          if (text.right.trim() === "") return Either.right(undefined)
          return Either.flatMap(Body.parseJson(text.right), (json) =>
            Either.mapLeft(
              Schema.decodeUnknownEither(schema)(json),
              (e) => failures.badRequest(Body.boundedTitle("Invalid", ParseResult.ArrayFormatter.formatErrorSync(e)))
            ))
        }
      )
  )

const setFaults = Effect.gen(function*() {
  const state = yield* EmulatorState
  const config = yield* readOptional(FaultConfig)
  if (Either.isLeft(config)) return errorResponse(config.left)
  state.faults.set(config.right ?? {})
  return HttpServerResponse.unsafeJson(state.faults.current)
})

export const adminRoutes = HttpRouter.empty.pipe(
  HttpRouter.get(
    "/__emulator/state",
    Effect.map(EmulatorState, (s) => HttpServerResponse.unsafeJson(s.store.snapshot()))
  ),
  HttpRouter.get(
    "/__emulator/faults",
    Effect.map(EmulatorState, (s) => HttpServerResponse.unsafeJson(s.faults.current))
  ),
  HttpRouter.put("/__emulator/faults", setFaults),
  HttpRouter.post("/__emulator/faults", setFaults),
  HttpRouter.post(
    "/__emulator/reset",
    Effect.gen(function*() {
      const state = yield* EmulatorState
      const seed = yield* readOptional(EmulatorSeed)
      if (Either.isLeft(seed)) return errorResponse(seed.left)
      const next = seed.right ?? state.initialSeed
      const problem = state.store.reset(next)
      if (problem) return errorResponse(failures.badRequest(`Invalid seed: ${problem}`))
      state.keys = keysOf(next)
      state.zendeskHosted = zendeskHostedOf(next)
      for (const key of state.extraKeys) state.keys.set(key.id, key)
      state.faults.set({})
      return HttpServerResponse.unsafeJson({ reset: true })
    })
  )
)
