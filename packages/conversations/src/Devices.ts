/**
 * Devices: the SDK devices of a user.
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import type { Methods } from "./internal/operation.js"
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
