/**
 * The webhooks of custom integrations, for the in-memory store: the handlers
 * of the IntegrationWebhooks operations over the state of `webhooks.ts`,
 * which also gives the emulator's delivery `webhooksOf`.
 */
import * as Either from "effect/Either"
import type { ApiFailure } from "../../ErrorResponse.js"
import type { FamilyHandlers, InMemoryStore, Result } from "../../InMemoryStore.js"
import { redactWebhook } from "../secrets.js"
import { integrationOf, type StoredIntegration } from "./integrations.js"
import { addWebhook, type StoredWebhook, webhooks, webhooksOfIntegration } from "./webhooks.js"

export { webhooksOf } from "./webhooks.js"

const webhookFailures = {
  notCustom: { status: 403, code: "forbidden", title: "Webhooks are available only for custom integrations" },
  missing: { status: 400, code: "bad_request", title: "target and triggers are required" },
  notFound: { status: 404, code: "not_found", title: "Resource not found" }
} satisfies Record<string, ApiFailure>

/** The custom integration of the collection's path (`integration_not_found`, or 403 when not custom). */
const customOf = (store: InMemoryStore, appId: string, integrationId: string): Result<StoredIntegration> =>
  Either.flatMap(
    integrationOf(store, appId, integrationId),
    (integration) => integration.type === "custom" ? Either.right(integration) : Either.left(webhookFailures.notCustom)
  )

/** The webhook of an item's path: `not_found` when it or its integration is not there. */
const webhookOf = (store: InMemoryStore, appId: string, integrationId: string, webhookId: string) =>
  Either.flatMap(integrationOf(store, appId, integrationId, webhookFailures.notFound), (): Result<StoredWebhook> => {
    const stored = webhooks(store).get(webhookId)
    return stored !== undefined && stored.appId === appId && stored.integrationId === integrationId
      ? Either.right(stored)
      : Either.left(webhookFailures.notFound)
  })

/** What the store does for each IntegrationWebhooks operation. */
export const handlers: FamilyHandlers<"IntegrationWebhooks"> = {
  "IntegrationWebhooks.create": (store, { body, params: { appId, integrationId } }) =>
    Either.flatMap(customOf(store, appId, integrationId), () => {
      const { target, triggers } = body
      // The spec's webhookCreateBody requires both (the client checks it before sending).
      if (target === undefined || triggers === undefined) return Either.left(webhookFailures.missing)
      return Either.right(redactWebhook(addWebhook(store, appId, integrationId, { ...body, target, triggers })))
    }),
  "IntegrationWebhooks.list": (store, { params: { appId, integrationId } }) =>
    Either.map(
      customOf(store, appId, integrationId),
      () => webhooksOfIntegration(store, appId, integrationId).map(redactWebhook)
    ),
  "IntegrationWebhooks.get": (store, { params: { appId, integrationId, webhookId } }) =>
    Either.map(webhookOf(store, appId, integrationId, webhookId), (stored) => redactWebhook(stored.webhook)),
  "IntegrationWebhooks.update": (store, { body, params: { appId, integrationId, webhookId } }) =>
    Either.map(webhookOf(store, appId, integrationId, webhookId), (stored) => {
      // Only the given fields change; the id, version and secret stay.
      stored.webhook = {
        ...stored.webhook,
        ...(body.target === undefined ? {} : { target: body.target }),
        ...(body.triggers === undefined ? {} : { triggers: [...body.triggers] }),
        ...(body.includeFullUser === undefined ? {} : { includeFullUser: body.includeFullUser }),
        ...(body.includeFullSource === undefined ? {} : { includeFullSource: body.includeFullSource })
      }
      return redactWebhook(stored.webhook)
    }),
  "IntegrationWebhooks.delete": (store, { params: { appId, integrationId, webhookId } }) =>
    Either.map(webhookOf(store, appId, integrationId, webhookId), () => void webhooks(store).delete(webhookId))
}
