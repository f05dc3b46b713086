/**
 * Bad input never crashes the emulator or corrupts its state.
 */
import { expect, layer } from "@effect/vitest"
import { DefaultSeed, Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { call } from "./support/Http.js"

const base = `/v2/apps/${DefaultSeed.appId}/conversations`
const errorShape = (json: unknown) =>
  expect(json).toMatchObject({ errors: [{ code: expect.any(String), title: expect.any(String) }] })

layer(Emulator.layer())("bad input", (it) => {
  it.effect("malformed JSON, a wrong content type and a body over 100 KB get proper errors", () =>
    Effect.gen(function*() {
      const broken = yield* call("POST", base, { raw: "{\"type\": \"sdkGroup\"" })
      expect(broken.status).toBe(400)
      errorShape(broken.json)
      const textPlain = yield* call("POST", base, { raw: "type=sdkGroup", headers: { "content-type": "text/plain" } })
      expect(textPlain.status).toBe(400)
      errorShape(textPlain.json)
      const huge = yield* call("POST", base, { body: { type: "sdkGroup", displayName: "x".repeat(101 * 1024) } })
      expect(huge.status).toBe(413)
      errorShape(huge.json)
      const invalid = yield* call("POST", base, { body: { type: "sdkGroup", displayName: "" } })
      expect(invalid.status).toBe(400)
      expect((invalid.json as { errors: Array<{ title: string }> }).errors[0]!.title).toContain("displayName")
      const notAnObject = yield* call("PATCH", `${base}/5f0c8b0e3f1a2b001e4d6c20`, { raw: "[1,2,3]" })
      expect(notAnObject.status).toBe(400)
    }))

  it.effect("odd path segments and unknown routes are 404s in the API's shape", () =>
    Effect.gen(function*() {
      const cases: ReadonlyArray<readonly [string, number]> = [
        [`${base}/..%2F..%2Fusers`, 404], // one segment: no such conversation
        [`${base}/a%2Fb`, 404],
        [`/v2/apps/..%2F${DefaultSeed.appId}/conversations/x`, 403], // an app id that is not the key's app
        [`/v2/apps/${DefaultSeed.appId}/nothing-here`, 404],
        ["/favicon.ico", 404]
      ]
      for (const [path, status] of cases) {
        const answer = yield* call("GET", path)
        expect([path, answer.status]).toEqual([path, status])
        errorShape(answer.json)
      }
      const unknownRoute = yield* call("GET", "/v2/nowhere")
      expect(unknownRoute.json).toEqual({ errors: [{ code: "not_found", title: "Resource not found" }] })
    }))

  it.effect("query parameters in deepObject form, percent-encoded or not", () =>
    Effect.gen(function*() {
      const plain = yield* call("GET", `${base}?filter[userExternalId]=ada&page[size]=1`)
      const encoded = yield* call("GET", `${base}?filter%5BuserExternalId%5D=ada&page%5Bsize%5D=1`)
      expect(plain.status).toBe(200)
      expect(encoded.json).toEqual(plain.json)
      const both = yield* call("GET", `${base}?filter[userExternalId]=ada&filter[userId]=x`)
      expect(both.status).toBe(400)
      const badSize = yield* call("GET", `${base}?filter[userExternalId]=ada&page[size]=1000`)
      expect(badSize.json).toEqual({ errors: [{ code: "bad_request", title: "Invalid page query parameters" }] })
    }))

  it.effect("a burst of concurrent updates to one conversation leaves a consistent result, and the server keeps serving", () =>
    Effect.gen(function*() {
      const created = yield* call("POST", base, { body: { type: "sdkGroup", displayName: "start" } })
      const id = (created.json as { conversation: { id: string } }).conversation.id
      const names = Array.from({ length: 100 }, (_, i) => `name-${i}`)
      const answers = yield* Effect.forEach(
        names,
        (displayName) => call("PATCH", `${base}/${id}`, { body: { displayName, metadata: { by: displayName } } }),
        { concurrency: "unbounded" }
      )
      expect(answers.every((a) => a.status === 200)).toBe(true)
      const final = (yield* call("GET", `${base}/${id}`)).json as {
        conversation: { displayName: string; metadata: { by: string } }
      }
      // whichever write came last, both fields come from the same write
      expect(names).toContain(final.conversation.displayName)
      expect(final.conversation.metadata.by).toBe(final.conversation.displayName)
      expect((yield* call("GET", `${base}/5f0c8b0e3f1a2b001e4d6c20`)).status).toBe(200)
    }))
})
