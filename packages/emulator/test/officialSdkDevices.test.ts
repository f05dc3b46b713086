/**
 * The official JavaScript SDK (sunshine-conversations-client 14.1.0) drives
 * the Devices operations against the emulator (which runs no SDK, so a user
 * has no device).
 */
import { expect, layer } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import * as OfficialSdk from "./support/OfficialSdk.js"
import { promise, Sdk, sdkClient } from "./support/OfficialSdk.js"
import { expectNoViolations, PrismProxy } from "./support/Prism.js"

const sdk = Effect.map(sdkClient(), ({ client }) => new Sdk.DevicesApi(client))

layer(OfficialSdk.layer(), { timeout: "30 seconds" })(
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

    it.effect("Prism's validating proxy finds nothing wrong with the requests nor the answers", () =>
      Effect.map(PrismProxy, ({ exchanges }) => expectNoViolations(exchanges, "Devices")))
  }
)
