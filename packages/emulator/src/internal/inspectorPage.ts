/**
 * The inspector page: one self-contained HTML document (inline style and
 * script, no fonts, no CDN) that talks only to the emulator that served it.
 * Every value from the state is inserted as text, never as markup.
 */
export const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>sunco-emulator inspector</title>
<link rel="icon" href="data:,">
<style>
  :root { color-scheme: light dark; --line: #8884; --muted: #888; --accent: #2f6fdd; --bad: #c0392b; --ok: #2e8b57; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
  header { display: flex; gap: 1rem; align-items: baseline; padding: .6rem 1rem; border-bottom: 1px solid var(--line); }
  header h1 { font-size: 1.1rem; margin: 0; }
  main { display: grid; grid-template-columns: minmax(320px, 1fr) minmax(420px, 1.4fr); gap: 1rem; padding: 1rem; }
  section { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; min-width: 0; }
  section h2 { font-size: 1rem; margin: .2rem 0 .6rem; }
  .wide { grid-column: 1 / -1; }
  label { display: inline-flex; flex-direction: column; font-size: .8rem; color: var(--muted); margin: 0 .5rem .4rem 0; }
  input, select, button { font: inherit; padding: .2rem .4rem; }
  input[type=number] { width: 6.5rem; }
  button:disabled { cursor: default; opacity: .45; }
  button { cursor: pointer; border: 1px solid var(--line); border-radius: 4px; background: transparent; }
  button.primary { background: var(--accent); color: white; border-color: var(--accent); }
  button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
  table { width: 100%; border-collapse: collapse; font-size: .85rem; }
  th, td { text-align: left; padding: .2rem .4rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
  th { font-weight: 600; color: var(--muted); }
  tr.selected { background: #2f6fdd22; }
  .s2 { color: var(--ok); } .s4, .s5 { color: var(--bad); }
  .fault { font-weight: 600; color: var(--bad); }
  .muted { color: var(--muted); }
  .pager { display: flex; gap: .5rem; align-items: center; margin: .4rem 0; }
  #fault-message:empty, #delivery-message:empty { display: none; }
  #fault-message { padding: .3rem .5rem; border-radius: 4px; background: #c0392b22; }
  #fault-message.ok { background: #2e8b5722; }
  #delivery-message { padding: .3rem .5rem; border-radius: 4px; background: #c0392b22; }
  #delivery-message.ok { background: #2e8b5722; }
  pre { margin: .3rem 0; font-size: .8rem; white-space: pre-wrap; overflow-wrap: anywhere; }
  .log-wrap { max-height: 28rem; overflow: auto; }
</style>
</head>
<body>
<header>
  <h1>sunco-emulator inspector</h1>
  <span id="base-url" class="muted"></span>
  <span id="live" class="muted" role="status">connecting…</span>
</header>
<main>
  <section aria-labelledby="faults-title">
    <h2 id="faults-title">Faults</h2>
    <form id="fault-form" novalidate>
      <label for="fault-route">Fault route<select id="fault-route"><option value="default">every route (default)</option></select></label>
      <label for="fault-drop">Drop (0-1)<input id="fault-drop" name="drop" type="number" min="0" max="1" step="0.01"></label>
      <label for="fault-rateLimit">429 (0-1)<input id="fault-rateLimit" name="rateLimit" type="number" min="0" max="1" step="0.01"></label>
      <label for="fault-retryAfterSeconds">Retry-After s<input id="fault-retryAfterSeconds" name="retryAfterSeconds" type="number" min="0" max="3600" step="1"></label>
      <label for="fault-serverError">5xx (0-1)<input id="fault-serverError" name="serverError" type="number" min="0" max="1" step="0.01"></label>
      <label for="fault-serverErrorStatus">5xx status<input id="fault-serverErrorStatus" name="serverErrorStatus" type="number" min="500" max="599" step="1"></label>
      <label for="fault-slow">Slow (0-1)<input id="fault-slow" name="slow" type="number" min="0" max="1" step="0.01"></label>
      <label for="fault-latencyMs">Latency ms<input id="fault-latencyMs" name="latencyMs" type="number" min="0" max="60000" step="1"></label>
      <label for="fault-malformed">Malformed (0-1)<input id="fault-malformed" name="malformed" type="number" min="0" max="1" step="0.01"></label>
      <div>
        <button id="fault-apply" class="primary" type="submit">Apply faults</button>
        <button id="fault-clear" type="button" disabled>Clear all faults</button>
      </div>
    </form>
    <p id="fault-message" role="status" aria-live="polite"></p>
    <pre id="fault-current" aria-label="Current fault configuration"></pre>
    <h2>State</h2>
    <div>
      <button id="reset" type="button">Reset to the start seed</button>
      <a id="download" href="/__emulator/state" download="emulator-state.json">Download state as JSON</a>
    </div>
  </section>
  <section aria-labelledby="state-title">
    <h2 id="state-title">Apps, users and conversations</h2>
    <label for="app">App<select id="app"></select></label>
    <label for="user-filter">Filter users by id or external id<input id="user-filter" type="search" autocomplete="off"></label>
    <div class="pager"><button id="users-prev" type="button" disabled>Previous users</button><span id="users-count" class="muted"></span><button id="users-next" type="button" disabled>Next users</button></div>
    <table aria-label="Users"><thead><tr><th>User id</th><th>External id</th><th>Name</th><th>Conversations</th></tr></thead><tbody id="users"></tbody></table>
    <h2 id="conversations-title">Conversations</h2>
    <div class="pager"><button id="conversations-prev" type="button" disabled>Previous conversations</button><span id="conversations-count" class="muted">select a user</span><button id="conversations-next" type="button" disabled>Next conversations</button></div>
    <table aria-labelledby="conversations-title"><thead><tr><th>Id</th><th>Type</th><th>Default</th><th>Display name</th><th>Participants</th><th>Metadata</th><th>Created</th><th>Updated</th></tr></thead><tbody id="conversations"></tbody></table>
  </section>
  <section class="wide" aria-labelledby="log-title">
    <h2 id="log-title">Requests, newest first</h2>
    <label for="log-status">Log status<select id="log-status"><option value="">all</option><option value="2">2xx</option><option value="4">4xx</option><option value="5">5xx</option><option value="fault">injected faults</option></select></label>
    <label for="log-route">Log route<select id="log-route"><option value="">all</option></select></label>
    <span id="log-count" class="muted"></span>
    <div class="log-wrap"><table aria-label="Requests"><thead><tr><th>Time</th><th>Method</th><th>Path</th><th>Status</th><th>ms</th><th>Key id</th><th>Error code</th><th>Fault</th></tr></thead><tbody id="log"></tbody></table></div>
  </section>
  <section class="wide" aria-labelledby="deliveries-title">
    <h2 id="deliveries-title">Webhook deliveries, newest first</h2>
    <label for="delivery-webhook">Delivery webhook<select id="delivery-webhook" disabled><option value="">all</option></select></label>
    <label for="delivery-outcome">Delivery outcome<select id="delivery-outcome"><option value="">all</option><option value="Delivered">delivered</option><option value="retry">will be retried</option><option value="lost">given up</option></select></label>
    <span id="deliveries-count" class="muted"></span>
    <span id="deliveries-pending" class="muted"></span>
    <p id="delivery-message" role="status" aria-live="polite"></p>
    <div class="log-wrap"><table aria-label="Delivery attempts"><thead><tr><th>Attempt</th><th>Sent</th><th>Webhook</th><th>Batch</th><th>Try</th><th>Outcome</th><th>ms</th><th>Origin</th><th>Event ids</th><th>Action</th></tr></thead><tbody id="deliveries"></tbody></table></div>
  </section>
</main>
<script>
(() => {
  "use strict";
  const PAGE = 50, KEEP = 500;
  const $ = (id) => document.getElementById(id);
  const get = (path) => fetch(path, { cache: "no-store" }).then((r) => r.json());
  const cell = (text, className) => {
    const td = document.createElement("td");
    td.textContent = text === undefined || text === null ? "" : String(text);
    if (className) td.className = className;
    return td;
  };
  const state = { app: "", query: "", userOffset: 0, user: "", conversationOffset: 0, log: [], version: -1 };
  // Delivery attempts by id (a reconnect sends them all again), and the ones being redelivered.
  const attempts = new Map(), redelivering = new Set();

  async function loadSummary() {
    const summary = await get("/__emulator/api/summary");
    $("base-url").textContent = summary.baseUrl;
    const apps = $("app");
    const chosen = state.app || (summary.apps[0] && summary.apps[0].id) || "";
    apps.replaceChildren(...summary.apps.map((a) => {
      const o = document.createElement("option");
      o.value = a.id;
      o.textContent = a.id + " (" + a.users + " users, " + a.conversations + " conversations)";
      return o;
    }));
    apps.value = chosen;
    state.app = chosen;
    for (const id of ["fault-route", "log-route"]) {
      const select = $(id);
      if (select.options.length > 1) continue;
      for (const route of summary.routes) {
        const o = document.createElement("option");
        o.value = route;
        o.textContent = route;
        select.append(o);
      }
    }
    showFaults(summary.faults);
  }

  function showFaults(faults) {
    $("fault-current").textContent = JSON.stringify(faults, null, 2);
    state.faults = faults;
    $("fault-clear").disabled = Object.keys(faults).length === 0;
  }

  async function loadUsers() {
    if (!state.app) return;
    const q = new URLSearchParams({ app: state.app, q: state.query, offset: state.userOffset, limit: PAGE });
    const page = await get("/__emulator/api/users?" + q);
    $("users-count").textContent = page.total === 0 ? "no users" :
      (state.userOffset + 1) + "-" + (state.userOffset + page.users.length) + " of " + page.total;
    $("users-prev").disabled = state.userOffset === 0;
    $("users-next").disabled = state.userOffset + page.users.length >= page.total;
    $("users").replaceChildren(...page.users.map((u) => {
      const tr = document.createElement("tr");
      if (u.id === state.user) tr.className = "selected";
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = u.id;
      button.setAttribute("aria-label", "Show the conversations of user " + (u.externalId || u.id));
      button.addEventListener("click", () => { state.user = u.id; state.conversationOffset = 0; loadUsers(); loadConversations(); });
      const first = document.createElement("td");
      first.append(button);
      const name = [u.profile && u.profile.givenName, u.profile && u.profile.surname].filter(Boolean).join(" ");
      tr.append(first, cell(u.externalId), cell(name), cell(u.conversations));
      return tr;
    }));
  }

  // No user selected: nothing to page through.
  function clearConversations() {
    state.user = "";
    state.conversationOffset = 0;
    $("conversations").replaceChildren();
    $("conversations-count").textContent = "select a user";
    $("conversations-prev").disabled = true;
    $("conversations-next").disabled = true;
  }

  async function loadConversations() {
    if (!state.user) return;
    const q = new URLSearchParams({ app: state.app, user: state.user, offset: state.conversationOffset, limit: PAGE });
    const page = await get("/__emulator/api/conversations?" + q);
    $("conversations-count").textContent = page.total === 0 ? "no conversations" :
      (state.conversationOffset + 1) + "-" + (state.conversationOffset + page.conversations.length) + " of " + page.total + " (newest first)";
    $("conversations-prev").disabled = state.conversationOffset === 0;
    $("conversations-next").disabled = state.conversationOffset + page.conversations.length >= page.total;
    $("conversations").replaceChildren(...page.conversations.map((c) => {
      const tr = document.createElement("tr");
      tr.append(cell(c.id), cell(c.type), cell(c.isDefault ? "yes" : "no"), cell(c.displayName), cell(c.participants.join(", ")),
        cell(c.metadata ? JSON.stringify(c.metadata) : ""), cell(c.createdAt), cell(c.lastUpdatedAt));
      return tr;
    }));
  }

  function renderLog() {
    const status = $("log-status").value, route = $("log-route").value;
    const shown = [];
    for (let i = state.log.length - 1; i >= 0 && shown.length < KEEP; i--) {
      const e = state.log[i];
      if (status === "fault" ? !e.fault : status && String(e.status)[0] !== status) continue;
      if (route && e.route !== route) continue;
      shown.push(e);
    }
    $("log-count").textContent = shown.length + " shown, " + state.log.length + " kept";
    $("log").replaceChildren(...shown.map((e) => {
      const tr = document.createElement("tr");
      tr.append(cell(new Date(e.time).toISOString().slice(11, 23)), cell(e.method), cell(e.path), cell(e.status, "s" + String(e.status)[0]),
        cell(e.durationMs), cell(e.keyId), cell(e.errorCode), cell(e.fault, e.fault ? "fault" : ""));
      return tr;
    }));
  }

  function outcomeText(a) {
    const o = a.outcome;
    const text = o._tag === "Delivered" ? "delivered " + o.status
      : o._tag === "Rejected" ? "rejected " + o.status + ", not retried"
      : o._tag === "Failed" ? "failed " + o.status
      : o._tag === "TimedOut" ? "timed out (20 s)"
      : o._tag === "Unreachable" ? "unreachable: " + o.reason
      : "dropped (fault)";
    return text + (a.fault === "delay" ? ", delayed (fault)" : "") + (a.willRetry ? "; will retry" : "");
  }

  function renderDeliveries() {
    const webhook = $("delivery-webhook").value, outcome = $("delivery-outcome").value;
    const shown = [...attempts.values()].filter((a) =>
      (!webhook || a.webhookId === webhook) &&
      (!outcome || (outcome === "retry" ? a.willRetry : outcome === "lost" ? !a.willRetry && a.outcome._tag !== "Delivered" : a.outcome._tag === outcome))
    ).sort((a, b) => b.id - a.id);
    $("deliveries-count").textContent = shown.length + " shown, " + attempts.size + " kept";
    $("deliveries").replaceChildren(...shown.map((a) => {
      const tr = document.createElement("tr");
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = "Redeliver";
      button.setAttribute("aria-label", "Redeliver attempt " + a.id);
      button.disabled = redelivering.has(a.id);
      button.addEventListener("click", () => redeliver(a.id));
      const action = document.createElement("td");
      action.append(button);
      const status = a.outcome.status ? "s" + String(a.outcome.status)[0] : a.outcome._tag === "Delivered" ? "s2" : "s5";
      tr.append(cell(a.id), cell(new Date(a.startedAt).toISOString().slice(11, 23)), cell(a.webhookId), cell(a.batchId),
        cell(a.attempt + " of 5"), cell(outcomeText(a), status), cell(a.durationMs), cell(a.origin), cell(a.eventIds.join(", ")), action);
      return tr;
    }));
  }

  function addAttempts(view) {
    $("deliveries-pending").textContent = view.running ? "(" + view.pending + " pending)" : "(webhook delivery is not running)";
    for (const a of view.attempts) attempts.set(a.id, a);
    if (attempts.size > KEEP) {
      const ids = [...attempts.keys()].sort((a, b) => a - b);
      for (const id of ids.slice(0, ids.length - KEEP)) attempts.delete(id);
    }
    const select = $("delivery-webhook");
    const known = new Set([...select.options].map((o) => o.value));
    for (const a of view.attempts) {
      if (known.has(a.webhookId)) continue;
      known.add(a.webhookId);
      const o = document.createElement("option");
      o.value = a.webhookId;
      o.textContent = a.webhookId;
      select.append(o);
    }
    // Nothing to choose between until some webhook has an attempt.
    select.disabled = select.options.length <= 1;
    if (view.attempts.length > 0) renderDeliveries();
  }

  async function redeliver(id) {
    redelivering.add(id);
    renderDeliveries();
    const message = $("delivery-message");
    try {
      const answer = await fetch("/__emulator/deliveries/redeliver", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ attemptId: id }) });
      const body = await answer.json();
      message.className = answer.ok ? "ok" : "";
      message.textContent = answer.ok ? "Redelivering the events of attempt " + id + " as batch " + body.batchId + "."
        : (body.errors && body.errors[0] && body.errors[0].title) || ("HTTP " + answer.status);
    } catch (e) {
      message.className = "";
      message.textContent = "Redelivery failed: " + e;
    } finally {
      redelivering.delete(id);
      renderDeliveries();
    }
  }

  let refreshTimer;
  function refreshSoon() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => { loadSummary(); loadUsers(); loadConversations(); }, 150);
  }

  function addEntries(entries) {
    if (entries.length === 0) return;
    state.log.push(...entries);
    if (state.log.length > KEEP) state.log.splice(0, state.log.length - KEEP);
    renderLog();
  }

  function connect() {
    const events = new EventSource("/__emulator/events");
    events.addEventListener("hello", (e) => { $("live").textContent = "live"; if (Number(e.data) !== state.version) refreshSoon(); state.version = Number(e.data); });
    events.addEventListener("batch", (e) => {
      const { entries, version } = JSON.parse(e.data);
      addEntries(entries);
      if (version !== state.version) { state.version = version; refreshSoon(); }
    });
    events.addEventListener("deliveries", (e) => addAttempts(JSON.parse(e.data)));
    events.onerror = () => { $("live").textContent = "reconnecting…"; };
  }

  function ruleFromForm() {
    const rule = {};
    for (const name of ["drop", "rateLimit", "retryAfterSeconds", "serverError", "serverErrorStatus", "slow", "latencyMs", "malformed"]) {
      const value = $("fault-" + name).value;
      if (value !== "") rule[name] = Number(value);
    }
    return rule;
  }

  async function putFaults(config) {
    const answer = await fetch("/__emulator/faults", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(config) });
    const body = await answer.json();
    const message = $("fault-message");
    if (answer.ok) {
      message.className = "ok";
      message.textContent = "Faults applied.";
      showFaults(body);
    } else {
      message.className = "";
      message.textContent = (body.errors && body.errors[0] && body.errors[0].title) || ("HTTP " + answer.status);
    }
  }

  $("fault-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const route = $("fault-route").value;
    const current = state.faults || {};
    const rule = ruleFromForm();
    const config = route === "default"
      ? { ...current, default: rule }
      : { ...current, routes: { ...(current.routes || {}), [route]: rule } };
    putFaults(config);
  });
  $("fault-clear").addEventListener("click", () => putFaults({}));
  $("fault-route").addEventListener("change", () => {
    const route = $("fault-route").value, current = state.faults || {};
    const rule = (route === "default" ? current.default : current.routes && current.routes[route]) || {};
    for (const input of $("fault-form").querySelectorAll("input")) {
      const value = rule[input.name];
      input.value = typeof value === "number" ? String(value) : "";
    }
  });
  $("reset").addEventListener("click", async () => {
    const answer = await fetch("/__emulator/reset", { method: "POST", headers: { "content-type": "application/json" } });
    $("fault-message").className = answer.ok ? "ok" : "";
    $("fault-message").textContent = answer.ok ? "Reset to the start seed." : "Reset failed: HTTP " + answer.status;
    clearConversations();
    refreshSoon();
  });
  $("app").addEventListener("change", () => { state.app = $("app").value; state.userOffset = 0; clearConversations(); loadUsers(); });
  let filterTimer;
  $("user-filter").addEventListener("input", () => {
    clearTimeout(filterTimer);
    filterTimer = setTimeout(() => { state.query = $("user-filter").value; state.userOffset = 0; loadUsers(); }, 150);
  });
  $("users-prev").addEventListener("click", () => { state.userOffset = Math.max(0, state.userOffset - PAGE); loadUsers(); });
  $("users-next").addEventListener("click", () => { state.userOffset += PAGE; loadUsers(); });
  $("conversations-prev").addEventListener("click", () => { state.conversationOffset = Math.max(0, state.conversationOffset - PAGE); loadConversations(); });
  $("conversations-next").addEventListener("click", () => { state.conversationOffset += PAGE; loadConversations(); });
  $("log-status").addEventListener("change", renderLog);
  $("log-route").addEventListener("change", renderLog);
  $("delivery-webhook").addEventListener("change", renderDeliveries);
  $("delivery-outcome").addEventListener("change", renderDeliveries);

  loadSummary().then(loadUsers);
  get("/__emulator/api/log").then(addEntries);
  connect();
})();
</script>
</body>
</html>
`
