/**
 * The official JavaScript SDK (sunshine-conversations-client 14.1.0) drives
 * the Integrations operations against the emulator: a client we did not write.
 */
import { expect } from "@effect/vitest"
import { Effect } from "effect"
import { promise, Sdk, sdkClient, sdkCustomIntegration, type Section } from "../support/OfficialSdk.js"

export const integrations: Section = (it) => {
  it.effect("Integrations: createIntegration, listIntegrations, getIntegration, updateIntegration, deleteIntegration", () =>
    Effect.gen(function*() {
      const { appId, client } = yield* sdkClient()
      const api = new Sdk.IntegrationsApi(client)
      const created = yield* sdkCustomIntegration(client, appId)
      const id = created.integration.id
      expect(created.integration).toMatchObject({ type: "custom", status: "active", displayName: "SDK bot" })

      const page = new Sdk.Page()
      page.size = 100
      const filter = new Sdk.IntegrationListFilter()
      filter.types = "custom"
      const listed = yield* promise(() => api.listIntegrations(appId, { page, filter }))
      expect(listed.integrations.map((i: { id: string }) => i.id)).toContain(id)
      expect(listed.integrations.every((i: { type: string }) => i.type === "custom")).toBe(true)

      expect((yield* promise(() => api.getIntegration(appId, id))).integration.id).toBe(id)

      const update = new Sdk.IntegrationUpdate()
      update.displayName = "Renamed by the SDK"
      const updated = yield* promise(() => api.updateIntegration(appId, id, update))
      expect(updated.integration.displayName).toBe("Renamed by the SDK")

      yield* promise(() => api.deleteIntegration(appId, id))
      const gone = yield* Effect.flip(promise(() => api.getIntegration(appId, id)))
      expect(gone.status).toBe(404)
      expect(gone.body).toEqual({ errors: [{ code: "integration_not_found", title: "Integration not found" }] })
    }))
}
