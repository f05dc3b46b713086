/**
 * The delivery engine of the emulator being served, for the inspector's routes. Provided by the
 * server next to the state; an `app` served some other way has none, and the views say so.
 */
import * as Context from "effect/Context"
import type { WebhookDelivery } from "../../WebhookDelivery.js"

export class DeliveryEngine extends Context.Tag("@sunco-effect/emulator/internal/DeliveryEngine")<
  DeliveryEngine,
  WebhookDelivery
>() {}
