/**
 * The spec's machine-readable request rules (generated into
 * `generated/Constraints.ts`) checked generically, so a family's entry states
 * `check: rulesOf(Constraints.SwitchboardUpdateBody)` instead of
 * hand-writing what the spec already says. Hand-written checks stay for the
 * rules in the spec's prose.
 */
import type { ValidationRule } from "../ConversationsError.js"
import { characterLength, isEmail, isUri, type ValidationOptions, type Violation } from "../Validation.js"

/**
 * The rules of one property, as the generator writes them.
 */
export interface Rules {
  readonly minLength?: number
  readonly maxLength?: number
  readonly minimum?: number
  readonly maximum?: number
  readonly minItems?: number
  readonly maxItems?: number
  readonly uniqueItems?: boolean
  readonly format?: string
  readonly enum?: ReadonlyArray<unknown>
}

const violation = (field: string, rule: ValidationRule, detail: string): Violation => ({ field, rule, detail })

// A path token: a property, maybe the variant of an open union (`content<text>`), maybe an array's items (`[]`).
const token = /^([^<[\]]*)(?:<([^>]*)>)?((?:\[\])*)$/

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/** The values a path reaches in `root`, each with the field name a violation gives it. */
const reach = (root: unknown, path: string): Array<readonly [string, unknown, boolean]> => {
  let found: Array<readonly [string, unknown, boolean]> = [["", root, false]]
  for (const part of path.split(".")) {
    const [, name = "", variant, arrays = ""] = token.exec(part) ?? []
    const next: Array<readonly [string, unknown, boolean]> = []
    for (const [field, value] of found) {
      if (!isRecord(value)) continue
      const child = name === "" ? value : value[name]
      if (child === undefined || child === null) continue
      if (variant !== undefined && (!isRecord(child) || child.type !== variant)) continue
      const at = field === "" ? name : `${field}.${name}`
      if (arrays === "") next.push([at, child, false])
      else if (Array.isArray(child)) next.push([at, child, true])
    }
    found = next
  }
  return found
}

const checkValue = (field: string, value: unknown, rules: Rules, options: ValidationOptions): Violation | undefined => {
  if (typeof value === "string") {
    if (options.limits) {
      const length = characterLength(value)
      if (rules.minLength !== undefined && length < rules.minLength) {
        return violation(field, "length", `must be at least ${rules.minLength} characters, got ${length}`)
      }
      if (rules.maxLength !== undefined && length > rules.maxLength) {
        return violation(field, "maxLength", `must be at most ${rules.maxLength} characters, got ${length}`)
      }
      if (rules.enum !== undefined && !rules.enum.includes(value)) {
        return violation(field, "enum", `must be one of ${rules.enum.join(", ")}`)
      }
    }
    if (rules.format === "uri" && !isUri(value)) return violation(field, "uri", "must be an absolute URI (format: uri)")
    if (rules.format === "email" && !isEmail(value)) return violation(field, "email", "must be an email address")
  } else if (typeof value === "number" && options.limits) {
    if (
      (rules.minimum !== undefined && value < rules.minimum) || (rules.maximum !== undefined && value > rules.maximum)
    ) {
      return violation(field, "range", `must be within ${rules.minimum ?? "-∞"}..${rules.maximum ?? "∞"}, got ${value}`)
    }
  }
  return undefined
}

const checkArray = (field: string, items: ReadonlyArray<unknown>, rules: Rules, options: ValidationOptions) => {
  if (options.limits) {
    if (rules.minItems !== undefined && items.length < rules.minItems) {
      return violation(field, "minItems", `must have at least ${rules.minItems} items, got ${items.length}`)
    }
    if (rules.maxItems !== undefined && items.length > rules.maxItems) {
      return violation(field, "maxItems", `must have at most ${rules.maxItems} items, got ${items.length}`)
    }
  }
  if (rules.uniqueItems === true && new Set(items.map((item) => JSON.stringify(item))).size !== items.length) {
    return violation(field, "uniqueItems", "must not repeat an item")
  }
  for (let i = 0; i < items.length; i++) {
    const v = checkValue(`${field}[${i}]`, items[i], rules, options)
    if (v) return v
  }
  return undefined
}

/**
 * A check of a body or query against the rules the generator found for it
 * (`Constraints.X` for a body Schema `X`, `Constraints.XQuery` for the query of operation `X`; import the module as a namespace so a bundle keeps only the rules used): lengths, ranges, item counts
 * and enums when `limits` is on; formats (uri, email) and unique items
 * always. Absent properties pass (required ones are the Schema's and
 * the hand-written checks' business).
 */
export const rulesOf =
  (constraints: { readonly [path: string]: Rules }) =>
  (value: unknown, options: ValidationOptions): Violation | undefined => {
    for (const [path, rules] of Object.entries(constraints)) {
      for (const [field, reached] of reach(value, path)) {
        // An array's item counts come on its own path (`<custom>.webhooks`) as well as on its items' (`[]`).
        const v = Array.isArray(reached)
          ? checkArray(field, reached, rules, options)
          : checkValue(field, reached, rules, options)
        if (v) return v
      }
    }
    return undefined
  }
