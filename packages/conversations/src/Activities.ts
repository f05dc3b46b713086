/**
 * Activities: typing indicators and read receipts in a conversation.
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import type { Methods } from "./internal/operation.js"
import type { families } from "./Operations.js"

/**
 * The Activities operations of one app (derived from their entries in the operation table).
 *
 * @since 0.2.0
 * @category models
 */
export interface ActivitiesService extends Methods<typeof families.Activities> {
  /** The same operations on another app. */
  readonly forApp: (appId: string) => ActivitiesService
}

/**
 * The activities service tag.
 *
 * @since 0.2.0
 * @category tags
 */
export class Activities
  extends Context.Tag("@sunco-effect/conversations/Activities")<Activities, ActivitiesService>()
{}
