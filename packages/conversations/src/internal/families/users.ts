/**
 * The Users family: one entry per operation (see `conversations.ts`).
 */
import * as Facts from "../../generated/Operations.js"
import { type User, UserCreateBody, UserResponse } from "../../User.js"
import * as Validation from "../../Validation.js"
import { decoder } from "../decode.js"
import { define, envelope } from "../operation.js"

export const users = {
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
  create: define(Facts.CreateUser)({
    args: (body: UserCreateBody) => ({ body }),
    body: UserCreateBody,
    check: ({ body }, options) => Validation.checkUserCreateBody(body, options),
    response: envelope<"user", User>("user", decoder(UserResponse)),
    errors: ["BadRequest"],
    repeatable: false
  })
}
