/**
 * The SwitchboardIntegrations family: one entry per operation (see `conversations.ts`).
 */

export const switchboardIntegrations = {}
