/**
 * The IntegrationKeys family: one entry per operation (see `conversations.ts`).
 */

export const integrationKeys = {}
