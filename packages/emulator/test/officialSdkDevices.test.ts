/**
 * The official JavaScript SDK (sunshine-conversations-client 14.1.0) drives
 * the Devices operations against the emulator (which runs no SDK, so a user
 * has no device).
 */
import { expect, layer } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect, Redacted } from "effect"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
// The SDK is CommonJS and untyped.
const SunshineConversationsClient: any = require("sunshine-conversations-client")

const sdk = Effect.map(Emulator, (emulator) => {
  const client = new SunshineConversationsClient.ApiClient()
  client.basePath = emulator.baseUrl
  client.authentications.basicAuth.username = emulator.keyId
  client.authentications.basicAuth.password = Redacted.value(emulator.keySecret)
  return new SunshineConversationsClient.DevicesApi(client)
})

const promise = (f: () => Promise<any>) =>
  Effect.tryPromise({ try: f, catch: (e: any) => ({ status: e?.status as number, body: e?.response?.body }) })

layer(Emulator.layer(), { timeout: "30 seconds" })(
  "the official SDK's Devices operations against the emulator",
  (it) => {
    it.effect("listDevices and getDevice", () =>
      Effect.gen(function*() {
        const { appId } = yield* Emulator
        const api = yield* sdk
        expect((yield* promise(() => api.listDevices(appId, "ada"))).devices).toEqual([])
        const missing = yield* Effect.flip(promise(() => api.getDevice(appId, "ada", "de13bee15b51033b34162411")))
        expect(missing).toEqual({
          status: 404,
          body: { errors: [{ code: "device_not_found", title: "Device not found" }] }
        })
      }))
  }
)
