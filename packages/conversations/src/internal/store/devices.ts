/**
 * The devices of users, for the in-memory store.
 */
import type { FamilyHandlers } from "../../InMemoryStore.js"

/** What the store does for each Devices operation. */
export const handlers: FamilyHandlers<"Devices"> = {}
