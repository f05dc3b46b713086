/**
 * The IntegrationWebhooks family (the spec's Webhooks tag): one entry per
 * operation (see `conversations.ts`).
 */
import * as Either from "effect/Either"
import * as Facts from "../../generated/Operations.js"
import { WebhookBody, WebhookCreateBody, WebhookListResponse, WebhookResponse } from "../../generated/Schemas.js"
import type { IntegrationWebhook } from "../../IntegrationWebhooks.js"
import { isUri, type Violation } from "../../Validation.js"
import { decoder } from "../decode.js"
import { define, empty, type ResponseCodec } from "../operation.js"
import { redactWebhook, revealWebhook } from "../secrets.js"

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * The rules of a webhook in a request: `target` and `triggers` are required
 * to create one (the spec's `webhookCreateBody`; the generated Schema lost
 * its `required`), and `target` is where events are POSTed, an absolute URL.
 */
export const checkWebhook = (webhook: unknown, required: boolean, at = ""): Violation | undefined => {
  if (!isRecord(webhook)) return { field: at === "" ? "body" : at, rule: "type", detail: "must be an object" }
  const field = (name: string) => at === "" ? name : `${at}.${name}`
  if (required) {
    for (const name of ["target", "triggers"]) {
      if (webhook[name] === undefined) return { field: field(name), rule: "required", detail: "is required" }
    }
  }
  const { target } = webhook
  if (typeof target === "string" && !isUri(target)) {
    return { field: field("target"), rule: "uri", detail: "must be an absolute URL (where events are POSTed)" }
  }
  return undefined
}

/** The spec's `webhookCreateBody`: `target` and `triggers` are required (the generated type lost that). */
type NewWebhook = WebhookCreateBody & { readonly target: string; readonly triggers: ReadonlyArray<string> }

const decodeOne = decoder(WebhookResponse)
const decodeList = decoder(WebhookListResponse)

const webhook: ResponseCodec<IntegrationWebhook> = {
  decode: (json) =>
    Either.flatMap(
      decodeOne(json),
      (r) =>
        r.webhook === undefined ? Either.left("the response has no webhook") : Either.right(redactWebhook(r.webhook))
    ),
  encode: (w) => ({ webhook: revealWebhook(w) })
}

const webhooks: ResponseCodec<ReadonlyArray<IntegrationWebhook>> = {
  decode: (json) =>
    Either.flatMap(decodeList(json), (r) =>
      r.webhooks === undefined
        ? Either.left("the response has no webhooks")
        : Either.right(r.webhooks.map(redactWebhook))),
  encode: (ws) => ({ webhooks: ws.map(revealWebhook) })
}

export const integrationWebhooks = {
  /**
   * CreateWebhook: add a webhook to a custom integration. The service makes
   * its `secret` (returned as a `Redacted`), sent with every delivery as
   * `X-API-Key`; `includeFullUser` and `includeFullSource` default to false.
   * `target` (an absolute URL) and `triggers` are checked before sending. An
   * unknown integration fails with `IntegrationNotFound`; an integration that
   * is not custom with `Forbidden`. Not repeated after a failure that may have
   * reached the service, which would make a second webhook.
   *
   * @example
   * ```ts
   * import { IntegrationWebhooks } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const webhooks = yield* IntegrationWebhooks
   *   return yield* webhooks.create("5e4af71a81966cfff3ef6550", {
   *     target: "https://example.com/hooks",
   *     triggers: ["conversation:message"],
   *     includeFullSource: true
   *   })
   * })
   * ```
   */
  create: define(Facts.CreateWebhook)({
    args: (integrationId: string, body: NewWebhook) => ({ params: { integrationId }, body }),
    body: WebhookCreateBody,
    check: ({ body }) => checkWebhook(body, true),
    response: webhook,
    errors: ["IntegrationNotFound", "BadRequest"],
    repeatable: false
  }),
  /**
   * ListWebhooks: every webhook of a custom integration, oldest first (not
   * paginated). An unknown integration fails with `IntegrationNotFound`; an
   * integration that is not custom with `Forbidden`.
   *
   * @example
   * ```ts
   * import { IntegrationWebhooks } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const webhooks = yield* IntegrationWebhooks
   *   const all = yield* webhooks.list("5e4af71a81966cfff3ef6550")
   *   return all.map((webhook) => webhook.target)
   * })
   * ```
   */
  list: define(Facts.ListWebhooks)({
    args: (integrationId: string) => ({ params: { integrationId } }),
    body: undefined,
    check: () => undefined,
    response: webhooks,
    errors: ["IntegrationNotFound"],
    repeatable: true
  }),
  /**
   * GetWebhook. A webhook (or integration) that is not there fails with
   * `NotFound`, as the spec documents.
   *
   * @example
   * ```ts
   * import { IntegrationWebhooks } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const webhooks = yield* IntegrationWebhooks
   *   return yield* webhooks.get("5e4af71a81966cfff3ef6550", "5e554d2cac66fb73a3c01871")
   * })
   * ```
   */
  get: define(Facts.GetWebhook)({
    args: (integrationId: string, webhookId: string) => ({ params: { integrationId, webhookId } }),
    body: undefined,
    check: () => undefined,
    response: webhook,
    errors: ["NotFound"],
    repeatable: true
  }),
  /**
   * UpdateWebhook: only the given fields change (`triggers` is replaced
   * whole); the secret stays. A webhook (or integration) that is not there
   * fails with `NotFound`.
   *
   * @example
   * ```ts
   * import { IntegrationWebhooks } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const webhooks = yield* IntegrationWebhooks
   *   return yield* webhooks.update("5e4af71a81966cfff3ef6550", "5e554d2cac66fb73a3c01871", {
   *     triggers: ["conversation:message", "conversation:read"],
   *     includeFullUser: true
   *   })
   * })
   * ```
   */
  update: define(Facts.UpdateWebhook)({
    args: (integrationId: string, webhookId: string, body: WebhookBody) => ({
      params: { integrationId, webhookId },
      body
    }),
    body: WebhookBody,
    check: ({ body }) => checkWebhook(body, false),
    response: webhook,
    errors: ["NotFound", "BadRequest"],
    repeatable: true
  }),
  /**
   * DeleteWebhook: the service stops delivering to it. A webhook (or
   * integration) that is not there fails with `NotFound`.
   *
   * @example
   * ```ts
   * import { IntegrationWebhooks } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const webhooks = yield* IntegrationWebhooks
   *   yield* webhooks.delete("5e4af71a81966cfff3ef6550", "5e554d2cac66fb73a3c01871")
   * })
   * ```
   */
  delete: define(Facts.DeleteWebhook)({
    args: (integrationId: string, webhookId: string) => ({ params: { integrationId, webhookId } }),
    body: undefined,
    check: () => undefined,
    response: empty,
    errors: ["NotFound"],
    repeatable: true
  })
}
