/**
 * The sections of the behavioural suite, one per family (a module each,
 * written against `AllServices`): `behaviourSuite` runs every one of them
 * against the test layer, the live client over the emulator and the undici
 * client, so no family's behaviour can drift between them.
 */
import type { Vitest } from "@effect/vitest"
import type { AllServices } from "@sunco-effect/conversations"
import { integrationKeys } from "./integrationKeys.js"
import { integrations } from "./integrations.js"
import { integrationWebhooks } from "./integrationWebhooks.js"

export type Section = (it: Vitest.MethodsNonLive<AllServices>) => void

export const sections: ReadonlyArray<Section> = [integrations, integrationKeys, integrationWebhooks]
