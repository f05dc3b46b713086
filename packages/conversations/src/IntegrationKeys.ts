/**
 * Custom integration API keys: the keys a custom integration calls the API
 * with. Only the create call returns a key's secret, as a `Redacted`: keep it
 * then, it cannot be read again.
 *
 * @example
 * ```ts
 * import { Credentials, IntegrationKeys } from "@sunco-effect/conversations"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const keys = yield* IntegrationKeys
 *   const key = yield* keys.create("5e4af71a81966cfff3ef6550", { displayName: "Bot key" })
 *   // the bot's own credentials, from the key's id and secret
 *   return Credentials.basic({ keyId: key.id!, secret: key.secret! })
 * })
 * ```
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import type * as Redacted from "effect/Redacted"
import type * as Schemas from "./generated/Schemas.js"
import { integrationKeys } from "./internal/families/integrationKeys.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
import type { families } from "./Operations.js"

/**
 * A custom integration's API key: the spec's `apiKey`, its secret (given by
 * the create call only) kept in a `Redacted`.
 *
 * @since 0.2.0
 * @category models
 */
export interface IntegrationKey extends Omit<Schemas.ApiKey, "secret"> {
  /** Only in the create call's answer. */
  readonly secret?: Redacted.Redacted<string> | undefined
}

/**
 * The IntegrationKeys operations of one app (derived from their entries in the operation table).
 *
 * @since 0.2.0
 * @category models
 */
export interface IntegrationKeysService extends Methods<typeof families.IntegrationKeys> {
  /** The same operations on another app. */
  readonly forApp: (appId: string) => IntegrationKeysService
}

/**
 * The custom integration keys service tag.
 *
 * @since 0.2.0
 * @category tags
 */
export class IntegrationKeys
  extends Context.Tag("@sunco-effect/conversations/IntegrationKeys")<IntegrationKeys, IntegrationKeysService>()
{}

// Loading this module makes the family known to every layer (a program that never imports it does not bundle it).
register("IntegrationKeys", integrationKeys)
