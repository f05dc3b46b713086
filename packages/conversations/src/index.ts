/**
 * @sunco-effect/conversations: an Effect client for the Sunshine Conversations
 * v2 Conversations API. `Schema` comes from `effect` (`@effect/schema` has
 * been merged into it).
 *
 * @since 0.1.0
 */
export * from "./Conversation.js"
/**
 * The request bodies of create and update, as Schemas.
 *
 * @since 0.1.0
 */
export * from "./ConversationBody.js"
/**
 * The typed errors, and each operation's error union.
 *
 * @since 0.1.0
 */
export * from "./ConversationsError.js"
/**
 * The body and response of downloadMessageRef.
 *
 * @since 0.1.0
 */
export * from "./DownloadMessageRef.js"
/**
 * The service's error body, and an error response before classification.
 *
 * @since 0.1.0
 */
export * from "./ErrorResponse.js"
/**
 * Conversation and user metadata.
 *
 * @since 0.1.0
 */
export * from "./Metadata.js"
/**
 * List filters, pages, `meta`, `links`, and a page of conversations.
 *
 * @since 0.1.0
 */
export * from "./Pagination.js"
/**
 * Users and the CreateUser body.
 *
 * @since 0.1.0
 */
export * from "./User.js"

/**
 * The Conversations service: its tag, constructors, options and streams.
 *
 * @since 0.1.0
 */
export * from "./Conversations.js"
/**
 * The Users service.
 *
 * @since 0.1.0
 */
export * from "./Users.js"

/**
 * Messages, the PostMessage body, a page of messages and the ListMessages query.
 *
 * @since 0.2.0
 */
export * from "./Message.js"
/**
 * The Messages service.
 *
 * @since 0.2.0
 */
export * from "./Messages.js"

/**
 * Apps: create, list, get, update and delete apps: the service.
 *
 * @since 0.2.0
 */
export * from "./Apps.js"
/**
 * App keys: the service.
 *
 * @since 0.2.0
 */
export * from "./AppKeys.js"
/**
 * Attachments: the service.
 *
 * @since 0.2.0
 */
export * from "./Attachments.js"
/**
 * Participants of conversations: the service.
 *
 * @since 0.2.0
 */
export * from "./Participants.js"
/**
 * Activities: typing and read receipts: the service.
 *
 * @since 0.2.0
 */
export * from "./Activities.js"
/**
 * Switchboard actions: pass, offer, accept, release control: the service.
 *
 * @since 0.2.0
 */
export * from "./SwitchboardActions.js"
/**
 * Switchboards: the service.
 *
 * @since 0.2.0
 */
export * from "./Switchboards.js"
/**
 * Switchboard integrations: the service.
 *
 * @since 0.2.0
 */
export * from "./SwitchboardIntegrations.js"
/**
 * Integrations: the service.
 *
 * @since 0.2.0
 */
export * from "./Integrations.js"
/**
 * Custom integration API keys: the service.
 *
 * @since 0.2.0
 */
export * from "./IntegrationKeys.js"
/**
 * Webhooks of custom integrations: the service.
 *
 * @since 0.2.0
 */
export * from "./IntegrationWebhooks.js"
/**
 * Clients of users: the service.
 *
 * @since 0.2.0
 */
export * from "./Clients.js"
/**
 * Devices of users: the service.
 *
 * @since 0.2.0
 */
export * from "./Devices.js"
/**
 * OAuth endpoints and token info: the service.
 *
 * @since 0.2.0
 */
export * from "./OAuth.js"
/**
 * The bytes of an attachment to upload: from a path, a Blob or a Stream.
 *
 * @since 0.2.0
 */
export * as AttachmentSource from "./AttachmentSource.js"
/**
 * The Schemas of every request body, response, model and webhook event of the
 * spec, generated from it (`Schemas.Participant`, `Schemas.SwitchboardIntegration`, …).
 *
 * @since 0.2.0
 */
export * as Schemas from "./generated/Schemas.js"
/**
 * Test layer and its control.
 *
 * @since 0.1.0
 */
export * as ConversationsTest from "./ConversationsTest.js"
/**
 * Authentication: basic, bearer, JWT.
 *
 * @since 0.1.0
 */
export * as Credentials from "./Credentials.js"
/**
 * Base URL presets and checks.
 *
 * @since 0.1.0
 */
export * as Host from "./Host.js"
/**
 * The list query on the wire: encode, decode, links.
 *
 * @since 0.2.0
 */
export * as ListQuery from "./ListQuery.js"
/**
 * Retry policies.
 *
 * @since 0.1.0
 */
export * as RetryPolicy from "./RetryPolicy.js"
/**
 * The seed format.
 *
 * @since 0.1.0
 */
export * as Seed from "./Seed.js"
