/**
 * The users of each app, for the in-memory store: the records live in the
 * store's core (conversations name them); this module is what each Users
 * operation does with them, and with their clients. UpdateUser and
 * DeleteUserPersonalInformation publish `user:update`, DeleteUser
 * `user:remove` (the spec's DeleteUser text names a `user:delete` webhook,
 * but its triggers and `x-webhooks` have only `user:remove`, "when a user is
 * deleted").
 */
import * as Either from "effect/Either"
import type { FamilyHandlers, InMemoryStore, Result } from "../../InMemoryStore.js"
import type { User } from "../../User.js"
import { clearPersonalInformation, dropClients } from "./clients.js"
import { apiSource, userTruncated } from "./events.js"

/** Save a changed user and publish `user:update`. */
const update = (store: InMemoryStore, appId: string, user: User): Result<User> =>
  Either.map(store.saveUser(appId, user), (saved) => {
    store.publish(appId, "user:update", { user: saved, source: apiSource })
    return saved
  })

const userNotFound = { status: 404, code: "user_not_found", title: "User not found" }

const byZendeskId = (store: InMemoryStore, appId: string, zendeskId: string): Result<User> =>
  Either.flatMap(store.users(appId), (users) => {
    const user = users.find((u) => u.zendeskId === zendeskId)
    return user ? Either.right(user) : Either.left(userNotFound)
  })

/** What the store does for each Users operation. */
export const handlers: FamilyHandlers<"Users"> = {
  "Users.create": (store, { body, params }) => store.createUser(params.appId, body),
  "Users.get": (store, { params, query }) => store.user(params.appId, params.userIdOrExternalId, query?.brandId),
  "Users.update": (store, { body, params: { appId, userIdOrExternalId }, query }) =>
    Either.flatMap(store.user(appId, userIdOrExternalId, query?.brandId), (user) => {
      const profile: Record<string, unknown> = { ...user.profile }
      for (const [field, value] of Object.entries(body.profile ?? {})) {
        if (value === null) delete profile[field]
        else if (value !== undefined) profile[field] = value
      }
      return update(store, appId, {
        ...user,
        ...(body.signedUpAt === undefined ? {} : { signedUpAt: body.signedUpAt }),
        ...(body.toBeRetained === undefined ? {} : { toBeRetained: body.toBeRetained }),
        profile,
        ...(body.metadata === undefined ? {} : { metadata: body.metadata ?? {} })
      })
    }),
  "Users.delete": (store, { params: { appId, userIdOrExternalId }, query }) =>
    Either.flatMap(store.user(appId, userIdOrExternalId, query?.brandId), (user) => {
      dropClients(store, appId, user.id)
      return Either.map(
        store.deleteUser(appId, user.id),
        () => store.publish(appId, "user:remove", { user: userTruncated(user) })
      )
    }),
  "Users.list": (store, { params: { appId }, query }) =>
    Either.map(store.users(appId), (users) => {
      const email = query.filter["identities.email"].toLowerCase()
      return users.filter((user) =>
        (query.brandId === undefined || user.brandId === query.brandId) &&
        (user.identities ?? []).some((i) => i.type === "email" && i.value?.toLowerCase() === email)
      )
    }),
  "Users.deletePersonalInformation": (store, { params: { appId, userIdOrExternalId }, query }) =>
    Either.flatMap(store.user(appId, userIdOrExternalId, query?.brandId), (user) => {
      // What names or shows the person goes; the locale and the conversations stay.
      const { avatarUrl: _a, email: _e, givenName: _g, surname: _s, ...profile } = user.profile ?? {}
      clearPersonalInformation(store, appId, user.id)
      return update(store, appId, { ...user, profile, metadata: {} })
    }),
  // The store holds no core Zendesk users, so there is nothing to copy from one:
  // the user linked to `zendeskId` is returned, linked to the survivor of a merge when one is named.
  "Users.sync": (store, { body, params: { appId, zendeskId } }) =>
    Either.flatMap(
      byZendeskId(store, appId, zendeskId),
      (user) =>
        body.survivingZendeskId === undefined
          ? Either.right(user)
          : store.saveUser(appId, { ...user, zendeskId: body.survivingZendeskId })
    )
}
