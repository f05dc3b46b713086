/**
 * The live backend: each operation is one HTTP request through a transport,
 * built from the operation table, run through the shared pipeline (timeout,
 * retries, span), with every failure mapped to the operation's typed error.
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { type ConversationsError, ProtocolError, ResponseDecodeError } from "../ConversationsError.js"
import { ErrorResponse } from "../ErrorResponse.js"
import type { AnyOperationSpec, Input, Operation } from "../Operations.js"
import type { Backend } from "./backend.js"
import { classify, parseRetryAfter } from "./classify.js"
import { bounded } from "./decode.js"
import * as Multipart from "./multipart.js"
import { compile } from "./path.js"
import * as Pipeline from "./pipeline.js"
import type { Transport, TransportResponse } from "./transport.js"

export interface HttpBackendConfig {
  readonly baseUrl: string
  /** Fixed, or read before each attempt (a JWT that is re-signed before it expires). */
  readonly authorization: Redacted.Redacted<string> | Effect.Effect<Redacted.Redacted<string>>
  readonly settings: Pipeline.Settings
  readonly userAgent: string
  readonly maxResponseBytes: number
}

const decodeErrorResponse = Schema.decodeUnknownOption(ErrorResponse)

/** The longest error title kept: a server's 100 MB title must not become the error's message. */
const MAX_TITLE_LENGTH = 1000

const parseJson = (text: string): Either.Either<unknown, string> => {
  if (text.length === 0) return Either.left("the body is empty")
  try {
    return Either.right(JSON.parse(text))
  } catch (e) {
    return Either.left(`the body is not JSON (${bounded(e instanceof Error ? e.message : String(e), 200)})`)
  }
}

/** The result of one response: the decoded value, or the operation's typed error. */
const interpret = (
  operation: Operation,
  spec: AnyOperationSpec,
  input: Input,
  response: TransportResponse
): Effect.Effect<unknown, ConversationsError> => {
  const { status } = response
  const requestId = response.header("x-zendesk-request-id") ?? response.header("x-request-id")
  if (status < 100 || status > 599) {
    return Effect.fail(new ProtocolError({ operation, status, requestId, detail: `${status} is not an HTTP status` }))
  }
  // A documented redirect (Authorize's 302) is its operation's success, answered by where it points.
  const redirect = status === spec.status && status >= 300 && status < 400
  if ((status >= 200 && status < 300) || redirect) {
    const codec = spec.response
    if (codec.ignoresBody) return Effect.void
    const body = redirect ? Either.right({ location: response.header("location") }) : parseJson(response.text)
    const parsed = Either.flatMap(body, codec.decode)
    return Either.isRight(parsed)
      ? Effect.succeed(parsed.right)
      : Effect.fail(new ResponseDecodeError({ operation, status, issue: parsed.left, requestId }))
  }
  const json = parseJson(response.text)
  const detail = Either.isRight(json)
    ? Option.getOrUndefined(decodeErrorResponse(json.right))?.errors?.[0]
    : undefined
  return Effect.fail(classify(operation, spec, {
    status,
    code: bounded(detail?.code ?? "unknown", 100),
    title: bounded(detail?.title ?? `HTTP ${status}`, MAX_TITLE_LENGTH),
    requestId,
    retryAfterMillis: status === 429 ? parseRetryAfter(response.header("retry-after"), Date.now()) : undefined
  }, input))
}

// Each operation's path template, split once (on its first call).
const paths = new WeakMap<AnyOperationSpec, ReturnType<typeof compile>>()
const pathOf = (spec: AnyOperationSpec) => {
  let path = paths.get(spec)
  if (path === undefined) paths.set(spec, path = compile(spec.path))
  return path
}

export const make = (config: HttpBackendConfig, transport: Transport): Backend => {
  const fixed = Redacted.isRedacted(config.authorization) ? config.authorization : undefined
  const current = Redacted.isRedacted(config.authorization) ? undefined : config.authorization
  const baseHeaders = {
    authorization: fixed === undefined ? "" : Redacted.value(fixed),
    "user-agent": config.userAgent,
    accept: "application/json"
  }
  // Built once: every request with a body sends this set.
  const jsonHeaders = { ...baseHeaders, "content-type": "application/json" }
  // Split once: the transport needs the origin apart from the path (which may start with /sc).
  const origin = new URL(config.baseUrl).origin
  const basePath = config.baseUrl.slice(origin.length)

  return (operation, spec, input, options) => {
    // Serialized once by the services, before the rules ran: what was checked is what goes out.
    const body = input.json
    const { method } = spec
    const path = basePath + pathOf(spec)(input.params) +
      (input.query === undefined ? "" : spec.query?.encode(input.query) ?? "")
    const headers = body === undefined ? baseHeaders : jsonHeaders
    const upload = input.upload
    const send = (attempt: Pipeline.Attempt, sent: Record<string, string>) => {
      // A file goes as multipart, streamed, encoded afresh for each attempt.
      const streamed = upload === undefined ? undefined : Multipart.encode(operation, upload)
      return Effect.flatMap(
        transport({
          operation,
          method,
          origin,
          path,
          headers: streamed === undefined ? sent : {
            ...sent,
            "content-type": streamed.contentType,
            ...(streamed.length === undefined ? {} : { "content-length": String(streamed.length) })
          },
          body: streamed ?? body,
          timeoutMillis: attempt.timeoutMillis,
          maxResponseBytes: config.maxResponseBytes
        }),
        (response) => {
          attempt.setStatus(response.status)
          return interpret(operation, spec, input, response)
        }
      )
    }
    return Pipeline.run(operation, method, input, options, config.settings, (attempt) =>
      current === undefined
        ? send(attempt, headers)
        : Effect.flatMap(current, (authorization) =>
          send(attempt, { ...headers, authorization: Redacted.value(authorization) })))
  }
}
