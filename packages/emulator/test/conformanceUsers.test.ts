/**
 * The Users operations' answers validate against the OpenAPI spec
 * (openapi-backend, ajv): successes and the errors each documents; errors it
 * does not document are checked as the spec's `errorResponse`.
 */
import { expect, layer } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { conforms, conformsAsError } from "./support/Conformance.js"
import { call } from "./support/Http.js"
import { seed, sue } from "./support/UsersSeed.js"

const MISSING = "0123456789abcdef01234567"

layer(Emulator.layer({ seed }), { timeout: "60 seconds" })("Users: responses conform to the OpenAPI spec", (it) => {
  it.effect("create, get, update, list, personal information, sync and delete", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const base = `/v2/apps/${appId}/users`
      const externalId = `conformance-users-${Date.now()}`
      const created = yield* call("POST", base, {
        body: { externalId, profile: { givenName: "Ada", email: "ada@example.org" }, metadata: { plan: "pro" } }
      })
      yield* conforms("CreateUser", created, 201)
      const id = (created.json as { user: { id: string } }).user.id
      yield* conforms("CreateUser", yield* call("POST", base, { body: { externalId } }), 409)

      yield* conforms("GetUser", yield* call("GET", `${base}/${id}`), 200)
      const byExternalId = yield* call("GET", `${base}/${externalId}`)
      yield* conforms("GetUser", byExternalId, 200)
      expect(byExternalId.json).toMatchObject({ user: { id } })
      yield* conforms("GetUser", yield* call("GET", `${base}/${MISSING}`), 404)

      const updated = yield* call("PATCH", `${base}/${externalId}`, {
        body: { profile: { surname: "Lovelace", givenName: null }, metadata: { plan: "free" }, toBeRetained: true }
      })
      yield* conforms("UpdateUser", updated, 200)
      expect(updated.json).toMatchObject({
        user: { profile: { surname: "Lovelace", email: "ada@example.org" }, metadata: { plan: "free" } }
      })
      yield* conforms("UpdateUser", yield* call("PATCH", `${base}/${MISSING}`, { body: {} }), 404)
      yield* conformsAsError(
        "UpdateUser",
        yield* call("PATCH", `${base}/${id}`, { body: { profile: { email: "nope" } } }),
        400
      )

      const listed = yield* call("GET", `${base}?filter[identities.email]=sue@example.org`)
      yield* conforms("ListUsers", listed, 200)
      expect(listed.json).toMatchObject({ users: [{ id: sue.id }] })
      const encoded = yield* call("GET", `${base}?filter%5Bidentities.email%5D=nobody%40example.org`)
      yield* conforms("ListUsers", encoded, 200)
      expect(encoded.json).toEqual({ users: [] })
      yield* conformsAsError("ListUsers", yield* call("GET", base), 400)

      const cleared = yield* call("DELETE", `${base}/${id}/personalinformation`)
      yield* conforms("DeleteUserPersonalInformation", cleared, 200)
      expect(cleared.json).toMatchObject({ user: { id, profile: {}, metadata: {} } })
      yield* conforms(
        "DeleteUserPersonalInformation",
        yield* call("DELETE", `${base}/${MISSING}/personalinformation`),
        404
      )

      const synced = yield* call("POST", `${base}/${sue.zendeskId}/sync`, { body: {} })
      yield* conforms("SyncUser", synced, 200)
      expect(synced.json).toMatchObject({ user: { id: sue.id, zendeskId: sue.zendeskId } })
      const merged = yield* call("POST", `${base}/${sue.zendeskId}/sync`, { body: { survivingZendeskId: "35437" } })
      yield* conforms("SyncUser", merged, 200)
      expect(merged.json).toMatchObject({ user: { id: sue.id, zendeskId: "35437" } })
      yield* conformsAsError("SyncUser", yield* call("POST", `${base}/${sue.zendeskId}/sync`, { body: {} }), 404)

      yield* conforms("DeleteUser", yield* call("DELETE", `${base}/${externalId}`), 200)
      yield* conforms("DeleteUser", yield* call("DELETE", `${base}/${id}`), 404)
    }))
})
