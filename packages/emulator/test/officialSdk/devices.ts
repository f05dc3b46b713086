/**
 * The official JavaScript SDK (sunshine-conversations-client 14.1.0) drives
 * the Devices operations against the emulator (which runs no SDK, so a user
 * has no device).
 */
import { expect } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { promise, Sdk, sdkClient, type Section } from "../support/OfficialSdk.js"

const sdk = Effect.map(sdkClient(), ({ client }) => new Sdk.DevicesApi(client))

export const devices: Section = (it) => {
  it.effect("Devices: listDevices and getDevice", () =>
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
