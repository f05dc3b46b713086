/**
 * The AppKeys family: one entry per operation (see `conversations.ts`).
 */

export const appKeys = {}
