
import { Effect } from "effect"
import { Conversations, ConversationsTest, Credentials, Host, RetryPolicy } from "@sunco-effect/conversations"
import * as Validation from "@sunco-effect/conversations/Validation"
import { readFileSync } from "node:fs"

const pkg = JSON.parse(readFileSync(new URL("./node_modules/@sunco-effect/conversations/package.json", import.meta.url)))
if (pkg.sideEffects !== false) throw new Error("sideEffects must be false")
if (JSON.stringify(pkg).includes("workspace:")) throw new Error("the packed package.json still names workspace: versions")
if (typeof Conversations.layer !== "function" || typeof Credentials.basic !== "function") throw new Error("missing exports")
if (Host.us !== "https://api.smooch.io" || typeof RetryPolicy.make !== "function" || typeof Validation.checkCreateBody !== "function") {
  throw new Error("missing exports")
}
const program = Effect.gen(function*() {
  const conversations = yield* Conversations
  const created = yield* conversations.create("app", { type: "sdkGroup", displayName: "packed" })
  return yield* conversations.get("app", created.id)
}).pipe(Effect.provide(ConversationsTest.layer({ seed: { apps: [{ id: "app" }] } })))
const conversation = await Effect.runPromise(program)
if (conversation.displayName !== "packed") throw new Error("unexpected result")
console.log("pack-check: the packed tarball imports and runs from a plain Node ESM project")
