/** The default seed plus a user linked to a core Zendesk user, with an email identity (what ListUsers and SyncUser find). */
import { DefaultSeed, type EmulatorSeed } from "@sunco-effect/emulator"

export const sue = {
  id: "5f0c8b0e3f1a2b001e4d6c12",
  externalId: "sue",
  zendeskId: "35436",
  identities: [{ type: "email", value: "sue@example.org", verification: "sso" }]
}

export const seed: EmulatorSeed.EmulatorSeed = {
  ...DefaultSeed.seed,
  apps: DefaultSeed.seed.apps.map((app) => ({ ...app, users: [...(app.users ?? []), sue] }))
}
