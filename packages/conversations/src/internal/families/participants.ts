/**
 * The Participants family: one entry per operation (see `conversations.ts`).
 */

export const participants = {}
