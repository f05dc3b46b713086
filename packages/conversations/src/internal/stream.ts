/**
 * Cursor pagination as lazy, pull-based streams, shared by the live client
 * and the test layer. A page is requested only when the consumer pulls past
 * the previous one, unless read-ahead is asked for.
 */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type { Conversation } from "../Conversation.js"
import type { StreamOptions } from "../Conversations.js"
import type { CallOptions } from "../Conversations.js"
import type { ListError } from "../ConversationsError.js"
import type { ListQuery } from "../ListQuery.js"
import type { ConversationPage, Page } from "../Pagination.js"

type List = (query: ListQuery, options?: CallOptions) => Effect.Effect<ConversationPage, ListError>

// `page.before` walks backwards (following `meta.beforeCursor`); otherwise forwards while `meta.hasMore`.
const nextPage = (options: StreamOptions, page: ConversationPage): Option.Option<Page> => {
  const size = options.page?.size
  if (options.page?.before !== undefined) {
    const cursor = page.meta.beforeCursor
    return cursor === undefined ? Option.none() : Option.some({ before: cursor, size })
  }
  const cursor = page.meta.afterCursor
  return page.meta.hasMore === true && cursor !== undefined ? Option.some({ after: cursor, size }) : Option.none()
}

const withReadAhead = <A, E>(stream: Stream.Stream<A, E>, options: StreamOptions) =>
  options.readAhead !== undefined && options.readAhead > 0
    ? Stream.buffer(stream, { capacity: options.readAhead })
    : stream

const rawPages = (list: List, options: StreamOptions) =>
  Stream.paginateEffect(
    options.page ?? {},
    (page: Page) =>
      Effect.map(
        list({ filter: options.filter, page }, options),
        (result) => [result, nextPage(options, result)] as const
      )
  )

/** Every page of a listing, in the order the cursors lead. */
export const pages = (
  list: List,
  options: StreamOptions
): Stream.Stream<ConversationPage, ListError> => withReadAhead(rawPages(list, options), options)

/** Every conversation of a listing, page after page. */
export const conversations = (
  list: List,
  options: StreamOptions
): Stream.Stream<Conversation, ListError> =>
  withReadAhead(rawPages(list, options), options).pipe(
    Stream.mapChunks(Chunk.flatMap((page) => Chunk.unsafeFromArray(page.conversations)))
  )
