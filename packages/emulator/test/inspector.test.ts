/**
 * The inspector in a real browser: headless Chromium (from the
 * `@sparticuz/chromium` npm package, so only Node and npm are needed) driven
 * by Playwright against a running emulator. Operations go through the client
 * library; the page must show them, steer faults and reset; another origin
 * and a rebinding Host must change nothing; requests that are not API calls
 * (the browser's /favicon.ico) get no row; controls with nothing to act on
 * are disabled.
 *
 * `UPDATE_SCREENSHOT=1` writes the README's screenshot (docs/inspector.png).
 */
import { NodeHttpClient } from "@effect/platform-node"
import { expect, layer } from "@effect/vitest"
import chromium from "@sparticuz/chromium"
import { Conversations, Users } from "@sunco-effect/conversations"
import { DefaultSeed, Emulator, EmulatorClient } from "@sunco-effect/emulator"
import { Effect, Layer } from "effect"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { chromium as playwright, type Page } from "playwright-core"
import { raw } from "./support/Raw.js"

const BIG_USER = "5f0c8b0e3f1a2b001e4d6c1f"
const seed = {
  ...DefaultSeed.seed,
  apps: [{
    ...DefaultSeed.seed.apps[0]!,
    users: [...(DefaultSeed.seed.apps[0]!.users ?? []), { id: BIG_USER, externalId: "busy", conversationCount: 10_000 }]
  }]
}

const Live = EmulatorClient.layer({ retry: false }).pipe(
  Layer.provideMerge(Emulator.layer({ seed })),
  Layer.provide(NodeHttpClient.layerUndici)
)

const browser = Effect.acquireRelease(
  Effect.promise(async () =>
    playwright.launch({
      executablePath: await chromium.executablePath(),
      // The package's Lambda flags turn web security off; a test of cross-origin rules needs it on.
      args: chromium.args.filter((arg) => arg !== "--disable-web-security"),
      headless: true
    })
  ),
  (b) => Effect.promise(() => b.close())
)

const promise = <A>(f: () => Promise<A>) => Effect.promise(f)

/** A page on another origin (another loopback port) that tries to change the emulator three ways. */
const attacker = (target: string) =>
  Effect.acquireRelease(
    Effect.async<{ url: string; close: () => void }>((resume) => {
      const html = `<!doctype html><title>waiting</title>
<form method="POST" action="${target}/__emulator/reset" enctype="text/plain" target="sink">
<input name='{"apps":[]}' value=""></form><iframe name="sink"></iframe>
<script>
(async () => {
  const results = [];
  try { await fetch("${target}/__emulator/faults", { method: "PUT", mode: "no-cors", headers: { "content-type": "text/plain" }, body: '{"default":{"drop":1}}' }); results.push("no-cors sent") } catch { results.push("no-cors refused") }
  try { const r = await fetch("${target}/__emulator/faults", { method: "PUT", headers: { "content-type": "application/json" }, body: '{"default":{"drop":1}}' }); results.push("json " + r.status) } catch { results.push("json refused") }
  try { const r = await fetch("${target}/__emulator/state"); await r.text(); results.push("read " + r.status) } catch { results.push("read refused") }
  document.forms[0].submit();
  setTimeout(() => { document.title = results.join("; ") }, 500);
})();
</script>`
      const server = createServer((_, res) => res.writeHead(200, { "content-type": "text/html" }).end(html))
      server.listen(0, "127.0.0.1", () =>
        resume(Effect.succeed({
          url: `http://localhost:${(server.address() as AddressInfo).port}/`,
          close: () => server.close()
        })))
    }),
    (s) => Effect.sync(() => s.close())
  )

const text = (page: Page, selector: string) => promise(() => page.locator(selector).innerText())

/** Which of the named buttons are disabled, by name. */
const disabled = (page: Page, names: ReadonlyArray<string>) =>
  Effect.forEach(
    names,
    (name) =>
      Effect.map(promise(() => page.getByRole("button", { name, exact: true }).isDisabled()), (d) => [name, d] as const)
  ).pipe(
    Effect.map(Object.fromEntries)
  )

const pagers = ["Previous users", "Next users", "Previous conversations", "Next conversations"]

layer(Live, { timeout: "120 seconds", excludeTestServices: true })("the inspector in a browser", (it) => {
  it.scoped(
    "shows state and requests live, steers faults, resets; other origins change nothing",
    () =>
      Effect.gen(function*() {
        const emulator = yield* Emulator
        const conversations = yield* Conversations
        const users = yield* Users
        const page = yield* Effect.flatMap(
          browser,
          (b) => promise(() => b.newPage({ viewport: { width: 1400, height: 1000 } }))
        )
        const external: Array<string> = []
        page.on("request", (r) => {
          if (!r.url().startsWith(emulator.baseUrl)) external.push(r.url())
        })
        yield* promise(() => page.goto(emulator.inspectorUrl))
        yield* promise(() => page.locator("#live").filter({ hasText: /^live$/ }).waitFor())
        yield* promise(() => page.locator("#users-count").filter({ hasText: /of \d+/ }).waitFor())

        // Before any user is selected there are no conversations to page through; one page of users, no faults.
        expect(yield* disabled(page, [...pagers, "Clear all faults"])).toEqual({
          "Previous users": true,
          "Next users": true,
          "Previous conversations": true,
          "Next conversations": true,
          "Clear all faults": true
        })
        // What a browser asks for on its own is not an API call: no row.
        const favicon = yield* raw(
          emulator.baseUrl,
          `GET /favicon.ico HTTP/1.1\r\nhost: ${new URL(emulator.baseUrl).host}\r\nconnection: close\r\n\r\n`
        )
        expect(favicon.status).toBe(404)

        // A large user pages: 50 rows of 10,000.
        yield* promise(() => page.getByLabel("Filter users by id or external id").fill("busy"))
        yield* promise(() => page.getByRole("button", { name: "Show the conversations of user busy" }).click())
        yield* promise(() => page.locator("#conversations-count").filter({ hasText: "1-50 of 10000" }).waitFor())
        expect(yield* promise(() => page.locator("#conversations tr").count())).toBe(50)
        // On the first page of many: forward only; one page further, both ways.
        expect(yield* disabled(page, ["Previous conversations", "Next conversations"])).toEqual({
          "Previous conversations": true,
          "Next conversations": false
        })
        yield* promise(() => page.getByRole("button", { name: "Next conversations" }).click())
        yield* promise(() => page.locator("#conversations-count").filter({ hasText: "51-100 of 10000" }).waitFor())
        expect(yield* disabled(page, ["Previous conversations", "Next conversations"])).toEqual({
          "Previous conversations": false,
          "Next conversations": false
        })

        // Operations through the client appear without a reload.
        const user = yield* users.create({ externalId: "inspected", profile: { givenName: "Ada" } })
        const made = yield* conversations.create({
          type: "sdkGroup",
          displayName: "Seen in the browser",
          participants: [{ userId: user.id, subscribeSDKClient: true }],
          metadata: { tier: "gold" }
        })
        yield* promise(() => page.getByLabel("Filter users by id or external id").fill("inspected"))
        yield* promise(() => page.getByRole("button", { name: "Show the conversations of user inspected" }).click())
        yield* promise(() => page.locator("#conversations").filter({ hasText: "Seen in the browser" }).waitFor())
        expect(yield* text(page, "#conversations")).toContain("gold")
        yield* conversations.update(made.id, { displayName: "Renamed while watched" })
        yield* promise(() => page.locator("#conversations").filter({ hasText: "Renamed while watched" }).waitFor())
        yield* promise(() =>
          page.locator("#log tr").filter({ hasText: "POST" }).filter({ hasText: "201" }).first().waitFor()
        )
        const log = yield* text(page, "#log")
        expect(log).toContain(`/v2/apps/${emulator.appId}/conversations`)
        expect(log).toContain(emulator.keyId)
        expect(log).not.toContain("favicon")
        expect(emulator.state.log.recent().filter((e) => e.path === "/favicon.ico")).toEqual([])

        // A fault set on the page (from the keyboard) makes the next request fail as configured.
        yield* promise(() => page.getByLabel("Fault route").selectOption("Conversations.get"))
        yield* promise(() => page.getByLabel("Drop (0-1)").fill("2"))
        yield* promise(() => page.getByRole("button", { name: "Apply faults" }).click())
        yield* promise(() => page.locator("#fault-message").filter({ hasText: "drop" }).waitFor())
        yield* promise(() => page.getByLabel("Drop (0-1)").fill(""))
        yield* promise(() => page.getByLabel("5xx (0-1)").fill("1"))
        yield* promise(() => page.getByLabel("5xx status").fill("502"))
        yield* promise(() => page.getByLabel("5xx status").press("Enter"))
        yield* promise(() => page.locator("#fault-message").filter({ hasText: "Faults applied." }).waitFor())
        const failed = yield* Effect.flip(conversations.get(made.id))
        expect(failed).toMatchObject({ _tag: "ServerError", status: 502 })
        yield* promise(() => page.getByLabel("Log status").selectOption("fault"))
        yield* promise(() => page.locator("#log tr").filter({ hasText: "serverError" }).first().waitFor())
        yield* promise(() => page.getByLabel("Log status").selectOption(""))

        if (process.env.UPDATE_SCREENSHOT) {
          yield* promise(() => page.screenshot({ path: join(import.meta.dirname, "../../../docs/inspector.png") }))
        } else {
          yield* promise(() => page.screenshot({ path: join(tmpdir(), "sunco-inspector.png") }))
        }

        expect(yield* disabled(page, ["Clear all faults"])).toEqual({ "Clear all faults": false })
        yield* promise(() => page.getByRole("button", { name: "Clear all faults" }).focus())
        yield* promise(() => page.keyboard.press("Enter"))
        yield* promise(() => page.locator("#fault-current").filter({ hasText: /^\{\}$/ }).waitFor())
        expect((yield* conversations.get(made.id)).displayName).toBe("Renamed while watched")

        // Another origin: a form post, a no-cors fetch and a JSON fetch change nothing, and it cannot read.
        const evil = yield* attacker(emulator.baseUrl)
        const other = yield* Effect.flatMap(browser, (b) => promise(() => b.newPage()))
        yield* promise(() => other.goto(evil.url))
        yield* promise(() => other.waitForFunction(() => document.title !== "waiting", undefined, { timeout: 10_000 }))
        const outcome = yield* promise(() => other.title())
        expect(outcome).toContain("json refused")
        expect(outcome).toContain("read refused")
        expect(emulator.state.faults.current).toEqual({})
        expect((yield* conversations.get(made.id)).displayName).toBe("Renamed while watched")
        // A page that rebinds its own name to 127.0.0.1 sends its own Host: refused.
        const rebound = yield* raw(
          emulator.baseUrl,
          `POST /__emulator/reset HTTP/1.1\r\nhost: attacker.example:${new URL(emulator.baseUrl).port}\r\n` +
            "content-type: application/json\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
        )
        expect(rebound.status).toBe(403)
        expect((yield* conversations.get(made.id)).id).toBe(made.id)

        // Reset from the page restores the seed.
        yield* promise(() => page.getByRole("button", { name: "Reset to the start seed" }).click())
        yield* promise(() => page.locator("#fault-message").filter({ hasText: "Reset to the start seed." }).waitFor())
        expect(yield* Effect.flip(conversations.get(made.id))).toMatchObject({ _tag: "ConversationNotFound" })
        yield* promise(() => page.getByLabel("Filter users by id or external id").fill("inspected"))
        yield* promise(() => page.locator("#users-count").filter({ hasText: "no users" }).waitFor())
        // The selection went with the reset: nothing to page through again.
        expect(yield* text(page, "#conversations-count")).toBe("select a user")
        expect(yield* disabled(page, [...pagers, "Clear all faults"])).toEqual({
          "Previous users": true,
          "Next users": true,
          "Previous conversations": true,
          "Next conversations": true,
          "Clear all faults": true
        })

        // Nothing was fetched from anywhere but the emulator.
        expect(external).toEqual([])
      }),
    120_000
  )
})
