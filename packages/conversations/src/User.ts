/**
 * The user resource: the spec's `user`, the bodies of its create and update,
 * its responses, and the queries of the Users operations. Used by the Users
 * service, the store and the emulator's routes.
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

/**
 * The spec's `userUpdateBody`: only the given fields change (`profile` field by
 * field, `null` clearing one; `metadata` as a whole, `null` clearing it).
 *
 * @example
 * ```ts
 * import type { UserUpdateBody } from "@sunco-effect/conversations"
 *
 * const body: UserUpdateBody = { profile: { givenName: "Ada", surname: null }, metadata: { plan: "pro" } }
 * ```
 * @since 0.2.0
 * @category schemas
 */
export const UserUpdateBody = Schema.Struct({
  signedUpAt: Schema.optional(Schema.String),
  toBeRetained: Schema.optional(Schema.Boolean),
  profile: Schema.optional(Profile),
  metadata: Schema.optional(Schema.NullOr(MetadataInput))
})

/**
 * @since 0.2.0
 * @category models
 */
export interface UserUpdateBody extends Schema.Schema.Type<typeof UserUpdateBody> {}

/**
 * The spec's `userListResponse`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const UserListResponse = Schema.Struct({ users: Schema.optional(Schema.Array(User)) })

/**
 * @since 0.2.0
 * @category models
 */
export interface UserListResponse extends Schema.Schema.Type<typeof UserListResponse> {}

/**
 * The brand of a brand-separated user, for the operations that find a user by
 * its id or external id (`userIdOrExternalId`): given, an external id finds
 * only that brand's user.
 *
 * @since 0.2.0
 * @category models
 */
export interface BrandQuery {
  readonly brandId?: string | undefined
}

/**
 * The query of `Users.list`: the email identity to look for (the service
 * matches emails in `identities`, never `profile.email`).
 *
 * @since 0.2.0
 * @category models
 */
export interface UserListQuery extends BrandQuery {
  readonly filter: { readonly "identities.email": string }
}
