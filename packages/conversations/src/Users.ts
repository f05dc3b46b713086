/**
 * Creating users, so programs (the demo, tests) can make the people their
 * conversations belong to. Provided by the same layers as `Conversations`.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type { CallOptions } from "./Conversations.js"
import type { CreateUserError } from "./ConversationsError.js"
import type { User, UserCreateBody } from "./User.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface UsersService {
  /**
   * CreateUser: `POST /v2/apps/{appId}/users`, in the configured app. A taken `externalId` fails with `ApiError` (409).
   *
   * @example
   * ```ts
   * import { Users } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const users = yield* Users
   *   return yield* users.create({ externalId: "customer-17" })
   * })
   * ```
   */
  readonly create: (body: UserCreateBody, options?: CallOptions) => Effect.Effect<User, CreateUserError>
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
