/**
 * Prism's validating proxy (`prism proxy`, @stoplight/prism-cli) between the
 * clients of a test and the emulator: every request and every answer is
 * checked against the spec by a validator we did not write.
 *
 * Prism runs without `--errors`: a violation then changes nothing the client
 * sees (so a scenario's own assertions keep their meaning) and Prism names it
 * in the answer's `sl-violations` header, request and response alike. Its log
 * says the same but interleaves requests, so a small relay in front of Prism
 * reads the header of each exchange instead, and knows which operation it was.
 */
import { expect } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Context, Effect, Layer } from "effect"
import { type ChildProcess, spawn } from "node:child_process"
import * as Http from "node:http"
import { createRequire } from "node:module"
import type { AddressInfo } from "node:net"
import { join } from "node:path"
import { spec, specPath } from "../../../conversations/test/support/Spec.js"
import { ambiguous, intendedBranchErrors, undocumentedError, undocumentedErrorBodies } from "./PrismBodies.js"

/** One of Prism's findings, as its `sl-violations` header gives it. */
export interface PrismViolation {
  readonly location: ReadonlyArray<string>
  readonly severity: string
  readonly code?: string | number
  readonly message: string
}

/** One request through the proxy, with the operation it was and what Prism found. */
export interface Exchange {
  readonly family: string
  readonly operationId: string
  readonly method: string
  readonly path: string
  readonly status: number
  readonly violations: ReadonlyArray<PrismViolation>
  /** Why Prism did not see this exchange, if it did not. */
  readonly bypassed: string | undefined
  readonly requestBody: unknown
  readonly responseBody: unknown
}

/** The proxy in front of the emulator, and every exchange that went through it. */
export class PrismProxy extends Context.Tag("test/PrismProxy")<PrismProxy, {
  readonly baseUrl: string
  readonly exchanges: Array<Exchange>
}>() {}

const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
  Object.entries(methods).filter(([method]) => method !== "parameters").map(([method, operation]) => ({
    method: method.toUpperCase(),
    pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, "[^/]+")}$`),
    // A literal segment beats a parameter where two paths both match.
    params: (path.match(/\{/g) ?? []).length,
    operationId: operation.operationId as string,
    family: (operation.tags as Array<string>)[0]!
  }))
)

/** The spec's operation for a request, by method and path. */
export const operationOf = (method: string, url: string) => {
  const path = decodeURIComponent(url.split("?")[0]!)
  const found =
    operations.filter((o) => o.method === method && o.pattern.test(path)).sort((a, b) => a.params - b.params)[0]
  return found ?? { operationId: "(not in the spec)", family: "(not in the spec)" }
}

const json = (buffer: Buffer) => {
  try {
    return JSON.parse(buffer.toString("utf8")) as unknown
  } catch {
    return undefined
  }
}

const listen = (server: Http.Server) =>
  new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)))

const freePort = Effect.promise(async () => {
  const probe = Http.createServer()
  const port = await listen(probe)
  await new Promise((resolve) => probe.close(resolve))
  return port
})

/**
 * An answer Prism made itself, in place of the emulator's: an answer it could
 * not read (a truncated JSON body comes back as a 500 "FetchError", with no
 * `sl-violations`) or an error of its own. The emulator never answers
 * `application/problem+json`.
 */
const prismAnswered = (contentType: string | undefined, status: number, body: unknown): Array<PrismViolation> => {
  if (!contentType?.includes("application/problem+json")) return []
  const problem = body as { type?: string; title?: string; detail?: string } | undefined
  return [{
    location: ["response"],
    severity: "Error",
    message: `Prism answered ${status} itself: ${problem?.type ?? ""}: ${problem?.title ?? ""} ${problem?.detail ?? ""}`
  }]
}

/**
 * Operations the relay sends straight to the emulator, and why: Prism's proxy follows the upstream's
 * redirects (stoplightio/prism#1977, open), so Authorize's 302 would reach the client as the answer of
 * the redirect's target.
 */
export const bypassed: Record<string, string> = {
  Authorize: "Prism's proxy follows redirects (stoplightio/prism#1977)"
}

/** The relay: forwards to Prism, records each exchange with Prism's findings, drops the header. */
const relay = (target: { prism: number; emulator: number }, exchanges: Array<Exchange>) =>
  Http.createServer((request, response) => {
    const chunks: Array<Buffer> = []
    request.on("data", (chunk: Buffer) => chunks.push(chunk))
    request.on("end", () => {
      const sent = Buffer.concat(chunks)
      const method = request.method ?? "GET"
      const operation = operationOf(method, request.url ?? "/")
      const bypass = bypassed[operation.operationId]
      // Prism 5.16 forwards a chunked body malformed (the emulator answers 400): the relay has the whole
      // body by now, so it sends its length instead.
      const { "transfer-encoding": _chunked, ...headers } = request.headers
      const upstream = Http.request({
        host: "127.0.0.1",
        port: bypass === undefined ? target.prism : target.emulator,
        method,
        path: request.url,
        headers: { ...headers, "content-length": String(sent.length) }
      }, (answer) => {
        const parts: Array<Buffer> = []
        answer.on("data", (chunk: Buffer) => parts.push(chunk))
        answer.on("end", () => {
          const body = Buffer.concat(parts)
          const header = answer.headers["sl-violations"]
          const responseBody = json(body)
          exchanges.push({
            operationId: operation.operationId,
            family: operation.family,
            method,
            path: request.url ?? "/",
            status: answer.statusCode ?? 0,
            violations: [
              ...(typeof header === "string" ? JSON.parse(header) : []),
              ...prismAnswered(answer.headers["content-type"], answer.statusCode ?? 0, responseBody)
            ],
            bypassed: bypass,
            requestBody: json(sent),
            responseBody
          })
          const { "sl-violations": _, ...headers } = answer.headers
          response.writeHead(answer.statusCode ?? 502, headers)
          response.end(body)
        })
      })
      upstream.on("error", (error) => {
        response.writeHead(502, { "content-type": "text/plain" })
        response.end(`relay: ${error.message}`)
      })
      upstream.end(sent)
    })
  })

const prismCli = join(
  createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json"),
  "..",
  "dist",
  "index.js"
)

const startPrism = (upstream: string, port: number) =>
  Effect.acquireRelease(
    Effect.async<ChildProcess, Error>((resume) => {
      const child = spawn(
        process.execPath,
        [prismCli, "proxy", specPath, upstream, "--host", "127.0.0.1", "--port", String(port)],
        { stdio: ["ignore", "pipe", "pipe"] }
      )
      let log = ""
      let ready = false
      // Both streams are read to the end: a full pipe would stall Prism.
      child.stderr.on("data", (chunk: Buffer) => (log += ready ? "" : chunk.toString()))
      child.stdout.on("data", (chunk: Buffer) => {
        if (ready) return
        log += chunk.toString()
        if (log.includes("Prism is listening")) {
          ready = true
          resume(Effect.succeed(child))
        }
      })
      child.on("exit", (code) => {
        if (!ready) resume(Effect.fail(new Error(`prism exited (${code}) before listening:\n${log}`)))
      })
      return Effect.sync(() => child.kill())
    }),
    (child) => Effect.sync(() => child.kill())
  )

/**
 * Put Prism's proxy in front of the emulator in context: the `Emulator` this
 * layer gives has the relay's address as `baseUrl` (so `call`, the SDK and
 * `EmulatorClient` go through Prism) and the emulator's links point there too.
 */
export const layer: Layer.Layer<Emulator | PrismProxy, Error, Emulator> = Layer.scopedContext(
  Effect.gen(function*() {
    const emulator = yield* Emulator
    const exchanges: Array<Exchange> = []
    const target = { prism: yield* freePort, emulator: Number(new URL(emulator.baseUrl).port) }
    const server = relay(target, exchanges)
    const port = yield* Effect.acquireRelease(
      Effect.promise(() => listen(server)),
      () => Effect.promise(() => new Promise((resolve) => server.close(resolve)))
    )
    yield* startPrism(emulator.baseUrl, target.prism)
    const baseUrl = `http://127.0.0.1:${port}`
    emulator.state.publicBaseUrl = baseUrl
    return Context.make(Emulator, { ...emulator, baseUrl }).pipe(
      Context.add(PrismProxy, { baseUrl, exchanges })
    )
  })
)

/** Whether Prism's finding is one it cannot judge, checked another way instead (see PrismBodies). */
const checkedElsewhere = (exchange: Exchange, violation: PrismViolation) =>
  ambiguous(exchange, violation) || undocumentedError(exchange, violation)

/** Every finding of Prism, one line each, by family: what a failing test prints. */
export const violationsByFamily = (exchanges: ReadonlyArray<Exchange>) => {
  const found: Record<string, Array<string>> = {}
  for (const exchange of exchanges) {
    for (const violation of exchange.violations) {
      if (checkedElsewhere(exchange, violation)) continue
      ;(found[exchange.family] ??= []).push(
        `${exchange.operationId} ${exchange.method} ${exchange.path} → ${exchange.status}: ` +
          `[${violation.severity}] ${violation.location.join(".")}: ${violation.message}`
      )
    }
    if (exchange.operationId === "(not in the spec)") {
      ;(found[exchange.family] ??= []).push(`${exchange.method} ${exchange.path}: no operation of the spec`)
    }
  }
  return found
}

/** The families whose operations went through Prism. */
export const familiesSeen = (exchanges: ReadonlyArray<Exchange>) =>
  [...new Set(exchanges.filter((e) => e.bypassed === undefined).map((e) => e.family))].sort()

/** The spec's 17 families (its tags). */
export const families = [...new Set(operations.map((o) => o.family))].sort()

/** The spec's operations that no exchange took through Prism. */
export const operationsNotThroughPrism = (exchanges: ReadonlyArray<Exchange>) => {
  const seen = new Set(exchanges.filter((e) => e.bypassed === undefined).map((e) => e.operationId))
  return operations.map((o) => o.operationId).filter((id) => !seen.has(id)).sort()
}

/**
 * One line per family: exchanges through Prism, operations among them, and
 * the findings left after those checked another way: what the test prints.
 */
export const summary = (title: string, exchanges: ReadonlyArray<Exchange>) => {
  const found = violationsByFamily(exchanges)
  const lines = families.map((family) => {
    const mine = exchanges.filter((e) => e.family === family && e.bypassed === undefined)
    const ops = new Set(mine.map((e) => e.operationId)).size
    return `  ${family}: ${mine.length} exchanges, ${ops} operations, ${found[family]?.length ?? 0} violations`
  })
  return `${title} through Prism's validating proxy:\n${lines.join("\n")}`
}

/**
 * The check that ends each test through the proxy: the families named went
 * through Prism, and it found nothing wrong in any exchange (what it cannot
 * judge is checked by ajv instead: see PrismBodies). A failure prints each
 * finding with its operation, request and status.
 */
export const expectNoViolations = (exchanges: ReadonlyArray<Exchange>, ...expected: ReadonlyArray<string>) => {
  expect(familiesSeen(exchanges)).toEqual(expect.arrayContaining([...expected]))
  expect(violationsByFamily(exchanges)).toEqual({})
  expect(exchanges.flatMap(intendedBranchErrors)).toEqual([])
  expect(exchanges.flatMap(undocumentedErrorBodies)).toEqual([])
}
