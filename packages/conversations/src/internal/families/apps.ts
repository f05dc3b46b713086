/**
 * The Apps family: one entry per operation (see `conversations.ts`).
 */

export const apps = {}
