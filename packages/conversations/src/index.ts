/**
 * @sunco-effect/conversations: an Effect client for the Sunshine Conversations
 * v2 Conversations API. `Schema` comes from `effect` (`@effect/schema` has
 * been merged into it).
 *
 * @since 0.1.0
 */
export * from "./Conversation.js"
export * from "./ConversationBody.js"
export * from "./ConversationsError.js"
export * from "./DownloadMessageRef.js"
export * from "./ErrorResponse.js"
export * from "./Metadata.js"
export * from "./Pagination.js"
export * from "./User.js"

export {
  Conversations,
  type ConversationsConfig,
  type ConversationsOptions,
  type ConversationsService,
  type Services,
  type StreamOptions
} from "./Conversations.js"
export type { CallOptions, Operation } from "./Operations.js"
export { Users, type UsersService } from "./Users.js"

/** Test layer and its control. @since 0.1.0 */
export * as ConversationsTest from "./ConversationsTest.js"
/** Authentication: basic, bearer, JWT. @since 0.1.0 */
export * as Credentials from "./Credentials.js"
/** Base URL presets and checks. @since 0.1.0 */
export * as Host from "./Host.js"
/** The list query on the wire: encode, decode, links. @since 0.2.0 */
export * as ListQuery from "./ListQuery.js"
/** The operation table: every operation declared once. @since 0.2.0 */
export * as Operations from "./Operations.js"
/** Retry policies. @since 0.1.0 */
export * as RetryPolicy from "./RetryPolicy.js"
/** The seed format. @since 0.1.0 */
export * as Seed from "./Seed.js"
