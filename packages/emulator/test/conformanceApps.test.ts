/**
 * The Apps operations' responses, successes and documented errors, validate
 * against the OpenAPI spec (openapi-backend, ajv).
 */
import { expect, layer } from "@effect/vitest"
import { DefaultSeed, Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { conforms, conformsAsError } from "./support/Conformance.js"
import { basicAuth, call } from "./support/Http.js"

const account = basicAuth(DefaultSeed.accountKey.id, DefaultSeed.accountKey.secret)
const unknownApp = "5f0c8b0e3f1a2b001e4d6caa"

layer(Emulator.layer(), { timeout: "60 seconds" })("Apps conform to the OpenAPI spec", (it) => {
  it.effect("create, list, get, update, delete and their errors", () =>
    Effect.gen(function*() {
      const created = yield* call("POST", "/v2/apps", {
        authorization: account,
        body: { displayName: "Conformance", metadata: { tier: "gold" } }
      })
      yield* conforms("CreateApp", created, 201)
      const id = (created.json as { app: { id: string } }).app.id
      yield* conforms(
        "CreateApp",
        yield* call("POST", "/v2/apps", { authorization: account, body: { settings: {} } }),
        400
      )
      yield* conforms(
        "CreateApp",
        yield* call("POST", "/v2/apps", { authorization: account, body: { displayName: "", settings: {} } }),
        400
      )

      const page = yield* call("GET", "/v2/apps?page[size]=1", { authorization: account })
      yield* conforms("ListApps", page, 200)
      expect(page.json).toMatchObject({ meta: { hasMore: true }, links: { next: expect.any(String) } })
      yield* conforms("ListApps", yield* call("GET", "/v2/apps?page[size]=0", { authorization: account }), 400)
      yield* conforms(
        "ListApps",
        yield* call("GET", "/v2/apps?filter[serviceAccountId]=svc", { authorization: account }),
        403
      )

      yield* conforms("GetApp", yield* call("GET", `/v2/apps/${id}`, { authorization: account }), 200)
      yield* conforms("GetApp", yield* call("GET", `/v2/apps/${unknownApp}`, { authorization: account }), 404)

      const updated = yield* call("PATCH", `/v2/apps/${id}`, {
        authorization: account,
        body: { displayName: "Renamed", settings: { multiConvoEnabled: true }, metadata: null }
      })
      yield* conforms("UpdateApp", updated, 200)
      expect((updated.json as { app: Record<string, unknown> }).app).not.toHaveProperty("metadata")
      // Enabling multiConvo is irreversible.
      yield* conforms(
        "UpdateApp",
        yield* call("PATCH", `/v2/apps/${id}`, {
          authorization: account,
          body: { settings: { multiConvoEnabled: false } }
        }),
        400
      )
      // A body that is not an object is a 400, not a crash.
      for (const raw of ["null", "[]", "\"x\""]) {
        yield* conforms("UpdateApp", yield* call("PATCH", `/v2/apps/${id}`, { authorization: account, raw }), 400)
        yield* conforms("CreateApp", yield* call("POST", "/v2/apps", { authorization: account, raw }), 400)
      }
      yield* conforms(
        "UpdateApp",
        yield* call("PATCH", `/v2/apps/${unknownApp}`, { authorization: account, body: { displayName: "x" } }),
        404
      )

      yield* conforms("DeleteApp", yield* call("DELETE", `/v2/apps/${id}`, { authorization: account }), 200)
      yield* conforms("DeleteApp", yield* call("DELETE", `/v2/apps/${id}`, { authorization: account }), 404)
      // An app key may not create an app: 403, in the spec's error shape.
      yield* conformsAsError("CreateApp", yield* call("POST", "/v2/apps", { body: { displayName: "No" } }), 403)
    }))
})
