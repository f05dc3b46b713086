/**
 * The custom integration keys, for the in-memory store.
 */
import type { FamilyHandlers } from "../../InMemoryStore.js"

/** What the store does for each IntegrationKeys operation. */
export const handlers: FamilyHandlers<"IntegrationKeys"> = {}
