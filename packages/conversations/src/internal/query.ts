/**
 * The deepObject query (`filter[userId]`, `page[after]`, `page[size]`) of any
 * operation, from the generated facts of its query parameters: compiled once
 * per operation, so a request only joins strings and a decode only reads the
 * names the operation has.
 */
import * as Either from "effect/Either"

/** A query parameter as the generated facts give it. */
export interface QueryParameter {
  readonly name: string
  readonly type: string
}

/** A query as a call gives it: groups of values (`{ filter: { userId }, page: { size } }`) or plain values. */
export type Query = object

/** The decoded form: `filter[userId]=a` becomes `{ filter: { userId: "a" } }`, `access=public` `{ access: "public" }`. */
export type DecodedQuery = Record<string, string | number | Record<string, string | number>>

interface Key {
  readonly group: string
  readonly key: string | undefined
  readonly name: string
  /** The name percent-encoded, once. */
  readonly encoded: string
  readonly integer: boolean
}

export interface QueryCodec {
  /** The query string, `?` included, or "" when nothing is set. Unknown keys are not sent. */
  readonly encode: (query: Query) => string
  /** Read a query string as the service does: deepObject keys, percent-encoded or not. */
  readonly decode: (search: string) => Either.Either<DecodedQuery, string>
}

// A key may hold a dot: `filter[identities.email]` (ListUsers).
const deep = /^(\w+)\[([\w.]+)\]$/

const field = (value: unknown, key: string): unknown =>
  typeof value === "object" && value !== null && key in value ? Reflect.get(value, key) : undefined

const text = (value: unknown): string | undefined =>
  typeof value === "string" ? encodeURIComponent(value) : typeof value === "number" ? String(value) : undefined

/**
 * The codec of one operation's query. Filters are sent before pages (the
 * order the service's own links use), each key percent-encoded, every key
 * that is set sent (the official JS SDK sends only the first).
 */
export const compileQuery = (parameters: ReadonlyArray<QueryParameter>): QueryCodec => {
  const keys: Array<Key> = parameters.map((p) => {
    const m = deep.exec(p.name)
    return {
      group: m?.[1] ?? p.name,
      key: m?.[2],
      name: p.name,
      encoded: encodeURIComponent(p.name),
      integer: p.type === "integer"
    }
  })
  keys.sort((a, b) => Number(a.group === "page") - Number(b.group === "page"))
  return {
    encode: (query) => {
      let q = ""
      for (const k of keys) {
        const group = field(query, k.group)
        const value = text(k.key === undefined ? group : field(group, k.key))
        if (value !== undefined) q += `${q === "" ? "?" : "&"}${k.encoded}=${value}`
      }
      return q
    },
    decode: (search) => {
      // URLSearchParams drops one leading "?" itself.
      const params = new URLSearchParams(search)
      const out: DecodedQuery = {}
      for (const k of keys) {
        const raw = params.get(k.name)
        if (raw === null) continue
        if (k.integer && !/^\d+$/.test(raw)) return Either.left(`${k.name} must be a whole number`)
        const value = k.integer ? Number(raw) : raw
        if (k.key === undefined) {
          out[k.group] = value
          continue
        }
        const group = out[k.group]
        if (typeof group === "object") group[k.key] = value
        else out[k.group] = { [k.key]: value }
      }
      return Either.right(out)
    }
  }
}
