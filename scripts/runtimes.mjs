// The runtimes the project supports, as commands to run: Node 20, 22 and 24
// (this process's own Node for its major, the others from the npm registry
// through npx), Bun and Deno (also from the registry).
import { execFileSync } from "node:child_process"

export const nodeMajors = [20, 22, 24]

const npx = (pkg) => ["npx", ["-y", pkg]]

/** `[command, leadingArgs]` for Node `major`; resolved once to the binary so later runs skip npx. */
export const node = (major) => {
  if (Number(process.versions.node.split(".")[0]) === major) return [process.execPath, []]
  const [cmd, args] = npx(`node@${major}`)
  const path = execFileSync(cmd, [...args, "-p", "process.execPath"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"]
  })
  return [path.trim(), []]
}

export const bun = () => npx("bun")
export const deno = () => {
  const [cmd, args] = npx("deno")
  return [cmd, [...args, "run", "-A"]]
}
