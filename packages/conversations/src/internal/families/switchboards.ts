/**
 * The Switchboards family: one entry per operation (see `conversations.ts`).
 */

export const switchboards = {}
