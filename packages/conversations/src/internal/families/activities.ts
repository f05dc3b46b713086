/**
 * The Activities family: one entry per operation (see `conversations.ts`).
 */
import * as Facts from "../../generated/Operations.js"
import { ActivityPost } from "../../generated/Schemas.js"
import { checkActivity } from "../checks/activities.js"
import { define, empty } from "../operation.js"

export const activities = {
  /**
   * PostActivity: tell the conversation that the business is typing
   * (`typing:start`, `typing:stop`) or that someone read it
   * (`conversation:read`). A user author can only post `conversation:read`
   * (checked before sending), must be a participant (`BadRequest` otherwise;
   * an unknown user is `UserNotFound`), and marks the conversation read for
   * their participant (`lastRead` set, `unreadCount` back to 0). Each
   * activity sets a state, so repeating one that may have reached the
   * service is harmless.
   *
   * @example
   * ```ts
   * import { Activities } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const activities = yield* Activities
   *   const conversationId = "c93bb9c14dde8ffb94564eae"
   *   yield* activities.post(conversationId, { author: { type: "business" }, type: "typing:start" })
   *   yield* activities.post(conversationId, {
   *     author: { type: "user", userId: "42589ad070d43be9b00ff7e5" },
   *     type: "conversation:read"
   *   })
   * })
   * ```
   */
  post: define(Facts.PostActivity)({
    args: (conversationId: string, activity: ActivityPost) => ({ params: { conversationId }, body: activity }),
    body: ActivityPost,
    check: ({ body }, options) => checkActivity(body, options),
    response: empty,
    errors: ["ConversationNotFound", "UserNotFound", "BadRequest"],
    repeatable: true
  })
}
