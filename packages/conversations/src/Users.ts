/**
 * Creating users, so programs (the demo, tests) can make the people their
 * conversations belong to. Provided by the same layers as `Conversations`.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import type { Methods } from "./internal/operation.js"
import type { families } from "./Operations.js"

/**
 * The Users operations of one app (derived from their entries in the operation table).
 *
 * @since 0.1.0
 * @category models
 */
export interface UsersService extends Methods<typeof families.Users> {
  /** The same operations on another app. */
  readonly forApp: (appId: string) => UsersService
}

/**
 * The users service tag.
 *
 * @since 0.1.0
 * @category tags
 */
export class Users extends Context.Tag("@sunco-effect/conversations/Users")<Users, UsersService>() {}
