/**
 * The official JavaScript SDK (sunshine-conversations-client 14.1.0) drives
 * the Apps operations against the emulator, with an account key.
 */
import { expect } from "@effect/vitest"
import { DefaultSeed } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { promise, Sdk, sdkClient, type Section } from "../support/OfficialSdk.js"

const appsApi = (key: { readonly id: string; readonly secret: string }) =>
  Effect.map(sdkClient(key), ({ client }) => new Sdk.AppsApi(client))

export const apps: Section = (it) => {
  it.effect("Apps: create, list, get, update and delete an app; an app key may not create one", () =>
    Effect.gen(function*() {
      const api = yield* appsApi(DefaultSeed.accountKey)
      const body = new Sdk.AppCreateBody("From the SDK")
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

      const update = new Sdk.AppUpdateBody()
      update.displayName = "Renamed by the SDK"
      update.metadata = { team: "support" }
      const updated = yield* promise(() => api.updateApp(id, update))
      expect(updated.app).toMatchObject({ displayName: "Renamed by the SDK", metadata: { team: "support" } })

      yield* promise(() => api.deleteApp(id))
      const gone = yield* Effect.flip(promise(() => api.getApp(id)))
      expect(gone.status).toBe(404)
      expect(gone.body.errors[0].code).toBe("app_not_found")

      const appKeyApi = yield* appsApi({ id: DefaultSeed.keyId, secret: DefaultSeed.keySecret })
      const refused = yield* Effect.flip(promise(() => appKeyApi.createApp(body)))
      expect(refused.status).toBe(403)
    }))
}
