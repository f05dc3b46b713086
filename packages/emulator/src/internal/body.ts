/**
 * Request bodies read with a cap: counted as they stream in and abandoned
 * past the limit, so an oversized or endless body never sits in memory whole.
 * Bytes must be UTF-8 and the JSON no deeper than a bound, checked before
 * anything formats the value (a formatter recursing into it would overflow).
 */
import * as NodeHttpServerRequest from "@effect/platform-node/NodeHttpServerRequest"
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import { Validation } from "@sunco-effect/conversations/Testing"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { type ApiFailure, failures } from "../ErrorBody.js"

/** The deepest JSON the emulator reads; the API's deepest body (participants) is 3 levels. */
export const MAX_JSON_DEPTH = 32

const decoder = new TextDecoder("utf-8", { fatal: true })

/** The whole body as text, or 413 once it passes `maxBytes` (the rest is not kept). */
export const readText = (
  request: HttpServerRequest.HttpServerRequest,
  maxBytes: number
): Effect.Effect<Either.Either<string, ApiFailure>> =>
  Effect.async((resume) => {
    const message = NodeHttpServerRequest.toIncomingMessage(request)
    const declared = Number(message.headers["content-length"] ?? "0")
    if (declared > maxBytes) return resume(Effect.succeed(Either.left(failures.payloadTooLarge)))
    const chunks: Array<Buffer> = []
    let size = 0
    const done = (result: Either.Either<string, ApiFailure>) => {
      message.off("data", onData).off("end", onEnd).off("error", onError)
      resume(Effect.succeed(result))
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) {
        chunks.length = 0
        // Stop reading: the 413 goes out with `connection: close` and Node discards the rest.
        message.pause()
        done(Either.left(failures.payloadTooLarge))
      } else chunks.push(chunk)
    }
    const onEnd = () => {
      try {
        done(Either.right(decoder.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks))))
      } catch {
        done(Either.left(failures.invalidJson))
      }
    }
    const onError = () => done(Either.left(failures.invalidJson))
    if (message.readableEnded) return resume(Effect.succeed(Either.right("")))
    message.on("data", onData).on("end", onEnd).on("error", onError)
    return Effect.sync(() => message.off("data", onData).off("end", onEnd).off("error", onError))
  })

/** Parse JSON text, refusing bad syntax and values nested past `MAX_JSON_DEPTH`. */
export const parseJson = (text: string): Either.Either<unknown, ApiFailure> => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return Either.left(failures.invalidJson)
  }
  return Validation.nestsDeeperThan(json, MAX_JSON_DEPTH)
    ? Either.left(failures.badRequest(`Request body nests deeper than ${MAX_JSON_DEPTH} levels`))
    : Either.right(json)
}

/** `application/json`, with at most a UTF-8 charset, as the service accepts. */
export const isJsonContentType = (value: string | undefined): boolean =>
  value !== undefined && /^application\/json[ \t]*(;[ \t]*charset[ \t]*=[ \t]*"?utf-8"?[ \t]*)?$/i.test(value)

/** A parse failure as a title of bounded length that never quotes the value. */
export const boundedTitle = (
  prefix: string,
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>
) => {
  const text = issues.slice(0, 3).map((i) => {
    const path = i.path.length ? i.path.map(String).join(".") : "body"
    // Schema's messages quote the actual value ("…, actual {…}"): keep the expectation only.
    const expectation = i.message.split(", actual ")[0] ?? ""
    return `${path}: ${expectation.length > 120 ? expectation.slice(0, 117) + "..." : expectation}`
  }).join("; ")
  return `${prefix}: ${text}`.slice(0, 400)
}
