/**
 * The Conversations family: one entry per operation, the generated facts
 * plus what the spec cannot say. The service's methods are derived from these
 * entries (names, parameters, results, errors and this TSDoc).
 */
import * as Either from "effect/Either"
import { type Conversation, ConversationResponse } from "../../Conversation.js"
import { ConversationCreateBody, ConversationUpdateBody } from "../../ConversationBody.js"
import { DownloadMessageRefBody, DownloadMessageRefResponse } from "../../DownloadMessageRef.js"
import * as Facts from "../../generated/Operations.js"
import { type ConversionEvents, ConversionEventsBody, ConversionEventsResponse } from "../../generated/Schemas.js"
import * as ListQuery from "../../ListQuery.js"
import { ConversationListResponse, type ConversationPage } from "../../Pagination.js"
import * as Validation from "../../Validation.js"
import { checkConversionEvents } from "../checks/conversionEvents.js"
import { decoder } from "../decode.js"
import { define, empty, envelope } from "../operation.js"
import { paginated } from "../stream.js"

const conversation = envelope<"conversation", Conversation>("conversation", decoder(ConversationResponse))
const decodeList = decoder(ConversationListResponse)

export const conversations = {
  /**
   * CreateConversation. Returns the created conversation (the `{ conversation }` envelope unwrapped).
   *
   * @example
   * ```ts
   * import { Conversations } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const conversations = yield* Conversations
   *   return yield* conversations.create({
   *     type: "sdkGroup",
   *     participants: [{ userExternalId: "customer-17", subscribeSDKClient: true }],
   *     displayName: "Order #1234"
   *   })
   * })
   * ```
   */
  create: define(Facts.CreateConversation)({
    args: (body: ConversationCreateBody) => ({ body }),
    body: ConversationCreateBody,
    check: ({ body }, options) => Validation.checkCreateBody(body, options),
    response: conversation,
    errors: ["UserNotFound", "BadRequest"],
    repeatable: false
  }),
  /**
   * GetConversation.
   *
   * @example
   * ```ts
   * import { Conversations } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const conversations = yield* Conversations
   *   return yield* conversations.get("c93bb9c14dde8ffb94564eae")
   * })
   * ```
   */
  get: define(Facts.GetConversation)({
    args: (conversationId: string) => ({ params: { conversationId } }),
    body: undefined,
    check: () => undefined,
    response: conversation,
    errors: ["ConversationNotFound"],
    repeatable: true
  }),
  /**
   * ListConversations: one page. Its pagination gives `stream` (every
   * conversation of a user, following the cursors lazily; the same `filter`
   * and `page` as `list`, `page.size` per request, `page.after` or
   * `page.before` to start from a cursor, walking forwards or backwards, and
   * `readAhead`) and `streamPages` (every page, with `meta` and `links`).
   *
   * @example
   * ```ts
   * import { Conversations } from "@sunco-effect/conversations"
   * import { Effect, Stream } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const conversations = yield* Conversations
   *   const page = yield* conversations.list({ filter: { userId: "42589ad070d43be9b00ff7e5" }, page: { size: 50 } })
   *   const all = yield* conversations.stream({ filter: { userExternalId: "customer-17" }, page: { size: 100 } }).pipe(
   *     Stream.runCollect
   *   )
   *   return [page.meta.hasMore, all] as const
   * })
   * ```
   */
  list: define(Facts.ListConversations)({
    args: (query: ListQuery.ListQuery) => ({ query }),
    body: undefined,
    parseQuery: ListQuery.fromDecoded,
    check: ({ query }, options) => Validation.checkListQuery(query.filter, query.page, options),
    response: {
      decode: (json) =>
        Either.map(decodeList(json), (r): ConversationPage => ({
          conversations: r.conversations ?? [],
          meta: r.meta ?? {},
          links: r.links ?? {}
        })),
      encode: (page: ConversationPage) => page
    },
    errors: ["UserNotFound", "InvalidPage", "BadRequest"],
    repeatable: true,
    pagination: paginated("conversations", "forward")
  }),
  /**
   * UpdateConversation: only the given fields change; `null` clears a field.
   *
   * @example
   * ```ts
   * import { Conversations } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const conversations = yield* Conversations
   *   return yield* conversations.update("c93bb9c14dde8ffb94564eae", { displayName: "Renamed", description: null })
   * })
   * ```
   */
  update: define(Facts.UpdateConversation)({
    args: (conversationId: string, body: ConversationUpdateBody) => ({ params: { conversationId }, body }),
    body: ConversationUpdateBody,
    check: ({ body }, options) => Validation.checkUpdateBody(body, options),
    response: conversation,
    errors: ["ConversationNotFound", "BadRequest"],
    repeatable: true
  }),
  /**
   * DeleteConversation. A user's default conversation fails with `DefaultConversationUndeletable`.
   *
   * @example
   * ```ts
   * import { Conversations } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const conversations = yield* Conversations
   *   yield* conversations.delete("c93bb9c14dde8ffb94564eae").pipe(
   *     Effect.catchTag("DefaultConversationUndeletable", () => Effect.void)
   *   )
   * })
   * ```
   */
  delete: define(Facts.DeleteConversation)({
    args: (conversationId: string) => ({ params: { conversationId } }),
    body: undefined,
    check: () => undefined,
    response: empty,
    errors: ["ConversationNotFound", "DefaultConversationUndeletable", "BadRequest"],
    repeatable: true
  }),
  /**
   * DownloadMessageRef: fetch the data behind a third-party channel's message reference (Apple only).
   */
  downloadMessageRef: define(Facts.DownloadMessageRef)({
    args: (conversationId: string, body: DownloadMessageRefBody) => ({ params: { conversationId }, body }),
    body: DownloadMessageRefBody,
    check: ({ body }) => Validation.checkDownloadMessageRefBody(body),
    response: { decode: decoder(DownloadMessageRefResponse), encode: (value: DownloadMessageRefResponse) => value },
    errors: ["ConversationNotFound", "UserNotFound", "BadRequest"],
    repeatable: false
  }),
  /**
   * PostConversionEvents: report the end user's conversion events on one
   * Meta channel (`messenger`, `instagram` or `whatsapp`, exactly one,
   * checked before sending) to Meta's Conversions API, each event in the
   * shape Meta expects without `user_data` and `messaging_channel` (the
   * service adds them). Returns how many events were received and the
   * dataset they went to (the `{ conversionEvents }` envelope unwrapped).
   * Not repeated after a failure that may have reached the service, which
   * would report the events twice.
   *
   * @example
   * ```ts
   * import { Conversations } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const conversations = yield* Conversations
   *   const received = yield* conversations.postConversionEvents("c93bb9c14dde8ffb94564eae", {
   *     instagram: {
   *       payload: { data: [{ action_source: "business_messaging", event_name: "Purchase", event_time: 1752161233 }] }
   *     }
   *   })
   *   return received.eventsReceived
   * })
   * ```
   */
  postConversionEvents: define(Facts.PostConversionEvents)({
    args: (conversationId: string, events: ConversionEventsBody) => ({ params: { conversationId }, body: events }),
    body: ConversionEventsBody,
    check: ({ body }) => checkConversionEvents(body),
    response: envelope<"conversionEvents", ConversionEvents>(
      "conversionEvents",
      decoder(ConversionEventsResponse)
    ),
    errors: ["ConversationNotFound", "BadRequest"],
    repeatable: false
  })
}
