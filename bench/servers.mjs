// Loopback servers for the benchmarks, each run in its own process so that
// client CPU and memory are measured alone.
//   node servers.mjs canned              one fixed GetConversation answer
//   node servers.mjs pages [latencyMs]   a user with any number of conversations, by cursor
// Prints {"port": N} when listening.
import { createServer } from "node:http"

const [mode, latencyArg] = process.argv.slice(2)
const latency = Number(latencyArg ?? 0)

const conversation = (i) => ({
  id: i.toString(16).padStart(24, "0"),
  type: "sdkGroup",
  isDefault: false,
  displayName: `Conversation ${i}`,
  description: "A benchmark conversation",
  metadata: { lang: "en-ca", n: i },
  businessLastRead: null,
  lastUpdatedAt: "2025-02-03T16:21:12.308Z",
  createdAt: "2025-02-03T16:21:12.308Z"
})

const canned = Buffer.from(JSON.stringify({ conversation: conversation(1) }))
const pageCache = new Map()

const page = (url) => {
  const q = new URL(url, "http://x").searchParams
  const total = Number(q.get("filter[userId]")?.split("-")[1] ?? 100)
  const size = Number(q.get("page[size]") ?? 25)
  const after = q.get("page[after]")
  const start = after === null ? 0 : parseInt(after, 16) + 1
  const key = `${total}:${size}:${start}`
  let body = pageCache.get(key)
  if (!body) {
    const end = Math.min(total, start + size)
    const conversations = []
    for (let i = start; i < end; i++) conversations.push(conversation(i))
    body = Buffer.from(JSON.stringify({
      conversations,
      meta: { hasMore: end < total, ...(end < total ? { afterCursor: conversations.at(-1).id } : {}) },
      links: {}
    }))
    if (pageCache.size < 5000) pageCache.set(key, body)
  }
  return body
}

const server = createServer((req, res) => {
  const send = () => {
    const body = mode === "canned" ? canned : page(req.url)
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length })
    res.end(body)
  }
  if (latency > 0) setTimeout(send, latency)
  else send()
})
server.keepAliveTimeout = 60_000
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: server.address().port })))
process.on("SIGTERM", () => server.close(() => process.exit(0)))
