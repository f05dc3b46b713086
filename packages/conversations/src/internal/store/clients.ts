/**
 * The clients of users, for the in-memory store.
 */
import type { FamilyHandlers } from "../../InMemoryStore.js"

/** What the store does for each Clients operation. */
export const handlers: FamilyHandlers<"Clients"> = {}
