/**
 * The live backend: each operation is one HTTP request through a transport,
 * with a per-attempt timeout, the retry policy, one span per operation, and
 * every failure mapped to the operation's typed error.
 */
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import * as Tracer from "effect/Tracer"
import { ConversationResponse } from "../Conversation.js"
import { type ConversationsError, type Operation, ResponseDecodeError } from "../ConversationsError.js"
import { DownloadMessageRefResponse } from "../DownloadMessageRef.js"
import { ErrorResponse } from "../ErrorResponse.js"
import { ConversationListResponse } from "../Pagination.js"
import * as RetryPolicy from "../RetryPolicy.js"
import { UserResponse } from "../User.js"
import { checkBodySize, toError } from "../Validation.js"
import type { Backend, CallOptions, ConversationPage } from "./backend.js"
import { classify, parseRetryAfter } from "./classify.js"
import { compile } from "./compiledGuard.js"
import { conversationPath, conversationsPath, usersPath } from "./path.js"
import type { Transport, TransportRequest, TransportResponse } from "./transport.js"

export interface HttpBackendConfig {
  readonly baseUrl: string
  readonly authorization: Redacted.Redacted<string>
  readonly retry: ((method: RetryPolicy.Method) => RetryPolicy.RetrySchedule) | undefined
  readonly timeout: Duration.Duration
  readonly userAgent: string
}

interface Call<A> {
  readonly operation: Operation
  readonly method: RetryPolicy.Method
  readonly appId: string
  readonly conversationId?: string | undefined
  readonly path: string
  readonly query?: string | undefined
  readonly body?: string | undefined
  /** Turns the parsed 2xx body into the result, or says what did not decode. */
  readonly decode: (json: unknown) => Either.Either<A, string>
}

const formatIssue = (error: ParseResult.ParseError) => ParseResult.TreeFormatter.formatErrorSync(error)

/**
 * A decoder for a 2xx body. Valid bodies pass the compiled guard and are
 * returned as parsed (unknown extra fields kept, so the service may grow);
 * anything else goes through Schema's decoder, which says what is wrong.
 */
const decoder = <A, I>(schema: Schema.Schema<A, I>) => {
  const decode = Schema.decodeUnknownEither(schema, { onExcessProperty: "ignore" })
  const valid = compile(schema)
  return (json: unknown): Either.Either<A, string> =>
    valid?.(json) ? Either.right(json) : Either.mapLeft(decode(json), formatIssue)
}

const decodeConversationResponse = decoder(ConversationResponse)
const unwrapConversation = (json: unknown) =>
  Either.flatMap(decodeConversationResponse(json), (r) =>
    r.conversation === undefined ? Either.left("conversationResponse has no conversation") : Either.right(r.conversation))

const decodeListResponse = decoder(ConversationListResponse)
const toPage = (json: unknown): Either.Either<ConversationPage, string> =>
  Either.map(decodeListResponse(json), (r) => ({
    conversations: r.conversations ?? [],
    meta: r.meta ?? {},
    links: r.links ?? {}
  }))

const decodeUserResponse = decoder(UserResponse)
const unwrapUser = (json: unknown) =>
  Either.flatMap(decodeUserResponse(json), (r) =>
    r.user === undefined ? Either.left("userResponse has no user") : Either.right(r.user))

const decodeErrorResponse = Schema.decodeUnknownOption(ErrorResponse)

const parseJson = (text: string): Either.Either<unknown, string> => {
  if (text.length === 0) return Either.left("the body is empty")
  try {
    return Either.right(JSON.parse(text))
  } catch (e) {
    return Either.left(`the body is not JSON (${(e as Error).message})`)
  }
}

/** The result of one response: the decoded value, or the operation's typed error. */
const interpret = <A>(call: Call<A>, response: TransportResponse): Effect.Effect<A, ConversationsError> => {
  const { operation } = call
  const { status } = response
  const requestId = response.header("x-zendesk-request-id") ?? response.header("x-request-id")
  if (status >= 200 && status < 300) {
    const parsed = Either.flatMap(parseJson(response.text), call.decode)
    return Either.isRight(parsed)
      ? Effect.succeed(parsed.right)
      : Effect.fail(new ResponseDecodeError({ operation, status, issue: parsed.left, requestId }))
  }
  const json = parseJson(response.text)
  const detail = Either.isRight(json)
    ? Option.getOrUndefined(decodeErrorResponse(json.right))?.errors?.[0]
    : undefined
  return Effect.fail(classify(operation, {
    status,
    code: detail?.code ?? "unknown",
    title: detail?.title ?? `HTTP ${status}`,
    requestId,
    retryAfterMillis: status === 429 ? parseRetryAfter(response.header("retry-after"), Date.now()) : undefined
  }, call.conversationId))
}

/**
 * Repeat `attempt` by `schedule` after it fails. The schedule is set up only
 * on a first failure, so a request that succeeds pays nothing for retries.
 */
const retryAfterFailure = <A>(
  attempt: Effect.Effect<A, ConversationsError>,
  schedule: RetryPolicy.RetrySchedule
): Effect.Effect<A, ConversationsError> =>
  Effect.catchAll(attempt, (first) =>
    Effect.flatMap(Schedule.driver(schedule), (driver) => {
      const again = (error: ConversationsError): Effect.Effect<A, ConversationsError> =>
        Effect.matchEffect(driver.next(error), {
          onFailure: () => Effect.fail(error),
          onSuccess: () => Effect.catchAll(attempt, again)
        })
      return again(first)
    }))

const encode = encodeURIComponent

const builtInTracer = Context.get(DefaultServices.liveServices, Tracer.Tracer)

export const make = (config: HttpBackendConfig, transport: Transport): Backend => {
  const baseHeaders = {
    authorization: Redacted.value(config.authorization),
    "user-agent": config.userAgent,
    accept: "application/json"
  }
  // Built once: every request with a body sends this set.
  const jsonHeaders = { ...baseHeaders, "content-type": "application/json" }
  const defaultTimeoutMillis = Duration.toMillis(config.timeout)
  // Split once: the transport needs the origin apart from the path (which may start with /sc).
  const origin = new URL(config.baseUrl).origin
  const basePath = config.baseUrl.slice(origin.length)

  const execute = <A>(call: Call<A>, options: CallOptions | undefined): Effect.Effect<A, ConversationsError> => {
    const { operation } = call
    if (call.body !== undefined) {
      const tooBig = checkBodySize(call.body)
      if (tooBig) return Effect.fail(toError(operation, tooBig))
    }
    const timeoutMillis = options?.timeout === undefined ? defaultTimeoutMillis : Duration.toMillis(options.timeout)
    const schedule = options?.retry === undefined ? config.retry : RetryPolicy.resolve(options.retry)
    const request: TransportRequest = {
      operation,
      method: call.method,
      origin,
      path: basePath + call.path + (call.query ?? ""),
      headers: call.body === undefined ? baseHeaders : jsonHeaders,
      body: call.body,
      timeoutMillis
    }
    let attempts = 0
    let span: Tracer.Span | undefined
    const attempt = Effect.suspend(() => {
      attempts++
      span?.attribute("sunco.attempts", attempts)
      return transport(request)
    }).pipe(
      Effect.flatMap((response) => {
        span?.attribute("http.response.status_code", response.status)
        return interpret(call, response)
      })
    )
    const run = schedule === undefined ? attempt : retryAfterFailure(attempt, schedule(call.method))
    return Effect.tracerWith((tracer) =>
      // Effect's built-in tracer exports nowhere; a span there would cost ~30 µs per request for nothing.
      tracer === builtInTracer ? run : Effect.useSpan(operation, {
        kind: "client",
        attributes: {
          "sunco.app_id": call.appId,
          ...(call.conversationId === undefined ? {} : { "sunco.conversation_id": call.conversationId }),
          "http.request.method": call.method
        }
      }, (s) => {
        span = s
        return Effect.withParentSpan(run, s)
      })
    )
  }

  const listQuery = (query: Parameters<Backend["list"]>[1]) => {
    let q = "userId" in query.filter
      ? `?${encode("filter[userId]")}=${encode(query.filter.userId)}`
      : `?${encode("filter[userExternalId]")}=${encode(query.filter.userExternalId)}`
    const page = query.page
    // Every page key is sent (the official JS SDK sends only the first one).
    if (page?.after !== undefined) q += `&${encode("page[after]")}=${encode(page.after)}`
    if (page?.before !== undefined) q += `&${encode("page[before]")}=${encode(page.before)}`
    if (page?.size !== undefined) q += `&${encode("page[size]")}=${page.size}`
    return q
  }

  const decodeAny = decoder(DownloadMessageRefResponse)
  const ignoreBody = () => Either.right(undefined)

  // `execute` is typed with the union of all errors; each cast below narrows it to the operation's
  // own error type, which holds because `classify` turns any code an operation cannot produce into
  // ApiError (the type-level test and the error-mapping tests pin both sides).
  return {
    create: (appId, body, options) =>
      execute({
        operation: "Conversations.create",
        method: "POST",
        appId,
        path: conversationsPath(appId),
        body: JSON.stringify(body),
        decode: unwrapConversation
      }, options) as ReturnType<Backend["create"]>,
    get: (appId, conversationId, options) =>
      execute({
        operation: "Conversations.get",
        method: "GET",
        appId,
        conversationId,
        path: conversationPath(appId, conversationId),
        decode: unwrapConversation
      }, options) as ReturnType<Backend["get"]>,
    list: (appId, query, options) =>
      execute({
        operation: "Conversations.list",
        method: "GET",
        appId,
        path: conversationsPath(appId),
        query: listQuery(query),
        decode: toPage
      }, options) as ReturnType<Backend["list"]>,
    update: (appId, conversationId, body, options) =>
      execute({
        operation: "Conversations.update",
        method: "PATCH",
        appId,
        conversationId,
        path: conversationPath(appId, conversationId),
        body: JSON.stringify(body),
        decode: unwrapConversation
      }, options) as ReturnType<Backend["update"]>,
    delete: (appId, conversationId, options) =>
      execute({
        operation: "Conversations.delete",
        method: "DELETE",
        appId,
        conversationId,
        path: conversationPath(appId, conversationId),
        decode: ignoreBody
      }, options) as ReturnType<Backend["delete"]>,
    downloadMessageRef: (appId, conversationId, body, options) =>
      execute({
        operation: "Conversations.downloadMessageRef",
        method: "POST",
        appId,
        conversationId,
        path: `${conversationPath(appId, conversationId)}/download`,
        body: JSON.stringify(body),
        decode: decodeAny
      }, options) as ReturnType<Backend["downloadMessageRef"]>,
    createUser: (appId, body, options) =>
      execute({
        operation: "Users.create",
        method: "POST",
        appId,
        path: usersPath(appId),
        body: JSON.stringify(body),
        decode: unwrapUser
      }, options) as ReturnType<Backend["createUser"]>
  }
}
