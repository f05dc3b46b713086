import { describe, expect, it } from "@effect/vitest"
import {
  ConversationListResponse,
  ConversationResponse,
  DownloadMessageRefResponse,
  ErrorResponse,
  UserResponse
} from "@sunco-effect/conversations"
import { Arbitrary, Effect, FastCheck, Schema } from "effect"
import { compile } from "../src/internal/compiledGuard.js"

const schemas = {
  ConversationResponse,
  ConversationListResponse,
  UserResponse,
  ErrorResponse,
  DownloadMessageRefResponse
}

describe("the compiled guard agrees with Schema", () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it.effect(`${name}: compiles, and accepts every value Schema generates`, () =>
      Effect.sync(() => {
        const guard = compile(schema as Schema.Schema<unknown, unknown>)
        expect(guard).toBeDefined()
        FastCheck.assert(
          FastCheck.property(Arbitrary.make(schema as Schema.Schema<unknown, unknown>), (value) => guard!(value)),
          { numRuns: 200 }
        )
      }))
  }

  it.effect("rejects what Schema rejects", () =>
    Effect.sync(() => {
      const guard = compile(ConversationResponse)!
      const is = Schema.is(ConversationResponse)
      const cases: Array<unknown> = [
        null,
        [],
        "x",
        { conversation: null },
        { conversation: { id: 1 } },
        { conversation: { isDefault: "yes" } },
        { conversation: { isDefault: null } },
        { conversation: { createdAt: null } },
        { conversation: { metadata: [] } },
        { conversation: { activeSwitchboardIntegration: { id: 5 } } },
        { conversation: { id: "a", type: "personal", displayName: null, extra: { deep: true } } }
      ]
      for (const value of cases) expect([value, guard(value)]).toEqual([value, is(value)])
      const list = compile(ConversationListResponse)!
      expect(list({ conversations: [{ id: "a" }, { id: 2 }] })).toBe(false)
      expect(list({ conversations: [{ id: "a" }], meta: { hasMore: "no" } })).toBe(false)
      expect(list({ conversations: [{ id: "a" }], meta: { hasMore: true, afterCursor: "b" }, links: {} })).toBe(true)
    }))
})
