/**
 * The app keys, for the in-memory store: kept with every key made through
 * the API (`keys.ts`, where the emulator finds them as credentials); an app
 * key is one without an integration. The secret is only ever answered by create.
 */
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import type { AppKeyInfo, NewAppKey } from "../../AppKeys.js"
import type { FamilyHandlers, InMemoryStore, Result } from "../../InMemoryStore.js"
import { keys, newSecret, type StoredKey } from "./keys.js"

const keyNotFound = { status: 404, code: "not_found", title: "Resource not found" }
const displayNameRequired = { status: 400, code: "bad_request", title: "displayName must be a string" }

const info = (key: StoredKey): AppKeyInfo => ({ id: key.id, displayName: key.displayName })

/** The app's key `keyId` (404 for an unknown app, then for a key that is not one of its app keys). */
const appKey = (store: InMemoryStore, appId: string, keyId: string): Result<StoredKey> =>
  Either.flatMap(store.appRecord(appId), () => {
    const key = keys(store).get(keyId)
    return key !== undefined && key.appId === appId && key.integrationId === undefined
      ? Either.right(key)
      : Either.left(keyNotFound)
  })

export const handlers: FamilyHandlers<"AppKeys"> = {
  "AppKeys.create": (store, { body, params }) =>
    Either.flatMap(store.appRecord(params.appId), (): Result<NewAppKey> => {
      if (typeof body.displayName !== "string") return Either.left(displayNameRequired)
      const key: StoredKey = {
        id: `app_${store.newId()}`,
        secret: newSecret(),
        displayName: body.displayName,
        appId: params.appId
      }
      keys(store).set(key.id, key)
      return Either.right({ ...info(key), secret: Redacted.make(key.secret) })
    }),
  "AppKeys.list": (store, { params }) =>
    Either.map(
      store.appRecord(params.appId),
      () =>
        [...keys(store).values()]
          .filter((key) => key.appId === params.appId && key.integrationId === undefined)
          .map(info)
    ),
  "AppKeys.get": (store, { params }) => Either.map(appKey(store, params.appId, params.keyId), info),
  "AppKeys.delete": (store, { params }) =>
    Either.map(appKey(store, params.appId, params.keyId), (key) => void keys(store).delete(key.id))
}
