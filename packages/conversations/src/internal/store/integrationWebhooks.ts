/**
 * The webhooks of custom integrations, for the in-memory store.
 */
import type { FamilyHandlers } from "../../InMemoryStore.js"

/** What the store does for each IntegrationWebhooks operation. */
export const handlers: FamilyHandlers<"IntegrationWebhooks"> = {}
