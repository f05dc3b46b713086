/**
 * The official JavaScript SDK (sunshine-conversations-client 14.1.0), a client
 * we did not write, drives every family of the API against the emulator
 * through Prism's validating proxy: each family's section (test/officialSdk/)
 * checks what the SDK sees, and Prism finds nothing wrong with the SDK's
 * requests nor with the emulator's answers. The operations the SDK lacks
 * (ListUsers, SyncUser, PostConversionEvents, GetTokenInfo) go through our
 * client, through the same proxy.
 */
import { expect, layer } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { activities } from "./officialSdk/activities.js"
import { appKeys } from "./officialSdk/appKeys.js"
import { apps } from "./officialSdk/apps.js"
import { attachments } from "./officialSdk/attachments.js"
import { clients } from "./officialSdk/clients.js"
import { conversations } from "./officialSdk/conversations.js"
import { devices } from "./officialSdk/devices.js"
import { integrationKeys } from "./officialSdk/integrationKeys.js"
import { integrations } from "./officialSdk/integrations.js"
import { integrationWebhooks } from "./officialSdk/integrationWebhooks.js"
import { messages } from "./officialSdk/messages.js"
import { oauth } from "./officialSdk/oauth.js"
import { participants } from "./officialSdk/participants.js"
import { switchboards } from "./officialSdk/switchboards.js"
import { users } from "./officialSdk/users.js"
import { call } from "./support/Http.js"
import * as OfficialSdk from "./support/OfficialSdk.js"
import * as Prism from "./support/Prism.js"
import { ambiguousBodies } from "./support/PrismBodies.js"
import { seed } from "./support/UsersSeed.js"

const sections = [
  apps,
  appKeys,
  attachments,
  conversations,
  participants,
  messages,
  activities,
  switchboards,
  integrations,
  integrationKeys,
  integrationWebhooks,
  users,
  clients,
  devices,
  oauth
]

layer(OfficialSdk.layer({ seed }), { timeout: "30 seconds" })("the official SDK through Prism's proxy", (it) => {
  for (const section of sections) section(it)

  it.effect("the proxy does catch a request the spec refuses and a broken answer (then set aside)", () =>
    Effect.gen(function*() {
      const { appId, state } = yield* Emulator
      const { exchanges } = yield* Prism.PrismProxy
      yield* call("POST", `/v2/apps/${appId}/conversations`, { body: { type: "bogus" } })
      state.faults.set({ routes: { "Devices.list": { malformed: 1 } } })
      yield* call("GET", `/v2/apps/${appId}/users/ada/devices`)
      state.faults.set({})
      const caught = exchanges.splice(-2)
      expect(Prism.violationsByFamily(caught)).toEqual({
        Conversations: [expect.stringContaining("request.body.type: Request body property type must be equal to")],
        Devices: [expect.stringContaining("Prism answered 500 itself: FetchError: invalid json response body")]
      })
    }))

  it.effect("every family went through Prism, which found nothing wrong with the requests nor the answers", () =>
    Effect.gen(function*() {
      const { exchanges } = yield* Prism.PrismProxy
      console.log(Prism.summary("the official SDK 14.1.0 (and our client for what it lacks)", exchanges))
      expect(Prism.familiesSeen(exchanges)).toEqual(Prism.families)
      // Every operation but Authorize, whose 302 Prism cannot pass on (see `bypassed`).
      expect(Prism.operationsNotThroughPrism(exchanges)).toEqual(["Authorize"])
      Prism.expectNoViolations(exchanges)
      // The bodies Prism cannot judge were sent, so their check by ajv did something.
      const sent = new Set(exchanges.map((e) => e.operationId))
      expect(Object.keys(ambiguousBodies).filter((id) => !sent.has(id))).toEqual([])
    }))
})
