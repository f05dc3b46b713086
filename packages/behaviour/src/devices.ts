/**
 * The Devices family, as a user of the service observes it: devices are made
 * by the SDKs, so a user made through the API has none.
 */
import { expect } from "@effect/vitest"
import { Devices } from "@sunco-effect/conversations"
import { Effect } from "effect"
import { APP, newUser } from "./fixtures.js"
import type { Section } from "./sections.js"

export const devices: Section = (it) => {
  it.effect("devices: a user made through the API has none; an unknown device is DeviceNotFound", () =>
    Effect.gen(function*() {
      const d = (yield* Devices).forApp(APP)
      const user = yield* newUser
      expect(yield* d.list(user.externalId!)).toEqual([])
      expect((yield* Effect.flip(d.get(user.id, "de13bee15b51033b34162411")))._tag).toBe("DeviceNotFound")
      expect(yield* Effect.flip(d.list("0123456789abcdef01234567"))).toMatchObject({ _tag: "ApiError", status: 404 })
    }))
}
