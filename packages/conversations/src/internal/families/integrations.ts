/**
 * The Integrations family: one entry per operation (see `conversations.ts`).
 */

export const integrations = {}
