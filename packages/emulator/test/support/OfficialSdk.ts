/** The official JavaScript SDK (sunshine-conversations-client 14.1.0) pointed at an emulator, for the SDK tests. */
import { Emulator } from "@sunco-effect/emulator"
import { Effect, Redacted } from "effect"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
// The SDK is CommonJS and untyped.
export const Sdk: any = require("sunshine-conversations-client")

/** An SDK `ApiClient` with the emulator's app key, and the app. */
export const sdkClient = Effect.map(Emulator, (emulator) => {
  const client = new Sdk.ApiClient()
  client.basePath = emulator.baseUrl
  client.authentications.basicAuth.username = emulator.keyId
  client.authentications.basicAuth.password = Redacted.value(emulator.keySecret)
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
