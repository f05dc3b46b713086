#!/usr/bin/env node
/**
 * `sunco-emulator`: run the emulator from the command line. A bad flag or
 * file gets one line that says what is wrong, the usage hint, and exit code 2.
 * It prints its settings as `SUNCO_*=value` lines a shell can source, and
 * with `--write-env-file PATH` writes them to a file too.
 *
 * @since 0.1.0
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { readFileSync } from "node:fs"
import { Emulator } from "./Emulator.js"
import { hint, parse, type StartOptions, usage } from "./internal/cliArgs.js"
import { envLine, writeEnvFile } from "./internal/envFile.js"

const usageError = (message: string): never => {
  console.error(`sunco-emulator: ${message}\n${hint}`)
  return process.exit(2)
}

const command = Either.getOrElse(parse(process.argv.slice(2), (file) => readFileSync(file, "utf8")), usageError)

const announce = (envFile: string | undefined) =>
  Effect.gen(function*() {
    const emulator = yield* Emulator
    // These are the emulator's own test credentials, printed so clients can use them.
    const vars = [
      ["SUNCO_BASE_URL", emulator.baseUrl],
      ["SUNCO_APP_ID", emulator.appId],
      ["SUNCO_KEY_ID", emulator.keyId],
      ["SUNCO_KEY_SECRET", Redacted.value(emulator.keySecret)]
    ] as const
    // Written before the banner, so whoever waits for the banner finds the file complete.
    const failed = envFile === undefined ? undefined : writeEnvFile(envFile, vars)
    if (failed !== undefined) return usageError(failed)
    // Everything but the variables is a comment: the block pastes into a shell or an env file as it is.
    yield* Console.log(`# sunco-emulator listening on ${emulator.baseUrl}`)
    for (const [name, value] of vars) yield* Console.log(envLine(name, value))
    if (envFile !== undefined) yield* Console.log(`# the SUNCO_* variables are also in ${envFile}`)
    yield* Console.log(`# inspector: ${emulator.inspectorUrl}`)
    yield* Console.log(`# admin: ${emulator.baseUrl}/__emulator/state, /__emulator/faults, /__emulator/reset`)
  })

const start = (seedFile: string | undefined, { envFile, quiet, ...options }: StartOptions) =>
  // NodeRuntime.runMain interrupts on SIGINT and SIGTERM, which closes the server.
  Layer.launch(
    Layer.effectDiscard(announce(envFile)).pipe(Layer.provideMerge(Emulator.layerServer({
      ...options,
      log: quiet ? undefined : (line) => console.log(line)
    })))
  ).pipe(
    Effect.catchTags({
      // the seed decoded but does not hold together (a key of an unknown app, a duplicate id)
      ConfigurationError: (error) =>
        Effect.sync(() => usageError(`${seedFile ? `seed file ${seedFile}: ` : ""}${error.detail}`)),
      ServeError: (error) =>
        Effect.sync(() => {
          console.error(`sunco-emulator: cannot listen on ${options.host}:${options.port}: ${String(error.cause)}`)
          process.exit(1)
        })
    }),
    NodeRuntime.runMain
  )

if (command._tag === "Help") console.log(usage)
else if (command._tag === "Version") {
  console.log(JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version)
} else start(command.seedFile, command.options)
