/** The behavioural suite against the live client talking to the emulator over loopback HTTP. */
import { NodeHttpClient } from "@effect/platform-node"
import { Credentials } from "@sunco-effect/conversations"
import { Emulator, EmulatorClient } from "@sunco-effect/emulator"
import { Layer } from "effect"
import { accountKey, behaviourSuite, seed } from "../src/index.js"

behaviourSuite(
  "behaviour: live client against the emulator",
  EmulatorClient.layer({ credentials: Credentials.basic({ keyId: accountKey.id, secret: accountKey.secret }) }).pipe(
    Layer.provide(Emulator.layer({ seed })),
    Layer.provide(NodeHttpClient.layerUndici)
  )
)
