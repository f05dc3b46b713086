/**
 * Authentication as the service does it: HTTP basic with an API key, or a
 * bearer JWT signed with HS256 whose `kid` names a known key and whose
 * `scope` claim is app, account or integration. An app-scoped key reaches
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

const verifyJwt = (token: string, keys: ReadonlyMap<string, ApiKey>): ApiKey | undefined => {
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
  const scope = payload.scope
  const scopeFits = key.scope === "account" ? scope === "account" : scope === "app" || scope === "integration"
  return scopeFits ? key : undefined
}

const verifyBasic = (encoded: string, keys: ReadonlyMap<string, ApiKey>): ApiKey | undefined => {
  const decoded = Buffer.from(encoded, "base64").toString("utf8")
  const colon = decoded.indexOf(":")
  if (colon < 0) return undefined
  const key = keys.get(decoded.slice(0, colon))
  // Compare against a dummy when the key is unknown, so timing does not tell which keys exist.
  const ok = safeEqual(decoded.slice(colon + 1), key?.secret ?? "\u0000unknown-key")
  return ok ? key : undefined
}

const verify = (header: string, keys: ReadonlyMap<string, ApiKey>): ApiKey | undefined => {
  const space = header.indexOf(" ")
  const scheme = header.slice(0, space).toLowerCase()
  const value = header.slice(space + 1).trim()
  return scheme === "basic" ? verifyBasic(value, keys) : scheme === "bearer" ? verifyJwt(value, keys) : undefined
}

/**
 * Headers that verified, per key set, so each distinct credential pays for
 * the HMACs once. Only successes are kept (a guess never lands here), the
 * lookup is by hash, and the cache is bounded and dropped when keys change.
 */
const verified = new WeakMap<ReadonlyMap<string, ApiKey>, Map<string, ApiKey>>()
const MAX_VERIFIED = 1024

/**
 * Check an `Authorization` header for a request on `appId`: the key, or the
 * failure to answer with (401 for missing or bad credentials, 403 for a key of
 * another app).
 *
 * @since 0.1.0
 * @category auth
 */
export const authorize = (
  header: string | undefined,
  appId: string,
  keys: ReadonlyMap<string, ApiKey>
): ApiFailure | undefined => {
  if (header === undefined || header.length === 0) return failures.unauthorized
  let cache = verified.get(keys)
  if (!cache) verified.set(keys, cache = new Map())
  let key = cache.get(header)
  if (!key) {
    key = verify(header, keys)
    if (!key) return failures.invalidCredentials
    if (cache.size >= MAX_VERIFIED) cache.clear()
    cache.set(header, key)
  }
  if (key.scope === "app" && key.appId !== appId) return failures.forbidden
  return undefined
}
