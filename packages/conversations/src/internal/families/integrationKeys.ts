/**
 * The IntegrationKeys family (the spec's Custom Integration API Keys): one
 * entry per operation (see `conversations.ts`).
 */
import * as Either from "effect/Either"
import * as Facts from "../../generated/Operations.js"
import {
  CreateCustomIntegrationKeyBody,
  IntegrationApiKeyResponse,
  ListCustomIntegrationKeysResponse
} from "../../generated/Schemas.js"
import type { IntegrationKey } from "../../IntegrationKeys.js"
import { decoder } from "../decode.js"
import { define, empty, type ResponseCodec } from "../operation.js"
import { redactKey, revealKey } from "../secrets.js"

const decodeOne = decoder(IntegrationApiKeyResponse)
const decodeList = decoder(ListCustomIntegrationKeysResponse)

const key: ResponseCodec<IntegrationKey> = {
  decode: (json) =>
    Either.flatMap(
      decodeOne(json),
      (r) => r.key === undefined ? Either.left("the response has no key") : Either.right(redactKey(r.key))
    ),
  encode: (k) => ({ key: revealKey(k) })
}

const keys: ResponseCodec<ReadonlyArray<IntegrationKey>> = {
  decode: (json) =>
    Either.flatMap(
      decodeList(json),
      (r) => r.keys === undefined ? Either.left("the response has no keys") : Either.right(r.keys.map(redactKey))
    ),
  encode: (ks) => ({ keys: ks.map(revealKey) })
}

export const integrationKeys = {
  /**
   * CreateCustomIntegrationKey: a new API key for a custom integration. The
   * answer is the only one that carries the key's `secret` (a `Redacted`):
   * keep it now. An unknown integration fails with `IntegrationNotFound`, an
   * integration that is not custom with `BadRequest`. Not repeated after a
   * failure that may have reached the service, which would make a second key.
   *
   * @example
   * ```ts
   * import { IntegrationKeys } from "@sunco-effect/conversations"
   * import { Effect, Redacted } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const keys = yield* IntegrationKeys
   *   const key = yield* keys.create("5e4af71a81966cfff3ef6550", { displayName: "Bot key" })
   *   return { id: key.id, secret: key.secret ?? Redacted.make("") }
   * })
   * ```
   */
  create: define(Facts.CreateCustomIntegrationKey)({
    args: (integrationId: string, body: CreateCustomIntegrationKeyBody) => ({ params: { integrationId }, body }),
    body: CreateCustomIntegrationKeyBody,
    check: ({ body }) =>
      typeof body?.displayName !== "string"
        ? { field: "displayName", rule: "required", detail: "is required (a string)" }
        : body.displayName.length === 0
        ? { field: "displayName", rule: "nonEmpty", detail: "must not be empty" }
        : undefined,
    response: key,
    errors: ["IntegrationNotFound", "BadRequest"],
    repeatable: false
  }),
  /**
   * ListCustomIntegrationKeys: the integration's keys, oldest first, without
   * their secrets (not paginated). An unknown integration fails with
   * `IntegrationNotFound`, an integration that is not custom with `BadRequest`.
   *
   * @example
   * ```ts
   * import { IntegrationKeys } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const keys = yield* IntegrationKeys
   *   const all = yield* keys.list("5e4af71a81966cfff3ef6550")
   *   return all.map((key) => key.displayName)
   * })
   * ```
   */
  list: define(Facts.ListCustomIntegrationKeys)({
    args: (integrationId: string) => ({ params: { integrationId } }),
    body: undefined,
    check: () => undefined,
    response: keys,
    errors: ["IntegrationNotFound", "BadRequest"],
    repeatable: true
  }),
  /**
   * GetCustomIntegrationKey: one key, without its secret. A key (or
   * integration) that is not there fails with `NotFound`.
   *
   * @example
   * ```ts
   * import { IntegrationKeys } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const keys = yield* IntegrationKeys
   *   return yield* keys.get("5e4af71a81966cfff3ef6550", "int_67a1110ef0305f4a391e9f01")
   * })
   * ```
   */
  get: define(Facts.GetCustomIntegrationKey)({
    args: (integrationId: string, keyId: string) => ({ params: { integrationId, keyId } }),
    body: undefined,
    check: () => undefined,
    response: key,
    errors: ["NotFound"],
    repeatable: true
  }),
  /**
   * DeleteCustomIntegrationKey: the key stops authenticating. A key (or
   * integration) that is not there fails with `NotFound`.
   *
   * @example
   * ```ts
   * import { IntegrationKeys } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const keys = yield* IntegrationKeys
   *   yield* keys.delete("5e4af71a81966cfff3ef6550", "int_67a1110ef0305f4a391e9f01")
   * })
   * ```
   */
  delete: define(Facts.DeleteCustomIntegrationKey)({
    args: (integrationId: string, keyId: string) => ({ params: { integrationId, keyId } }),
    body: undefined,
    check: () => undefined,
    response: empty,
    errors: ["NotFound"],
    repeatable: true
  })
}
