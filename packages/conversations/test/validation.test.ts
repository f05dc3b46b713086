import { describe, expect, it } from "@effect/vitest"
import { Conversations, type ConversationsOptions } from "@sunco-effect/conversations"
import { Effect, Stream } from "effect"
import { APP, CONV, liveOn, makeMock, ok } from "./support/MockHttp.js"

/** Run an operation that must fail validation; check the field and rule, and that nothing was sent. */
const rejects = (
  f: (c: Conversations["Type"]) => Effect.Effect<unknown, { _tag: string }>,
  field: string,
  rule: string,
  options: Partial<ConversationsOptions> = {}
) =>
  Effect.gen(function*() {
    const mock = makeMock(() => ok({}))
    const error = yield* Effect.flatMap(Conversations, f).pipe(Effect.flip, Effect.provide(liveOn(mock, options)))
    expect(error).toMatchObject({ _tag: "ValidationError", field, rule })
    expect(mock.requests).toHaveLength(0)
  })

const accepts = (
  f: (c: Conversations["Type"]) => Effect.Effect<unknown, unknown>,
  options: Partial<ConversationsOptions> = {}
) =>
  Effect.gen(function*() {
    const mock = makeMock((r) =>
      ok(r.method === "GET" && !r.url.pathname.endsWith(CONV) ? { conversations: [] } : { conversation: { id: CONV } })
    )
    yield* Effect.flatMap(Conversations, f).pipe(Effect.provide(liveOn(mock, options)))
    expect(mock.requests).toHaveLength(1)
  })

const long = (n: number) => "x".repeat(n)

describe("the spec's counting and formats", () => {
  it.effect("lengths count characters (code points): 60 emoji are 60 characters, 12 emoji are no cursor", () =>
    Effect.gen(function*() {
      yield* accepts((c) => c.forApp(APP).create({ type: "sdkGroup", displayName: "😀".repeat(60) }))
      yield* accepts((c) => c.forApp(APP).create({ type: "sdkGroup", displayName: "😀".repeat(100) }))
      yield* rejects(
        (c) => c.forApp(APP).create({ type: "sdkGroup", displayName: "😀".repeat(101) }),
        "displayName",
        "length"
      )
      yield* rejects(
        (c) => c.forApp(APP).list({ filter: { userId: "u" }, page: { after: "😀".repeat(12) } }),
        "page.after",
        "length"
      )
    }))

  it.effect("iconUrl must be an absolute URI (format: uri): no header injection, spaces, backslashes, bad escapes or raw emoji", () =>
    Effect.gen(function*() {
      for (
        const bad of [
          "\r\nX-Injected: 1",
          "https://a b.com/x",
          "https://a.com/\tx",
          "https:\\\\a.com",
          "https://a.com/%zz",
          "https://a.com/😀"
        ]
      ) {
        yield* rejects((c) => c.forApp(APP).create({ type: "sdkGroup", iconUrl: bad }), "iconUrl", "uri")
      }
      yield* accepts((c) => c.forApp(APP).create({ type: "sdkGroup", iconUrl: "https://a.com/%F0%9F%98%80?q=1#top" }))
    }))

  it.effect("sdkGroup participants need subscribeSDKClient (a limit: off with validateLimits: false)", () =>
    Effect.gen(function*() {
      const body = { type: "sdkGroup" as const, participants: [{ userId: "u1" }] }
      yield* rejects((c) => c.forApp(APP).create(body), "participants[0].subscribeSDKClient", "required")
      yield* accepts((c) => c.forApp(APP).create(body), { validateLimits: false })
      yield* accepts((c) => c.forApp(APP).create({ type: "personal", participants: [{ userId: "u1" }] }))
    }))
})

describe("create body", () => {
  it.effect("type is required and must be a known type", () =>
    Effect.gen(function*() {
      yield* rejects((c) => c.forApp(APP).create({} as never), "type", "required")
      yield* rejects((c) => c.forApp(APP).create({ type: "group" }), "type", "enum")
    }))

  it.effect("at most 10 participants; a personal conversation has exactly one", () =>
    Effect.gen(function*() {
      const p = (n: number) => Array.from({ length: n }, (_, i) => ({ userId: `u${i}`, subscribeSDKClient: false }))
      yield* rejects((c) => c.forApp(APP).create({ type: "sdkGroup", participants: p(11) }), "participants", "maxItems")
      yield* accepts((c) => c.forApp(APP).create({ type: "sdkGroup", participants: p(10) }))
      yield* rejects(
        (c) => c.forApp(APP).create({ type: "personal", participants: p(2) }),
        "participants",
        "personalParticipants"
      )
      yield* rejects((c) => c.forApp(APP).create({ type: "personal" }), "participants", "personalParticipants")
    }))

  it.effect("each participant has exactly one of userId / userExternalId, not empty", () =>
    Effect.gen(function*() {
      yield* rejects(
        (c) =>
          c.forApp(APP).create({ type: "sdkGroup", participants: [{ userId: "a", userExternalId: "b" } as never] }),
        "participants[0]",
        "exactlyOne"
      )
      yield* rejects(
        (c) => c.forApp(APP).create({ type: "sdkGroup", participants: [{ subscribeSDKClient: true } as never] }),
        "participants[0]",
        "exactlyOne"
      )
      yield* rejects(
        (c) =>
          c.forApp(APP).create({
            type: "sdkGroup",
            participants: [{ userId: "a", subscribeSDKClient: true }, { userExternalId: "", subscribeSDKClient: true }]
          }),
        "participants[1].userExternalId",
        "nonEmpty"
      )
    }))

  it.effect("displayName and description are 1-100 characters or null", () =>
    Effect.gen(function*() {
      yield* rejects((c) => c.forApp(APP).create({ type: "sdkGroup", displayName: "" }), "displayName", "length")
      yield* rejects((c) => c.forApp(APP).create({ type: "sdkGroup", displayName: long(101) }), "displayName", "length")
      yield* rejects((c) => c.forApp(APP).create({ type: "sdkGroup", description: long(101) }), "description", "length")
      yield* accepts((c) => c.forApp(APP).create({ type: "sdkGroup", displayName: long(100), description: null }))
    }))

  it.effect("iconUrl is a URI of at most 2048 characters, or null", () =>
    Effect.gen(function*() {
      yield* rejects((c) => c.forApp(APP).create({ type: "sdkGroup", iconUrl: "not a uri" }), "iconUrl", "uri")
      yield* rejects(
        (c) => c.forApp(APP).create({ type: "sdkGroup", iconUrl: `https://example.com/${long(2048)}` }),
        "iconUrl",
        "maxLength"
      )
      yield* accepts((c) => c.forApp(APP).create({ type: "sdkGroup", iconUrl: "https://www.gravatar.com/image.jpg" }))
      yield* accepts((c) => c.forApp(APP).create({ type: "sdkGroup", iconUrl: null }))
    }))

  it.effect("metadata is flat (strings, numbers, booleans) and at most 4 KB", () =>
    Effect.gen(function*() {
      yield* rejects(
        (c) => c.forApp(APP).create({ type: "sdkGroup", metadata: { nested: { a: 1 } } as never }),
        "metadata.nested",
        "flat"
      )
      yield* rejects(
        (c) => c.forApp(APP).create({ type: "sdkGroup", metadata: { big: long(4100) } }),
        "metadata",
        "maxSize"
      )
      yield* accepts((c) => c.forApp(APP).create({ type: "sdkGroup", metadata: { s: "x", n: 1.5, b: false } }))
    }))
})

describe("update body", () => {
  it.effect("the same field rules apply", () =>
    Effect.gen(function*() {
      yield* rejects((c) => c.forApp(APP).update(CONV, { displayName: long(101) }), "displayName", "length")
      yield* rejects((c) => c.forApp(APP).update(CONV, { iconUrl: "nope" }), "iconUrl", "uri")
      yield* rejects((c) => c.forApp(APP).update(CONV, { metadata: { a: [1] } as never }), "metadata.a", "flat")
    }))
})

describe("ids and the list query", () => {
  it.effect("ids must not be empty or a dot segment", () =>
    Effect.gen(function*() {
      yield* rejects((c) => c.forApp("").get(CONV), "appId", "nonEmpty")
      yield* rejects((c) => c.forApp(APP).get(""), "conversationId", "nonEmpty")
      yield* rejects((c) => c.forApp(APP).delete(".."), "conversationId", "pathSegment")
      yield* rejects((c) => c.forApp(APP).downloadMessageRef(CONV, { userId: "" }), "userId", "nonEmpty")
    }))

  it.effect("exactly one filter", () =>
    Effect.gen(function*() {
      yield* rejects((c) => c.forApp(APP).list({ filter: {} as never }), "filter", "exactlyOne")
      yield* rejects(
        (c) => c.forApp(APP).list({ filter: { userId: "a", userExternalId: "b" } as never }),
        "filter",
        "exactlyOne"
      )
    }))

  it.effect("page size 1-100, cursors of 24 characters, never both", () =>
    Effect.gen(function*() {
      const filter = { userId: "u" }
      yield* rejects((c) => c.forApp(APP).list({ filter, page: { size: 0 } }), "page.size", "range")
      yield* rejects((c) => c.forApp(APP).list({ filter, page: { size: 101 } }), "page.size", "range")
      yield* rejects((c) => c.forApp(APP).list({ filter, page: { size: 2.5 } }), "page.size", "integer")
      yield* rejects((c) => c.forApp(APP).list({ filter, page: { after: "short" } }), "page.after", "length")
      yield* rejects(
        (c) =>
          c.forApp(APP).list({
            filter,
            page: { after: "5e1606762556d93e9c176f69", before: "5e1606762556d93e9c176f69" }
          }),
        "page",
        "oneCursor"
      )
      yield* rejects(
        (c) => Stream.runDrain(c.forApp(APP).stream({ filter, page: { size: 500 } })),
        "page.size",
        "range"
      )
    }))

  it.effect("the download body needs the apple ref's fields when apple is given", () =>
    rejects(
      (c) =>
        c.forApp(APP).downloadMessageRef(CONV, { userId: "u", apple: { interactiveDataRef: { url: "x" } } as never }),
      "apple.interactiveDataRef.bid",
      "required"
    ))
})

describe("limits can be switched off; structural rules always hold", () => {
  const noLimits = { validateLimits: false }

  it.effect("lengths, ranges, counts and the enum are not checked", () =>
    Effect.gen(function*() {
      yield* accepts((c) => c.forApp(APP).create({ type: "futureType", displayName: long(300) }), noLimits)
      yield* accepts(
        (c) => c.forApp(APP).list({ filter: { userId: "u" }, page: { size: 500, after: "short" } }),
        noLimits
      )
      yield* accepts(
        (c) =>
          c.forApp(APP).create({
            type: "sdkGroup",
            participants: Array.from({ length: 20 }, (_, i) => ({ userId: `${i}` }))
          }),
        noLimits
      )
    }))

  it.effect("one filter, one cursor, non-empty ids, flat metadata and the 100 KB body limit still apply", () =>
    Effect.gen(function*() {
      yield* rejects((c) => c.forApp(APP).list({ filter: {} as never }), "filter", "exactlyOne", noLimits)
      yield* rejects(
        (c) => c.forApp(APP).list({ filter: { userId: "u" }, page: { after: "a", before: "b" } }),
        "page",
        "oneCursor",
        noLimits
      )
      yield* rejects((c) => c.forApp(APP).get(""), "conversationId", "nonEmpty", noLimits)
      yield* rejects(
        (c) => c.forApp(APP).create({ type: "sdkGroup", metadata: { a: { b: 1 } } as never }),
        "metadata.a",
        "flat",
        noLimits
      )
      yield* rejects(
        (c) => c.forApp(APP).create({ type: "sdkGroup", metadata: { big: long(101 * 1024) } }),
        "body",
        "maxBodySize",
        noLimits
      )
    }))
})
