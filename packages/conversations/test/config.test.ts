import { describe, expect, it } from "@effect/vitest"
import { Conversations, type ConversationsConfig } from "@sunco-effect/conversations"
import { Config, ConfigError, ConfigProvider, Effect, Layer, Option } from "effect"
import * as jose from "jose"
import { APP, CONV, conversationJson, makeMock, ok, SECRET } from "./support/MockHttp.js"

const withEnv = (env: Record<string, string>, config: ConversationsConfig = {}) =>
  Effect.gen(function*() {
    const mock = makeMock(() => ok({ conversation: conversationJson }))
    const result = yield* Effect.flatMap(Conversations, (c) => Effect.as(c.forApp(APP).get(CONV), c.appId)).pipe(
      Effect.provide(Conversations.layerConfig(config).pipe(Layer.provide(mock.layer))),
      Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env)))),
      Effect.either
    )
    return { result, requests: mock.requests }
  })

const key = { SUNCO_KEY_ID: "app_abc", SUNCO_KEY_SECRET: SECRET }

describe("layerConfig reads the environment", () => {
  it.effect("SUNCO_BASE_URL, SUNCO_APP_ID and the key, with basic auth by default", () =>
    Effect.gen(function*() {
      const { requests, result } = yield* withEnv({ ...key, SUNCO_BASE_URL: "http://127.0.0.1:9", SUNCO_APP_ID: APP })
      expect(result._tag === "Right" && Option.getOrNull(result.right)).toBe(APP)
      expect(requests[0]!.url.origin).toBe("http://127.0.0.1:9")
      expect(requests[0]!.headers.authorization).toMatch(/^Basic /)
    }))

  it.effect("SUNCO_SUBDOMAIN picks the Zendesk host; SUNCO_REGION=eu the EU host; the US host otherwise", () =>
    Effect.gen(function*() {
      expect((yield* withEnv({ ...key, SUNCO_SUBDOMAIN: "acme" })).requests[0]!.url.href).toMatch(
        /^https:\/\/acme\.zendesk\.com\/sc\/v2\//
      )
      expect((yield* withEnv({ ...key, SUNCO_REGION: "eu" })).requests[0]!.url.origin).toBe(
        "https://api.eu-1.smooch.io"
      )
      expect((yield* withEnv(key)).requests[0]!.url.origin).toBe("https://api.smooch.io")
    }))

  it.effect("SUNCO_AUTH=jwt mints a token with SUNCO_JWT_SCOPE", () =>
    Effect.gen(function*() {
      const { requests } = yield* withEnv({ ...key, SUNCO_AUTH: "jwt", SUNCO_JWT_SCOPE: "account" })
      const token = requests[0]!.headers.authorization!.replace("Bearer ", "")
      const { payload } = yield* Effect.promise(() => jose.jwtVerify(token, new TextEncoder().encode(SECRET)))
      expect(payload.scope).toBe("account")
    }))

  it.effect("a missing key or a bad subdomain reaches the user as the ConfigError that names the variable", () =>
    Effect.gen(function*() {
      const missing = (yield* withEnv({ SUNCO_KEY_ID: "app_abc" })).result
      expect(missing._tag === "Left" && ConfigError.isConfigError(missing.left)).toBe(true)
      expect(missing._tag === "Left" && String(missing.left)).toContain("SUNCO_KEY_SECRET")
      const bad = (yield* withEnv({ ...key, SUNCO_SUBDOMAIN: "not a host" })).result
      expect(bad._tag === "Left" && ConfigError.isConfigError(bad.left)).toBe(true)
      expect(bad._tag === "Left" && String(bad.left)).toContain("SUNCO_SUBDOMAIN")
      expect(JSON.stringify(bad)).not.toContain(SECRET)
    }))

  it.effect("each option can come from a Config of the user's own; the others keep their SUNCO_* default", () =>
    Effect.gen(function*() {
      const { requests, result } = yield* withEnv(
        { ...key, SUPPORT_APP: APP, SUPPORT_URL: "http://127.0.0.1:7" },
        { appId: Config.string("SUPPORT_APP"), baseUrl: Config.string("SUPPORT_URL") }
      )
      expect(result._tag === "Right" && Option.getOrNull(result.right)).toBe(APP)
      expect(requests[0]!.url.origin).toBe("http://127.0.0.1:7")
      expect(requests[0]!.headers.authorization).toMatch(/^Basic /)
    }))
})
