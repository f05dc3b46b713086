/**
 * The spec's `downloadMessageRefBody` and its response.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * Apple's `interactiveDataRef`, found in the passthrough webhook.
 *
 * @since 0.1.0
 * @category schemas
 */
export const InteractiveDataRef = Schema.Struct({
  url: Schema.String,
  bid: Schema.String,
  key: Schema.String,
  signature: Schema.String,
  owner: Schema.String
})

/**
 * The spec's `downloadMessageRefBody`.
 *
 * @example
 * ```ts
 * import type { DownloadMessageRefBody } from "@sunco-effect/conversations"
 *
 * const body: DownloadMessageRefBody = {
 *   userId: "6e416caac6a5e9544e3fb6d7",
 *   apple: { interactiveDataRef: { url: "https://…", bid: "…", key: "…", signature: "…", owner: "…" } }
 * }
 * ```
 * @since 0.1.0
 * @category schemas
 */
export const DownloadMessageRefBody = Schema.Struct({
  userId: Schema.String,
  apple: Schema.optional(Schema.Struct({ interactiveDataRef: InteractiveDataRef }))
})

/**
 * @since 0.1.0
 * @category models
 */
export interface DownloadMessageRefBody extends Schema.Schema.Type<typeof DownloadMessageRefBody> {}

/**
 * The response of DownloadMessageRef: an object whose shape the spec leaves open.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DownloadMessageRefResponse = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/**
 * @since 0.1.0
 * @category models
 */
export type DownloadMessageRefResponse = typeof DownloadMessageRefResponse.Type
