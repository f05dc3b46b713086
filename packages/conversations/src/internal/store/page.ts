/**
 * What every cursor listing of the store shares: the service's default page
 * size, its cursors (record ids, 24 hex digits, so sorting by id is the
 * listing's order), the page query's validity, a search by id, and the cut
 * of a forward listing with its `meta` and `links`.
 */
import type { Links, Meta, Page } from "../../Pagination.js"
import { CURSOR_LENGTH } from "../../Validation.js"

/** The service's default page size (its `pageQuery`). */
export const DEFAULT_PAGE_SIZE = 25

const cursorPattern = new RegExp(`^[0-9a-f]{${CURSOR_LENGTH}}$`)

/** Both cursors, a cursor that is not a record id, or a size outside 1-100: the service's 400. */
export const isInvalidPage = ({ after, before, size = DEFAULT_PAGE_SIZE }: Page): boolean =>
  (after !== undefined && before !== undefined) ||
  (after !== undefined && !cursorPattern.test(after)) ||
  (before !== undefined && !cursorPattern.test(before)) ||
  !Number.isInteger(size) || size < 1 || size > 100

/** Index of the first item, in id order, whose id is greater than (or equal to, if `inclusive`) `id`. */
export const lowerBound = <A>(
  items: ReadonlyArray<A>,
  id: string,
  inclusive: boolean,
  idOf: (item: A) => string
): number => {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const v = idOf(items[mid]!)
    if (v < id || (!inclusive && v === id)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * One page of `items` (in id order) as the service cuts a forward listing:
 * `page[after]` or none reads onwards, `page[before]` the page just before;
 * `hasMore` looks in the direction of travel.
 */
export const pageOf = <A>(items: ReadonlyArray<A>, page: Page, idOf: (item: A) => string) => {
  const size = page.size ?? DEFAULT_PAGE_SIZE
  let start: number
  let end: number
  if (page.before !== undefined) {
    end = lowerBound(items, page.before, true, idOf)
    start = Math.max(0, end - size)
  } else {
    start = page.after === undefined ? 0 : lowerBound(items, page.after, false, idOf)
    end = Math.min(items.length, start + size)
  }
  const slice = items.slice(start, end)
  const first = slice[0]
  const last = slice[slice.length - 1]
  const meta: Meta = {
    hasMore: page.before !== undefined ? start > 0 : end < items.length,
    ...(end < items.length && last !== undefined ? { afterCursor: idOf(last) } : {}),
    ...(start > 0 && first !== undefined ? { beforeCursor: idOf(first) } : {})
  }
  return { slice, meta, size }
}

/** A page's `links`: `base` (ending in `?` or `&`) with the cursor of each direction that has one. */
export const pageLinks = (base: string, meta: Meta, size: number): Links => ({
  ...(meta.beforeCursor ? { prev: `${base}page[before]=${meta.beforeCursor}&page[size]=${size}` } : {}),
  ...(meta.afterCursor ? { next: `${base}page[after]=${meta.afterCursor}&page[size]=${size}` } : {})
})
