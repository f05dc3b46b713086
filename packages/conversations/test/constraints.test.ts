/** The spec's generated request rules, checked generically before a request is sent. */
import { describe, expect, it } from "@effect/vitest"
import { bodyConstraints } from "../src/generated/Constraints.js"
import { rulesOf } from "../src/internal/constraints.js"

const limits = { limits: true }
const activity = rulesOf(bodyConstraints.ActivityPost)
const app = rulesOf(bodyConstraints.AppCreateBody)

describe("rulesOf", () => {
  it("passes a body within the rules, and absent optional properties", () => {
    expect(activity({ author: { type: "business" }, type: "typing:start" }, limits)).toBeUndefined()
    expect(app({}, limits)).toBeUndefined()
  })

  it("names the field and the rule a body breaks", () => {
    expect(activity({ author: { type: "robot" }, type: "typing:start" }, limits)).toMatchObject({
      field: "author.type",
      rule: "enum"
    })
    expect(app({ displayName: "" }, limits)).toMatchObject({ field: "displayName", rule: "length" })
    expect(app({ displayName: "x".repeat(101) }, limits)).toMatchObject({ field: "displayName", rule: "maxLength" })
    expect(app({ settings: { conversationRetentionSeconds: -1 } }, limits)).toMatchObject({
      field: "settings.conversationRetentionSeconds",
      rule: "range"
    })
    expect(activity({ author: { type: "user", avatarUrl: "x:" }, type: "typing:start" }, limits)).toMatchObject({
      field: "author.avatarUrl",
      rule: "uri"
    })
  })

  it("checks an array's count and uniqueness, and each item's rules with its index", () => {
    const author = (subtypes: ReadonlyArray<string>) => ({
      author: { type: "business", subtypes },
      type: "typing:stop"
    })
    expect(activity(author([]), limits)).toMatchObject({ field: "author.subtypes", rule: "minItems" })
    expect(activity(author(["AI", "bot"]), limits)).toMatchObject({ field: "author.subtypes", rule: "maxItems" })
    expect(activity(author(["robot"]), limits)).toMatchObject({ field: "author.subtypes[0]", rule: "enum" })
    expect(activity(author(["AI"]), limits)).toBeUndefined()
  })

  it("without limits, lengths, ranges and enums pass; formats are still checked", () => {
    const off = { limits: false }
    expect(app({ displayName: "" }, off)).toBeUndefined()
    expect(activity({ author: { type: "robot" }, type: "x" }, off)).toBeUndefined()
    expect(activity({ author: { type: "user", avatarUrl: "x:" }, type: "x" }, off)).toMatchObject({ rule: "uri" })
  })
})
