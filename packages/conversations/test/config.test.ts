import { describe, expect, it } from "@effect/vitest"
import { Conversations, type ConversationsConfig } from "@sunco-effect/conversations"
import { Undici } from "@sunco-effect/conversations/Undici"
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

describe("layerConfig refuses a blank key id, secret or app id, naming the variable, before anything is sent", () => {
  const blanks = ["", "   ", "\t\n"]
  const cases = [
    ["SUNCO_KEY_ID", (v: string) => ({ ...key, SUNCO_KEY_ID: v })],
    ["SUNCO_KEY_SECRET", (v: string) => ({ ...key, SUNCO_KEY_SECRET: v })],
    ["SUNCO_APP_ID", (v: string) => ({ ...key, SUNCO_APP_ID: v })]
  ] as const

  it.effect("Conversations.layerConfig", () =>
    Effect.gen(function*() {
      for (const [variable, env] of cases) {
        for (const blank of blanks) {
          const { requests, result } = yield* withEnv(env(blank))
          expect([variable, blank, result._tag === "Left" && ConfigError.isConfigError(result.left)]).toEqual([
            variable,
            blank,
            true
          ])
          expect(String(result._tag === "Left" && result.left)).toContain(variable)
          expect(String(result._tag === "Left" && result.left)).toContain("must not be empty or only whitespace")
          expect(requests).toHaveLength(0)
        }
      }
    }))

  it.effect("Undici.layerConfig, through the same default config", () =>
    Effect.gen(function*() {
      for (const [variable, env] of cases) {
        const result = yield* Effect.flatMap(Conversations, (c) => c.forApp(APP).get(CONV)).pipe(
          Effect.provide(Undici.layerConfig()),
          Effect.withConfigProvider(
            ConfigProvider.fromMap(new Map(Object.entries({ ...env(" "), SUNCO_BASE_URL: "http://127.0.0.1:9" })))
          ),
          Effect.flip
        )
        expect([variable, ConfigError.isConfigError(result)]).toEqual([variable, true])
        expect(String(result)).toContain(variable)
      }
    }))

  it.effect("a blank key id's error does not carry the secret beside it; non-blank values still work", () =>
    Effect.gen(function*() {
      const bad = yield* withEnv({ ...key, SUNCO_KEY_ID: " " })
      expect(bad.result._tag).toBe("Left")
      expect(JSON.stringify(bad.result) + String(bad.result._tag === "Left" && bad.result.left)).not.toContain(SECRET)
      const padded = yield* withEnv({ ...key, SUNCO_APP_ID: ` ${APP} ` })
      expect(padded.result._tag).toBe("Right")
    }))
})
