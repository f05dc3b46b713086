// N GetConversation calls at a given concurrency, for one contender.
//   node clients/overhead.mjs <sunco|undici|fetch|official> <baseUrl> <n> <concurrency>
// Prints {"opsPerSec", "cpuMicrosPerOp"} for the measured part (after a warm-up).
import { createRequire } from "node:module"

const [contender, baseUrl, nArg, cArg] = process.argv.slice(2)
const n = Number(nArg)
const concurrency = Number(cArg)
const APP = "5d8cff3cd55b040010928b5b"
const CONV = "c93bb9c14dde8ffb94564eae"
const auth = `Basic ${Buffer.from("app_bench:secret").toString("base64")}`

/** Run `count` calls of `one`, `concurrency` at a time. */
const pool = async (count, one) => {
  let next = 0
  const worker = async () => {
    while (next < count) {
      next++
      await one()
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
}

let runBatch
if (contender === "sunco" || contender === "sunco-httpclient") {
  const { Conversations, Credentials } = await import("@sunco-effect/conversations")
  const { Undici } = await import("@sunco-effect/conversations/Undici")
  const { NodeHttpClient } = await import("@effect/platform-node")
  const { Effect, Layer, ManagedRuntime } = await import("effect")
  const options = { baseUrl, credentials: Credentials.basic({ keyId: "app_bench", secret: "secret" }) }
  // "sunco" is the recommended Node set-up; "sunco-httpclient" the portable one on @effect/platform's HttpClient.
  const runtime = ManagedRuntime.make(
    contender === "sunco"
      ? Undici.layer(options)
      : Conversations.layer(options).pipe(Layer.provide(NodeHttpClient.layerUndici))
  )
  const conversations = await runtime.runPromise(Conversations)
  const one = conversations.forApp(APP).get(CONV)
  runBatch = (count) =>
    runtime.runPromise(Effect.forEach(Array.from({ length: count }), () => one, { concurrency, discard: true }))
} else if (contender === "undici") {
  const { request } = await import("undici")
  const url = `${baseUrl}/v2/apps/${APP}/conversations/${CONV}`
  const headers = { authorization: auth, accept: "application/json" }
  runBatch = (count) =>
    pool(count, async () => {
      const { statusCode, body } = await request(url, { headers })
      const json = await body.json()
      if (statusCode !== 200 || !json.conversation) throw new Error("bad answer")
    })
} else if (contender === "fetch") {
  const url = `${baseUrl}/v2/apps/${APP}/conversations/${CONV}`
  const headers = { authorization: auth, accept: "application/json" }
  runBatch = (count) =>
    pool(count, async () => {
      const response = await fetch(url, { headers })
      const json = await response.json()
      if (response.status !== 200 || !json.conversation) throw new Error("bad answer")
    })
} else if (contender === "official") {
  const require = createRequire(import.meta.url)
  const SunshineConversationsClient = require("sunshine-conversations-client")
  const client = new SunshineConversationsClient.ApiClient()
  client.basePath = baseUrl
  client.authentications.basicAuth.username = "app_bench"
  client.authentications.basicAuth.password = "secret"
  const api = new SunshineConversationsClient.ConversationsApi(client)
  runBatch = (count) =>
    pool(count, async () => {
      const json = await api.getConversation(APP, CONV)
      if (!json.conversation) throw new Error("bad answer")
    })
} else {
  throw new Error(`unknown contender ${contender}`)
}

await runBatch(Math.min(2000, n))
if (global.gc) global.gc()
const cpu0 = process.cpuUsage()
const t0 = performance.now()
await runBatch(n)
const elapsed = performance.now() - t0
const cpu = process.cpuUsage(cpu0)
console.log(JSON.stringify({
  opsPerSec: Math.round(n / (elapsed / 1000)),
  cpuMicrosPerOp: Number(((cpu.user + cpu.system) / n).toFixed(1))
}))
process.exit(0)
