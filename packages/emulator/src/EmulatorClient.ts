/**
 * The live client wired to an emulator: what the demo, the examples and the
 * end-to-end tests run on.
 *
 * @since 0.1.0
 */
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { Conversations, type ConversationsOptions, Credentials } from "@sunco-effect/conversations"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { Emulator } from "./Emulator.js"

/**
 * Conversations and Users talking to the emulator in context, with its first
 * app key over basic auth, through the undici HTTP client.
 *
 * @example
 * ```ts
 * const Live = EmulatorClient.layer().pipe(Layer.provideMerge(Emulator.layer()))
 * ```
 * @since 0.1.0
 * @category layers
 */
export const layer = (overrides: Omit<Partial<ConversationsOptions>, "baseUrl"> = {}) =>
  Layer.unwrapEffect(
    Effect.map(Emulator, (emulator) =>
      Conversations.layer({
        baseUrl: emulator.baseUrl,
        appId: emulator.appId,
        credentials: Credentials.basic({ keyId: emulator.keyId, secret: emulator.keySecret }),
        ...overrides
      }))
  ).pipe(Layer.provide(NodeHttpClient.layerUndici))
