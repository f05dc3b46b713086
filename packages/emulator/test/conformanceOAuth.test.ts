/**
 * The OAuth operations' responses validate against the OpenAPI spec
 * (openapi-backend, ajv); Authorize's 302 is text, checked by hand.
 */
import { expect, layer } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { conforms, conformsAsError } from "./support/Conformance.js"
import { call } from "./support/Http.js"

layer(Emulator.layer(), { timeout: "60 seconds" })("OAuth conforms to the OpenAPI spec", (it) => {
  it.effect("authorize, token, token info, revoke and their errors", () =>
    Effect.gen(function*() {
      const { appId, baseUrl } = yield* Emulator
      const authorize = (query: string) =>
        Effect.promise(() => fetch(`${baseUrl}/oauth/authorize?${query}`, { redirect: "manual" }))
      const found = yield* authorize("client_id=c1&response_type=code&state=xyz")
      expect(found.status).toBe(302)
      expect(found.headers.get("content-type")).toMatch(/^text\/plain/)
      const location = found.headers.get("location") ?? ""
      expect(yield* Effect.promise(() => found.text())).toBe(`Found. Redirecting to ${location}`)
      const code = new URL(location).searchParams.get("code")
      expect(new URL(location).searchParams.get("state")).toBe("xyz")
      expect((yield* authorize("response_type=code")).status).toBe(400)
      expect((yield* authorize("client_id=c1&response_type=token")).status).toBe(400)

      const exchange = (body: Record<string, unknown>) => call("POST", "/oauth/token", { authorization: null, body })
      const grant = { code, grant_type: "authorization_code", client_id: "c1", client_secret: "s" }
      yield* conformsAsError("GetToken", yield* exchange({ ...grant, grant_type: "password" }), 400)
      yield* conformsAsError("GetToken", yield* call("POST", "/oauth/token", { authorization: null, raw: "null" }), 400)
      const token = yield* exchange(grant)
      yield* conforms("GetToken", token, 200)
      yield* conformsAsError("GetToken", yield* exchange(grant), 400)
      const bearer = `Bearer ${(token.json as { access_token: string }).access_token}`

      const info = yield* call("GET", "/v2/tokenInfo", { authorization: bearer })
      yield* conforms("GetTokenInfo", info, 200)
      expect((info.json as { app: { id: string } }).app.id).toBe(appId)
      yield* conformsAsError("GetTokenInfo", yield* call("GET", "/v2/tokenInfo", { authorization: null }), 401)
      yield* conforms("RevokeAccess", yield* call("DELETE", "/oauth/authorization", { authorization: bearer }), 200)
      yield* conformsAsError(
        "RevokeAccess",
        yield* call("DELETE", "/oauth/authorization", { authorization: bearer }),
        401
      )
    }))
})
