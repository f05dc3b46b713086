/**
 * The official JavaScript SDK (sunshine-conversations-client 14.1.0) drives
 * the Users operations it has against the emulator; ListUsers and SyncUser,
 * which it lacks, go through our client.
 */
import { expect } from "@effect/vitest"
import { Users } from "@sunco-effect/conversations"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { promise, Sdk, sdkClient, type Section } from "../support/OfficialSdk.js"
import { sue } from "../support/UsersSeed.js"

const sdk = Effect.map(sdkClient(), ({ client }) => new Sdk.UsersApi(client))

export const users: Section = (it) => {
  it.effect("Users: createUser, getUser, updateUser, deleteUserPersonalInformation and deleteUser", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const api = yield* sdk
      const externalId = `sdk-users-${Date.now()}`
      const body = new Sdk.UserCreateBody(externalId)
      body.profile = { givenName: "Ada", email: "ada@example.org" }
      const created = yield* promise(() => api.createUser(appId, body))
      const id = created.user.id
      expect(created.user).toMatchObject({ externalId, profile: { givenName: "Ada" } })
      const taken = yield* Effect.flip(promise(() => api.createUser(appId, body)))
      expect(taken).toEqual({ status: 409, body: { errors: [{ code: "conflict", title: "User already exists" }] } })

      expect((yield* promise(() => api.getUser(appId, externalId))).user.id).toBe(id)

      const update = new Sdk.UserUpdateBody()
      update.profile = { surname: "Lovelace" }
      update.metadata = { plan: "pro" }
      const updated = yield* promise(() => api.updateUser(appId, id, update))
      expect(updated.user).toMatchObject({
        profile: { givenName: "Ada", surname: "Lovelace" },
        metadata: { plan: "pro" }
      })

      const cleared = yield* promise(() => api.deleteUserPersonalInformation(appId, externalId))
      expect(cleared.user).toMatchObject({ id, profile: {}, metadata: {} })

      yield* promise(() => api.deleteUser(appId, externalId))
      const gone = yield* Effect.flip(promise(() => api.getUser(appId, id)))
      expect(gone).toEqual({ status: 404, body: { errors: [{ code: "user_not_found", title: "User not found" }] } })
    }))

  it.effect("Users: ListUsers and SyncUser, which the SDK lacks, through our client", () =>
    Effect.gen(function*() {
      const users = (yield* Users).forApp((yield* Emulator).appId)
      const found = yield* users.list({ filter: { "identities.email": sue.identities[0]!.value } })
      expect(found.map((u) => u.id)).toEqual([sue.id])
      expect(yield* users.sync(sue.zendeskId)).toMatchObject({ id: sue.id, zendeskId: sue.zendeskId })
      expect(yield* Effect.flip(users.sync("no-such-zendesk-user"))).toMatchObject({ _tag: "ApiError", status: 404 })
    }))
}
