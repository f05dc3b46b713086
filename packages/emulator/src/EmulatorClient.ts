/**
 * The live client wired to an emulator: what the demo, the examples and the
 * end-to-end tests run on.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import {
  type AllServices,
  type ConfigurationError,
  Conversations,
  type ConversationsOptions,
  Credentials
} from "@sunco-effect/conversations"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { Emulator } from "./Emulator.js"

/**
 * Conversations and Users talking to the emulator in context, with its first
 * app key over basic auth, through the `HttpClient` in context: the runtime's
 * own (`NodeHttpClient.layerUndici` on Node, `FetchHttpClient.layer` on Bun
 * and Deno), so the same layer works on every runtime.
 *
 * @example
 * ```ts
 * import { NodeHttpClient } from "@effect/platform-node"
 * import { Emulator, EmulatorClient } from "@sunco-effect/emulator"
 * import { Layer } from "effect"
 *
 * const Live = EmulatorClient.layer().pipe(
 *   Layer.provideMerge(Emulator.layer()),
 *   Layer.provide(NodeHttpClient.layerUndici)
 * )
 * ```
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  overrides: Omit<Partial<ConversationsOptions>, "baseUrl"> = {}
): Layer.Layer<AllServices, ConfigurationError, Emulator | HttpClient.HttpClient> =>
  Layer.unwrapEffect(
    Effect.map(Emulator, (emulator) =>
      Conversations.layer({
        baseUrl: emulator.baseUrl,
        appId: emulator.appId,
        credentials: Credentials.basic({ keyId: emulator.keyId, secret: emulator.keySecret }),
        ...overrides
      }))
  )
