/**
 * The custom integration keys, for the in-memory store: kept with the app
 * keys in `keys.ts` (with their `integrationId`), so the emulator accepts
 * them as credentials. Only the create call answers with the secret.
 */
import * as Either from "effect/Either"
import type { ApiFailure } from "../../ErrorResponse.js"
import type { FamilyHandlers, InMemoryStore, Result } from "../../InMemoryStore.js"
import type { IntegrationKey } from "../../IntegrationKeys.js"
import { redactKey } from "../secrets.js"
import { integrationOf, type StoredIntegration } from "./integrations.js"
import { keys, type StoredKey } from "./keys.js"
import { keySecret } from "./secret.js"

const keyFailures = {
  notCustom: { status: 400, code: "bad_request", title: "API keys are available only for custom integrations" },
  notFound: { status: 404, code: "not_found", title: "Resource not found" }
} satisfies Record<string, ApiFailure>

/** The custom integration of the collection's path (`integration_not_found`, or 400 when not custom). */
const customOf = (store: InMemoryStore, appId: string, integrationId: string): Result<StoredIntegration> =>
  Either.flatMap(
    integrationOf(store, appId, integrationId),
    (integration) => integration.type === "custom" ? Either.right(integration) : Either.left(keyFailures.notCustom)
  )

/** The key of an item's path: `not_found` when it or its integration is not there. */
const keyOf = (store: InMemoryStore, appId: string, integrationId: string, keyId: string): Result<StoredKey> =>
  Either.flatMap(integrationOf(store, appId, integrationId, keyFailures.notFound), () => {
    const key = keys(store).get(keyId)
    return key !== undefined && key.appId === appId && key.integrationId === integrationId
      ? Either.right(key)
      : Either.left(keyFailures.notFound)
  })

/** A key as listed and fetched: without its secret. */
const withoutSecret = (key: StoredKey): IntegrationKey => ({ id: key.id, displayName: key.displayName })

/** What the store does for each IntegrationKeys operation. */
export const handlers: FamilyHandlers<"IntegrationKeys"> = {
  "IntegrationKeys.create": (store, { body, params: { appId, integrationId } }) =>
    Either.map(customOf(store, appId, integrationId), (): IntegrationKey => {
      const key: StoredKey = {
        id: `int_${store.newId()}`,
        secret: keySecret(),
        displayName: body.displayName,
        appId,
        integrationId
      }
      keys(store).set(key.id, key)
      return redactKey({ id: key.id, displayName: key.displayName, secret: key.secret })
    }),
  "IntegrationKeys.list": (store, { params: { appId, integrationId } }) =>
    Either.map(customOf(store, appId, integrationId), () => {
      const out: Array<IntegrationKey> = []
      for (const key of keys(store).values()) {
        if (key.appId === appId && key.integrationId === integrationId) out.push(withoutSecret(key))
      }
      return out
    }),
  "IntegrationKeys.get": (store, { params: { appId, integrationId, keyId } }) =>
    Either.map(keyOf(store, appId, integrationId, keyId), withoutSecret),
  "IntegrationKeys.delete": (store, { params: { appId, integrationId, keyId } }) =>
    Either.map(keyOf(store, appId, integrationId, keyId), (key) => void keys(store).delete(key.id))
}
