// Every snippet a user can copy: the ```ts blocks of the READMEs and of
// docs/**/*.md, and of the TSDoc comments in packages/*/src (src/internal
// excepted, but for src/internal/families, whose entries' TSDoc editors show on
// the services' methods). Each is a whole module of its own. A block that uses a runner
// (`NodeRuntime.runMain`, `Effect.runPromise`, `Effect.runPromiseExit`,
// `Effect.runFork`, `Effect.runSync`, `Effect.runSyncExit`) outside a line
// comment is a whole program and is also run. Used by
// scripts/packages-check.mjs; run alone, it lists the blocks.
import { spawnSync } from "node:child_process"
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join, relative, resolve } from "node:path"

// Called or passed (`program.pipe(…, NodeRuntime.runMain)`), outside a line comment.
const runner = /\b(?:NodeRuntime\.runMain|Effect\.run(?:Promise|PromiseExit|Fork|Sync|SyncExit))\b/

const walk = (dir, keep) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const here = join(dir, d.name)
    if (d.isDirectory()) return d.name === "node_modules" ? [] : walk(here, keep)
    return keep(here) ? [here] : []
  })

// `line` is the 1-based line of the block's first code line in `file`.
const block = (root, source, file, line, code) => ({
  source,
  file: relative(root, file),
  line,
  code,
  program: runner.test(code.replace(/\/\/.*$/gm, ""))
})

const markdownBlocks = (root, source, file) => {
  const lines = readFileSync(file, "utf8").split("\n")
  const found = []
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ts\s*$/.test(lines[i])) continue
    const start = i + 1
    let end = start
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++
    if (end === lines.length) throw new Error(`${relative(root, file)}:${i + 1}: a ts block that is never closed`)
    found.push(block(root, source, file, start + 1, lines.slice(start, end).join("\n") + "\n"))
    i = end
  }
  return found
}

// Inside a `/** … */` comment: the fence and its lines, each without its ` * `.
const commentBlocks = (root, source, file) => {
  const lines = readFileSync(file, "utf8").split("\n")
  const found = []
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\*\s?```ts\s*$/.test(lines[i])) continue
    const start = i + 1
    let end = start
    while (end < lines.length && !/^\s*\*\s?```\s*$/.test(lines[end])) {
      if (/\*\//.test(lines[end])) end = lines.length
      else end++
    }
    if (end >= lines.length) throw new Error(`${relative(root, file)}:${i + 1}: a ts block that is never closed`)
    const code = lines.slice(start, end).map((l) => l.replace(/^\s*\*( |$)/, "")).join("\n") + "\n"
    found.push(block(root, source, file, start + 1, code))
    i = end
  }
  return found
}

/**
 * Every block, in a stable order, each with `source` (the README's path,
 * `docs`, or `TSDoc`), `file`, `line`, `code` and `program`.
 */
export const collectSnippets = (root) => {
  const packages = readdirSync(join(root, "packages"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(root, "packages", d.name))
  const readmes = [join(root, "README.md"), ...packages.map((p) => join(p, "README.md"))]
    .filter((f) => {
      try {
        return readFileSync(f) && true
      } catch {
        return false
      }
    })
  const docsDir = join(root, "docs")
  const docs = (() => {
    try {
      return walk(docsDir, (f) => f.endsWith(".md")).sort()
    } catch {
      return []
    }
  })()
  const sources = packages.flatMap((p) => {
    try {
      const internal = `${join(p, "src", "internal")}/`
      const families = `${join(p, "src", "internal", "families")}/`
      return walk(join(p, "src"), (f) => f.endsWith(".ts") && (!f.includes(internal) || f.includes(families)))
        .sort()
    } catch {
      return []
    }
  })
  return [
    ...readmes.flatMap((f) => markdownBlocks(root, relative(root, f), f)),
    ...docs.flatMap((f) => markdownBlocks(root, "docs/**/*.md", f)),
    ...sources.flatMap((f) => commentBlocks(root, "TSDoc", f))
  ]
}

/**
 * Writes each block as `dir/snippets/<n>.ts` (an ES module: the folder's
 * package.json says so; packages resolve from `dir/node_modules`), compiles
 * them all with `tsc` (strict, module nodenext, `@types/node`) into
 * `dir/snippets/dist`, and returns the errors with each position mapped back
 * to the block's file and line. The block of `dist/<n>.js` is `blocks[n]`.
 */
export const compileSnippets = ({ blocks, dir, tsc }) => {
  const out = join(dir, "snippets")
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  writeFileSync(join(out, "package.json"), JSON.stringify({ type: "module" }))
  writeFileSync(
    join(out, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        verbatimModuleSyntax: true,
        module: "nodenext",
        moduleResolution: "nodenext",
        moduleDetection: "force",
        target: "es2022",
        lib: ["es2022"],
        types: ["node"],
        skipLibCheck: true,
        outDir: "dist",
        rootDir: "."
      },
      include: ["*.ts"]
    })
  )
  blocks.forEach((b, n) => writeFileSync(join(out, `${n}.ts`), b.code))
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json", "--pretty", "false"], {
    cwd: out,
    encoding: "utf8"
  })
  const errors = `${result.stdout}${result.stderr}`.split("\n").filter((l) => l.trim() !== "").map((l) =>
    l.replace(/^(\d+)\.ts\((\d+),(\d+)\)/, (_, n, line, col) => {
      const b = blocks[Number(n)]
      return `${b.file}:${b.line + Number(line) - 1}:${col}`
    })
  )
  if (result.status !== 0 && errors.length === 0) errors.push(`tsc exited with ${result.status}`)
  return { errors, js: (n) => join(out, "dist", `${n}.js`) }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = resolve(import.meta.dirname, "..")
  for (const b of collectSnippets(root)) {
    console.log(`--- ${b.file}:${b.line}${b.program ? " (program)" : ""}\n${b.code}`)
  }
}
