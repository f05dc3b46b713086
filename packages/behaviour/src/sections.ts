/**
 * The sections of the behavioural suite, one per family (a module each,
 * written against `AllServices`): `behaviourSuite` runs every one of them
 * against the test layer, the live client over the emulator and the undici
 * client, so no family's behaviour can drift between them.
 */
import type { Vitest } from "@effect/vitest"
import type { AllServices } from "@sunco-effect/conversations"
import { activities } from "./activities.js"
import { appKeys } from "./appKeys.js"
import { apps } from "./apps.js"
import { attachments } from "./attachments.js"
import { clients } from "./clients.js"
import { conversionEvents } from "./conversionEvents.js"
import { devices } from "./devices.js"
import type { AppKeyed } from "./fixtures.js"
import { integrationKeys } from "./integrationKeys.js"
import { integrations } from "./integrations.js"
import { integrationWebhooks } from "./integrationWebhooks.js"
import { oauth } from "./oauth.js"
import { participants } from "./participants.js"
import { switchboardActions } from "./switchboardActions.js"
import { switchboardIntegrations } from "./switchboardIntegrations.js"
import { switchboards } from "./switchboards.js"
import { users } from "./users.js"

export type Section = (it: Vitest.MethodsNonLive<AllServices | AppKeyed>) => void

export const sections: ReadonlyArray<Section> = [
  activities,
  appKeys,
  apps,
  attachments,
  clients,
  conversionEvents,
  devices,
  integrationKeys,
  integrationWebhooks,
  integrations,
  oauth,
  participants,
  switchboardActions,
  switchboardIntegrations,
  switchboards,
  users
]
