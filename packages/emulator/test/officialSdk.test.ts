/**
 * The official JavaScript SDK (sunshine-conversations-client from npm)
 * performs all six operations against the emulator, so the emulator serves
 * clients we did not write.
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
  return new SunshineConversationsClient.ConversationsApi(client)
})

const promise = (f: () => Promise<any>) =>
  Effect.tryPromise({ try: f, catch: (e: any) => ({ status: e?.status as number, body: e?.response?.body }) })

layer(Emulator.layer(), { timeout: "30 seconds" })("the official SDK against the emulator", (it) => {
  it.effect("create, get, list, update, downloadMessageRef and delete", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const api = yield* sdk
      const user = yield* call("POST", `/v2/apps/${appId}/users`, { body: { externalId: `sdk-${Date.now()}` } })
      const userId = (user.json as { user: { id: string } }).user.id

      const body = new SunshineConversationsClient.ConversationCreateBody("sdkGroup")
      body.participants = [{ userId, subscribeSDKClient: false }]
      body.displayName = "From the official SDK"
      const created = yield* promise(() => api.createConversation(appId, body))
      const id = created.conversation.id
      expect(created.conversation.displayName).toBe("From the official SDK")

      const fetched = yield* promise(() => api.getConversation(appId, id))
      expect(fetched.conversation.id).toBe(id)

      const filter = new SunshineConversationsClient.ConversationListFilter()
      filter.userId = userId
      const listed = yield* promise(() => api.listConversations(appId, filter, {}))
      expect(listed.conversations.map((c: { id: string }) => c.id)).toEqual([id])

      const update = new SunshineConversationsClient.ConversationUpdateBody()
      update.displayName = "Renamed by the SDK"
      const updated = yield* promise(() => api.updateConversation(appId, id, update))
      expect(updated.conversation.displayName).toBe("Renamed by the SDK")

      const download = new SunshineConversationsClient.DownloadMessageRefBody(userId)
      // The SDK's constructor ignores its userId argument (its initialize() is empty).
      download.userId = userId
      const downloaded = yield* promise(() => api.downloadMessageRef(appId, id, download))
      // The SDK hands back an empty object's text rather than the object.
      expect(typeof downloaded === "string" ? JSON.parse(downloaded) : downloaded).toEqual({})

      yield* promise(() => api.deleteConversation(appId, id))
      const gone = yield* Effect.flip(promise(() => api.getConversation(appId, id)))
      expect(gone.status).toBe(404)
      expect(gone.body).toEqual({ errors: [{ code: "conversation_not_found", title: "Conversation not found" }] })
    }))
})
