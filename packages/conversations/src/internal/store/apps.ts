/**
 * The apps of the account, for the in-memory store.
 */
import type { FamilyHandlers } from "../../InMemoryStore.js"

/** What the store does for each Apps operation. */
export const handlers: FamilyHandlers<"Apps"> = {}
