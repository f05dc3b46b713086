/**
 * The integrations, for the in-memory store: each app's channels and custom
 * integrations, stored with what the request gave plus their `id` and
 * `status`; a custom integration's `webhooks` are its webhooks as they are
 * now (`webhooks.ts`). Deleting one deletes its webhooks and its API keys.
 */
import * as Either from "effect/Either"
import type { ApiFailure } from "../../ErrorResponse.js"
import type * as Schemas from "../../generated/Schemas.js"
import type { Unknown } from "../../generated/Unknown.js"
import type { FamilyHandlers, InMemoryStore, Result } from "../../InMemoryStore.js"
import type { Integration, IntegrationPage } from "../../Integrations.js"
import type { Links, Meta } from "../../Pagination.js"
import { updatableFields } from "../families/integrations.js"
import { segment } from "../path.js"
import { redactWebhook } from "../secrets.js"
import { keys } from "./keys.js"
import { DEFAULT_PAGE_SIZE, isInvalidPage, lowerBound } from "./page.js"
import { part } from "./part.js"
import { addWebhook, dropWebhooksOf, webhooksOfIntegration } from "./webhooks.js"

/** An integration of a type the spec lists, as stored. */
export type StoredIntegration = Exclude<Schemas.Integration, Unknown> & { readonly id: string }

const integrationFailures = {
  appNotFound: { status: 404, code: "app_not_found", title: "App not found" },
  invalidType: { status: 400, code: "bad_request", title: "Invalid integration type" },
  invalidPage: { status: 400, code: "bad_request", title: "Invalid page query parameters" },
  integrationNotFound: { status: 404, code: "integration_not_found", title: "Integration not found" },
  notUpdatable: (field: string, type: string): ApiFailure => ({
    status: 400,
    code: "bad_request",
    title: `${field} cannot be updated on a ${type} integration`
  })
} satisfies Record<string, ApiFailure | ((...args: Array<string>) => ApiFailure)>

/** Each app's integrations, by id, in the order made (ids increase: the cursors). */
const integrations = part(() => new Map<string, Map<string, StoredIntegration>>())

const appExists = (store: InMemoryStore, appId: string) => store.appSummaries().some((app) => app.id === appId)

const ofApp = (store: InMemoryStore, appId: string): Result<Map<string, StoredIntegration>> => {
  if (!appExists(store, appId)) return Either.left(integrationFailures.appNotFound)
  const all = integrations(store)
  let mine = all.get(appId)
  if (mine === undefined) {
    mine = new Map()
    all.set(appId, mine)
  }
  return Either.right(mine)
}

/**
 * The app's integration `integrationId`, or `missing` (the spec documents
 * `integration_not_found` on the integration's own paths, `not_found` on its
 * webhooks' and keys').
 */
export const integrationOf = (
  store: InMemoryStore,
  appId: string,
  integrationId: string,
  missing: ApiFailure = integrationFailures.integrationNotFound
): Result<StoredIntegration> =>
  Either.flatMap(ofApp(store, appId), (mine) => {
    const found = mine.get(integrationId)
    return found === undefined ? Either.left(missing) : Either.right(found)
  })

/**
 * An integration as the API answers it: a custom one with its oldest
 * remaining webhook. The spec's `custom.webhooks` has exactly one item
 * (minItems and maxItems 1), in answers too; `ListWebhooks` gives them all.
 */
const shown = (store: InMemoryStore, appId: string, stored: StoredIntegration): Integration =>
  stored.type === "custom"
    ? { ...stored, webhooks: webhooksOfIntegration(store, appId, stored.id).slice(0, 1).map(redactWebhook) }
    : stored

const isListed = <A extends { readonly type: string }>(body: A): body is A & Exclude<Schemas.Integration, Unknown> =>
  updatableFields.has(body.type)

/** `record` with `changes` applied: `null` clears a field, `undefined` leaves it. */
const patched = <A extends object>(record: A, changes: object): A => {
  const next: A = { ...record }
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) Reflect.deleteProperty(next, key)
    else if (value !== undefined) Reflect.set(next, key, value)
  }
  return next
}

/** One page of `items` (in id order), as the service's forward cursor lists cut it. */
const pageOf = <A extends { readonly id: string }>(
  items: ReadonlyArray<A>,
  page: {
    readonly after?: string | undefined
    readonly before?: string | undefined
    readonly size?: number | undefined
  }
) => {
  const size = page.size ?? DEFAULT_PAGE_SIZE
  let start: number
  let end: number
  if (page.before !== undefined) {
    end = lowerBound(items, page.before, true, (i) => i.id)
    start = Math.max(0, end - size)
  } else {
    start = page.after === undefined ? 0 : lowerBound(items, page.after, false, (i) => i.id)
    end = Math.min(items.length, start + size)
  }
  const slice = items.slice(start, end)
  const meta: Meta = {
    // hasMore looks in the direction of travel: backwards for page[before].
    hasMore: page.before !== undefined ? start > 0 : end < items.length,
    ...(end < items.length && slice.length > 0 ? { afterCursor: slice[slice.length - 1]!.id } : {}),
    ...(start > 0 && slice.length > 0 ? { beforeCursor: slice[0]!.id } : {})
  }
  return { slice, meta, size }
}

/** What the store does for each Integrations operation. */
export const handlers: FamilyHandlers<"Integrations"> = {
  "Integrations.create": (store, { body, params: { appId } }) =>
    Either.flatMap(ofApp(store, appId), (mine): Result<Integration> => {
      // A type the spec does not list (the emulator decodes it as `unknown`) is refused, as the service does.
      if (!isListed(body)) return Either.left(integrationFailures.invalidType)
      const id = store.newId()
      const stored: StoredIntegration = body.type === "custom"
        ? { ...body, id, status: "active", webhooks: [] }
        : { ...body, id, status: "active" }
      mine.set(id, stored)
      if (body.type === "custom") { for (const webhook of body.webhooks) addWebhook(store, appId, id, webhook) }
      return Either.right(shown(store, appId, stored))
    }),
  "Integrations.list": (store, { params: { appId }, query }, baseUrl) =>
    Either.flatMap(ofApp(store, appId), (mine): Result<IntegrationPage> => {
      const page = query.page ?? {}
      if (isInvalidPage(page)) return Either.left(integrationFailures.invalidPage)
      const types = query.filter?.types
      const wanted = types === undefined ? undefined : new Set(types.split(",").map((t) => t.trim()))
      const items = [...mine.values()].filter((i) => wanted === undefined || wanted.has(i.type))
      const { meta, size, slice } = pageOf(items, page)
      const base = `${baseUrl}/v2/apps/${segment(appId)}/integrations?` +
        (types === undefined ? "" : `filter[types]=${encodeURIComponent(types)}&`)
      const links: Links = {
        ...(meta.beforeCursor ? { prev: `${base}page[before]=${meta.beforeCursor}&page[size]=${size}` } : {}),
        ...(meta.afterCursor ? { next: `${base}page[after]=${meta.afterCursor}&page[size]=${size}` } : {})
      }
      return Either.right({ integrations: slice.map((i) => shown(store, appId, i)), meta, links })
    }),
  "Integrations.get": (store, { params: { appId, integrationId } }) =>
    Either.map(integrationOf(store, appId, integrationId), (stored) => shown(store, appId, stored)),
  "Integrations.update": (store, { body, params: { appId, integrationId } }) =>
    Either.flatMap(integrationOf(store, appId, integrationId), (stored): Result<Integration> => {
      // The branch of the oneOf is the integration's own type: a field of another type's update is refused.
      const allowed = updatableFields.get(stored.type)
      for (const [field, value] of Object.entries(body)) {
        if (value !== undefined && allowed?.has(field) !== true) {
          return Either.left(integrationFailures.notUpdatable(field, stored.type))
        }
      }
      const next = patched(stored, body)
      integrations(store).get(appId)?.set(integrationId, next)
      return Either.right(shown(store, appId, next))
    }),
  "Integrations.delete": (store, { params: { appId, integrationId } }) =>
    Either.map(integrationOf(store, appId, integrationId), () => {
      integrations(store).get(appId)?.delete(integrationId)
      dropWebhooksOf(store, appId, integrationId)
      const all = keys(store)
      for (const [id, key] of all) if (key.appId === appId && key.integrationId === integrationId) all.delete(id)
    })
}
