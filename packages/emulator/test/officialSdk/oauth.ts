/**
 * The official JavaScript SDK (sunshine-conversations-client 14.1.0) drives
 * GetToken and RevokeAccess against the emulator. Its Authorize follows the
 * 302 (superagent does), so the redirect is read with fetch; the SDK has no
 * GetTokenInfo, so ours asks it (and revokes a second token, so our client
 * goes through the proxy for every OAuth operation the behaviour suite lacks).
 */
import { NodeHttpClient } from "@effect/platform-node"
import { expect } from "@effect/vitest"
import { Conversations, Credentials, OAuth, type OAuthService } from "@sunco-effect/conversations"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { promise, Sdk, type Section } from "../support/OfficialSdk.js"

const oauthApi = (token: string | undefined) =>
  Effect.map(Emulator, (emulator) => {
    const client = new Sdk.ApiClient()
    client.basePath = emulator.baseUrl
    if (token !== undefined) client.authentications.bearerAuth.accessToken = token
    return new Sdk.OAuthEndpointsApi(client)
  })

/** Our client's OAuth operations, with the token as bearer credentials. */
const withToken = <A, E>(token: string, f: (oauth: OAuthService) => Effect.Effect<A, E>) =>
  Effect.gen(function*() {
    const { appId, baseUrl } = yield* Emulator
    return yield* Effect.flatMap(OAuth, f).pipe(
      Effect.provide(Conversations.layer({ baseUrl, appId, credentials: Credentials.bearer(token) })),
      Effect.provide(NodeHttpClient.layerUndici)
    )
  })
const tokenInfo = (token: string) => withToken(token, (oauth) => oauth.getTokenInfo())

/** A token the SDK gets for a code from Authorize. */
const sdkToken = Effect.gen(function*() {
  const { baseUrl } = yield* Emulator
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
  return token.access_token as string
})

export const oauth: Section = (it) => {
  it.effect("OAuth: exchange a code for a token, then revoke the access it gives", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const token = yield* sdkToken
      expect((yield* tokenInfo(token)).id).toBe(appId)

      const asIntegration = yield* oauthApi(token)
      yield* promise(() => asIntegration.revokeAccess())
      const revoked = yield* Effect.flip(promise(() => asIntegration.revokeAccess()))
      expect(revoked.status).toBe(401)
      expect((yield* Effect.flip(tokenInfo(token)))._tag).toBe("Unauthorized")
    }))

  it.effect("OAuth: our client revokes a token the SDK got; GetTokenInfo then refuses it", () =>
    Effect.gen(function*() {
      const token = yield* sdkToken
      yield* withToken(token, (oauth) => oauth.revokeAccess())
      expect((yield* Effect.flip(tokenInfo(token)))._tag).toBe("Unauthorized")
    }))
}
