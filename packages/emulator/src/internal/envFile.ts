/**
 * The CLI's settings as environment variables: `NAME=value` lines that a
 * POSIX shell (`set -a; . FILE; set +a`) and `node --env-file=FILE` read
 * alike, printed and, with `--env-file`, written to a file.
 */
import { readFileSync, writeFileSync } from "node:fs"

/** Values that need no quotes in a shell or a dotenv file (ids, URLs, base64). */
const bare = /^[\w@%+=:,./-]*$/

/** A value as both readers take it: bare, or in single quotes; undefined when neither can hold it. */
export const envValue = (value: string): string | undefined =>
  bare.test(value) ? value : /['\r\n]/.test(value) ? undefined : `'${value}'`

/** One `NAME=value` line; a value no env file can hold is shown as a JSON string, for a human to read. */
export const envLine = (name: string, value: string): string => `${name}=${envValue(value) ?? JSON.stringify(value)}`

const assigned = /^\s*(?:export\s+)?([A-Za-z_]\w*)\s*=/

/**
 * Write `vars` to `path`: the file's other lines stay as they were, earlier
 * assignments of the same names are replaced. A new file is readable by its
 * owner only (it holds a key secret). Returns what went wrong, if anything.
 */
export const writeEnvFile = (path: string, vars: ReadonlyArray<readonly [string, string]>): string | undefined => {
  const unwritable = vars.find(([, value]) => envValue(value) === undefined)
  if (unwritable) return `cannot write ${unwritable[0]} to an env file: its value holds a quote or a line break`
  const names = new Set(vars.map(([name]) => name))
  try {
    let kept: Array<string> = []
    try {
      kept = readFileSync(path, "utf8").split("\n").filter((line) => !names.has(assigned.exec(line)?.[1] ?? ""))
      while (kept.length > 0 && kept[kept.length - 1] === "") kept.pop()
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e
    }
    writeFileSync(path, [...kept, ...vars.map(([name, value]) => envLine(name, value)), ""].join("\n"), { mode: 0o600 })
    return undefined
  } catch (e) {
    return `cannot write env file ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`
  }
}
