/**
 * The official JavaScript SDK (sunshine-conversations-client 14.1.0) pointed at
 * an emulator through Prism's validating proxy, for the SDK tests: a section
 * per family (test/officialSdk/), run by officialSdk.test.ts on one emulator
 * and one proxy (Prism takes seconds to start), which ends by asserting Prism
 * found nothing wrong.
 */
import { NodeHttpClient } from "@effect/platform-node"
import type { Vitest } from "@effect/vitest"
import type { AllServices } from "@sunco-effect/conversations"
import { Emulator, EmulatorClient, type EmulatorOptions } from "@sunco-effect/emulator"
import { Effect, Layer, Redacted } from "effect"
import { createRequire } from "node:module"
import { call } from "./Http.js"
import * as Prism from "./Prism.js"

const require = createRequire(import.meta.url)
// The SDK is CommonJS and untyped.
export const Sdk: any = require("sunshine-conversations-client")

/**
 * An emulator behind Prism's proxy (the `Emulator` in context has the proxy's
 * address), and our client through it too, for the operations the SDK lacks.
 */
export const layer = (options: EmulatorOptions = {}) =>
  EmulatorClient.layer().pipe(
    Layer.provideMerge(Prism.layer.pipe(Layer.provide(Emulator.layer(options)))),
    Layer.provide(NodeHttpClient.layerUndici)
  )

/** One family's SDK scenarios. */
export type Section = (it: Vitest.MethodsNonLive<Emulator | Prism.PrismProxy | AllServices>) => void

/** An SDK `ApiClient` through the proxy, with the given key (the emulator's app key unless told), and the app. */
export const sdkClient = (key?: { readonly id: string; readonly secret: string }) =>
  Effect.map(Emulator, (emulator) => {
    const client = new Sdk.ApiClient()
    client.basePath = emulator.baseUrl
    client.authentications.basicAuth.username = key?.id ?? emulator.keyId
    client.authentications.basicAuth.password = key?.secret ?? Redacted.value(emulator.keySecret)
    return { client, appId: emulator.appId }
  })

/** An SDK call; a failure keeps its status and body. */
export const promise = (f: () => Promise<any>) =>
  Effect.tryPromise({ try: f, catch: (e: any) => ({ status: e?.status as number, body: e?.response?.body }) })

/** A custom integration made through the SDK, with its one webhook. */
export const sdkCustomIntegration = (client: unknown, appId: string) => {
  const api = new Sdk.IntegrationsApi(client)
  const custom = new Sdk.Custom("custom", [new Sdk.Webhook("https://example.com/hooks", ["conversation:message"])])
  custom.displayName = "SDK bot"
  return promise(() => api.createIntegration(appId, custom))
}

/** A new user (set up over plain HTTP, not by the SDK) in a new sdkGroup conversation. */
export const userInGroup = (prefix: string) =>
  Effect.gen(function*() {
    const { appId } = yield* Emulator
    const user = yield* call("POST", `/v2/apps/${appId}/users`, { body: { externalId: `${prefix}-${Date.now()}` } })
    const userId = (user.json as { user: { id: string } }).user.id
    const group = yield* call("POST", `/v2/apps/${appId}/conversations`, {
      body: { type: "sdkGroup", participants: [{ userId, subscribeSDKClient: false }] }
    })
    return { id: (group.json as { conversation: { id: string } }).conversation.id, userId }
  })
