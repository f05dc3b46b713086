/**
 * Secrets the store makes (custom integration keys, webhooks): random, as
 * the service's are, so a test cannot come to rely on a fixed one.
 */
import { randomBytes } from "node:crypto"

/** A webhook secret: 32 hex digits, the form of the spec's example. */
export const webhookSecret = (): string => randomBytes(16).toString("hex")

/** An API key secret: 86 base64url characters, the form of the spec's example. */
export const keySecret = (): string => randomBytes(64).toString("base64url")
