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

/**
 * A path template of the operation table (`/v2/apps/{appId}/conversations`)
 * as a function of the input, split once so a request only joins strings.
 */
export const compile = (
  template: string
): (params: { readonly appId: string; readonly conversationId?: string | undefined }) => string => {
  const parts = template.split(/\{(appId|conversationId)\}/)
  return (params) => {
    let path = ""
    for (let i = 0; i < parts.length; i++) {
      path += i % 2 === 0 ? parts[i] : segment(parts[i] === "appId" ? params.appId : params.conversationId ?? "")
    }
    return path
  }
}
