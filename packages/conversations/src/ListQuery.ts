/**
 * The list query (`filter[…]` and `page[…]`) on the wire, in one place:
 * the client encodes it, the emulator decodes it, and the in-memory store
 * builds `links` with it, so the three cannot disagree.
 *
 * @since 0.2.0
 */
import * as Either from "effect/Either"
import { ListConversations } from "./generated/Operations.js"
import { segment } from "./internal/path.js"
import { compileQuery, type DecodedQuery } from "./internal/query.js"
import type { ConversationListFilter, Links, Meta, Page } from "./Pagination.js"

/**
 * A ListConversations query: whose conversations, and which page.
 *
 * @example
 * ```ts
 * import type { ListQuery } from "@sunco-effect/conversations"
 *
 * const query: ListQuery.ListQuery = { filter: { userExternalId: "customer-17" }, page: { size: 50 } }
 * ```
 * @since 0.1.0
 * @category models
 */
export interface ListQuery {
  readonly filter: ConversationListFilter
  readonly page?: Page | undefined
}

// The ListConversations query's codec, from the generated facts of its parameters.
const codec = compileQuery(ListConversations.query)

/**
 * The query string, `?` included: every key percent-encoded, every page key
 * that is set sent (the official JS SDK sends only the first).
 *
 * @example
 * ```ts
 * import { ListQuery } from "@sunco-effect/conversations"
 *
 * ListQuery.encode({ filter: { userId: "u1" }, page: { size: 10 } })
 * // "?filter%5BuserId%5D=u1&page%5Bsize%5D=10"
 * ```
 * @since 0.2.0
 * @category codec
 */
export const encode = (query: ListQuery): string => codec.encode(query)

const text = (value: unknown): string | undefined => typeof value === "string" ? value : undefined

/**
 * A ListConversations query from its decoded deepObject form: exactly one
 * filter; the page's own rules are the store's.
 *
 * @since 0.2.0
 * @category codec
 */
export const fromDecoded = (decoded: DecodedQuery): Either.Either<ListQuery, string> => {
  const f = decoded.filter
  const userId = typeof f === "object" ? text(f.userId) : undefined
  const userExternalId = typeof f === "object" ? text(f.userExternalId) : undefined
  const filter: ConversationListFilter | undefined = userId === undefined
    ? (userExternalId === undefined ? undefined : { userExternalId })
    : (userExternalId === undefined ? { userId } : undefined)
  if (filter === undefined) return Either.left("Exactly one of filter[userId] or filter[userExternalId] is required")
  const p = decoded.page
  if (typeof p !== "object") return Either.right({ filter })
  const page: Page = {
    ...(p.after === undefined ? {} : { after: String(p.after) }),
    ...(p.before === undefined ? {} : { before: String(p.before) }),
    ...(typeof p.size === "number" ? { size: p.size } : {})
  }
  return Either.right({ filter, page })
}

/**
 * Read a query string as the service does: deepObject keys, percent-encoded
 * or not. Fails with the reason when there is not exactly one filter, or a
 * page size is not a whole number; the page's own rules are the store's.
 *
 * @example
 * ```ts
 * import { ListQuery } from "@sunco-effect/conversations"
 *
 * ListQuery.decode("?filter[userExternalId]=ada&page[size]=5")
 * // Either.right({ filter: { userExternalId: "ada" }, page: { size: 5 } })
 * ```
 * @since 0.2.0
 * @category codec
 */
export const decode = (search: string): Either.Either<ListQuery, string> =>
  Either.flatMap(codec.decode(search), fromDecoded)

/**
 * The `links` of a page: absolute URLs of the previous and next pages, in
 * the spec's own form (`page[after]=…`, as in its example), when there are
 * such pages.
 *
 * @since 0.2.0
 * @category codec
 */
export const links = (
  baseUrl: string,
  appId: string,
  filter: ConversationListFilter,
  meta: Meta,
  size: number
): Links => {
  const base = `${baseUrl}/v2/apps/${segment(appId)}/conversations?` +
    ("userId" in filter
      ? `filter[userId]=${encodeURIComponent(filter.userId)}`
      : `filter[userExternalId]=${encodeURIComponent(filter.userExternalId)}`)
  return {
    ...(meta.beforeCursor ? { prev: `${base}&page[before]=${meta.beforeCursor}&page[size]=${size}` } : {}),
    ...(meta.afterCursor ? { next: `${base}&page[after]=${meta.afterCursor}&page[size]=${size}` } : {})
  }
}
