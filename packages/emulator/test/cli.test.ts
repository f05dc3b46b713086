/**
 * The `sunco-emulator` bin: starts on a free port, prints its base URL and
 * credentials as lines a shell can source (and writes them to a file on
 * request), logs one line per request, serves curl-like clients, and exits
 * cleanly on SIGTERM and SIGINT.
 */
import { describe, expect, it } from "@effect/vitest"
import { execFile, spawn } from "node:child_process"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { connect } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const bin = fileURLToPath(new URL("../dist/esm/bin.js", import.meta.url))

const start = (args: ReadonlyArray<string>) => {
  const child = spawn(process.execPath, [bin, "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] })
  let output = ""
  child.stdout.on("data", (d) => (output += d))
  child.stderr.on("data", (d) => (output += d))
  const ready = new Promise<Record<string, string>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner: ${output}`)), 15_000)
    // The banner's last line: the whole banner is in (it may come in several chunks).
    child.stdout.on("data", () => {
      if (!output.includes("# admin: ")) return
      clearTimeout(timer)
      resolve(Object.fromEntries([...output.matchAll(/(SUNCO_\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!])))
    })
  })
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))
  return { child, ready, exited, output: () => output }
}

const runToExit = (args: ReadonlyArray<string>) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(
      process.execPath,
      [bin, "--port", "0", ...args],
      { timeout: 10_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr })
    )
  )

/** Run `node --env-file=envFile -e script` and return what it prints. */
const nodeWithEnvFile = (envFile: string, script: string) =>
  new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      [`--env-file=${envFile}`, "--input-type=module", "-e", script],
      { timeout: 10_000, env: { PATH: process.env.PATH ?? "" } },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout))
    )
  )

/** Send `bytes` and wait for the answer's status line; milliseconds until it came. */
const stalled = (baseUrl: string, bytes: string) =>
  new Promise<{ status: string; ms: number }>((resolve) => {
    const { hostname, port } = new URL(baseUrl)
    const started = performance.now()
    const socket = connect(Number(port), hostname)
    let text = ""
    socket.on("data", (d) => (text += d))
    socket.on("close", () => resolve({ status: text.split("\r\n")[0] ?? "", ms: performance.now() - started }))
    socket.on("error", () => undefined)
    socket.write(bytes)
  })

describe("sunco-emulator", () => {
  it("prints its settings as lines a shell can source: SUNCO_* at column 0, the rest comments", async () => {
    const emulator = start(["--quiet"])
    await emulator.ready
    const banner = emulator.output().trimEnd().split("\n")
    expect(banner.filter((line) => line.includes("SUNCO_"))).toEqual([
      expect.stringMatching(/^SUNCO_BASE_URL=http:\/\/127\.0\.0\.1:\d+$/),
      expect.stringMatching(/^SUNCO_APP_ID=\S+$/),
      expect.stringMatching(/^SUNCO_KEY_ID=\S+$/),
      expect.stringMatching(/^SUNCO_KEY_SECRET=\S+$/)
    ])
    for (const line of banner) expect(line).toMatch(/^(# |SUNCO_[A-Z_]+=)/)
    expect(banner[0]).toMatch(/^# sunco-emulator listening on http:/)
    emulator.child.kill("SIGTERM")
    expect(await emulator.exited).toBe(0)
  })

  it("--write-env-file writes the SUNCO_* variables that node --env-file reads, keeping the file's other lines", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sunco-emulator-"))
    const envFile = join(dir, "emulator.env")
    writeFileSync(envFile, "# mine\nOTHER=kept\nexport SUNCO_APP_ID=stale\n")
    const emulator = start(["--write-env-file", envFile, "--request-timeout", "400", "--key-secret", "s p#ce"].concat(
      ["--app-id", "app1", "--key-id", "app_key1"]
    ))
    const printed = await emulator.ready
    const lines = readFileSync(envFile, "utf8").trimEnd().split("\n")
    expect(lines).toEqual([
      "# mine",
      "OTHER=kept",
      `SUNCO_BASE_URL=${printed.SUNCO_BASE_URL}`,
      "SUNCO_APP_ID=app1",
      "SUNCO_KEY_ID=app_key1",
      "SUNCO_KEY_SECRET='s p#ce'"
    ])
    for (const line of lines) expect(line).toMatch(/^(#.*|[A-Z_]+=(\S+|'[^'\n]*'))$/)
    expect(emulator.output()).toContain(`# the SUNCO_* variables are also in ${envFile}`)
    // A program started with node --env-file sees them and reaches the emulator with them.
    const seen = await nodeWithEnvFile(
      envFile,
      `const { SUNCO_BASE_URL: url, SUNCO_APP_ID: app, SUNCO_KEY_ID: id, SUNCO_KEY_SECRET: secret, OTHER } = process.env
const answer = await fetch(url + "/v2/apps/" + app + "/conversations", {
  method: "POST",
  headers: { authorization: "Basic " + Buffer.from(id + ":" + secret).toString("base64"), "content-type": "application/json" },
  body: JSON.stringify({ type: "sdkGroup" })
})
console.log(JSON.stringify({ app, secret, OTHER, status: answer.status }))`
    )
    expect(JSON.parse(seen)).toEqual({ app: "app1", secret: "s p#ce", OTHER: "kept", status: 201 })
    // --request-timeout: a body that stops coming gets its 408 after 400 ms, not Node's 300 s.
    const late = await stalled(
      printed.SUNCO_BASE_URL!,
      "POST /v2/apps/app1/conversations HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n" +
        `authorization: Basic ${Buffer.from("app_key1:s p#ce").toString("base64")}\r\n` +
        "content-length: 50\r\n\r\n{}"
    )
    expect(late.status).toBe("HTTP/1.1 408 Request Timeout")
    expect(late.ms).toBeGreaterThan(350)
    expect(late.ms).toBeLessThan(3000)
    emulator.child.kill("SIGTERM")
    expect(await emulator.exited).toBe(0)
    // Stopping removes nothing: the file stays for the next program.
    expect(readFileSync(envFile, "utf8")).toContain("SUNCO_APP_ID=app1")
  })

  it("--help lists --write-env-file, --request-timeout and --webhook-clock-speed", async () => {
    const run = await runToExit(["--help"])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^  --write-env-file PATH /m)
    expect(run.stdout).toMatch(/^  --request-timeout MS /m)
    expect(run.stdout).toMatch(/^  --webhook-clock-speed N$/m)
  })

  it("--webhook-clock-speed takes a whole number from 1 to 3600", async () => {
    const run = await runToExit(["--webhook-clock-speed", "0"])
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain("--webhook-clock-speed must be a whole number from 1 to 3600")
  })

  it("starts with --app-id/--key-id/--key-secret, serves basic auth, logs requests, stops on SIGTERM", async () => {
    const emulator = start(["--app-id", "app1", "--key-id", "app_key1", "--key-secret", "cli-secret"])
    const env = await emulator.ready
    expect(env.SUNCO_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(env).toMatchObject({ SUNCO_APP_ID: "app1", SUNCO_KEY_ID: "app_key1", SUNCO_KEY_SECRET: "cli-secret" })
    const auth = `Basic ${Buffer.from("app_key1:cli-secret").toString("base64")}`
    const created = await fetch(`${env.SUNCO_BASE_URL}/v2/apps/app1/conversations`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/json" },
      body: JSON.stringify({ type: "sdkGroup" })
    })
    expect(created.status).toBe(201)
    emulator.child.kill("SIGTERM")
    expect(await emulator.exited).toBe(0)
    expect(emulator.output()).toMatch(/POST \/v2\/apps\/app1\/conversations 201/)
    // the request log never carries credentials
    expect(emulator.output().split("\n").filter((l) => l.startsWith("POST")).join("\n")).not.toContain("cli-secret")
  })

  it("reads a seed file and fault flags, and stops on SIGINT", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sunco-emulator-"))
    const seedFile = join(dir, "seed.json")
    writeFileSync(
      seedFile,
      JSON.stringify({
        apps: [{
          id: "seeded",
          keys: [{ id: "app_s", secret: "s" }],
          users: [{ externalId: "u1", conversationCount: 3 }]
        }]
      })
    )
    const emulator = start(["--seed", seedFile, "--rate-limit", "1", "--retry-after", "9", "--quiet"])
    const env = await emulator.ready
    expect(env.SUNCO_APP_ID).toBe("seeded")
    const answer = await fetch(`${env.SUNCO_BASE_URL}/v2/apps/seeded/conversations?filter[userExternalId]=u1`, {
      headers: { authorization: `Basic ${Buffer.from("app_s:s").toString("base64")}` }
    })
    expect(answer.status).toBe(429)
    expect(answer.headers.get("retry-after")).toBe("9")
    // admin bodies must be JSON: a browser's "simple" text/plain post cannot change faults
    const simple = await fetch(`${env.SUNCO_BASE_URL}/__emulator/faults`, { method: "PUT", body: "{}" })
    expect(simple.status).toBe(400)
    await fetch(`${env.SUNCO_BASE_URL}/__emulator/faults`, {
      method: "PUT",
      body: "{}",
      headers: { "content-type": "application/json" }
    })
    const listed = await fetch(`${env.SUNCO_BASE_URL}/v2/apps/seeded/conversations?filter[userExternalId]=u1`, {
      headers: { authorization: `Basic ${Buffer.from("app_s:s").toString("base64")}` }
    })
    expect(((await listed.json()) as { conversations: Array<unknown> }).conversations).toHaveLength(3)
    emulator.child.kill("SIGINT")
    expect(await emulator.exited).toBe(0)
  })

  it("takes faults from the seed file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sunco-emulator-"))
    const seedFile = join(dir, "seed.json")
    writeFileSync(
      seedFile,
      JSON.stringify({
        apps: [{ id: "seeded", keys: [{ id: "app_s", secret: "s" }] }],
        faults: { routes: { "Conversations.get": { serverError: 1, serverErrorStatus: 502 } } }
      })
    )
    const emulator = start(["--seed", seedFile, "--quiet"])
    const env = await emulator.ready
    const answer = await fetch(`${env.SUNCO_BASE_URL}/v2/apps/seeded/conversations/0123456789abcdef01234567`, {
      headers: { authorization: `Basic ${Buffer.from("app_s:s").toString("base64")}` }
    })
    expect(answer.status).toBe(502)
    emulator.child.kill("SIGTERM")
    expect(await emulator.exited).toBe(0)
  })

  it("--version prints the package's version", async () => {
    const run = await runToExit(["--version"])
    expect(run.code).toBe(0)
    expect(run.stdout.trim()).toBe(
      JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version
    )
  })

  const dir = mkdtempSync(join(tmpdir(), "sunco-emulator-"))
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text)
    return join(dir, name)
  }
  const refusals: ReadonlyArray<[string, ReadonlyArray<string>, RegExp]> = [
    ["an unknown flag", ["--prot", "8091"], /^sunco-emulator: unknown flag --prot$/],
    ["a flag without its value", ["--seed"], /^sunco-emulator: --seed needs a value$/],
    ["a stray argument", ["8091"], /^sunco-emulator: unexpected argument "8091"$/],
    [
      "an out-of-range port",
      ["--port", "70000"],
      /^sunco-emulator: --port must be a whole number from 0 to 65535, got "70000"$/
    ],
    ["a port that is not a number", ["--port", "http"], /^sunco-emulator: --port must be a whole number/],
    [
      "a probability above 1",
      ["--rate-limit", "1.5"],
      /^sunco-emulator: --rate-limit must be a probability from 0 to 1, got "1.5"$/
    ],
    [
      "a value that looks like a flag",
      ["--drop", "-0.1"],
      /^sunco-emulator: --drop needs a value; write --drop=VALUE for one that starts with "-"$/
    ],
    ["a negative probability", ["--drop=-0.1"], /^sunco-emulator: --drop must be a probability/],
    ["a latency range upside down", ["--latency", "30-10"], /^sunco-emulator: --latency range must have MIN <= MAX/],
    [
      "a missing seed file",
      ["--seed", "/nonexistent/seed.json"],
      /^sunco-emulator: cannot read seed file \/nonexistent\/seed\.json: ENOENT$/
    ],
    [
      "a seed file that is not JSON",
      ["--seed", file("broken.json", "{ apps: [")],
      /^sunco-emulator: seed file .*broken\.json is not JSON: /
    ],
    [
      "a seed file of the wrong shape",
      ["--seed", file("shape.json", JSON.stringify({ apps: "nope" }))],
      /^sunco-emulator: seed file .*shape\.json is invalid: at apps: /
    ],
    ["a seed that does not hold together", [
      "--seed",
      file("ghost.json", JSON.stringify({ apps: [{ id: "a", conversations: [{ participants: ["ghost"] }] }] }))
    ], /^sunco-emulator: seed file .*ghost\.json: invalid seed: .*names an unknown participant$/],
    [
      "an env file that cannot be written",
      ["--write-env-file", "/nonexistent/dir/emulator.env"],
      /^sunco-emulator: cannot write env file \/nonexistent\/dir\/emulator\.env: ENOENT$/
    ],
    ["an empty env file path", ["--write-env-file="], /^sunco-emulator: --write-env-file needs a path$/],
    [
      "Node's own --env-file (given a file that exists, else Node itself exits first)",
      ["--env-file", file("exists.env", "A=1\n")],
      /^sunco-emulator: unknown flag --env-file; to write the SUNCO_\* variables: --write-env-file PATH$/
    ],
    [
      "a request timeout of 0",
      ["--request-timeout", "0"],
      /^sunco-emulator: --request-timeout must be a whole number from 1 to 600000, got "0"$/
    ],
    [
      "a fault file with a bad probability",
      ["--faults", file("faults.json", JSON.stringify({ default: { drop: 7 } }))],
      /^sunco-emulator: fault file .*faults\.json is invalid: at default\.drop: /
    ]
  ]
  for (const [what, args, message] of refusals) {
    it(`refuses ${what}: one line naming it, the usage hint, exit code 2`, async () => {
      const run = await runToExit(args)
      expect(run.code).toBe(2)
      expect(run.stdout).toBe("")
      const lines = run.stderr.trimEnd().split("\n")
      expect(lines).toHaveLength(2)
      expect(lines[0]).toMatch(message)
      expect(lines[0]!.length).toBeLessThan(240)
      expect(lines[1]).toBe("Run sunco-emulator --help for the list of flags.")
    })
  }
})
