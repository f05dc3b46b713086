/**
 * The Activities family: one entry per operation (see `conversations.ts`).
 */

export const activities = {}
