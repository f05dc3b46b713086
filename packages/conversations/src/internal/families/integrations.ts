/**
 * The Integrations family: one entry per operation (see `conversations.ts`).
 */
import * as Either from "effect/Either"
import * as Constraints from "../../generated/Constraints.js"
import * as Facts from "../../generated/Operations.js"
import * as Schemas from "../../generated/Schemas.js"
import type { Unknown } from "../../generated/Unknown.js"
import type { Integration, IntegrationListQuery, IntegrationPage } from "../../Integrations.js"
import type { Page } from "../../Pagination.js"
import * as Validation from "../../Validation.js"
import { rulesOf } from "../constraints.js"
import { decoder } from "../decode.js"
import { define, empty, type ResponseCodec } from "../operation.js"
import { redactWebhook, revealWebhook } from "../secrets.js"
import { paginated } from "../stream.js"
import { checkWebhook } from "./integrationWebhooks.js"

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/** The fields each integration type's update takes: the branches of the spec's `integrationUpdate` oneOf. */
export const updatableFields: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  ([
    ["android", Schemas.AndroidUpdate],
    ["apple", Schemas.AppleUpdate],
    ["custom", Schemas.CustomUpdate],
    ["instagram", Schemas.InstagramUpdate],
    ["ios", Schemas.IosUpdate],
    ["line", Schemas.LineUpdate],
    ["mailgun", Schemas.MailgunUpdate],
    ["messagebird", Schemas.MessageBirdUpdate],
    ["messenger", Schemas.MessengerUpdate],
    ["telegram", Schemas.TelegramUpdate],
    ["twilio", Schemas.TwilioUpdate],
    ["twitter", Schemas.TwitterUpdate],
    ["unity", Schemas.UnityUpdate],
    ["viber", Schemas.ViberUpdate],
    ["web", Schemas.WebUpdate],
    ["whatsapp", Schemas.WhatsAppUpdate]
  ] as const).map(([type, schema]) => [type, new Set(Object.keys(schema.fields))])
)

const anyUpdatable = new Set([...updatableFields.values()].flatMap((fields) => [...fields]))

/**
 * `integrationUpdate` is a oneOf whose branches have no required field, so
 * every body matches several and no validator can accept it. What it means
 * is checked instead: the fields set must all belong to one integration
 * type's update (`brandColor` with `projectId` belongs to none). Fields no
 * branch names are left to the service. The store then checks them against
 * the integration's own type.
 */
const checkOneBranch = (body: unknown): Validation.Violation | undefined => {
  if (!isRecord(body)) return { field: "body", rule: "type", detail: "must be an object" }
  const set = Object.keys(body).filter((k) => body[k] !== undefined && anyUpdatable.has(k))
  for (const fields of updatableFields.values()) if (set.every((k) => fields.has(k))) return undefined
  return {
    field: "body",
    rule: "exactlyOne",
    detail: `must hold the fields of one integration type's update (integrationUpdate is a oneOf): ${
      set.join(", ")
    } belong to no single type`
  }
}

// The base `integration`'s own rule, which the generated constraints (by variant) do not carry.
const baseRules = rulesOf({ displayName: { maxLength: 100 } })
const createRules = rulesOf(Constraints.Integration)
const updateRules = rulesOf(Constraints.IntegrationUpdate)

const checkCreate = (body: unknown, options: Validation.ValidationOptions): Validation.Violation | undefined => {
  if (!isRecord(body)) return { field: "body", rule: "type", detail: "must be an object" }
  if (typeof body.type !== "string") return { field: "type", rule: "required", detail: "is required (a string)" }
  const broken = baseRules(body, options) ?? createRules(body, options)
  if (broken !== undefined || body.type !== "custom") return broken
  const { webhooks } = body
  if (!Array.isArray(webhooks)) return { field: "webhooks", rule: "required", detail: "is required for custom" }
  for (let i = 0; i < webhooks.length; i++) {
    const v = checkWebhook(webhooks[i], true, `webhooks[${i}]`)
    if (v) return v
  }
  return undefined
}

const text = (u: unknown): string | undefined => typeof u === "string" ? u : undefined

/**
 * An integration as the client returns it: a custom integration's webhook
 * secrets redacted; an unknown type with the fields every integration has.
 */
const toClient = (integration: Schemas.Integration): Integration => {
  if (integration.type === "custom") return { ...integration, webhooks: integration.webhooks.map(redactWebhook) }
  if (integration.type !== "unknown") return integration
  const { raw } = integration
  const id = text(raw.id)
  const status = text(raw.status)
  const displayName = raw.displayName === null ? null : text(raw.displayName)
  return {
    ...integration,
    ...(id === undefined ? {} : { id }),
    ...(status === undefined ? {} : { status }),
    ...(displayName === undefined ? {} : { displayName })
  }
}

/** An integration as the service answers it. */
const toWire = (integration: Integration): unknown =>
  integration.type === "custom"
    ? { ...integration, webhooks: integration.webhooks.map(revealWebhook) }
    : integration.type === "unknown"
    ? integration.raw
    : integration

const decodeOne = decoder(Schemas.IntegrationResponse)
const decodeList = decoder(Schemas.IntegrationListResponse)

const integration: ResponseCodec<Integration> = {
  decode: (json) =>
    Either.flatMap(decodeOne(json), (r) =>
      r.integration === undefined
        ? Either.left("the response has no integration")
        : Either.right(toClient(r.integration))),
  encode: (i) => ({ integration: toWire(i) })
}

/** The ListIntegrations query on the wire: `filter[types]` comma-separated. */
export interface WireQuery {
  readonly filter?: { readonly types: string }
  readonly page?: Page
}

const toWireQuery = (query: IntegrationListQuery | undefined): WireQuery => {
  const types = query?.filter?.types
  return {
    ...(types === undefined ? {} : { filter: { types: types.join(",") } }),
    ...(query?.page === undefined ? {} : { page: query.page })
  }
}

/** An integration type to create: one the spec lists, or another as the service takes it (`raw`). */
type NewIntegration = Exclude<Schemas.Integration, Unknown> | Unknown

export const integrations = {
  /**
   * CreateIntegration: a channel or a custom integration. A `custom`
   * integration is created with its webhook (`webhooks`, exactly one, the
   * spec says), which gets a generated `secret` (returned as a `Redacted`).
   * Its `webhooks` shows that one webhook (the spec allows one there);
   * `IntegrationWebhooks.list` gives every webhook added later.
   * The spec's rules are checked before sending (lengths, the one webhook,
   * its `target` an absolute URL). A type the service does not take fails
   * with `BadRequest`. Not repeated after a failure that may have reached the
   * service, which would make a second integration.
   *
   * @example
   * ```ts
   * import { Integrations } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const integrations = yield* Integrations
   *   const bot = yield* integrations.create({
   *     type: "custom",
   *     displayName: "Order bot",
   *     webhooks: [{ target: "https://example.com/hooks", triggers: ["conversation:message"] }]
   *   })
   *   return bot.type === "custom" ? bot.webhooks[0]?.secret : undefined
   * })
   * ```
   */
  create: define(Facts.CreateIntegration)({
    args: (body: NewIntegration) => ({ body: body.type === "unknown" ? body.raw : body }),
    body: Schemas.Integration,
    check: ({ body }, options) => checkCreate(body, options),
    response: integration,
    errors: ["BadRequest"],
    repeatable: false
  }),
  /**
   * ListIntegrations: one page of the app's integrations, oldest first,
   * optionally of some types only (`filter.types`). Its pagination gives
   * `stream` (every integration, following the cursors lazily) and
   * `streamPages`. A bad page query fails with `InvalidPage`.
   *
   * @example
   * ```ts
   * import { Integrations } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const integrations = yield* Integrations
   *   const page = yield* integrations.list({ filter: { types: ["custom", "web"] }, page: { size: 10 } })
   *   return page.integrations.map((i) => i.type)
   * })
   * ```
   */
  list: define(Facts.ListIntegrations)({
    args: (query?: IntegrationListQuery) => ({ query: toWireQuery(query) }),
    body: undefined,
    check: ({ query }, options) => {
      const types = query.filter?.types
      if (types !== undefined && (typeof types !== "string" || types.split(",").some((t) => t.trim() === ""))) {
        return { field: "filter.types", rule: "nonEmpty", detail: "must name at least one type, none empty" }
      }
      return query.page === undefined ? undefined : Validation.checkPage(query.page, options)
    },
    response: {
      decode: (json) =>
        Either.map(decodeList(json), (r): IntegrationPage => ({
          integrations: (r.integrations ?? []).map(toClient),
          meta: r.meta ?? {},
          links: r.links ?? {}
        })),
      encode: (page: IntegrationPage) => ({ ...page, integrations: page.integrations.map(toWire) })
    },
    errors: ["InvalidPage", "BadRequest"],
    repeatable: true,
    pagination: paginated("integrations", "forward")
  }),
  /**
   * GetIntegration. An unknown integration fails with `IntegrationNotFound`.
   *
   * @example
   * ```ts
   * import { Integrations } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const integrations = yield* Integrations
   *   return yield* integrations.get("5e4af71a81966cfff3ef6550")
   * })
   * ```
   */
  get: define(Facts.GetIntegration)({
    args: (integrationId: string) => ({ params: { integrationId } }),
    body: undefined,
    check: () => undefined,
    response: integration,
    errors: ["IntegrationNotFound"],
    repeatable: true
  }),
  /**
   * UpdateIntegration: only the given fields change; `null` clears one. The
   * body is the spec's `integrationUpdate`, a oneOf of one update per type
   * whose branches have no required field: it is checked before sending for
   * what that means, its fields all belonging to one type's update. A field
   * the integration's own type cannot update fails with `BadRequest` (delete
   * and re-create it, the spec says); an unknown integration with
   * `IntegrationNotFound`.
   *
   * @example
   * ```ts
   * import { Integrations } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const integrations = yield* Integrations
   *   return yield* integrations.update("5e4af71a81966cfff3ef6550", { displayName: "Order bot (v2)" })
   * })
   * ```
   */
  update: define(Facts.UpdateIntegration)({
    args: (integrationId: string, body: Schemas.IntegrationUpdate) => ({ params: { integrationId }, body }),
    body: Schemas.IntegrationUpdate,
    check: ({ body }, options) => updateRules(body, options) ?? checkOneBranch(body),
    response: integration,
    errors: ["IntegrationNotFound", "BadRequest"],
    repeatable: true
  }),
  /**
   * DeleteIntegration: the integration, its webhooks and its API keys. An
   * unknown integration fails with `IntegrationNotFound`.
   *
   * @example
   * ```ts
   * import { Integrations } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const integrations = yield* Integrations
   *   yield* integrations.delete("5e4af71a81966cfff3ef6550")
   * })
   * ```
   */
  delete: define(Facts.DeleteIntegration)({
    args: (integrationId: string) => ({ params: { integrationId } }),
    body: undefined,
    check: () => undefined,
    response: empty,
    errors: ["IntegrationNotFound", "BadRequest"],
    repeatable: true
  })
}
