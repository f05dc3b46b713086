/**
 * The message resource and what the Messages operations take and return: the
 * spec's generated `message`, `messagePost` and `messageListResponse`, a page
 * of messages and the ListMessages query.
 *
 * @since 0.2.0
 */
import { Message, MessageListResponse, MessagePost, MessagePostResponse } from "./generated/Schemas.js"
import type { Links, Meta, Page } from "./Pagination.js"

export {
  /**
   * The spec's `message`: its `content` is an open union (a content type the
   * service adds later decodes as an unknown case, not a failure).
   *
   * @since 0.2.0
   * @category schemas
   */
  Message,
  /**
   * The spec's `messageListResponse`.
   *
   * @since 0.2.0
   * @category schemas
   */
  MessageListResponse,
  /**
   * The spec's `messagePost`: the PostMessage body.
   *
   * @since 0.2.0
   * @category schemas
   */
  MessagePost,
  /**
   * The spec's `messagePostResponse`.
   *
   * @since 0.2.0
   * @category schemas
   */
  MessagePostResponse
}

/**
 * The ListMessages query: the cursor page (`page.before` walks back in
 * history, `page.after` forwards; without either, the newest page).
 *
 * @since 0.2.0
 * @category models
 */
export interface MessageListQuery {
  readonly page?: Page | undefined
}

/**
 * One page of a conversation's messages, oldest to newest within the page as
 * the service returns it, with `meta` (`hasMore` looks in the direction of
 * travel: backwards unless `page.after` was given) and `links`.
 *
 * @since 0.2.0
 * @category models
 */
export interface MessagePage {
  readonly messages: ReadonlyArray<Message>
  readonly meta: Meta
  readonly links: Links
}
