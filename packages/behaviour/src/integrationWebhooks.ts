/**
 * Webhooks of custom integrations as a user sees them: each with a
 * generated secret (a Redacted) and the spec's defaults, listed with the
 * integration, updated field by field, deleted; only custom integrations.
 */
import { expect } from "@effect/vitest"
import { Integrations } from "@sunco-effect/conversations"
import { Effect, Redacted } from "effect"
import { APP, AppKeyed } from "./fixtures.js"
import { customIntegration } from "./integrations.js"
import type { Section } from "./sections.js"

export const integrationWebhooks: Section = (it) => {
  it.effect("create gives a secret and the defaults; list gives it after the integration's first webhook", () =>
    Effect.gen(function*() {
      const webhooks = (yield* AppKeyed).forApp(APP)
      const integration = yield* customIntegration
      const id = integration.id!
      const created = yield* webhooks.create(id, {
        target: "https://example.com/second",
        triggers: ["conversation:read", "conversation:message"],
        includeFullSource: true
      })
      expect(created).toMatchObject({
        target: "https://example.com/second",
        triggers: ["conversation:read", "conversation:message"],
        includeFullUser: false,
        includeFullSource: true,
        version: "v2"
      })
      expect(created.id).toMatch(/^[0-9a-f]{24}$/)
      expect(Redacted.value(created.secret!)).toMatch(/^[0-9a-f]{32}$/)
      const listed = yield* webhooks.list(id)
      expect(listed.map((w) => w.target)).toEqual(["https://example.com/hooks", "https://example.com/second"])
      const fetched = yield* webhooks.get(id, created.id!)
      expect({ ...fetched, secret: Redacted.value(fetched.secret!) }).toEqual({
        ...created,
        secret: Redacted.value(created.secret!)
      })
      // The integration shows one webhook, its first, as the spec's custom.webhooks (maxItems 1) allows.
      const withHooks = yield* (yield* Integrations).forApp(APP).get(id)
      expect(withHooks.type === "custom" ? withHooks.webhooks.map((w) => w.id) : []).toEqual([listed[0]!.id])
    }))

  it.effect("update changes only the given fields and keeps the secret; delete removes the webhook", () =>
    Effect.gen(function*() {
      const webhooks = (yield* AppKeyed).forApp(APP)
      const integration = yield* customIntegration
      const id = integration.id!
      const created = yield* webhooks.create(id, {
        target: "https://example.com/a",
        triggers: ["conversation:message"]
      })
      const updated = yield* webhooks.update(id, created.id!, { triggers: ["user:merge"], includeFullUser: true })
      expect(updated).toMatchObject({
        id: created.id,
        target: "https://example.com/a",
        triggers: ["user:merge"],
        includeFullUser: true,
        includeFullSource: false
      })
      expect(Redacted.value(updated.secret!)).toBe(Redacted.value(created.secret!))
      const bad = yield* Effect.flip(webhooks.update(id, created.id!, { target: "nowhere" }))
      expect(bad).toMatchObject({ _tag: "ValidationError", field: "target", rule: "uri" })
      yield* webhooks.delete(id, created.id!)
      expect((yield* Effect.flip(webhooks.get(id, created.id!)))._tag).toBe("NotFound")
      expect((yield* Effect.flip(webhooks.update(id, created.id!, { includeFullUser: false })))._tag).toBe("NotFound")
      expect((yield* Effect.flip(webhooks.delete(id, created.id!)))._tag).toBe("NotFound")
      expect((yield* webhooks.list(id)).map((w) => w.id)).not.toContain(created.id)
    }))

  it.effect("webhooks are for custom integrations; unknown integrations and missing fields are typed", () =>
    Effect.gen(function*() {
      const webhooks = (yield* AppKeyed).forApp(APP)
      const web = yield* (yield* Integrations).forApp(APP).create({ type: "web", displayName: "Site" })
      const body = { target: "https://example.com/x", triggers: ["conversation:message"] }
      expect(yield* Effect.flip(webhooks.create(web.id!, body))).toMatchObject({ _tag: "Forbidden", status: 403 })
      expect((yield* Effect.flip(webhooks.list(web.id!)))._tag).toBe("Forbidden")
      expect((yield* Effect.flip(webhooks.create("0123456789abcdef01234567", body)))._tag)
        .toBe("IntegrationNotFound")
      expect((yield* Effect.flip(webhooks.get("0123456789abcdef01234567", "0123456789abcdef01234568")))._tag)
        .toBe("NotFound")
      const integration = yield* customIntegration
      // A caller without the types (JavaScript) can leave triggers out: refused before sending.
      const partial: { target: string; triggers: ReadonlyArray<string> } = JSON.parse(
        "{\"target\":\"https://e.com/x\"}"
      )
      expect(yield* Effect.flip(webhooks.create(integration.id!, partial))).toMatchObject({
        _tag: "ValidationError",
        field: "triggers",
        rule: "required"
      })
    }))
}
