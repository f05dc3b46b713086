/**
 * App keys: the API keys of an app (account keys only). A new key's secret
 * comes back once, `Redacted`, ready for `Credentials`.
 *
 * @example
 * ```ts
 * import { AppKeys, Credentials } from "@sunco-effect/conversations"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const appKeys = (yield* AppKeys).forApp("5d8cff3cd55b040010928b5b")
 *   const key = yield* appKeys.create({ displayName: "Bot" })
 *   return Credentials.basic({ keyId: key.id, secret: key.secret })
 * })
 * ```
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import type * as Redacted from "effect/Redacted"
import { appKeys } from "./internal/families/appKeys.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
import type { families } from "./Operations.js"

/**
 * An API key of an app, as `list` and `get` show it: never its secret.
 *
 * @since 0.2.0
 * @category models
 */
export interface AppKeyInfo {
  readonly id: string
  readonly displayName?: string | undefined
}

/**
 * A key just made by `create`: its secret (kept `Redacted`, so it does not
 * show in logs) is given this once, to sign JWTs or for basic auth.
 *
 * @since 0.2.0
 * @category models
 */
export interface NewAppKey extends AppKeyInfo {
  readonly secret: Redacted.Redacted<string>
}

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
