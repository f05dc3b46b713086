/**
 * The live backend: each operation is one HTTP request through the
 * platform's HttpClient, with a per-attempt timeout, the retry policy, one
 * span per operation, and every failure mapped to the operation's typed error.
 */
import { HttpClient, HttpClientRequest, type HttpClientResponse } from "@effect/platform"
import { Duration, Effect, Either, ParseResult, Redacted, Schema } from "effect"
import { ConversationResponse } from "../Conversation.js"
import { type ConversationsError, type Operation, RequestTimeout, ResponseDecodeError } from "../ConversationsError.js"
import { DownloadMessageRefResponse } from "../DownloadMessageRef.js"
import { ErrorResponse } from "../ErrorResponse.js"
import { ConversationListResponse } from "../Pagination.js"
import * as RetryPolicy from "../RetryPolicy.js"
import { UserResponse } from "../User.js"
import { checkBodySize, toError } from "../Validation.js"
import type { Backend, CallOptions, ConversationPage } from "./backend.js"
import { classify, parseRetryAfter, transportError } from "./classify.js"
import { conversationPath, conversationsPath, usersPath } from "./path.js"

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
  readonly urlParams?: ReadonlyArray<readonly [string, string]> | undefined
  readonly body?: string | undefined
  /** Turns the parsed 2xx body into the result, or says what did not decode. */
  readonly decode: (json: unknown) => Either.Either<A, string>
}

const formatIssue = (error: ParseResult.ParseError) => ParseResult.TreeFormatter.formatErrorSync(error)

/** A decoder for a 2xx body; excess properties are ignored so the service may grow. */
const decoder = <A, I>(schema: Schema.Schema<A, I>) => {
  const decode = Schema.decodeUnknownEither(schema, { onExcessProperty: "ignore" })
  return (json: unknown): Either.Either<A, string> => Either.mapLeft(decode(json), formatIssue)
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

const requestIdOf = (response: HttpClientResponse.HttpClientResponse): string | undefined =>
  response.headers["x-zendesk-request-id"] ?? response.headers["x-request-id"]

export const make = (config: HttpBackendConfig, httpClient: HttpClient.HttpClient): Backend => {
  const baseHeaders = {
    authorization: Redacted.value(config.authorization),
    "user-agent": config.userAgent,
    accept: "application/json"
  }

  const execute = <A>(call: Call<A>, options: CallOptions | undefined) => {
    const { operation } = call
    const timeout = options?.timeout === undefined ? config.timeout : Duration.decode(options.timeout)
    const timeoutMillis = Duration.toMillis(timeout)
    const schedule = options?.retry === undefined ? config.retry : RetryPolicy.resolve(options.retry)
    const url = config.baseUrl + call.path
    let request = HttpClientRequest.make(call.method)(url, {
      headers: baseHeaders,
      ...(call.urlParams ? { urlParams: call.urlParams } : {})
    })
    if (call.body !== undefined) request = HttpClientRequest.bodyText(request, call.body, "application/json")

    let attempts = 0
    let lastStatus: number | undefined
    const attempt: Effect.Effect<A, ConversationsError> = Effect.suspend(() => {
      attempts++
      return httpClient.execute(request)
    }).pipe(
      Effect.catchAll((e) => Effect.fail(transportError(operation, e.cause ?? e))),
      Effect.flatMap((response) => {
        lastStatus = response.status
        const requestId = requestIdOf(response)
        return response.text.pipe(
          Effect.mapError((e) => transportError(operation, e.cause ?? e)),
          Effect.flatMap((text): Effect.Effect<A, ConversationsError> => {
            if (response.status >= 200 && response.status < 300) {
              const parsed = Either.flatMap(parseJson(text), call.decode)
              return Either.isRight(parsed) ? Effect.succeed(parsed.right) : Effect.fail(
                new ResponseDecodeError({ operation, status: response.status, issue: parsed.left, requestId })
              )
            }
            const detail = Either.match(parseJson(text), {
              onLeft: () => undefined,
              onRight: (json) => decodeErrorResponse(json).pipe((o) => (o._tag === "Some" ? o.value.errors?.[0] : undefined))
            })
            return Effect.fail(classify(operation, {
              status: response.status,
              code: detail?.code ?? "unknown",
              title: detail?.title ?? `HTTP ${response.status}`,
              requestId,
              retryAfterMillis: response.status === 429
                ? parseRetryAfter(response.headers["retry-after"], Date.now())
                : undefined
            }, call.conversationId))
          })
        )
      }),
      Effect.scoped,
      Effect.timeoutFail({ duration: timeout, onTimeout: () => new RequestTimeout({ operation, timeoutMillis }) })
    )

    if (call.body !== undefined) {
      const tooBig = checkBodySize(call.body)
      if (tooBig) return Effect.fail(toError(operation, tooBig))
    }
    const retried = schedule === undefined ? attempt : Effect.retry(attempt, schedule(call.method))
    return retried.pipe(
      Effect.onExit(() =>
        Effect.annotateCurrentSpan({
          "sunco.attempts": attempts,
          ...(lastStatus === undefined ? {} : { "http.response.status_code": lastStatus })
        })
      ),
      Effect.withSpan(operation, {
        kind: "client",
        attributes: {
          "sunco.app_id": call.appId,
          ...(call.conversationId === undefined ? {} : { "sunco.conversation_id": call.conversationId }),
          "http.request.method": call.method
        }
      })
    )
  }

  const listParams = (query: Parameters<Backend["list"]>[1]) => {
    const params: Array<readonly [string, string]> = []
    if ("userId" in query.filter) params.push(["filter[userId]", query.filter.userId])
    else params.push(["filter[userExternalId]", query.filter.userExternalId])
    const page = query.page
    // Every page key is sent (the official JS SDK sends only the first one).
    if (page?.after !== undefined) params.push(["page[after]", page.after])
    if (page?.before !== undefined) params.push(["page[before]", page.before])
    if (page?.size !== undefined) params.push(["page[size]", String(page.size)])
    return params
  }

  const decodeAny = decoder(DownloadMessageRefResponse)
  const ignoreBody = () => Either.right(undefined)

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
        urlParams: listParams(query),
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
