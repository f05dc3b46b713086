// Type-checked with module node16 in a CommonJS package: the require() types.
import { Conversations, Credentials, Host } from "@sunco-effect/conversations"
import { Undici } from "@sunco-effect/conversations/Undici"
import { Emulator, EmulatorClient } from "@sunco-effect/emulator"
import { Effect, Layer, Redacted } from "effect"

const live: Layer.Layer<Conversations, unknown> = Undici.layer({
  baseUrl: Host.us,
  credentials: Credentials.basic({ keyId: "app_1", secret: Redacted.make("s") })
})
export const program = Effect.flatMap(Conversations, (c) => c.get("app", "conversation")).pipe(Effect.provide(live))
export const emulated = EmulatorClient.layer().pipe(Layer.provide(Emulator.layer()))
