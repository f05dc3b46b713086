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
