/**
 * What each kind of credentials puts on the wire, when a JWT is signed
 * again, and the configuration mistakes refused before anything is sent.
 */
import { describe, expect, it } from "@effect/vitest"
import { Conversations, Credentials } from "@sunco-effect/conversations"
import { Effect, Layer, TestClock } from "effect"
import * as jose from "jose"
import { APP, CONV, conversationJson, liveOn, makeMock, ok, SECRET } from "./support/MockHttp.js"

/** The bearer tokens of three gets, the clock moved by `steps` seconds before the 2nd and 3rd. */
const tokensAcross = (credentials: Credentials.Credentials, steps: readonly [number, number]) =>
  Effect.gen(function*() {
    const mock = makeMock(() => ok({ conversation: conversationJson }))
    yield* TestClock.setTime(1_800_000_000_000)
    yield* Effect.gen(function*() {
      const c = yield* Conversations
      yield* c.forApp(APP).get(CONV)
      yield* TestClock.adjust(`${steps[0]} seconds`)
      yield* c.forApp(APP).get(CONV)
      yield* TestClock.adjust(`${steps[1]} seconds`)
      yield* c.forApp(APP).get(CONV)
    }).pipe(Effect.provide(liveOn(mock, { credentials })))
    return mock.requests.map((r) => r.headers["authorization"]!.replace(/^Bearer /, ""))
  })

const configurationError = (credentials: Credentials.Credentials) =>
  Effect.gen(function*() {
    const mock = makeMock(() => ok({ conversation: conversationJson }))
    const error = yield* Effect.flatMap(Conversations, (c) => c.forApp(APP).get(CONV)).pipe(
      Effect.provide(liveOn(mock, { credentials })),
      Effect.flip
    )
    expect(mock.requests).toHaveLength(0)
    return error
  })

describe("JWT credentials", () => {
  it.effect("without a lifetime: only the scope is claimed, and every request sends the same token", () =>
    Effect.gen(function*() {
      const tokens = yield* tokensAcross(Credentials.jwt({ keyId: "app_abc", secret: SECRET }), [3600, 3600])
      expect(new Set(tokens).size).toBe(1)
      expect(jose.decodeJwt(tokens[0]!)).toEqual({ scope: "app" })
    }))

  for (
    const [lifetime, renewAt, rule] of [
      [100, 90, "a short lifetime is renewed when a tenth of it is left: 100 s renews at 90 s, not before"],
      [3600, 3540, "a long lifetime is renewed one minute before it ends: an hour renews at 59 minutes"]
    ] as const
  ) {
    it.effect(rule, () =>
      Effect.gen(function*() {
        const credentials = Credentials.jwt({ keyId: "app_abc", secret: SECRET, expiresInSeconds: lifetime })
        const [first, before, at] = yield* tokensAcross(credentials, [renewAt - 1, 1])
        expect(before).toBe(first)
        expect(at).not.toBe(first)
        expect(jose.decodeJwt(at!)).toMatchObject({
          iat: 1_800_000_000 + renewAt,
          exp: 1_800_000_000 + renewAt + lifetime
        })
      }))
  }

  it.effect("a lifetime of one second is allowed; less, or a fraction, is refused with the rule", () =>
    Effect.gen(function*() {
      const oneSecond = Credentials.jwt({ keyId: "app_abc", secret: SECRET, expiresInSeconds: 1 })
      expect(yield* tokensAcross(oneSecond, [0, 1])).toHaveLength(3)
      const error = yield* Layer.build(liveOn(makeMock(() => ok({})), {
        credentials: Credentials.jwt({ keyId: "app_abc", secret: SECRET, expiresInSeconds: 0.5 })
      })).pipe(Effect.scoped, Effect.flip)
      expect(error.message).toContain("expiresInSeconds must be a whole number of seconds, 1 or more")
    }))

  it.effect("a secret HMAC cannot use (empty) is a ConfigurationError, and nothing is sent", () =>
    Effect.gen(function*() {
      const error = yield* configurationError(Credentials.jwt({ keyId: "app_abc", secret: "" }))
      expect(error).toMatchObject({ _tag: "ConfigurationError" })
      expect(error.message).toContain("could not sign the JWT with the given secret")
    }))
})

describe("an empty key id", () => {
  for (
    const [kind, credentials] of [
      ["basic", Credentials.basic({ keyId: "", secret: SECRET })],
      ["jwt", Credentials.jwt({ keyId: "", secret: SECRET })],
      ["jwt with a lifetime", Credentials.jwt({ keyId: "", secret: SECRET, expiresInSeconds: 60 })]
    ] as const
  ) {
    it.effect(`is a ConfigurationError before anything is sent (${kind})`, () =>
      Effect.gen(function*() {
        const error = yield* configurationError(credentials)
        expect(error).toMatchObject({ _tag: "ConfigurationError" })
        expect(error.message).toContain("the key id must not be empty")
        expect(error.message).not.toContain(SECRET)
      }))
  }
})
