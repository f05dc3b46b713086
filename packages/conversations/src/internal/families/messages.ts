/**
 * The Messages family: one entry per operation (see `conversations.ts`).
 */
import * as Either from "effect/Either"
import * as Facts from "../../generated/Operations.js"
import {
  type Message,
  type MessageListQuery,
  MessageListResponse,
  type MessagePage,
  MessagePost,
  MessagePostResponse
} from "../../Message.js"
import * as Validation from "../../Validation.js"
import { decoder } from "../decode.js"
import { define, empty, envelope } from "../operation.js"
import { paginated } from "../stream.js"

const decodeList = decoder(MessageListResponse)

export const messages = {
  /**
   * ListMessages: one page of a conversation's messages. The service pages
   * backwards: without a cursor it returns the newest page; `meta.hasMore`
   * and `meta.beforeCursor` lead to older ones (`page.after` walks forwards
   * instead). Each page holds its messages oldest to newest.
   *
   * Its pagination gives `stream` and `streamPages`. `stream` yields every
   * message exactly once, **newest page first, each page oldest to newest as
   * the service returns it** (pages of 3 over messages 1–7: 5 6 7, 2 3 4, 1).
   * Collect the pages and reverse them (or sort by `received`) for the whole
   * history in order.
   *
   * @example
   * ```ts
   * import { Messages } from "@sunco-effect/conversations"
   * import { Effect, Stream } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const messages = yield* Messages
   *   const newest = yield* messages.list("c93bb9c14dde8ffb94564eae", {})
   *   const history = yield* messages.stream("c93bb9c14dde8ffb94564eae", { page: { size: 100 } }).pipe(
   *     Stream.runCollect
   *   )
   *   return [newest.messages, history] as const
   * })
   * ```
   */
  list: define(Facts.ListMessages)({
    args: (conversationId: string, query: MessageListQuery) => ({ params: { conversationId }, query }),
    body: undefined,
    check: ({ query }, options) => query.page === undefined ? undefined : Validation.checkPage(query.page, options),
    response: {
      decode: (json) =>
        Either.map(decodeList(json), (r): MessagePage => ({
          messages: r.messages ?? [],
          meta: r.meta ?? {},
          links: r.links ?? {}
        })),
      encode: (page: MessagePage) => page
    },
    errors: ["ConversationNotFound", "InvalidPage"],
    repeatable: true,
    pagination: paginated("messages", "backward")
  }),
  /**
   * PostMessage: send a message as the business or as a user, who must be a
   * participant of the conversation (`BadRequest` otherwise; an unknown user
   * is `UserNotFound`). The body is checked before sending (the author, a
   * text message's `text` and its 4096-character limit, the metadata).
   * Returns the created messages (the `{ messages }` envelope unwrapped: a
   * template with leading text makes two). A conversation at the service's
   * limit of 30,000 messages refuses more with `Locked` (423) until messages
   * are deleted. Not repeated after a failure that may have reached the
   * service, which would post the message twice.
   *
   * @example
   * ```ts
   * import { Messages } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const messages = yield* Messages
   *   return yield* messages.post("c93bb9c14dde8ffb94564eae", {
   *     author: { type: "business", displayName: "Support" },
   *     content: { type: "text", text: "Hello! How can we help?" }
   *   })
   * })
   * ```
   */
  post: define(Facts.PostMessage)({
    args: (conversationId: string, body: MessagePost) => ({ params: { conversationId }, body }),
    body: MessagePost,
    check: ({ body }, options) => Validation.checkMessagePost(body, options),
    response: envelope<"messages", ReadonlyArray<Message>>("messages", decoder(MessagePostResponse)),
    errors: ["ConversationNotFound", "UserNotFound", "BadRequest", "Locked"],
    repeatable: false
  }),
  /**
   * DeleteAllMessages: empty the conversation (what makes room again once it
   * reaches the service's 30,000-message limit).
   *
   * @example
   * ```ts
   * import { Messages } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const messages = yield* Messages
   *   yield* messages.deleteAll("c93bb9c14dde8ffb94564eae")
   * })
   * ```
   */
  deleteAll: define(Facts.DeleteAllMessages)({
    args: (conversationId: string) => ({ params: { conversationId } }),
    body: undefined,
    check: () => undefined,
    response: empty,
    errors: ["ConversationNotFound"],
    repeatable: true
  }),
  /**
   * DeleteMessage: delete one message of the conversation. A message that is
   * not there fails with `ApiError` (404): the spec documents no code for it.
   *
   * @example
   * ```ts
   * import { Messages } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const messages = yield* Messages
   *   yield* messages.delete("c93bb9c14dde8ffb94564eae", "5e552ef595e5206375bb835d")
   * })
   * ```
   */
  delete: define(Facts.DeleteMessage)({
    args: (conversationId: string, messageId: string) => ({ params: { conversationId, messageId } }),
    body: undefined,
    check: () => undefined,
    response: empty,
    errors: ["ConversationNotFound"],
    repeatable: true
  })
}
