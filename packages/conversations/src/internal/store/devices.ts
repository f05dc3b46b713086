/**
 * The devices of users, for the in-memory store. Devices are made by the
 * SDKs as users open an app or a web page, never through this API, and the
 * store runs no SDK: every user has none, so a listing is empty and a device
 * is `device_not_found`, as for a user created through the API.
 */
import * as Either from "effect/Either"
import type { ApiFailure } from "../../ErrorResponse.js"
import type { FamilyHandlers } from "../../InMemoryStore.js"

const deviceNotFound: ApiFailure = { status: 404, code: "device_not_found", title: "Device not found" }

/** What the store does for each Devices operation. */
export const handlers: FamilyHandlers<"Devices"> = {
  "Devices.get": (store, { params: { appId, userIdOrExternalId }, query }) =>
    Either.flatMap(store.user(appId, userIdOrExternalId, query?.brandId), () => Either.left(deviceNotFound)),
  "Devices.list": (store, { params: { appId, userIdOrExternalId }, query }) =>
    Either.map(store.user(appId, userIdOrExternalId, query?.brandId), () => [])
}
