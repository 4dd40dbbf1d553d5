// monitor.js: the live monitor of one broadcast (#/monitor?platform=&room=).
// The transcript and the bullet comments side by side, polled from
// GET /v1/rooms/{id}/events every 2 s; findings from the live stream
// highlighted on the lines they rest on; comments by accounts of campaigns
// marked; comments per minute with the crew's share; orders; the room's
// listings with their crossed-out price checked. Without a room it lists
// the rooms to choose from.
import { register, api, el, t, fmtTime, severityBadge, streamFindings, go, me } from "./app.js";
import {
  money, clock, summaryOf, kindName, findingTitle, withTooltip, markText, matchedOf,
  spinner, emptyNote, errorNote,
} from "./widgets.js";

const POLL_MS = 2000;
const ROOM_MS = 15000;
const WINDOW_MS = 10 * 60 * 1000; // what is loaded at first, and per "earlier"
const PAGE = 5000; // events per request
const MAX_LINES = 2000; // per column
const TYPES = "speech,comment,order,listing";
const FAKE_ORIGINAL = "price.fake_original";
const CHART_H = 130;

register("#/monitor", {
  title: ["直播监看", "Live monitor"],
  action: "rooms.read",
  render: async (root, params, { signal }) => {
    root.classList.add("monitor-page");
    if (!params.room) return roomList(root, params, signal);
    return new Monitor(root, params.platform || "", params.room, signal).start();
  },
});

// --- rooms ---------------------------------------------------------------------

// rooms answers the broadcasts to choose from: GET /v1/rooms, or, from a
// server without it, the rooms of the latest findings.
async function rooms(platform, signal) {
  try {
    const page = await api("/v1/rooms", { query: { platform, limit: 200 }, signal });
    return { rooms: page.rooms || [], exact: true };
  } catch (e) {
    if (e.status !== 404 && e.status !== 405) throw e;
  }
  const page = await api("/v1/findings", { query: { platform, limit: 500 }, signal });
  const by = new Map();
  for (const f of page.findings || []) {
    if (!f.room) continue;
    const k = `${f.platform}\u0000${f.room}`;
    const r = by.get(k) || { platform: f.platform, room: f.room, findings: 0, last_ts: f.ts };
    r.findings++;
    if (f.ts > r.last_ts) r.last_ts = f.ts;
    by.set(k, r);
  }
  return { rooms: [...by.values()].sort((a, b) => (a.last_ts < b.last_ts ? 1 : -1)), exact: false };
}

function monitorHash(platform, room) {
  const q = new URLSearchParams();
  if (platform) q.set("platform", platform);
  q.set("room", room);
  return `#/monitor?${q}`;
}

// eventCounts sums up a room's events by type: 口播 674 · 弹幕 815 · 订单 40.
function eventCounts(events) {
  if (!events) return "";
  const names = { speech: ["口播", "speech"], comment: ["弹幕", "comments"], order: ["订单", "orders"] };
  return Object.entries(names).filter(([k]) => events[k]).map(([k, n]) => `${t(...n)} ${events[k]}`).join(" · ");
}

function onAir(r) {
  return r.started_at && !r.ended_at;
}

function roomState(r) {
  if (onAir(r)) return el("span", { class: "pill pill-live" }, t("直播中", "on air"));
  return r.ended_at ? el("span", { class: "pill" }, t("已下播", "ended")) : "";
}

async function roomList(root, params, signal) {
  const body = el("div", { class: "card" }, spinner());
  root.append(el("div", { class: "page-head" },
    el("h1", null, t("直播监看", "Live monitor")),
    el("p", { class: "muted" }, t("选择一个直播间：口播与弹幕实时滚动，发现就地标出。", "Pick a room: speech and comments scroll live, findings marked in place."))),
  body);
  let list;
  try {
    list = await rooms(params.platform, signal);
  } catch (e) {
    body.replaceChildren(errorNote(e));
    return;
  }
  if (!list.rooms.length) {
    body.replaceChildren(emptyNote(t("还没有直播间的事件。", "No room has sent events yet.")));
    return;
  }
  const rows = list.rooms.map((r) => el("tr", {
    class: "clickable",
    tabIndex: 0,
    onClick: () => go(monitorHash(r.platform, r.room)),
    onKeydown: (e) => { if (e.key === "Enter") go(monitorHash(r.platform, r.room)); },
  },
  el("td", null, list.exact ? roomState(r) : ""),
  el("td", null, el("a", { href: monitorHash(r.platform, r.room) }, r.room)),
  el("td", null, r.title || ""),
  el("td", null, r.host || ""),
  el("td", null, r.merchant || ""),
  el("td", null, r.platform),
  el("td", { class: "small muted" }, eventCounts(r.events)),
  el("td", { class: "num" }, fmtTime(r.last_ts)),
  el("td", { class: "num" }, r.findings ? el("span", { class: "count-badge" }, r.findings) : "0")));
  const notes = list.exact ? [] : [el("p", { class: "muted small pad" }, t("（服务器未提供直播间列表：以下为最近有发现的直播间。）", "(The server lists no rooms: these are the rooms of the latest findings.)"))];
  body.replaceChildren(...notes,
    el("table", { class: "table" },
      el("thead", null, el("tr", null, ["", t("直播间", "Room"), t("标题", "Title"), t("主播", "Host"), t("商家", "Merchant"), t("平台", "Platform"), t("事件", "Events"), t("最近事件", "Last event"), t("发现", "Findings")].map((h) => el("th", null, h)))),
      el("tbody", null, rows)));
}

// --- one room --------------------------------------------------------------------

// eventKey identifies a stored event (ids are optional in the contract).
function eventKey(ev) {
  return ev.id || `${ev.type}|${ev.ts}|${ev.user || ev.speaker || ""}|${ev.text || ev.product || ""}`;
}

function ms(iso) {
  return new Date(iso).getTime();
}

class Monitor {
  constructor(root, platform, room, signal) {
    Object.assign(this, { root, platform, room, signal });
    this.seen = new Set();
    this.lines = new Map(); // event id → line element
    this.findings = new Map(); // finding id → finding
    this.byEvent = new Map(); // event id → Set of finding ids
    this.crew = new Map(); // account → campaign finding/summary id
    this.comments = []; // {ts (ms), user}
    this.orders = [];
    this.listings = new Map(); // product → latest listing event
    this.from = null; // earliest loaded ts (ISO)
    this.cursor = null; // latest ts polled (ISO)
  }

  async start() {
    this.layout();
    let page;
    try {
      page = await api(`/v1/rooms/${encodeURIComponent(this.room)}`, { query: { platform: this.platform, limit: 500 }, signal: this.signal });
    } catch (e) {
      this.root.replaceChildren(errorNote(e), el("p", null, el("a", { href: "#/monitor" }, t("← 全部直播间", "← All rooms"))));
      return;
    }
    this.summary = page.room;
    this.platform = page.room.platform;
    this.renderHead();
    for (const f of page.findings || []) this.addFinding(f, false);
    this.loadRoomPicker();
    this.loadCampaigns();
    const last = ms(page.room.last_ts);
    const from = new Date(Math.max(ms(page.room.first_ts), last - WINDOW_MS));
    this.from = from.toISOString();
    this.cursor = this.from;
    await Promise.all([this.loadListings(), this.poll()]);
    this.scrollToEnd();
    this.live();
    this.loop();
  }

  layout() {
    const panel = (cls, title, extra) => {
      const list = el("div", { class: "lines", role: "log", "aria-live": "off" });
      const count = el("span", { class: "panel-count" });
      return {
        list, count,
        node: el("section", { class: `panel ${cls}` },
          el("header", { class: "panel-head" }, el("h2", null, title), count, el("div", { class: "panel-tools" }, extra)),
          list),
      };
    };
    this.earlierBtn = el("button", { type: "button", class: "btn btn-small", onClick: () => this.earlier() }, t("加载更早", "Load earlier"));
    this.speech = panel("panel-speech", t("口播 Transcript", "Transcript"), this.earlierBtn);
    this.chat = panel("panel-comments", t("弹幕 Comments", "Comments"), el("span", { class: "legend" },
      el("span", { class: "crew-tag" }, t("团伙", "crew")), t(" 团伙账号", " campaign account")));
    this.head = el("div", { class: "monitor-head" }, spinner());
    this.chartBox = el("div", { class: "chart" });
    this.chartNote = el("div", { class: "chart-note" });
    this.findingList = el("ol", { class: "finding-list" });
    this.findingCount = el("span", { class: "panel-count" });
    this.listingBox = el("div", { class: "listing-list" });
    this.orderBox = el("ol", { class: "ticker" });
    this.orderStats = el("span", { class: "panel-count" });
    const side = el("aside", { class: "monitor-side" },
      el("section", { class: "panel" },
        el("header", { class: "panel-head" }, el("h2", null, t("弹幕/分钟", "Comments per minute"))),
        this.chartBox, this.chartNote),
      el("section", { class: "panel" },
        el("header", { class: "panel-head" }, el("h2", null, t("本场发现", "Findings")), this.findingCount),
        this.findingList),
      el("section", { class: "panel" },
        el("header", { class: "panel-head" }, el("h2", null, t("在售商品 · 划线价核验", "Listings · crossed-out price check"))),
        this.listingBox),
      el("section", { class: "panel" },
        el("header", { class: "panel-head" }, el("h2", null, t("订单", "Orders")), this.orderStats),
        this.orderBox));
    this.root.append(this.head, el("div", { class: "monitor-grid" }, this.speech.node, this.chat.node, side));
    this.renderFindingList();
    this.renderListings();
  }

  renderHead() {
    const r = this.summary;
    this.liveDot = el("span", { class: "live-state" }, t("连接中…", "connecting…"));
    this.picker = el("select", {
      "aria-label": t("切换直播间", "Switch room"),
      onChange: (e) => {
        const [p, room] = JSON.parse(e.target.value);
        go(monitorHash(p, room));
      },
    }, el("option", { value: JSON.stringify([r.platform, r.room]), selected: true }, `${r.room}${r.title ? ` · ${r.title}` : ""}`));
    const facts = [
      [t("平台", "Platform"), r.platform],
      [t("主播", "Host"), r.host],
      [t("商家", "Merchant"), r.merchant],
      [t("运营者", "Operator"), r.operator],
      [t("机构", "Agency"), r.agency],
      [t("开播", "Started"), r.started_at ? fmtTime(r.started_at) : null],
      [t("下播", "Ended"), r.ended_at ? fmtTime(r.ended_at) : null],
    ].filter(([, v]) => v);
    this.head.replaceChildren(
      el("div", { class: "monitor-title" },
        el("a", { href: "#/monitor", class: "back", title: t("全部直播间", "All rooms"), "aria-label": t("全部直播间", "All rooms") }, "←"),
        this.picker,
        roomState(r),
        this.liveDot),
      el("div", { class: "monitor-facts" }, facts.map(([k, v]) => el("span", null, el("span", { class: "muted" }, k), " ", v))));
  }

  async loadRoomPicker() {
    try {
      const list = await rooms(this.platform, this.signal);
      const opts = list.rooms.filter((r) => !(r.platform === this.platform && r.room === this.room))
        .map((r) => el("option", { value: JSON.stringify([r.platform, r.room]) },
          `${onAir(r) ? "● " : ""}${r.room}${r.title ? ` · ${r.title}` : ""}${r.findings ? ` (${r.findings})` : ""}`));
      this.picker.append(...opts);
    } catch {
      // the picker keeps the current room only
    }
  }

  // loadCampaigns marks the accounts of the campaigns that commented here.
  async loadCampaigns() {
    if (!(me()?.actions || []).includes("campaigns.read")) return;
    try {
      const page = await api("/v1/campaigns", { query: { platform: this.platform, room: this.room, limit: 100 }, signal: this.signal });
      let changed = false;
      for (const c of page.campaigns || []) {
        for (const u of c.members || []) {
          if (!this.crew.has(u)) { this.crew.set(u, c.id); changed = true; }
        }
      }
      if (changed) this.remarkCrew();
    } catch {
      // operators may not read campaigns: no marks
    }
  }

  async loadListings() {
    try {
      const res = await api(`/v1/rooms/${encodeURIComponent(this.room)}/events`, {
        query: { platform: this.platform, type: "listing", limit: 1000 }, signal: this.signal,
      });
      for (const ev of res.events || []) this.addListing(ev);
      this.renderListings();
    } catch (e) {
      if (e.name !== "AbortError") this.listingBox.replaceChildren(errorNote(e));
    }
  }

  // poll reads the events after the cursor (ts at or after it: the ones
  // seen already are skipped).
  async poll() {
    for (let i = 0; i < 10 && !this.signal.aborted; i++) {
      const res = await api(`/v1/rooms/${encodeURIComponent(this.room)}/events`, {
        query: { platform: this.platform, type: TYPES, from: this.cursor, limit: PAGE }, signal: this.signal,
      });
      const evs = res.events || [];
      this.addEvents(evs, false);
      if (evs.length) this.cursor = evs[evs.length - 1].ts;
      if (evs.length < PAGE) break;
    }
  }

  async loop() {
    let lastRoom = Date.now();
    while (!this.signal.aborted) {
      await sleep(POLL_MS, this.signal);
      if (this.signal.aborted) return;
      try {
        await this.poll();
        if (Date.now() - lastRoom > ROOM_MS) {
          lastRoom = Date.now();
          const page = await api(`/v1/rooms/${encodeURIComponent(this.room)}`, { query: { platform: this.platform, limit: 1 }, signal: this.signal });
          const ended = !this.summary.ended_at && page.room.ended_at;
          this.summary = page.room;
          if (ended) this.renderHead();
        }
      } catch (e) {
        if (e.name === "AbortError") return;
        this.setLive("error", e);
      }
    }
  }

  // earlier loads the previous window before the earliest line shown (or
  // up to before, when given).
  async earlier(before) {
    if (!this.from || ms(this.from) <= ms(this.summary.first_ts)) {
      this.earlierBtn.disabled = true;
      return;
    }
    const to = this.from;
    const fromMs = Math.max(ms(this.summary.first_ts), Math.min(ms(to) - WINDOW_MS, before ? ms(before) - 60000 : Infinity));
    const from = new Date(fromMs).toISOString();
    this.earlierBtn.disabled = true;
    try {
      const res = await api(`/v1/rooms/${encodeURIComponent(this.room)}/events`, {
        query: { platform: this.platform, type: "speech,comment,order", from, to, limit: 10000 }, signal: this.signal,
      });
      this.from = from;
      this.addEvents(res.events || [], true);
    } finally {
      this.earlierBtn.disabled = fromMs <= ms(this.summary.first_ts);
    }
  }

  live() {
    const query = { platform: this.platform, room: this.room };
    streamFindings(query, (f) => this.addFinding(f, true), this.signal, (state, err) => this.setLive(state, err));
    if ((me()?.actions || []).includes("campaigns.read")) {
      // A campaign across rooms has no room: follow the platform's campaigns.
      streamFindings({ platform: this.platform, kind: "campaign" }, (f) => this.addFinding(f, true), this.signal);
    }
  }

  setLive(state, err) {
    if (!this.liveDot) return;
    const text = {
      open: t("实时", "live"),
      retrying: t("重连中…", "reconnecting…"),
      refused: t("无实时推送", "no live feed"),
      error: t("轮询出错", "polling failed"),
    }[state] || state;
    this.liveDot.className = `live-state live-${state}`;
    this.liveDot.textContent = text;
    this.liveDot.title = err ? err.message : "";
  }

  // --- events ---

  addEvents(evs, older) {
    const speech = [];
    const comments = [];
    let orders = false;
    let listings = false;
    for (const ev of evs) {
      const k = eventKey(ev);
      if (this.seen.has(k)) continue;
      this.seen.add(k);
      switch (ev.type) {
        case "speech": speech.push(this.speechLine(ev)); break;
        case "comment":
          comments.push(this.commentLine(ev));
          this.comments.push({ ts: ms(ev.ts), user: ev.user });
          break;
        case "order": this.orders.push(ev); orders = true; break;
        case "listing": this.addListing(ev); listings = true; break;
      }
    }
    this.appendLines(this.speech, speech, older);
    this.appendLines(this.chat, comments, older);
    if (comments.length) this.renderChart();
    if (orders) {
      this.orders.sort((a, b) => (a.ts < b.ts ? -1 : 1));
      this.renderOrders();
    }
    if (listings) this.renderListings();
  }

  appendLines(panel, nodes, older) {
    if (!nodes.length) return;
    const list = panel.list;
    const atEnd = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.querySelector(":scope > .empty-note")?.remove();
    if (older) {
      // what the user asked for stays, over the limit if need be; the
      // lines in view stay in view
      const before = list.scrollHeight;
      list.prepend(...nodes);
      list.scrollTop += list.scrollHeight - before;
    } else {
      for (const n of nodes.slice(0, -MAX_LINES)) this.lines.delete(n.dataset.eventId);
      list.append(...nodes.slice(-MAX_LINES));
    }
    while (!older && list.childElementCount > MAX_LINES) {
      const first = list.firstElementChild;
      if (first.dataset.eventId) this.lines.delete(first.dataset.eventId);
      first.remove();
    }
    panel.count.textContent = String(list.querySelectorAll(".line").length);
    if (!older && atEnd) list.scrollTop = list.scrollHeight;
  }

  scrollToEnd() {
    for (const p of [this.speech, this.chat]) {
      if (!p.list.querySelector(".line")) p.list.replaceChildren(emptyNote(t("这段时间没有内容", "Nothing in this period")));
      p.list.scrollTop = p.list.scrollHeight;
    }
  }

  speechLine(ev) {
    const text = el("span", { class: "text" }, ev.text || "");
    const line = el("div", { class: "line speech", dataset: { eventId: ev.id, ts: ev.ts } },
      el("time", { datetime: ev.ts, title: fmtTime(ev.ts) }, clock(ev.ts)),
      el("span", { class: "who-cell" }, el("span", { class: "who" }, ev.speaker || "")),
      text);
    line._text = ev.text || "";
    return this.track(line, ev);
  }

  commentLine(ev) {
    const line = el("div", { class: "line comment", dataset: { eventId: ev.id, ts: ev.ts, user: ev.user } },
      el("time", { datetime: ev.ts, title: fmtTime(ev.ts) }, clock(ev.ts)),
      el("span", { class: "who-cell" }, el("span", { class: "who", title: ev.user }, ev.user || "")),
      el("span", { class: "text" }, ev.text || ""));
    line._text = ev.text || "";
    if (this.crew.has(ev.user)) this.markCrew(line);
    return this.track(line, ev);
  }

  track(line, ev) {
    if (ev.id) {
      this.lines.set(ev.id, line);
      if (this.byEvent.has(ev.id)) this.markLine(line);
    }
    return line;
  }

  markCrew(line) {
    if (line.classList.contains("crew")) return;
    line.classList.add("crew");
    const id = this.crew.get(line.dataset.user);
    const tag = el("a", {
      class: "crew-tag",
      href: `#/campaigns/${encodeURIComponent(id)}`,
      title: t(`团伙 ${id} 的账号`, `an account of campaign ${id}`),
    }, t("团伙", "crew"));
    line.querySelector(".who").before(tag);
  }

  remarkCrew() {
    for (const line of this.chat.list.querySelectorAll(".line.comment:not(.crew)")) {
      if (this.crew.has(line.dataset.user)) this.markCrew(line);
    }
    this.renderChart();
  }

  // --- findings ---

  addFinding(f, fresh) {
    const known = this.findings.has(f.id);
    this.findings.set(f.id, f); // a campaign is sent again as it grows: the last is current
    if (f.kind === "campaign") {
      let changed = false;
      for (const u of f.accounts || []) {
        if (!this.crew.has(u)) { this.crew.set(u, f.id); changed = true; }
      }
      if (changed) this.remarkCrew();
      if (f.room !== this.room && !(f.event_ids || []).some((id) => this.lines.has(id))) {
        this.renderFindingList();
        return; // another room's campaign: its accounts are marked, nothing else
      }
    }
    for (const id of f.event_ids || []) {
      if (!this.byEvent.has(id)) this.byEvent.set(id, new Set());
      this.byEvent.get(id).add(f.id);
      const line = this.lines.get(id);
      if (line) {
        this.markLine(line);
        if (fresh && !known) flash(line);
      }
    }
    if (f.rule === FAKE_ORIGINAL) this.renderListings();
    this.renderFindingList();
  }

  markLine(line) {
    const fs = [...(this.byEvent.get(line.dataset.eventId) || [])].map((id) => this.findings.get(id)).filter(Boolean);
    if (!fs.length) return;
    const sev = ["critical", "high", "medium", "low"].find((s) => fs.some((f) => f.severity === s)) || "medium";
    line.classList.remove("sev-critical", "sev-high", "sev-medium", "sev-low");
    line.classList.add("finding", `sev-${sev}`);
    line.dataset.rules = fs.map((f) => f.rule).join(" ");
    const text = line.querySelector(".text");
    text.replaceChildren(...markText(line._text, fs.map(matchedOf)));
    line.querySelector(".rule-chips")?.remove();
    // A campaign's comments carry the crew tag already; the chips name the
    // other rules.
    const chips = fs.filter((f) => f.kind !== "campaign");
    if (chips.length) {
      line.append(el("span", { class: "rule-chips" }, chips.map((f) => el("span", {
        class: `rule-chip sev-${f.severity}`, title: findingTitle(f),
      }, f.rule))));
    }
    withTooltip(line, fs);
  }

  renderFindingList() {
    const fs = [...this.findings.values()]
      .filter((f) => f.room === this.room || (f.event_ids || []).some((id) => this.lines.has(id)))
      .sort((a, b) => (a.ts < b.ts ? 1 : -1));
    this.findingCount.textContent = String(fs.length);
    if (!fs.length) {
      this.findingList.replaceChildren(emptyNote(t("暂无发现", "No findings yet")));
      return;
    }
    this.findingList.replaceChildren(...fs.slice(0, 100).map((f) => el("li", null,
      el("button", {
        type: "button", class: "finding-item", title: findingTitle(f),
        onClick: () => this.show(f),
      },
      el("span", { class: "finding-item-head" }, severityBadge(f.severity), el("span", { class: "kind" }, kindName(f.kind)), el("time", { datetime: f.ts }, clock(f.ts))),
      el("span", { class: "finding-item-text" }, summaryOf(f))))));
  }

  // show scrolls to the first line of a finding, loading earlier events
  // when it is before what is shown.
  async show(f) {
    let line = (f.event_ids || []).map((id) => this.lines.get(id)).find(Boolean);
    if (!line && f.ts && this.from && f.ts < this.from) {
      await this.earlier(f.ts);
      line = (f.event_ids || []).map((id) => this.lines.get(id)).find(Boolean);
    }
    if (!line) return;
    line.scrollIntoView({ block: "center", behavior: "smooth" });
    line.focus({ preventScroll: true });
    flash(line);
  }

  // --- chart ---

  renderChart() {
    if (!window.uPlot || !this.comments.length) return;
    const buckets = new Map();
    let crewN = 0;
    for (const c of this.comments) {
      const m = Math.floor(c.ts / 60000) * 60;
      const b = buckets.get(m) || [0, 0];
      b[0]++;
      if (this.crew.has(c.user)) { b[1]++; crewN++; }
      buckets.set(m, b);
    }
    const xs = [...buckets.keys()].sort((a, b) => a - b);
    // minutes without comments are zeros, not gaps
    const full = [];
    for (let m = xs[0]; m <= xs[xs.length - 1]; m += 60) full.push(m);
    const data = [full, full.map((m) => buckets.get(m)?.[0] || 0), full.map((m) => buckets.get(m)?.[1] || 0)];
    const share = this.comments.length ? Math.round((100 * crewN) / this.comments.length) : 0;
    this.chartNote.replaceChildren(
      el("span", null, t("弹幕 ", "comments "), el("b", null, this.comments.length)),
      el("span", { class: crewN ? "crew-share" : "" }, t("团伙占比 ", "crew share "), el("b", null, `${share}%`)),
      el("span", { class: "muted" }, t(`${full.length} 分钟`, `${full.length} min`)));
    if (this.chart && this.chartKey === langKey()) {
      this.chart.setData(data);
      return;
    }
    this.chart?.destroy();
    this.chartKey = langKey();
    const width = Math.max(200, this.chartBox.clientWidth || 300);
    const bars = window.uPlot.paths.bars({ size: [0.8, 24] });
    this.chart = new window.uPlot({
      width, height: CHART_H,
      tzDate: (ts) => window.uPlot.tzDate(new Date(ts * 1e3), "Asia/Shanghai"),
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: true, range: (u, min, max) => [min - 45, max + 45] },
        y: { range: (u, min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] },
      },
      axes: [
        {
          stroke: "#5f6b7a", grid: { show: false }, ticks: { stroke: "#dfe3e8" }, font: "11px sans-serif",
          values: (u, splits) => splits.map((v) => clock(new Date(v * 1000).toISOString()).slice(0, 5)),
        },
        { stroke: "#5f6b7a", grid: { stroke: "#eef1f4" }, ticks: { show: false }, font: "11px sans-serif", size: 32, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] },
      ],
      series: [
        { value: (u, v) => (v == null ? "" : clock(new Date(v * 1000).toISOString()).slice(0, 5)) },
        { label: t("全部弹幕", "all comments"), stroke: "#7ea3bf", fill: "rgba(126,163,191,0.45)", width: 1, paths: bars, points: { show: false } },
        { label: t("团伙弹幕", "crew comments"), stroke: "#6941c6", fill: "rgba(105,65,198,0.85)", width: 1, paths: bars, points: { show: false } },
      ],
    }, data, this.chartBox);
    if (!this.resize) {
      this.resize = new ResizeObserver(() => {
        const w = this.chartBox.clientWidth;
        if (this.chart && w > 0) this.chart.setSize({ width: w, height: CHART_H });
      });
      this.resize.observe(this.chartBox);
      this.signal.addEventListener("abort", () => { this.resize.disconnect(); this.chart?.destroy(); });
    }
  }

  // --- orders and listings ---

  renderOrders() {
    const n = this.orders.length;
    const gmv = this.orders.reduce((s, o) => s + (o.amount_fen || 0), 0);
    this.orderStats.textContent = t(`${n} 单 · ${money(gmv)}`, `${n} orders · ${money(gmv)}`);
    this.orderBox.replaceChildren(...this.orders.slice(-8).reverse().map((o) => el("li", null,
      el("time", { datetime: o.ts }, clock(o.ts)),
      el("span", { class: "who", title: o.user }, o.user),
      el("span", { class: "product", title: o.product }, this.listings.get(o.product)?.title || o.product),
      el("span", { class: "num" }, `${o.qty}× `, el("b", null, money(o.amount_fen))))));
  }

  addListing(ev) {
    const prev = this.listings.get(ev.product);
    if (!prev || prev.ts <= ev.ts) this.listings.set(ev.product, ev);
  }

  renderListings() {
    if (!this.listingBox) return;
    const fakes = [...this.findings.values()].filter((f) => f.rule === FAKE_ORIGINAL);
    const items = [...this.listings.values()].sort((a, b) => (a.ts < b.ts ? 1 : -1));
    if (!items.length) {
      this.listingBox.replaceChildren(emptyNote(t("本场没有上架记录", "No listing in this room")));
      return;
    }
    this.listingBox.replaceChildren(...items.map((l) => {
      const f = fakes.find((x) => (x.event_ids || []).includes(l.id) || x.evidence?.listing_event_id === l.id)
        || fakes.find((x) => x.evidence?.product === l.product && x.platform === l.platform);
      let check = null;
      if (f) {
        const ev = f.evidence || {};
        check = el("div", { class: "price-check bad", title: findingTitle(f) },
          severityBadge(f.severity), " ",
          t(`虚构原价：参考成交价 ${money(ev.reference_price_fen)}，划线价为其 ${Number(ev.ratio || 0).toFixed(1)} 倍`,
            `fictitious original price: reference price paid ${money(ev.reference_price_fen)}, crossed-out price ${Number(ev.ratio || 0).toFixed(1)}× that`));
        withTooltip(check, [f]);
      } else if (l.original_price_fen != null) {
        check = el("div", { class: "price-check ok" }, t("划线价未见异常", "crossed-out price: no finding"));
      }
      return el("div", { class: ["listing", f ? "listing-bad" : ""], dataset: { product: l.product, eventId: l.id } },
        el("div", { class: "listing-title", title: l.title }, l.title || l.product),
        el("div", { class: "listing-prices" },
          el("strong", { class: "price" }, money(l.price_fen)),
          l.original_price_fen != null ? el("s", { class: ["strike", f ? "strike-bad" : ""] }, money(l.original_price_fen)) : null,
          el("span", { class: "muted small" }, [l.brand, l.category].filter(Boolean).join(" · "))),
        check);
    }));
  }
}

function langKey() {
  return t("zh", "en");
}

function flash(node) {
  node.classList.remove("flash");
  void node.offsetWidth; // restart the animation
  node.classList.add("flash");
}

function sleep(msec, signal) {
  return new Promise((resolve) => {
    const tm = setTimeout(resolve, msec);
    signal?.addEventListener("abort", () => { clearTimeout(tm); resolve(); }, { once: true });
  });
}
