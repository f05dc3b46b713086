/**
 * The official JavaScript SDK (sunshine-conversations-client 14.1.0) drives
 * the App Keys operations against the emulator, with an account key.
 */
import { expect, layer } from "@effect/vitest"
import { DefaultSeed, Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { createRequire } from "node:module"
import { basicAuth, call } from "./support/Http.js"

const require = createRequire(import.meta.url)
// The SDK is CommonJS and untyped.
const SunshineConversationsClient: any = require("sunshine-conversations-client")

const keysApi = Effect.map(Emulator, (emulator) => {
  const client = new SunshineConversationsClient.ApiClient()
  client.basePath = emulator.baseUrl
  client.authentications.basicAuth.username = DefaultSeed.accountKey.id
  client.authentications.basicAuth.password = DefaultSeed.accountKey.secret
  return new SunshineConversationsClient.AppKeysApi(client)
})

const promise = (f: () => Promise<any>) =>
  Effect.tryPromise({ try: f, catch: (e: any) => ({ status: e?.status as number, body: e?.response?.body }) })

layer(Emulator.layer(), { timeout: "30 seconds" })("the official SDK: App Keys", (it) => {
  it.effect("create (with its secret), list and get (without), delete; the key then authenticates nothing", () =>
    Effect.gen(function*() {
      const api = yield* keysApi
      const app = DefaultSeed.appId
      const created = yield* promise(() => api.createAppKey(app, { displayName: "SDK key" }))
      const { id, secret } = created.key
      expect(created.key.displayName).toBe("SDK key")
      expect(typeof secret).toBe("string")
      const conversation = `/v2/apps/${app}/conversations/5f0c8b0e3f1a2b001e4d6c20`
      expect((yield* call("GET", conversation, { authorization: basicAuth(id, secret) })).status).toBe(200)

      const listed = yield* promise(() => api.listAppKeys(app))
      expect(listed.keys).toEqual([{ id, displayName: "SDK key" }])
      const fetched = yield* promise(() => api.getAppKey(app, id))
      expect(fetched.key).toEqual({ id, displayName: "SDK key" })

      yield* promise(() => api.deleteAppKey(app, id))
      const gone = yield* Effect.flip(promise(() => api.getAppKey(app, id)))
      expect(gone.status).toBe(404)
      expect((yield* call("GET", conversation, { authorization: basicAuth(id, secret) })).status).toBe(401)
    }))
})
