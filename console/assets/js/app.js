// app.js is the console's shell: the API client, the language, the router
// and the navigation, the live finding stream, and the few helpers every
// page uses. Page modules import it and register their routes:
//
//   import { register, api, el, t } from "./app.js";
//   register("#/rules", {
//     title: ["规则", "Rules"],
//     action: "rules.read",               // authz action, or null
//     render: async (root, params, { signal }) => { ... },
//   });
//
// render gets the page's element, the hash's query parameters and an
// AbortSignal that fires when the user leaves the page (stop timers and
// streams with it). When the language changes the current page is rendered
// again. Data is put on the page with el() and textContent, never with
// innerHTML.

// PAGES are the page modules, loaded one by one with import(): a module
// that is missing or fails to load is reported in the browser's console and
// leaves the rest of the console working.
const PAGES = ["login", "dashboard", "monitor", "queue", "campaigns", "cases", "registry", "rules"];

// NAV_ORDER orders the navigation; routes not listed follow in the order
// they were registered.
const NAV_ORDER = ["#/dashboard", "#/monitor", "#/queue", "#/campaigns", "#/cases", "#/registry", "#/rules"];

const TOKEN_KEY = "qinglang.token";
const LANG_KEY = "qinglang.lang";

// ALL_ACTIONS stand in for GET /v1/me's list on a server that does not
// have that route: the API still refuses what the token may not do.
const ALL_ACTIONS = [
  "events.write", "findings.read", "findings.review", "campaigns.read", "rooms.read", "lint.use",
  "rules.read", "rules.reload", "registry.read", "registry.write", "spotchecks.read", "spotchecks.write",
  "cases.read", "cases.write", "measures.decide", "notices.read", "appeals.file", "appeals.review",
  "directives.send", "directives.answer", "directives.read", "actions.record", "disputes.answer",
  "evidence.export", "tokens.manage", "webhooks.manage", "audit.read", "audit.verify",
];

const ROLE_NAMES = {
  admin: ["管理员", "admin"],
  regulator: ["监管部门", "regulator"],
  platform: ["平台", "platform"],
  reviewer: ["复核员", "reviewer"],
  operator: ["直播间运营者", "operator"],
};

const routes = new Map(); // hash → {title, action, render}
let principal = null; // from GET /v1/me; null when signed out
let language = localStorage.getItem(LANG_KEY) === "en" ? "en" : "zh";
const langListeners = new Set();
let page = null; // {hash, controller}
let booted = false;

// --- language -------------------------------------------------------------

/** t returns zh or en by the current language (zh when en is empty). */
export function t(zh, en) {
  return language === "en" && en ? en : zh;
}

/** lang is the current language: "zh" or "en". */
export function lang() {
  return language;
}

/**
 * onLang calls fn(lang) after each change of language and returns a
 * function that stops it. Called while a page is shown, it stops by itself
 * when the page is left. (The current page is rendered again anyway.)
 */
export function onLang(fn) {
  langListeners.add(fn);
  const off = () => langListeners.delete(fn);
  page?.controller.signal.addEventListener("abort", off, { once: true });
  return off;
}

function setLang(code) {
  if (code === language) return;
  language = code;
  localStorage.setItem(LANG_KEY, code);
  applyLang();
  for (const fn of [...langListeners]) {
    try {
      fn(code);
    } catch (e) {
      console.error(e);
    }
  }
  if (booted) route();
}

function applyLang() {
  document.documentElement.lang = language === "en" ? "en" : "zh-CN";
  for (const b of document.querySelectorAll(".lang-switch button")) {
    b.setAttribute("aria-pressed", String(b.dataset.lang === language));
  }
  const out = document.getElementById("signout");
  if (out) out.textContent = t("退出登录", "Sign out");
  renderChrome();
}

// --- DOM --------------------------------------------------------------------

// PROPS are set as properties rather than attributes.
const PROPS = new Set(["value", "checked", "disabled", "selected", "hidden", "indeterminate", "tabIndex"]);

/**
 * el creates an element. attrs: class (string or array), text, title,
 * dataset (object), on<Event> handlers (onClick, onKeydown, ...), and any
 * other attribute (null, undefined and false leave it out, true sets it
 * empty). children: strings, numbers, nodes, arrays of them; null and
 * false are skipped. attrs may be left out.
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs == null || typeof attrs !== "object" || attrs instanceof Node || Array.isArray(attrs)) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === "class") node.className = Array.isArray(v) ? v.filter(Boolean).join(" ") : v;
    else if (k === "text") node.textContent = v;
    else if (k === "dataset") for (const [dk, dv] of Object.entries(v)) { if (dv != null) node.dataset[dk] = dv; }
    else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === "style" || k === "innerHTML") throw new Error(`el: ${k} is not supported (CSP; data as text only)`);
    else if (PROPS.has(k)) node[k] = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(node, c);
    else node.append(c instanceof Node ? c : String(c));
  }
}

/** fmtTime formats an RFC 3339 time in China Standard Time: 2026-11-27 20:01:02. */
export function fmtTime(iso) {
  if (iso == null || iso === "") return "";
  const d = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const p = {};
  for (const part of TIME_FORMAT.formatToParts(d)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

const TIME_FORMAT = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit",
  hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
});

const SEVERITIES = {
  critical: ["严重", "critical"],
  high: ["高", "high"],
  medium: ["中", "medium"],
  low: ["低", "low"],
};

/** severityBadge is a badge for a finding's severity. */
export function severityBadge(sev) {
  const name = SEVERITIES[sev] || [sev || "?", sev || "?"];
  return el("span", { class: `badge sev sev-${SEVERITIES[sev] ? sev : "unknown"}`, title: t(`严重程度：${name[0]}`, `severity: ${name[1]}`) }, t(...name));
}

// --- API ----------------------------------------------------------------------

function token() {
  return sessionStorage.getItem(TOKEN_KEY) || "";
}

function authHeaders() {
  const tok = token();
  return tok ? { Authorization: `Bearer ${tok}` } : {};
}

function urlOf(path, query) {
  const url = new URL(path, location.origin);
  const q = query instanceof URLSearchParams ? query : Object.entries(query || {});
  for (const [k, v] of q) {
    if (v == null || v === "") continue;
    if (Array.isArray(v)) for (const x of v) url.searchParams.append(k, x);
    else url.searchParams.set(k, String(v));
  }
  return url;
}

// apiError makes the Error the API's answer describes: .status, .code, and
// the message in the current language (.message_zh, .message_en both).
async function apiError(resp) {
  let body = null;
  try {
    body = await resp.json();
  } catch {
    // not JSON: a proxy's page
  }
  const e = body && body.error;
  const zh = e?.message || `请求失败（HTTP ${resp.status}）`;
  const en = e?.message_en || `request failed (HTTP ${resp.status})`;
  const err = new Error(t(zh, en));
  Object.assign(err, { status: resp.status, code: e?.code || "", message_zh: zh, message_en: en, problems: e?.problems || [] });
  return err;
}

/**
 * api calls the API with the signed-in token: api("/v1/findings", {query:
 * {severity: "high"}}), api(`/v1/findings/${id}/review`, {method: "POST",
 * body: {...}}). It answers the decoded JSON (text for other types, null
 * for 204) and throws an Error with .status, .code and the API's message
 * in the current language (.message_zh, .message_en). On 401 the user is
 * sent to the sign-in page. Options also take signal and headers.
 */
export async function api(path, { method = "GET", body, query, signal, headers } = {}) {
  const h = { Accept: "application/json", ...authHeaders(), ...headers };
  let payload;
  if (body !== undefined) {
    if (typeof body === "string" || body instanceof Blob || body instanceof FormData) payload = body;
    else {
      payload = JSON.stringify(body);
      h["Content-Type"] = "application/json";
    }
  }
  let resp;
  try {
    resp = await fetch(urlOf(path, query), { method, headers: h, body: payload, signal, cache: "no-store" });
  } catch (e) {
    if (e.name === "AbortError") throw e;
    const err = new Error(t("无法连接服务器", "cannot reach the server"));
    Object.assign(err, { status: 0, code: "network", message_zh: "无法连接服务器", message_en: "cannot reach the server" });
    throw err;
  }
  if (!resp.ok) {
    const err = await apiError(resp);
    if (resp.status === 401) unauthorized();
    throw err;
  }
  if (resp.status === 204) return null;
  const ctype = resp.headers.get("Content-Type") || "";
  return ctype.includes("json") ? resp.json() : resp.text();
}

// unauthorized forgets the principal and shows the sign-in page, to come
// back where the user was.
function unauthorized() {
  sessionStorage.removeItem(TOKEN_KEY);
  principal = null;
  renderChrome();
  if (!booted) return;
  const { path } = parseHash();
  if (path !== "#/login") {
    const next = location.hash && !location.hash.startsWith("#/login") ? location.hash : "";
    go(`#/login?expired=1${next ? `&next=${encodeURIComponent(next)}` : ""}`);
  }
}

/** me is the signed-in principal (GET /v1/me), or null when signed out. */
export function me() {
  return principal;
}

function can(action) {
  return !action || (principal?.actions || []).includes(action);
}

// loadMe reads the principal of the token (or, without a token, of the
// server's open mode). It answers whether someone is signed in.
async function loadMe() {
  try {
    const data = await fetch("/v1/me", { headers: { Accept: "application/json", ...authHeaders() }, cache: "no-store" });
    if (data.status === 404) {
      // A server without GET /v1/me: show every page, the API decides.
      principal = { name: "", role: "", actions: ALL_ACTIONS, unknown: true };
      return true;
    }
    if (!data.ok) {
      if (data.status === 401) sessionStorage.removeItem(TOKEN_KEY);
      principal = null;
      return false;
    }
    const body = await data.json();
    const p = body.principal || body;
    principal = { ...p, actions: body.actions || p.actions || [] };
    return true;
  } catch {
    principal = null;
    return false;
  } finally {
    renderChrome();
  }
}

// --- the live finding stream ------------------------------------------------------

/**
 * streamFindings reads GET /v1/findings/stream (Server-Sent Events, read
 * with fetch so that it can send the token) with the query's filters
 * (platform, room, kind, severity) and calls onFinding(finding) for each.
 * It reconnects when the stream ends or stalls, sending Last-Event-ID so
 * that the server replays what was missed, until signal aborts. The
 * optional onStatus(state, error) hears "open", "retrying" and "refused"
 * (a 4xx other than 401: the stream stops). It returns a promise that
 * settles when it stops.
 */
export async function streamFindings(query, onFinding, signal, onStatus = () => {}) {
  let lastID = "";
  let delay = 1000;
  while (!signal?.aborted) {
    const stall = new AbortController();
    const stop = () => stall.abort();
    signal?.addEventListener("abort", stop, { once: true });
    let timer = 0;
    const alive = () => {
      clearTimeout(timer);
      timer = setTimeout(stop, 45000); // the server sends a comment every 15 s
    };
    try {
      const headers = { Accept: "text/event-stream", ...authHeaders() };
      if (lastID) headers["Last-Event-ID"] = lastID;
      alive();
      const resp = await fetch(urlOf("/v1/findings/stream", query), { headers, signal: stall.signal, cache: "no-store" });
      if (resp.status === 401) {
        unauthorized();
        return;
      }
      if (!resp.ok) {
        const err = await apiError(resp);
        if (resp.status >= 400 && resp.status < 500 && resp.status !== 429) {
          onStatus("refused", err);
          return;
        }
        throw err;
      }
      onStatus("open");
      delay = 1000;
      const reader = resp.body.pipeThrough(new TextDecoderStream()).getReader();
      let buf = "";
      let event = "";
      let data = [];
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        alive();
        buf += value;
        let nl;
        while ((nl = buf.indexOf("\n")) >= 0) {
          let line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          if (line.endsWith("\r")) line = line.slice(0, -1);
          if (line === "") {
            if (data.length && (event === "finding" || event === "")) {
              try {
                onFinding(JSON.parse(data.join("\n")));
              } catch (e) {
                console.error("finding stream:", e);
              }
            }
            event = "";
            data = [];
            continue;
          }
          if (line.startsWith(":")) continue;
          const colon = line.indexOf(":");
          const field = colon < 0 ? line : line.slice(0, colon);
          let val = colon < 0 ? "" : line.slice(colon + 1);
          if (val.startsWith(" ")) val = val.slice(1);
          if (field === "id") lastID = val;
          else if (field === "event") event = val;
          else if (field === "data") data.push(val);
          else if (field === "retry" && /^\d+$/.test(val)) delay = Math.max(1000, Number(val));
        }
      }
    } catch (e) {
      if (signal?.aborted) return;
      if (e.name !== "AbortError") console.warn("finding stream:", e);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", stop);
    }
    if (signal?.aborted) return;
    onStatus("retrying");
    await new Promise((resolve) => {
      const tm = setTimeout(resolve, delay);
      signal?.addEventListener("abort", () => { clearTimeout(tm); resolve(); }, { once: true });
    });
    delay = Math.min(delay * 2, 15000);
  }
}

// --- routing ------------------------------------------------------------------

/**
 * register adds a page: hash is its route ("#/monitor", or with named
 * segments "#/cases/:id", whose values join the query's in params), title
 * its name [zh, en], action the authz action its nav entry needs (null:
 * everyone signed in), render(root, params, {signal}) draws it. Routes
 * with named segments are not in the navigation.
 */
export function register(hash, { title, action = null, render }) {
  routes.set(hash, { title: title || [hash, hash], action, render });
  if (booted) {
    renderChrome();
    if (matchRoute(parseHash().path)?.hash === hash && page?.hash !== hash) route();
  }
}

// matchRoute finds the route of a path: an exact one, else one whose named
// segments (":id") take the path's segments.
function matchRoute(path) {
  if (routes.has(path)) return { hash: path, spec: routes.get(path), params: {} };
  const segs = path.split("/");
  for (const [hash, spec] of routes) {
    const want = hash.split("/");
    if (!hash.includes("/:") || want.length !== segs.length) continue;
    const params = {};
    const ok = want.every((w, i) => {
      if (!w.startsWith(":")) return w === segs[i];
      if (!segs[i]) return false;
      try {
        params[w.slice(1)] = decodeURIComponent(segs[i]);
      } catch {
        params[w.slice(1)] = segs[i];
      }
      return true;
    });
    if (ok) return { hash, spec, params };
  }
  return null;
}

/** go shows the route hash ("#/monitor?room=r1"), again if it is the current one. */
export function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function parseHash() {
  const h = location.hash || "#/";
  const q = h.indexOf("?");
  const path = q < 0 ? h : h.slice(0, q);
  const params = Object.fromEntries(new URLSearchParams(q < 0 ? "" : h.slice(q + 1)));
  return { path: path === "#" ? "#/" : path, params };
}

function navRoutes() {
  const order = [...NAV_ORDER, ...[...routes.keys()].filter((h) => !NAV_ORDER.includes(h))];
  return order.filter((h) => h !== "#/login" && !h.includes("/:") && routes.has(h) && can(routes.get(h).action));
}

// renderChrome draws the navigation and the signed-in principal.
function renderChrome() {
  const nav = document.getElementById("nav");
  if (!nav) return;
  const path = parseHash().path;
  // "#/cases/:id" is within "#/cases"
  const current = (principal ? navRoutes() : []).find((h) => path === h || path.startsWith(`${h}/`));
  nav.replaceChildren(...(principal ? navRoutes() : []).map((h) => el("a", {
    href: h,
    class: h === current ? "active" : null,
    "aria-current": h === current ? "page" : null,
  }, t(...routes.get(h).title))));
  const who = document.getElementById("who");
  const out = document.getElementById("signout");
  if (principal && !principal.unknown) {
    const role = ROLE_NAMES[principal.role] ? t(...ROLE_NAMES[principal.role]) : principal.role;
    // without a token the server runs in open mode (--auth=false)
    const scope = token() ? principal.platform || principal.region || "" : t("开放模式", "open mode");
    who.replaceChildren(
      el("span", { class: "who-name" }, principal.name || t("本机开放模式", "open mode")),
      el("span", { class: "who-role" }, [role, scope].filter(Boolean).join(" · ")),
    );
    who.title = t(`已登录：${principal.name}（${role}）`, `signed in as ${principal.name} (${role})`);
    who.hidden = false;
  } else {
    who.hidden = true;
  }
  out.hidden = !(principal && token());
}

function defaultRoute() {
  return navRoutes()[0] || "#/login";
}

// takeFragmentToken stores a token handed over in the fragment
// (#token=…[&next=…]: the demo's link, the sign-in page) and removes it
// from the address bar and the history. It answers the route to show
// next, or "" when there was none.
function takeFragmentToken() {
  if (!location.hash.startsWith("#token=")) return "";
  const p = new URLSearchParams(location.hash.slice(1));
  const tok = (p.get("token") || "").trim();
  const next = p.get("next") || "#/";
  if (tok) sessionStorage.setItem(TOKEN_KEY, tok);
  history.replaceState(null, "", location.pathname + location.search + (next.startsWith("#/") ? next : "#/"));
  return next;
}

async function route() {
  if (location.hash.startsWith("#token=")) {
    const next = takeFragmentToken();
    if (!(await loadMe())) {
      sessionStorage.removeItem(TOKEN_KEY);
      history.replaceState(null, "", `#/login?failed=1&next=${encodeURIComponent(next)}`);
    }
  }
  let { path, params } = parseHash();
  if (!principal && path !== "#/login") {
    const next = location.hash && location.hash !== "#/" ? location.hash : "";
    history.replaceState(null, "", `#/login${next ? `?next=${encodeURIComponent(next)}` : ""}`);
    ({ path, params } = parseHash());
  } else if (path === "#/" || path === "") {
    history.replaceState(null, "", defaultRoute());
    ({ path, params } = parseHash());
  }
  const found = matchRoute(path);
  const spec = found?.spec;
  page?.controller.abort();
  const controller = new AbortController();
  page = { hash: found?.hash || path, controller };
  renderChrome();

  const main = document.getElementById("main");
  params = { ...params, ...found?.params };
  const root = el("section", { class: "page", dataset: { route: (found?.hash || path).slice(2) } });
  main.replaceChildren(root);
  document.title = `${spec ? t(...spec.title) + " · " : ""}清朗 Qinglang`;
  if (!spec) {
    root.append(message(t("页面不存在", "Page not found"),
      t(`没有 ${path} 这个页面（或它的模块未能加载）。`, `There is no page ${path} (or its module did not load).`)));
    return;
  }
  if (!can(spec.action)) {
    root.append(message(t("无权访问", "Not allowed"),
      t(`当前令牌没有 ${spec.action} 权限。`, `This token may not do ${spec.action}.`)));
    return;
  }
  try {
    await spec.render(root, params, { signal: controller.signal });
  } catch (e) {
    if (controller.signal.aborted || e.name === "AbortError") return;
    console.error(e);
    root.append(message(t("出错了", "Something went wrong"), e.message || String(e)));
  }
}

function message(title, text) {
  return el("div", { class: "empty-state" }, el("h2", null, title), el("p", null, text),
    el("p", null, el("a", { href: "#/" }, t("返回首页", "Back to the start"))));
}

// --- start ---------------------------------------------------------------------

async function boot() {
  applyLang();
  for (const b of document.querySelectorAll(".lang-switch button")) {
    b.addEventListener("click", () => setLang(b.dataset.lang));
  }
  document.getElementById("signout").addEventListener("click", () => {
    sessionStorage.removeItem(TOKEN_KEY);
    principal = null;
    go("#/login?signedout=1");
  });
  const next = takeFragmentToken();
  const signedIn = loadMe();
  await Promise.allSettled(PAGES.map((name) => import(`./${name}.js`).catch((e) => {
    console.warn(`console: page module ${name}.js not loaded:`, e);
  })));
  if (!(await signedIn) && next) {
    sessionStorage.removeItem(TOKEN_KEY);
    history.replaceState(null, "", `#/login?failed=1&next=${encodeURIComponent(next)}`);
  }
  booted = true;
  window.addEventListener("hashchange", route);
  await route();
}

boot();
