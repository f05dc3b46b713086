/**
 * The spec's rules, generated: valid and invalid bodies from the constraints
 * of `conversationCreateBody` and `userCreateBody` (lengths in characters,
 * `format: uri`, `format: email`). For the live client, the test layer and
 * the emulator alike: every invalid body is refused (the client before
 * anything reaches the network), every valid one accepted.
 */
import { NodeHttpClient } from "@effect/platform-node"
import { expect, layer } from "@effect/vitest"
import { Conversations, ConversationsTest, Users } from "@sunco-effect/conversations"
import { Emulator, EmulatorClient } from "@sunco-effect/emulator"
import { Effect, FastCheck as fc, Layer, Redacted } from "effect"

/** Strings of `min`-`max` characters (code points), emoji and other astral characters included. */
const text = (min: number, max: number) => fc.string({ unit: "binary", minLength: min, maxLength: max })
const tooLong = (max: number) => text(max + 1, max + 20)
const notUri = [" ", "\t", "\r\nX-Injected: 1", "\\", "%zz", "%4g", "😀", "<", ">", "\"", "{", "|", "^", "`", "\u0000"]
// Where RFC 3986 and the reference validator (ajv-formats' `format: uri`) disagree, the reference
// wins (see uriFormat.test.ts): these pass it though RFC 3986 refuses them…
const uri = fc.oneof(
  fc.webUrl({ withFragments: true, withQueryParameters: true }),
  fc.constantFrom("x:/[::1]", "http://a@b@c", "http://h:abc/", "x:/")
)
// …and these RFC 3986 allows (an empty path) or the former check let through (brackets, a bad IP literal).
const refusedByReference = ["x:", "x:?q", "x:#f", "mailto:", "x:a[b", "http://[zz]/"]
const badUri = fc.oneof(
  fc.tuple(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.constantFrom(...notUri), fc.nat()).map(
    ([url, bad, at]) => {
      const cut = url.indexOf(":") + 1 + (at % (url.length - url.indexOf(":")))
      return url.slice(0, cut) + bad + url.slice(cut)
    }
  ),
  fc.constantFrom("example.com/icon.png", "//example.com/a", "1http://x", "", ...refusedByReference)
)
const email = fc.emailAddress().filter((e) => e.length <= 128)
const badEmail = fc.constantFrom("plain", "a@", "@b.co", "a b@c.de", "a@b..c", "a@@b.co", "😀@b.co", "x".repeat(129))

type Case = { readonly valid: boolean; readonly body: Record<string, unknown> }
const valid = (body: Record<string, unknown>): Case => ({ valid: true, body })
const invalid = (body: Record<string, unknown>): Case => ({ valid: false, body })

const conversationCase: fc.Arbitrary<Case> = fc.oneof(
  fc.record({ displayName: text(1, 100), description: text(1, 100), iconUrl: uri }, { requiredKeys: [] })
    .map((b) => valid({ type: "sdkGroup", ...b })),
  fc.oneof(
    fc.record({ displayName: fc.oneof(tooLong(100), fc.constant("")) }),
    fc.record({ description: fc.oneof(tooLong(100), fc.constant("")) }),
    fc.record({ iconUrl: badUri })
  ).map((b) => invalid({ type: "sdkGroup", ...b }))
)

const profile = fc.record({
  givenName: text(1, 128),
  surname: text(1, 128),
  email,
  avatarUrl: uri,
  locale: text(1, 64)
}, { requiredKeys: [] })
const badProfile = fc.oneof(
  fc.record({ givenName: fc.oneof(tooLong(128), fc.constant("")) }),
  fc.record({ surname: fc.oneof(tooLong(128), fc.constant("")) }),
  fc.record({ email: badEmail }),
  fc.record({ avatarUrl: badUri }),
  fc.record({ locale: fc.oneof(tooLong(64), fc.constant("")) })
)
let serial = 0
const userCase: fc.Arbitrary<Case> = fc.oneof(
  fc.tuple(text(1, 40), profile).map(([id, p]) => valid({ externalId: `${id}-${serial++}`, profile: p })),
  badProfile.map((p) => invalid({ externalId: `bad-${serial++}`, profile: p })),
  tooLong(1024).map((id) => invalid({ externalId: id }))
)

const APP = "5f0c8b0e3f1a2b001e4d6c01"
const runs = { fastCheck: { numRuns: 120 } }

/** The outcome of one call: accepted, or refused with the tag of the error. */
const outcome = <A, E extends { readonly _tag: string }, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.match(effect, { onFailure: (e) => e._tag, onSuccess: () => "accepted" })

// Counts the requests that reach the emulator, by its request log.
let received = 0
const Live = EmulatorClient.layer().pipe(
  Layer.provideMerge(Emulator.layer({ log: () => received++ })),
  Layer.provide(NodeHttpClient.layerUndici)
)

layer(Live, { timeout: "120 seconds" })("the spec's rules, live client and emulator", (it) => {
  it.effect.prop("conversation bodies: invalid ones never reach the network, valid ones are created", [
    conversationCase
  ], ([c]) =>
    Effect.gen(function*() {
      const before = received
      const result = yield* outcome(Effect.flatMap(Conversations, (s) => s.create(c.body as never)))
      expect(result).toBe(c.valid ? "accepted" : "ValidationError")
      expect(received - before).toBe(c.valid ? 1 : 0)
    }), runs)

  it.effect.prop(
    "user bodies: invalid ones never reach the network, valid ones are created",
    [userCase],
    ([c]) =>
      Effect.gen(function*() {
        const before = received
        const result = yield* outcome(Effect.flatMap(Users, (s) => s.create(c.body as never)))
        expect(result).toBe(c.valid ? "accepted" : "ValidationError")
        expect(received - before).toBe(c.valid ? 1 : 0)
      }),
    runs
  )

  it.effect.prop("the emulator answers the same bodies sent raw: 400 when invalid, 201 when valid", [
    conversationCase,
    userCase
  ], ([conversation, user]) =>
    Effect.gen(function*() {
      const emulator = yield* Emulator
      const post = (path: string, body: unknown) =>
        Effect.promise(() =>
          fetch(`${emulator.baseUrl}/v2/apps/${emulator.appId}/${path}`, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              authorization: `Basic ${btoa(`${emulator.keyId}:${Redacted.value(emulator.keySecret)}`)}`
            },
            body: JSON.stringify(body)
          }).then((r) => r.status)
        )
      expect(yield* post("conversations", conversation.body)).toBe(conversation.valid ? 201 : 400)
      expect(yield* post("users", user.body)).toBe(user.valid ? 201 : 400)
    }), runs)
})

layer(ConversationsTest.layer({ appId: APP, seed: { apps: [{ id: APP }] } }))("the spec's rules, test layer", (it) => {
  it.effect.prop("conversation and user bodies: the same verdicts as the live client", [conversationCase, userCase], (
    [conversation, user]
  ) =>
    Effect.gen(function*() {
      expect(yield* outcome(Effect.flatMap(Conversations, (s) => s.create(conversation.body as never)))).toBe(
        conversation.valid ? "accepted" : "ValidationError"
      )
      expect(yield* outcome(Effect.flatMap(Users, (s) => s.create(user.body as never)))).toBe(
        user.valid ? "accepted" : "ValidationError"
      )
    }), runs)
})
