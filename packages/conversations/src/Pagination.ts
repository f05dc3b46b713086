/**
 * Cursor pagination and the list endpoint: the spec's `page`, `meta`, `links`,
 * `conversationListFilter` and `conversationListResponse`.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Conversation } from "./Conversation.js"

/**
 * The spec's `page` query object (`page[after]`, `page[before]`, `page[size]`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Page = Schema.Struct({
  after: Schema.optional(Schema.String),
  before: Schema.optional(Schema.String),
  size: Schema.optional(Schema.Number)
})

/**
 * @since 0.1.0
 * @category models
 */
export interface Page extends Schema.Schema.Type<typeof Page> {}

/**
 * The spec's `conversationListFilter`: exactly one of `userId` or `userExternalId`.
 *
 * @example
 * ```ts
 * import type { ConversationListFilter } from "@sunco-effect/conversations"
 *
 * const filter: ConversationListFilter = { userExternalId: "customer-17" }
 * ```
 * @since 0.1.0
 * @category schemas
 */
export const ConversationListFilter = Schema.Union(
  Schema.Struct({ userId: Schema.String }),
  Schema.Struct({ userExternalId: Schema.String })
)

/**
 * @since 0.1.0
 * @category models
 */
export type ConversationListFilter = typeof ConversationListFilter.Type

/**
 * The spec's `meta`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Meta = Schema.Struct({
  hasMore: Schema.optional(Schema.Boolean),
  afterCursor: Schema.optional(Schema.String),
  beforeCursor: Schema.optional(Schema.String)
})

/**
 * @since 0.1.0
 * @category models
 */
export interface Meta extends Schema.Schema.Type<typeof Meta> {}

/**
 * The spec's `links`: absolute URLs of the previous and next pages.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Links = Schema.Struct({
  prev: Schema.optional(Schema.String),
  next: Schema.optional(Schema.String)
})

/**
 * @since 0.1.0
 * @category models
 */
export interface Links extends Schema.Schema.Type<typeof Links> {}

/**
 * The spec's `conversationListResponse`: one page of conversations.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ConversationListResponse = Schema.Struct({
  conversations: Schema.optional(Schema.Array(Conversation)),
  meta: Schema.optional(Meta),
  links: Schema.optional(Links)
})

/**
 * @since 0.1.0
 * @category models
 */
export interface ConversationListResponse extends Schema.Schema.Type<typeof ConversationListResponse> {}

/**
 * One page of a listing, with `meta` and `links` always present.
 *
 * @since 0.1.0
 * @category models
 */
export interface ConversationPage {
  readonly conversations: ReadonlyArray<Conversation>
  readonly meta: Meta
  readonly links: Links
}
