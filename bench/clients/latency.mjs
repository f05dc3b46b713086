// 50 pages from a server that takes 20 ms per page, with a consumer that
// spends 20 ms per page, with or without read-ahead.
//   node clients/latency.mjs <readAhead> <baseUrl>
// Prints {"coldMs", "warmMs"}: the first pass in a fresh process, and a second one once the code
// paths are compiled (the other benchmarks warm up too).
import { Conversations, Credentials } from "@sunco-effect/conversations"
import { NodeHttpClient } from "@effect/platform-node"
import { Effect, Layer, Stream } from "effect"

const [readAheadArg, baseUrl] = process.argv.slice(2)
const readAhead = Number(readAheadArg)
const PAGES = 50
const SIZE = 10

const layer = Conversations.layer({
  baseUrl,
  appId: "5d8cff3cd55b040010928b5b",
  credentials: Credentials.basic({ keyId: "app_bench", secret: "secret" })
}).pipe(
  Layer.provide(NodeHttpClient.layerUndici)
)
const program = Effect.flatMap(Conversations, (c) =>
  c.streamPages({ filter: { userId: `user-${PAGES * SIZE}` }, page: { size: SIZE }, readAhead }).pipe(
    Stream.mapEffect(() => Effect.sleep("20 millis")),
    Stream.runCount
  ))

// warm the connection and the code paths once
await Effect.runPromise(Effect.provide(Effect.flatMap(Conversations, (c) =>
  c.list({ filter: { userId: "user-1" } })), layer))
const timed = async () => {
  const t0 = performance.now()
  const pages = await Effect.runPromise(Effect.provide(program, layer))
  if (pages !== PAGES) throw new Error(`expected ${PAGES} pages, got ${pages}`)
  return Math.round(performance.now() - t0)
}
const coldMs = await timed()
const warmMs = await timed()
console.log(JSON.stringify({ coldMs, warmMs }))
process.exit(0)
