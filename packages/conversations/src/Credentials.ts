/**
 * How requests authenticate: HTTP basic with an API key, a bearer token the
 * caller provides, or a JWT this library signs from an API key.
 *
 * Secrets stay in `Redacted` from configuration to the `Authorization`
 * header, so printing or serializing credentials shows `<redacted>`.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { ConfigurationError } from "./ConversationsError.js"

/**
 * The scope claim of a JWT: what the signing key may reach.
 *
 * @since 0.1.0
 * @category models
 */
export type JwtScope = "app" | "account" | "integration"

/**
 * @since 0.1.0
 * @category models
 */
export type Credentials =
  | { readonly _tag: "Basic"; readonly keyId: string; readonly secret: Redacted.Redacted<string> }
  | { readonly _tag: "Bearer"; readonly token: Redacted.Redacted<string> }
  | {
    readonly _tag: "Jwt"
    readonly keyId: string
    readonly secret: Redacted.Redacted<string>
    readonly scope: JwtScope
    /** Lifetime of each signed token in seconds (`exp` claim); re-signed before it runs out. */
    readonly expiresInSeconds?: number | undefined
  }

const redact = (s: string | Redacted.Redacted<string>) => (Redacted.isRedacted(s) ? s : Redacted.make(s))

/**
 * HTTP basic authentication: the key id is the user name, the secret the password.
 *
 * @example
 * ```ts
 * import { Credentials } from "@sunco-effect/conversations"
 * import { Redacted } from "effect"
 *
 * const credentials = Credentials.basic({ keyId: "app_5d8c…", secret: Redacted.make("…") })
 * ```
 * @since 0.1.0
 * @category constructors
 */
export const basic = (options: {
  readonly keyId: string
  readonly secret: string | Redacted.Redacted<string>
}): Credentials => ({ _tag: "Basic", keyId: options.keyId, secret: redact(options.secret) })

/**
 * A bearer token the caller obtained elsewhere (a JWT signed by another
 * service, an OAuth access token of an integration).
 *
 * @since 0.1.0
 * @category constructors
 */
export const bearer = (token: string | Redacted.Redacted<string>): Credentials => ({
  _tag: "Bearer",
  token: redact(token)
})

/**
 * A JWT signed by this library with HS256, the key id in the `kid` header and
 * the given `scope` claim (`app` for app keys, `account` for account keys).
 * Without `expiresInSeconds` it is signed once, when the layer is built, and
 * carries no `exp`. With it, each token carries `iat` and `exp`, and a new one
 * is signed when less than a tenth of the lifetime (at most a minute) is left.
 *
 * @example
 * ```ts
 * import { Credentials } from "@sunco-effect/conversations"
 * import { Redacted } from "effect"
 *
 * const credentials = Credentials.jwt({ keyId: "app_5d8c…", secret: Redacted.make("…"), scope: "app" })
 * ```
 * @since 0.1.0
 * @category constructors
 */
export const jwt = (options: {
  readonly keyId: string
  readonly secret: string | Redacted.Redacted<string>
  readonly scope?: JwtScope
  readonly expiresInSeconds?: number | undefined
}): Credentials => ({
  _tag: "Jwt",
  keyId: options.keyId,
  secret: redact(options.secret),
  scope: options.scope ?? "app",
  expiresInSeconds: options.expiresInSeconds
})

const base64 = (bytes: Uint8Array): string => {
  let binary = ""
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

const base64Url = (bytes: Uint8Array): string =>
  // "=" only ever pads the end
  base64(bytes).replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_")

const utf8 = new TextEncoder()

/**
 * Sign a JWT with HS256 using Web Crypto (available in Node 20 and browsers).
 *
 * @since 0.1.0
 * @category jwt
 */
export const signJwt = (options: {
  readonly keyId: string
  readonly secret: Redacted.Redacted<string>
  readonly scope: JwtScope
  /** `iat` and `exp` claims, in epoch seconds. */
  readonly issuedAt?: number | undefined
  readonly expiresAt?: number | undefined
}): Effect.Effect<Redacted.Redacted<string>, ConfigurationError> =>
  Effect.tryPromise({
    try: async () => {
      const header = base64Url(utf8.encode(JSON.stringify({ alg: "HS256", typ: "JWT", kid: options.keyId })))
      const claims = options.expiresAt === undefined
        ? { scope: options.scope }
        : { scope: options.scope, iat: options.issuedAt, exp: options.expiresAt }
      const payload = base64Url(utf8.encode(JSON.stringify(claims)))
      const key = await crypto.subtle.importKey(
        "raw",
        utf8.encode(Redacted.value(options.secret)),
        { name: "HMAC", hash: "SHA-256" },
        false,
        ["sign"]
      )
      const signature = await crypto.subtle.sign("HMAC", key, utf8.encode(`${header}.${payload}`))
      return Redacted.make(`${header}.${payload}.${base64Url(new Uint8Array(signature))}`)
    },
    // The cause is dropped on purpose: it could quote key material.
    catch: () => new ConfigurationError({ detail: "could not sign the JWT with the given secret" })
  })

const emptyKeyId = Effect.fail(new ConfigurationError({ detail: "the key id must not be empty" }))

/**
 * The value of the `Authorization` header for these credentials, computed once.
 *
 * @since 0.1.0
 * @category headers
 */
export const authorization = (
  credentials: Credentials
): Effect.Effect<Redacted.Redacted<string>, ConfigurationError> => {
  switch (credentials._tag) {
    case "Basic": {
      if (credentials.keyId.length === 0) {
        return emptyKeyId
      }
      const pair = utf8.encode(`${credentials.keyId}:${Redacted.value(credentials.secret)}`)
      return Effect.succeed(Redacted.make(`Basic ${base64(pair)}`))
    }
    case "Bearer":
      return Effect.succeed(Redacted.make(`Bearer ${Redacted.value(credentials.token)}`))
    case "Jwt":
      return signBearer(credentials, Date.now())
  }
}

// Every JWT is signed here, so the empty key id is refused here once, for fixed and renewed tokens alike.
const signBearer = (
  credentials: Extract<Credentials, { _tag: "Jwt" }>,
  nowMillis: number
): Effect.Effect<Redacted.Redacted<string>, ConfigurationError> => {
  if (credentials.keyId.length === 0) return emptyKeyId
  const issuedAt = Math.floor(nowMillis / 1000)
  const expiresAt = credentials.expiresInSeconds === undefined ? undefined : issuedAt + credentials.expiresInSeconds
  return Effect.map(
    signJwt({ ...credentials, issuedAt, expiresAt }),
    (token) => Redacted.make(`Bearer ${Redacted.value(token)}`)
  )
}

/**
 * The `Authorization` header as the client reads it before each request: a
 * fixed value, or for a JWT with an expiry, the current token, re-signed
 * (under Effect's `Clock`) when less than a tenth of its lifetime, at most a
 * minute, is left.
 *
 * @since 0.2.0
 * @category headers
 */
export const authorizationSource = (
  credentials: Credentials
): Effect.Effect<Redacted.Redacted<string> | Effect.Effect<Redacted.Redacted<string>>, ConfigurationError> => {
  if (credentials._tag !== "Jwt" || credentials.expiresInSeconds === undefined) return authorization(credentials)
  const lifetime = credentials.expiresInSeconds
  if (!Number.isInteger(lifetime) || lifetime < 1) {
    return Effect.fail(
      new ConfigurationError({ detail: "expiresInSeconds must be a whole number of seconds, 1 or more" })
    )
  }
  const margin = Math.min(60, lifetime / 10) * 1000
  const now = Effect.clockWith((clock) => clock.currentTimeMillis)
  const signAt = (millis: number) =>
    Effect.map(signBearer(credentials, millis), (header) => ({
      header,
      renewAt: Math.floor(millis / 1000) * 1000 + lifetime * 1000 - margin
    }))
  // Signed once now, so a key that cannot sign fails the layer; a later renewal signs the same way.
  return Effect.map(Effect.flatMap(now, signAt), (first) => {
    let current = first
    return Effect.flatMap(now, (millis) =>
      millis < current.renewAt
        ? Effect.succeed(current.header)
        : Effect.map(Effect.orDie(signAt(millis)), (next) => (current = next).header))
  })
}
