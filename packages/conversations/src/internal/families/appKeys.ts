/**
 * The AppKeys family: one entry per operation (see `conversations.ts`).
 * Every operation needs an account key (an app key gets `Forbidden`).
 */
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import type { AppKeyInfo, NewAppKey } from "../../AppKeys.js"
import * as Constraints from "../../generated/Constraints.js"
import * as Facts from "../../generated/Operations.js"
import { type AppKey, AppKeyListResponse, AppKeyResponse, CreateAppKeyBody } from "../../generated/Schemas.js"
import * as Validation from "../../Validation.js"
import { rulesOf } from "../constraints.js"
import { decoder } from "../decode.js"
import { define, empty, type ResponseCodec } from "../operation.js"

const decodeKey = decoder(AppKeyResponse)
const decodeList = decoder(AppKeyListResponse)

/** A key as `list` and `get` give it: a secret, should the service send one, is dropped. */
const info = (key: AppKey): Either.Either<AppKeyInfo, string> =>
  key.id === undefined
    ? Either.left("the key has no id")
    : Either.right({ id: key.id, ...(key.displayName === undefined ? {} : { displayName: key.displayName }) })

const one: ResponseCodec<AppKeyInfo> = {
  decode: (json) =>
    Either.flatMap(decodeKey(json), (r) => r.key === undefined ? Either.left("the response has no key") : info(r.key)),
  encode: (key) => ({ key })
}

const created: ResponseCodec<NewAppKey> = {
  decode: (json) =>
    Either.flatMap(decodeKey(json), ({ key }) =>
      key?.secret === undefined
        ? Either.left("the response has no key secret")
        : Either.map(info(key), (k): NewAppKey => ({ ...k, secret: Redacted.make(key.secret ?? "") }))),
  encode: (key) => ({ key: { ...key, secret: Redacted.value(key.secret) } })
}

export const appKeys = {
  /**
   * CreateAppKey: a new API key of the app. The result holds the key's
   * secret, which the service gives only this once, as a `Redacted`. The
   * `displayName` (1-100 characters) is checked before sending. Not repeated
   * after a failure that may have reached the service (a second key).
   *
   * @example
   * ```ts
   * import { AppKeys, Credentials } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const appKeys = yield* AppKeys
   *   const key = yield* appKeys.create({ displayName: "Bot" })
   *   return Credentials.jwt({ keyId: key.id, secret: key.secret, scope: "app" })
   * })
   * ```
   */
  create: define(Facts.CreateAppKey)({
    args: (body: CreateAppKeyBody) => ({ body }),
    body: CreateAppKeyBody,
    check: ({ body }, options) =>
      Validation.checkBodyObject(body) ??
        (body.displayName === null
          ? { field: "displayName", rule: "type", detail: "must be a string" }
          : rulesOf(Constraints.CreateAppKeyBody)(body, options)),
    response: created,
    errors: [],
    repeatable: false
  }),
  /**
   * ListAppKeys: the app's API keys (ids and names, no secrets). Not paginated.
   *
   * @example
   * ```ts
   * import { AppKeys } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const appKeys = yield* AppKeys
   *   const keys = yield* appKeys.list()
   *   return keys.map((key) => key.id)
   * })
   * ```
   */
  list: define(Facts.ListAppKeys)({
    args: () => ({}),
    body: undefined,
    check: () => undefined,
    response: {
      decode: (json) => Either.flatMap(decodeList(json), (r) => Either.all((r.keys ?? []).map(info))),
      encode: (keys: ReadonlyArray<AppKeyInfo>) => ({ keys })
    },
    errors: [],
    repeatable: true
  }),
  /**
   * GetAppKey: one API key of the app (no secret); a key that is not the
   * app's fails with `NotFound`.
   *
   * @example
   * ```ts
   * import { AppKeys } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const appKeys = yield* AppKeys
   *   return yield* appKeys.get("app_5d8cff3cd55b040010928b5c")
   * })
   * ```
   */
  get: define(Facts.GetAppKey)({
    args: (keyId: string) => ({ params: { keyId } }),
    body: undefined,
    check: () => undefined,
    response: one,
    errors: ["NotFound"],
    repeatable: true
  }),
  /**
   * DeleteAppKey: remove an API key of the app; from then on it
   * authenticates nothing. A key that is not the app's fails with `NotFound`.
   *
   * @example
   * ```ts
   * import { AppKeys } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const appKeys = yield* AppKeys
   *   yield* appKeys.delete("app_5d8cff3cd55b040010928b5c")
   * })
   * ```
   */
  delete: define(Facts.DeleteAppKey)({
    args: (keyId: string) => ({ params: { keyId } }),
    body: undefined,
    check: () => undefined,
    response: empty,
    errors: ["NotFound"],
    repeatable: true
  })
}
