/**
 * The integrations, for the in-memory store.
 */
import type { FamilyHandlers } from "../../InMemoryStore.js"

/** What the store does for each Integrations operation. */
export const handlers: FamilyHandlers<"Integrations"> = {}
