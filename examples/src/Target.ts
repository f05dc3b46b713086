/**
 * Where the examples run: against the real service when the environment
 * names one (SUNCO_BASE_URL, SUNCO_SUBDOMAIN or SUNCO_REGION, plus
 * SUNCO_APP_ID, SUNCO_KEY_ID and SUNCO_KEY_SECRET), otherwise against an
 * emulator started in this process on a free loopback port.
 */
import { NodeHttpClient } from "@effect/platform-node"
import type { Users } from "@sunco-effect/conversations"
import { Conversations } from "@sunco-effect/conversations"
import { Emulator, EmulatorClient } from "@sunco-effect/emulator"
import { Console, Context, Layer } from "effect"

const useRealService = ["SUNCO_BASE_URL", "SUNCO_SUBDOMAIN", "SUNCO_REGION"].some((v) => process.env[v])

/** Conversations and Users, live, against the service or the embedded emulator. */
export const TargetLive: Layer.Layer<Conversations | Users, unknown> = useRealService
  ? Conversations.layerConfig().pipe(Layer.provide(NodeHttpClient.layerUndici))
  : EmulatorClient.layer().pipe(
    Layer.provide(
      Emulator.layer().pipe(Layer.tap((context) =>
        Console.log(
          `(no SUNCO_BASE_URL: running against an embedded emulator on loopback; its inspector: ${
            Context.get(context, Emulator).inspectorUrl
          })`
        )
      ))
    ),
    Layer.provide(NodeHttpClient.layerUndici)
  )
