/**
 * The Switchboards family: one entry per operation (see `conversations.ts`).
 */
import * as Either from "effect/Either"
import * as Facts from "../../generated/Operations.js"
import {
  type Switchboard,
  SwitchboardListResponse,
  SwitchboardResponse,
  SwitchboardUpdateBody
} from "../../generated/Schemas.js"
import { checkId } from "../../Validation.js"
import { decoder } from "../decode.js"
import { define, empty, envelope } from "../operation.js"

const switchboard = envelope<"switchboard", Switchboard>("switchboard", decoder(SwitchboardResponse))
const decodeList = decoder(SwitchboardListResponse)

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null

export const switchboards = {
  /**
   * CreateSwitchboard: the app's switchboard, created disabled (so that no
   * message is misrouted while it is configured: add its switchboard
   * integrations, then `update` it with `enabled` and a default). An app has
   * at most one: a second fails with `BadRequest`. Not repeated after a
   * failure that may have reached the service (the repeat would be refused).
   *
   * @example
   * ```ts
   * import { Switchboards } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const switchboards = yield* Switchboards
   *   const created = yield* switchboards.create()
   *   return created.enabled // false
   * })
   * ```
   */
  create: define(Facts.CreateSwitchboard)({
    args: () => ({}),
    body: undefined,
    check: () => undefined,
    response: switchboard,
    errors: ["BadRequest"],
    repeatable: false
  }),
  /**
   * ListSwitchboards: the app's switchboards (none or one).
   *
   * @example
   * ```ts
   * import { Switchboards } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const switchboards = yield* Switchboards
   *   const [switchboard] = yield* switchboards.list()
   *   return switchboard?.enabled ?? false
   * })
   * ```
   */
  list: define(Facts.ListSwitchboards)({
    args: () => ({}),
    body: undefined,
    check: () => undefined,
    response: {
      decode: (json) => Either.map(decodeList(json), (r): ReadonlyArray<Switchboard> => r.switchboards ?? []),
      encode: (switchboards: ReadonlyArray<Switchboard>) => ({ switchboards })
    },
    errors: [],
    repeatable: true
  }),
  /**
   * UpdateSwitchboard: enable or disable the switchboard, or choose its
   * default switchboard integration (which takes control of new
   * conversations). An unknown switchboard fails with `SwitchboardNotFound`;
   * a default that is not one of its switchboard integrations, or enabling it
   * without a default, with `SwitchboardIntegrationNotFound`.
   *
   * @example
   * ```ts
   * import { Switchboards } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const switchboards = yield* Switchboards
   *   return yield* switchboards.update("5ef21b132f21af34f088530d", {
   *     enabled: true,
   *     defaultSwitchboardIntegrationId: "5ef21b86e933b7355c11c604"
   *   })
   * })
   * ```
   */
  update: define(Facts.UpdateSwitchboard)({
    args: (switchboardId: string, body: SwitchboardUpdateBody) => ({ params: { switchboardId }, body }),
    body: SwitchboardUpdateBody,
    check: ({ body }) => {
      const id: unknown = isRecord(body) ? body.defaultSwitchboardIntegrationId : undefined
      return id === undefined ? undefined : checkId("defaultSwitchboardIntegrationId", id)
    },
    response: switchboard,
    errors: ["SwitchboardNotFound", "SwitchboardIntegrationNotFound"],
    repeatable: true
  }),
  /**
   * DeleteSwitchboard: delete the switchboard and its switchboard
   * integrations (the integrations they link stay, and receive every
   * conversation event again). An unknown one fails with `SwitchboardNotFound`.
   *
   * @example
   * ```ts
   * import { Switchboards } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const switchboards = yield* Switchboards
   *   yield* switchboards.delete("5ef21b132f21af34f088530d")
   * })
   * ```
   */
  delete: define(Facts.DeleteSwitchboard)({
    args: (switchboardId: string) => ({ params: { switchboardId } }),
    body: undefined,
    check: () => undefined,
    response: empty,
    errors: ["SwitchboardNotFound"],
    repeatable: true
  })
}
