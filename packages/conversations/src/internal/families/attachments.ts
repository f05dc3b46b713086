/**
 * The Attachments family: one entry per operation (see `conversations.ts`).
 */
import * as Either from "effect/Either"
import { type AttachmentSource, MAX_BYTES } from "../../AttachmentSource.js"
import * as Facts from "../../generated/Operations.js"
import { AttachmentDeleteBody, AttachmentResponse, type AttachmentSchema } from "../../generated/Schemas.js"
import { checkId, type Violation } from "../../Validation.js"
import { decoder } from "../decode.js"
import { define, empty, envelope } from "../operation.js"

/**
 * Where an upload goes: `access` is `public` (the only level the service
 * has); `for: "message"` with a `conversationId` ties the file to the
 * conversation, so it is deleted with its message, conversation or user.
 *
 * @since 0.2.0
 * @category models
 */
export interface UploadQuery {
  readonly access: "public"
  readonly for?: "message" | undefined
  readonly conversationId?: string | undefined
}

const checkUpload = (upload: AttachmentSource | undefined, query: UploadQuery): Violation | undefined => {
  if (upload === undefined) return { field: "source", rule: "required", detail: "is required" }
  if (upload.size !== undefined && upload.size > MAX_BYTES) {
    return {
      field: "source",
      rule: "maxSize",
      detail: `must be at most ${MAX_BYTES} bytes (the service's 50 MB), got ${upload.size}`
    }
  }
  if (query.access !== "public") return { field: "access", rule: "enum", detail: "must be public" }
  if (query.for !== undefined && query.for !== "message") {
    return { field: "for", rule: "enum", detail: "must be message" }
  }
  return query.conversationId === undefined ? undefined : checkId("conversationId", query.conversationId)
}

const decodeDelete = decoder(AttachmentDeleteBody)

export const attachments = {
  /**
   * UploadAttachment: send a file (`AttachmentSource.fromPath`, `fromBlob`,
   * `fromStream`) as `multipart/form-data`, streamed from its source, and get
   * its `mediaUrl` for a file, image or carousel message. A source over the
   * service's 50 MB is refused before anything is sent when its size is
   * known (a `ValidationError` on `source`, rule `maxSize`), and abandoned as
   * soon as it passes 50 MB when it is not. The source's `onProgress` is told
   * the bytes sent as they go. Not repeated after a failure that may have
   * reached the service.
   *
   * @example
   * ```ts
   * import { Attachments, AttachmentSource } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const attachments = yield* Attachments
   *   const source = AttachmentSource.fromBlob(new Blob(["a,b\n1,2\n"], { type: "text/csv" }), { name: "report.csv" })
   *   const { mediaUrl } = yield* attachments.upload(source, { access: "public" })
   *   return mediaUrl
   * })
   * ```
   */
  upload: define(Facts.UploadAttachment)({
    args: (source: AttachmentSource, query: UploadQuery) => ({ upload: source, query }),
    body: undefined,
    check: ({ query, upload }) => checkUpload(upload, query),
    response: envelope<"attachment", AttachmentSchema>("attachment", decoder(AttachmentResponse)),
    errors: ["BadRequest"],
    repeatable: false
  }),
  /**
   * DeleteAttachment: remove an uploaded file by its `mediaUrl`. One that is
   * not there fails with `NotFound`.
   *
   * @example
   * ```ts
   * import { Attachments } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const attachments = yield* Attachments
   *   yield* attachments.delete("https://media.smooch.io/apps/5d8cff3c/report.csv")
   * })
   * ```
   */
  delete: define(Facts.DeleteAttachment)({
    args: (mediaUrl: string) => ({ body: { mediaUrl } }),
    body: AttachmentDeleteBody,
    check: ({ body }) =>
      Either.isLeft(decodeDelete(body)) || body.mediaUrl.length === 0
        ? { field: "mediaUrl", rule: "nonEmpty", detail: "must be a non-empty string" }
        : undefined,
    response: empty,
    errors: ["BadRequest", "NotFound"],
    repeatable: true
  })
}
