/**
 * `Auth.authorize` at its edges: which headers authenticate, which failure
 * each refusal answers with, and the JWT's time window to the second.
 * Tokens are signed by hand where a library would refuse to write them.
 */
import { describe, expect, it } from "@effect/vitest"
import { Auth, DefaultSeed, EmulatorSeed } from "@sunco-effect/emulator"
import { Either, Schema } from "effect"
import { createHmac } from "node:crypto"

const APP = DefaultSeed.appId
const OTHER = "5f0c8b0e3f1a2b001e4d6cff"
const seedKeys = () =>
  Auth.keysOf({
    ...DefaultSeed.seed,
    apps: [
      { id: APP, keys: [{ id: "app_k", secret: "app-secret" }, { id: "kx_short", secret: "kx_shortX" }] },
      { id: OTHER, keys: [{ id: "app_other", secret: "other-secret", scope: "app" as const }] }
    ],
    accountKeys: [{ id: "act_k", secret: "account-secret" }]
  })
const keys = seedKeys()

const b64url = (text: string) => Buffer.from(text).toString("base64url")
/** An HS256 signature over whatever header and payload text it is given. */
const signed = (header: string, payload: string, secret = "app-secret") => {
  const body = `${b64url(header)}.${b64url(payload)}`
  return `${body}.${createHmac("sha256", secret).update(body).digest("base64url")}`
}
const token = (payload: Record<string, unknown>, header: Record<string, unknown> = {}) =>
  signed(JSON.stringify({ alg: "HS256", typ: "JWT", kid: "app_k", ...header }), JSON.stringify(payload))
const basic = (pair: string) => `Basic ${Buffer.from(pair).toString("base64")}`

const NOW = 1_800_000_000
const titleOf = (header: string | undefined, now = NOW, appId = APP) => {
  const result = Auth.authorize(header, appId, keys, () => now)
  return Auth.isFailure(result) ? result.title : `key ${result.id}`
}

describe("the keys of a seed", () => {
  it("an app's keys without a scope are app-scoped to that app; account keys are account-scoped", () => {
    // built here, inside the test, so that mutation testing sees this test read them
    const built = seedKeys()
    expect(built.get("app_k")).toEqual({ id: "app_k", secret: "app-secret", scope: "app", appId: APP })
    expect(built.get("act_k")).toEqual({ id: "act_k", secret: "account-secret", scope: "account" })
    expect(built.size).toBe(4)
    // a key without an id could never be named by a client: a seed (reset, seed file) refuses it
    const seedWithKey = (id: string) =>
      Schema.decodeUnknownEither(EmulatorSeed.EmulatorSeed)({ apps: [{ id: APP, keys: [{ id, secret: "s" }] }] })
    expect(Either.isRight(seedWithKey("k"))).toBe(true)
    expect(Either.isLeft(seedWithKey(""))).toBe(true)
    expect(Auth.keysOf({ apps: [{ id: APP }] }).size).toBe(0)
    const withoutAccountKeys = Auth.keysOf({ ...DefaultSeed.seed, accountKeys: undefined })
    expect([...withoutAccountKeys.keys()]).toEqual([DefaultSeed.keyId])
  })
})

describe("which header authenticates", () => {
  it("none or an empty one is 'required'; anything unverifiable is 'invalid'", () => {
    expect(titleOf(undefined)).toBe("Authorization is required")
    expect(titleOf("")).toBe("Authorization is required")
    expect(titleOf("Basic")).toBe("Invalid credentials")
    expect(titleOf("Basic ")).toBe("Invalid credentials")
    expect(titleOf(basic("app_k:app-secret"))).toBe("key app_k")
    expect(titleOf(basic("act_k:account-secret"))).toBe("key act_k")
  })

  it("Basic: canonical base64 of id:secret, the colon required", () => {
    const valid = basic("app_k:app-secret")
    expect(titleOf(`${valid}==`)).toBe("Invalid credentials")
    expect(titleOf(valid.replace(/=+$/, ""))).toBe("Invalid credentials")
    expect(titleOf(`basic ${valid.slice(6)}`)).toBe("key app_k") // the scheme is case-insensitive
    // without a colon, "kx_shortX" must not read as key kx_short with the whole text as its secret
    expect(titleOf(basic("kx_shortX"))).toBe("Invalid credentials")
    expect(titleOf(basic("kx_short:kx_shortX"))).toBe("key kx_short")
    expect(titleOf(basic("app_unknown:"))).toBe("Invalid credentials")
  })

  it("a valid token under another scheme does not authenticate", () => {
    expect(titleOf(`Bearer ${token({ scope: "app" })}`)).toBe("key app_k")
    expect(titleOf(`Digest ${token({ scope: "app" })}`)).toBe("Invalid credentials")
    expect(titleOf(`Token ${basic("app_k:app-secret").slice(6)}`)).toBe("Invalid credentials")
  })

  it("Bearer: exactly three parts, two JSON objects, HS256 as the header says, the signing key's scope", () => {
    const good = token({ scope: "app" })
    expect(titleOf(`Bearer ${good}.extra`)).toBe("Invalid credentials")
    expect(titleOf(`Bearer ${good.split(".").slice(0, 2).join(".")}`)).toBe("Invalid credentials")
    const header = JSON.stringify({ alg: "HS256", kid: "app_k" })
    expect(titleOf(`Bearer ${signed(header, "null")}`)).toBe("Invalid credentials")
    expect(titleOf(`Bearer ${signed(header, "[]")}`)).toBe("Invalid credentials")
    expect(titleOf(`Bearer ${signed("7", JSON.stringify({ scope: "app" }))}`)).toBe("Invalid credentials")
    // an HMAC-SHA256 signature under a header that names another algorithm
    expect(titleOf(`Bearer ${token({ scope: "app" }, { alg: "HS512" })}`)).toBe("Invalid credentials")
    expect(titleOf(`Bearer ${token({ scope: "app" }, { kid: 7 })}`)).toBe("Invalid credentials")
  })

  it("an app key reaches its own app only", () => {
    expect(titleOf(basic("app_other:other-secret"))).toBe("The API key does not have access to this app")
    expect(titleOf(basic("app_other:other-secret"), NOW, OTHER)).toBe("key app_other")
    expect(titleOf(basic("act_k:account-secret"), NOW, OTHER)).toBe("key act_k")
  })
})

describe("a JWT's time window", () => {
  it(`is refused from exp + ${Auth.JWT_CLOCK_SKEW_SECONDS} s on, and until nbf - ${Auth.JWT_CLOCK_SKEW_SECONDS} s`, () => {
    const bounded = `Bearer ${token({ scope: "app", nbf: NOW, exp: NOW + 600 })}`
    expect(titleOf(bounded, NOW - 60)).toBe("key app_k")
    expect(titleOf(bounded, NOW - 60.5)).toBe("The JWT is not valid yet (nbf)")
    expect(titleOf(bounded, NOW + 659.5)).toBe("key app_k")
    expect(titleOf(bounded, NOW + 660)).toBe("The JWT has expired")
    // the answer is cached per header, the window is not: the same header expires later
    expect(titleOf(bounded, NOW)).toBe("key app_k")
    expect(titleOf(bounded, NOW + 700)).toBe("The JWT has expired")
  })

  it("time claims that are not finite numbers are refused", () => {
    const header = JSON.stringify({ alg: "HS256", kid: "app_k" })
    expect(titleOf(`Bearer ${signed(header, `{"scope":"app","exp":1e999}`)}`)).toBe("Invalid credentials")
    expect(titleOf(`Bearer ${token({ scope: "app", exp: "later" })}`)).toBe("Invalid credentials")
    expect(titleOf(`Bearer ${token({ scope: "app", nbf: "soon" })}`)).toBe("Invalid credentials")
    expect(titleOf(`Bearer ${token({ scope: "app" })}`, NOW * 1000)).toBe("key app_k") // no exp: no end
  })
})
