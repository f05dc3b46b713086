/**
 * The Devices operations' answers validate against the OpenAPI spec
 * (openapi-backend, ajv). The emulator runs no SDK, so a user has no device.
 */
import { expect, layer } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { conforms, conformsAsError } from "./support/Conformance.js"
import { call } from "./support/Http.js"

const MISSING = "0123456789abcdef01234567"

layer(Emulator.layer(), { timeout: "60 seconds" })("Devices: responses conform to the OpenAPI spec", (it) => {
  it.effect("list and get", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const base = `/v2/apps/${appId}/users/ada/devices`
      const listed = yield* call("GET", base)
      yield* conforms("ListDevices", listed, 200)
      expect(listed.json).toEqual({ devices: [] })
      yield* conformsAsError("ListDevices", yield* call("GET", `/v2/apps/${appId}/users/${MISSING}/devices`), 404)
      const missing = yield* call("GET", `${base}/de13bee15b51033b34162411`)
      yield* conforms("GetDevice", missing, 404)
      expect(missing.json).toEqual({ errors: [{ code: "device_not_found", title: "Device not found" }] })
      yield* conforms("GetDevice", yield* call("GET", `/v2/apps/${appId}/users/${MISSING}/devices/${MISSING}`), 404)
    }))
})
