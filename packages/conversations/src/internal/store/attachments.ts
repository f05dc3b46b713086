/**
 * The attachments, for the in-memory store: an upload records the file (its
 * name, media type and size, never its bytes) under a `mediaUrl` shaped as
 * the service's media URLs; removal forgets it.
 */
import * as Either from "effect/Either"
import type { ApiFailure } from "../../ErrorResponse.js"
import type { FamilyHandlers } from "../../InMemoryStore.js"
import { segment } from "../path.js"
import { failures as storeFailures } from "./failures.js"
import { part } from "./part.js"

interface StoredAttachment {
  readonly appId: string
  readonly mediaType: string
  readonly size: number | undefined
  readonly conversationId: string | undefined
}

const failures = {
  appNotFound: storeFailures.appNotFound,
  noFile: { status: 400, code: "bad_request", title: "A file is required in the source field" },
  notFound: { status: 404, code: "not_found", title: "Attachment not found" }
} satisfies Record<string, ApiFailure>

/** Every upload, by its media URL. */
const uploaded = part(() => new Map<string, StoredAttachment>())

/** What the store does for each Attachments operation. */
export const handlers: FamilyHandlers<"Attachments"> = {
  "Attachments.upload": (store, { params: { appId }, query, upload }) => {
    if (!store.hasApp(appId)) return Either.left(failures.appNotFound)
    if (upload === undefined) return Either.left(failures.noFile)
    const mediaUrl = `https://media.smooch.io/apps/${segment(appId)}/${store.newId()}/${segment(upload.name)}`
    uploaded(store).set(mediaUrl, {
      appId,
      mediaType: upload.type,
      size: upload.size,
      conversationId: query.conversationId
    })
    return Either.right({ mediaUrl, mediaType: upload.type })
  },
  "Attachments.delete": (store, { body, params: { appId } }) => {
    if (!store.hasApp(appId)) return Either.left(failures.appNotFound)
    const stored = uploaded(store).get(body.mediaUrl)
    if (stored === undefined || stored.appId !== appId) return Either.left(failures.notFound)
    uploaded(store).delete(body.mediaUrl)
    return Either.right(undefined)
  }
}
