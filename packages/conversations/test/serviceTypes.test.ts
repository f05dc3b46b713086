/**
 * The service types are derived from the operation table: what an editor
 * shows on a method (its parameter names, its TSDoc) must still be what the
 * entry says. Checked through the TypeScript language service, as an editor
 * asks it.
 */
import { describe, expect, it } from "@effect/vitest"
import { fileURLToPath } from "node:url"
import ts from "typescript"

const here = fileURLToPath(new URL(".", import.meta.url))
const probe = `${here}__probe.ts`
const source = [
  `import type { ConversationsService, UsersService } from "../src/index.js"`,
  `declare const c: ConversationsService`,
  `declare const u: UsersService`,
  `c.update`,
  `u.create`
].join("\n")

const quickInfo = (name: string) => {
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [probe],
    getScriptVersion: () => "1",
    getScriptSnapshot: (f) => {
      const text = f === probe ? source : ts.sys.readFile(f)
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text)
    },
    getCurrentDirectory: () => here,
    getCompilationSettings: () => ({
      strict: true,
      exactOptionalPropertyTypes: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022
    }),
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => f === probe || ts.sys.fileExists(f),
    readFile: (f) => f === probe ? source : ts.sys.readFile(f)
  }
  const info = ts.createLanguageService(host).getQuickInfoAtPosition(probe, source.lastIndexOf(name) + 2)
  return {
    signature: ts.displayPartsToString(info?.displayParts),
    doc: ts.displayPartsToString(info?.documentation)
  }
}

describe("derived service types, as an editor shows them", () => {
  it("a method keeps its entry's parameter names and TSDoc", () => {
    const update = quickInfo("c.update")
    expect(update.signature).toContain(
      "update: (conversationId: string, body: ConversationUpdateBody, options?: CallOptions | undefined)"
    )
    expect(update.doc).toContain("UpdateConversation: only the given fields change")
    const create = quickInfo("u.create")
    expect(create.signature).toContain("create: (body: UserCreateBody, options?: CallOptions | undefined)")
    expect(create.doc).toContain("CreateUser")
  }, 60_000)
})
