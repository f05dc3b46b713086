/**
 * Authentication per operation: the scopes each operation's spec allows
 * (account-only operations refuse app keys), and the keys made through the
 * API (app keys, custom integration keys, OAuth access tokens) as
 * credentials, each reaching only its own app until deleted or revoked.
 */
import { expect, layer } from "@effect/vitest"
import { DefaultSeed, Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import * as jose from "jose"
import type { InMemoryStore } from "../../conversations/src/InMemoryStore.js"
import { keys } from "../../conversations/src/internal/store/keys.js"
import { basicAuth, call } from "./support/Http.js"

const APP = DefaultSeed.appId
const OTHER_APP = "5f0c8b0e3f1a2b001e4d6cff"
const seed = { ...DefaultSeed.seed, apps: [...DefaultSeed.seed.apps, { id: OTHER_APP }] }

const appKey = basicAuth(DefaultSeed.keyId, DefaultSeed.keySecret)
const account = basicAuth(DefaultSeed.accountKey.id, DefaultSeed.accountKey.secret)
const conversation = (app: string) => `/v2/apps/${app}/conversations/5f0c8b0e3f1a2b001e4d6c20`

const statusOf = (method: string, path: string, authorization: string | null, body?: unknown) =>
  Effect.map(call(method, path, { authorization, body }), (a) => a.status)

const jwt = (keyId: string, secret: string, scope: string) =>
  Effect.promise(() =>
    new jose.SignJWT({ scope }).setProtectedHeader({ alg: "HS256", kid: keyId })
      .sign(new TextEncoder().encode(secret))
  )

/** A new app key of `app`, made by the account key: its id and secret. */
const newAppKey = (app: string) =>
  Effect.map(
    call("POST", `/v2/apps/${app}/keys`, { authorization: account, body: { displayName: "made" } }),
    (answer) => {
      expect(answer.status).toBe(201)
      return (answer.json as { key: { id: string; secret: string } }).key
    }
  )

layer(Emulator.layer({ seed }))("authentication per operation", (it) => {
  it.effect("account-only operations refuse an app key with 403; get and update of its app take it", () =>
    Effect.gen(function*() {
      const refused = [
        yield* call("POST", "/v2/apps", { authorization: appKey, body: { displayName: "Nope" } }),
        yield* call("GET", "/v2/apps", { authorization: appKey }),
        yield* call("DELETE", `/v2/apps/${APP}`, { authorization: appKey }),
        yield* call("GET", `/v2/apps/${APP}/keys`, { authorization: appKey }),
        yield* call("POST", `/v2/apps/${APP}/keys`, { authorization: appKey, body: { displayName: "k" } })
      ]
      for (const answer of refused) {
        expect(answer.status).toBe(403)
        expect(answer.json).toEqual({
          errors: [{ code: "forbidden", title: "The API key's scope does not allow this operation" }]
        })
      }
      expect(yield* statusOf("GET", `/v2/apps/${APP}`, appKey)).toBe(200)
      expect(yield* statusOf("PATCH", `/v2/apps/${APP}`, appKey, { displayName: "Renamed" })).toBe(200)
      // The app survived the refused delete.
      expect(yield* statusOf("GET", `/v2/apps/${APP}`, account)).toBe(200)
      expect(yield* statusOf("GET", "/v2/apps", account)).toBe(200)
      expect(yield* statusOf("GET", "/v2/apps", null)).toBe(401)
    }))

  it.effect("an app key made through the API authenticates (basic and JWT) on its app only, until deleted", () =>
    Effect.gen(function*() {
      const key = yield* newAppKey(APP)
      const basic = basicAuth(key.id, key.secret)
      const bearer = `Bearer ${yield* jwt(key.id, key.secret, "app")}`
      for (const authorization of [basic, bearer]) {
        expect(yield* statusOf("GET", conversation(APP), authorization)).toBe(200)
        expect(yield* statusOf("GET", conversation(OTHER_APP), authorization)).toBe(403)
        expect(yield* statusOf("GET", "/v2/apps", authorization)).toBe(403)
      }
      expect(yield* statusOf("GET", conversation(APP), basicAuth(key.id, "wrong"))).toBe(401)
      expect(yield* statusOf("GET", conversation(APP), `Bearer ${yield* jwt(key.id, key.secret, "account")}`))
        .toBe(401)

      expect(yield* statusOf("DELETE", `/v2/apps/${APP}/keys/${key.id}`, account)).toBe(200)
      expect(yield* statusOf("GET", conversation(APP), basic)).toBe(401)
      expect(yield* statusOf("GET", conversation(APP), bearer)).toBe(401)
    }))

  it.effect("the keys of a deleted app stop working", () =>
    Effect.gen(function*() {
      const created = yield* call("POST", "/v2/apps", { authorization: account, body: { displayName: "Doomed" } })
      const app = (created.json as { app: { id: string } }).app.id
      const key = yield* newAppKey(app)
      expect(yield* statusOf("GET", `/v2/apps/${app}`, basicAuth(key.id, key.secret))).toBe(200)
      expect(yield* statusOf("DELETE", `/v2/apps/${app}`, account)).toBe(200)
      expect(yield* statusOf("GET", `/v2/apps/${app}`, basicAuth(key.id, key.secret))).toBe(401)
      expect(yield* statusOf("GET", `/v2/apps/${app}`, account)).toBe(404)
    }))

  it.effect("a custom integration key has scope integration: its app, and only what allows integration", () =>
    Effect.gen(function*() {
      const { state } = yield* Emulator
      // Vitest runs the sources, so this is the very store the emulator serves; the type check sees the build's.
      const made = keys(state.store as unknown as InMemoryStore)
      made.set("int_5f0c8b0e3f1a2b001e4d6c99", {
        id: "int_5f0c8b0e3f1a2b001e4d6c99",
        secret: "integration-secret",
        displayName: "integration",
        appId: APP,
        integrationId: "5f0c8b0e3f1a2b001e4d6c98"
      })
      const basic = basicAuth("int_5f0c8b0e3f1a2b001e4d6c99", "integration-secret")
      const bearer = `Bearer ${yield* jwt("int_5f0c8b0e3f1a2b001e4d6c99", "integration-secret", "integration")}`
      for (const authorization of [basic, bearer]) {
        // GetConversation allows integration, app and account keys.
        expect(yield* statusOf("GET", conversation(APP), authorization)).toBe(200)
        expect(yield* statusOf("GET", conversation(OTHER_APP), authorization)).toBe(403)
        // GetApp allows app and account keys only.
        expect(yield* statusOf("GET", `/v2/apps/${APP}`, authorization)).toBe(403)
      }
      // RevokeAccess allows integration keys only.
      expect(yield* statusOf("DELETE", "/oauth/authorization", account)).toBe(403)
      expect(yield* statusOf("DELETE", "/oauth/authorization", appKey)).toBe(403)
      made.delete("int_5f0c8b0e3f1a2b001e4d6c99")
      expect(yield* statusOf("GET", conversation(APP), basic)).toBe(401)
    }))

  it.effect("OAuth: the code becomes a bearer token of the app, which tokenInfo names, until revoked", () =>
    Effect.gen(function*() {
      const { baseUrl } = yield* Emulator
      // Authorize takes no credentials; the app key stands for the browser session that approves its app.
      const authorize = yield* Effect.promise(() =>
        fetch(
          `${baseUrl}/oauth/authorize?client_id=partner&response_type=code&state=s1&redirect_uri=${
            encodeURIComponent("https://partner.example/callback")
          }`,
          { redirect: "manual", headers: { authorization: appKey } }
        )
      )
      expect(authorize.status).toBe(302)
      const location = new URL(authorize.headers.get("location") ?? "")
      expect(`${location.origin}${location.pathname}`).toBe("https://partner.example/callback")
      expect(location.searchParams.get("state")).toBe("s1")
      const code = location.searchParams.get("code") ?? ""
      const exchange = (clientId: string) =>
        call("POST", "/oauth/token", {
          authorization: null,
          body: { code, grant_type: "authorization_code", client_id: clientId, client_secret: "secret" }
        })
      expect((yield* exchange("another-client")).status).toBe(400)
      const granted = yield* exchange("partner")
      expect(granted.status).toBe(200)
      const token = granted.json as { access_token: string; token_type: string }
      expect(token.token_type).toBe("Bearer")
      // A code is good for one exchange.
      expect((yield* exchange("partner")).status).toBe(400)

      const bearer = `Bearer ${token.access_token}`
      const info = yield* call("GET", "/v2/tokenInfo", { authorization: bearer })
      expect(info.status).toBe(200)
      expect((info.json as { app: { id: string } }).app.id).toBe(APP)
      expect(yield* statusOf("GET", conversation(APP), bearer)).toBe(200)
      expect(yield* statusOf("GET", conversation(OTHER_APP), bearer)).toBe(403)
      expect(yield* statusOf("GET", "/v2/tokenInfo", null)).toBe(401)

      expect(yield* statusOf("DELETE", "/oauth/authorization", bearer)).toBe(200)
      expect(yield* statusOf("GET", conversation(APP), bearer)).toBe(401)
      expect(yield* statusOf("GET", "/v2/tokenInfo", bearer)).toBe(401)
    }))
})
