/**
 * The API keys made through the API (app keys, custom integration keys), for
 * the in-memory store: what `AppKeys` and `IntegrationKeys` create, list and
 * delete, and what the emulator accepts as credentials beside its seed's keys.
 */
import { part } from "./part.js"

/** A key made through the API. `secret` is only ever returned by the create call. */
export interface StoredKey {
  readonly id: string
  readonly secret: string
  readonly displayName: string
  readonly appId: string
  /** The custom integration of an integration key; absent for an app key. */
  readonly integrationId?: string | undefined
}

/** Every key made through the API, by id. */
export const keys = part(() => new Map<string, StoredKey>())

/** A new secret: 24 random bytes, base64url (as unguessable as the service's, for an emulator others may reach). */
export const newSecret = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(24))
  let binary = ""
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_")
}
