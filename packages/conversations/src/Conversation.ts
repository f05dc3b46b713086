/**
 * The conversation resource: `conversationType`, `switchboardIntegrationWebhook`,
 * `conversationTruncated`, `conversation` and `conversationResponse` of the spec.
 *
 * Every property is optional because the spec marks none of them `required`;
 * `nullable: true` properties decode `null`. Unknown extra properties are
 * ignored, so a service that grows new fields does not break decoding.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Metadata } from "./Metadata.js"

/**
 * The conversation types the spec (v17.12.1) lists. Used to validate request
 * bodies.
 *
 * @since 0.1.0
 * @category schemas
 */
export const KnownConversationType = Schema.Literal("personal", "sdkGroup")

/**
 * @since 0.1.0
 * @category models
 */
export type KnownConversationType = typeof KnownConversationType.Type

/**
 * A conversation type as returned by the API. Decodes the known values and
 * also any other string, so a type added to the service later does not fail
 * decoding. The TypeScript type keeps autocompletion for the known values.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ConversationType: Schema.Schema<KnownConversationType | (string & {}), string> = Schema.String

/**
 * @since 0.1.0
 * @category models
 */
export type ConversationType = typeof ConversationType.Type

/**
 * The spec's `switchboardIntegrationWebhook`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SwitchboardIntegrationWebhook = Schema.Struct({
  id: Schema.optional(Schema.String),
  name: Schema.optional(Schema.String),
  integrationId: Schema.optional(Schema.String),
  integrationType: Schema.optional(Schema.String)
})

/**
 * @since 0.1.0
 * @category models
 */
export interface SwitchboardIntegrationWebhook extends Schema.Schema.Type<typeof SwitchboardIntegrationWebhook> {}

/**
 * The fields of the spec's `conversationTruncated`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const conversationTruncatedFields = {
  /** Always returned by the service; a response without one is a `ResponseDecodeError`. */
  id: Schema.String,
  type: Schema.optional(ConversationType),
  metadata: Schema.optional(Schema.NullOr(Metadata)),
  activeSwitchboardIntegration: Schema.optional(Schema.NullOr(SwitchboardIntegrationWebhook)),
  pendingSwitchboardIntegration: Schema.optional(Schema.NullOr(SwitchboardIntegrationWebhook))
}

/**
 * The spec's `conversationTruncated`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ConversationTruncated = Schema.Struct(conversationTruncatedFields)

/**
 * @since 0.1.0
 * @category models
 */
export interface ConversationTruncated extends Schema.Schema.Type<typeof ConversationTruncated> {}

/**
 * The spec's `conversation`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Conversation } from "@sunco-effect/conversations"
 *
 * const conversation = Schema.decodeUnknownSync(Conversation)({
 *   id: "67a0ecf8f0305f4a391e9db1",
 *   type: "personal",
 *   isDefault: false,
 *   createdAt: "2025-02-03T16:21:12.308Z"
 * })
 * ```
 * @since 0.1.0
 * @category schemas
 */
export const Conversation = Schema.Struct({
  ...conversationTruncatedFields,
  isDefault: Schema.optional(Schema.Boolean),
  displayName: Schema.optional(Schema.NullOr(Schema.String)),
  description: Schema.optional(Schema.NullOr(Schema.String)),
  iconUrl: Schema.optional(Schema.NullOr(Schema.String)),
  businessLastRead: Schema.optional(Schema.NullOr(Schema.String)),
  lastUpdatedAt: Schema.optional(Schema.NullOr(Schema.String)),
  createdAt: Schema.optional(Schema.String)
})

/**
 * @since 0.1.0
 * @category models
 */
export interface Conversation extends Schema.Schema.Type<typeof Conversation> {}

/**
 * The spec's `conversationResponse`: the `{ conversation }` envelope of
 * create, get and update.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ConversationResponse = Schema.Struct({
  conversation: Schema.optional(Conversation)
})

/**
 * @since 0.1.0
 * @category models
 */
export interface ConversationResponse extends Schema.Schema.Type<typeof ConversationResponse> {}
