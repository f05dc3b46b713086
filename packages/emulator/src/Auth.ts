/**
 * Authentication as the service does it: HTTP basic with an API key, or a
 * bearer JWT signed with HS256 whose `kid` names a known key, whose `scope`
 * claim is the key's kind (`app`, `account` or `integration`) and whose
 * `exp`/`nbf`, if set, hold (within `JWT_CLOCK_SKEW_SECONDS`), or a bearer
 * OAuth access token. The keys are the seed's and those made through the API
 * (app keys, custom integration keys, OAuth grants), which stop working once
 * deleted or revoked. Each operation allows the scopes its spec lists; an app
 * or integration key reaches only its own app. Secrets are compared in
 * constant time and never logged.
 *
 * @since 0.1.0
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto"
import type { EmulatorSeed } from "./EmulatorSeed.js"
import { type ApiFailure, failures } from "./ErrorBody.js"

/**
 * A known API key.
 *
 * @since 0.1.0
 * @category models
 */
export interface ApiKey {
  readonly id: string
  readonly secret: string
  readonly scope: Scope
  /** The app of an app or integration key. */
  readonly appId?: string | undefined
  /** The custom integration (or OAuth client) of an integration key. */
  readonly integrationId?: string | undefined
}

/**
 * The kind of a key, as the spec's security requirements name them: an
 * operation lists the scopes it allows.
 *
 * @since 0.2.0
 * @category models
 */
export type Scope = "app" | "account" | "integration"

/**
 * Keys beyond the seed's, looked up on each request (they come and go with
 * the API): by key id, and by OAuth access token.
 *
 * @since 0.2.0
 * @category models
 */
export interface MadeKeys {
  readonly byId: (id: string) => ApiKey | undefined
  readonly byToken: (token: string) => ApiKey | undefined
}

/**
 * What an operation asks of its credentials: the scopes it allows
 * (`undefined`: any) and whether its path names an app.
 *
 * @since 0.2.0
 * @category models
 */
export interface Access {
  readonly scopes?: ReadonlyArray<Scope> | undefined
  readonly made?: MadeKeys | undefined
  /**
   * The request is on a Zendesk-hosted app under `/sc`: such accounts have
   * only app and integration keys, so an account credential is not theirs.
   */
  readonly zendeskHosted?: boolean | undefined
}

/**
 * The apps a seed marks as Zendesk-hosted.
 *
 * @since 0.2.0
 * @category constructors
 */
export const zendeskHostedOf = (seed: EmulatorSeed): ReadonlySet<string> =>
  new Set(seed.apps.filter((app) => app.zendeskHosted === true).map((app) => app.id))

/**
 * The keys a seed declares, by id.
 *
 * @since 0.1.0
 * @category constructors
 */
export const keysOf = (seed: EmulatorSeed): Map<string, ApiKey> => {
  const keys = new Map<string, ApiKey>()
  for (const app of seed.apps) {
    for (const key of app.keys ?? []) {
      keys.set(key.id, { id: key.id, secret: key.secret, scope: key.scope ?? "app", appId: app.id })
    }
  }
  for (const key of seed.accountKeys ?? []) {
    keys.set(key.id, { id: key.id, secret: key.secret, scope: "account" })
  }
  return keys
}

// A per-process key so that comparing HMACs compares equal-length values.
const compareKey = randomBytes(32)
const digest = (value: string | Buffer) => createHmac("sha256", compareKey).update(value).digest()

/** Constant-time equality of two secrets or signatures, whatever their lengths. */
const safeEqual = (a: string | Buffer, b: string | Buffer) => timingSafeEqual(digest(a), digest(b))

const decodeSegment = (segment: string): unknown => {
  try {
    return JSON.parse(Buffer.from(segment, "base64url").toString("utf8"))
  } catch {
    return undefined
  }
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null

/**
 * Clock skew allowed on a JWT's `exp` and `nbf`, in seconds: a token is
 * refused from `exp + 60` on and before `nbf - 60`.
 *
 * @since 0.2.0
 * @category constants
 */
export const JWT_CLOCK_SKEW_SECONDS = 60

/** A key that verified, and the window (epoch seconds) in which its token is valid. */
interface Verified {
  readonly key: ApiKey
  readonly notBefore: number
  readonly expiresAt: number
}

const forever = (key: ApiKey): Verified => ({ key, notBefore: -Infinity, expiresAt: Infinity })

const timeClaim = (value: unknown, otherwise: number): number | undefined =>
  value === undefined ? otherwise : typeof value === "number" && Number.isFinite(value) ? value : undefined

type Lookup = (id: string) => ApiKey | undefined

const verifyJwt = (token: string, keys: Lookup): Verified | undefined => {
  const parts = token.split(".")
  if (parts.length !== 3) return undefined
  const [h, p, s] = parts as [string, string, string]
  const header = decodeSegment(h)
  const payload = decodeSegment(p)
  if (!isRecord(header) || !isRecord(payload)) return undefined
  // Unsigned ("none") and other algorithms are refused, as the service does.
  if (header.alg !== "HS256" || typeof header.kid !== "string") return undefined
  const key = keys(header.kid)
  if (!key) return undefined
  const expected = createHmac("sha256", key.secret).update(`${h}.${p}`).digest()
  if (!safeEqual(expected, Buffer.from(s, "base64url"))) return undefined
  // The scope names the kind of key that signed: app keys sign `app`, account keys `account`.
  if (payload.scope !== key.scope) return undefined
  const expiresAt = timeClaim(payload.exp, Infinity)
  const notBefore = timeClaim(payload.nbf, -Infinity)
  if (expiresAt === undefined || notBefore === undefined) return undefined
  return { key, expiresAt, notBefore }
}

const verifyBasic = (encoded: string, keys: Lookup): Verified | undefined => {
  const bytes = Buffer.from(encoded, "base64")
  // Canonical base64 only: Buffer skips stray characters, extra padding and base64url's "-" and "_", so what does
  // not encode back to the same text (`Basic <valid>====`, a missing "=") does not authenticate.
  if (bytes.toString("base64") !== encoded) return undefined
  const decoded = bytes.toString("utf8")
  const colon = decoded.indexOf(":")
  if (colon < 0) return undefined
  const key = keys(decoded.slice(0, colon))
  // Compare against a dummy when the key is unknown, so timing does not tell which keys exist.
  const ok = safeEqual(decoded.slice(colon + 1), key?.secret ?? "\u0000unknown-key")
  return ok && key ? forever(key) : undefined
}

const verify = (header: string, keys: Lookup, made: MadeKeys | undefined): Verified | undefined => {
  const space = header.indexOf(" ")
  if (space < 0) return undefined
  const scheme = header.slice(0, space).toLowerCase()
  const value = header.slice(space + 1)
  if (scheme === "basic") return verifyBasic(value, keys)
  if (scheme !== "bearer") return undefined
  // Not a JWT: an OAuth access token, if one was issued.
  if (value.split(".").length !== 3) {
    const grant = made?.byToken(value)
    return grant === undefined ? undefined : forever(grant)
  }
  return verifyJwt(value, keys)
}

/**
 * Headers that verified, per key set, so each distinct credential pays for
 * the HMACs once. Only successes are kept (a guess never lands here), the
 * lookup is by hash, and the cache is bounded and dropped when keys change.
 */
const verified = new WeakMap<ReadonlyMap<string, ApiKey>, Map<string, Verified>>()
const MAX_VERIFIED = 1024

/**
 * Check an `Authorization` header for a request on `appId` (`undefined` for
 * an operation whose path names no app): the key that authenticated it, or
 * the failure to answer with (401 for missing or bad credentials, or account
 * credentials on a Zendesk-hosted app; 403 for a key whose scope the operation
 * does not allow, or of another app).
 *
 * @since 0.1.0
 * @category auth
 */
export const authorize = (
  header: string | undefined,
  appId: string | undefined,
  keys: ReadonlyMap<string, ApiKey>,
  nowSeconds: () => number = () => Date.now() / 1000,
  access: Access = {}
): ApiFailure | ApiKey => {
  if (header === undefined || header.length === 0) return failures.unauthorized
  let cache = verified.get(keys)
  if (!cache) verified.set(keys, cache = new Map())
  let found = cache.get(header)
  if (!found) {
    const made = access.made
    found = verify(header, (id) => keys.get(id) ?? made?.byId(id), made)
    if (!found) return failures.invalidCredentials
    // Only the seed's keys are remembered: the others can be deleted or revoked at any time.
    if (keys.get(found.key.id) === found.key) {
      if (cache.size >= MAX_VERIFIED) cache.clear()
      cache.set(header, found)
    }
  }
  const now = nowSeconds()
  if (now >= found.expiresAt + JWT_CLOCK_SKEW_SECONDS) return failures.expiredToken
  if (now < found.notBefore - JWT_CLOCK_SKEW_SECONDS) return failures.tokenNotYetValid
  const key = found.key
  // Answered as an unknown key: a Zendesk-hosted account has no account keys to match.
  if (access.zendeskHosted === true && key.scope === "account") return failures.invalidCredentials
  if (access.scopes !== undefined && !access.scopes.includes(key.scope)) return failures.scopeNotAllowed
  if (key.scope !== "account" && appId !== undefined && key.appId !== appId) return failures.forbidden
  return key
}

/**
 * Whether `authorize` refused.
 *
 * @since 0.2.0
 * @category auth
 */
export const isFailure = (result: ApiFailure | ApiKey): result is ApiFailure => "status" in result
