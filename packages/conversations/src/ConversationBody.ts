/**
 * Request bodies of create and update: the spec's `participantSubSchema`,
 * `conversationCreateBody` and `conversationUpdateBody`.
 *
 * The schemas describe the JSON types; the rules the spec states on top of
 * them (lengths, counts, "exactly one of") live in `Validation`, so they can
 * name the field and the rule that failed.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { ConversationType } from "./Conversation.js"
import { MetadataInput } from "./Metadata.js"

/**
 * A participant identified by user id.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ParticipantWithUserId = Schema.Struct({
  userId: Schema.String,
  subscribeSDKClient: Schema.optional(Schema.Boolean)
})

/**
 * A participant identified by the user's external id.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ParticipantWithUserExternalId = Schema.Struct({
  userExternalId: Schema.String,
  subscribeSDKClient: Schema.optional(Schema.Boolean)
})

/**
 * The spec's `participantSubSchema`: one of `userId` or `userExternalId`, not both.
 *
 * @example
 * ```ts
 * import type { Participant } from "@sunco-effect/conversations"
 *
 * const byId: Participant = { userId: "42589ad070d43be9b00ff7e5" }
 * const byExternalId: Participant = { userExternalId: "customer-17", subscribeSDKClient: true }
 * ```
 * @since 0.1.0
 * @category schemas
 */
export const Participant = Schema.Union(ParticipantWithUserId, ParticipantWithUserExternalId)

/**
 * @since 0.1.0
 * @category models
 */
export type Participant = typeof Participant.Type

const nullableText = Schema.optional(Schema.NullOr(Schema.String))

/**
 * The spec's `conversationCreateBody`.
 *
 * @example
 * ```ts
 * import type { ConversationCreateBody } from "@sunco-effect/conversations"
 *
 * const body: ConversationCreateBody = {
 *   type: "sdkGroup",
 *   participants: [{ userId: "42589ad070d43be9b00ff7e5" }],
 *   displayName: "Support",
 *   metadata: { lang: "en-ca" }
 * }
 * ```
 * @since 0.1.0
 * @category schemas
 */
export const ConversationCreateBody = Schema.Struct({
  type: ConversationType,
  participants: Schema.optional(Schema.Array(Participant)),
  displayName: nullableText,
  description: nullableText,
  iconUrl: nullableText,
  metadata: Schema.optional(Schema.NullOr(MetadataInput))
})

/**
 * @since 0.1.0
 * @category models
 */
export interface ConversationCreateBody extends Schema.Schema.Type<typeof ConversationCreateBody> {}

/**
 * The spec's `conversationUpdateBody`. Only the given fields change; `null`
 * clears a field.
 *
 * @example
 * ```ts
 * import type { ConversationUpdateBody } from "@sunco-effect/conversations"
 *
 * const body: ConversationUpdateBody = { displayName: "Renamed", iconUrl: null }
 * ```
 * @since 0.1.0
 * @category schemas
 */
export const ConversationUpdateBody = Schema.Struct({
  displayName: nullableText,
  description: nullableText,
  iconUrl: nullableText,
  metadata: Schema.optional(Schema.NullOr(MetadataInput))
})

/**
 * @since 0.1.0
 * @category models
 */
export interface ConversationUpdateBody extends Schema.Schema.Type<typeof ConversationUpdateBody> {}
