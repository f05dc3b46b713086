/**
 * Integrations as a user sees them: custom integrations made with their
 * webhook, other types stored as given, a paginated list filtered by type,
 * updates checked against the type's own fields, and deletion taking the
 * integration's webhooks and keys with it.
 */
import { expect } from "@effect/vitest"
import { IntegrationKeys, Integrations } from "@sunco-effect/conversations"
import { Chunk, Effect, Redacted, Stream } from "effect"
import { APP, AppKeyed } from "./fixtures.js"
import type { Section } from "./sections.js"

let counter = 0
export const customIntegration = Effect.flatMap(Integrations, (integrations) =>
  integrations.forApp(APP).create({
    type: "custom",
    displayName: `Bot ${++counter}`,
    webhooks: [{ target: "https://example.com/hooks", triggers: ["conversation:message"] }]
  }))

export const integrations: Section = (it) => {
  it.effect("a custom integration is made with its webhook, which gets a secret; get returns the same", () =>
    Effect.gen(function*() {
      const i = (yield* Integrations).forApp(APP)
      const created = yield* customIntegration
      expect(created).toMatchObject({ type: "custom", status: "active" })
      expect(created.id).toMatch(/^[0-9a-f]{24}$/)
      if (created.type !== "custom") return expect.fail("not custom")
      expect(created.webhooks).toHaveLength(1)
      const [webhook] = created.webhooks
      expect(webhook).toMatchObject({
        target: "https://example.com/hooks",
        triggers: ["conversation:message"],
        version: "v2",
        includeFullUser: false,
        includeFullSource: false
      })
      expect(Redacted.isRedacted(webhook!.secret)).toBe(true)
      expect(Redacted.value(webhook!.secret!)).toMatch(/^[0-9a-f]{32}$/)
      expect(String(webhook!.secret)).not.toContain(Redacted.value(webhook!.secret!))
      const fetched = yield* i.get(created.id!)
      expect(fetched).toMatchObject({ id: created.id, type: "custom", displayName: created.displayName })
      if (fetched.type !== "custom") return expect.fail("not custom")
      expect(fetched.webhooks.map((w) => [w.id, Redacted.value(w.secret!)])).toEqual([
        [webhook!.id, Redacted.value(webhook!.secret!)]
      ])
    }))

  it.effect("other types are stored as given, with their id and status", () =>
    Effect.gen(function*() {
      const i = (yield* Integrations).forApp(APP)
      const web = yield* i.create({ type: "web", displayName: "Site", brandColor: "00ff00", businessName: "Acme" })
      expect(web).toMatchObject({ type: "web", status: "active", displayName: "Site", brandColor: "00ff00" })
      expect(yield* i.get(web.id!)).toEqual(web)
    }))

  it.effect("a type the service does not take is BadRequest; bad bodies are refused before sending", () =>
    Effect.gen(function*() {
      const i = (yield* Integrations).forApp(APP)
      const unknown = yield* Effect.flip(i.create({ type: "unknown", raw: { type: "carrier-pigeon" } }))
      expect(unknown).toMatchObject({ _tag: "BadRequest", status: 400 })
      const two = yield* Effect.flip(i.create({
        type: "custom",
        webhooks: [
          { target: "https://example.com/a", triggers: ["conversation:message"] },
          { target: "https://example.com/b", triggers: ["conversation:message"] }
        ]
      }))
      expect(two).toMatchObject({ _tag: "ValidationError", field: "webhooks", rule: "maxItems" })
      const target = yield* Effect.flip(i.create({
        type: "custom",
        webhooks: [{ target: "not a url", triggers: ["conversation:message"] }]
      }))
      expect(target).toMatchObject({ _tag: "ValidationError", field: "webhooks[0].target", rule: "uri" })
      const long = yield* Effect.flip(i.create({ type: "web", displayName: "x".repeat(101) }))
      expect(long).toMatchObject({ _tag: "ValidationError", field: "displayName", rule: "maxLength" })
      expect((yield* Effect.flip(i.get("0123456789abcdef01234567")))._tag).toBe("IntegrationNotFound")
      expect((yield* Effect.flip((yield* Integrations).forApp("000000000000000000000000").list()))._tag)
        .toBe("AppNotFound")
    }))

  it.effect("list pages forwards through the app's integrations, filtered by type; stream yields each once", () =>
    Effect.gen(function*() {
      const i = (yield* Integrations).forApp(APP)
      const made = yield* Effect.forEach([1, 2, 3], () => customIntegration)
      const web = yield* i.create({ type: "web", displayName: "Not custom" })
      const ids = new Set(made.map((m) => m.id))
      const first = yield* i.list({ filter: { types: ["custom"] }, page: { size: 2 } })
      expect(first.integrations).toHaveLength(2)
      expect(first.meta.hasMore).toBe(true)
      expect(first.links.next).toMatch(
        /\/integrations\?filter\[types\]=custom&page\[after\]=[0-9a-f]{24}&page\[size\]=2$/
      )
      const all = yield* i.stream({ filter: { types: ["custom"] }, page: { size: 2 } }).pipe(Stream.runCollect)
      const streamed = Chunk.toReadonlyArray(all).map((x) => x.id)
      expect(new Set(streamed).size).toBe(streamed.length)
      expect(streamed.filter((id) => ids.has(id))).toEqual(made.map((m) => m.id))
      expect(Chunk.toReadonlyArray(all).every((x) => x.type === "custom")).toBe(true)
      const both = yield* i.stream({ filter: { types: ["custom", "web"] }, page: { size: 100 } }).pipe(
        Stream.runCollect
      )
      expect(Chunk.toReadonlyArray(both).map((x) => x.id)).toContain(web.id)
      const bad = yield* Effect.flip(i.list({ page: { size: 0 } }))
      expect(bad).toMatchObject({ _tag: "ValidationError", field: "page.size" })
    }))

  it.effect("update changes the given fields of the integration's own type; others are refused", () =>
    Effect.gen(function*() {
      const i = (yield* Integrations).forApp(APP)
      const created = yield* customIntegration
      const renamed = yield* i.update(created.id!, { displayName: "Renamed" })
      expect(renamed).toMatchObject({ id: created.id, displayName: "Renamed", type: "custom" })
      expect(yield* i.get(created.id!)).toMatchObject({ displayName: "Renamed" })
      const cleared = yield* i.update(created.id!, { displayName: null })
      expect(cleared.displayName ?? null).toBeNull()
      // brandColor is a web integration's: the service refuses it on a custom one.
      const foreign = yield* Effect.flip(i.update(created.id!, { brandColor: "ff0000" }))
      expect(foreign).toMatchObject({ _tag: "BadRequest", status: 400 })
      // integrationUpdate is a oneOf: fields of two types' updates fit no branch, refused before sending.
      const mixed = yield* Effect.flip(i.update(created.id!, { brandColor: "ff0000", projectId: "p" }))
      expect(mixed).toMatchObject({ _tag: "ValidationError", field: "body", rule: "exactlyOne" })
      expect((yield* Effect.flip(i.update("0123456789abcdef01234567", { displayName: "x" })))._tag)
        .toBe("IntegrationNotFound")
    }))

  it.effect("delete removes the integration with its webhooks and keys", () =>
    Effect.gen(function*() {
      const i = (yield* Integrations).forApp(APP)
      const created = yield* customIntegration
      if (created.type !== "custom") return expect.fail("not custom")
      const key = yield* (yield* IntegrationKeys).forApp(APP).create(created.id!, { displayName: "k" })
      yield* i.delete(created.id!)
      expect((yield* Effect.flip(i.get(created.id!)))._tag).toBe("IntegrationNotFound")
      expect((yield* Effect.flip(i.delete(created.id!)))._tag).toBe("IntegrationNotFound")
      const webhooks = (yield* AppKeyed).forApp(APP)
      expect((yield* Effect.flip(webhooks.get(created.id!, created.webhooks[0]!.id!)))._tag).toBe("NotFound")
      expect((yield* Effect.flip(webhooks.list(created.id!)))._tag).toBe("IntegrationNotFound")
      expect((yield* Effect.flip((yield* IntegrationKeys).forApp(APP).get(created.id!, key.id!)))._tag)
        .toBe("NotFound")
    }))
}
