/**
 * The Clients operations' answers validate against the OpenAPI spec
 * (openapi-backend, ajv): successes and the errors each documents; errors it
 * does not document are checked as the spec's `errorResponse`.
 */
import { expect, layer } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { conforms, conformsAsError } from "./support/Conformance.js"
import { call } from "./support/Http.js"

const MISSING = "0123456789abcdef01234567"

layer(Emulator.layer(), { timeout: "60 seconds" })("Clients: responses conform to the OpenAPI spec", (it) => {
  it.effect("create, list (paged) and remove", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const externalId = `conformance-clients-${Date.now()}`
      yield* call("POST", `/v2/apps/${appId}/users`, { body: { externalId } })
      const convo = yield* call("POST", `/v2/apps/${appId}/conversations`, {
        body: { type: "personal", participants: [{ userExternalId: externalId }] }
      })
      const conversationId = (convo.json as { conversation: { id: string } }).conversation.id
      const base = `/v2/apps/${appId}/users/${externalId}/clients`
      const body = (phoneNumber: string) => ({
        matchCriteria: { type: "twilio", integrationId: "5e8b49d936c1df272e8e1460", phoneNumber },
        confirmation: { type: "immediate" },
        target: { conversationId }
      })
      const ids: Array<string> = []
      for (const phone of ["+15145550001", "+15145550002", "+15145550003"]) {
        const created = yield* call("POST", base, { body: body(phone) })
        yield* conforms("CreateClient", created, 201)
        ids.push((created.json as { client: { id: string } }).client.id)
      }
      yield* conformsAsError(
        "CreateClient",
        yield* call("POST", `/v2/apps/${appId}/users/${MISSING}/clients`, {
          body: body("+15145550004")
        }),
        404
      )
      yield* conformsAsError("CreateClient", yield* call("POST", base, { body: { matchCriteria: {} } }), 400)

      const first = yield* call("GET", `${base}?page[size]=2`)
      yield* conforms("ListClients", first, 200)
      expect(first.json).toMatchObject({ meta: { hasMore: true, afterCursor: ids[1] } })
      const next = yield* call("GET", `${base}?page%5Bafter%5D=${ids[1]}&page%5Bsize%5D=2`)
      yield* conforms("ListClients", next, 200)
      expect((next.json as { clients: Array<{ id: string }> }).clients.map((c) => c.id)).toEqual([ids[2]])
      yield* conforms("ListClients", yield* call("GET", `${base}?page[after]=${ids[0]}&page[before]=${ids[2]}`), 400)
      yield* conformsAsError("ListClients", yield* call("GET", `/v2/apps/${appId}/users/${MISSING}/clients`), 404)

      yield* conforms("RemoveClient", yield* call("DELETE", `${base}/${ids[0]}`), 200)
      yield* conforms("RemoveClient", yield* call("DELETE", `${base}/${ids[0]}`), 404)
    }))
})
