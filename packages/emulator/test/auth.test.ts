import { expect, layer } from "@effect/vitest"
import { DefaultSeed, Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import * as jose from "jose"
import { basicAuth, call } from "./support/Http.js"

const OTHER_APP = "5f0c8b0e3f1a2b001e4d6cff"
const seed = {
  ...DefaultSeed.seed,
  apps: [...DefaultSeed.seed.apps, {
    id: OTHER_APP,
    keys: [{ id: "app_other", secret: "other-secret", scope: "app" as const }]
  }]
}

const jwt = (secret: string, header: Record<string, unknown>, payload: Record<string, unknown>) =>
  Effect.promise(() =>
    new jose.SignJWT(payload).setProtectedHeader({ alg: "HS256", ...header } as jose.JWTHeaderParameters)
      .sign(new TextEncoder().encode(secret))
  )

const path = (app: string) => `/v2/apps/${app}/conversations/5f0c8b0e3f1a2b001e4d6c20`
const statusOf = (authorization: string | null, app = DefaultSeed.appId) =>
  Effect.map(call("GET", path(app), { authorization }), (a) => a.status)

layer(Emulator.layer({ seed }))("authentication", (it) => {
  it.effect("basic auth with the app key works; missing or wrong credentials are 401", () =>
    Effect.gen(function*() {
      expect(yield* statusOf(basicAuth(DefaultSeed.keyId, DefaultSeed.keySecret))).toBe(200)
      const missing = yield* call("GET", path(DefaultSeed.appId), { authorization: null })
      expect(missing.status).toBe(401)
      expect(missing.json).toEqual({ errors: [{ code: "unauthorized", title: "Authorization is required" }] })
      expect(yield* statusOf(basicAuth(DefaultSeed.keyId, "wrong"))).toBe(401)
      expect(yield* statusOf(basicAuth("app_unknown", DefaultSeed.keySecret))).toBe(401)
      expect(yield* statusOf("Digest abc")).toBe(401)
    }))

  it.effect("an app-scoped key reaches only its own app; an account key reaches all", () =>
    Effect.gen(function*() {
      const forbidden = yield* call("GET", path(OTHER_APP), {
        authorization: basicAuth(DefaultSeed.keyId, DefaultSeed.keySecret)
      })
      expect(forbidden.status).toBe(403)
      expect(yield* statusOf(basicAuth("app_other", "other-secret"))).toBe(403)
      const account = basicAuth(DefaultSeed.accountKey.id, DefaultSeed.accountKey.secret)
      expect(yield* statusOf(account)).toBe(200)
      expect(yield* statusOf(account, OTHER_APP)).toBe(404) // the conversation is not in that app
    }))

  it.effect("JWTs signed with jose: HS256, kid naming a known key, scope matching the key's kind", () =>
    Effect.gen(function*() {
      const app = (payload: Record<string, unknown>, header: Record<string, unknown> = { kid: DefaultSeed.keyId }) =>
        Effect.flatMap(jwt(DefaultSeed.keySecret, header, payload), (t) => statusOf(`Bearer ${t}`))
      expect(yield* app({ scope: "app" })).toBe(200)
      expect(yield* app({ scope: "integration" })).toBe(401) // scope must match the key's kind
      expect(yield* app({ scope: "account" })).toBe(401) // an app key cannot sign account scope
      expect(yield* app({})).toBe(401)
      expect(yield* app({ scope: "app" }, { kid: "app_unknown" })).toBe(401)
      expect(yield* app({ scope: "app" }, {})).toBe(401)
      const wrongSecret = yield* jwt("not-the-secret", { kid: DefaultSeed.keyId }, { scope: "app" })
      expect(yield* statusOf(`Bearer ${wrongSecret}`)).toBe(401)
      const account = yield* jwt(DefaultSeed.accountKey.secret, { kid: DefaultSeed.accountKey.id }, {
        scope: "account"
      })
      expect(yield* statusOf(`Bearer ${account}`)).toBe(200)
    }))

  it.effect("unsigned (alg none) tokens are refused", () =>
    Effect.gen(function*() {
      const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url")
      const unsigned = `${encode({ alg: "none", kid: DefaultSeed.keyId })}.${encode({ scope: "app" })}.`
      expect(yield* statusOf(`Bearer ${unsigned}`)).toBe(401)
      expect(yield* statusOf("Bearer not.a.jwt")).toBe(401)
    }))
})
