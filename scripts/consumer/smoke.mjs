// Bun and Deno: every operation over the platform's fetch client, from the
// packed packages: against the emulator's CLI (run by Node), then against an
// emulator started in this very runtime through EmulatorClient.layer.
import { FetchHttpClient } from "@effect/platform"
import * as conversations from "@sunco-effect/conversations"
import { Emulator, EmulatorClient } from "@sunco-effect/emulator"
import * as effect from "effect"
import { everyOperation } from "./operations.mjs"

const { Layer } = effect
const runtime = globalThis.Bun
  ? `Bun ${Bun.version}`
  : globalThis.Deno
  ? `Deno ${Deno.version.deno}`
  : `Node ${process.versions.node}`
const overFetch = conversations.Conversations.layerConfig().pipe(Layer.provide(FetchHttpClient.layer))
const done = await everyOperation({ effect, conversations, layer: overFetch })
const inProcess = EmulatorClient.layer().pipe(Layer.provide(Emulator.layer()), Layer.provide(FetchHttpClient.layer))
await everyOperation({ effect, conversations, layer: inProcess })
console.log(`smoke (${runtime}): ${done} over FetchHttpClient, against the CLI and against an in-process emulator`)
