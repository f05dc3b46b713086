/**
 * The official JavaScript SDK (sunshine-conversations-client 14.1.0) drives
 * the App Keys operations against the emulator, with an account key.
 */
import { expect } from "@effect/vitest"
import { DefaultSeed } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { basicAuth, call } from "../support/Http.js"
import { promise, Sdk, sdkClient, type Section } from "../support/OfficialSdk.js"

const keysApi = Effect.map(sdkClient(DefaultSeed.accountKey), ({ client }) => new Sdk.AppKeysApi(client))

export const appKeys: Section = (it) => {
  it.effect("App Keys: create (with its secret), list and get (without), delete; the key then authenticates nothing", () =>
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
}
