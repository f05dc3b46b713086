/**
 * What only a seed can set up for the Users family on the test layer: a user
 * linked to a core Zendesk user, with an email identity (the API makes
 * neither), found by ListUsers and SyncUser; and the brand of an external id.
 */
import { expect, layer } from "@effect/vitest"
import { ConversationsTest, Users } from "@sunco-effect/conversations"
import { Effect } from "effect"

const APP = "5f0c8b0e3f1a2b001e4d6c01"
const sue = {
  id: "5f0c8b0e3f1a2b001e4d6c12",
  externalId: "sue",
  zendeskId: "35436",
  identities: [{ type: "email", value: "sue@example.org", verification: "sso" }]
}

layer(ConversationsTest.layer({ seed: { apps: [{ id: APP, users: [sue] }] } }))(
  "Users on a seeded test layer",
  (it) => {
    it.effect("list finds a user by an email identity, whatever its case", () =>
      Effect.gen(function*() {
        const users = (yield* Users).forApp(APP)
        const found = yield* users.list({ filter: { "identities.email": "Sue@Example.org" } })
        expect(found).toMatchObject([{ id: sue.id, identities: sue.identities }])
        expect(yield* users.list({ filter: { "identities.email": "sue@example.org" }, brandId: "9477922990333" }))
          .toEqual([])
      }))

    it.effect("sync finds the user by zendeskId; a merge links it to the surviving Zendesk user", () =>
      Effect.gen(function*() {
        const users = (yield* Users).forApp(APP)
        expect(yield* users.sync(sue.zendeskId)).toMatchObject({ id: sue.id, zendeskId: sue.zendeskId })
        expect(yield* users.sync(sue.zendeskId, { survivingZendeskId: "35437" })).toMatchObject({
          id: sue.id,
          zendeskId: "35437"
        })
        expect(yield* Effect.flip(users.sync(sue.zendeskId))).toMatchObject({ _tag: "ApiError", status: 404 })
      }))

    it.effect("a brandId finds an external id only among that brand's users", () =>
      Effect.gen(function*() {
        const users = (yield* Users).forApp(APP)
        const branded = yield* users.create({ externalId: "branded", brandId: "9477922990333" })
        expect((yield* users.get("branded", { brandId: "9477922990333" })).id).toBe(branded.id)
        expect((yield* Effect.flip(users.get("branded", { brandId: "1" })))._tag).toBe("UserNotFound")
        // An id names one user whatever the brand.
        expect((yield* users.get(branded.id, { brandId: "1" })).id).toBe(branded.id)
      }))
  }
)
