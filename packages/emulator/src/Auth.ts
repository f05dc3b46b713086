/**
 * Authentication as the service does it: HTTP basic with an API key, or a
 * bearer JWT signed with HS256 whose `kid` names a known key, whose `scope`
 * claim is the key's kind (`app` or `account`) and whose `exp`/`nbf`, if
 * set, hold (within `JWT_CLOCK_SKEW_SECONDS`). An app-scoped key reaches
 * only its own app. Secrets are compared in constant time and never logged.
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
  readonly scope: "app" | "account"
  /** The app of an app-scoped key. */
  readonly appId?: string | undefined
}

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

const verifyJwt = (token: string, keys: ReadonlyMap<string, ApiKey>): Verified | undefined => {
  const parts = token.split(".")
  if (parts.length !== 3) return undefined
  const [h, p, s] = parts as [string, string, string]
  const header = decodeSegment(h)
  const payload = decodeSegment(p)
  if (!isRecord(header) || !isRecord(payload)) return undefined
  // Unsigned ("none") and other algorithms are refused, as the service does.
  if (header.alg !== "HS256" || typeof header.kid !== "string") return undefined
  const key = keys.get(header.kid)
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

const verifyBasic = (encoded: string, keys: ReadonlyMap<string, ApiKey>): Verified | undefined => {
  const bytes = Buffer.from(encoded, "base64")
  // Canonical base64 only: Buffer skips stray characters, extra padding and base64url's "-" and "_", so what does
  // not encode back to the same text (`Basic <valid>====`, a missing "=") does not authenticate.
  if (bytes.toString("base64") !== encoded) return undefined
  const decoded = bytes.toString("utf8")
  const colon = decoded.indexOf(":")
  if (colon < 0) return undefined
  const key = keys.get(decoded.slice(0, colon))
  // Compare against a dummy when the key is unknown, so timing does not tell which keys exist.
  const ok = safeEqual(decoded.slice(colon + 1), key?.secret ?? "\u0000unknown-key")
  return ok && key ? forever(key) : undefined
}

const verify = (header: string, keys: ReadonlyMap<string, ApiKey>): Verified | undefined => {
  const space = header.indexOf(" ")
  if (space < 0) return undefined
  const scheme = header.slice(0, space).toLowerCase()
  const value = header.slice(space + 1)
  return scheme === "basic" ? verifyBasic(value, keys) : scheme === "bearer" ? verifyJwt(value, keys) : undefined
}

/**
 * Headers that verified, per key set, so each distinct credential pays for
 * the HMACs once. Only successes are kept (a guess never lands here), the
 * lookup is by hash, and the cache is bounded and dropped when keys change.
 */
const verified = new WeakMap<ReadonlyMap<string, ApiKey>, Map<string, Verified>>()
const MAX_VERIFIED = 1024

/**
 * Check an `Authorization` header for a request on `appId`: the key that
 * authenticated it, or the failure to answer with (401 for missing or bad credentials, 403 for a key of
 * another app).
 *
 * @since 0.1.0
 * @category auth
 */
export const authorize = (
  header: string | undefined,
  appId: string,
  keys: ReadonlyMap<string, ApiKey>,
  nowSeconds: () => number = () => Date.now() / 1000
): ApiFailure | ApiKey => {
  if (header === undefined || header.length === 0) return failures.unauthorized
  let cache = verified.get(keys)
  if (!cache) verified.set(keys, cache = new Map())
  let found = cache.get(header)
  if (!found) {
    found = verify(header, keys)
    if (!found) return failures.invalidCredentials
    if (cache.size >= MAX_VERIFIED) cache.clear()
    cache.set(header, found)
  }
  const now = nowSeconds()
  if (now >= found.expiresAt + JWT_CLOCK_SKEW_SECONDS) return failures.expiredToken
  if (now < found.notBefore - JWT_CLOCK_SKEW_SECONDS) return failures.tokenNotYetValid
  const key = found.key
  if (key.scope === "app" && key.appId !== appId) return failures.forbidden
  return key
}

/**
 * Whether `authorize` refused.
 *
 * @since 0.2.0
 * @category auth
 */
export const isFailure = (result: ApiFailure | ApiKey): result is ApiFailure => "status" in result
