// The dashboard (#/dashboard): findings over time by kind, by severity,
// platform and category, the top rules and rooms, campaigns, cases by state
// and the processing lag, over the last 24 hours or 7 days.
import { api, t, el, register, me, go, fmtTime } from "./app.js";
import { h, s, put, errText, num } from "./dom.js";

// ---- names ----

const KINDS = { claim: ["虚假宣传", "False claims"], listing: ["假冒伪劣", "Listings"], campaign: ["水军团伙", "Campaigns"], qualification: ["资质", "Qualification"], all: ["全部", "All"] };
const SEVS = { critical: ["严重", "critical"], high: ["高", "high"], medium: ["中", "medium"], low: ["低", "low"] };
const CATS = { food: ["食品", "food"], health_food: ["保健食品", "health food"], cosmetics: ["化妆品", "cosmetics"], medical_device: ["医疗器械", "medical devices"],
  drug: ["药品", "drugs"], infant_formula: ["婴幼儿配方食品", "infant formula"], agri: ["农产品", "farm produce"], apparel: ["服装", "apparel"],
  jewelry: ["珠宝首饰", "jewellery"], electronics: ["电子产品", "electronics"], household: ["日用品", "household"], general: ["通用", "general"], unknown: ["未标明", "unknown"] };
const STATES = { open: ["待处理", "open"], in_review: ["审核中", "in review"], measure_proposed: ["已提议措施", "measure proposed"], decided: ["已决定措施", "decided"],
  notified: ["已告知", "notified"], appealed: ["申诉中", "appealed"], reviewed: ["申诉已复核", "reviewed"], closed: ["已结案", "closed"] };
const nameIn = (table, k) => (table[k] ? t(...table[k]) : k);
const KIND_COLOR = { claim: "#2563eb", listing: "#d97706", campaign: "#dc2626", qualification: "#7c3aed", all: "#475569" };
const PALETTE = ["#0891b2", "#059669", "#db2777", "#65a30d", "#9333ea", "#ea580c"];
const PERIODS = { "24h": 24, "7d": 24 * 7 };

// ---- normalising the stats answer (pure; tolerant of the shape) ----

const countOf = (o) => (typeof o === "number" ? o : o == null ? 0 : Number(o.count ?? o.n ?? o.findings ?? o.total ?? o.value ?? 0) || 0);
const KEY_FIELDS = ["key", "name", "id", "rule", "room", "kind", "severity", "platform", "category", "state"];

// toPairs reads {k: n}, [{rule: k, count: n}] or [[k, n]] as [{key, count, item}], largest first.
export function toPairs(v) {
  if (v == null) return [];
  let out;
  if (Array.isArray(v)) {
    out = v.map((it) => {
      if (Array.isArray(it)) return { key: String(it[0]), count: Number(it[1]) || 0, item: {} };
      const kf = KEY_FIELDS.find((f) => it && typeof it[f] === "string");
      return { key: kf ? it[kf] : "?", count: countOf(it), item: it || {} };
    });
  } else if (typeof v === "object") {
    out = Object.entries(v).map(([key, x]) => ({ key, count: countOf(x), item: typeof x === "object" ? x : {} }));
  } else return [];
  return out.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

const first = (o, names) => { for (const n of names) if (o && o[n] != null) return o[n]; return undefined; };
const TIME_FIELDS = ["t", "ts", "time", "start", "bucket", "at", "hour", "from"];
const MAP_FIELDS = ["by_kind", "kinds", "counts", "kind_counts"];

// toSeries reads the time series as {times: [ms], series: {kind: [n]}},
// from rows with a map per bucket, rows of (time, kind, count), rows of
// (time, count) or columns ({times, series}).
export function toSeries(v) {
  const acc = new Map(); // ms → {kind: n}
  const put = (ms, kind, n) => {
    if (!Number.isFinite(ms)) return;
    if (!acc.has(ms)) acc.set(ms, {});
    const b = acc.get(ms);
    b[kind] = (b[kind] || 0) + (Number(n) || 0);
  };
  const ms = (x) => (typeof x === "number" ? (x < 1e12 ? x * 1000 : x) : Date.parse(x));
  if (Array.isArray(v)) {
    for (const row of v) {
      const when = ms(first(row, TIME_FIELDS));
      if (Number.isFinite(when) && !acc.has(when)) acc.set(when, {}); // an empty bucket is still on the axis
      const map = first(row, MAP_FIELDS);
      if (map && typeof map === "object") for (const p of toPairs(map)) put(when, p.key, p.count);
      else if (typeof row.kind === "string") put(when, row.kind, countOf(row));
      else put(when, "all", countOf(row));
    }
  } else if (v && typeof v === "object") {
    const times = first(v, ["times", "t", "x", "buckets"]) || [];
    const cols = first(v, ["series", "by_kind", "kinds"]) || {};
    for (const [kind, arr] of Object.entries(cols)) (arr || []).forEach((n, i) => put(ms(times[i]), kind, n));
  }
  const times = [...acc.keys()].sort((a, b) => a - b);
  const kinds = [...new Set(times.flatMap((x) => Object.keys(acc.get(x))))].sort();
  return { times, series: Object.fromEntries(kinds.map((k) => [k, times.map((x) => acc.get(x)[k] || 0)])) };
}

// fillHours puts every hour from since to until on the axis, 0 where none.
export function fillHours(ser, since, until, step = 3600e3) {
  if (!ser.times.length) return ser;
  const start = Math.min(Math.floor(since / step) * step, ser.times[0]);
  const end = Math.max(Math.floor(until / step) * step, ser.times[ser.times.length - 1]);
  if ((end - start) / step > 2000) return ser;
  const times = [];
  for (let x = start; x <= end; x += step) times.push(x);
  const idx = new Map(ser.times.map((x, i) => [x, i]));
  const extra = ser.times.filter((x) => (x - start) % step !== 0); // off-grid buckets are kept as they are
  const all = [...times, ...extra].sort((a, b) => a - b);
  return { times: all, series: Object.fromEntries(Object.entries(ser.series).map(([k, arr]) => [k, all.map((x) => (idx.has(x) ? arr[idx.get(x)] : 0))])) };
}

export function normalizeStats(st) {
  st = st || {};
  const g = (...names) => first(st, names);
  const series = toSeries(g("series", "buckets", "timeline", "over_time", "histogram", "by_time") || []);
  const bySev = toPairs(g("by_severity", "severity", "severities"));
  let byKind = toPairs(g("by_kind", "kinds"));
  if (!byKind.length) byKind = Object.entries(series.series).map(([key, arr]) => ({ key, count: arr.reduce((a, b) => a + b, 0), item: {} }));
  const sum = (ps) => ps.reduce((a, p) => a + p.count, 0);
  const total = g("total", "count", "findings") ?? (bySev.length ? sum(bySev) : sum(byKind));
  const camp = g("campaigns", "campaign_count");
  return {
    total: typeof total === "number" ? total : countOf(total),
    series, bySev, byKind,
    rules: toPairs(g("top_rules", "by_rule", "rules")),
    rooms: toPairs(g("top_rooms", "by_room", "rooms")),
    platforms: toPairs(g("by_platform", "platforms")),
    categories: toPairs(g("by_category", "categories")),
    cases: toPairs((() => { const c = g("cases_by_state", "cases"); return c && c.by_state ? c.by_state : c; })()),
    campaigns: camp == null ? null : Array.isArray(camp) ? camp.length : countOf(camp),
    lag: g("lag", "processing_lag", "latency", "lag_seconds", "lag_ms"),
    truncated: !!st.truncated,
    casesGiven: g("cases_by_state", "cases") != null,
  };
}

// ---- charts ----

function bars(items, { label = (k) => k, href = null, cls = () => "", limit = 10 } = {}) {
  if (!items.length) return h("div", { class: "pg-empty", text: t("暂无数据", "No data") });
  const max = Math.max(...items.map((p) => p.count), 1);
  return h("div", { class: "pg-bars" }, items.slice(0, limit).map((p) => {
    const fill = h("span", { class: "pg-bar-fill " + cls(p.key) });
    fill.style.width = `${(p.count / max) * 100}%`;
    const text = label(p.key, p.item);
    return h("div", { class: "pg-bar-row", title: `${text}: ${p.count}` },
      href ? h("a", { class: "pg-bar-label", href: href(p.key, p.item) }, text) : h("span", { class: "pg-bar-label" }, text),
      h("span", { class: "pg-bar-track" }, fill), h("span", { class: "pg-num" }, num(p.count)));
  }));
}

// tickFmt labels a time axis tick in China Standard Time: the hour, with the
// day when the ticks span more than one day.
const TICK = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
function tickFmt(ms, splits) {
  const p = Object.fromEntries(TICK.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const span = splits.length > 1 ? (splits[splits.length - 1] - splits[0]) * 1000 : 0;
  return span > 864e5 ? `${p.month}-${p.day}\n${p.hour}:${p.minute}` : `${p.hour}:${p.minute}`;
}

const colorOf = (kind, i) => KIND_COLOR[kind] || PALETTE[i % PALETTE.length];

// timeChart draws the series with uPlot, or as SVG lines when it is missing.
function timeChart(ser, signal) {
  const kinds = Object.keys(ser.series);
  const box = h("div", { class: "pg-chart" });
  if (!ser.times.length) return h("div", { class: "pg-empty", text: t("这段时间没有发现", "No findings in this period") });
  const legend = h("div", { class: "pg-legend" }, kinds.map((k, i) => {
    const sw = h("span", { class: "pg-swatch" }); sw.style.background = colorOf(k, i);
    return h("span", { class: "pg-legend-item" }, sw, nameIn(KINDS, k));
  }));
  const U = window.uPlot;
  if (!U) { box.appendChild(svgLines(ser, kinds)); return h("div", {}, box, legend); }
  const opts = (width) => ({
    width, height: 260,
    tzDate: U.tzDate ? (ts) => U.tzDate(new Date(ts * 1e3), "Asia/Shanghai") : undefined,
    legend: { show: true },
    cursor: { drag: { x: true, y: false } },
    scales: { x: { time: true }, y: { range: (u, lo, hi) => [0, Math.max(1, hi * 1.1)] } },
    axes: [{ space: 70, size: 44, values: (u, splits) => splits.map((v) => tickFmt(v * 1000, splits)) }, { size: 50 }],
    series: [{ label: t("时间", "Time") }, ...kinds.map((k, i) => ({
      label: nameIn(KINDS, k), stroke: colorOf(k, i), width: 2, fill: colorOf(k, i) + "1a", points: { show: false },
    }))],
  });
  const data = [ser.times.map((x) => x / 1000), ...kinds.map((k) => ser.series[k])];
  // uPlot measures its container: build it once the box is in the page.
  requestAnimationFrame(() => {
    if (!box.isConnected || (signal && signal.aborted)) return;
    const plot = new U(opts(Math.max(300, box.clientWidth)), data, box);
    if ("ResizeObserver" in window) {
      const ro = new ResizeObserver(() => { if (box.clientWidth) plot.setSize({ width: box.clientWidth, height: 260 }); });
      ro.observe(box);
      if (signal) signal.addEventListener("abort", () => { ro.disconnect(); plot.destroy(); }, { once: true });
    }
  });
  return h("div", {}, box);
}

function svgLines(ser, kinds) {
  const W = 900, H = 240, L = 40, B = 22;
  const max = Math.max(1, ...kinds.flatMap((k) => ser.series[k]));
  const n = ser.times.length;
  const x = (i) => L + (n > 1 ? (i / (n - 1)) * (W - L - 10) : (W - L) / 2);
  const y = (v) => H - B - (v / max) * (H - B - 10);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "pg-svgchart", role: "img" });
  for (const v of [0, max / 2, max]) {
    svg.appendChild(s("line", { x1: L, x2: W - 10, y1: y(v), y2: y(v), class: "pg-tl-grid" }));
    svg.appendChild(s("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end", class: "pg-tl-axis" }, Math.round(v)));
  }
  const fmt = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", month: "2-digit", day: "2-digit", hour: "2-digit", hour12: false });
  for (const i of [0, Math.floor((n - 1) / 2), n - 1]) svg.appendChild(s("text", { x: x(i), y: H - 6, "text-anchor": "middle", class: "pg-tl-axis" }, fmt.format(new Date(ser.times[i]))));
  kinds.forEach((k, ki) => svg.appendChild(s("polyline", { points: ser.series[k].map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" "), fill: "none", stroke: colorOf(k, ki), "stroke-width": 2 })));
  return svg;
}

// lagView shows the processing lag: {batches, mean_seconds, p95_seconds},
// or any other numbers, durations by their unit suffix.
const LAG_NAMES = { batches: ["批次", "batches"], mean_seconds: ["平均", "mean"], p95_seconds: ["p95", "p95"] };
function lagView(lag) {
  if (lag == null) return null;
  const dur = (secs) => (secs < 1 ? `${Math.round(secs * 1000)} ms` : secs < 120 ? `${secs.toFixed(1)} s` : `${(secs / 60).toFixed(1)} min`);
  const fmt = (k, v) => {
    if (typeof v === "string") return v;
    if (/_ms$/.test(k)) return dur(v / 1000);
    if (/_ns$/.test(k)) return dur(v / 1e9);
    if (/_(s|seconds)$/.test(k) || k === "lag") return dur(v);
    return num(v);
  };
  const entries = typeof lag === "object" ? Object.entries(lag) : [["lag", lag]];
  return h("dl", { class: "pg-facts" }, entries.filter(([, v]) => typeof v === "number" || typeof v === "string")
    .map(([k, v]) => h("div", { class: "pg-fact" }, h("dt", {}, LAG_NAMES[k] ? t(...LAG_NAMES[k]) : k.replace(/_(ms|ns|s|seconds)$/, "")), h("dd", {}, fmt(k, v)))),
  h("p", { class: "pg-muted pg-small" }, t("自服务启动以来：事件批次写入日志到其发现提交。", "Since the server started: an event batch stored in the log to its findings committed.")));
}

// ---- the page ----

async function render(root, params, ctx) {
  const signal = ctx && ctx.signal;
  const period = PERIODS[params.period] ? params.period : "24h";
  const page = h("section", { class: "pg-page" });
  put(root, page);
  const P = me();
  const can = (a) => !P || !Array.isArray(P.actions) || P.actions.includes(a);
  const head = () => h("header", { class: "pg-head pg-head-row" },
    h("h1", {}, t("总览", "Dashboard")),
    h("div", { class: "pg-seg", role: "group" }, Object.keys(PERIODS).map((p) => h("button", {
      class: "pg-btn" + (p === period ? " pg-active" : ""), "aria-pressed": String(p === period),
      onClick: () => go("#/dashboard?period=" + p), text: p === "24h" ? t("近 24 小时", "Last 24 h") : t("近 7 天", "Last 7 days"),
    }))),
    h("button", { class: "pg-btn", onClick: () => go(location.hash), text: t("刷新", "Refresh") }));
  put(page, head(), h("div", { class: "pg-loading", text: t("加载中…", "Loading…") }));
  // The period ends now, unless the newest finding is older than the whole
  // period (a replayed or historical data set): then it ends at the newest
  // finding's hour, and the page says so.
  let until = Date.now();
  let dataTime = null;
  try {
    const newest = ((await api("/v1/findings", { query: { limit: 1 }, signal })).findings || [])[0];
    if (newest && Date.parse(newest.ts) < until - PERIODS[period] * 3600e3) {
      until = Math.ceil((Date.parse(newest.ts) + 1) / 3600e3) * 3600e3;
      dataTime = newest.ts;
    }
  } catch (e) {
    if (e.name === "AbortError") return;
  }
  const since = until - PERIODS[period] * 3600e3;
  const sinceISO = new Date(since).toISOString();
  const untilISO = new Date(until).toISOString();
  let st;
  try {
    st = normalizeStats(await api("/v1/stats/findings", { query: { since: sinceISO, until: untilISO, bucket: "hour" }, signal }));
  } catch (e) {
    if (e.name === "AbortError") return;
    put(page, head(), h("div", { class: "pg-error", role: "alert", text: errText(e) }));
    return;
  }
  // Campaigns and cases come from their own routes when the stats lack them.
  const extra = await Promise.allSettled([
    st.campaigns == null && can("campaigns.read") ? api("/v1/campaigns", { query: { since: sinceISO, limit: 1000 }, signal }) : null,
    !st.casesGiven && can("cases.read") ? api("/v1/cases", { query: { limit: 1000 }, signal }) : null,
  ]);
  if (signal && signal.aborted) return;
  let campaignNote = "";
  if (extra[0].status === "fulfilled" && extra[0].value) {
    st.campaigns = (extra[0].value.campaigns || []).length;
    if (extra[0].value.next) campaignNote = "+";
  }
  let casesNote = t("（全部案件）", " (all cases)");
  if (extra[1].status === "fulfilled" && extra[1].value) {
    const by = {};
    for (const c of extra[1].value.cases || []) by[c.state] = (by[c.state] || 0) + 1;
    st.cases = toPairs(by);
  } else if (st.cases.length) casesNote = t("（未结与本期结案）", " (open, and closed in the period)");
  const order = Object.keys(STATES);
  st.cases.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  const ser = fillHours(st.series, since, until);
  const sev = (k) => st.bySev.find((p) => p.key === k)?.count || 0;
  const openCases = st.cases.filter((p) => p.key !== "closed").reduce((a, p) => a + p.count, 0);
  const kpi = (label, value, cls = "") => h("div", { class: "pg-kpi " + cls }, h("div", { class: "pg-kpi-value" }, value), h("div", { class: "pg-kpi-label" }, label));
  const card = (title, ...body) => h("section", { class: "pg-card" }, h("h2", {}, title), ...body);
  put(page,
    head(),
    dataTime ? h("p", { class: "pg-note", text: t(`最新发现在 ${fmtTime(dataTime)}，早于本时段：时段按数据时间截至该时刻。`,
      `The newest finding is at ${fmtTime(dataTime)}, before this period: the period ends there (data time).`) }) : null,
    h("div", { class: "pg-kpis" },
      kpi(t("发现", "Findings"), num(st.total)),
      kpi(t("严重 + 高", "Critical + high"), num(sev("critical") + sev("high")), sev("critical") ? "pg-kpi-alert" : ""),
      st.campaigns != null ? kpi(t("水军团伙", "Campaigns"), num(st.campaigns) + campaignNote) : null,
      st.cases.length ? kpi(t("未结案件", "Open cases"), num(openCases)) : null),
    st.truncated ? h("div", { class: "pg-error", text: t("数量过多：以下只统计了最先读取的 100,000 条。", "Too many: the counts below are of the first 100,000 read.") }) : null,
    card(t("发现随时间（按类型，每小时）", "Findings over time (by kind, hourly)"),
      st.total ? timeChart(ser, signal) : h("div", { class: "pg-empty", text: t("这段时间没有发现", "No findings in this period") })),
    h("div", { class: "pg-grid" },
      card(t("按严重程度", "By severity"), bars(["critical", "high", "medium", "low"].map((k) => ({ key: k, count: sev(k), item: {} })).filter((p) => p.count || st.bySev.length),
        { label: (k) => nameIn(SEVS, k), cls: (k) => "pg-sev-" + k })),
      card(t("按类型", "By kind"), bars(st.byKind, { label: (k) => nameIn(KINDS, k) })),
      card(t("最常触发的规则", "Top rules"), bars(st.rules, { href: (k) => "#/rules?q=" + encodeURIComponent(k) })),
      card(t("发现最多的直播间", "Top rooms"), bars(st.rooms, { label: (k, it) => (it && it.platform ? `${k} · ${it.platform}` : k),
        href: (k, it) => "#/monitor?" + new URLSearchParams(it && it.platform ? { room: k, platform: it.platform } : { room: k }) })),
      card(t("按平台", "By platform"), bars(st.platforms)),
      card(t("按品类", "By category"), bars(st.categories, { label: (k) => nameIn(CATS, k) })),
      st.cases.length ? card(t("案件状态", "Cases by state") + casesNote, bars(st.cases, { label: (k) => nameIn(STATES, k), href: () => "#/cases", limit: 8 })) : null,
      st.lag != null ? card(t("处理延迟（事件写入到发现）", "Processing lag (ingest to finding)"), lagView(st.lag)) : null));
}

register("#/dashboard", { title: ["总览", "Dashboard"], action: "findings.read", render });
