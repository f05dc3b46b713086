/**
 * A Zendesk-hosted app (`zendeskHosted: true` in the seed): under `/sc`, the base URL of Zendesk
 * accounts, only its app and integration keys authenticate; an account key or an account-scoped
 * JWT gets 401, as a key the account does not have. Elsewhere, and on other apps, nothing changes.
 */
import { expect, layer } from "@effect/vitest"
import { DefaultSeed, Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import * as jose from "jose"
import { type Answer, basicAuth, call } from "./support/Http.js"

const OTHER_APP = "5f0c8b0e3f1a2b001e4d6cff"
const CONVERSATION = "5f0c8b0e3f1a2b001e4d6c20"
const hosted = { ...DefaultSeed.seed.apps[0]!, zendeskHosted: true }
const seed = { ...DefaultSeed.seed, apps: [hosted, { id: OTHER_APP }] }

const jwt = (secret: string, kid: string, scope: string) =>
  Effect.promise(() =>
    new jose.SignJWT({ scope }).setProtectedHeader({ alg: "HS256", kid }).sign(new TextEncoder().encode(secret))
  )

const conversation = (prefix: "" | "/sc", authorization: string, app = DefaultSeed.appId) =>
  call("GET", `${prefix}/v2/apps/${app}/conversations/${CONVERSATION}`, { authorization })

const statuses = (answers: ReadonlyArray<Answer>) => answers.map((a) => a.status)

const appKey = basicAuth(DefaultSeed.keyId, DefaultSeed.keySecret)
const accountKey = basicAuth(DefaultSeed.accountKey.id, DefaultSeed.accountKey.secret)

layer(Emulator.layer({ seed }))("Zendesk-hosted apps", (it) => {
  it.effect("under /sc, app and integration keys (basic or JWT) authenticate; account credentials get 401", () =>
    Effect.gen(function*() {
      const integration = yield* call("POST", `/v2/apps/${DefaultSeed.appId}/integrations`, {
        body: {
          type: "custom",
          displayName: "hosted",
          webhooks: [{ target: "http://127.0.0.1:9/hooks", triggers: ["conversation:message"] }]
        }
      })
      expect(integration.status, integration.text).toBe(201)
      const integrationId = (integration.json as { integration: { id: string } }).integration.id
      const made = yield* call("POST", `/v2/apps/${DefaultSeed.appId}/integrations/${integrationId}/keys`, {
        body: { displayName: "hosted key" }
      })
      const { id, secret } = (made.json as { key: { id: string; secret: string } }).key
      const appJwt = `Bearer ${yield* jwt(DefaultSeed.keySecret, DefaultSeed.keyId, "app")}`
      const integrationJwt = `Bearer ${yield* jwt(secret, id, "integration")}`
      const accountJwt = `Bearer ${yield* jwt(DefaultSeed.accountKey.secret, DefaultSeed.accountKey.id, "account")}`

      const allowed = yield* Effect.all(
        [appKey, appJwt, basicAuth(id, secret), integrationJwt].map((auth) => conversation("/sc", auth))
      )
      expect(statuses(allowed)).toEqual([200, 200, 200, 200])
      const refused = yield* Effect.all([accountKey, accountJwt].map((auth) => conversation("/sc", auth)))
      expect(statuses(refused)).toEqual([401, 401])
      // The answer of a key the account does not have: nothing tells that the key exists elsewhere.
      expect(refused[0]!.json).toEqual({ errors: [{ code: "unauthorized", title: "Invalid credentials" }] })
      expect(refused[1]!.json).toEqual(refused[0]!.json)
      // A write is refused the same way, and changes nothing.
      const write = yield* call("POST", `/sc/v2/apps/${DefaultSeed.appId}/users`, {
        authorization: accountKey,
        body: { externalId: "never" }
      })
      expect(write.status).toBe(401)
      expect((yield* call("GET", `/v2/apps/${DefaultSeed.appId}/users/never`)).status).toBe(404)
    }))

  it.effect("account credentials still work outside /sc, and under /sc on an app that is not Zendesk-hosted", () =>
    Effect.gen(function*() {
      const accountJwt = `Bearer ${yield* jwt(DefaultSeed.accountKey.secret, DefaultSeed.accountKey.id, "account")}`
      expect(statuses(yield* Effect.all([accountKey, accountJwt].map((auth) => conversation("", auth))))).toEqual([
        200,
        200
      ])
      // The conversation is not in the other app: 404 past authentication.
      const other = yield* Effect.all([accountKey, accountJwt].map((auth) => conversation("/sc", auth, OTHER_APP)))
      expect(statuses(other)).toEqual([404, 404])
    }))

  it.effect("a reset with a seed that does not mark the app lets account keys in under /sc again", () =>
    Effect.gen(function*() {
      expect((yield* conversation("/sc", accountKey)).status).toBe(401)
      const reset = yield* call("POST", "/__emulator/reset", { body: DefaultSeed.seed })
      expect(reset.status).toBe(200)
      expect((yield* conversation("/sc", accountKey)).status).toBe(200)
      expect((yield* call("POST", "/__emulator/reset", { body: seed })).status).toBe(200)
      expect((yield* conversation("/sc", accountKey)).status).toBe(401)
    }))
})
