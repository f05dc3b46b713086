/**
 * The pagination combinator on its own: a list declared `backward` (newest
 * page first, `page[before]` leading to older pages, as ListMessages pages)
 * is streamed to its end, every item exactly once.
 */
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Stream } from "effect"
import * as Streams from "../src/internal/stream.js"
import type { Page } from "../src/Pagination.js"

const cursor = (n: number) => n.toString(16).padStart(24, "0")

/** 25 messages, oldest first; a page holds `size` of them, the newest page when no cursor is given. */
const messages = Array.from({ length: 25 }, (_, i) => ({ id: `m${i}` }))
const requests: Array<Page> = []
const list = (page: Page) =>
  Effect.sync(() => {
    requests.push(page)
    const size = page.size ?? 10
    const end = page.before === undefined ? messages.length : parseInt(page.before, 16)
    const startAt = Math.max(0, end - size)
    return {
      messages: messages.slice(startAt, end),
      meta: { hasMore: startAt > 0, ...(startAt > 0 ? { beforeCursor: cursor(startAt) } : {}) }
    }
  })

describe("pagination declared backward", () => {
  it.effect("yields every item exactly once, newest page first, each page in its own order", () =>
    Effect.gen(function*() {
      requests.length = 0
      const walk = {
        operation: "Conversations.list" as const,
        pagination: Streams.paginated("messages", "backward"),
        start: { size: 10 }
      }
      const items = Chunk.toReadonlyArray(yield* Streams.items(walk, list).pipe(Stream.runCollect))
      expect(items).toHaveLength(25)
      expect(new Set(items).size).toBe(25)
      expect(items.slice(0, 10)).toEqual(messages.slice(15, 25))
      expect(items.slice(20)).toEqual(messages.slice(0, 5))
      expect(requests).toEqual([{ size: 10 }, { before: cursor(15), size: 10 }, { before: cursor(5), size: 10 }])
    }))

  it.effect("a beforeCursor that comes back ends the stream with a ProtocolError", () =>
    Effect.gen(function*() {
      const stuck = () => Effect.succeed({ messages: [{ id: "m" }], meta: { hasMore: true, beforeCursor: cursor(1) } })
      const walk = {
        operation: "Conversations.list" as const,
        pagination: Streams.paginated("messages", "backward"),
        start: undefined
      }
      const error = yield* Streams.items(walk, stuck).pipe(Stream.runDrain, Effect.flip)
      expect(error._tag).toBe("ProtocolError")
    }))
})
