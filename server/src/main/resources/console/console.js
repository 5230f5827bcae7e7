"use strict";
// The console page. Everything the gateway returns is put on the page with textContent, never as HTML.
(function () {
  const state = { csrfHeader: "X-CSRF-Token", csrfToken: null, outputJob: null, offset: 0, pageChars: 4000, starts: [0] };

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (className) { e.className = className; }
    return e;
  }

  function setStatus(text) { document.getElementById("status").textContent = text; }

  async function api(path, options) {
    const opts = Object.assign({ credentials: "same-origin", headers: {} }, options || {});
    if (opts.method && opts.method !== "GET" && state.csrfToken) { opts.headers[state.csrfHeader] = state.csrfToken; }
    const res = await fetch(path, opts);
    const body = await res.json().catch(() => ({}));
    if (!res.ok) { throw new Error(body.error || body.reason || ("HTTP " + res.status)); }
    return body;
  }

  function ms(v) { return v === null || v === undefined ? "" : (v < 1000 ? v + " ms" : (v / 1000).toFixed(1) + " s"); }
  function when(iso) { return iso ? new Date(iso).toLocaleTimeString() : ""; }

  function row(cells) {
    const tr = el("tr");
    cells.forEach(c => { if (c instanceof Node) { const td = el("td"); td.appendChild(c); tr.appendChild(td); } else { tr.appendChild(el("td", c)); } });
    return tr;
  }

  // ---- jobs
  async function refreshJobs() {
    renderJobs(await api("/api/jobs"));
    if (state.outputJob) { await loadOutput(); }
  }

  function renderJobs(body) {
    const tbody = document.querySelector("#jobs-table tbody");
    const rows = body.jobs.map(job => {
      const open = el("button", "Output");
      open.type = "button";
      open.className = "open-output";
      open.addEventListener("click", () => openOutput(job.id));
      const actions = el("span");
      actions.appendChild(open);
      if (job.status === "running") {
        const cancel = el("button", "Cancel");
        cancel.type = "button";
        cancel.className = "cancel-job";
        cancel.addEventListener("click", () => cancelJob(job.id));
        actions.appendChild(cancel);
      }
      const prompt = el("td", job.prompt, "prompt");
      const tr = row([el("code", job.id), job.cli, job.model || "", "", el("span", job.status, "status-" + job.status),
        when(job.startedAt), ms(job.durationMs), job.exitCode === null ? "" : job.exitCode, actions]);
      tr.replaceChild(prompt, tr.children[3]);
      tr.dataset.jobId = job.id;
      tr.dataset.status = job.status;
      return tr;
    });
    tbody.replaceChildren(...rows);
  }

  // Live job updates: Server-Sent Events from /api/events; while none arrive the 1 s poll takes over.
  function listenForJobs() {
    if (typeof EventSource === "undefined") { return; }
    const source = new EventSource("/api/events");
    source.addEventListener("jobs", ev => {
      state.lastEvent = Date.now();
      document.body.dataset.live = "sse";
      renderJobs(JSON.parse(ev.data));
      if (state.outputJob) { loadOutput().catch(e => setStatus("error: " + e.message)); }
      setStatus("live " + new Date().toLocaleTimeString());
    });
    source.addEventListener("ping", () => { state.lastEvent = Date.now(); });
  }

  function sseIsLive() { return state.lastEvent && Date.now() - state.lastEvent < 12000; }

  async function cancelJob(id) {
    if (!window.confirm("Cancel job " + id + "? Its CLI process tree is terminated.")) { return; }
    try {
      await api("/api/jobs/" + encodeURIComponent(id) + "/cancel", { method: "POST" });
      setStatus("canceled " + id);
    } catch (e) {
      setStatus("cancel failed: " + e.message);
    }
    await refreshJobs();
  }

  function openOutput(id) {
    state.outputJob = id;
    state.offset = 0;
    state.starts = [0];
    document.getElementById("job-output").hidden = false;
    document.getElementById("output-job").textContent = id;
    loadOutput();
  }

  async function loadOutput() {
    const id = state.outputJob;
    const page = await api("/api/jobs/" + encodeURIComponent(id) + "/output?offset=" + state.offset + "&maxChars=" + state.pageChars);
    document.getElementById("output-status").textContent = "(" + page.status + ")";
    document.getElementById("output-stdout").textContent = page.stdout;
    document.getElementById("output-stderr").textContent = page.stderr;
    const p = page.stdoutPage;
    document.getElementById("output-position").textContent = "characters " + p.offset + "–" + (p.offset + page.stdout.length) + " of " + p.totalChars;
    document.getElementById("output-next").disabled = p.nextOffset === null;
    document.getElementById("output-prev").disabled = p.offset === 0;
    state.next = p.nextOffset;
  }

  // ---- requests
  function isoOf(local) { return local ? new Date(local).toISOString() : ""; }

  async function refreshRequests() {
    const form = document.getElementById("request-filter");
    const q = new URLSearchParams();
    ["cli", "status"].forEach(n => { if (form.elements[n].value) { q.set(n, form.elements[n].value); } });
    ["since", "until"].forEach(n => { if (form.elements[n].value) { q.set(n, isoOf(form.elements[n].value)); } });
    const body = await api("/api/requests?" + q.toString());
    const tbody = document.querySelector("#requests-table tbody");
    tbody.replaceChildren(...body.requests.map(r => {
      const tr = row([when(r.startedAt), r.cli, r.model || "", el("span", r.status, "status-" + r.status), ms(r.durationMs),
        r.exitCode === null ? "" : r.exitCode, (r.inputTokens ?? "–") + " / " + (r.outputTokens ?? "–"),
        r.costUsd === null ? "" : "$" + r.costUsd.toFixed(4), ""]);
      tr.replaceChild(el("td", r.prompt, "prompt"), tr.lastChild);
      return tr;
    }));
    const t = body.totals;
    document.getElementById("request-totals").textContent = t.requests + " requests; tokens in " + t.inputTokens
      + ", out " + t.outputTokens + "; cost $" + t.costUsd.toFixed(4) + " (" + t.requestsWithCost + " with a known cost)";
    drawLatency(body.latency);
  }

  function drawLatency(latency) {
    const svg = document.getElementById("latency-chart");
    const ns = "http://www.w3.org/2000/svg";
    svg.replaceChildren();
    const clis = Object.keys(latency);
    const max = Math.max(1, ...clis.map(c => latency[c].p99));
    const keys = ["p50", "p90", "p99"];
    const colors = { p50: "#4c7bd9", p90: "#e39b2d", p99: "#c2413a" };
    clis.forEach((cli, i) => {
      const y = 20 + i * 45;
      const label = document.createElementNS(ns, "text");
      label.setAttribute("x", 0); label.setAttribute("y", y + 16); label.textContent = cli;
      svg.appendChild(label);
      keys.forEach((k, j) => {
        const w = Math.max(1, Math.round(latency[cli][k] / max * 440));
        const bar = document.createElementNS(ns, "rect");
        bar.setAttribute("x", 70); bar.setAttribute("y", y + j * 12); bar.setAttribute("width", w); bar.setAttribute("height", 10);
        bar.setAttribute("fill", colors[k]);
        svg.appendChild(bar);
        const v = document.createElementNS(ns, "text");
        v.setAttribute("x", 75 + w); v.setAttribute("y", y + j * 12 + 9); v.textContent = k + " " + ms(latency[cli][k]);
        svg.appendChild(v);
      });
    });
    svg.setAttribute("height", Math.max(40, 30 + clis.length * 45));
  }

  // ---- sessions and health
  async function refreshSessions() {
    const body = await api("/api/sessions");
    const box = document.getElementById("sessions");
    box.replaceChildren(...body.clis.map(c => {
      const section = el("div");
      section.appendChild(el("h3", c.cli));
      if (c.sessions.length === 0) { section.appendChild(el("p", "no sessions")); }
      const list = el("ul");
      c.sessions.forEach(s => {
        const active = s.id === c.activeSessionId;
        list.appendChild(el("li", s.id + (s.description ? " — " + s.description : "") + " (last used " + (s.lastUsedAt || "never") + ")"
          + (active ? " [active]" : ""), active ? "active-session" : ""));
      });
      section.appendChild(list);
      return section;
    }));
  }

  async function refreshHealth() {
    const body = await api("/api/health");
    document.getElementById("health").textContent = JSON.stringify(body, null, 2);
    if (!state.versionsShown) {
      state.versionsShown = true; // probing runs each CLI: once per page load
      api("/api/cli-versions").then(renderVersions).catch(e => { state.versionsShown = false; setStatus("error: " + e.message); });
    }
  }

  function renderVersions(body) {
    const rows = (body.versions || []).map(c =>
      row([c.cli, c.installed ? "yes" : "no", c.version || "", c.loginStatus || ""]));
    document.querySelector("#cli-table tbody").replaceChildren(...rows);
  }

  // ---- tabs and timers
  const refreshers = { jobs: refreshJobs, requests: refreshRequests, sessions: refreshSessions, health: refreshHealth };
  let current = "jobs";

  function show(tab) {
    current = refreshers[tab] ? tab : "jobs";
    document.querySelectorAll(".tab").forEach(s => { s.hidden = s.id !== "tab-" + current; });
    document.querySelectorAll("nav a").forEach(a => a.classList.toggle("active", a.dataset.tab === current));
    tick();
  }

  async function tick() {
    try {
      await refreshers[current]();
      setStatus("updated " + new Date().toLocaleTimeString());
    } catch (e) {
      setStatus("error: " + e.message);
    }
  }

  async function start() {
    try {
      const session = await api("/api/session");
      state.csrfToken = session.csrfToken;
      state.csrfHeader = session.csrfHeader;
    } catch (e) {
      setStatus("not logged in: " + e.message);
      return;
    }
    document.getElementById("output-next").addEventListener("click", () => { if (state.next !== null) { state.offset = state.next; loadOutput(); } });
    document.getElementById("output-prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - state.pageChars); loadOutput(); });
    document.getElementById("request-filter").addEventListener("submit", ev => { ev.preventDefault(); refreshRequests(); });
    window.addEventListener("hashchange", () => show(location.hash.slice(1)));
    show(location.hash.slice(1));
    // jobs come live over SSE (polled every second while the stream is down); other tabs refresh every 5 s
    let n = 0;
    listenForJobs();
    setInterval(() => { n++; if ((current === "jobs" && !sseIsLive()) || n % 5 === 0) { tick(); } }, 1000);
  }

  document.addEventListener("DOMContentLoaded", start);
}());
