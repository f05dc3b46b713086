/**
 * Conversations.postConversionEvents: one Meta channel's events, counted.
 */
import { expect } from "@effect/vitest"
import { Conversations } from "@sunco-effect/conversations"
import { Effect } from "effect"
import { APP } from "./fixtures.js"
import type { Section } from "./sections.js"

const event = { action_source: "business_messaging", event_name: "Purchase", event_time: 1752161233 }

export const conversionEvents: Section = (it) => {
  it.effect("conversion events: the events of one channel are received; two channels or none are refused", () =>
    Effect.gen(function*() {
      const c = (yield* Conversations).forApp(APP)
      const convo = yield* c.create({ type: "sdkGroup" })
      const received = yield* c.postConversionEvents(convo.id, { instagram: { payload: { data: [event, event] } } })
      expect(received.eventsReceived).toBe(2)
      expect(received.datasetId).toEqual(expect.any(String))
      const missing = yield* Effect.flip(
        c.postConversionEvents("0123456789abcdef01234567", { messenger: { payload: { data: [event] } } })
      )
      expect(missing._tag).toBe("ConversationNotFound")
      const two = { messenger: { payload: { data: [event] } }, whatsapp: { payload: { data: [event] } } }
      expect(yield* Effect.flip(c.postConversionEvents(convo.id, two))).toMatchObject({
        _tag: "ValidationError",
        rule: "exactlyOne"
      })
      expect(yield* Effect.flip(c.postConversionEvents(convo.id, {}))).toMatchObject({
        _tag: "ValidationError",
        rule: "exactlyOne"
      })
    }))
}
