/**
 * The Participants operations' answers validate against the OpenAPI spec
 * (openapi-backend, ajv): successes and the errors each documents, and the
 * errors it does not document as the spec's `errorResponse`.
 */
import { expect, layer } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { api, conforms, conformsAsError, ready } from "./support/Conformance.js"
import { call } from "./support/Http.js"

const missing = "0123456789abcdef01234567"

layer(Emulator.layer(), { timeout: "60 seconds" })("Participants: responses conform to the OpenAPI spec", (it) => {
  it.effect("join, leave and list: successes and errors", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const base = `/v2/apps/${appId}/conversations`
      const newUser = (n: number) =>
        Effect.map(
          call("POST", `/v2/apps/${appId}/users`, { body: { externalId: `parts-${Date.now()}-${n}` } }),
          (answer) => (answer.json as { user: { id: string; externalId: string } }).user
        )
      const [a, b, c] = [yield* newUser(1), yield* newUser(2), yield* newUser(3)]
      const group = yield* call("POST", base, { body: { type: "sdkGroup" } })
      const groupId = (group.json as { conversation: { id: string } }).conversation.id
      const personal = yield* call("POST", base, { body: { type: "personal", participants: [{ userId: a.id }] } })
      const personalId = (personal.json as { conversation: { id: string } }).conversation.id

      const joined = yield* call("POST", `${base}/${groupId}/join`, {
        body: { userId: a.id, subscribeSDKClient: true }
      })
      yield* conforms("JoinConversation", joined, 201)
      expect(joined.json).toMatchObject({ participant: { userId: a.id, userExternalId: a.externalId, unreadCount: 0 } })
      yield* conforms(
        "JoinConversation",
        yield* call("POST", `${base}/${groupId}/join`, {
          body: { userExternalId: b.externalId, subscribeSDKClient: false }
        }),
        201
      )
      yield* conforms(
        "JoinConversation",
        yield* call("POST", `${base}/${groupId}/join`, { body: { userId: c.id, subscribeSDKClient: false } }),
        201
      )
      yield* conforms(
        "JoinConversation",
        yield* call("POST", `${base}/${personalId}/join`, { body: { userId: b.id, subscribeSDKClient: false } }),
        400
      )
      yield* conforms(
        "JoinConversation",
        yield* call("POST", `${base}/${missing}/join`, { body: { userId: a.id, subscribeSDKClient: false } }),
        404
      )
      yield* conforms(
        "JoinConversation",
        yield* call("POST", `${base}/${groupId}/join`, { body: { userId: missing, subscribeSDKClient: false } }),
        404
      )

      const first = yield* call("GET", `${base}/${groupId}/participants?page[size]=2`)
      yield* conforms("ListParticipants", first, 200)
      const after = (first.json as { meta: { afterCursor: string } }).meta.afterCursor
      expect(first.json).toMatchObject({ meta: { hasMore: true }, links: { next: expect.stringContaining(after) } })
      yield* conforms(
        "ListParticipants",
        yield* call("GET", `${base}/${groupId}/participants?page%5Bafter%5D=${after}&page%5Bsize%5D=2`),
        200
      )
      yield* conforms("ListParticipants", yield* call("GET", `${base}/${groupId}/participants?page[size]=0`), 400)
      yield* conforms("ListParticipants", yield* call("GET", `${base}/${missing}/participants`), 404)

      yield* conforms(
        "LeaveConversation",
        yield* call("POST", `${base}/${groupId}/leave`, { body: { userId: a.id } }),
        200
      )
      yield* conforms(
        "LeaveConversation",
        yield* call("POST", `${base}/${groupId}/leave`, { body: { userExternalId: b.externalId } }),
        200
      )
      yield* conforms(
        "LeaveConversation",
        yield* call("POST", `${base}/${groupId}/leave`, { body: { userId: a.id } }),
        404
      )
      yield* conforms(
        "LeaveConversation",
        yield* call("POST", `${base}/${groupId}/leave`, { body: { participantId: missing } }),
        404
      )
      yield* conformsAsError(
        "LeaveConversation",
        yield* call("POST", `${base}/${personalId}/leave`, { body: { userId: a.id } }),
        400
      )
      yield* conformsAsError(
        "LeaveConversation",
        yield* call("POST", `${base}/${groupId}/leave`, { body: { userId: a.id, participantId: missing } }),
        400
      )
      expect((yield* call("GET", `${base}/${groupId}/participants`)).json).toMatchObject({
        participants: [{ userId: c.id }],
        meta: { hasMore: false }
      })
    }))

  it.effect("the spec's validator cannot check a leave body: every body matches its three oneOf branches", () =>
    Effect.gen(function*() {
      yield* ready
      const request = (body: unknown) => ({
        method: "post",
        path: `/v2/apps/${missing}/conversations/${missing}/leave`,
        headers: { "content-type": "application/json" },
        body
      })
      // A body the spec means to allow is refused (oneOf: it matches all three branches), so the rule
      // (exactly one of three) is checked by ours; a join body, the same shape with anyOf, passes.
      const leave = api.validateRequest(request({ userId: missing }))
      expect(leave.valid).toBe(false)
      expect(leave.errors?.map((e) => e.keyword)).toContain("oneOf")
      const join = request({ userId: missing, subscribeSDKClient: true })
      expect(api.validateRequest({ ...join, path: join.path.replace(/leave$/, "join") }).valid).toBe(true)
    }))
})
