/** The behavioural suite against the direct undici transport talking to the emulator. */
import { Credentials, IntegrationWebhooks } from "@sunco-effect/conversations"
import { Undici } from "@sunco-effect/conversations/Undici"
import { Emulator } from "@sunco-effect/emulator"
import { Effect, Layer } from "effect"
import { accountKey, appKey, AppKeyed, behaviourSuite, seed } from "../src/index.js"

const client = (key: { readonly id: string; readonly secret: string }) =>
  Layer.unwrapEffect(Effect.map(Emulator, (emulator) =>
    Undici.layer({
      baseUrl: emulator.baseUrl,
      credentials: Credentials.basic({ keyId: key.id, secret: key.secret })
    })))

behaviourSuite(
  "behaviour: undici transport against the emulator",
  Layer.merge(client(accountKey), Layer.effect(AppKeyed, IntegrationWebhooks).pipe(Layer.provide(client(appKey)))).pipe(
    Layer.provide(Emulator.layer({ seed }))
  )
)
