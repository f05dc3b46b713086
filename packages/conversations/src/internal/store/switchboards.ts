/**
 * The switchboards, for the in-memory store.
 */
import type { FamilyHandlers } from "../../InMemoryStore.js"

/** What the store does for each Switchboards operation. */
export const handlers: FamilyHandlers<"Switchboards"> = {}
