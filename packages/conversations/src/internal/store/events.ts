/**
 * What the store's events carry, shaped as the spec's `x-webhooks` payloads.
 */
import type { Conversation } from "../../Conversation.js"

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
