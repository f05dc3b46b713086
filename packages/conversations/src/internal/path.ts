/**
 * Path building with every id percent-encoded, so an id such as `../users`
 * or `a/b` stays one segment and can never reach another route.
 */

/**
 * One path segment. URL parsers treat `.`, `..` and their percent-encoded
 * forms as dot segments whatever we do, so `checkId` rejects those two ids
 * before a request is built.
 */
export const segment = (id: string): string => encodeURIComponent(id)

export const conversationsPath = (appId: string): string => `/v2/apps/${segment(appId)}/conversations`

export const conversationPath = (appId: string, conversationId: string): string =>
  `${conversationsPath(appId)}/${segment(conversationId)}`

export const usersPath = (appId: string): string => `/v2/apps/${segment(appId)}/users`
