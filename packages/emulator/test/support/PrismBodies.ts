/**
 * The bodies Prism cannot judge (see `checkedElsewhere` in Prism.ts), checked
 * by ajv: the ambiguous request bodies against the one branch of their
 * `oneOf` they were meant as, the undocumented errors as `errorResponse`.
 */
import Ajv from "ajv"
import addFormats from "ajv-formats"
import { specForAjv } from "../../../conversations/test/support/Spec.js"
import type { Exchange, PrismViolation } from "./Prism.js"

/**
 * Request bodies no validator can accept: `participantLeaveBody`,
 * `integrationUpdate` and `conversionEventsBody` are `oneOf`s whose branches
 * require no field, so every body matches several of them and `oneOf` fails.
 * They are checked against their intended branch by `intendedBranchErrors`.
 */
export const ambiguousBodies: Record<string, string> = {
  LeaveConversation: "participantLeaveBody",
  UpdateIntegration: "integrationUpdate",
  // Not named by the issue, but the same case: three branches, each one optional property.
  PostConversionEvents: "conversionEventsBody"
}

/** Prism's `oneOf` finding on such a body. */
export const ambiguous = (exchange: Exchange, violation: PrismViolation) =>
  exchange.operationId in ambiguousBodies && violation.code === "oneOf" &&
  violation.location.join(".") === "request.body"

/**
 * An error status the operation does not list (a 404 for an unknown
 * conversation on PostActivity, say): the spec documents few of the errors
 * the service answers, so Prism warns and does not look at the body. Such a
 * body is checked as the spec's `errorResponse` by `undocumentedErrorBodies`.
 */
export const undocumentedError = (exchange: Exchange, violation: PrismViolation) =>
  exchange.status >= 400 && exchange.status < 500 && violation.severity === "Warning" &&
  violation.location.join(".") === "response" &&
  violation.message.startsWith("Unable to match the returned status code")

const spec: any = specForAjv()
const ajv = new Ajv.default({ strict: false, allErrors: true })
addFormats.default(ajv)
ajv.addSchema({ components: spec.components }, "spec")

/** The inline branch of a `oneOf` whose one property the body gives (a participant by id, a channel…). */
const branchByKey = (schema: string, body: unknown): string | undefined => {
  const branches: Array<{ properties: Record<string, unknown> }> = spec.components.schemas[schema].oneOf
  const keys = branches.map((branch) => Object.keys(branch.properties)[0]!)
  const given = Object.keys(body ?? {}).filter((k) => keys.includes(k))
  return given.length === 1 ? `${schema}/oneOf/${keys.indexOf(given[0]!)}` : undefined
}

/** The branch a body was meant as: the one naming its key, or the integration type's update. */
const branchOf = (exchange: Exchange): string | undefined => {
  if (exchange.operationId === "LeaveConversation") return branchByKey("participantLeaveBody", exchange.requestBody)
  if (exchange.operationId === "PostConversionEvents") {
    return branchByKey("conversionEventsBody", exchange.requestBody)
  }
  const type = (exchange.responseBody as { integration?: { type?: string } } | undefined)?.integration?.type
  return Object.keys(spec.components.schemas).find((name) => name.toLowerCase() === `${type}update`)
}

/** What ajv finds wrong with an ambiguous body against its intended branch (nothing: []). */
export const intendedBranchErrors = (exchange: Exchange): Array<unknown> => {
  if (!(exchange.operationId in ambiguousBodies)) return []
  // A refused update names no integration type: only a body the emulator took has an intended branch.
  if (exchange.operationId === "UpdateIntegration" && exchange.status >= 300) return []
  const branch = branchOf(exchange)
  if (branch === undefined) return [{ exchange: exchange.path, body: exchange.requestBody, error: "no single branch" }]
  return ajv.validate({ $ref: `spec#/components/schemas/${branch}` }, exchange.requestBody)
    ? []
    : [{ exchange: exchange.path, branch, errors: ajv.errors }]
}

// `errorResponse` requires nothing; an error of the service always names at least one code and title.
const errorBody = {
  allOf: [{ $ref: "spec#/components/schemas/errorResponse" }, {
    required: ["errors"],
    properties: { errors: { minItems: 1, items: { required: ["code", "title"] } } }
  }]
}

/** What ajv finds wrong with the body of an error the operation does not document, as `errorResponse`. */
export const undocumentedErrorBodies = (exchange: Exchange): Array<unknown> =>
  exchange.violations.some((violation) => undocumentedError(exchange, violation)) && exchange.status >= 400 &&
    !ajv.validate(errorBody, exchange.responseBody)
    ? [{ exchange: `${exchange.method} ${exchange.path} → ${exchange.status}`, errors: ajv.errors }]
    : []
