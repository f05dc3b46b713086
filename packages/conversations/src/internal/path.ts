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

/** A call's path parameters by name (`appId`, `conversationId`, `messageId`, …). */
export type PathParams = { readonly [name: string]: string | undefined }

/**
 * A path template of the spec (`/v2/apps/{appId}/conversations/{conversationId}`)
 * as a function of the path parameters, split once so a request only joins strings.
 */
export const compile = (template: string): (params: PathParams) => string => {
  const parts = template.split(/\{(\w+)\}/)
  return (params) => {
    let path = ""
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] ?? ""
      path += i % 2 === 0 ? part : segment(params[part] ?? "")
    }
    return path
  }
}

/** The names of a template's parameters, in order. */
export const parameterNames = (template: string): ReadonlyArray<string> =>
  template.split(/\{(\w+)\}/).filter((_, i) => i % 2 === 1)
