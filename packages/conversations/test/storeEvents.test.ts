/** The store publishes what changed as the service's webhook events, shaped by the spec's `x-webhooks`. */
import { describe, expect, it } from "@effect/vitest"
import { Either, Schema } from "effect"
import {
  ClientAddEvent,
  ClientRemoveEvent,
  ConversationCreateEvent,
  ConversationMessageEvent,
  ConversationReadEvent,
  ConversationRemoveEvent,
  ConversationTypingEvent,
  UserRemoveEvent,
  UserUpdateEvent
} from "../src/generated/Schemas.js"
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

  it("activities, clients and users publish conversation:read/typing, client:add/remove, user:update/remove", () => {
    const store = Either.getOrThrow(InMemoryStore.make({ apps: [{ id: APP, users: [{ externalId: "ada" }] }] }))
    const base = "http://emulator"
    const created = Either.getOrThrow(
      handle(store, "Conversations.create", {
        params: { appId: APP },
        body: { type: "sdkGroup", participants: [{ userExternalId: "ada" }] }
      }, base)
    )
    const ada = Either.getOrThrow(
      handle(store, "Users.get", { params: { appId: APP, userIdOrExternalId: "ada" }, query: undefined }, base)
    )
    const events: Array<StoreEvent> = []
    store.subscribe((event) => events.push(event))
    const conversationId = created.id
    Either.getOrThrow(handle(store, "Activities.post", {
      params: { appId: APP, conversationId },
      body: { author: { type: "user", userId: ada.id }, type: "conversation:read" }
    }, base))
    Either.getOrThrow(handle(store, "Activities.post", {
      params: { appId: APP, conversationId },
      body: { author: { type: "business" }, type: "typing:start" }
    }, base))
    // A refused activity publishes nothing.
    expect(Either.isLeft(handle(store, "Activities.post", {
      params: { appId: APP, conversationId },
      body: { author: { type: "user", userId: ada.id }, type: "typing:start" }
    }, base))).toBe(true)
    const client = Either.getOrThrow(handle(store, "Clients.create", {
      params: { appId: APP, userIdOrExternalId: "ada" },
      body: {
        matchCriteria: { type: "whatsapp", integrationId: "5e8b49d936c1df272e8e1460", phoneNumber: "+15145550001" },
        confirmation: { type: "immediate" },
        target: { conversationId }
      },
      query: undefined
    }, base))
    Either.getOrThrow(
      handle(store, "Clients.remove", {
        params: { appId: APP, userIdOrExternalId: "ada", clientId: client.id! },
        query: undefined
      }, base)
    )
    Either.getOrThrow(handle(store, "Users.update", {
      params: { appId: APP, userIdOrExternalId: "ada" },
      body: { profile: { givenName: "Ada" } },
      query: undefined
    }, base))
    Either.getOrThrow(
      handle(store, "Users.deletePersonalInformation", {
        params: { appId: APP, userIdOrExternalId: "ada" },
        query: undefined
      }, base)
    )
    Either.getOrThrow(
      handle(store, "Users.delete", { params: { appId: APP, userIdOrExternalId: "ada" }, query: undefined }, base)
    )

    expect(events.map((e) => e.type)).toEqual([
      "conversation:read",
      "conversation:typing",
      "client:add",
      "client:remove",
      "user:update",
      "user:update",
      // Ada was the conversation's last participant: it goes with her.
      "conversation:remove",
      "user:remove"
    ])
    const [read, typing, add, remove, update, cleared, , removed] = events.map(({ appId: _, ...event }) => event)
    expect(Schema.decodeUnknownSync(ConversationReadEvent)(read)).toMatchObject({
      payload: {
        conversation: { id: conversationId },
        activity: { type: "conversation:read", author: { type: "user", userId: ada.id, user: { id: ada.id } } }
      }
    })
    expect(Schema.decodeUnknownSync(ConversationTypingEvent)(typing)).toMatchObject({
      payload: {
        conversation: { id: conversationId },
        activity: { type: "typing:start", author: { type: "business" } }
      }
    })
    expect(Schema.decodeUnknownSync(ClientAddEvent)(add)).toMatchObject({
      payload: {
        conversation: { id: conversationId },
        user: { id: ada.id, externalId: "ada" },
        client: { id: client.id, type: "whatsapp", status: "pending" },
        reason: "channelLinking",
        source: { type: "api" }
      }
    })
    expect(Schema.decodeUnknownSync(ClientRemoveEvent)(remove)).toMatchObject({
      payload: { user: { id: ada.id }, client: { id: client.id }, reason: "api" }
    })
    expect(Schema.decodeUnknownSync(UserUpdateEvent)(update)).toMatchObject({
      payload: { user: { id: ada.id, profile: { givenName: "Ada" } }, source: { type: "api" } }
    })
    expect((cleared?.payload as { user: { profile: object } }).user.profile).not.toHaveProperty("givenName")
    expect(Schema.decodeUnknownSync(UserRemoveEvent)(removed)).toMatchObject({
      payload: { user: { id: ada.id, externalId: "ada" } }
    })
  })
})
