/**
 * The secrets the API answers with (a custom integration key's secret, a
 * webhook's secret): kept in a `Redacted` in what the client returns, and
 * revealed again only where the emulator writes its answer.
 */
import * as Redacted from "effect/Redacted"
import type * as Schemas from "../generated/Schemas.js"
import type { IntegrationKey } from "../IntegrationKeys.js"
import type { IntegrationWebhook } from "../IntegrationWebhooks.js"

const redact = (secret: string | undefined) => secret === undefined ? {} : { secret: Redacted.make(secret) }

const reveal = (secret: Redacted.Redacted<string> | undefined) =>
  secret === undefined ? {} : { secret: Redacted.value(secret) }

/** A webhook as the client returns it. */
export const redactWebhook = ({ secret, ...rest }: Schemas.Webhook): IntegrationWebhook => ({
  ...rest,
  ...redact(secret)
})

/** A webhook as the service answers it. */
export const revealWebhook = ({ secret, ...rest }: IntegrationWebhook): Schemas.Webhook => ({
  ...rest,
  ...reveal(secret)
})

/** A key as the client returns it. */
export const redactKey = ({ secret, ...rest }: Schemas.ApiKey): IntegrationKey => ({ ...rest, ...redact(secret) })

/** A key as the service answers it. */
export const revealKey = ({ secret, ...rest }: IntegrationKey): Schemas.ApiKey => ({ ...rest, ...reveal(secret) })
