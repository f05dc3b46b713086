/**
 * The Users family, as a user of the service observes it: a user found by id
 * or external id, updated field by field, stripped of personal information,
 * deleted with its conversation history.
 */
import { expect } from "@effect/vitest"
import { Conversations, Users } from "@sunco-effect/conversations"
import { Effect } from "effect"
import { APP, newUser } from "./fixtures.js"
import type { Section } from "./sections.js"

const MISSING = "0123456789abcdef01234567"

export const users: Section = (it) => {
  it.effect("users: get finds a user by id and by external id; an unknown one is UserNotFound", () =>
    Effect.gen(function*() {
      const u = (yield* Users).forApp(APP)
      const created = yield* newUser
      expect(yield* u.get(created.id)).toEqual(created)
      expect(yield* u.get(created.externalId!)).toEqual(created)
      expect((yield* Effect.flip(u.get(MISSING)))._tag).toBe("UserNotFound")
      expect((yield* Effect.flip(u.get("nobody-by-that-external-id")))._tag).toBe("UserNotFound")
    }))

  it.effect("users: update changes only the given fields; null clears a profile field", () =>
    Effect.gen(function*() {
      const u = (yield* Users).forApp(APP)
      const created = yield* u.create({
        externalId: `behaviour-update-${Date.now()}`,
        profile: { givenName: "Ada", surname: "Lovelace", locale: "en-GB" },
        metadata: { plan: "free" }
      })
      const updated = yield* u.update(created.externalId!, {
        profile: { givenName: "Augusta", surname: null },
        metadata: { plan: "pro", seats: 3 }
      })
      expect(updated).toMatchObject({ id: created.id, metadata: { plan: "pro", seats: 3 } })
      expect(updated.profile).toEqual({ givenName: "Augusta", locale: "en-GB" })
      expect(yield* u.get(created.id)).toEqual(updated)
      expect((yield* Effect.flip(u.update(MISSING, { metadata: null })))._tag).toBe("UserNotFound")
      expect(yield* Effect.flip(u.update(created.id, { profile: { email: "not an email" } }))).toMatchObject({
        _tag: "ValidationError",
        field: "profile.email"
      })
    }))

  it.effect("users: deletePersonalInformation clears the person, keeps the conversations", () =>
    Effect.gen(function*() {
      const u = (yield* Users).forApp(APP)
      const c = (yield* Conversations).forApp(APP)
      const created = yield* u.create({
        externalId: `behaviour-pii-${Date.now()}`,
        profile: { givenName: "Ada", surname: "Lovelace", email: "ada@example.org", locale: "en-GB" },
        metadata: { vip: true }
      })
      const convo = yield* c.create({ type: "personal", participants: [{ userId: created.id }] })
      const cleared = yield* u.deletePersonalInformation(created.externalId!)
      expect(cleared).toMatchObject({ id: created.id, externalId: created.externalId, metadata: {} })
      expect(cleared.profile).toEqual({ locale: "en-GB" })
      expect(yield* u.get(created.id)).toEqual(cleared)
      expect((yield* c.get(convo.id)).id).toBe(convo.id)
      expect((yield* Effect.flip(u.deletePersonalInformation(MISSING)))._tag).toBe("UserNotFound")
    }))

  it.effect("users: delete removes the user and the conversations no one else is in", () =>
    Effect.gen(function*() {
      const u = (yield* Users).forApp(APP)
      const c = (yield* Conversations).forApp(APP)
      const leaving = yield* newUser
      const staying = yield* newUser
      const own = yield* c.create({ type: "personal", participants: [{ userId: leaving.id }] })
      const shared = yield* c.create({
        type: "sdkGroup",
        participants: [{ userId: leaving.id, subscribeSDKClient: false }, {
          userId: staying.id,
          subscribeSDKClient: false
        }]
      })
      yield* u.delete(leaving.externalId!)
      expect((yield* Effect.flip(u.get(leaving.id)))._tag).toBe("UserNotFound")
      expect((yield* Effect.flip(c.get(own.id)))._tag).toBe("ConversationNotFound")
      expect((yield* c.get(shared.id)).id).toBe(shared.id)
      expect((yield* c.list({ filter: { userId: staying.id } })).conversations.map((x) => x.id)).toEqual([shared.id])
      expect((yield* Effect.flip(c.list({ filter: { userId: leaving.id } })))._tag).toBe("UserNotFound")
      expect((yield* Effect.flip(u.delete(leaving.id)))._tag).toBe("UserNotFound")
      // The external id is free again.
      expect((yield* u.create({ externalId: leaving.externalId! })).id).not.toBe(leaving.id)
    }))

  it.effect("users: list finds users by email identity, and needs the email", () =>
    Effect.gen(function*() {
      const u = (yield* Users).forApp(APP)
      // profile.email is not an identity: the service never matches it.
      yield* u.create({ externalId: `behaviour-list-${Date.now()}`, profile: { email: "profile@example.org" } })
      expect(yield* u.list({ filter: { "identities.email": "profile@example.org" } })).toEqual([])
      expect(yield* Effect.flip(u.list({ filter: { "identities.email": "" } }))).toMatchObject({
        _tag: "ValidationError",
        field: "filter.identities.email",
        rule: "required"
      })
    }))

  it.effect("users: sync of a zendeskId no user is linked to fails with a 404", () =>
    Effect.gen(function*() {
      const u = (yield* Users).forApp(APP)
      expect(yield* Effect.flip(u.sync("35436"))).toMatchObject({ _tag: "ApiError", status: 404 })
    }))
}
