// Type-checked with module node16 in a CommonJS package: the require() types.
import { Conversations, Credentials, Host } from "@sunco-effect/conversations"
import { Undici } from "@sunco-effect/conversations/Undici"
import { Emulator, EmulatorClient } from "@sunco-effect/emulator"
import { Effect, Layer, Redacted } from "effect"

const live: Layer.Layer<Conversations, unknown> = Undici.layer({
  baseUrl: Host.us,
  appId: "5d8cff3cd55b040010928b5b",
  credentials: Credentials.basic({ keyId: "app_1", secret: Redacted.make("s") })
})
export const program = Effect.flatMap(Conversations, (c) => c.get("c93bb9c14dde8ffb94564eae")).pipe(
  Effect.provide(live)
)
export const other = Effect.flatMap(
  Conversations,
  (c) => c.forApp("5d8cff3cd55b040010928b5c").list({ filter: { userId: "u" } })
)
export const emulated = EmulatorClient.layer().pipe(Layer.provide(Emulator.layer()))
