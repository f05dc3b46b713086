/**
 * The seed format of the in-memory store: the apps, users and conversations
 * the test layer (and the emulator, which adds API keys of its own) start with.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { MetadataInput } from "./Metadata.js"

/**
 * The most conversations a seed may generate for one user (`conversationCount`);
 * the whole seed may hold at most twice as many. Bounded so that a seed cannot
 * stall the process that loads it.
 *
 * @since 0.2.0
 * @category constants
 */
export const MAX_GENERATED_CONVERSATIONS = 100_000

/**
 * @since 0.1.0
 * @category schemas
 */
export const SeedUser = Schema.Struct({
  id: Schema.optional(Schema.String),
  externalId: Schema.optional(Schema.String),
  givenName: Schema.optional(Schema.String),
  surname: Schema.optional(Schema.String),
  /** The core Zendesk user it is linked to (what `Users.sync` finds it by). @since 0.2.0 */
  zendeskId: Schema.optional(Schema.String),
  /** Its identities, such as `{ type: "email", value: "ada@example.org" }` (what `Users.list` filters on). @since 0.2.0 */
  identities: Schema.optional(Schema.Array(Schema.Struct({
    type: Schema.String,
    value: Schema.String,
    verification: Schema.optional(Schema.String)
  }))),
  /** Create this many `sdkGroup` conversations for the user (load tests, benchmarks), at most 100,000. */
  conversationCount: Schema.optional(Schema.Int.pipe(Schema.between(0, MAX_GENERATED_CONVERSATIONS)))
})

/**
 * A conversation to create at start. Participants are user ids or external ids.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SeedConversation = Schema.Struct({
  id: Schema.optional(Schema.String),
  type: Schema.optional(Schema.String),
  participants: Schema.optional(Schema.Array(Schema.String)),
  displayName: Schema.optional(Schema.String),
  description: Schema.optional(Schema.String),
  iconUrl: Schema.optional(Schema.String),
  metadata: Schema.optional(MetadataInput)
})

/**
 * @since 0.1.0
 * @category schemas
 */
export const SeedApp = Schema.Struct({
  id: Schema.String,
  displayName: Schema.optional(Schema.String),
  /**
   * The app's `settings.multiConvoEnabled` (default `true`): `false` refuses a
   * second personal conversation for a user, as the service does. @since 0.2.0
   */
  multiConvoEnabled: Schema.optional(Schema.Boolean),
  users: Schema.optional(Schema.Array(SeedUser)),
  conversations: Schema.optional(Schema.Array(SeedConversation))
})

/**
 * The whole seed.
 *
 * @example
 * ```ts
 * import type { Seed } from "@sunco-effect/conversations"
 *
 * const seed: Seed.Seed = {
 *   apps: [{
 *     id: "5d8cff3cd55b040010928b5b",
 *     users: [{ id: "42589ad070d43be9b00ff7e5", externalId: "ada" }],
 *     conversations: [{ type: "personal", participants: ["ada"] }]
 *   }]
 * }
 * ```
 * @since 0.1.0
 * @category schemas
 */
export const Seed = Schema.Struct({
  apps: Schema.Array(SeedApp)
})

/**
 * @since 0.1.0
 * @category models
 */
export interface Seed extends Schema.Schema.Type<typeof Seed> {}
