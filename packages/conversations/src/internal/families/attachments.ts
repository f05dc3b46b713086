/**
 * The Attachments family: one entry per operation (see `conversations.ts`).
 */

export const attachments = {}
