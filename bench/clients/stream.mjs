// Every conversation of one user, page by page (100 per page), for one contender.
//   node clients/stream.mjs <sunco|floor|undici> <baseUrl> <total>
// Prints {"perSec", "cpuMs", "peakRssMb", "count"}.
const [contender, baseUrl, totalArg] = process.argv.slice(2)
const total = Number(totalArg)
const APP = "5d8cff3cd55b040010928b5b"
const userId = `user-${total}`
const auth = `Basic ${Buffer.from("app_bench:secret").toString("base64")}`

let run
if (contender === "sunco") {
  const { Conversations, Credentials } = await import("@sunco-effect/conversations")
  const { Undici } = await import("@sunco-effect/conversations/Undici")
  const { Effect, Stream } = await import("effect")
  const layer = Undici.layer({ baseUrl, credentials: Credentials.basic({ keyId: "app_bench", secret: "secret" }) })
  run = () =>
    Effect.runPromise(
      Effect.flatMap(Conversations, (c) =>
        c.forApp(APP).stream({ filter: { userId }, page: { size: 100 } }).pipe(Stream.runFold(0, (n) => n + 1))).pipe(
          Effect.provide(layer)
        )
    )
} else if (contender === "floor") {
  // The Effect floor: what Effect and Schema cost with no library code. A Stream.paginateChunkEffect
  // over undici.request, each page decoded with the same generated Schema the client uses.
  const { request } = await import("undici")
  const { Chunk, Effect, Option, Schema, Stream } = await import("effect")
  const { ConversationListResponse } = await import("../../packages/conversations/dist/esm/generated/Schemas.js")
  const decode = Schema.decodeUnknown(ConversationListResponse, { onExcessProperty: "ignore" })
  const page = (after) =>
    Effect.tryPromise(() =>
      request(
        `${baseUrl}/v2/apps/${APP}/conversations?filter[userId]=${userId}&page[size]=100` +
          (after ? `&page[after]=${after}` : ""),
        { headers: { authorization: auth, accept: "application/json" } }
      ).then(({ body }) => body.json())
    ).pipe(Effect.flatMap(decode))
  run = () =>
    Effect.runPromise(
      Stream.paginateChunkEffect(undefined, (after) =>
        Effect.map(page(after), (json) => [
          Chunk.unsafeFromArray(json.conversations ?? []),
          json.meta?.hasMore ? Option.fromNullable(json.meta.afterCursor) : Option.none()
        ])).pipe(Stream.runFold(0, (n) => n + 1))
    )
} else if (contender === "undici") {
  const { request } = await import("undici")
  run = async () => {
    let count = 0
    let after
    do {
      const url = `${baseUrl}/v2/apps/${APP}/conversations?filter[userId]=${userId}&page[size]=100` +
        (after ? `&page[after]=${after}` : "")
      const { body } = await request(url, { headers: { authorization: auth, accept: "application/json" } })
      const json = await body.json()
      count += json.conversations.length
      after = json.meta.hasMore ? json.meta.afterCursor : undefined
    } while (after)
    return count
  }
} else {
  throw new Error(`unknown contender ${contender}`)
}

const cpu0 = process.cpuUsage()
const t0 = performance.now()
const count = await run()
const elapsed = performance.now() - t0
const cpu = process.cpuUsage(cpu0)
if (count !== total) throw new Error(`expected ${total}, got ${count}`)
console.log(JSON.stringify({
  count,
  perSec: Math.round(count / (elapsed / 1000)),
  cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  peakRssMb: Number((process.resourceUsage().maxRSS / 1024).toFixed(1))
}))
process.exit(0)
