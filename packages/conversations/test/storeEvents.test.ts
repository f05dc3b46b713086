/** The store publishes what changed as the service's webhook events, shaped by the spec's `x-webhooks`. */
import { describe, expect, it } from "@effect/vitest"
import { Either, Schema } from "effect"
import { ConversationCreateEvent, ConversationMessageEvent, ConversationRemoveEvent } from "../src/generated/Schemas.js"
import { handle, InMemoryStore, type StoreEvent } from "../src/InMemoryStore.js"

const APP = "5f0c8b0e3f1a2b001e4d6c01"

describe("store events", () => {
  it("create, a message and delete publish conversation:create, conversation:message and conversation:remove", () => {
    const store = Either.getOrThrow(InMemoryStore.make({ apps: [{ id: APP, users: [{ externalId: "ada" }] }] }))
    const events: Array<StoreEvent> = []
    const stop = store.subscribe((event) => events.push(event))
    const base = "http://emulator"
    const created = Either.getOrThrow(
      handle(store, "Conversations.create", {
        params: { appId: APP },
        body: { type: "sdkGroup", participants: [{ userExternalId: "ada" }], metadata: { lang: "en" } }
      }, base)
    )
    const [message] = Either.getOrThrow(handle(store, "Messages.post", {
      params: { appId: APP, conversationId: created.id },
      body: { author: { type: "business" }, content: { type: "text", text: "Hello" } }
    }, base))
    Either.getOrThrow(
      handle(store, "Conversations.delete", { params: { appId: APP, conversationId: created.id } }, base)
    )

    expect(events.map((e) => [e.appId, e.type])).toEqual([
      [APP, "conversation:create"],
      [APP, "conversation:message"],
      [APP, "conversation:remove"]
    ])
    expect(new Set(events.map((e) => e.id)).size).toBe(3)
    const [create, posted, remove] = events.map(({ appId: _, ...event }) => event)
    expect(Schema.decodeUnknownSync(ConversationCreateEvent)(create)).toMatchObject({
      payload: { conversation: { id: created.id, type: "sdkGroup", metadata: { lang: "en" } } }
    })
    expect(Schema.decodeUnknownSync(ConversationMessageEvent)(posted)).toMatchObject({
      payload: {
        conversation: { id: created.id },
        message: { id: message!.id, content: { type: "text", text: "Hello" } }
      }
    })
    expect(Schema.decodeUnknownSync(ConversationRemoveEvent)(remove)).toMatchObject({
      payload: { conversation: { id: created.id } }
    })

    stop()
    handle(store, "Conversations.create", { params: { appId: APP }, body: { type: "sdkGroup" } }, base)
    expect(events).toHaveLength(3)
  })
})
