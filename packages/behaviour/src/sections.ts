/**
 * The sections of the behavioural suite, one per family (a module each,
 * written against `AllServices`): `behaviourSuite` runs every one of them
 * against the test layer, the live client over the emulator and the undici
 * client, so no family's behaviour can drift between them.
 */
import type { Vitest } from "@effect/vitest"
import type { AllServices } from "@sunco-effect/conversations"
import { appKeys } from "./appKeys.js"
import { apps } from "./apps.js"
import { oauth } from "./oauth.js"

export type Section = (it: Vitest.MethodsNonLive<AllServices>) => void

export const sections: ReadonlyArray<Section> = [apps, appKeys, oauth]
