/**
 * What every cursor listing of the store shares: the service's default page
 * size, its cursors (record ids, 24 hex digits, so sorting by id is the
 * listing's order), the page query's validity, and a search by id.
 */
import type { Page } from "../../Pagination.js"
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
