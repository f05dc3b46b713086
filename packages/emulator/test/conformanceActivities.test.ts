/**
 * The Activities operation's answers validate against the OpenAPI spec
 * (openapi-backend, ajv); its errors, which the spec does not document, as
 * the spec's `errorResponse`.
 */
import { expect, layer } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { conforms, conformsAsError } from "./support/Conformance.js"
import { call } from "./support/Http.js"

layer(Emulator.layer(), { timeout: "60 seconds" })("Activities: responses conform to the OpenAPI spec", (it) => {
  it.effect("post: typing, read receipts and errors", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const base = `/v2/apps/${appId}/conversations`
      const user = yield* call("POST", `/v2/apps/${appId}/users`, { body: { externalId: `act-${Date.now()}` } })
      const userId = (user.json as { user: { id: string } }).user.id
      const outsider = yield* call("POST", `/v2/apps/${appId}/users`, { body: { externalId: `act-${Date.now()}-o` } })
      const outsiderId = (outsider.json as { user: { id: string } }).user.id
      const group = yield* call("POST", base, {
        body: { type: "sdkGroup", participants: [{ userId, subscribeSDKClient: false }] }
      })
      const activity = `${base}/${(group.json as { conversation: { id: string } }).conversation.id}/activity`

      for (const type of ["typing:start", "typing:stop", "conversation:read"]) {
        const answer = yield* call("POST", activity, { body: { author: { type: "business" }, type } })
        yield* conforms("PostActivity", answer, 200)
        expect(answer.json).toEqual({})
      }
      yield* conforms(
        "PostActivity",
        yield* call("POST", activity, { body: { author: { type: "user", userId }, type: "conversation:read" } }),
        200
      )
      yield* conformsAsError(
        "PostActivity",
        yield* call("POST", activity, { body: { author: { type: "user", userId }, type: "typing:start" } }),
        400
      )
      yield* conformsAsError(
        "PostActivity",
        yield* call("POST", activity, {
          body: { author: { type: "user", userId: outsiderId }, type: "conversation:read" }
        }),
        400
      )
      yield* conformsAsError(
        "PostActivity",
        yield* call("POST", activity, {
          body: { author: { type: "user", userId: "0123456789abcdef01234567" }, type: "conversation:read" }
        }),
        404
      )
      yield* conformsAsError(
        "PostActivity",
        yield* call("POST", `${base}/0123456789abcdef01234567/activity`, {
          body: { author: { type: "business" }, type: "typing:start" }
        }),
        404
      )
    }))
})
