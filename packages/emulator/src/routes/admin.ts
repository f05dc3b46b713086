/**
 * The emulator's own endpoints under `/__emulator/`: a read-only state dump,
 * a reset, and the fault settings. They need no credentials: the emulator
 * is a loopback test tool.
 */
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { keysOf } from "../Auth.js"
import { EmulatorSeed } from "../EmulatorSeed.js"
import { EmulatorState } from "../EmulatorState.js"
import { errorResponse, failures } from "../ErrorBody.js"
import { FaultConfig } from "../Faults.js"

const readOptional = <A, I>(schema: Schema.Schema<A, I>) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const text = yield* Effect.orElseSucceed(request.text, () => "")
    if (text.trim() === "") return Either.right(undefined)
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return Either.left(failures.invalidJson)
    }
    return Either.mapBoth(Schema.decodeUnknownEither(schema)(json), {
      onLeft: (e) => failures.badRequest(ParseResult.TreeFormatter.formatErrorSync(e)),
      onRight: (a): A | undefined => a
    })
  })

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
      for (const key of state.extraKeys) state.keys.set(key.id, key)
      state.faults.set({})
      return HttpServerResponse.unsafeJson({ reset: true })
    })
  )
)
