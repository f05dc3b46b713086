/**
 * The Apps family: one entry per operation (see `conversations.ts`). Create,
 * list and delete need an account key; get and update also take the app's
 * own key. `create` and `list` concern the account, not an app, so they run
 * without a configured app.
 */
import * as Either from "effect/Either"
import type { AppListQuery, AppPage, AppWithSubdomain } from "../../Apps.js"
import * as Constraints from "../../generated/Constraints.js"
import * as Facts from "../../generated/Operations.js"
import {
  type App,
  AppCreateBody,
  AppListResponse,
  AppResponse,
  AppResponseWithSubdomain,
  AppUpdateBody
} from "../../generated/Schemas.js"
import * as Validation from "../../Validation.js"
import { rulesOf } from "../constraints.js"
import { decoder } from "../decode.js"
import { define, empty, envelope } from "../operation.js"
import type { DecodedQuery } from "../query.js"
import { paginated } from "../stream.js"

const app = envelope<"app", App>("app", decoder(AppResponse))
const decodeList = decoder(AppListResponse)
const createRules = rulesOf(Constraints.AppCreateBody)
const updateRules = rulesOf(Constraints.AppUpdateBody)

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null

/** The decoded query (the emulator's side) as `list` takes it: only the groups it has. */
const listQuery = (query: DecodedQuery): Either.Either<AppListQuery, string> => {
  const { filter, page } = query
  return Either.right({
    ...(isRecord(page) ? { page } : {}),
    ...(isRecord(filter) ? { filter: { serviceAccountId: String(filter.serviceAccountId) } } : {})
  })
}

/**
 * The spec's prose rules of an app's body: settings that need
 * `multiConvoEnabled` (off unless set for a new app; an update that does not
 * set it leaves the app's, which only the service knows), the metadata.
 */
const checkAppBody = (
  body: AppCreateBody | AppUpdateBody,
  options: Validation.ValidationOptions,
  unsetIsOff: boolean
) => {
  if (body.displayName === null) return { field: "displayName", rule: "type", detail: "must be a string" } as const
  const settings = body.settings
  const multiConvo = settings?.multiConvoEnabled ?? (unsetIsOff ? false : undefined)
  if (settings !== undefined && multiConvo === false) {
    for (const name of ["endSessionEnabled", "disableConversationReopen"] as const) {
      if (settings[name] === true) {
        return {
          field: "settings.multiConvoEnabled",
          rule: "required",
          detail: `must be true for settings.${name}`
        } satisfies Validation.Violation
      }
    }
  }
  return Validation.checkMetadata(body.metadata, options)
}

export const apps = {
  /**
   * CreateApp: a new app of the account (an account key is needed: an app
   * key gets `Forbidden`). Settings not given take the service's defaults
   * (`multiConvoEnabled` off). The body is checked before sending: the
   * `displayName` (1-100 characters), the settings (`endSessionEnabled` and
   * `disableConversationReopen` need `multiConvoEnabled`), flat metadata of
   * at most 4 KB. An account at its plan's limit fails with `PaymentRequired`.
   * Not repeated after a failure that may have reached the service, which
   * would create a second app.
   *
   * @example
   * ```ts
   * import { Apps } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const apps = yield* Apps
   *   const app = yield* apps.create({ displayName: "Support", settings: { multiConvoEnabled: true } })
   *   return app.id
   * })
   * ```
   */
  create: define(Facts.CreateApp)({
    args: (body: AppCreateBody) => ({ body }),
    body: AppCreateBody,
    check: ({ body }, options) =>
      Validation.checkBodyObject(body) ?? createRules(body, options) ?? checkAppBody(body, options, true),
    response: app,
    errors: ["BadRequest", "PaymentRequired"],
    repeatable: false
  }),
  /**
   * ListApps: one page of the account's apps (an account key is needed).
   * Its pagination gives `stream` (every app, following the cursors lazily)
   * and `streamPages`. `filter.serviceAccountId` lists the apps of a service
   * account; one that does not match the credentials fails with `Forbidden`.
   *
   * @example
   * ```ts
   * import { Apps } from "@sunco-effect/conversations"
   * import { Effect, Stream } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const apps = yield* Apps
   *   const first = yield* apps.list({ page: { size: 10 } })
   *   const all = yield* apps.stream({}).pipe(Stream.runCollect)
   *   return [first.meta.hasMore, all] as const
   * })
   * ```
   */
  list: define(Facts.ListApps)({
    args: (query: AppListQuery) => ({ query }),
    body: undefined,
    parseQuery: listQuery,
    check: ({ query }, options) =>
      (query.filter?.serviceAccountId === undefined
        ? undefined
        : Validation.checkId("filter.serviceAccountId", query.filter.serviceAccountId)) ??
        (query.page === undefined ? undefined : Validation.checkPage(query.page, options)),
    response: {
      decode: (json) =>
        Either.map(decodeList(json), (r): AppPage => ({
          apps: r.apps ?? [],
          meta: r.meta ?? {},
          links: r.links ?? {}
        })),
      encode: (page: AppPage) => page
    },
    errors: ["InvalidPage", "BadRequest"],
    repeatable: true,
    pagination: paginated("apps", "forward")
  }),
  /**
   * GetApp: the app the service is bound to (the configured one, or the one
   * given to `forApp`), with its settings and metadata; an unknown app fails
   * with `AppNotFound`.
   *
   * @example
   * ```ts
   * import { Apps } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const apps = yield* Apps
   *   const app = yield* apps.forApp("5d8cff3cd55b040010928b5b").get()
   *   return app.settings?.multiConvoEnabled
   * })
   * ```
   */
  get: define(Facts.GetApp)({
    args: () => ({}),
    body: undefined,
    check: () => undefined,
    response: envelope<"app", AppWithSubdomain>("app", decoder(AppResponseWithSubdomain)),
    errors: [],
    repeatable: true
  }),
  /**
   * UpdateApp: only the given fields change (each given setting; the
   * metadata is replaced, `null` clears it). The body is checked before
   * sending as `create`'s is; the service also refuses (`BadRequest`) turning
   * `multiConvoEnabled` off once it is on.
   *
   * @example
   * ```ts
   * import { Apps } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const apps = yield* Apps
   *   return yield* apps.update({ displayName: "Support (EU)", metadata: { region: "eu" } })
   * })
   * ```
   */
  update: define(Facts.UpdateApp)({
    args: (body: AppUpdateBody) => ({ body }),
    body: AppUpdateBody,
    check: ({ body }, options) =>
      Validation.checkBodyObject(body) ?? updateRules(body, options) ?? checkAppBody(body, options, false),
    response: app,
    errors: ["BadRequest"],
    repeatable: true
  }),
  /**
   * DeleteApp: remove the app with everything in it, its keys included
   * (an account key is needed).
   *
   * @example
   * ```ts
   * import { Apps } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const apps = yield* Apps
   *   yield* apps.forApp("5d8cff3cd55b040010928b5b").delete()
   * })
   * ```
   */
  delete: define(Facts.DeleteApp)({
    args: () => ({}),
    body: undefined,
    check: () => undefined,
    response: empty,
    errors: [],
    repeatable: true
  })
}
