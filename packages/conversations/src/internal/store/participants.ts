/**
 * The participants of conversations, for the in-memory store.
 */
import type { FamilyHandlers } from "../../InMemoryStore.js"

/** What the store does for each Participants operation. */
export const handlers: FamilyHandlers<"Participants"> = {}
