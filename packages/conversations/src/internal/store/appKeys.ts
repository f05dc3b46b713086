/**
 * The app keys, for the in-memory store.
 */
import type { FamilyHandlers } from "../../InMemoryStore.js"

/** What the store does for each AppKeys operation. */
export const handlers: FamilyHandlers<"AppKeys"> = {}
