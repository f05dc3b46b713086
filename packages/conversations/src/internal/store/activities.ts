/**
 * The activities, for the in-memory store.
 */
import type { FamilyHandlers } from "../../InMemoryStore.js"

/** What the store does for each Activities operation. */
export const handlers: FamilyHandlers<"Activities"> = {}
