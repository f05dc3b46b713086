/**
 * The SwitchboardActions family: one entry per operation (see `conversations.ts`).
 */

export const switchboardActions = {}
