/**
 * What `includeFullUser` and `includeFullSource` take out of an event. The store hands events in
 * their full form; a webhook without `includeFullUser` gets each `author` without its `user` (the
 * `userId` stays), one without `includeFullSource` gets each `source` without `client` and `device`
 * (the spec: "only present if the includeFullSource option is enabled").
 */
export const shapeEvent = <A>(event: A, includeFullUser: boolean, includeFullSource: boolean): A => {
  if (includeFullUser && includeFullSource) return event
  const walk = (value: unknown, key: string | undefined): unknown => {
    if (Array.isArray(value)) return value.map((item) => walk(item, undefined))
    if (value === null || typeof value !== "object") return value
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      if (key === "author" && k === "user" && !includeFullUser) continue
      if (key === "source" && (k === "client" || k === "device") && !includeFullSource) continue
      out[k] = walk(v, k)
    }
    return out
  }
  return walk(event, undefined) as A
}
