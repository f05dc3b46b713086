/**
 * The Clients family: one entry per operation (see `conversations.ts`).
 */

export const clients = {}
