/** The behavioural suite against the live client talking to the emulator over loopback HTTP. */
import { NodeHttpClient } from "@effect/platform-node"
import { Credentials, IntegrationWebhooks } from "@sunco-effect/conversations"
import { Emulator, EmulatorClient } from "@sunco-effect/emulator"
import { Layer } from "effect"
import { accountKey, appKey, AppKeyed, behaviourSuite, seed } from "../src/index.js"

const client = (key: { readonly id: string; readonly secret: string }) =>
  EmulatorClient.layer({ credentials: Credentials.basic({ keyId: key.id, secret: key.secret }) })

behaviourSuite(
  "behaviour: live client against the emulator",
  Layer.merge(client(accountKey), Layer.effect(AppKeyed, IntegrationWebhooks).pipe(Layer.provide(client(appKey)))).pipe(
    Layer.provide(Emulator.layer({ seed })),
    Layer.provide(NodeHttpClient.layerUndici)
  )
)
