/**
 * The rules of the Participants bodies that the spec states in prose.
 */
import type { ParticipantJoinBody, ParticipantLeaveBody } from "../../generated/Schemas.js"
import type { ValidationOptions, Violation } from "../../Validation.js"
import { exactlyOneId, isRecord, violation } from "./exactlyOne.js"

/**
 * A join names the user by exactly one of `userId` or `userExternalId`; its
 * `subscribeSDKClient` is required for an sdkGroup conversation, the only kind
 * join accepts (a limit, like the same rule on create's participants).
 */
export const checkJoin = (body: ParticipantJoinBody | unknown, options: ValidationOptions): Violation | undefined => {
  const named = exactlyOneId("body", body, ["userId", "userExternalId"])
  if (named || !isRecord(body)) return named
  const subscribe = body.subscribeSDKClient
  if (subscribe !== undefined && typeof subscribe !== "boolean") {
    return violation("subscribeSDKClient", "type", "must be a boolean")
  }
  return options.limits && subscribe === undefined
    ? violation("subscribeSDKClient", "required", "is required: join adds participants to sdkGroup conversations")
    : undefined
}

/**
 * A leave names the participant by exactly one of `userId`, `userExternalId`
 * or `participantId`: the spec's `oneOf` has no required field, so any body
 * matches all three branches and only this check tells them apart.
 */
export const checkLeave = (body: ParticipantLeaveBody | unknown): Violation | undefined =>
  exactlyOneId("body", body, ["userId", "userExternalId", "participantId"])
