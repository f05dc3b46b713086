/**
 * The official JavaScript SDK (sunshine-conversations-client 14.1.0) drives
 * the Custom Integration API Keys operations against the emulator.
 */
import { expect } from "@effect/vitest"
import { Effect } from "effect"
import { promise, Sdk, sdkClient, sdkCustomIntegration, type Section } from "../support/OfficialSdk.js"

export const integrationKeys: Section = (it) => {
  it.effect("Custom Integration API Keys: createCustomIntegrationKey, listCustomIntegrationKeys, getCustomIntegrationKey, delete…", () =>
    Effect.gen(function*() {
      const { appId, client } = yield* sdkClient()
      const api = new Sdk.CustomIntegrationApiKeysApi(client)
      const integrationId = (yield* sdkCustomIntegration(client, appId)).integration.id

      const created = yield* promise(() =>
        api.createCustomIntegrationKey(appId, integrationId, new Sdk.IntegrationApiKey("SDK key"))
      )
      const keyId = created.key.id
      expect(created.key).toMatchObject({ displayName: "SDK key", secret: expect.any(String) })

      const listed = yield* promise(() => api.listCustomIntegrationKeys(appId, integrationId))
      expect(listed.keys).toEqual([{ id: keyId, displayName: "SDK key" }])
      const fetched = yield* promise(() => api.getCustomIntegrationKey(appId, integrationId, keyId))
      expect(fetched.key).toEqual({ id: keyId, displayName: "SDK key" })

      yield* promise(() => api.deleteCustomIntegrationKey(appId, integrationId, keyId))
      const gone = yield* Effect.flip(promise(() => api.getCustomIntegrationKey(appId, integrationId, keyId)))
      expect(gone.status).toBe(404)
    }))
}
