/**
 * The official JavaScript SDK (sunshine-conversations-client 14.1.0) drives
 * GetToken and RevokeAccess against the emulator. Its Authorize follows the
 * 302 (superagent does), so the redirect is read with fetch; the SDK has no
 * GetTokenInfo (ours is used for it in the behaviour suite).
 */
import { expect, layer } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { createRequire } from "node:module"
import { call } from "./support/Http.js"

const require = createRequire(import.meta.url)
// The SDK is CommonJS and untyped.
const SunshineConversationsClient: any = require("sunshine-conversations-client")

const oauthApi = (token: string | undefined) =>
  Effect.map(Emulator, (emulator) => {
    const client = new SunshineConversationsClient.ApiClient()
    client.basePath = emulator.baseUrl
    if (token !== undefined) client.authentications.bearerAuth.accessToken = token
    return new SunshineConversationsClient.OAuthEndpointsApi(client)
  })

const promise = (f: () => Promise<any>) =>
  Effect.tryPromise({ try: f, catch: (e: any) => ({ status: e?.status as number, body: e?.response?.body }) })

layer(Emulator.layer(), { timeout: "30 seconds" })("the official SDK: OAuth", (it) => {
  it.effect("exchange a code for a token, then revoke the access it gives", () =>
    Effect.gen(function*() {
      const { appId, baseUrl } = yield* Emulator
      const redirect = yield* Effect.promise(() =>
        fetch(`${baseUrl}/oauth/authorize?client_id=sdk-client&response_type=code`, { redirect: "manual" })
      )
      expect(redirect.status).toBe(302)
      const code = new URL(redirect.headers.get("location") ?? "").searchParams.get("code")

      const api = yield* oauthApi(undefined)
      const token = yield* promise(() =>
        api.getToken({ code, grant_type: "authorization_code", client_id: "sdk-client", client_secret: "s" })
      )
      expect(token.token_type).toBe("Bearer")
      const info = yield* call("GET", "/v2/tokenInfo", { authorization: `Bearer ${token.access_token}` })
      expect((info.json as { app: { id: string } }).app.id).toBe(appId)

      const asIntegration = yield* oauthApi(token.access_token)
      yield* promise(() => asIntegration.revokeAccess())
      const revoked = yield* Effect.flip(promise(() => asIntegration.revokeAccess()))
      expect(revoked.status).toBe(401)
    }))
})
