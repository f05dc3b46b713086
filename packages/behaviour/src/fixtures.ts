/**
 * What every section of the behavioural suite shares: the seed (the same for
 * the test layer and the emulator), its apps and keys, and a fresh user.
 */
import { type IntegrationWebhooksService, Users } from "@sunco-effect/conversations"
import type { EmulatorSeed } from "@sunco-effect/emulator"
import { Context, Effect } from "effect"

export const APP = "5f0c8b0e3f1a2b001e4d6c01"
export const OTHER_APP = "5f0c8b0e3f1a2b001e4d6cff"

/** An account key reaches every app, so 404 app_not_found is observable (an app key gets 403 elsewhere). */
export const accountKey = { id: "act_5f0c8b0e3f1a2b001e4d6c03", secret: "behaviour-account-secret" }

// The emulator's seed (with keys) is also a seed of the test layer, which ignores the keys.
export const seed: EmulatorSeed.EmulatorSeed = {
  apps: [
    {
      id: APP,
      keys: [{ id: "app_5f0c8b0e3f1a2b001e4d6c02", secret: "behaviour-secret", scope: "app" }],
      users: [{ id: "5f0c8b0e3f1a2b001e4d6c10", externalId: "ada" }],
      conversations: [{ id: "5f0c8b0e3f1a2b001e4d6c20", type: "personal", participants: ["ada"] }]
    },
    { id: OTHER_APP }
  ],
  accountKeys: [{ ...accountKey, scope: "account" }]
}

let counter = 0
export const newUser = Effect.flatMap(
  Users,
  (users) => users.forApp(APP).create({ externalId: `behaviour-${Date.now()}-${++counter}` })
)

/** The app's own key (scope `app`), beside the account key the suite's services use. */
export const appKey = { id: "app_5f0c8b0e3f1a2b001e4d6c02", secret: "behaviour-secret" }

/**
 * The webhooks of custom integrations through an app key: the spec allows
 * them to app and integration keys only, so an account key is refused (403)
 * by the emulator as by the service. The test layer checks no keys.
 */
export class AppKeyed extends Context.Tag("behaviour/AppKeyed")<AppKeyed, IntegrationWebhooksService>() {}
