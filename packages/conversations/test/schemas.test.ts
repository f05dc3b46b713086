import { describe, expect, it } from "@effect/vitest"
import {
  Conversation,
  ConversationCreateBody,
  ConversationListResponse,
  ConversationResponse,
  DownloadMessageRefBody,
  ErrorResponse,
  User,
  UserResponse
} from "@sunco-effect/conversations"
import { Effect, Either, Schema } from "effect"
import { spec } from "./support/Spec.js"

const decode = <A, I>(schema: Schema.Schema<A, I>, u: unknown) => Schema.decodeUnknownEither(schema)(u)

describe("the spec's examples decode", () => {
  it.effect("conversation responses and the list response", () =>
    Effect.sync(() => {
      const ex = spec.components.examples
      for (const name of ["createConversation", "getConversation", "updateConversation"]) {
        const decoded = decode(ConversationResponse, ex[name]!.value)
        expect([name, Either.isRight(decoded)]).toEqual([name, true])
        expect(Either.getOrThrow(decoded).conversation?.id).toBe("67a0ecf8f0305f4a391e9db1")
      }
      const list = Either.getOrThrow(decode(ConversationListResponse, ex.listConversations!.value))
      expect(list.conversations?.[0]?.type).toBe("personal")
      expect(Either.isRight(decode(UserResponse, ex.createUser!.value))).toBe(true)
    }))

  it.effect("every inline error example of the six operations, and the download request example", () =>
    Effect.sync(() => {
      const conversationPaths = Object.entries(spec.paths).filter(([p]) =>
        p === "/v2/apps/{appId}/conversations" || p === "/v2/apps/{appId}/conversations/{conversationId}" ||
        p === "/v2/apps/{appId}/conversations/{conversationId}/download"
      )
      let errors = 0
      for (const [, item] of conversationPaths) {
        for (const op of Object.values(item)) {
          for (const [status, response] of Object.entries<any>(op.responses ?? {})) {
            const value = response.content?.["application/json"]?.examples?.default?.value
            if (value && Number(status) >= 400) {
              expect(Either.isRight(decode(ErrorResponse, value))).toBe(true)
              errors++
            }
          }
        }
      }
      expect(errors).toBeGreaterThanOrEqual(7)
      const download = spec.paths["/v2/apps/{appId}/conversations/{conversationId}/download"]!.post
      expect(
        Either.isRight(
          decode(DownloadMessageRefBody, download.requestBody.content["application/json"].examples.default.value)
        )
      )
        .toBe(true)
    }))
})

describe("decoding is lenient where the service may grow", () => {
  it.effect("unknown extra fields are tolerated", () =>
    Effect.sync(() => {
      const decoded = decode(Conversation, { id: "x", type: "personal", brandNewField: { a: 1 } })
      expect(Either.isRight(decoded)).toBe(true)
    }))

  it.effect("a conversation type the spec does not list yet decodes", () =>
    Effect.sync(() => {
      expect(Either.getOrThrow(decode(Conversation, { id: "x", type: "businessGroup" })).type).toBe("businessGroup")
    }))

  it.effect("nullable fields accept null, optional ones may be absent, the id is required, others are checked", () =>
    Effect.sync(() => {
      const nulls = {
        id: "x",
        displayName: null,
        description: null,
        iconUrl: null,
        metadata: null,
        businessLastRead: null,
        lastUpdatedAt: null,
        activeSwitchboardIntegration: null,
        pendingSwitchboardIntegration: null
      }
      expect(Either.isRight(decode(Conversation, nulls))).toBe(true)
      expect(Either.isRight(decode(Conversation, { id: "x" }))).toBe(true)
      // the service always returns the id, so programs need no `!`; a conversation without one is refused
      expect(Either.isLeft(decode(Conversation, {}))).toBe(true)
      expect(Either.isLeft(decode(User, { externalId: "ada" }))).toBe(true)
      // createdAt and isDefault are not nullable in the spec
      expect(Either.isLeft(decode(Conversation, { id: "x", createdAt: null }))).toBe(true)
      expect(Either.isLeft(decode(Conversation, { id: "x", isDefault: null }))).toBe(true)
    }))

  it.effect("request bodies are strict about the spec's required fields", () =>
    Effect.sync(() => {
      expect(Either.isLeft(decode(ConversationCreateBody, {}))).toBe(true)
      expect(Either.isLeft(decode(DownloadMessageRefBody, {}))).toBe(true)
    }))
})
