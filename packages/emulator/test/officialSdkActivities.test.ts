/**
 * The official JavaScript SDK (sunshine-conversations-client from npm) posts
 * activities on the emulator: typing as the business, a read receipt as a user.
 */
import { expect, layer } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect, Redacted } from "effect"
import { createRequire } from "node:module"
import { call } from "./support/Http.js"

const require = createRequire(import.meta.url)
// The SDK is CommonJS and untyped.
const SunshineConversationsClient: any = require("sunshine-conversations-client")

const sdk = Effect.map(Emulator, (emulator) => {
  const client = new SunshineConversationsClient.ApiClient()
  client.basePath = emulator.baseUrl
  client.authentications.basicAuth.username = emulator.keyId
  client.authentications.basicAuth.password = Redacted.value(emulator.keySecret)
  return new SunshineConversationsClient.ActivitiesApi(client)
})

const promise = (f: () => Promise<any>) =>
  Effect.tryPromise({ try: f, catch: (e: any) => ({ status: e?.status as number, body: e?.response?.body }) })

layer(Emulator.layer(), { timeout: "30 seconds" })("the official SDK's Activities against the emulator", (it) => {
  it.effect("typing and a read receipt; a read receipt marks the participant read", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const api = yield* sdk
      const user = yield* call("POST", `/v2/apps/${appId}/users`, { body: { externalId: `sdk-act-${Date.now()}` } })
      const userId = (user.json as { user: { id: string } }).user.id
      const group = yield* call("POST", `/v2/apps/${appId}/conversations`, {
        body: { type: "sdkGroup", participants: [{ userId, subscribeSDKClient: false }] }
      })
      const id = (group.json as { conversation: { id: string } }).conversation.id
      yield* call("POST", `/v2/apps/${appId}/conversations/${id}/messages`, {
        body: { author: { type: "business" }, content: { type: "text", text: "Hello" } }
      })

      for (const type of ["typing:start", "typing:stop"]) {
        const typing = new SunshineConversationsClient.ActivityPost()
        typing.author = { type: "business" }
        typing.type = type
        yield* promise(() => api.postActivity(appId, id, typing))
      }
      const read = new SunshineConversationsClient.ActivityPost()
      read.author = { type: "user", userId }
      read.type = "conversation:read"
      yield* promise(() => api.postActivity(appId, id, read))

      const listed = yield* call("GET", `/v2/apps/${appId}/conversations/${id}/participants`)
      expect(listed.json).toMatchObject({ participants: [{ userId, unreadCount: 0, lastRead: expect.any(String) }] })

      const missing = yield* Effect.flip(promise(() => api.postActivity(appId, "0123456789abcdef01234567", read)))
      expect(missing.status).toBe(404)
    }))
})
