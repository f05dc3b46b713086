/**
 * The switchboard integrations, for the in-memory store.
 */
import type { FamilyHandlers } from "../../InMemoryStore.js"

/** What the store does for each SwitchboardIntegrations operation. */
export const handlers: FamilyHandlers<"SwitchboardIntegrations"> = {}
