/**
 * The official JavaScript SDK (sunshine-conversations-client from npm)
 * performs the six Conversations operations it has against the emulator,
 * through Prism's validating proxy, so the emulator serves clients we did not
 * write as the spec says; PostConversionEvents, which it lacks, goes through
 * our client.
 */
import { NodeHttpClient } from "@effect/platform-node"
import { expect, layer } from "@effect/vitest"
import { Conversations } from "@sunco-effect/conversations"
import { Emulator, EmulatorClient } from "@sunco-effect/emulator"
import { Effect, Layer } from "effect"
import { call } from "./support/Http.js"
import * as OfficialSdk from "./support/OfficialSdk.js"
import { promise, Sdk, sdkClient } from "./support/OfficialSdk.js"
import { expectNoViolations, PrismProxy, violationsByFamily } from "./support/Prism.js"

const sdk = Effect.map(sdkClient(), ({ client }) => new Sdk.ConversationsApi(client))

// Our client beside the SDK, for PostConversionEvents, which the SDK lacks.
const services = EmulatorClient.layer().pipe(
  Layer.provideMerge(OfficialSdk.layer()),
  Layer.provide(NodeHttpClient.layerUndici)
)

layer(services, { timeout: "30 seconds" })("the official SDK against the emulator", (it) => {
  it.effect("create, get, list, update, downloadMessageRef and delete", () =>
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

  it.effect("PostConversionEvents, which the SDK lacks, through our client", () =>
    Effect.gen(function*() {
      const c = (yield* Conversations).forApp((yield* Emulator).appId)
      const convo = yield* c.create({ type: "sdkGroup" })
      const event = { action_source: "business_messaging", event_name: "Purchase", event_time: 1752161233 }
      const received = yield* c.postConversionEvents(convo.id, { whatsapp: { payload: { data: [event] } } })
      expect(received.eventsReceived).toBe(1)
    }))

  it.effect("the proxy does catch what the spec refuses (this exchange is then set aside)", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const { exchanges } = yield* PrismProxy
      yield* call("POST", `/v2/apps/${appId}/conversations`, { body: { type: "bogus" } })
      const caught = exchanges.pop()!
      expect(violationsByFamily([caught])).toEqual({
        Conversations: [expect.stringContaining("request.body.type: Request body property type must be equal to")]
      })
    }))

  it.effect("Prism's validating proxy finds nothing wrong with the requests nor the answers", () =>
    Effect.map(PrismProxy, ({ exchanges }) => expectNoViolations(exchanges, "Conversations")))
})
