/**
 * The spec's "one of these, not several" bodies (a `oneOf` of objects whose
 * properties are all optional, which no schema validator can tell apart):
 * exactly one of the keys is given, as a non-empty id when it is a string.
 */
import type { ValidationRule } from "../../ConversationsError.js"
import { checkId, type Violation } from "../../Validation.js"

export const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

export const violation = (field: string, rule: ValidationRule, detail: string): Violation => ({ field, rule, detail })

/** The one key of `keys` that `value` has, or what is wrong (none, several, not an object). */
export const exactlyOneOf = (
  field: string,
  value: unknown,
  keys: ReadonlyArray<string>
): { readonly key: string } | { readonly violation: Violation } => {
  if (!isRecord(value)) return { violation: violation(field, "type", "must be an object") }
  const given = keys.filter((key) => value[key] !== undefined)
  const [key] = given
  return given.length === 1 && key !== undefined
    ? { key }
    : { violation: violation(field, "exactlyOne", `must have exactly one of ${keys.join(", ")}`) }
}

/** Exactly one of `keys`, each an id (a non-empty string). */
export const exactlyOneId = (field: string, value: unknown, keys: ReadonlyArray<string>): Violation | undefined => {
  const one = exactlyOneOf(field, value, keys)
  if ("violation" in one) return one.violation
  const at = field === "body" ? one.key : `${field}.${one.key}`
  return checkId(at, isRecord(value) ? value[one.key] : undefined)
}
