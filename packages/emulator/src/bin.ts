#!/usr/bin/env node
/**
 * `sunco-emulator`: run the emulator from the command line.
 *
 *   sunco-emulator [--host 127.0.0.1] [--port 0] [--seed FILE] [--faults FILE]
 *                  [--app-id ID --key-id ID --key-secret SECRET]
 *                  [--fault-seed N] [--rate-limit P] [--retry-after S] [--server-error P]
 *                  [--drop P] [--slow P] [--latency MS|MIN-MAX] [--malformed P] [--quiet]
 *
 * @since 0.1.0
 */
import { readFileSync } from "node:fs"
import { parseArgs } from "node:util"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Seed } from "@sunco-effect/conversations"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { Emulator, type EmulatorOptions } from "./Emulator.js"
import { FaultConfig, type FaultRule } from "./Faults.js"

const usage = `Usage: sunco-emulator [options]
  --host HOST            interface to listen on (default 127.0.0.1)
  --port PORT            port, 0 for any free port (default 8091)
  --seed FILE            JSON seed: apps, keys, users, conversations, and optional faults
                         (default: the built-in demo seed)
  --app-id ID            also seed this app ...
  --key-id ID            ... with this app-scoped key id ...
  --key-secret SECRET    ... and this secret
  --faults FILE          JSON fault configuration
  --fault-seed N         seed of the fault dice (default 1)
  --rate-limit P         probability of a 429 on every route
  --retry-after S        Retry-After seconds of those 429s (default 1)
  --server-error P       probability of a 503
  --drop P               probability of a dropped connection
  --slow P               probability of a slow answer
  --latency MS|MIN-MAX   latency of slow answers (default 1000)
  --malformed P          probability of a truncated JSON body
  --quiet                do not log requests
  --help                 this text`

// `pnpm emulator -- --port 0` passes the "--" through; it is not an argument.
const argv = process.argv.slice(2)
const { values } = parseArgs({
  args: argv[0] === "--" ? argv.slice(1) : argv,
  options: {
    host: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: "8091" },
    seed: { type: "string" },
    faults: { type: "string" },
    "app-id": { type: "string" },
    "key-id": { type: "string" },
    "key-secret": { type: "string" },
    "fault-seed": { type: "string" },
    "rate-limit": { type: "string" },
    "retry-after": { type: "string" },
    "server-error": { type: "string" },
    drop: { type: "string" },
    slow: { type: "string" },
    latency: { type: "string" },
    malformed: { type: "string" },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", default: false }
  }
})

const fail = (message: string): never => {
  console.error(`sunco-emulator: ${message}\n\n${usage}`)
  process.exit(2)
}

if (values.help) {
  console.log(usage)
  process.exit(0)
}

const readJson = <A, I>(file: string, schema: Schema.Schema<A, I>, what: string): A => {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, "utf8"))
  } catch (e) {
    return fail(`cannot read ${what} ${file}: ${(e as Error).message}`)
  }
  try {
    return Schema.decodeUnknownSync(schema)(json)
  } catch (e) {
    return fail(`invalid ${what} ${file}: ${(e as Error).message}`)
  }
}

const number = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  const n = Number(value)
  return Number.isFinite(n) ? n : fail(`--${name} must be a number, got ${value}`)
}

const latency = (value: string | undefined): FaultRule["latencyMs"] => {
  if (value === undefined) return undefined
  const range = /^(\d+)-(\d+)$/.exec(value)
  return range ? { min: Number(range[1]), max: Number(range[2]) } : number("latency", value)
}

const flagRule: FaultRule = Object.fromEntries(
  Object.entries({
    rateLimit: number("rate-limit", values["rate-limit"]),
    retryAfterSeconds: number("retry-after", values["retry-after"]),
    serverError: number("server-error", values["server-error"]),
    drop: number("drop", values.drop),
    slow: number("slow", values.slow),
    latencyMs: latency(values.latency),
    malformed: number("malformed", values.malformed)
  }).filter(([, v]) => v !== undefined)
)

// A seed file may carry its own "faults"; --faults and the fault flags override it.
const SeedFile = Schema.Struct({ ...Seed.Seed.fields, faults: Schema.optional(FaultConfig) })
const seedFile = values.seed ? readJson(values.seed, SeedFile, "seed") : undefined
const fileFaults = values.faults ? readJson(values.faults, FaultConfig, "fault file") : seedFile?.faults ?? {}
const faultSeed = number("fault-seed", values["fault-seed"])
const faults = Schema.decodeUnknownSync(FaultConfig)({
  ...fileFaults,
  ...(faultSeed === undefined ? {} : { seed: faultSeed }),
  ...(Object.keys(flagRule).length ? { default: { ...fileFaults.default, ...flagRule } } : {})
})

const appFlags = [values["app-id"], values["key-id"], values["key-secret"]]
if (appFlags.some((v) => v !== undefined) && appFlags.some((v) => v === undefined)) {
  fail("--app-id, --key-id and --key-secret go together")
}
const port = number("port", values.port)!

const options: EmulatorOptions & { host: string; port: number } = {
  host: values.host!,
  port,
  seed: seedFile,
  app: values["app-id"]
    ? { appId: values["app-id"], keyId: values["key-id"]!, keySecret: values["key-secret"]! }
    : undefined,
  faults,
  log: values.quiet ? undefined : (line) => console.log(line)
}

const announce = Effect.gen(function*() {
  const emulator = yield* Emulator
  yield* Console.log(`sunco-emulator listening on ${emulator.baseUrl}`)
  yield* Console.log(`  SUNCO_BASE_URL=${emulator.baseUrl}`)
  yield* Console.log(`  SUNCO_APP_ID=${emulator.appId}`)
  yield* Console.log(`  SUNCO_KEY_ID=${emulator.keyId}`)
  // These are the emulator's own test credentials, printed so clients can use them.
  yield* Console.log(`  SUNCO_KEY_SECRET=${Redacted.value(emulator.keySecret)}`)
  yield* Console.log(`  admin: ${emulator.baseUrl}/__emulator/state, /__emulator/faults, /__emulator/reset`)
})

// NodeRuntime.runMain interrupts on SIGINT and SIGTERM, which closes the server.
Layer.launch(Layer.effectDiscard(announce).pipe(Layer.provideMerge(Emulator.layerServer(options)))).pipe(
  Effect.tapErrorCause((cause) => Console.error(`sunco-emulator: ${cause}`)),
  NodeRuntime.runMain
)
