/**
 * OAuth, for the in-memory store, as a test-grade flow (there is no browser,
 * login or consent): Authorize approves at once, for the app of the
 * credentials (the service's bound app in the test layer; the key's app in
 * the emulator; else the first app by id), and redirects with a one-time
 * code; GetToken exchanges the code, for the client it was issued to, for an
 * access token: a grant of scope `integration` on that app, which the
 * emulator accepts as bearer credentials until RevokeAccess or the app's
 * deletion. Client secrets are not checked (no OAuth clients are registered).
 */
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import type { ApiFailure } from "../../ErrorResponse.js"
import type { FamilyHandlers, InMemoryStore, Result } from "../../InMemoryStore.js"
import { newSecret, type StoredKey } from "./keys.js"
import { part } from "./part.js"

interface IssuedCode {
  readonly appId: string
  readonly clientId: string
}

/** Codes not yet exchanged, by code. */
const codes = part(() => new Map<string, IssuedCode>())
/** Access tokens, by token: each a key of its app whose secret is the token. */
const grants = part(() => new Map<string, StoredKey>())

const failures = {
  responseType: { status: 400, code: "bad_request", title: "response_type must be code" },
  redirectUri: { status: 400, code: "bad_request", title: "redirect_uri must be an absolute URL" },
  noApp: { status: 400, code: "bad_request", title: "There is no app to authorize" },
  grantType: { status: 400, code: "bad_request", title: "grant_type must be authorization_code" },
  invalidCode: { status: 400, code: "bad_request", title: "Invalid authorization code" },
  unauthorized: { status: 401, code: "unauthorized", title: "The credentials are not linked to an app" }
} satisfies Record<string, ApiFailure>

/** The grant behind an access token, while it holds (its app still there). */
export const grantOf = (store: InMemoryStore, token: string): StoredKey | undefined => {
  const grant = grants(store).get(token)
  return grant !== undefined && Either.isRight(store.appRecord(grant.appId)) ? grant : undefined
}

/** The app Authorize approves for: the caller's, else the first. */
const approving = (store: InMemoryStore, appId: string): Result<string> => {
  if (appId.length > 0) return Either.map(store.appRecord(appId), (app) => app.id)
  const first = store.appRecords()[0]
  return first === undefined ? Either.left(failures.noApp) : Either.right(first.id)
}

const parseUrl = (text: string): URL | undefined => {
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}

export const handlers: FamilyHandlers<"OAuth"> = {
  "OAuth.authorize": (store, { params, query }, baseUrl) => {
    if (query.response_type !== "code") return Either.left(failures.responseType)
    const target = parseUrl(query.redirect_uri ?? `${baseUrl}/oauth/callback`)
    if (target === undefined) return Either.left(failures.redirectUri)
    return Either.map(approving(store, params.appId), (appId) => {
      const code = newSecret()
      codes(store).set(code, { appId, clientId: query.client_id })
      target.searchParams.set("code", code)
      if (query.state !== undefined) target.searchParams.set("state", query.state)
      return target.href
    })
  },
  "OAuth.getToken": (store, { body }) => {
    if (body.grant_type !== "authorization_code") return Either.left(failures.grantType)
    const issued = codes(store).get(body.code)
    if (issued === undefined || issued.clientId !== body.client_id) return Either.left(failures.invalidCode)
    codes(store).delete(body.code)
    if (Either.isLeft(store.appRecord(issued.appId))) return Either.left(failures.invalidCode)
    const token = newSecret()
    grants(store).set(token, {
      id: `oauth_${store.newId()}`,
      secret: token,
      displayName: `OAuth ${issued.clientId}`,
      appId: issued.appId,
      integrationId: issued.clientId
    })
    return Either.right({ accessToken: Redacted.make(token), tokenType: "Bearer" })
  },
  "OAuth.revokeAccess": (store, { params }) =>
    Either.map(store.appRecord(params.appId), () => {
      const all = grants(store)
      for (const [token, grant] of all) if (grant.appId === params.appId) all.delete(token)
    }),
  "OAuth.getTokenInfo": (store, { params }) =>
    params.appId.length === 0 ? Either.left(failures.unauthorized) : store.appRecord(params.appId)
}
