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
import type { ListError } from "../ConversationsError.js"
import type { ListQuery } from "../ListQuery.js"
import type { CallOptions } from "../Operations.js"
import type { ConversationListFilter, ConversationPage, Page } from "../Pagination.js"

type List = (appId: string, query: ListQuery, options?: CallOptions) => Effect.Effect<ConversationPage, ListError>

/**
 * What to stream and how.
 *
 * @since 0.1.0
 * @category models
 */
export interface StreamOptions extends CallOptions {
  /** Whose conversations: exactly one of `userId` or `userExternalId`. */
  readonly filter: ConversationListFilter
  /** Records per request, 1-100. The service's default (25) when omitted. */
  readonly pageSize?: number | undefined
  /** Start after this cursor and walk forwards (following `meta.afterCursor`). */
  readonly after?: string | undefined
  /** Start before this cursor and walk backwards (following `meta.beforeCursor`). */
  readonly before?: string | undefined
  /**
   * Pages to fetch ahead while the consumer works on the current one.
   * 0 (the default) requests a page only when the consumer needs it.
   */
  readonly readAhead?: number | undefined
}

const nextPage = (options: StreamOptions, page: ConversationPage): Option.Option<Page> => {
  const size = options.pageSize
  if (options.before !== undefined) {
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

const rawPages = (list: List, appId: string, options: StreamOptions) =>
  Stream.paginateEffect(
    { after: options.after, before: options.before, size: options.pageSize } as Page,
    (page) =>
      Effect.map(
        list(appId, { filter: options.filter, page }, options),
        (result) => [result, nextPage(options, result)] as const
      )
  )

/** Every page of a listing, in the order the cursors lead. */
export const pages = (
  list: List,
  appId: string,
  options: StreamOptions
): Stream.Stream<ConversationPage, ListError> => withReadAhead(rawPages(list, appId, options), options)

/** Every conversation of a listing, page after page. */
export const conversations = (
  list: List,
  appId: string,
  options: StreamOptions
): Stream.Stream<Conversation, ListError> =>
  withReadAhead(rawPages(list, appId, options), options).pipe(
    Stream.mapChunks(Chunk.flatMap((page) => Chunk.unsafeFromArray(page.conversations)))
  )
