/**
 * The official JavaScript SDK (sunshine-conversations-client 14.1.0) drives
 * the Apps operations against the emulator, with an account key.
 */
import { expect, layer } from "@effect/vitest"
import { DefaultSeed, Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
// The SDK is CommonJS and untyped.
const SunshineConversationsClient: any = require("sunshine-conversations-client")

const appsApi = (keyId: string, secret: string) =>
  Effect.map(Emulator, (emulator) => {
    const client = new SunshineConversationsClient.ApiClient()
    client.basePath = emulator.baseUrl
    client.authentications.basicAuth.username = keyId
    client.authentications.basicAuth.password = secret
    return new SunshineConversationsClient.AppsApi(client)
  })

const promise = (f: () => Promise<any>) =>
  Effect.tryPromise({ try: f, catch: (e: any) => ({ status: e?.status as number, body: e?.response?.body }) })

layer(Emulator.layer(), { timeout: "30 seconds" })("the official SDK: Apps", (it) => {
  it.effect("create, list, get, update and delete an app; an app key may not create one", () =>
    Effect.gen(function*() {
      const api = yield* appsApi(DefaultSeed.accountKey.id, DefaultSeed.accountKey.secret)
      const body = new SunshineConversationsClient.AppCreateBody("From the SDK")
      body.settings = { multiConvoEnabled: true }
      const created = yield* promise(() => api.createApp(body))
      const id: string = created.app.id
      expect(created.app.displayName).toBe("From the SDK")
      expect(created.app.settings.multiConvoEnabled).toBe(true)

      const listed = yield* promise(() => api.listApps({ page: { size: 100 } }))
      expect(listed.apps.map((a: { id: string }) => a.id)).toContain(id)
      expect(listed.apps.map((a: { id: string }) => a.id)).toContain(DefaultSeed.appId)

      const fetched = yield* promise(() => api.getApp(id))
      expect(fetched.app.id).toBe(id)

      const update = new SunshineConversationsClient.AppUpdateBody()
      update.displayName = "Renamed by the SDK"
      update.metadata = { team: "support" }
      const updated = yield* promise(() => api.updateApp(id, update))
      expect(updated.app).toMatchObject({ displayName: "Renamed by the SDK", metadata: { team: "support" } })

      yield* promise(() => api.deleteApp(id))
      const gone = yield* Effect.flip(promise(() => api.getApp(id)))
      expect(gone.status).toBe(404)
      expect(gone.body.errors[0].code).toBe("app_not_found")

      const appKeyApi = yield* appsApi(DefaultSeed.keyId, DefaultSeed.keySecret)
      const refused = yield* Effect.flip(promise(() => appKeyApi.createApp(body)))
      expect(refused.status).toBe(403)
    }))
})
