/**
 * The OAuth family: one entry per operation (see `conversations.ts`). The
 * service serves these under `https://oauth-bridge.zendesk.com/sc`: give a
 * layer that base URL to call them. `authorize` is a browser's step; it is
 * callable here for tests and tools, answering where the service redirects.
 */
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import type { AppWithSubdomain } from "../../Apps.js"
import * as Facts from "../../generated/Operations.js"
import { AppResponseWithSubdomain, GetTokenBody, GetTokenResponse } from "../../generated/Schemas.js"
import type { AccessToken, AuthorizeRequest, TokenRequest } from "../../OAuth.js"
import * as Validation from "../../Validation.js"
import { decoder } from "../decode.js"
import { define, empty, envelope, type ResponseCodec } from "../operation.js"
import type { DecodedQuery } from "../query.js"

/** The query of Authorize as sent (the spec's names). */
interface AuthorizeQuery {
  readonly client_id: string
  readonly response_type: string
  readonly state?: string | undefined
  readonly redirect_uri?: string | undefined
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null

/** A redirect's answer is where it points: the backend gives its `Location` as `{ location }`. */
const redirect: ResponseCodec<string> = {
  decode: (json) => {
    const location = isRecord(json) ? json.location : undefined
    return typeof location === "string" && location.length > 0
      ? Either.right(location)
      : Either.left("the redirect has no Location")
  },
  encode: (location) => ({ location })
}

/** The decoded query (the emulator's side): the required parameters present, each a string. */
const authorizeQuery = (query: DecodedQuery): Either.Either<AuthorizeQuery, string> => {
  const { client_id, redirect_uri, response_type, state } = query
  if (typeof client_id !== "string" || client_id.length === 0) return Either.left("client_id is required")
  if (typeof response_type !== "string") return Either.left("response_type is required")
  return Either.right({
    client_id,
    response_type,
    ...(state === undefined ? {} : { state: String(state) }),
    ...(redirect_uri === undefined ? {} : { redirect_uri: String(redirect_uri) })
  })
}

const decodeToken = decoder(GetTokenResponse)
const token: ResponseCodec<AccessToken> = {
  decode: (json) =>
    Either.flatMap(decodeToken(json), (r) =>
      r.access_token === undefined
        ? Either.left("the response has no access_token")
        : Either.right({ accessToken: Redacted.make(r.access_token), tokenType: r.token_type ?? "Bearer" })),
  encode: (t) => ({ access_token: Redacted.value(t.accessToken), token_type: t.tokenType })
}

export const oauth = {
  /**
   * Authorize: begin the OAuth flow (`response_type=code`, the only kind).
   * Returns the URL the service redirects to (its `302`'s `Location`): for a
   * browser, the Zendesk login and consent; in the emulator, which approves
   * at once for the app of the credentials (or its first app), `redirectUri`
   * with `code` and `state`. A `redirectUri` that is not a URI is refused
   * before sending. Use a client that does not follow redirects (the undici
   * ones do not).
   *
   * @example
   * ```ts
   * import { OAuth } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const oauth = yield* OAuth
   *   const location = yield* oauth.authorize({
   *     clientId: "5e4af71a81966cfff3ef6550",
   *     state: "csrf-1234",
   *     redirectUri: "https://example.com/oauth/callback"
   *   })
   *   return new URL(location).searchParams.get("code")
   * })
   * ```
   */
  authorize: define(Facts.Authorize)({
    args: (request: AuthorizeRequest) => ({
      query: {
        client_id: request.clientId,
        response_type: "code",
        ...(request.state === undefined ? {} : { state: request.state }),
        ...(request.redirectUri === undefined ? {} : { redirect_uri: request.redirectUri })
      } satisfies AuthorizeQuery
    }),
    body: undefined,
    parseQuery: authorizeQuery,
    check: ({ query }) =>
      Validation.checkId("clientId", query.client_id) ??
        (query.redirect_uri === undefined || Validation.isUri(query.redirect_uri)
          ? undefined
          : { field: "redirectUri", rule: "uri", detail: "must be a URI" }),
    response: redirect,
    errors: ["BadRequest"],
    // Each call only issues a fresh code: a repeat is harmless.
    repeatable: true
  }),
  /**
   * GetToken: exchange the code of the flow for an access token (the
   * `authorization_code` grant). The token and your client secret stay
   * `Redacted`. A code is good for one exchange: a used, unknown or other
   * client's code fails with `BadRequest`, so the call is not repeated after
   * a failure that may have reached the service.
   *
   * @example
   * ```ts
   * import { Credentials, OAuth } from "@sunco-effect/conversations"
   * import { Effect, Redacted } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const oauth = yield* OAuth
   *   const token = yield* oauth.getToken({
   *     code: "658965",
   *     clientId: "5e4af71a81966cfff3ef6550",
   *     clientSecret: Redacted.make("5XJ85yjUtRcaQu_pDINblPZb")
   *   })
   *   return Credentials.bearer(token.accessToken)
   * })
   * ```
   */
  getToken: define(Facts.GetToken)({
    args: (request: TokenRequest) => ({
      body: {
        code: request.code,
        grant_type: "authorization_code",
        client_id: request.clientId,
        client_secret: Redacted.value(request.clientSecret)
      } satisfies GetTokenBody
    }),
    body: GetTokenBody,
    check: ({ body }) =>
      Validation.checkBodyObject(body) ?? Validation.checkId("code", body.code) ??
        Validation.checkId("clientId", body.client_id),
    response: token,
    errors: ["BadRequest"],
    repeatable: false
  }),
  /**
   * RevokeAccess: end your integration's access to the app of the
   * credentials (an integration's: its OAuth access token), as if the user
   * removed the integration. The token stops working.
   *
   * @example
   * ```ts
   * import { OAuth } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const oauth = yield* OAuth
   *   yield* oauth.revokeAccess()
   * })
   * ```
   */
  revokeAccess: define(Facts.RevokeAccess)({
    args: () => ({}),
    body: undefined,
    check: () => undefined,
    response: empty,
    errors: [],
    repeatable: true
  }),
  /**
   * GetTokenInfo: the app the credentials (typically an OAuth access token)
   * are linked to, with its `id` and `subdomain` for the calls to come;
   * credentials that no longer hold fail with `Unauthorized`.
   *
   * @example
   * ```ts
   * import { OAuth } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const oauth = yield* OAuth
   *   const app = yield* oauth.getTokenInfo()
   *   return app.id
   * })
   * ```
   */
  getTokenInfo: define(Facts.GetTokenInfo)({
    args: () => ({}),
    body: undefined,
    check: () => undefined,
    response: envelope<"app", AppWithSubdomain>("app", decoder(AppResponseWithSubdomain)),
    errors: [],
    repeatable: true
  })
}
