/**
 * The rules of `activityPost`: the generated ones (the author's type,
 * subtypes, brand and avatar, the activity's type) and the spec's prose.
 */
import * as Constraints from "../../generated/Constraints.js"
import type { ActivityPost } from "../../generated/Schemas.js"
import type { ValidationOptions, Violation } from "../../Validation.js"
import { rulesOf } from "../constraints.js"
import { exactlyOneId, isRecord, violation } from "./exactlyOne.js"

const generated = rulesOf(Constraints.ActivityPost)

/**
 * A user author names the user (exactly one of `userId`, `userExternalId`)
 * and can only post `conversation:read` ("If the author type is `user`, only
 * `conversation:read` is supported"); a business author names no user.
 */
export const checkActivity = (body: ActivityPost | unknown, options: ValidationOptions): Violation | undefined => {
  if (!isRecord(body)) return violation("body", "type", "must be an object")
  const { author, type } = body
  if (!isRecord(author)) return violation("author", "required", "is required and must be an object")
  if (typeof type !== "string") return violation("type", "required", "is required")
  const rules = generated(body, options)
  if (rules) return rules
  if (author.type === "user") {
    const named = exactlyOneId("author", author, ["userId", "userExternalId"])
    if (named) return named
    if (type !== "conversation:read") {
      return violation("type", "enum", `a user author can only post conversation:read, got ${type}`)
    }
  } else if (author.userId !== undefined || author.userExternalId !== undefined) {
    return violation("author.userId", "exactlyOne", "only a user author names a user (userId, userExternalId)")
  }
  return undefined
}
