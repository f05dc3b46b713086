/**
 * Our client through Prism's validating proxy: the behavioural suite (every
 * family's operations, as a user drives them) runs with Prism between the
 * client and the emulator, and Prism finds nothing wrong with the requests we
 * send nor with the emulator's answers, family by family.
 */
import { NodeHttpClient } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Credentials, IntegrationWebhooks } from "@sunco-effect/conversations"
import { Emulator, EmulatorClient } from "@sunco-effect/emulator"
import { Context, Effect, Layer } from "effect"
import { accountKey, appKey, AppKeyed, behaviourSuite, seed } from "../../behaviour/src/index.js"
import * as Prism from "./support/Prism.js"
import { ambiguousBodies } from "./support/PrismBodies.js"

const client = (key: { readonly id: string; readonly secret: string }) =>
  EmulatorClient.layer({ credentials: Credentials.basic({ keyId: key.id, secret: key.secret }) })

// The suite builds and ends its own layer; the exchanges outlive it for the check below.
let proxy: Context.Tag.Service<Prism.PrismProxy> | undefined
const throughPrism = Prism.layer.pipe(
  Layer.tap((context) => Effect.sync(() => (proxy = Context.get(context, Prism.PrismProxy)))),
  Layer.provide(Emulator.layer({ seed }))
)

behaviourSuite(
  "behaviour: live client through Prism's validating proxy",
  Layer.merge(client(accountKey), Layer.effect(AppKeyed, IntegrationWebhooks).pipe(Layer.provide(client(appKey)))).pipe(
    Layer.provide(throughPrism),
    Layer.provide(NodeHttpClient.layerUndici)
  )
)

describe("Prism on our client's exchanges", () => {
  it("every family went through the proxy, with zero violations", () => {
    const exchanges = proxy?.exchanges ?? []
    console.log(Prism.summary("our client (the behavioural suite)", exchanges))
    expect(Prism.familiesSeen(exchanges)).toEqual(Prism.families)
    // Authorize's 302 cannot pass Prism (see `bypassed`); officialSdk.test.ts drives our client's
    // GetTokenInfo and RevokeAccess through the proxy, which the behavioural suite does not call.
    expect(Prism.operationsNotThroughPrism(exchanges)).toEqual(["Authorize", "GetTokenInfo", "RevokeAccess"])
    Prism.expectNoViolations(exchanges)
  })

  it("the ambiguous oneOf bodies were sent, and checked against their intended branch", () => {
    const sent = new Set((proxy?.exchanges ?? []).map((e) => e.operationId))
    expect(Object.keys(ambiguousBodies).filter((id) => !sent.has(id))).toEqual([])
  })
})
