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
import { type ListError, ProtocolError } from "../ConversationsError.js"
import type { ListQuery } from "../ListQuery.js"
import type { ConversationPage, Page } from "../Pagination.js"

type List = (query: ListQuery, options?: CallOptions) => Effect.Effect<ConversationPage, ListError>

// The next page and the cursor that leads to it. `page.before` walks backwards (following
// `meta.beforeCursor`); otherwise forwards while `meta.hasMore`.
const nextPage = (options: StreamOptions, page: ConversationPage): Option.Option<readonly [string, Page]> => {
  const size = options.page?.size
  if (options.page?.before !== undefined) {
    const cursor = page.meta.beforeCursor
    return cursor === undefined ? Option.none() : Option.some([cursor, { before: cursor, size }])
  }
  const cursor = page.meta.afterCursor
  return page.meta.hasMore === true && cursor !== undefined
    ? Option.some([cursor, { after: cursor, size }])
    : Option.none()
}

const withReadAhead = <A, E>(stream: Stream.Stream<A, E>, options: StreamOptions) =>
  options.readAhead !== undefined && options.readAhead > 0
    ? Stream.buffer(stream, { capacity: options.readAhead })
    : stream

/**
 * How many pages in a row may bring no conversation while claiming more:
 * past this, the listing is making no progress and fails.
 */
export const MAX_EMPTY_PAGES = 3

/**
 * Pages, with a guard against a server that would keep the stream going for
 * ever: a cursor seen before (repeated, alternating, or a `beforeCursor` that
 * comes back) or more than `MAX_EMPTY_PAGES` empty pages in a row end the
 * stream with a `ProtocolError`. The cursors kept are 24 characters per page.
 */
const rawPages = (list: List, options: StreamOptions) =>
  Stream.suspend(() => {
    const seen = new Set<string>()
    let empty = 0
    const stuck = (detail: string): Effect.Effect<never, ProtocolError> =>
      Effect.fail(new ProtocolError({ operation: "Conversations.list", detail }))
    return Stream.paginateEffect(
      options.page ?? {},
      (page: Page): Effect.Effect<readonly [ConversationPage, Option.Option<Page>], ListError> =>
        Effect.flatMap(list({ filter: options.filter, page }, options), (result): Effect.Effect<
          readonly [ConversationPage, Option.Option<Page>],
          ProtocolError
        > => {
          const next = nextPage(options, result)
          if (Option.isNone(next)) return Effect.succeed([result, Option.none()] as const)
          const [cursor, page] = next.value
          if (seen.has(cursor)) return stuck(`the cursor ${cursor} came back: the listing would never end`)
          seen.add(cursor)
          empty = result.conversations.length === 0 ? empty + 1 : 0
          if (empty > MAX_EMPTY_PAGES) {
            return stuck(`${empty} pages in a row brought no conversation: the listing makes no progress`)
          }
          return Effect.succeed([result, Option.some(page)] as const)
        })
    )
  })

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
