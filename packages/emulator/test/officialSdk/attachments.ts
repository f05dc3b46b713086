/**
 * The official JavaScript SDK (sunshine-conversations-client 14.1.0) uploads
 * and deletes an attachment on the emulator, through Prism's validating proxy.
 */
import { expect } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { createReadStream, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promise, Sdk, sdkClient, type Section } from "../support/OfficialSdk.js"

const sdk = Effect.map(sdkClient(), ({ client }) => new Sdk.AttachmentsApi(client))

export const attachments: Section = (it) => {
  it.effect("Attachments: uploadAttachment from a file, then deleteAttachment by its mediaUrl", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const api = yield* sdk
      const file = join(mkdtempSync(join(tmpdir(), "sdk-attachment-")), "note.txt")
      writeFileSync(file, "hello from the official SDK")

      const uploaded = yield* promise(() => api.uploadAttachment(appId, "public", createReadStream(file), {}))
      expect(uploaded.attachment).toMatchObject({
        mediaType: "text/plain",
        mediaUrl: expect.stringMatching(/note\.txt$/)
      })

      const body = new Sdk.AttachmentDeleteBody(uploaded.attachment.mediaUrl)
      body.mediaUrl = uploaded.attachment.mediaUrl
      yield* promise(() => api.deleteAttachment(appId, body))
      const gone = yield* Effect.flip(promise(() => api.deleteAttachment(appId, body)))
      expect(gone.status).toBe(404)
    }))
}
