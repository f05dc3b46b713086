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
import { updatableFields } from "../families/integrations.js"
import { segment } from "../path.js"
import { redactWebhook } from "../secrets.js"
import { keys } from "./keys.js"
import { isInvalidPage, pageLinks, pageOf } from "./page.js"
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

const ofApp = (store: InMemoryStore, appId: string): Result<Map<string, StoredIntegration>> => {
  if (!store.hasApp(appId)) return Either.left(integrationFailures.appNotFound)
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
      const { meta, size, slice } = pageOf(items, page, (i) => i.id)
      const base = `${baseUrl}/v2/apps/${segment(appId)}/integrations?` +
        (types === undefined ? "" : `filter[types]=${encodeURIComponent(types)}&`)
      return Either.right({
        integrations: slice.map((i) => shown(store, appId, i)),
        meta,
        links: pageLinks(base, meta, size)
      })
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
