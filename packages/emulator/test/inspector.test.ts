/**
 * The inspector in a real browser: headless Chromium (from the
 * `@sparticuz/chromium` npm package, so only Node and npm are needed) driven
 * by Playwright against a running emulator. Operations go through the client
 * library; the page must show them, steer faults and reset; another origin
 * and a rebinding Host must change nothing; requests that are not API calls
 * (the browser's /favicon.ico) get no row; controls with nothing to act on
 * are disabled. Webhook delivery attempts are listed (over HTTP, in the live
 * feed and on the page) and one can be redelivered, under the same rules.
 *
 * `UPDATE_SCREENSHOT=1` writes the docs' screenshots (docs/inspector.png,
 * docs/inspector-deliveries.png).
 */
import { NodeHttpClient } from "@effect/platform-node"
import { expect, layer } from "@effect/vitest"
import chromium from "@sparticuz/chromium"
import { Conversations, Integrations, Users } from "@sunco-effect/conversations"
import type { WebhookDelivery } from "@sunco-effect/emulator"
import { DefaultSeed, Emulator, EmulatorClient } from "@sunco-effect/emulator"
import { Effect, Layer, Schedule } from "effect"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { chromium as playwright, type Page } from "playwright-core"
import { call } from "./support/Http.js"
import { raw } from "./support/Raw.js"
import { eventIds, receiver, waitFor } from "./support/WebhookReceiver.js"

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

// Delivery at 20x: a failing webhook's second attempt comes 3 s after its first, and the 20 s
// timeout is 1 s (a first request, which starts the HTTP client, can take a few hundred ms).
const Delivering = EmulatorClient.layer({ retry: false }).pipe(
  Layer.provideMerge(Emulator.layer({ webhooks: { clockSpeed: 20, batchWindowMs: 0 } })),
  Layer.provide(NodeHttpClient.layerUndici)
)

/** The JSON view: the delivery record as the API keeps it (`WebhookDelivery.DeliveryAttempt`). */
interface View {
  readonly running: boolean
  readonly pending: number
  readonly attempts: ReadonlyArray<WebhookDelivery.DeliveryAttempt>
}

const view = (query = "") => Effect.map(call("GET", `/__emulator/api/deliveries${query}`), (a) => a.json as View)

/** Poll the deliveries view until `check` holds (or 10 s pass); the caller asserts. */
const viewWhen = (check: (v: View) => boolean, query = "") =>
  view(query).pipe(
    Effect.filterOrFail(check, () => "waiting"),
    Effect.retry({ schedule: Schedule.spaced("20 millis"), times: 500 }),
    Effect.orElse(() => view(query))
  )

/** Two custom integrations on one receiver: `/ok` answers 200, `/fail` 500; both get `conversation:create`. */
const webhooks = Effect.gen(function*() {
  const hooks = yield* receiver((path) => ({ status: path === "/fail" ? 500 : 200 }))
  const integrations = yield* Integrations
  const webhookOf = (path: string) =>
    Effect.map(
      integrations.create({
        type: "custom",
        displayName: `inspected ${path}`,
        webhooks: [{ target: `${hooks.base}${path}`, triggers: ["conversation:create"] }]
      }),
      (i) => (i.type === "custom" ? i.webhooks?.[0]?.id : undefined) ?? ""
    )
  return { hooks, ok: yield* webhookOf("/ok"), fail: yield* webhookOf("/fail") }
})

const createConversation = Effect.flatMap(
  Conversations,
  (c) => c.create({ type: "sdkGroup", displayName: "delivered" })
)

layer(Delivering, { timeout: "60 seconds", excludeTestServices: true })(
  "the inspector's deliveries over HTTP",
  (it) => {
    it.scoped("lists each webhook's attempts with outcome, timing and event ids; redelivers one", () =>
      Effect.gen(function*() {
        const { fail, hooks, ok } = yield* webhooks
        yield* createConversation
        const first = yield* viewWhen((v) =>
          v.attempts.some((a) => a.webhookId === ok) && v.attempts.some((a) => a.webhookId === fail)
        )
        expect(first.running).toBe(true)
        const delivered = first.attempts.find((a) => a.webhookId === ok)!
        const failed = first.attempts.find((a) => a.webhookId === fail)!
        const sentIds = hooks.received.filter((r) => r.path === "/ok").flatMap(eventIds)
        expect(sentIds).toHaveLength(1)
        expect(delivered).toMatchObject({
          batchId: expect.any(Number),
          attempt: 1,
          outcome: { _tag: "Delivered", status: 200 },
          willRetry: false,
          eventIds: sentIds,
          origin: "event"
        })
        expect(delivered.durationMs).toBeGreaterThanOrEqual(0)
        expect(Math.abs(delivered.startedAt - Date.now())).toBeLessThan(60_000)
        // A 500 (or, on a loaded machine, the 1 s scaled timeout) is retried.
        expect(["Failed", "TimedOut"]).toContain(failed.outcome._tag)
        expect(failed).toMatchObject({ attempt: 1, willRetry: true, eventIds: sentIds })
        expect(first.pending).toBeGreaterThan(0)

        // One webhook's attempts; only those after an id.
        const failing = yield* viewWhen((v) => v.attempts.length >= 2, `?webhook=${fail}`)
        expect(new Set(failing.attempts.map((a) => a.webhookId))).toEqual(new Set([fail]))
        expect(failing.attempts.map((a) => a.attempt).slice(0, 2)).toEqual([1, 2])
        const later = yield* view(`?after=${delivered.id}`)
        expect(later.attempts.every((a) => a.id > delivered.id)).toBe(true)
        expect(later.attempts.map((a) => a.id)).not.toContain(delivered.id)

        // Redelivery: the same events again, as a new batch of their own.
        const answer = yield* call("POST", "/__emulator/deliveries/redeliver", { body: { attemptId: delivered.id } })
        expect(answer.status).toBe(202)
        const { batchId } = answer.json as { attemptId: number; batchId: number }
        expect(answer.json).toEqual({ attemptId: delivered.id, batchId: expect.any(Number) })
        yield* waitFor(() => hooks.received.filter((r) => r.path === "/ok").length >= 2)
        expect(hooks.received.filter((r) => r.path === "/ok").map(eventIds)).toEqual([sentIds, sentIds])
        const after = yield* viewWhen((v) => v.attempts.some((a) => a.batchId === batchId), `?webhook=${ok}`)
        expect(after.attempts.find((a) => a.batchId === batchId)).toMatchObject({
          origin: "redelivery",
          attempt: 1,
          outcome: { _tag: "Delivered", status: 200 },
          eventIds: sentIds
        })
      }))

    it.scoped("refuses unknown attempts, bodies that are not JSON and other origins, in the API's error shape", () =>
      Effect.gen(function*() {
        const { hooks, ok } = yield* webhooks
        yield* createConversation
        const { attempts } = yield* viewWhen((v) => v.attempts.some((a) => a.webhookId === ok), `?webhook=${ok}`)
        const known = attempts[0]!.id
        // The failing webhook's retries go on meanwhile: only the working one's payloads are counted.
        const okPayloads = () => hooks.received.filter((r) => r.path === "/ok").length
        yield* waitFor(() => okPayloads() > 0)
        const before = okPayloads()
        const redeliver = (options: Parameters<typeof call>[2]) =>
          call("POST", "/__emulator/deliveries/redeliver", { authorization: null, ...options })

        const unknown = yield* redeliver({ body: { attemptId: 999_999 } })
        expect(unknown.status).toBe(404)
        expect(unknown.json).toEqual({
          errors: [{ code: "not_found", title: "No delivery attempt 999999 in the record" }]
        })
        for (const body of [{}, { attemptId: "1" }, { attemptId: 0 }, { attemptId: 1.5 }]) {
          const bad = yield* redeliver({ body })
          expect(bad.status, JSON.stringify(body)).toBe(400)
          expect(bad.json).toMatchObject({ errors: [{ code: "bad_request" }] })
        }
        // What a page elsewhere could send: a form post (not JSON), or JSON with its own Origin.
        const form = yield* redeliver({
          raw: JSON.stringify({ attemptId: known }),
          headers: { "content-type": "text/plain" }
        })
        expect(form.status).toBe(400)
        expect(form.json).toEqual({ errors: [{ code: "bad_request", title: "Content-Type must be application/json" }] })
        const foreign = yield* redeliver({ body: { attemptId: known }, headers: { origin: "http://localhost:1" } })
        expect(foreign.status).toBe(403)
        expect(foreign.json).toMatchObject({ errors: [{ code: "forbidden" }] })
        const own = yield* Effect.flatMap(
          Emulator,
          (e) => redeliver({ body: { attemptId: known }, headers: { origin: e.baseUrl } })
        )
        expect(own.status).toBe(202)
        yield* waitFor(() => okPayloads() > before)
        yield* Effect.sleep("200 millis")
        // Only the accepted redelivery reached the receiver.
        expect(okPayloads()).toBe(before + 1)
      }))

    it.scoped("the live feed sends the attempts as they end", () =>
      Effect.gen(function*() {
        const emulator = yield* Emulator
        const { ok } = yield* webhooks
        const feed = yield* Effect.acquireRelease(
          Effect.sync(() => new AbortController()),
          (c) => Effect.sync(() => c.abort())
        )
        const seen: Array<View> = []
        const reading = Effect.promise(async () => {
          const response = await fetch(`${emulator.baseUrl}/__emulator/events`, { signal: feed.signal })
          const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
          let buffer = ""
          try {
            while (true) {
              const { done, value } = await reader.read()
              if (done) return
              buffer += value
              let end: number
              while ((end = buffer.indexOf("\n\n")) >= 0) {
                const block = buffer.slice(0, end)
                buffer = buffer.slice(end + 2)
                const data = /^data: (.*)$/m.exec(block)?.[1]
                if (block.startsWith("event: deliveries") && data) seen.push(JSON.parse(data))
              }
            }
          } catch {
            // Aborted at the end of the test.
          }
        })
        yield* Effect.forkScoped(reading)
        yield* createConversation
        yield* waitFor(() => seen.some((v) => v.attempts.some((a) => a.webhookId === ok)))
        const pushed = seen.flatMap((v) => v.attempts).find((a) => a.webhookId === ok)
        expect(pushed).toMatchObject({ outcome: { _tag: "Delivered", status: 200 }, origin: "event" })
        // After the first event only new attempts come: no id twice.
        const ids = seen.flatMap((v) => v.attempts.map((a) => a.id))
        expect(new Set(ids).size).toBe(ids.length)
      }))
  }
)

layer(Delivering, { timeout: "120 seconds", excludeTestServices: true })(
  "the inspector's deliveries in a browser",
  (it) => {
    it.scoped("shows each webhook's attempts live and redelivers one from the keyboard", () =>
      Effect.gen(function*() {
        const emulator = yield* Emulator
        const page = yield* Effect.flatMap(
          browser,
          (b) => promise(() => b.newPage({ viewport: { width: 1400, height: 1000 } }))
        )
        yield* promise(() => page.goto(emulator.inspectorUrl))
        yield* promise(() => page.locator("#live").filter({ hasText: /^live$/ }).waitFor())
        yield* promise(() => page.locator("#deliveries-pending").filter({ hasText: "0 pending" }).waitFor())
        // No attempt yet: no webhook to choose.
        expect(yield* promise(() => page.getByLabel("Delivery webhook").isDisabled())).toBe(true)

        const { fail, hooks, ok } = yield* webhooks
        yield* createConversation
        yield* waitFor(() => hooks.received.some((r) => r.path === "/ok"))
        const sent = eventIds(hooks.received.find((r) => r.path === "/ok")!)
        const okRow = page.locator("#deliveries tr").filter({ hasText: ok })
        yield* promise(() => okRow.filter({ hasText: "delivered 200" }).first().waitFor())
        expect(yield* promise(() => okRow.first().innerText())).toContain(sent[0]!)
        yield* promise(() =>
          page.locator("#deliveries tr").filter({ hasText: fail }).filter({ hasText: "will retry" }).first().waitFor()
        )
        expect(yield* promise(() => page.getByLabel("Delivery webhook").isDisabled())).toBe(false)

        // One webhook's attempts only.
        yield* promise(() => page.getByLabel("Delivery webhook").selectOption(ok))
        expect(yield* promise(() => page.locator("#deliveries tr").filter({ hasText: fail }).count())).toBe(0)
        const { id } = (yield* emulator.delivery.attempts(ok))[0]!
        // The failing webhook's retries go on meanwhile: only the working one's payloads are counted.
        const okPayloads = () => hooks.received.filter((r) => r.path === "/ok")
        const before = okPayloads().length
        yield* promise(() => page.getByRole("button", { name: `Redeliver attempt ${id}`, exact: true }).focus())
        yield* promise(() => page.keyboard.press("Enter"))
        yield* promise(() =>
          page.locator("#delivery-message").filter({ hasText: `Redelivering the events of attempt ${id}` }).waitFor()
        )
        yield* promise(() => okRow.filter({ hasText: "redelivery" }).first().waitFor())
        yield* waitFor(() => okPayloads().length > before)
        expect(okPayloads().slice(before).map(eventIds)).toEqual([sent])
        expect(
          yield* promise(() => page.getByRole("button", { name: `Redeliver attempt ${id}`, exact: true }).isDisabled())
        ).toBe(false)
        // Every webhook's attempts again, the failing one's retries among them.
        yield* promise(() => page.getByLabel("Delivery webhook").selectOption(""))
        yield* promise(() =>
          page.locator("#deliveries tr").filter({ hasText: fail }).filter({ hasText: "2 of 5" }).first().waitFor()
        )
        const section = page.locator("section").filter({ has: page.locator("#deliveries") })
        yield* promise(() =>
          section.screenshot({
            path: process.env.UPDATE_SCREENSHOT
              ? join(import.meta.dirname, "../../../docs/inspector-deliveries.png")
              : join(tmpdir(), "sunco-inspector-deliveries.png")
          })
        )
      }), 120_000)
  }
)
