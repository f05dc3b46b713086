/**
 * What the store's events carry, shaped as the spec's `x-webhooks` payloads.
 */
import type { Conversation } from "../../Conversation.js"
import type { User } from "../../User.js"

/** `conversationTruncated`: what an event says of its conversation. */
export const truncated = (conversation: Conversation) => ({
  id: conversation.id,
  type: conversation.type,
  ...(conversation.metadata == null ? {} : { metadata: conversation.metadata }),
  ...(conversation.activeSwitchboardIntegration == null
    ? {}
    : { activeSwitchboardIntegration: conversation.activeSwitchboardIntegration }),
  ...(conversation.pendingSwitchboardIntegration == null
    ? {}
    : { pendingSwitchboardIntegration: conversation.pendingSwitchboardIntegration })
})

/** `userTruncated`: what an event says of its user (`user:remove`, `client:*`). */
export const userTruncated = (user: User) => ({
  id: user.id,
  ...(user.authenticated === undefined ? {} : { authenticated: user.authenticated }),
  ...(user.externalId == null ? {} : { externalId: user.externalId }),
  ...(user.zendeskId == null ? {} : { zendeskId: user.zendeskId }),
  ...(user.brandId == null ? {} : { brandId: user.brandId })
})

/** `sourceWebhook` of what came through the API: every event the store publishes does. */
export const apiSource = { type: "api" } as const
