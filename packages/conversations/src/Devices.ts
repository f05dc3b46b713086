/**
 * Devices: the SDK devices of a user (the browsers and phones its Web, iOS or
 * Android SDK ran on), made by the SDKs, read here. The test layer and the
 * emulator run no SDK: their users have no device.
 *
 * @example
 * ```ts
 * import { Devices } from "@sunco-effect/conversations"
 * import { Effect } from "effect"
 *
 * const pushTokens = Effect.gen(function*() {
 *   const devices = yield* Devices
 *   const all = yield* devices.list("customer-17")
 *   return all.flatMap((d) => d.status === "active" && d.pushNotificationToken ? [d.pushNotificationToken] : [])
 * })
 * ```
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import { devices } from "./internal/families/devices.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
import type { families } from "./Operations.js"

/**
 * The Devices operations of one app (derived from their entries in the operation table).
 *
 * @since 0.2.0
 * @category models
 */
export interface DevicesService extends Methods<typeof families.Devices> {
  /** The same operations on another app. */
  readonly forApp: (appId: string) => DevicesService
}

/**
 * The devices of users service tag.
 *
 * @since 0.2.0
 * @category tags
 */
export class Devices extends Context.Tag("@sunco-effect/conversations/Devices")<Devices, DevicesService>() {}

// Loading this module makes the family known to every layer (a program that never imports it does not bundle it).
register("Devices", devices)
