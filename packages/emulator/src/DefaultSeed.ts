/**
 * The seed the emulator starts with when given none, so the demo needs no
 * configuration. Its credentials are public test values.
 *
 * @since 0.1.0
 */
import type { EmulatorSeed } from "./EmulatorSeed.js"

/**
 * @since 0.1.0
 * @category constants
 */
export const appId = "5f0c8b0e3f1a2b001e4d6c01"

/**
 * @since 0.1.0
 * @category constants
 */
export const keyId = "app_5f0c8b0e3f1a2b001e4d6c02"

/**
 * @since 0.1.0
 * @category constants
 */
export const keySecret = "emulator-app-secret-not-for-production"

/**
 * An account-scoped key, which reaches every app.
 *
 * @since 0.1.0
 * @category constants
 */
export const accountKey = { id: "act_5f0c8b0e3f1a2b001e4d6c03", secret: "emulator-account-secret-not-for-production" }

/**
 * One app with one app-scoped key and one user, `ada`, who has a personal
 * (default) conversation.
 *
 * @since 0.1.0
 * @category constants
 */
export const seed: EmulatorSeed = {
  apps: [{
    id: appId,
    displayName: "Emulated app",
    keys: [{ id: keyId, secret: keySecret, scope: "app" }],
    users: [
      { id: "5f0c8b0e3f1a2b001e4d6c10", externalId: "ada", givenName: "Ada", surname: "Lovelace" },
      { id: "5f0c8b0e3f1a2b001e4d6c11", externalId: "customer-17", givenName: "Grace", surname: "Hopper" }
    ],
    conversations: [{ id: "5f0c8b0e3f1a2b001e4d6c20", type: "personal", participants: ["ada"] }]
  }],
  accountKeys: [{ id: accountKey.id, secret: accountKey.secret, scope: "account" }]
}
