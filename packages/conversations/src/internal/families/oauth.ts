/**
 * The OAuth family: one entry per operation (see `conversations.ts`).
 */

export const oauth = {}
