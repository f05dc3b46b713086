/**
 * Activities: typing indicators and read receipts in a conversation.
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import { activities } from "./internal/families/activities.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
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

// Loading this module makes the family known to every layer (a program that never imports it does not bundle it).
register("Activities", activities)
