/** The behavioural suite against the direct undici transport talking to the emulator. */
import { Credentials } from "@sunco-effect/conversations"
import { Undici } from "@sunco-effect/conversations/Undici"
import { Emulator } from "@sunco-effect/emulator"
import { Effect, Layer } from "effect"
import { accountKey, behaviourSuite, seed } from "../src/index.js"

behaviourSuite(
  "behaviour: undici transport against the emulator",
  Layer.unwrapEffect(Effect.map(Emulator, (emulator) =>
    Undici.layer({
      baseUrl: emulator.baseUrl,
      credentials: Credentials.basic({ keyId: accountKey.id, secret: accountKey.secret })
    }))).pipe(Layer.provide(Emulator.layer({ seed })))
)
