/**
 * The App Keys operations' responses, successes and documented errors,
 * validate against the OpenAPI spec (openapi-backend, ajv).
 */
import { layer } from "@effect/vitest"
import { DefaultSeed, Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { conforms, conformsAsError } from "./support/Conformance.js"
import { basicAuth, call } from "./support/Http.js"

const account = basicAuth(DefaultSeed.accountKey.id, DefaultSeed.accountKey.secret)
const unknownApp = "5f0c8b0e3f1a2b001e4d6caa"

layer(Emulator.layer(), { timeout: "60 seconds" })("App Keys conform to the OpenAPI spec", (it) => {
  it.effect("create, list, get, delete and their errors", () =>
    Effect.gen(function*() {
      const keys = `/v2/apps/${DefaultSeed.appId}/keys`
      const created = yield* call("POST", keys, { authorization: account, body: { displayName: "Key 1" } })
      yield* conforms("CreateAppKey", created, 201)
      const id = (created.json as { key: { id: string } }).key.id
      yield* conformsAsError(
        "CreateAppKey",
        yield* call("POST", keys, { authorization: account, body: { displayName: "" } }),
        400
      )
      yield* conformsAsError("CreateAppKey", yield* call("POST", keys, { authorization: account, raw: "null" }), 400)
      yield* conforms("ListAppKeys", yield* call("GET", keys, { authorization: account }), 200)
      yield* conforms("GetAppKey", yield* call("GET", `${keys}/${id}`, { authorization: account }), 200)
      yield* conforms("DeleteAppKey", yield* call("DELETE", `${keys}/${id}`, { authorization: account }), 200)
      yield* conforms("GetAppKey", yield* call("GET", `${keys}/${id}`, { authorization: account }), 404)
      yield* conforms(
        "DeleteAppKey",
        yield* call("DELETE", `/v2/apps/${unknownApp}/keys/${id}`, { authorization: account }),
        404
      )
      yield* conformsAsError(
        "ListAppKeys",
        yield* call("GET", `/v2/apps/${unknownApp}/keys`, { authorization: account }),
        404
      )
    }))
})
