/**
 * The Devices family: one entry per operation (see `conversations.ts`).
 */
import * as Either from "effect/Either"
import * as Facts from "../../generated/Operations.js"
import { type Device, DeviceListResponse, DeviceResponse } from "../../generated/Schemas.js"
import type { BrandQuery } from "../../User.js"
import { decoder } from "../decode.js"
import { define, envelope } from "../operation.js"

const decodeList = decoder(DeviceListResponse)

export const devices = {
  /**
   * GetDevice: one of the user's SDK devices. An unknown device fails with `DeviceNotFound`.
   *
   * @example
   * ```ts
   * import { Devices } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const devices = yield* Devices
   *   return yield* devices.get("customer-17", "de13bee15b51033b34162411").pipe(
   *     Effect.catchTag("DeviceNotFound", () => Effect.succeed(undefined))
   *   )
   * })
   * ```
   */
  get: define(Facts.GetDevice)({
    args: (userIdOrExternalId: string, deviceId: string, query?: BrandQuery) => ({
      params: { userIdOrExternalId, deviceId },
      query
    }),
    body: undefined,
    check: () => undefined,
    response: envelope<"device", Device>("device", decoder(DeviceResponse)),
    errors: ["DeviceNotFound"],
    repeatable: true
  }),
  /**
   * ListDevices: all of the user's SDK devices, sorted by last seen (not
   * paginated; the `{ devices }` envelope unwrapped). The spec documents no
   * error of its own: an unknown user is an `ApiError` (404).
   *
   * @example
   * ```ts
   * import { Devices } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const devices = yield* Devices
   *   return yield* devices.list("customer-17")
   * })
   * ```
   */
  list: define(Facts.ListDevices)({
    args: (userIdOrExternalId: string, query?: BrandQuery) => ({ params: { userIdOrExternalId }, query }),
    body: undefined,
    check: () => undefined,
    response: {
      decode: (json) => Either.map(decodeList(json), (r): ReadonlyArray<Device> => r.devices ?? []),
      encode: (devices: ReadonlyArray<Device>) => ({ devices })
    },
    errors: [],
    repeatable: true
  })
}
