/**
 * The emulator's seed: the client's seed (apps, users, conversations) plus the
 * API keys that may call it. Keys belong here, not to the client: the test
 * layer has no credentials to check.
 *
 * @since 0.2.0
 */
import { Seed } from "@sunco-effect/conversations"
import * as Schema from "effect/Schema"

/**
 * An API key. `scope: "app"` keys reach only their own app; `"account"` keys reach every app.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SeedKey = Schema.Struct({
  // Not empty: the client refuses empty key ids, and `Basic base64(":secret")` should name no key.
  id: Schema.NonEmptyString,
  secret: Schema.String,
  scope: Schema.optional(Schema.Literal("app", "account"))
})

/**
 * @since 0.2.0
 * @category models
 */
export interface SeedKey extends Schema.Schema.Type<typeof SeedKey> {}

/**
 * An app of the seed, with its app-scoped keys. `zendeskHosted: true` makes it
 * the app of a Zendesk-hosted account: under `/sc` (the base URL
 * `https://{subdomain}.zendesk.com/sc`) only app and integration keys
 * authenticate on it; an account key or an account-scoped JWT gets 401, as a
 * key the account does not have.
 *
 * @since 0.2.0
 * @category schemas
 */
export const EmulatorApp = Schema.Struct({
  ...Seed.SeedApp.fields,
  keys: Schema.optional(Schema.Array(SeedKey)),
  zendeskHosted: Schema.optional(Schema.Boolean)
})

/**
 * The whole seed.
 *
 * @example
 * ```ts
 * import type { EmulatorSeed } from "@sunco-effect/emulator"
 *
 * const seed: EmulatorSeed.EmulatorSeed = {
 *   apps: [{
 *     id: "5d8cff3cd55b040010928b5b",
 *     keys: [{ id: "app_5d8cff3cd55b040010928b5c", secret: "s3cr3t", scope: "app" }],
 *     users: [{ id: "42589ad070d43be9b00ff7e5", externalId: "ada" }],
 *     conversations: [{ type: "personal", participants: ["ada"] }]
 *   }],
 *   accountKeys: [{ id: "act_5963ceb97cde542d000dbdb1", secret: "acc0unt" }]
 * }
 * ```
 * @since 0.2.0
 * @category schemas
 */
export const EmulatorSeed = Schema.Struct({
  apps: Schema.Array(EmulatorApp),
  accountKeys: Schema.optional(Schema.Array(SeedKey))
})

/**
 * @since 0.2.0
 * @category models
 */
export interface EmulatorSeed extends Schema.Schema.Type<typeof EmulatorSeed> {}
