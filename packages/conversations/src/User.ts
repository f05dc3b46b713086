/**
 * The parts of the user resource that conversations need: the spec's `user`,
 * `userCreateBody` and `userResponse`. Used by `Users.create` and by the
 * emulator's CreateUser route.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Metadata, MetadataInput } from "./Metadata.js"

const text = Schema.optional(Schema.NullOr(Schema.String))

/**
 * The spec's `profile`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Profile = Schema.Struct({
  givenName: text,
  surname: text,
  email: text,
  avatarUrl: text,
  locale: text
})

/**
 * The spec's `user`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const User = Schema.Struct({
  /** Always returned by the service; a response without one is a `ResponseDecodeError`. */
  id: Schema.String,
  authenticated: Schema.optional(Schema.Boolean),
  externalId: text,
  zendeskId: text,
  brandId: text,
  signedUpAt: Schema.optional(Schema.String),
  toBeRetained: Schema.optional(Schema.Boolean),
  profile: Schema.optional(Profile),
  metadata: Schema.optional(Metadata),
  identities: Schema.optional(
    Schema.Array(Schema.Struct({
      type: Schema.optional(Schema.String),
      value: Schema.optional(Schema.String),
      verification: Schema.optional(Schema.String)
    }))
  )
})

/**
 * @since 0.1.0
 * @category models
 */
export interface User extends Schema.Schema.Type<typeof User> {}

/**
 * The spec's `userCreateBody`.
 *
 * @example
 * ```ts
 * import type { UserCreateBody } from "@sunco-effect/conversations"
 *
 * const body: UserCreateBody = { externalId: "customer-17", profile: { givenName: "Ada" } }
 * ```
 * @since 0.1.0
 * @category schemas
 */
export const UserCreateBody = Schema.Struct({
  externalId: Schema.String,
  brandId: text,
  signedUpAt: Schema.optional(Schema.String),
  toBeRetained: Schema.optional(Schema.Boolean),
  profile: Schema.optional(Profile),
  metadata: Schema.optional(Schema.NullOr(MetadataInput))
})

/**
 * @since 0.1.0
 * @category models
 */
export interface UserCreateBody extends Schema.Schema.Type<typeof UserCreateBody> {}

/**
 * The spec's `userResponse`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UserResponse = Schema.Struct({ user: Schema.optional(User) })

/**
 * @since 0.1.0
 * @category models
 */
export interface UserResponse extends Schema.Schema.Type<typeof UserResponse> {}
