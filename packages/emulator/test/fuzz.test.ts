/**
 * A bounded emulator fuzz: seeded random requests, malformed, oversized,
 * deeply nested, with hostile paths, queries and credentials. Required: no
 * 5xx for bad input, no crash, the state the requests could not legitimately
 * touch intact, and the server still answering afterwards.
 *
 * `FUZZ_REQUESTS` sets the size (default 600, a few seconds); the root `soak`
 * script runs it at 10,000. `FUZZ_SEED` replays a run.
 */
import { expect, layer } from "@effect/vitest"
import { DefaultSeed, Emulator } from "@sunco-effect/emulator"
import { Effect, Random } from "effect"
import { basicAuth, call } from "./support/Http.js"
import { raw } from "./support/Raw.js"

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 600)
const SEED = Number(process.env.FUZZ_SEED ?? 20261125)

const APP = DefaultSeed.appId
const CONVERSATION = "5f0c8b0e3f1a2b001e4d6c20"
const auth = basicAuth(DefaultSeed.keyId, DefaultSeed.keySecret)

const hostileSegments = [
  "..",
  "%2e%2e",
  "%00",
  "%ff%fe",
  "a".repeat(3000),
  "😀",
  "%F0%9F%98%80",
  "x;y=z",
  "~",
  "%",
  "%%32%65",
  CONVERSATION,
  "",
  "?",
  "#frag"
]
const queries = [
  "",
  "?filter[userExternalId]=ada",
  "?filter[userId]=x&filter[userId]=y",
  `?filter[userExternalId]=ada&page[after]=${"z".repeat(24)}`,
  "?filter[[[[[[[[userId]]]]]]]=x",
  `?${"a=b&".repeat(2000)}`,
  "?filter[userExternalId]=%E0%A4%A",
  "?page[size]=-1&filter[userExternalId]=ada",
  "?page[size]=1e400&filter[userExternalId]=ada",
  "?filter=%7B%7D",
  `?filter[userExternalId]=${"q".repeat(10_000)}`
]
const bodies = [
  "",
  "{",
  "null",
  "[]",
  "\"type\"",
  "{\"type\":\"personal\"}",
  "{\"type\":\"sdkGroup\",\"participants\":[{\"userId\":\"x\",\"userExternalId\":\"y\"}]}",
  `{"type":"sdkGroup","metadata":${"[".repeat(3000)}${"]".repeat(3000)}}`,
  `{"type":"sdkGroup","displayName":"${"d".repeat(120_000)}"}`,
  "{\"type\":\"sdkGroup\",\"metadata\":{\"__proto__\":{\"polluted\":true}}}",
  "{\"type\":\"sdkGroup\",\"iconUrl\":\"javascript:\\r\\nalert(1)\"}",
  "\u0000\u0001\u0002",
  "{\"userId\":\"\"}",
  `{"externalId":"${"e".repeat(2000)}"}`
]
const authorizations = [
  auth,
  auth,
  null,
  "",
  "Basic",
  "Basic ====",
  `${auth}====`,
  "Bearer a.b.c",
  "Bearer eyJhbGciOiJub25lIn0.eyJzY29wZSI6ImFwcCJ9.",
  `Basic ${Buffer.from("app_unknown:x").toString("base64")}`,
  "Digest username=x"
]
const contentTypes = ["application/json", "text/plain", "application/jsonx", "application/json; charset=utf-16", ""]
const methods = ["GET", "POST", "PATCH", "DELETE", "PUT", "OPTIONS", "HEAD"]
const prefixes = ["/v2/apps", "/v2/apps", "/sc/v2/apps", "/v2/app", "/v2/apps/", "/__emulator"]

layer(Emulator.layer(), { timeout: "60 seconds", excludeTestServices: true })("emulator fuzz", (it) => {
  it.effect(
    `${REQUESTS} hostile requests (seed ${SEED}): no 5xx, no crash, unrelated state intact`,
    () =>
      Effect.gen(function*() {
        const emulator = yield* Emulator
        // Effect's seeded generator, read synchronously: a failing run replays from its seed.
        const seeded = Random.make(SEED)
        const random = () => Effect.runSync(seeded.next)
        const pick = <A>(values: ReadonlyArray<A>): A => values[Math.floor(random() * values.length)] as A
        const before = yield* call("GET", `/v2/apps/${APP}/conversations/${CONVERSATION}`)
        const serverErrors: Array<string> = []
        const statuses = new Map<number, number>()
        for (let i = 0; i < REQUESTS; i++) {
          const method = random() < 0.7 ? pick(["GET", "POST", "PATCH", "DELETE"]) : pick(methods)
          // Half the requests aim at real routes (the list, one conversation), half at hostile paths.
          const segments = random() < 0.5
            ? (random() < 0.5 ? [] : [CONVERSATION])
            : Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(hostileSegments))
          const app = random() < 0.6 ? APP : pick(hostileSegments)
          const prefix = random() < 0.6 ? "/v2/apps" : pick(prefixes)
          const path = `${prefix}/${app}/conversations${segments.map((s) => `/${s}`).join("")}${pick(queries)}`
          const body = method === "GET" || method === "HEAD" || method === "DELETE" ? "" : pick(bodies)
          const authorization = random() < 0.6 ? auth : pick(authorizations)
          const contentType = pick(contentTypes)
          let status: number
          if (random() < 0.15) {
            // Bytes no client library would send: a raw request line and headers.
            const line = `${method} ${path.replace(/ /g, random() < 0.5 ? " " : "%20")} HTTP/1.1`
            const answer = yield* raw(
              emulator.baseUrl,
              `${line}\r\nhost: 127.0.0.1\r\nconnection: close\r\n${
                authorization ? `authorization: ${authorization}\r\n` : ""
              }` +
                `content-type: ${contentType}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
              2000
            )
            status = answer.status
          } else {
            const answer = yield* Effect.either(Effect.suspend(() =>
              call(method, path, {
                raw: body === "" ? undefined as never : body,
                authorization,
                headers: contentType ? { "content-type": contentType } : {}
              })
            ))
            // fetch itself refuses some of these (bad header values): nothing reached the emulator.
            if (answer._tag === "Left") continue
            status = answer.right.status
          }
          statuses.set(status, (statuses.get(status) ?? 0) + 1)
          if (status >= 500 || status === 0) serverErrors.push(`${status} ${method} ${path.slice(0, 120)}`)
        }
        console.log(`fuzz: ${REQUESTS} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`)
        expect(serverErrors).toEqual([])
        // The seeded conversation (no request could legitimately change it) is as it was; the server answers.
        const after = yield* call("GET", `/v2/apps/${APP}/conversations/${CONVERSATION}`)
        expect(after.status).toBe(200)
        expect(after.json).toEqual(before.json)
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
        expect(emulator.state.faults.current).toEqual({})
      }),
    600_000
  )
})
