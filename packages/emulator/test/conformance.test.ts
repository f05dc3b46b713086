/**
 * Every response the emulator gives for the six operations validates against
 * the OpenAPI spec, checked by openapi-backend (ajv), not by our own code.
 */
import { expect, layer } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { api, conforms, conformsAsError, ready } from "./support/Conformance.js"
import { call } from "./support/Http.js"

layer(Emulator.layer(), { timeout: "60 seconds" })("responses conform to the OpenAPI spec", (it) => {
  it.effect("the validator does reject what the spec forbids", () =>
    Effect.gen(function*() {
      yield* ready
      expect(api.validateResponse({ conversation: { isDefault: "yes" } }, "GetConversation", 200).valid).toBe(false)
      expect(api.validateResponse({ conversation: { iconUrl: "not a uri" } }, "GetConversation", 200).valid).toBe(false)
      expect(api.validateResponse({ errors: [{ code: 1 }] }, "GetConversation", 404).valid).toBe(false)
      expect(api.validateResponse({ messages: [{ received: 1 }] }, "ListMessages", 200).valid).toBe(false)
      expect(api.validateResponse({ messages: [{ author: { type: 7 } }] }, "PostMessage", 201).valid).toBe(false)
      // A status the operation does not document is not checked at all: see `conformsAsError`.
      expect(api.validateResponse({ errors: [{ code: 1 }] }, "PostMessage", 400).valid).toBe(true)
    }))

  it.effect("all six operations, successes and errors", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const base = `/v2/apps/${appId}/conversations`
      const user = yield* call("POST", `/v2/apps/${appId}/users`, { body: { externalId: `conformance-${Date.now()}` } })
      const userId = (user.json as { user: { id: string } }).user.id

      const personal = yield* call("POST", base, {
        body: { type: "personal", participants: [{ userId }], metadata: { a: 1 } }
      })
      yield* conforms("CreateConversation", personal, 201)
      const personalId = (personal.json as { conversation: { id: string } }).conversation.id
      const group = yield* call("POST", base, {
        body: {
          type: "sdkGroup",
          participants: [{ userId, subscribeSDKClient: true }],
          displayName: "G",
          description: "d",
          iconUrl: "https://x.io/a.png"
        }
      })
      yield* conforms("CreateConversation", group, 201)
      const groupId = (group.json as { conversation: { id: string } }).conversation.id
      yield* conforms(
        "CreateConversation",
        yield* call("POST", `/v2/apps/000000000000000000000000/conversations`, {
          body: { type: "sdkGroup" },
          authorization: `Basic ${
            Buffer.from("act_5f0c8b0e3f1a2b001e4d6c03:emulator-account-secret-not-for-production").toString("base64")
          }`
        }),
        404
      )
      yield* conforms(
        "CreateConversation",
        yield* call("POST", base, {
          body: { type: "sdkGroup", participants: [{ userId: "nobody", subscribeSDKClient: true }] }
        }),
        404
      )

      yield* conforms("GetConversation", yield* call("GET", `${base}/${groupId}`), 200)
      yield* conforms("GetConversation", yield* call("GET", `${base}/0123456789abcdef01234567`), 404)

      for (let i = 0; i < 4; i++) {
        yield* call("POST", base, { body: { type: "sdkGroup", participants: [{ userId, subscribeSDKClient: false }] } })
      }
      const first = yield* call("GET", `${base}?filter[userId]=${userId}&page[size]=2`)
      yield* conforms("ListConversations", first, 200)
      const after = (first.json as { meta: { afterCursor: string } }).meta.afterCursor
      yield* conforms(
        "ListConversations",
        yield* call("GET", `${base}?filter%5BuserId%5D=${userId}&page%5Bafter%5D=${after}&page%5Bsize%5D=2`),
        200
      )
      yield* conforms(
        "ListConversations",
        yield* call("GET", `${base}?filter[userId]=${userId}&page[after]=${after}&page[before]=${after}`),
        400
      )
      yield* conforms("ListConversations", yield* call("GET", `${base}?filter[userExternalId]=nobody`), 404)

      yield* conforms(
        "UpdateConversation",
        yield* call("PATCH", `${base}/${groupId}`, { body: { displayName: "H", iconUrl: null } }),
        200
      )
      yield* conforms("UpdateConversation", yield* call("PATCH", `${base}/0123456789abcdef01234567`, { body: {} }), 404)

      yield* conforms(
        "DownloadMessageRef",
        yield* call("POST", `${base}/${groupId}/download`, {
          body: {
            userId,
            apple: { interactiveDataRef: { url: "https://x", bid: "b", key: "k", signature: "s", owner: "o" } }
          }
        }),
        200
      )

      yield* conforms("DeleteConversation", yield* call("DELETE", `${base}/${personalId}`), 400)
      yield* conforms("DeleteConversation", yield* call("DELETE", `${base}/${groupId}`), 200)
      yield* conforms("DeleteConversation", yield* call("DELETE", `${base}/${groupId}`), 404)
    }))

  it.effect("the Messages operations, successes and errors", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const base = `/v2/apps/${appId}/conversations`
      const missing = `${base}/0123456789abcdef01234567/messages`
      const member = yield* call("POST", `/v2/apps/${appId}/users`, { body: { externalId: `msg-${Date.now()}-a` } })
      const memberId = (member.json as { user: { id: string } }).user.id
      const outsider = yield* call("POST", `/v2/apps/${appId}/users`, { body: { externalId: `msg-${Date.now()}-b` } })
      const outsiderId = (outsider.json as { user: { id: string } }).user.id
      const group = yield* call("POST", base, {
        body: { type: "sdkGroup", participants: [{ userId: memberId, subscribeSDKClient: true }] }
      })
      const messages = `${base}/${(group.json as { conversation: { id: string } }).conversation.id}/messages`
      const text = (t: string) => ({ type: "text", text: t })

      yield* conforms(
        "PostMessage",
        yield* call("POST", messages, {
          body: {
            author: { type: "business", displayName: "Support", avatarUrl: "https://x.io/a.png" },
            content: text("Hello"),
            metadata: { lang: "en" }
          }
        }),
        201
      )
      yield* conforms(
        "PostMessage",
        yield* call("POST", messages, { body: { author: { type: "user", userId: memberId }, content: text("Hi") } }),
        201
      )
      for (let i = 0; i < 3; i++) {
        yield* call("POST", messages, { body: { author: { type: "business" }, content: text(`m${i}`) } })
      }
      yield* conformsAsError(
        "PostMessage",
        yield* call("POST", messages, { body: { author: { type: "user", userId: outsiderId }, content: text("x") } }),
        400
      )
      yield* conformsAsError(
        "PostMessage",
        yield* call("POST", missing, { body: { author: { type: "business" }, content: text("x") } }),
        404
      )

      const newest = yield* call("GET", `${messages}?page[size]=2`)
      yield* conforms("ListMessages", newest, 200)
      const before = (newest.json as { meta: { beforeCursor: string } }).meta.beforeCursor
      const older = yield* call("GET", `${messages}?page%5Bbefore%5D=${before}&page%5Bsize%5D=2`)
      yield* conforms("ListMessages", older, 200)
      yield* conforms("ListMessages", yield* call("GET", `${messages}?page[after]=${before}&page[size]=2`), 200)
      yield* conforms("ListMessages", yield* call("GET", messages), 200)
      yield* conforms("ListMessages", yield* call("GET", missing), 404)
      yield* conformsAsError("ListMessages", yield* call("GET", `${messages}?page[before]=nope`), 400)

      const oldest = (older.json as { messages: Array<{ id: string }> }).messages[0]!.id
      yield* conforms("DeleteMessage", yield* call("DELETE", `${messages}/${oldest}`), 200)
      yield* conforms("DeleteMessage", yield* call("DELETE", `${missing}/${oldest}`), 404)
      yield* conforms("DeleteMessage", yield* call("DELETE", `${messages}/${oldest}`), 404)
      yield* conforms("DeleteAllMessages", yield* call("DELETE", messages), 200)
      yield* conforms("DeleteAllMessages", yield* call("DELETE", missing), 404)
      expect((yield* call("GET", messages)).json).toMatchObject({ messages: [], meta: { hasMore: false } })
    }))
})
