/**
 * The official JavaScript SDK (sunshine-conversations-client 14.1.0) drives
 * the Clients operations against the emulator.
 */
import { expect } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { call } from "../support/Http.js"
import { promise, Sdk, sdkClient, type Section } from "../support/OfficialSdk.js"

const sdk = Effect.map(sdkClient(), ({ client }) => new Sdk.ClientsApi(client))

export const clients: Section = (it) => {
  it.effect("Clients: createClient, listClients and removeClient", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const api = yield* sdk
      const externalId = `sdk-clients-${Date.now()}`
      yield* call("POST", `/v2/apps/${appId}/users`, { body: { externalId } })
      const convo = yield* call("POST", `/v2/apps/${appId}/conversations`, {
        body: { type: "personal", participants: [{ userExternalId: externalId }] }
      })
      const conversationId = (convo.json as { conversation: { id: string } }).conversation.id

      const body = new Sdk.ClientCreate(
        new Sdk.MatchCriteriaTwilio("twilio", "5e8b49d936c1df272e8e1460", "+15145550001"),
        new Sdk.Confirmation("immediate"),
        new Sdk.Target(conversationId)
      )
      const created = yield* promise(() => api.createClient(appId, externalId, body))
      expect(created.client).toMatchObject({ type: "twilio", status: "pending" })

      const listed = yield* promise(() => api.listClients(appId, externalId, {}))
      expect(listed.clients.map((c: { id: string }) => c.id)).toEqual([created.client.id])

      yield* promise(() => api.removeClient(appId, externalId, created.client.id))
      const gone = yield* Effect.flip(promise(() => api.removeClient(appId, externalId, created.client.id)))
      expect(gone).toEqual({
        status: 404,
        body: { errors: [{ code: "client_not_found", title: "Client not found" }] }
      })
      expect((yield* promise(() => api.listClients(appId, externalId, {}))).clients).toEqual([])
    }))
}
