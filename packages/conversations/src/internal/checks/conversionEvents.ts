/**
 * The rules of `conversionEventsBody`: a `oneOf` of three objects without a
 * required field (so every body matches all of them), told apart here.
 */
import type { ConversionEventsBody } from "../../generated/Schemas.js"
import type { Violation } from "../../Validation.js"
import { exactlyOneOf, isRecord, violation } from "./exactlyOne.js"

/** Exactly one channel (`messenger`, `instagram`, `whatsapp`), whose `payload.data` is an array of events. */
export const checkConversionEvents = (body: ConversionEventsBody | unknown): Violation | undefined => {
  const one = exactlyOneOf("body", body, ["messenger", "instagram", "whatsapp"])
  if ("violation" in one) return one.violation
  const event = isRecord(body) ? body[one.key] : undefined
  const payload = isRecord(event) ? event.payload : undefined
  if (!isRecord(payload)) return violation(`${one.key}.payload`, "required", "is required and must be an object")
  const data = payload.data
  if (!Array.isArray(data)) return violation(`${one.key}.payload.data`, "required", "is required and must be an array")
  const bad = data.findIndex((item) => !isRecord(item))
  return bad < 0 ? undefined : violation(`${one.key}.payload.data[${bad}]`, "type", "must be an object")
}
