/**
 * OAuth: the endpoints of an OAuth integration, and what a token is. The
 * service serves them under `https://oauth-bridge.zendesk.com/sc`.
 *
 * @example
 * ```ts
 * import { Credentials, OAuth } from "@sunco-effect/conversations"
 * import { Effect, Redacted } from "effect"
 *
 * // The code arrives at your redirect URI once the user allowed your integration.
 * const program = (code: string) =>
 *   Effect.gen(function*() {
 *     const oauth = yield* OAuth
 *     const token = yield* oauth.getToken({
 *       code,
 *       clientId: "5e4af71a81966cfff3ef6550",
 *       clientSecret: Redacted.make("5XJ85yjUtRcaQu_pDINblPZb")
 *     })
 *     return Credentials.bearer(token.accessToken)
 *   })
 * ```
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import type * as Redacted from "effect/Redacted"
import { oauth } from "./internal/families/oauth.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
import type { families } from "./Operations.js"

/**
 * What `authorize` starts: the OAuth flow of your integration (`clientId`),
 * ending with a redirect to `redirectUri` carrying the code (and `state`).
 *
 * @since 0.2.0
 * @category models
 */
export interface AuthorizeRequest {
  readonly clientId: string
  /** Any value, given back with the code. */
  readonly state?: string | undefined
  readonly redirectUri?: string | undefined
}

/**
 * What `getToken` exchanges: the code the flow gave, and your integration's
 * OAuth client credentials.
 *
 * @since 0.2.0
 * @category models
 */
export interface TokenRequest {
  readonly code: string
  readonly clientId: string
  readonly clientSecret: Redacted.Redacted<string>
}

/**
 * An access token for the app that authorized your integration: use it as
 * bearer credentials (`Credentials.bearer`).
 *
 * @since 0.2.0
 * @category models
 */
export interface AccessToken {
  readonly accessToken: Redacted.Redacted<string>
  /** `Bearer`: every token the service issues is one. */
  readonly tokenType: string
}

/**
 * The OAuth operations of one app (derived from their entries in the operation table).
 *
 * @since 0.2.0
 * @category models
 */
export interface OAuthService extends Methods<typeof families.OAuth> {
  /** The same operations on another app. */
  readonly forApp: (appId: string) => OAuthService
}

/**
 * The OAuth service tag.
 *
 * @since 0.2.0
 * @category tags
 */
export class OAuth extends Context.Tag("@sunco-effect/conversations/OAuth")<OAuth, OAuthService>() {}

// Loading this module makes the family known to every layer (a program that never imports it does not bundle it).
register("OAuth", oauth)
