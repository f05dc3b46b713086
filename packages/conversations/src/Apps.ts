/**
 * Apps: create, list, get, update and delete the apps of an account (account keys only, except get and update).
 *
 * @example
 * ```ts
 * import { Apps } from "@sunco-effect/conversations"
 * import { Effect, Stream } from "effect"
 *
 * // With an account key: make an app, then walk every app of the account.
 * const program = Effect.gen(function*() {
 *   const apps = yield* Apps
 *   const created = yield* apps.create({ displayName: "Support", settings: { multiConvoEnabled: true } })
 *   const all = yield* apps.stream({ page: { size: 100 } }).pipe(Stream.runCollect)
 *   return [created, all] as const
 * })
 * ```
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import type { App, AppResponseWithSubdomain } from "./generated/Schemas.js"
import { apps } from "./internal/families/apps.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
import type { families } from "./Operations.js"
import type { Links, Meta, Page } from "./Pagination.js"

/**
 * The query of `list`: a cursor page (`page.size` 1-100, default 25; one of
 * `page.after` or `page.before`), and the service account whose apps to list.
 *
 * @since 0.2.0
 * @category models
 */
export interface AppListQuery {
  readonly page?: Page | undefined
  readonly filter?: { readonly serviceAccountId?: string | undefined } | undefined
}

/**
 * One page of the account's apps, by id, with `meta` and `links` to the next or previous page.
 *
 * @since 0.2.0
 * @category models
 */
export interface AppPage {
  readonly apps: ReadonlyArray<App>
  readonly meta: Meta
  readonly links: Links
}

/**
 * An app as `get` returns it: with the subdomain of its Zendesk account, when the service gives one.
 *
 * @since 0.2.0
 * @category models
 */
export type AppWithSubdomain = NonNullable<AppResponseWithSubdomain["app"]>

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
