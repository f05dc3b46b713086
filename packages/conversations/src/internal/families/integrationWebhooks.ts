/**
 * The IntegrationWebhooks family: one entry per operation (see `conversations.ts`).
 */

export const integrationWebhooks = {}
