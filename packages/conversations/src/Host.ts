/**
 * Where the API lives: presets for the Zendesk, US and EU hosts, or any base URL.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import { ConfigurationError } from "./ConversationsError.js"

/**
 * The US host of Sunshine Conversations.
 *
 * @since 0.1.0
 * @category presets
 */
export const us = "https://api.smooch.io"

/**
 * The EU host of Sunshine Conversations.
 *
 * @since 0.1.0
 * @category presets
 */
export const eu = "https://api.eu-1.smooch.io"

/**
 * The base URL of a Zendesk account, `https://{subdomain}.zendesk.com/sc`.
 * The `/sc` path is part of the base URL and is kept.
 *
 * @example
 * ```ts
 * import { Host } from "@sunco-effect/conversations"
 *
 * Host.zendesk("acme") // "https://acme.zendesk.com/sc"
 * ```
 * @since 0.1.0
 * @category presets
 */
export const zendesk = (subdomain: string): string => `https://${subdomain}.zendesk.com/sc`

const loopbackHosts = new Set(["localhost", "[::1]", "::1"])

/**
 * Whether a host name is a loopback address (where plain http is acceptable).
 *
 * @since 0.1.0
 * @category guards
 */
export const isLoopback = (hostname: string): boolean =>
  loopbackHosts.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname) ||
  hostname.endsWith(".localhost")

// What a URL that does not parse may still carry before its host: `scheme://user:secret@`. Never echoed.
const withoutUserinfo = (text: string): string => {
  const cut = text.length > 200 ? `${text.slice(0, 200)}…` : text
  // Everything after the scheme up to the last "@": a password may itself hold "/" or "@"; a path with "@"
  // is cut too, which is safe.
  return cut.replace(/^(\w[\w+.-]*:\/\/)?.*@/s, "$1<redacted>@")
}

/**
 * Check a base URL: absolute, https (or http to a loopback address only, so
 * credentials never cross a network in clear), without a query or fragment.
 * Returns it without a trailing slash.
 *
 * @since 0.1.0
 * @category guards
 */
export const validateBaseUrl = (baseUrl: string): Either.Either<string, ConfigurationError> => {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    return Either.left(
      new ConfigurationError({
        detail: `the base URL ${JSON.stringify(withoutUserinfo(baseUrl))} is not an absolute URL`
      })
    )
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return Either.left(new ConfigurationError({ detail: `the base URL must use https, got ${url.protocol}` }))
  }
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    return Either.left(
      new ConfigurationError({
        detail:
          `refusing to send credentials over plain http to ${url.hostname}; use https (http is allowed for loopback addresses only)`
      })
    )
  }
  if (url.username !== "" || url.password !== "") {
    return Either.left(new ConfigurationError({ detail: "the base URL must not embed credentials" }))
  }
  if (url.search !== "" || url.hash !== "") {
    return Either.left(new ConfigurationError({ detail: "the base URL must not have a query or fragment" }))
  }
  return Either.right(`${url.origin}${url.pathname.replace(/\/+$/, "")}`)
}

/**
 * Check a Zendesk subdomain before building its base URL.
 *
 * @since 0.1.0
 * @category guards
 */
export const validateSubdomain = (subdomain: string): Either.Either<string, ConfigurationError> =>
  /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(subdomain)
    ? Either.right(zendesk(subdomain))
    : Either.left(new ConfigurationError({ detail: `${JSON.stringify(subdomain)} is not a valid Zendesk subdomain` }))
