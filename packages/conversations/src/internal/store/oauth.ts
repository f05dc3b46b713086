/**
 * The OAuth, for the in-memory store.
 */
import type { FamilyHandlers } from "../../InMemoryStore.js"

/** What the store does for each OAuth operation. */
export const handlers: FamilyHandlers<"OAuth"> = {}
