/**
 * The SwitchboardIntegrations family: one entry per operation (see `conversations.ts`).
 */
import * as Either from "effect/Either"
import * as Constraints from "../../generated/Constraints.js"
import * as Facts from "../../generated/Operations.js"
import {
  type SwitchboardIntegration,
  SwitchboardIntegrationCreateBody,
  SwitchboardIntegrationListResponse,
  SwitchboardIntegrationResponse,
  SwitchboardIntegrationUpdateBody
} from "../../generated/Schemas.js"
import { checkId, type ValidationOptions, type Violation } from "../../Validation.js"
import { rulesOf } from "../constraints.js"
import { decoder } from "../decode.js"
import { define, empty, envelope } from "../operation.js"

const switchboardIntegration = envelope<"switchboardIntegration", SwitchboardIntegration>(
  "switchboardIntegration",
  decoder(SwitchboardIntegrationResponse)
)
const decodeList = decoder(SwitchboardIntegrationListResponse)
const createRules = rulesOf(Constraints.SwitchboardIntegrationCreateBody)
const updateRules = rulesOf(Constraints.SwitchboardIntegrationUpdateBody)

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null

// The spec's prose for `name`: "Restricted to alphanumeric characters, `-` and `_`."
const namePattern = /^[A-Za-z0-9_-]+$/

/**
 * The prose rules of both bodies: the name's characters, an integer history
 * count, the ids given being ids; on create a name and exactly one of
 * `integrationId` and `integrationType`, on update at most one of them.
 */
const checkBody = (body: unknown, creating: boolean): Violation | undefined => {
  if (!isRecord(body)) return { field: "body", rule: "type", detail: "must be an object" }
  const { integrationId, integrationType, messageHistoryCount, name, nextSwitchboardIntegrationId } = body
  if (creating && name === undefined) return { field: "name", rule: "required", detail: "is required" }
  if (name !== undefined && (typeof name !== "string" || !namePattern.test(name))) {
    return { field: "name", rule: "pattern", detail: "must be letters, digits, - and _ only, at least one" }
  }
  const links = (integrationId === undefined ? 0 : 1) + (integrationType === undefined ? 0 : 1)
  if (links > 1 || (creating && links === 0)) {
    return {
      field: "integrationId",
      rule: "exactlyOne",
      detail: creating
        ? "must have exactly one of integrationId or integrationType"
        : "cannot be given with integrationType"
    }
  }
  const link = integrationId === undefined
    ? integrationType === undefined ? undefined : checkId("integrationType", integrationType)
    : checkId("integrationId", integrationId)
  if (link) return link
  if (nextSwitchboardIntegrationId !== undefined && nextSwitchboardIntegrationId !== null) {
    const next = checkId("nextSwitchboardIntegrationId", nextSwitchboardIntegrationId)
    if (next) return next
  }
  if (typeof messageHistoryCount === "number" && !Number.isInteger(messageHistoryCount)) {
    return { field: "messageHistoryCount", rule: "integer", detail: "must be an integer" }
  }
  return undefined
}

const checkCreate = (body: unknown, options: ValidationOptions) => checkBody(body, true) ?? createRules(body, options)
const checkUpdate = (body: unknown, options: ValidationOptions) => checkBody(body, false) ?? updateRules(body, options)

export const switchboardIntegrations = {
  /**
   * CreateSwitchboardIntegration: link an integration to the switchboard,
   * by `integrationId` for a custom integration or by `integrationType` for
   * an OAuth one (exactly one of them, checked before sending, as are the
   * name's characters and the history count's range).
   * `deliverStandbyEvents` defaults to true; `nextSwitchboardIntegrationId`
   * names the switchboard integration `next` passes or offers control to.
   * A switchboard holds at most 10: the 11th fails with `BadRequest`
   * (`too_many_switchboard_integrations`). An unknown switchboard fails
   * with `SwitchboardNotFound`, an unknown next with
   * `SwitchboardIntegrationNotFound`. Not repeated after a failure that may
   * have reached the service, which would link it twice.
   *
   * @example
   * ```ts
   * import { SwitchboardIntegrations } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const switchboardIntegrations = yield* SwitchboardIntegrations
   *   const agents = yield* switchboardIntegrations.create("5ef21b132f21af34f088530d", {
   *     name: "agents",
   *     integrationType: "zd:agentWorkspace"
   *   })
   *   return yield* switchboardIntegrations.create("5ef21b132f21af34f088530d", {
   *     name: "bot",
   *     integrationId: "5ef21b86e933b7355c11c605",
   *     deliverStandbyEvents: false,
   *     nextSwitchboardIntegrationId: agents.id
   *   })
   * })
   * ```
   */
  create: define(Facts.CreateSwitchboardIntegration)({
    args: (switchboardId: string, body: SwitchboardIntegrationCreateBody) => ({ params: { switchboardId }, body }),
    body: SwitchboardIntegrationCreateBody,
    check: ({ body }, options) => checkCreate(body, options),
    response: switchboardIntegration,
    errors: ["SwitchboardNotFound", "SwitchboardIntegrationNotFound", "BadRequest"],
    repeatable: false
  }),
  /**
   * ListSwitchboardIntegrations: the switchboard's switchboard integrations,
   * oldest first. An unknown switchboard fails with `SwitchboardNotFound`.
   *
   * @example
   * ```ts
   * import { SwitchboardIntegrations } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const switchboardIntegrations = yield* SwitchboardIntegrations
   *   const all = yield* switchboardIntegrations.list("5ef21b132f21af34f088530d")
   *   return all.map((integration) => integration.name)
   * })
   * ```
   */
  list: define(Facts.ListSwitchboardIntegrations)({
    args: (switchboardId: string) => ({ params: { switchboardId } }),
    body: undefined,
    check: () => undefined,
    response: {
      decode: (json) =>
        Either.map(decodeList(json), (r): ReadonlyArray<SwitchboardIntegration> => r.switchboardIntegrations ?? []),
      encode: (switchboardIntegrations: ReadonlyArray<SwitchboardIntegration>) => ({ switchboardIntegrations })
    },
    errors: ["SwitchboardNotFound"],
    repeatable: true
  }),
  /**
   * UpdateSwitchboardIntegration: only the given fields change; `null`
   * clears `nextSwitchboardIntegrationId` or `messageHistoryCount`. At most
   * one of `integrationId` and `integrationType` (checked before sending).
   * An unknown switchboard integration (or switchboard), or a next that is
   * not one of the switchboard's, fails with `SwitchboardIntegrationNotFound`.
   *
   * @example
   * ```ts
   * import { SwitchboardIntegrations } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const switchboardIntegrations = yield* SwitchboardIntegrations
   *   return yield* switchboardIntegrations.update("5ef21b132f21af34f088530d", "5ef21b86e933b7355c11c604", {
   *     deliverStandbyEvents: true,
   *     nextSwitchboardIntegrationId: null
   *   })
   * })
   * ```
   */
  update: define(Facts.UpdateSwitchboardIntegration)({
    args: (switchboardId: string, switchboardIntegrationId: string, body: SwitchboardIntegrationUpdateBody) => ({
      params: { switchboardId, switchboardIntegrationId },
      body
    }),
    body: SwitchboardIntegrationUpdateBody,
    check: ({ body }, options) => checkUpdate(body, options),
    response: switchboardIntegration,
    errors: ["SwitchboardIntegrationNotFound"],
    repeatable: true
  }),
  /**
   * DeleteSwitchboardIntegration: conversations it controlled go back to the
   * switchboard's default integration. The default itself, or one that
   * another names as its next, cannot be deleted (`BadRequest`: choose
   * another first). An unknown one fails with `SwitchboardIntegrationNotFound`.
   *
   * @example
   * ```ts
   * import { SwitchboardIntegrations } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const switchboardIntegrations = yield* SwitchboardIntegrations
   *   yield* switchboardIntegrations.delete("5ef21b132f21af34f088530d", "5ef21b86e933b7355c11c604")
   * })
   * ```
   */
  delete: define(Facts.DeleteSwitchboardIntegration)({
    args: (switchboardId: string, switchboardIntegrationId: string) => ({
      params: { switchboardId, switchboardIntegrationId }
    }),
    body: undefined,
    check: () => undefined,
    response: empty,
    errors: ["SwitchboardIntegrationNotFound", "BadRequest"],
    repeatable: true
  })
}
