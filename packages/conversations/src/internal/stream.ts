/**
 * Cursor pagination as lazy, pull-based streams, for any cursor-paginated
 * list: its declaration (`paginated(items, direction)`) is all it takes. A
 * page is requested only when the consumer pulls past the previous one,
 * unless read-ahead is asked for. Shared by the live client and the test layer.
 */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { ProtocolError } from "../ConversationsError.js"
import type { Operation } from "../Operations.js"
import type { Page } from "../Pagination.js"

/**
 * A cursor-paginated list: which field of a page holds its items, and which
 * way its cursors lead by default (`forward`: `page[after]` while `meta.hasMore`;
 * `backward`: `page[before]`, newest page first).
 *
 * @since 0.2.0
 * @category models
 */
export interface Pagination<K extends string> {
  readonly items: K
  readonly direction: "forward" | "backward"
}

/**
 * Declare an operation's pagination.
 *
 * @since 0.2.0
 * @category constructors
 */
export const paginated = <const K extends string>(items: K, direction: "forward" | "backward"): Pagination<K> => ({
  items,
  direction
})

/** What the stream reads of a page (the rest is the caller's). */
const field = (page: unknown, key: string): unknown =>
  typeof page === "object" && page !== null ? Reflect.get(page, key) : undefined

const cursorOf = (page: unknown, key: "afterCursor" | "beforeCursor"): string | undefined => {
  const cursor = field(field(page, "meta"), key)
  return typeof cursor === "string" ? cursor : undefined
}

const itemsOf = (page: unknown, key: string): ReadonlyArray<unknown> => {
  const items = field(page, key)
  return Array.isArray(items) ? items : []
}

/** How to walk one listing. */
export interface Walk {
  readonly operation: Operation
  readonly pagination: Pagination<string>
  /** The first page asked for (its cursor decides the direction when it has one). */
  readonly start: Page | undefined
  readonly readAhead?: number | undefined
}

// The next page and the cursor that leads to it. Backwards (a `page.before` to start from, or a backward
// list) follows `meta.beforeCursor`; forwards follows `meta.afterCursor` while `meta.hasMore`.
const nextPage = (walk: Walk, page: unknown): Option.Option<readonly [string, Page]> => {
  const size = walk.start?.size
  const hasMore = field(field(page, "meta"), "hasMore") === true
  if (
    walk.start?.before !== undefined || (walk.pagination.direction === "backward" && walk.start?.after === undefined)
  ) {
    const cursor = cursorOf(page, "beforeCursor")
    // A backward list says when the oldest page is reached; a conversations walk started backwards never did.
    const more = walk.pagination.direction === "forward" || hasMore
    return cursor === undefined || !more ? Option.none() : Option.some([cursor, { before: cursor, size }])
  }
  const cursor = cursorOf(page, "afterCursor")
  return hasMore && cursor !== undefined ? Option.some([cursor, { after: cursor, size }]) : Option.none()
}

const withReadAhead = <A, E>(stream: Stream.Stream<A, E>, readAhead: number | undefined) =>
  readAhead !== undefined && readAhead > 0 ? Stream.buffer(stream, { capacity: readAhead }) : stream

/**
 * How many pages in a row may bring no item while claiming more: past this,
 * the listing is making no progress and fails.
 */
export const MAX_EMPTY_PAGES = 3

/**
 * Pages, with a guard against a server that would keep the stream going for
 * ever: a cursor seen before (repeated, alternating, or a `beforeCursor` that
 * comes back) or more than `MAX_EMPTY_PAGES` empty pages in a row end the
 * stream with a `ProtocolError`. The cursors kept are 24 characters per page.
 */
const rawPages = <P, E>(walk: Walk, list: (page: Page) => Effect.Effect<P, E>) =>
  Stream.suspend(() => {
    const seen = new Set<string>()
    let empty = 0
    const stuck = (detail: string): Effect.Effect<never, ProtocolError> =>
      Effect.fail(new ProtocolError({ operation: walk.operation, detail }))
    return Stream.paginateEffect(
      walk.start ?? {},
      (page: Page): Effect.Effect<readonly [P, Option.Option<Page>], E | ProtocolError> =>
        Effect.flatMap(list(page), (result): Effect.Effect<readonly [P, Option.Option<Page>], ProtocolError> => {
          const next = nextPage(walk, result)
          if (Option.isNone(next)) return Effect.succeed([result, Option.none()] as const)
          const [cursor, page] = next.value
          if (seen.has(cursor)) return stuck(`the cursor ${cursor} came back: the listing would never end`)
          seen.add(cursor)
          empty = itemsOf(result, walk.pagination.items).length === 0 ? empty + 1 : 0
          if (empty > MAX_EMPTY_PAGES) {
            return stuck(
              `${empty} pages in a row brought no ${
                walk.pagination.items.replace(/s$/, "")
              }: the listing makes no progress`
            )
          }
          return Effect.succeed([result, Option.some(page)] as const)
        })
    )
  })

/** Every page of a listing, in the order the cursors lead. */
export const pages = <P, E>(
  walk: Walk,
  list: (page: Page) => Effect.Effect<P, E>
): Stream.Stream<P, E | ProtocolError> => withReadAhead(rawPages(walk, list), walk.readAhead)

/** Every item of a listing, page after page, each page's items in the order the page gives them. */
export const items = <P, E>(
  walk: Walk,
  list: (page: Page) => Effect.Effect<P, E>
): Stream.Stream<unknown, E | ProtocolError> =>
  withReadAhead(rawPages(walk, list), walk.readAhead).pipe(
    Stream.mapChunks(Chunk.flatMap((page) => Chunk.unsafeFromArray(itemsOf(page, walk.pagination.items))))
  )
