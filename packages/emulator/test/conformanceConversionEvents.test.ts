/**
 * PostConversionEvents' answers validate against the OpenAPI spec
 * (openapi-backend, ajv); its errors, which the spec does not document, as
 * the spec's `errorResponse`.
 */
import { expect, layer } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { api, conforms, conformsAsError, ready } from "./support/Conformance.js"
import { call } from "./support/Http.js"

const events = { payload: { data: [{ action_source: "business_messaging", event_name: "Purchase" }] } }

layer(Emulator.layer(), { timeout: "60 seconds" })(
  "PostConversionEvents: responses conform to the OpenAPI spec",
  (it) => {
    it.effect("success and errors", () =>
      Effect.gen(function*() {
        const { appId } = yield* Emulator
        const base = `/v2/apps/${appId}/conversations`
        const group = yield* call("POST", base, { body: { type: "sdkGroup" } })
        const path = `${base}/${(group.json as { conversation: { id: string } }).conversation.id}/conversionEvents`
        const answer = yield* call("POST", path, { body: { whatsapp: events } })
        yield* conforms("PostConversionEvents", answer, 200)
        expect(answer.json).toMatchObject({ conversionEvents: { eventsReceived: 1, datasetId: expect.any(String) } })
        yield* conformsAsError(
          "PostConversionEvents",
          yield* call("POST", path, { body: { whatsapp: events, instagram: events } }),
          400
        )
        yield* conformsAsError(
          "PostConversionEvents",
          yield* call("POST", `${base}/0123456789abcdef01234567/conversionEvents`, { body: { messenger: events } }),
          404
        )
      }))

    it.effect("the spec's validator cannot check the body: every body matches its three oneOf branches", () =>
      Effect.gen(function*() {
        yield* ready
        const result = api.validateRequest({
          method: "post",
          path: "/v2/apps/0123456789abcdef01234567/conversations/0123456789abcdef01234567/conversionEvents",
          headers: { "content-type": "application/json" },
          body: { instagram: events }
        })
        expect(result.valid).toBe(false)
        expect(result.errors?.map((e) => e.keyword)).toContain("oneOf")
      }))
  }
)
