/**
 * The official JavaScript SDK (sunshine-conversations-client 14.1.0) drives
 * the Webhooks operations against the emulator.
 */
import { expect } from "@effect/vitest"
import { Effect } from "effect"
import { promise, Sdk, sdkClient, sdkCustomIntegration, type Section } from "../support/OfficialSdk.js"

export const integrationWebhooks: Section = (it) => {
  it.effect("Webhooks: createWebhook, listWebhooks, getWebhook, updateWebhook, deleteWebhook", () =>
    Effect.gen(function*() {
      const { appId, client } = yield* sdkClient()
      const api = new Sdk.WebhooksApi(client)
      const integrationId = (yield* sdkCustomIntegration(client, appId)).integration.id

      const body = new Sdk.WebhookCreateBody("https://example.com/second", ["conversation:read"])
      // The SDK's constructor ignores its arguments (its initialize() is empty).
      body.target = "https://example.com/second"
      body.triggers = ["conversation:read"]
      body.includeFullUser = true
      const created = yield* promise(() => api.createWebhook(appId, integrationId, body))
      const webhookId = created.webhook.id
      expect(created.webhook).toMatchObject({
        target: "https://example.com/second",
        triggers: ["conversation:read"],
        includeFullUser: true,
        includeFullSource: false,
        version: "v2"
      })

      const listed = yield* promise(() => api.listWebhooks(appId, integrationId))
      expect(listed.webhooks.map((w: { target: string }) => w.target)).toEqual([
        "https://example.com/hooks",
        "https://example.com/second"
      ])
      expect((yield* promise(() => api.getWebhook(appId, integrationId, webhookId))).webhook.id).toBe(webhookId)

      const update = new Sdk.WebhookBody()
      update.triggers = ["conversation:message", "conversation:read"]
      const updated = yield* promise(() => api.updateWebhook(appId, integrationId, webhookId, update))
      expect(updated.webhook).toMatchObject({ triggers: ["conversation:message", "conversation:read"] })
      expect(updated.webhook.secret).toBe(created.webhook.secret)

      yield* promise(() => api.deleteWebhook(appId, integrationId, webhookId))
      const gone = yield* Effect.flip(promise(() => api.getWebhook(appId, integrationId, webhookId)))
      expect(gone.status).toBe(404)
      expect(gone.body).toEqual({ errors: [{ code: "not_found", title: "Resource not found" }] })
    }))
}
