// The generated Schemas and facts (src/generated, from scripts/generate.mjs)
// checked against the spec they come from: every example in the spec decodes
// with the Schema its operation declares and encodes back unchanged; the
// operation table agrees with the spec; decoding stays open where the
// service may grow.
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Schema } from "effect"
import { components } from "../src/generated/Components.js"
import { bodyConstraints, queryConstraints } from "../src/generated/Constraints.js"
import { type OperationId, operations } from "../src/generated/Operations.js"
import * as Schemas from "../src/generated/Schemas.js"
import { webhookEventTypes, WebhookPayload } from "../src/generated/Webhooks.js"
import { spec } from "./support/Spec.js"

const methods = ["get", "post", "put", "patch", "delete"]
const specOperations = Object.entries(spec.paths).flatMap(([path, item]) =>
  methods.filter((m) => item[m] !== undefined).map((method) => ({ path, method, op: item[method] }))
)
const refName = (ref: string) => ref.replace("#/components/schemas/", "")
const exampleValue = (example: any): unknown =>
  example.$ref === undefined
    ? example.value
    : spec.components.examples[example.$ref.replace("#/components/examples/", "")]!.value
const byConstName = (name: string): Schema.Schema<any, any> => (Schemas as Record<string, any>)[name]
const schemaOf = (name: string): Schema.Schema<any, any> =>
  (components as Record<string, Schema.Schema<any, any>>)[name]!

/**
 * Decodes, then encodes back: the error if either fails, else the re-encoded
 * value. Fields the Schema does not declare are carried through (`preserve`),
 * so the result equals the example unless a declared field was lost.
 */
const preserve = { onExcessProperty: "preserve" } as const
const roundTrip = (schema: Schema.Schema<any, any>, value: unknown) =>
  Either.flatMap(
    Schema.decodeUnknownEither(schema)(value, preserve),
    (decoded) => Schema.encodeEither(schema)(decoded, preserve)
  )

/**
 * Two examples of the spec contradict their own Schema: a number where the
 * Schema says string. Each is decoded as the spec's Schema says (so it fails)
 * and, corrected, must decode and encode back; once the spec is fixed the
 * test says so.
 */
const errata: Record<string, (value: any) => unknown> = {
  // conversionEvents.datasetId is `type: string`
  "PostConversionEvents 200 default": (v) => ({
    ...v,
    conversionEvents: { ...v.conversionEvents, datasetId: String(v.conversionEvents.datasetId) }
  }),
  // userTruncated.externalId is `type: string`
  "webhook conversation:referral": (v) => ({
    ...v,
    events: v.events.map((e: any) => ({
      ...e,
      payload: { ...e.payload, user: { ...e.payload.user, externalId: String(e.payload.user.externalId) } }
    }))
  })
}
/** The example as checked: corrected if it is one of the errata, which must still be wrong. */
const checkedValue = (id: string, schema: Schema.Schema<any, any>, value: unknown): unknown => {
  const fix = errata[id]
  if (fix === undefined) return value
  expect([id, "still contradicts its Schema", Either.isLeft(Schema.decodeUnknownEither(schema)(value))]).toEqual([
    id,
    "still contradicts its Schema",
    true
  ])
  return fix(value)
}

const examplesOf = (media: any): Array<[string, unknown]> => [
  ...Object.entries<any>(media.examples ?? {}).map(([name, e]): [string, unknown] => [name, exampleValue(e)]),
  ...(media.example === undefined ? [] : [["example", media.example] as [string, unknown]])
]

describe("the operation table", () => {
  it("has the spec's 68 operations in 17 families, with the count of each", () => {
    const counts: Record<string, number> = {}
    for (const op of Object.values(operations)) counts[op.tagName] = (counts[op.tagName] ?? 0) + 1
    expect(Object.keys(operations)).toHaveLength(68)
    expect(counts).toEqual({
      "Apps": 5,
      "App Keys": 4,
      "Attachments": 2,
      "Conversations": 7,
      "Participants": 3,
      "Messages": 4,
      "Activities": 1,
      "Switchboard Actions": 4,
      "Switchboards": 4,
      "Switchboard Integrations": 4,
      "Integrations": 5,
      "Custom Integration API Keys": 4,
      "Webhooks": 5,
      "Users": 7,
      "Clients": 3,
      "Devices": 2,
      "OAuth": 4
    })
    expect(new Set(specOperations.map(({ op }) => op.operationId))).toEqual(new Set(Object.keys(operations)))
  })

  it("says what the spec says of CreateConversation, ListMessages, UploadAttachment and CreateApp", () => {
    const create = operations.CreateConversation
    expect([create.method, create.path, create.pathParameters]).toEqual([
      "POST",
      "/v2/apps/{appId}/conversations",
      ["appId"]
    ])
    expect(create.success).toEqual({ status: 201, contentType: "application/json", schema: "ConversationResponse" })
    expect(create.errors).toEqual([{ status: 404, codes: ["app_not_found"] }])
    expect(create.body).toEqual({ schema: "ConversationCreateBody", contentType: "application/json", required: true })

    const list = operations.ListMessages
    expect(list.method).toBe("GET")
    expect(list.query.map((q) => q.name)).toEqual(["page[after]", "page[before]", "page[size]"])
    expect(list.query.find((q) => q.name === "page[size]")).toMatchObject({ required: false, type: "integer" })
    expect(queryConstraints.ListMessages["page[size]"]).toMatchObject({ minimum: 1, maximum: 100 })

    expect(operations.UploadAttachment.body).toEqual({
      schema: "AttachmentUploadBody",
      contentType: "multipart/form-data",
      required: true
    })
    expect(operations.UploadAttachment.query.filter((q) => q.required).map((q) => q.name)).toEqual(["access"])

    expect(operations.CreateApp.security).toEqual([
      { scheme: "basicAuth", scopes: ["account"] },
      { scheme: "bearerAuth", scopes: ["account"] }
    ])
    // inline schemas are named for their operation; bare objects share one
    expect(operations.JoinConversation.success.schema).toBe("JoinConversationResponse")
    expect(operations.DeleteApp.success.schema).toBe("EmptyObjectResponse")
    expect(operations.CreateIntegration.success.schema).toBe("IntegrationResponse")
    // the OAuth token exchange takes no credentials
    expect(operations.GetToken.security).toEqual([])
  })

  it("names a Schema that exists for every body and success response it lists", () => {
    const named = Object.values(operations).flatMap((op) => [op.success.schema, op.body?.schema])
    const missing = named.filter((name) => name !== undefined && !(name in Schemas))
    expect(missing).toEqual([])
    expect(named.filter((name) => name !== undefined).length).toBeGreaterThan(60)
  })

  it("keeps the request rules as data: lengths, enums, formats, item counts", () => {
    expect(bodyConstraints.ConversationCreateBody).toMatchObject({
      type: { enum: ["personal", "sdkGroup"] },
      displayName: { minLength: 1, maxLength: 100 },
      participants: { maxItems: 10 },
      iconUrl: { format: "uri", maxLength: 2048 }
    })
    expect(bodyConstraints.MessagePost["content<text>.text"]).toEqual({ maxLength: 4096 })
  })
})

describe("every example of the spec decodes with its declared Schema and encodes back unchanged", () => {
  it("the responses' examples (components.examples and inline), by status", () => {
    const failures: Array<string> = []
    let checked = 0
    for (const { op } of specOperations) {
      for (const [status, response] of Object.entries<any>(op.responses)) {
        const media = response.content?.["application/json"]
        if (media === undefined) continue
        // an inline schema is generated under the name the operation table gives it
        const schema = media.schema.$ref === undefined
          ? byConstName(operations[op.operationId as OperationId].success.schema!)
          : schemaOf(refName(media.schema.$ref))
        for (const [exampleName, example] of examplesOf(media)) {
          checked++
          const value = checkedValue(`${op.operationId} ${status} ${exampleName}`, schema, example)
          const result = roundTrip(schema, value)
          if (Either.isLeft(result)) failures.push(`${op.operationId} ${status} ${exampleName}: ${result.left}`)
          else if (JSON.stringify(result.right) !== JSON.stringify(value)) {
            expect([op.operationId, status, exampleName, result.right]).toEqual([
              op.operationId,
              status,
              exampleName,
              value
            ])
          }
        }
      }
    }
    expect(failures).toEqual([])
    // every JSON example of every response of the spec (a skipped one would lower it)
    expect(checked).toBe(143)
  })

  it("the request bodies' examples", () => {
    const failures: Array<string> = []
    let checked = 0
    for (const { op } of specOperations) {
      const media = op.requestBody?.content?.["application/json"]
      if (media?.schema?.$ref === undefined) continue
      for (const [exampleName, value] of examplesOf(media)) {
        checked++
        const result = roundTrip(schemaOf(refName(media.schema.$ref)), value)
        if (Either.isLeft(result)) failures.push(`${op.operationId} ${exampleName}: ${result.left}`)
        else expect([op.operationId, exampleName, result.right]).toEqual([op.operationId, exampleName, value])
      }
    }
    expect(failures).toEqual([])
    expect(checked).toBe(22)
  })

  it("the webhook payloads of x-webhooks, one per event type", () => {
    const post = (spec as any)["x-webhooks"]["Webhook Event"].post
    const examples = examplesOf(post.requestBody.content["application/json"])
    expect(examples.map(([name]) => name).sort()).toEqual([...webhookEventTypes].sort())
    for (const [name, example] of examples) {
      const value = checkedValue(`webhook ${name}`, WebhookPayload, example)
      const decoded = Schema.decodeUnknownEither(WebhookPayload)(value)
      expect([name, Either.isRight(decoded)]).toEqual([name, true])
      const events = Either.getOrThrow(decoded).events ?? []
      // decoded as the event of that type, not as the unknown case
      expect([name, events.map((e) => e.type)]).toEqual([name, [name]])
      expect([name, Either.getOrThrow(roundTrip(WebhookPayload, value))]).toEqual([name, value])
    }
  })
})

describe("decoding is forward compatible", () => {
  it.effect("an extra field in a response is ignored", () =>
    Effect.gen(function*() {
      const decoded = yield* Schema.decodeUnknown(Schemas.ConversationResponse)({
        conversation: { id: "c1", type: "personal", addedLater: { x: 1 } },
        alsoNew: true
      })
      expect(decoded.conversation?.id).toBe("c1")
      expect(decoded.conversation).not.toHaveProperty("addedLater")
    }))

  it.effect("an enum value the spec does not list decodes; the closed Known schema refuses it", () =>
    Effect.gen(function*() {
      const decoded = yield* Schema.decodeUnknown(Schemas.Conversation)({ id: "c1", type: "broadcast" })
      expect(decoded.type).toBe("broadcast")
      const client = yield* Schema.decodeUnknown(Schemas.Client)({ id: "k", type: "carrierPigeon", status: "sleepy" })
      expect([client.type, client.status]).toEqual(["carrierPigeon", "sleepy"])
      expect(Schema.is(Schemas.KnownConversationType)("broadcast")).toBe(false)
      expect(Schema.is(Schemas.KnownConversationType)("sdkGroup")).toBe(true)
    }))

  it.effect("a message whose content type is unknown decodes to the unknown case, raw kept, and encodes back", () =>
    Effect.gen(function*() {
      const raw = { type: "hologram", frames: 24, text: "hi" }
      const message = { id: "m1", author: { type: "user" }, content: raw }
      const decoded = yield* Schema.decodeUnknown(Schemas.Message)(message)
      expect(decoded.content).toEqual({ type: "unknown", raw })
      expect(yield* Schema.encode(Schemas.Message)(decoded)).toEqual(message)
      const text = yield* Schema.decodeUnknown(Schemas.Content)({ type: "text", text: "hello" })
      expect(text).toEqual({ type: "text", text: "hello" })
    }))

  it.effect("a known content type that is malformed still fails (it is not taken for an unknown one)", () =>
    Effect.gen(function*() {
      const result = yield* Effect.either(Schema.decodeUnknown(Schemas.Content)({ type: "image" }))
      expect(Either.isLeft(result)).toBe(true)
    }))

  it.effect("an unknown webhook event type in a batch decodes without failing the batch", () =>
    Effect.gen(function*() {
      const known = {
        id: "e1",
        type: "conversation:read",
        createdAt: "2025-01-01T00:00:00.000Z",
        payload: { conversation: { id: "c1" } }
      }
      const novel = { id: "e2", type: "conversation:teleport", createdAt: "2025-01-01T00:00:00.000Z", payload: {} }
      const payload = yield* Schema.decodeUnknown(WebhookPayload)({
        app: { id: "a1" },
        webhook: { id: "w1", version: "v2" },
        events: [known, novel]
      })
      expect(payload.events?.map((e) => e.type)).toEqual(["conversation:read", "unknown"])
      expect(payload.events?.[1]).toEqual({ type: "unknown", raw: novel })
    }))

  it.effect("an unknown integration type decodes to the unknown case", () =>
    Effect.gen(function*() {
      const response = yield* Schema.decodeUnknown(Schemas.IntegrationResponse)({
        integration: { id: "i1", type: "smokeSignals", status: "active" }
      })
      expect(response.integration?.type).toBe("unknown")
    }))
})
