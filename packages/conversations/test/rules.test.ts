/**
 * Every rule of `Validation`, as the client, the test layer and the emulator
 * report it: the field, the rule and the sentence a user reads, at each edge.
 * Inputs a TypeScript caller cannot write (wrong types, arrays for objects)
 * are here too: JavaScript callers and the emulator's clients can send them.
 */
import { describe, expect, it } from "@effect/vitest"
import {
  Conversations,
  type ConversationsError,
  ConversationsTest,
  SwitchboardIntegrations,
  ValidationRule
} from "@sunco-effect/conversations"
import { Validation } from "@sunco-effect/conversations/Testing"
import { Effect } from "effect"
import { bodyConstraints } from "../src/generated/Constraints.js"
import { rulesOf } from "../src/internal/constraints.js"

const on = { limits: true }
const off = { limits: false }
const x = (n: number) => "x".repeat(n)
const cursor = x(24)
const v = (field: string, rule: string, detail: string) => ({ field, rule, detail })
const notObject = v("body", "type", "must be an object")
const participant = { userId: "u", subscribeSDKClient: true }
const sdkGroup = (extra: Record<string, unknown>) => ({ type: "sdkGroup", ...extra })
const lengthOf = (field: string, max: number, got: number) =>
  v(field, "length", `must be 1-${max} characters or null, got ${got}`)
const flat = (key: string) =>
  v(`metadata.${key}`, "flat", "metadata values must be strings, finite numbers or booleans")

type Row = readonly [label: string, actual: Validation.Violation | undefined, expected: unknown]

const table = (rows: ReadonlyArray<Row>) => {
  for (const [label, actual, expected] of rows) {
    expect([label, actual]).toEqual([label, expected])
  }
}

describe("creating a conversation", () => {
  it("the body is an object with a known type", () =>
    table([
      ["an array", Validation.checkCreateBody([], on), notObject],
      ["null", Validation.checkCreateBody(null, on), notObject],
      ["a string", Validation.checkCreateBody("sdkGroup", on), notObject],
      ["no type", Validation.checkCreateBody({}, on), v("type", "required", "is required")],
      ["a numeric type", Validation.checkCreateBody({ type: 1 }, on), v("type", "type", "must be a string")],
      [
        "an unknown type",
        Validation.checkCreateBody({ type: "group" }, on),
        v("type", "enum", `must be one of personal, sdkGroup, got "group"`)
      ],
      ["an unknown type, limits off", Validation.checkCreateBody({ type: "group" }, off), undefined],
      ["sdkGroup alone", Validation.checkCreateBody({ type: "sdkGroup" }, on), undefined]
    ]))

  it("participants: an array of at most 10, exactly 1 for personal", () => {
    const personalNeedsOne = v(
      "participants",
      "personalParticipants",
      "a personal conversation needs exactly 1 participant"
    )
    table([
      ["personal without participants", Validation.checkCreateBody({ type: "personal" }, on), personalNeedsOne],
      ["personal without participants, limits off", Validation.checkCreateBody({ type: "personal" }, off), undefined],
      [
        "personal with two",
        Validation.checkCreateBody({ type: "personal", participants: [participant, participant] }, on),
        personalNeedsOne
      ],
      [
        "personal with one",
        Validation.checkCreateBody({ type: "personal", participants: [{ userId: "u" }] }, on),
        undefined
      ],
      [
        "an object for the array",
        Validation.checkCreateBody(sdkGroup({ participants: {} }), on),
        v("participants", "type", "must be an array")
      ],
      [
        "eleven",
        Validation.checkCreateBody(sdkGroup({ participants: Array(11).fill(participant) }), on),
        v("participants", "maxItems", "must have at most 10 items, got 11")
      ],
      ["ten", Validation.checkCreateBody(sdkGroup({ participants: Array(10).fill(participant) }), on), undefined],
      [
        "eleven, limits off",
        Validation.checkCreateBody(sdkGroup({ participants: Array(11).fill({ userId: "u" }) }), off),
        undefined
      ]
    ])
  })

  it("each participant: exactly one non-empty user id, a boolean subscribeSDKClient (required for sdkGroup)", () =>
    table([
      [
        "null",
        Validation.checkCreateBody(sdkGroup({ participants: [null] }), on),
        v("participants[0]", "type", "must be an object")
      ],
      [
        "an array",
        Validation.checkCreateBody(sdkGroup({ participants: [[]] }), on),
        v("participants[0]", "type", "must be an object")
      ],
      [
        "neither id",
        Validation.checkCreateBody(sdkGroup({ participants: [{ subscribeSDKClient: true }] }), on),
        v("participants[0]", "exactlyOne", "must have exactly one of userId or userExternalId")
      ],
      [
        "both ids",
        Validation.checkCreateBody(sdkGroup({ participants: [{ ...participant, userExternalId: "e" }] }), on),
        v("participants[0]", "exactlyOne", "must have exactly one of userId or userExternalId")
      ],
      [
        "an empty userId, second participant",
        Validation.checkCreateBody(sdkGroup({ participants: [participant, { userId: "" }] }), on),
        v("participants[1].userId", "nonEmpty", "must not be empty")
      ],
      [
        "a numeric userExternalId",
        Validation.checkCreateBody(sdkGroup({ participants: [{ userExternalId: 5 }] }), on),
        v("participants[0].userExternalId", "type", "must be a string")
      ],
      [
        "a string subscribeSDKClient",
        Validation.checkCreateBody(sdkGroup({ participants: [{ userId: "u", subscribeSDKClient: "yes" }] }), on),
        v("participants[0].subscribeSDKClient", "type", "must be a boolean")
      ],
      [
        "a string subscribeSDKClient, limits off",
        Validation.checkCreateBody(sdkGroup({ participants: [{ userId: "u", subscribeSDKClient: "yes" }] }), off),
        v("participants[0].subscribeSDKClient", "type", "must be a boolean")
      ],
      [
        "sdkGroup without subscribeSDKClient",
        Validation.checkCreateBody(sdkGroup({ participants: [{ userId: "u" }] }), on),
        v("participants[0].subscribeSDKClient", "required", "is required for an sdkGroup conversation's participants")
      ],
      [
        "sdkGroup without subscribeSDKClient, limits off",
        Validation.checkCreateBody(sdkGroup({ participants: [{ userId: "u" }] }), off),
        undefined
      ],
      [
        "by external id",
        Validation.checkCreateBody(
          sdkGroup({ participants: [{ userExternalId: "e", subscribeSDKClient: false }] }),
          on
        ),
        undefined
      ]
    ]))

  it("displayName and description: 1-100 characters or null; iconUrl: a URI of at most 2048", () => {
    const url = (n: number) => `https://a.io/${x(n - 13)}`
    table([
      [
        "empty displayName",
        Validation.checkCreateBody(sdkGroup({ displayName: "" }), on),
        lengthOf("displayName", 100, 0)
      ],
      ["101", Validation.checkCreateBody(sdkGroup({ displayName: x(101) }), on), lengthOf("displayName", 100, 101)],
      ["100 emoji", Validation.checkCreateBody(sdkGroup({ displayName: "😀".repeat(100) }), on), undefined],
      ["null displayName", Validation.checkCreateBody(sdkGroup({ displayName: null }), on), undefined],
      ["101, limits off", Validation.checkCreateBody(sdkGroup({ displayName: x(101) }), off), undefined],
      [
        "a numeric displayName",
        Validation.checkCreateBody(sdkGroup({ displayName: 5 }), on),
        v("displayName", "type", "must be a string or null")
      ],
      [
        "101 description",
        Validation.checkCreateBody(sdkGroup({ description: x(101) }), on),
        lengthOf("description", 100, 101)
      ],
      [
        "a numeric iconUrl",
        Validation.checkCreateBody(sdkGroup({ iconUrl: 7 }), on),
        v("iconUrl", "type", "must be a string or null")
      ],
      ["2048", Validation.checkCreateBody(sdkGroup({ iconUrl: url(2048) }), on), undefined],
      [
        "2049",
        Validation.checkCreateBody(sdkGroup({ iconUrl: url(2049) }), on),
        v("iconUrl", "maxLength", "must be at most 2048 characters, got 2049")
      ],
      ["2049, limits off", Validation.checkCreateBody(sdkGroup({ iconUrl: url(2049) }), off), undefined],
      [
        "a fragment with an escape",
        Validation.checkCreateBody(sdkGroup({ iconUrl: "https://a.io/x#%41" }), on),
        undefined
      ],
      [
        "a fragment with a cut escape",
        Validation.checkCreateBody(sdkGroup({ iconUrl: "https://a.io/x#%4" }), on),
        v("iconUrl", "uri", "must be an absolute URI (format: uri)")
      ],
      [
        "not a URI, even with limits off",
        Validation.checkCreateBody(sdkGroup({ iconUrl: "a.io/x" }), off),
        v("iconUrl", "uri", "must be an absolute URI (format: uri)")
      ]
    ])
  })

  it("metadata: an object of strings, finite numbers and booleans, at most 4096 bytes as JSON", () => {
    // {"k":"…"} is 8 bytes around the value
    const sized = (bytes: number) => ({ k: x(bytes - 8) })
    table([
      [
        "an array",
        Validation.checkCreateBody(sdkGroup({ metadata: [] }), on),
        v("metadata", "type", "must be an object or null")
      ],
      [
        "a string",
        Validation.checkCreateBody(sdkGroup({ metadata: "m" }), on),
        v("metadata", "type", "must be an object or null")
      ],
      ["null", Validation.checkCreateBody(sdkGroup({ metadata: null }), on), undefined],
      ["flat", Validation.checkCreateBody(sdkGroup({ metadata: { a: "s", b: 1.5, c: false } }), on), undefined],
      ["nested", Validation.checkCreateBody(sdkGroup({ metadata: { a: "s", b: { c: 1 } } }), on), flat("b")],
      ["infinite", Validation.checkCreateBody(sdkGroup({ metadata: { n: Infinity } }), on), flat("n")],
      ["null value", Validation.checkCreateBody(sdkGroup({ metadata: { z: null } }), off), flat("z")],
      ["4096 bytes", Validation.checkCreateBody(sdkGroup({ metadata: sized(4096) }), on), undefined],
      [
        "4097 bytes",
        Validation.checkCreateBody(sdkGroup({ metadata: sized(4097) }), on),
        v("metadata", "maxSize", "must serialize to at most 4096 bytes, got 4097")
      ],
      ["4097 bytes, limits off", Validation.checkCreateBody(sdkGroup({ metadata: sized(4097) }), off), undefined]
    ])
  })
})

describe("updating a conversation", () => {
  it("the same field rules, on an object", () =>
    table([
      ["an array", Validation.checkUpdateBody([], on), notObject],
      ["nothing to change", Validation.checkUpdateBody({}, on), undefined],
      ["empty displayName", Validation.checkUpdateBody({ displayName: "" }, on), lengthOf("displayName", 100, 0)],
      ["long description", Validation.checkUpdateBody({ description: x(101) }, on), lengthOf("description", 100, 101)],
      [
        "bad iconUrl",
        Validation.checkUpdateBody({ iconUrl: "x y" }, on),
        v("iconUrl", "uri", "must be an absolute URI (format: uri)")
      ],
      ["nested metadata", Validation.checkUpdateBody({ metadata: { a: [] } }, on), flat("a")]
    ]))
})

describe("listing", () => {
  it("exactly one non-empty user filter that is not a dot segment", () =>
    table([
      ["no filter", Validation.checkListQuery(undefined, undefined, on), v("filter", "type", "must be an object")],
      [
        "an empty filter",
        Validation.checkListQuery({}, undefined, on),
        v("filter", "exactlyOne", "must have exactly one of userId or userExternalId")
      ],
      [
        "an empty userId",
        Validation.checkListQuery({ userId: "" }, undefined, on),
        v("filter.userId", "nonEmpty", "must not be empty")
      ],
      [
        "userId .",
        Validation.checkListQuery({ userId: "." }, undefined, on),
        v("filter.userId", "pathSegment", "must not be . or ..")
      ],
      [
        "userExternalId ..",
        Validation.checkListQuery({ userExternalId: ".." }, undefined, on),
        v("filter.userExternalId", "pathSegment", "must not be . or ..")
      ],
      ["userId ...", Validation.checkListQuery({ userId: "..." }, undefined, on), undefined],
      [
        "a good filter, a bad page",
        Validation.checkListQuery({ userId: "u" }, { size: 0 }, on),
        v("page.size", "range", "must be 1-100, got 0")
      ]
    ]))

  it("pages: one cursor of 24 characters, an integer size of 1-100", () =>
    table([
      ["an array", Validation.checkPage([], on), v("page", "type", "must be an object")],
      [
        "both cursors",
        Validation.checkPage({ after: cursor, before: cursor }, on),
        v("page", "oneCursor", "must not have both after and before")
      ],
      ["an empty after", Validation.checkPage({ after: "" }, on), v("page.after", "nonEmpty", "must not be empty")],
      ["a numeric before", Validation.checkPage({ before: 5 }, on), v("page.before", "type", "must be a string")],
      [
        "23 characters",
        Validation.checkPage({ after: x(23) }, on),
        v("page.after", "length", "must be 24 characters, got 23")
      ],
      [
        "25 characters",
        Validation.checkPage({ before: x(25) }, on),
        v("page.before", "length", "must be 24 characters, got 25")
      ],
      ["24 characters", Validation.checkPage({ after: cursor, size: 1 }, on), undefined],
      ["a short cursor, limits off", Validation.checkPage({ after: "short" }, off), undefined],
      ["a fraction", Validation.checkPage({ size: 1.5 }, on), v("page.size", "integer", "must be an integer")],
      [
        "a string size, limits off",
        Validation.checkPage({ size: "10" }, off),
        v("page.size", "integer", "must be an integer")
      ],
      ["101", Validation.checkPage({ size: 101 }, on), v("page.size", "range", "must be 1-100, got 101")],
      ["100", Validation.checkPage({ size: 100 }, on), undefined],
      ["0, limits off", Validation.checkPage({ size: 0 }, off), undefined]
    ]))
})

describe("downloading a message ref", () => {
  it("a userId, and when apple is given, all five fields of its interactiveDataRef", () => {
    const ref = { url: "https://a.io", bid: "b", key: "k", signature: "s", owner: "o" }
    const missing = v("apple.interactiveDataRef", "required", "is required when apple is given")
    table([
      ["an array", Validation.checkDownloadMessageRefBody([]), notObject],
      ["no userId", Validation.checkDownloadMessageRefBody({}), v("userId", "type", "must be a string")],
      ["a userId", Validation.checkDownloadMessageRefBody({ userId: "u" }), undefined],
      ["apple is a number", Validation.checkDownloadMessageRefBody({ userId: "u", apple: 1 }), missing],
      ["apple without the ref", Validation.checkDownloadMessageRefBody({ userId: "u", apple: {} }), missing],
      [
        "no owner",
        Validation.checkDownloadMessageRefBody({ userId: "u", apple: { interactiveDataRef: { ...ref, owner: 1 } } }),
        v("apple.interactiveDataRef.owner", "required", "is required and must be a string")
      ],
      [
        "complete",
        Validation.checkDownloadMessageRefBody({ userId: "u", apple: { interactiveDataRef: ref } }),
        undefined
      ]
    ])
  })
})

describe("creating a user", () => {
  it("an external id of at most 1024 characters, a brand id, a profile and metadata", () =>
    table([
      ["an array", Validation.checkUserCreateBody([], on), notObject],
      ["no externalId", Validation.checkUserCreateBody({}, on), v("externalId", "type", "must be a string")],
      [
        "an empty externalId",
        Validation.checkUserCreateBody({ externalId: "" }, on),
        v("externalId", "nonEmpty", "must not be empty")
      ],
      ["1024", Validation.checkUserCreateBody({ externalId: x(1024) }, on), undefined],
      [
        "1025",
        Validation.checkUserCreateBody({ externalId: x(1025) }, on),
        v("externalId", "maxLength", "must be at most 1024 characters")
      ],
      ["1025, limits off", Validation.checkUserCreateBody({ externalId: x(1025) }, off), undefined],
      [
        "brandId 25",
        Validation.checkUserCreateBody({ externalId: "e", brandId: x(25) }, on),
        lengthOf("brandId", 24, 25)
      ],
      ["metadata", Validation.checkUserCreateBody({ externalId: "e", metadata: { a: {} } }, on), flat("a")]
    ]))

  it("the profile: names of 1-128, an email, an avatar URI, a locale of 1-64", () => {
    const user = (profile: unknown) => ({ externalId: "e", profile })
    table([
      ["a number", Validation.checkUserCreateBody(user(1), on), v("profile", "type", "must be an object")],
      ["null", Validation.checkUserCreateBody(user(null), on), undefined],
      [
        "complete",
        Validation.checkUserCreateBody(
          user({ givenName: "A", surname: "B", email: "a@b.co", avatarUrl: "https://a.io/a.png", locale: "fr" }),
          on
        ),
        undefined
      ],
      [
        "empty givenName",
        Validation.checkUserCreateBody(user({ givenName: "" }), on),
        lengthOf("profile.givenName", 128, 0)
      ],
      [
        "surname 129",
        Validation.checkUserCreateBody(user({ surname: x(129) }), on),
        lengthOf("profile.surname", 128, 129)
      ],
      [
        "not an email",
        Validation.checkUserCreateBody(user({ email: "nope" }), on),
        v("profile.email", "email", "must be an email address")
      ],
      ["a one-letter top-level domain", Validation.checkUserCreateBody(user({ email: "a@b.c" }), on), undefined],
      [
        "junk after the domain",
        Validation.checkUserCreateBody(user({ email: "a@b.co!" }), on),
        v("profile.email", "email", "must be an email address")
      ],
      [
        "a numeric email",
        Validation.checkUserCreateBody(user({ email: 5 }), on),
        v("profile.email", "type", "must be a string or null")
      ],
      [
        "a relative avatar",
        Validation.checkUserCreateBody(user({ avatarUrl: "a.png" }), on),
        v("profile.avatarUrl", "uri", "must be an absolute URI (format: uri)")
      ],
      ["locale 65", Validation.checkUserCreateBody(user({ locale: x(65) }), on), lengthOf("profile.locale", 64, 65)]
    ])
  })
})

describe("sizes and lengths", () => {
  it("a body is at most 100 KB (102,400 bytes) of UTF-8, always", () =>
    table([
      ["102,400 ASCII", Validation.checkBodySize(x(102_400)), undefined],
      [
        "102,401 ASCII",
        Validation.checkBodySize(x(102_401)),
        v("body", "maxBodySize", "must serialize to at most 102400 bytes, got 102401")
      ],
      ["51,200 two-byte characters", Validation.checkBodySize("é".repeat(51_200)), undefined],
      [
        "51,201 two-byte characters",
        Validation.checkBodySize("é".repeat(51_201)),
        v("body", "maxBodySize", "must serialize to at most 102400 bytes, got 102402")
      ]
    ]))

  it("characters are code points: a pair of surrogates is one, a lone surrogate is one", () => {
    const lengths = [
      "",
      "a",
      "😀",
      "a😀b",
      "\uD800\uDC00",
      "\uDBFF\uDFFF",
      "\uD83D",
      "\uD83Da",
      "\uDE00\uD83D",
      "\uD7FF\uDC00",
      "\uD800\uE000"
    ]
      .map(Validation.characterLength)
    expect(lengths).toEqual([0, 1, 1, 3, 1, 1, 1, 2, 2, 2, 2])
  })
})

describe("nesting", () => {
  const nested = (levels: number): unknown => levels === 1 ? { leaf: "text", n: 1, none: null } : [nested(levels - 1)]

  it("a value nests as deep as its deepest object or array; leaves and null add nothing", () => {
    expect(Validation.nestsDeeperThan(nested(32), 32)).toBe(false)
    expect(Validation.nestsDeeperThan(nested(33), 32)).toBe(true)
    expect(Validation.nestsDeeperThan({ a: "a long string is no deeper", b: [1, 2, null] }, 2)).toBe(false)
    expect(Validation.nestsDeeperThan({ a: { b: {} } }, 2)).toBe(true)
    for (const leaf of [null, "text", 5, true]) expect(Validation.nestsDeeperThan(leaf, 0)).toBe(false)
  })
})

const activity = rulesOf(bodyConstraints.ActivityPost)

describe("ValidationRule lists the rules that exist, each produced by some input", () => {
  it.effect("one input per rule; together they make every member, and nothing else", () =>
    Effect.gen(function*() {
      const c = yield* Conversations
      const integrations = yield* SwitchboardIntegrations
      const ruleOf = (check: Validation.Violation | undefined) => check?.rule
      const failedRule = <A>(effect: Effect.Effect<A, ConversationsError>) =>
        Effect.map(Effect.flip(effect), (e) => e._tag === "ValidationError" ? e.rule : e._tag)
      const produced: Record<ValidationRule, string | undefined> = {
        type: ruleOf(Validation.checkCreateBody([], on)),
        required: ruleOf(Validation.checkCreateBody({}, on)),
        nonEmpty: ruleOf(Validation.checkId("id", "")),
        pathSegment: ruleOf(Validation.checkId("id", "..")),
        exactlyOne: ruleOf(Validation.checkListQuery({}, undefined, on)),
        enum: ruleOf(Validation.checkCreateBody({ type: "group" }, on)),
        personalParticipants: ruleOf(Validation.checkCreateBody({ type: "personal" }, on)),
        maxItems: ruleOf(Validation.checkCreateBody(sdkGroup({ participants: Array(11).fill(participant) }), on)),
        length: ruleOf(Validation.checkCreateBody(sdkGroup({ displayName: x(101) }), on)),
        maxLength: ruleOf(Validation.checkCreateBody(sdkGroup({ iconUrl: `https://a/${x(2048)}` }), on)),
        uri: ruleOf(Validation.checkCreateBody(sdkGroup({ iconUrl: "x:" }), on)),
        email: ruleOf(Validation.checkUserCreateBody({ externalId: "e", profile: { email: "no" } }, on)),
        flat: ruleOf(Validation.checkCreateBody(sdkGroup({ metadata: { a: {} } }), on)),
        maxSize: ruleOf(Validation.checkCreateBody(sdkGroup({ metadata: { a: x(4096) } }), on)),
        maxBodySize: ruleOf(Validation.checkBodySize(JSON.stringify(x(100 * 1024)))),
        serializable: yield* failedRule(c.create(sdkGroup({ metadata: { a: 1n } }) as never)),
        oneCursor: ruleOf(Validation.checkPage({ after: cursor, before: cursor }, on)),
        integer: ruleOf(Validation.checkPage({ size: 1.5 }, on)),
        range: ruleOf(Validation.checkPage({ size: 101 }, on)),
        minItems: ruleOf(activity({ author: { type: "business", subtypes: [] }, type: "typing:stop" }, on)),
        // Every uniqueItems of the spec comes with maxItems 1, so only without limits can it be the rule that fails.
        uniqueItems: ruleOf(
          activity({ author: { type: "business", subtypes: ["AI", "AI"] }, type: "typing:stop" }, { limits: false })
        ),
        pattern: yield* failedRule(integrations.create("sb", { name: "a b", integrationId: "i" }))
      }
      expect(Object.entries(produced).filter(([rule, got]) => rule !== got)).toEqual([])
      expect(Object.keys(produced).sort()).toEqual([...ValidationRule.literals].sort())
    }).pipe(Effect.provide(ConversationsTest.layer({ appId: "app", seed: { apps: [{ id: "app" }] } }))))
})
