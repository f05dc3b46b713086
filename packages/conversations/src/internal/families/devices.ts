/**
 * The Devices family: one entry per operation (see `conversations.ts`).
 */

export const devices = {}
