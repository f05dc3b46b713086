/**
 * The switchboard control, for the in-memory store.
 */
import type { FamilyHandlers } from "../../InMemoryStore.js"

/** What the store does for each SwitchboardActions operation. */
export const handlers: FamilyHandlers<"SwitchboardActions"> = {}
