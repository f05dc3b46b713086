/**
 * OAuth: the endpoints of an OAuth integration, and what a token is.
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import { oauth } from "./internal/families/oauth.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
import type { families } from "./Operations.js"

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
