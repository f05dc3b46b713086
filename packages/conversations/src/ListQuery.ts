/**
 * The list query (`filter[…]` and `page[…]`) on the wire, in one place:
 * the client encodes it, the emulator decodes it, and the in-memory store
 * builds `links` with it, so the three cannot disagree.
 *
 * @since 0.2.0
 */
import * as Either from "effect/Either"
import { conversationsPath } from "./internal/path.js"
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

const key = {
  userId: encodeURIComponent("filter[userId]"),
  userExternalId: encodeURIComponent("filter[userExternalId]"),
  after: encodeURIComponent("page[after]"),
  before: encodeURIComponent("page[before]"),
  size: encodeURIComponent("page[size]")
}

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
export const encode = (query: ListQuery): string => {
  const { filter, page } = query
  let q = "userId" in filter
    ? `?${key.userId}=${encodeURIComponent(filter.userId)}`
    : `?${key.userExternalId}=${encodeURIComponent(filter.userExternalId)}`
  if (page?.after !== undefined) q += `&${key.after}=${encodeURIComponent(page.after)}`
  if (page?.before !== undefined) q += `&${key.before}=${encodeURIComponent(page.before)}`
  if (page?.size !== undefined) q += `&${key.size}=${page.size}`
  return q
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
export const decode = (search: string): Either.Either<ListQuery, string> => {
  // URLSearchParams drops one leading "?" itself.
  const params = new URLSearchParams(search)
  const userId = params.get("filter[userId]")
  const userExternalId = params.get("filter[userExternalId]")
  const filter: ConversationListFilter | undefined = userId === null
    ? (userExternalId === null ? undefined : { userExternalId })
    : (userExternalId === null ? { userId } : undefined)
  if (filter === undefined) return Either.left("Exactly one of filter[userId] or filter[userExternalId] is required")
  const after = params.get("page[after]")
  const before = params.get("page[before]")
  const size = params.get("page[size]")
  if (size !== null && !/^\d+$/.test(size)) return Either.left("page[size] must be a whole number")
  const page: Page = {
    ...(after === null ? {} : { after }),
    ...(before === null ? {} : { before }),
    ...(size === null ? {} : { size: Number(size) })
  }
  return Either.right(Object.keys(page).length > 0 ? { filter, page } : { filter })
}

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
  const base = `${baseUrl}${conversationsPath(appId)}?` +
    ("userId" in filter
      ? `filter[userId]=${encodeURIComponent(filter.userId)}`
      : `filter[userExternalId]=${encodeURIComponent(filter.userExternalId)}`)
  return {
    ...(meta.beforeCursor ? { prev: `${base}&page[before]=${meta.beforeCursor}&page[size]=${size}` } : {}),
    ...(meta.afterCursor ? { next: `${base}&page[after]=${meta.afterCursor}&page[size]=${size}` } : {})
  }
}
