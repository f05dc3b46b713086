/**
 * Apps: create, list, get, update and delete the apps of an account (account keys only, except get and update).
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import { apps } from "./internal/families/apps.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
import type { families } from "./Operations.js"

/**
 * The Apps operations of one app (derived from their entries in the operation table).
 *
 * @since 0.2.0
 * @category models
 */
export interface AppsService extends Methods<typeof families.Apps> {
  /** The same operations on another app. */
  readonly forApp: (appId: string) => AppsService
}

/**
 * The apps of the account service tag.
 *
 * @since 0.2.0
 * @category tags
 */
export class Apps extends Context.Tag("@sunco-effect/conversations/Apps")<Apps, AppsService>() {}

// Loading this module makes the family known to every layer (a program that never imports it does not bundle it).
register("Apps", apps)
