/** Attachments: upload from a Blob or a Stream (streamed, with progress, refused past 50 MB), and removal. */
import { expect } from "@effect/vitest"
import { Attachments, AttachmentSource } from "@sunco-effect/conversations"
import { Effect, Stream } from "effect"
import { APP } from "./fixtures.js"
import type { Section } from "./sections.js"

const MB = 1024 * 1024

export const attachments: Section = (it) => {
  it.effect("attachments: an upload gives a mediaUrl and reports progress; delete removes it, then NotFound", () =>
    Effect.gen(function*() {
      const a = (yield* Attachments).forApp(APP)
      const progress: Array<readonly [number, number | undefined]> = []
      const text = "a,b\n1,2\n"
      const source = AttachmentSource.fromBlob(new Blob([text], { type: "text/csv" }), {
        name: "report.csv",
        onProgress: (sent, total) => Effect.sync(() => progress.push([sent, total]))
      })
      const uploaded = yield* a.upload(source, { access: "public" })
      expect(uploaded.mediaType).toBe("text/csv")
      expect(uploaded.mediaUrl).toMatch(/^https:\/\/.+\/report\.csv$/)
      expect(progress.at(-1)).toEqual([text.length, text.length])
      yield* a.delete(uploaded.mediaUrl!)
      expect((yield* Effect.flip(a.delete(uploaded.mediaUrl!)))._tag).toBe("NotFound")
    }))

  it.effect("attachments: a stream of unknown size is sent in chunks, all of it", () =>
    Effect.gen(function*() {
      const a = (yield* Attachments).forApp(APP)
      let sent = 0
      const chunk = new Uint8Array(64 * 1024).fill(7)
      const source = AttachmentSource.fromStream(Stream.make(chunk, chunk, chunk), {
        name: "blob.bin",
        onProgress: (n) => Effect.sync(() => void (sent = n))
      })
      const uploaded = yield* a.upload(source, { access: "public", for: "message" })
      expect(uploaded.mediaType).toBe("application/octet-stream")
      expect(sent).toBe(3 * chunk.length)
    }))

  it.effect("attachments: over 50 MB is refused before sending when the size is known, mid-stream when not", () =>
    Effect.gen(function*() {
      const a = (yield* Attachments).forApp(APP)
      const known = AttachmentSource.fromStream(Stream.never, { name: "big.bin", size: 50 * MB + 1 })
      expect(yield* Effect.flip(a.upload(known, { access: "public" }))).toMatchObject({
        _tag: "ValidationError",
        field: "source",
        rule: "maxSize"
      })
      const megabyte = new Uint8Array(MB)
      const unknown = AttachmentSource.fromStream(Stream.repeatValue(megabyte).pipe(Stream.take(51)), {
        name: "big.bin"
      })
      expect(yield* Effect.flip(a.upload(unknown, { access: "public" }, { retry: false }))).toMatchObject({
        _tag: "ValidationError",
        field: "source",
        rule: "maxSize"
      })
    }))
}
