/**
 * The webhooks of custom integrations, for the in-memory store: what
 * `IntegrationWebhooks` and a custom `CreateIntegration` make, what a custom
 * integration lists as its `webhooks`, and what the emulator's delivery reads
 * (`webhooksOf`). Each gets a generated secret; `version` is `v2`.
 */
import * as Redacted from "effect/Redacted"
import type { Webhook } from "../../generated/Schemas.js"
import type { InMemoryStore } from "../../InMemoryStore.js"
import { part } from "./part.js"
import { webhookSecret } from "./secret.js"

/** A webhook with the app and the integration it belongs to. */
export interface StoredWebhook {
  readonly appId: string
  readonly integrationId: string
  webhook: Webhook & { readonly id: string; readonly secret: string }
}

/** Every webhook, by id, in the order made (ids increase). */
export const webhooks = part(() => new Map<string, StoredWebhook>())

/** What a request gives of a webhook; the rest is the service's. */
export interface WebhookFields {
  readonly target: string
  readonly triggers: ReadonlyArray<string>
  readonly includeFullUser?: boolean | undefined
  readonly includeFullSource?: boolean | undefined
}

/** Make a webhook of the integration, with its secret. */
export const addWebhook = (
  store: InMemoryStore,
  appId: string,
  integrationId: string,
  fields: WebhookFields
): StoredWebhook["webhook"] => {
  const webhook = {
    id: store.newId(),
    version: "v2",
    target: fields.target,
    triggers: [...fields.triggers],
    secret: webhookSecret(),
    includeFullUser: fields.includeFullUser ?? false,
    includeFullSource: fields.includeFullSource ?? false
  }
  webhooks(store).set(webhook.id, { appId, integrationId, webhook })
  return webhook
}

/** The integration's webhooks, oldest first. */
export const webhooksOfIntegration = (
  store: InMemoryStore,
  appId: string,
  integrationId: string
): Array<StoredWebhook["webhook"]> => {
  const out: Array<StoredWebhook["webhook"]> = []
  for (const stored of webhooks(store).values()) {
    if (stored.appId === appId && stored.integrationId === integrationId) out.push(stored.webhook)
  }
  return out
}

/** Forget the integration's webhooks (it was deleted). */
export const dropWebhooksOf = (store: InMemoryStore, appId: string, integrationId: string): void => {
  const all = webhooks(store)
  for (const [id, stored] of all) {
    if (stored.appId === appId && stored.integrationId === integrationId) all.delete(id)
  }
}

/**
 * A webhook as delivery needs it (the shape of the emulator's
 * `WebhookDelivery.Webhook`, plus its integration).
 */
export interface DeliveryTarget {
  readonly id: string
  readonly integrationId: string
  readonly target: string
  readonly secret: Redacted.Redacted<string>
  readonly triggers: ReadonlyArray<string>
  readonly includeFullUser: boolean
  readonly includeFullSource: boolean
  readonly version: string
}

/**
 * Every webhook of the app's custom integrations, as they are now, for the
 * emulator's delivery: where to POST, with which secret, for which triggers.
 */
export const webhooksOf = (store: InMemoryStore, appId: string): ReadonlyArray<DeliveryTarget> => {
  const out: Array<DeliveryTarget> = []
  for (const { appId: app, integrationId, webhook } of webhooks(store).values()) {
    if (app !== appId) continue
    out.push({
      id: webhook.id,
      integrationId,
      target: webhook.target,
      secret: Redacted.make(webhook.secret),
      triggers: webhook.triggers,
      includeFullUser: webhook.includeFullUser ?? false,
      includeFullSource: webhook.includeFullSource ?? false,
      version: webhook.version ?? "v2"
    })
  }
  return out
}
