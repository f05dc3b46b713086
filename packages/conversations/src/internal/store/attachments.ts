/**
 * The attachments, for the in-memory store.
 */
import type { FamilyHandlers } from "../../InMemoryStore.js"

/** What the store does for each Attachments operation. */
export const handlers: FamilyHandlers<"Attachments"> = {}
