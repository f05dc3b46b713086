/**
 * App keys: the API keys of an app (account keys only).
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import { appKeys } from "./internal/families/appKeys.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
import type { families } from "./Operations.js"

/**
 * The AppKeys operations of one app (derived from their entries in the operation table).
 *
 * @since 0.2.0
 * @category models
 */
export interface AppKeysService extends Methods<typeof families.AppKeys> {
  /** The same operations on another app. */
  readonly forApp: (appId: string) => AppKeysService
}

/**
 * The app keys service tag.
 *
 * @since 0.2.0
 * @category tags
 */
export class AppKeys extends Context.Tag("@sunco-effect/conversations/AppKeys")<AppKeys, AppKeysService>() {}

// Loading this module makes the family known to every layer (a program that never imports it does not bundle it).
register("AppKeys", appKeys)
