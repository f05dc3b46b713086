/**
 * The list query's one codec: what the client encodes, the emulator decodes
 * to the same query; what the client's rules refuse, the store refuses too.
 */
import { describe, expect, it } from "@effect/vitest"
import { ListQuery } from "@sunco-effect/conversations"
import { InMemoryStore, Validation } from "@sunco-effect/conversations/Testing"
import { Either, FastCheck as fc } from "effect"

const hex = fc.stringMatching(/^[0-9a-f]{24}$/)
// Any text a user id may hold, reserved URL characters and non-ASCII included.
const id = fc.string({ minLength: 1, maxLength: 40, unit: "grapheme" }).filter((s) => s !== "." && s !== "..")
const filter = fc.oneof(fc.record({ userId: id }), fc.record({ userExternalId: id }))
const page = fc.oneof(
  fc.record({ after: hex, size: fc.integer({ min: 1, max: 100 }) }, { requiredKeys: [] }),
  fc.record({ before: hex, size: fc.integer({ min: 1, max: 100 }) }, { requiredKeys: [] })
)
const validQuery = fc.record({ filter, page }, { requiredKeys: ["filter"] })

const invalidPage = fc.oneof(
  fc.record({ after: hex, before: hex }),
  fc.record({ after: fc.string().filter((s) => !/^[0-9a-f]{24}$/.test(s)) }),
  fc.record({ size: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 101 }), fc.double({ noInteger: true })) })
)

const store = Either.getOrThrow(InMemoryStore.InMemoryStore.make({
  apps: [{ id: "app", users: [{ id: "5f0c8b0e3f1a2b001e4d6c10", externalId: "ada" }] }]
}))

describe("ListQuery", () => {
  it.prop("decode(encode(q)) is q for every valid query", [validQuery], ([query]) => {
    expect(Validation.checkListQuery(query.filter, query.page, { limits: true })).toBeUndefined()
    const decoded = ListQuery.decode(ListQuery.encode(query))
    expect(Either.getOrThrow(decoded)).toEqual(
      query.page && Object.keys(query.page).length > 0 ? query : { filter: query.filter }
    )
  })

  it.prop("every invalid page is refused by the client's rules and by the store alike", [invalidPage], ([page]) => {
    expect(Validation.checkListQuery({ userExternalId: "ada" }, page, { limits: true })).toBeDefined()
    const answer = store.listConversations("app", { userExternalId: "ada" }, page)
    expect(Either.isLeft(answer) && answer.left).toEqual(InMemoryStore.failures.invalidPage)
  })

  it("a query string without exactly one filter, or with a size that is not a whole number, does not decode", () => {
    expect(ListQuery.decode("?page[size]=5")).toEqual(
      Either.left("Exactly one of filter[userId] or filter[userExternalId] is required")
    )
    expect(Either.isLeft(ListQuery.decode("?filter[userId]=a&filter[userExternalId]=b"))).toBe(true)
    expect(ListQuery.decode("?filter[userId]=a&page[size]=1.5")).toEqual(
      Either.left("page[size] must be a whole number")
    )
    // the service's own (unencoded) form decodes as the encoded one does
    expect(ListQuery.decode("?filter[userExternalId]=ada&page[after]=5f0c8b0e3f1a2b001e4d6c20")).toEqual(
      Either.right({ filter: { userExternalId: "ada" }, page: { after: "5f0c8b0e3f1a2b001e4d6c20" } })
    )
  })

  it("links carry the filter and the cursors, in the spec's form", () => {
    const links = ListQuery.links("http://h", "app", { userId: "u 1" }, {
      afterCursor: "a".repeat(24),
      beforeCursor: "b".repeat(24)
    }, 10)
    expect(links).toEqual({
      prev: `http://h/v2/apps/app/conversations?filter[userId]=u%201&page[before]=${"b".repeat(24)}&page[size]=10`,
      next: `http://h/v2/apps/app/conversations?filter[userId]=u%201&page[after]=${"a".repeat(24)}&page[size]=10`
    })
    // the external-id filter, and only the links that exist
    expect(ListQuery.links("http://h", "app", { userExternalId: "a&b" }, { afterCursor: "c".repeat(24) }, 5)).toEqual({
      next: `http://h/v2/apps/app/conversations?filter[userExternalId]=a%26b&page[after]=${"c".repeat(24)}&page[size]=5`
    })
  })

  it("a query string decodes with or without its leading ?", () => {
    for (const search of ["?filter[userId]=u&page[size]=5", "filter[userId]=u&page[size]=5"]) {
      expect(ListQuery.decode(search)).toEqual(Either.right({ filter: { userId: "u" }, page: { size: 5 } }))
    }
  })
})
