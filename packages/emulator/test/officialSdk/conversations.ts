/**
 * The official JavaScript SDK (sunshine-conversations-client from npm)
 * performs the six Conversations operations it has against the emulator,
 * through Prism's validating proxy, so the emulator serves clients we did not
 * write as the spec says; PostConversionEvents, which it lacks, goes through
 * our client.
 */
import { expect } from "@effect/vitest"
import { Conversations } from "@sunco-effect/conversations"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { call } from "../support/Http.js"
import { promise, Sdk, sdkClient, type Section } from "../support/OfficialSdk.js"

const sdk = Effect.map(sdkClient(), ({ client }) => new Sdk.ConversationsApi(client))

export const conversations: Section = (it) => {
  it.effect("Conversations: create, get, list, update, downloadMessageRef and delete", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const api = yield* sdk
      const user = yield* call("POST", `/v2/apps/${appId}/users`, { body: { externalId: `sdk-${Date.now()}` } })
      const userId = (user.json as { user: { id: string } }).user.id

      const body = new Sdk.ConversationCreateBody("sdkGroup")
      body.participants = [{ userId, subscribeSDKClient: false }]
      body.displayName = "From the official SDK"
      const created = yield* promise(() => api.createConversation(appId, body))
      const id = created.conversation.id
      expect(created.conversation.displayName).toBe("From the official SDK")

      const fetched = yield* promise(() => api.getConversation(appId, id))
      expect(fetched.conversation.id).toBe(id)

      const filter = new Sdk.ConversationListFilter()
      filter.userId = userId
      const listed = yield* promise(() => api.listConversations(appId, filter, {}))
      expect(listed.conversations.map((c: { id: string }) => c.id)).toEqual([id])

      const update = new Sdk.ConversationUpdateBody()
      update.displayName = "Renamed by the SDK"
      const updated = yield* promise(() => api.updateConversation(appId, id, update))
      expect(updated.conversation.displayName).toBe("Renamed by the SDK")

      const download = new Sdk.DownloadMessageRefBody(userId)
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

  it.effect("Conversations: PostConversionEvents, which the SDK lacks, through our client", () =>
    Effect.gen(function*() {
      const c = (yield* Conversations).forApp((yield* Emulator).appId)
      const convo = yield* c.create({ type: "sdkGroup" })
      const event = { action_source: "business_messaging", event_name: "Purchase", event_time: 1752161233 }
      const received = yield* c.postConversionEvents(convo.id, { whatsapp: { payload: { data: [event] } } })
      expect(received.eventsReceived).toBe(1)
    }))
}
