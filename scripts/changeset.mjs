// Runs the changesets CLI with its arguments. @changesets/cli 3 needs Node
// 22.11 or later (it calls module.enableCompileCache), while the project's
// own floor is Node 20: on an older Node this runs it on Node 22 from the npm
// registry instead.
import { spawnSync } from "node:child_process"
import { createRequire } from "node:module"
import { join, resolve } from "node:path"
import { node } from "./runtimes.mjs"

const root = resolve(import.meta.dirname, "..")
const cli = join(createRequire(join(root, "package.json")).resolve("@changesets/cli/package.json"), "../bin.js")
const [major, minor] = process.versions.node.split(".").map(Number)
const [cmd, lead] = major > 22 || (major === 22 && minor >= 11) ? [process.execPath, []] : node(22)
const { status } = spawnSync(cmd, [...lead, cli, ...process.argv.slice(2)], { cwd: root, stdio: "inherit" })
process.exit(status ?? 1)
