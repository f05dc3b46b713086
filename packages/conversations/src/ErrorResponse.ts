/**
 * The spec's `error` and `errorResponse`: the body of every failed request.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * One entry of an error response.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ApiErrorDetail = Schema.Struct({
  code: Schema.optional(Schema.String),
  title: Schema.optional(Schema.String)
})

/**
 * The spec's `errorResponse`.
 *
 * @example
 * ```ts
 * import type { ErrorResponse } from "@sunco-effect/conversations"
 *
 * const body: ErrorResponse = { errors: [{ code: "conversation_not_found", title: "Conversation not found" }] }
 * ```
 * @since 0.1.0
 * @category schemas
 */
export const ErrorResponse = Schema.Struct({
  errors: Schema.optional(Schema.Array(ApiErrorDetail))
})

/**
 * @since 0.1.0
 * @category models
 */
export interface ErrorResponse extends Schema.Schema.Type<typeof ErrorResponse> {}

/**
 * An error response as it arrived (or as the in-memory store gives it),
 * before it is classified into the operation's typed error.
 *
 * @since 0.2.0
 * @category models
 */
export interface ApiFailure {
  readonly status: number
  readonly code: string
  readonly title: string
  readonly requestId?: string | undefined
  readonly retryAfterMillis?: number | undefined
}
