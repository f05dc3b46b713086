/**
 * The `sunco-emulator` command line, parsed and checked without side effects:
 * either the options to start with, or a one-line usage error that names the
 * flag or the file and what is wrong with it (the bin prints it and exits 2).
 *
 * Built on `node:util`'s `parseArgs` rather than `@effect/cli`: twenty flags
 * do not need a parser framework, and every extra Effect package would be one
 * more peer dependency that users' apps must keep on matching versions.
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { parseArgs } from "node:util"
import type { EmulatorOptions } from "../Emulator.js"
import { EmulatorSeed } from "../EmulatorSeed.js"
import { FaultConfig, type FaultRule } from "../Faults.js"

export const usage = `Usage: sunco-emulator [options]
  --host HOST            interface to listen on (default 127.0.0.1)
  --port PORT            port 0-65535, 0 for any free port (default 8091)
  --public-base-url URL  where list links point (default: the listening address)
  --seed FILE            JSON seed: apps, keys, users, conversations, and optional faults
                         (default: the built-in demo seed)
  --app-id ID            also seed this app ...
  --key-id ID            ... with this app-scoped key id ...
  --key-secret SECRET    ... and this secret
  --faults FILE          JSON fault configuration
  --fault-seed N         seed of the fault dice (default 1)
  --rate-limit P         probability (0-1) of a 429 on every route
  --retry-after S        Retry-After whole seconds of those 429s, 0-3600 (default 1)
  --server-error P       probability (0-1) of a 503
  --drop P               probability (0-1) of a dropped connection
  --slow P               probability (0-1) of a slow answer
  --latency MS|MIN-MAX   latency of slow answers, 0-60000 ms (default 1000)
  --malformed P          probability (0-1) of a truncated JSON body
  --request-timeout MS   how long a request's headers and body may take to arrive before a 408,
                         1-600000 ms (default 10000)
  --webhook-clock-speed N
                         run webhook delivery N times faster than the service (its batching
                         window, retry schedule and 20 s timeout), 1-3600 (default 1)
  --write-env-file PATH  also write the SUNCO_* variables to PATH once listening (other lines of
                         an existing file are kept), for node --env-file=PATH or set -a; . PATH
  --quiet                do not log requests
  --version              print the version
  --help                 this text`

/** The line printed under a usage error. */
export const hint = "Run sunco-emulator --help for the list of flags."

export type Command =
  | { readonly _tag: "Help" }
  | { readonly _tag: "Version" }
  | { readonly _tag: "Start"; readonly seedFile: string | undefined; readonly options: StartOptions }

export type StartOptions = EmulatorOptions & {
  readonly host: string
  readonly port: number
  readonly quiet: boolean
  /** Where to write the `SUNCO_*` variables once the server listens. */
  readonly envFile: string | undefined
}

const flags = {
  host: { type: "string", default: "127.0.0.1" },
  port: { type: "string", default: "8091" },
  "public-base-url": { type: "string" },
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
  "request-timeout": { type: "string" },
  "webhook-clock-speed": { type: "string" },
  // Not "--env-file": Node reads that anywhere in its argv, after the script too, and exits when the file is missing.
  "write-env-file": { type: "string" },
  quiet: { type: "boolean", default: false },
  version: { type: "boolean", default: false },
  help: { type: "boolean", default: false }
} as const

class Usage {
  constructor(readonly message: string) {}
}
const refuse = (message: string): never => {
  throw new Usage(message)
}

/** Long values (a Schema's idea of a type, a pasted blob) are cut so the message stays one short line. */
const short = (text: string, max = 120) => {
  const line = text.replace(/\s+/g, " ").trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

const integer = (flag: string, value: string, min: number, max: number): number => {
  const n = Number(value)
  return /^\d+$/.test(value) && n >= min && n <= max
    ? n
    : refuse(`--${flag} must be a whole number from ${min} to ${max}, got "${short(value, 40)}"`)
}

const probability = (flag: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  const n = Number(value)
  return value.trim() !== "" && n >= 0 && n <= 1
    ? n
    : refuse(`--${flag} must be a probability from 0 to 1, got "${short(value, 40)}"`)
}

const latency = (value: string | undefined): FaultRule["latencyMs"] => {
  if (value === undefined) return undefined
  const range = /^(\d+)-(\d+)$/.exec(value)
  if (!range) return integer("latency", value, 0, 60_000)
  const [min, max] = [integer("latency", range[1]!, 0, 60_000), integer("latency", range[2]!, 0, 60_000)]
  return min <= max ? { min, max } : refuse(`--latency range must have MIN <= MAX, got "${value}"`)
}

const baseUrl = (value: string): string => {
  try {
    const url = new URL(value)
    if ((url.protocol === "http:" || url.protocol === "https:") && url.username === "" && url.password === "") {
      return value.replace(/\/+$/, "")
    }
  } catch {
    // refused below
  }
  return refuse(`--public-base-url must be an http(s) URL without credentials, got "${short(value, 60)}"`)
}

const readJson = <A, I>(
  readText: (file: string) => string,
  file: string,
  schema: Schema.Schema<A, I>,
  what: string
): A => {
  let json: unknown
  try {
    json = JSON.parse(readText(file))
  } catch (e) {
    const error = e as NodeJS.ErrnoException
    return refuse(
      error.code ? `cannot read ${what} ${file}: ${error.code}` : `${what} ${file} is not JSON: ${short(error.message)}`
    )
  }
  return Either.getOrElse(
    Either.mapLeft(Schema.decodeUnknownEither(schema)(json), (error) => {
      const [issue] = ParseResult.ArrayFormatter.formatErrorSync(error)
      const at = issue && issue.path.length > 0 ? `at ${issue.path.join(".")}: ` : ""
      return `${what} ${file} is invalid: ${at}${short(issue?.message ?? "does not match")}`
    }),
    refuse
  )
}

// A seed file may carry its own "faults"; --faults and the fault flags override it.
const SeedFile = Schema.Struct({ ...EmulatorSeed.fields, faults: Schema.optional(FaultConfig) })

const parseOrRefuse = (argv: ReadonlyArray<string>, readText: (file: string) => string): Command => {
  let values: ReturnType<typeof parseArgs<{ options: typeof flags; strict: true }>>["values"]
  try {
    ;({ values } = parseArgs({ args: [...argv], options: flags, strict: true, allowPositionals: false }))
  } catch (e) {
    const error = e as NodeJS.ErrnoException
    const flag = /'(-[^']*)'/.exec(error.message)?.[1]
    return refuse(
      error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
        ? `unknown flag ${flag}${
          flag?.startsWith("--env-file") ? "; to write the SUNCO_* variables: --write-env-file PATH" : ""
        }`
        : error.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL"
        ? `unexpected argument "${short(/'([^']*)'/.exec(error.message)?.[1] ?? "", 40)}"`
        : error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && flag
        ? `${flag.split(" ")[0]} needs a value${
          error.message.includes("ambiguous") ? `; write ${flag.split(" ")[0]}=VALUE for one that starts with "-"` : ""
        }`
        : short(error.message)
    )
  }
  if (values.help) return { _tag: "Help" }
  if (values.version) return { _tag: "Version" }

  const port = integer("port", values.port, 0, 65535)
  const flagRule = Object.fromEntries(
    Object.entries({
      rateLimit: probability("rate-limit", values["rate-limit"]),
      retryAfterSeconds: values["retry-after"] === undefined
        ? undefined
        : integer("retry-after", values["retry-after"], 0, 3600),
      serverError: probability("server-error", values["server-error"]),
      drop: probability("drop", values.drop),
      slow: probability("slow", values.slow),
      latencyMs: latency(values.latency),
      malformed: probability("malformed", values.malformed)
    }).filter(([, v]) => v !== undefined)
  ) as FaultRule
  const faultSeed = values["fault-seed"] === undefined
    ? undefined
    : integer("fault-seed", values["fault-seed"], 0, Number.MAX_SAFE_INTEGER)

  const seedFile = values.seed === undefined ? undefined : readJson(readText, values.seed, SeedFile, "seed file")
  const fileFaults = values.faults === undefined
    ? seedFile?.faults ?? {}
    : readJson(readText, values.faults, FaultConfig, "fault file")
  const faults: FaultConfig = {
    ...fileFaults,
    ...(faultSeed === undefined ? {} : { seed: faultSeed }),
    ...(Object.keys(flagRule).length > 0 ? { default: { ...fileFaults.default, ...flagRule } } : {})
  }

  const app = [values["app-id"], values["key-id"], values["key-secret"]] as const
  if (app.some((v) => v !== undefined) && app.some((v) => v === undefined)) {
    refuse("--app-id, --key-id and --key-secret go together")
  }
  const [appId, keyId, keySecret] = app
  const requestTimeout = values["request-timeout"]
  const clockSpeed = values["webhook-clock-speed"]
  const envFile = values["write-env-file"]
  if (envFile !== undefined && envFile.trim() === "") refuse("--write-env-file needs a path")
  return {
    _tag: "Start",
    seedFile: values.seed,
    options: {
      host: values.host,
      port,
      publicBaseUrl: values["public-base-url"] === undefined ? undefined : baseUrl(values["public-base-url"]),
      quiet: values.quiet,
      envFile,
      requestTimeoutMs: requestTimeout === undefined
        ? undefined
        : integer("request-timeout", requestTimeout, 1, 600_000),
      webhooks: clockSpeed === undefined
        ? undefined
        : { clockSpeed: integer("webhook-clock-speed", clockSpeed, 1, 3600) },
      seed: seedFile,
      app: appId !== undefined && keyId !== undefined && keySecret !== undefined
        ? { appId, keyId, keySecret }
        : undefined,
      faults
    }
  }
}

/**
 * Parse the arguments (without the leading `--` that `pnpm emulator -- …`
 * passes through). `readText` reads the seed and fault files.
 */
export const parse = (
  argv: ReadonlyArray<string>,
  readText: (file: string) => string
): Either.Either<Command, string> => {
  try {
    return Either.right(parseOrRefuse(argv[0] === "--" ? argv.slice(1) : argv, readText))
  } catch (e) {
    if (e instanceof Usage) return Either.left(e.message)
    throw e
  }
}
