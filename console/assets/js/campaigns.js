// Campaign pages: the list of paid comment crews (#/campaigns) and one
// crew's whole picture (#/campaigns/:id): the account graph, the script
// timeline, the evidence numbers, rooms, scripts and members.
import { api, t, el, register, fmtTime, severityBadge, go } from "./app.js";
import { h, s, put, errText, clean, num } from "./dom.js";

const pct = (x) => (x == null || isNaN(x) ? "—" : `${Math.round(x * 1000) / 10}%`);

function loading() { return h("div", { class: "pg-loading", text: t("加载中…", "Loading…") }); }
function failure(e) { return h("div", { class: "pg-error", role: "alert", text: errText(e) }); }

// ---- network helpers (pure, exported for tests) ----

// netOf returns the /24 of an IPv4 address or the /64 of an IPv6 one.
export function netOf(ip) {
  ip = String(ip || "").trim();
  const v4 = ip.match(/(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (!ip.includes(":")) return ip;
  const [head, tail] = ip.split("::");
  const a = head ? head.split(":") : [];
  const b = tail != null && tail !== "" ? tail.split(":") : [];
  const groups = tail == null ? a : [...a, ...Array(Math.max(0, 8 - a.length - b.length)).fill("0"), ...b];
  return groups.slice(0, 4).map((g) => (parseInt(g || "0", 16) || 0).toString(16)).join(":") + "::/64";
}

// layoutGraph places the accounts, networks, devices and rooms of a campaign
// in four columns and orders each column by the mean position of its
// neighbours (barycentre) so that links cross little.
export function layoutGraph(camp) {
  const members = camp.members || [];
  const roomIds = (camp.rooms || []).map((r) => (typeof r === "string" ? r : r && r.room)).filter(Boolean);
  const edges = []; // [from key, to key]
  const cols = { acct: new Map(), net: new Map(), dev: new Map(), room: new Map() };
  const add = (col, key, label) => {
    if (!cols[col].has(key)) cols[col].set(key, { key, col, label, deg: 0, pos: 0 });
    return cols[col].get(key);
  };
  for (const r of roomIds) add("room", "r:" + r, r);
  for (const m of members) {
    const a = add("acct", "a:" + m.user, m.user);
    a.member = m;
    for (const n of new Set((m.ips || []).map(netOf))) { add("net", "n:" + n, n).deg++; edges.push([a.key, "n:" + n]); }
    for (const d of new Set(m.devices || [])) { add("dev", "d:" + d, d).deg++; edges.push([a.key, "d:" + d]); }
    // The API gives a member's room count, not its rooms: link them only when
    // that count covers every room of the campaign.
    if (roomIds.length && (roomIds.length === 1 || m.rooms >= roomIds.length)) {
      for (const r of roomIds) { cols.room.get("r:" + r).deg++; edges.push([a.key, "r:" + r]); }
    } else a.partialRooms = true;
  }
  const nbrs = new Map();
  for (const [x, y] of edges) {
    if (!nbrs.has(x)) nbrs.set(x, []);
    if (!nbrs.has(y)) nbrs.set(y, []);
    nbrs.get(x).push(y); nbrs.get(y).push(x);
  }
  const posOf = new Map();
  // order sorts a column by key(node) and records the positions 0..1.
  const order = (col, key) => {
    const list = [...cols[col].values()];
    const val = new Map(list.map((n) => [n.key, key(n)]));
    list.sort((p, q) => val.get(p.key) - val.get(q.key) || p.label.localeCompare(q.label));
    list.forEach((n, i) => { n.pos = list.length > 1 ? i / (list.length - 1) : 0.5; posOf.set(n.key, n.pos); });
    cols[col] = new Map(list.map((n) => [n.key, n]));
  };
  const bary = (n) => {
    const ns = nbrs.get(n.key) || [];
    return ns.length ? ns.reduce((sum, k) => sum + (posOf.get(k) ?? 0.5), 0) / ns.length : n.pos;
  };
  // Start: accounts by name, networks and devices by how many members share them.
  order("acct", () => 0); order("room", () => 0);
  order("net", (n) => -n.deg); order("dev", (n) => -n.deg);
  for (let i = 0; i < 3; i++) {
    order("acct", bary);
    order("net", bary); order("dev", bary); order("room", bary);
  }
  return { cols, edges, nbrs };
}

// ---- list page ----

const SEVS = ["critical", "high", "medium", "low"];
const SINCE = { "24h": 24, "7d": 24 * 7, "30d": 24 * 30 };

async function renderList(root, params) {
  const page = h("section", { class: "pg-page" });
  put(root, page);
  const state = { items: null, next: null, error: null, busy: true };
  const query = clean({
    severity: params.severity, platform: params.platform, account: params.account, room: params.room,
    since: SINCE[params.since] ? new Date(Date.now() - SINCE[params.since] * 3600e3).toISOString() : "",
    limit: 100,
  });
  const paint = () => {
    const setParam = (k, v) => go("#/campaigns?" + new URLSearchParams(clean({ ...params, [k]: v })).toString());
    const input = (k, ph) => h("input", {
      class: "pg-input", type: "search", value: params[k] || "", placeholder: ph,
      onChange: (ev) => setParam(k, ev.target.value.trim()),
    });
    const select = (k, opts) => h("select", { class: "pg-input", onChange: (ev) => setParam(k, ev.target.value) },
      opts.map(([v, label]) => h("option", { value: v, selected: (params[k] || "") === v }, label)));
    const filters = h("div", { class: "pg-filters" },
      select("severity", [["", t("全部严重程度", "All severities")], ...SEVS.map((v) => [v, v])]),
      select("since", [["", t("全部时间", "Any time")], ["24h", t("近 24 小时", "Last 24 h")],
        ["7d", t("近 7 天", "Last 7 days")], ["30d", t("近 30 天", "Last 30 days")]]),
      input("platform", t("平台", "Platform")),
      input("account", t("账号", "Account")),
      input("room", t("直播间", "Room")));
    const body = [];
    if (state.error) body.push(failure(state.error));
    else if (!state.items) body.push(loading());
    else if (!state.items.length) body.push(h("div", { class: "pg-empty", text: t("没有符合条件的团伙", "No campaigns match") }));
    else {
      body.push(h("div", { class: "pg-scroll" }, h("table", { class: "pg-table" },
        h("thead", {}, h("tr", {}, [t("团伙", "Campaign"), t("平台", "Platform"), t("严重程度", "Severity"),
          t("置信度", "Score"), t("成员", "Members"), t("直播间", "Rooms"), t("首次出现", "First seen"),
          t("最近出现", "Last seen"), t("关联", "Related"), t("更新", "Updated")].map((x) => h("th", {}, x)))),
        h("tbody", {}, state.items.map((c) => h("tr", { class: "pg-row-link", onClick: () => go("#/campaigns/" + encodeURIComponent(c.id)) },
          h("td", {}, h("a", { href: "#/campaigns/" + encodeURIComponent(c.id), class: "pg-mono" }, c.id)),
          h("td", {}, c.platform),
          h("td", {}, severityBadge(c.severity)),
          h("td", {}, scoreBar(c.score)),
          h("td", { class: "pg-num" }, num((c.members || []).length)),
          h("td", { class: "pg-num" }, num((c.rooms || []).length)),
          h("td", {}, fmtTime(c.first_seen)),
          h("td", {}, fmtTime(c.last_seen)),
          h("td", { class: "pg-num" }, (c.related || []).length ? num(c.related.length) : "—"),
          h("td", {}, fmtTime(c.updated_at))))))));
      if (state.next) body.push(h("button", { class: "pg-btn", disabled: state.busy, onClick: more, text: t("加载更多", "Load more") }));
    }
    put(page, 
      h("header", { class: "pg-head" }, h("h1", {}, t("水军团伙", "Campaigns")),
        h("p", { class: "pg-sub", text: t("职业弹幕团伙：协同发布的带货话术，附证据。", "Crews of paid commenters: coordinated promotional comments, with evidence.") })),
      filters, ...body);
  };
  const more = async () => {
    state.busy = true; paint();
    try {
      const res = await api("/v1/campaigns", { query: { ...query, cursor: state.next || undefined } });
      state.items = [...(state.items || []), ...(res.campaigns || [])];
      state.next = res.next || null;
    } catch (e) { state.error = e; }
    state.busy = false; paint();
  };
  paint();
  await more();
}

function scoreBar(score) {
  const bar = h("span", { class: "pg-meter-fill" });
  bar.style.width = `${Math.round((score || 0) * 100)}%`;
  return h("span", { class: "pg-meter", title: String(score) }, h("span", { class: "pg-meter-track" }, bar),
    h("span", { class: "pg-num" }, (score || 0).toFixed(2)));
}

// ---- detail page ----

const REASONS = {
  script: ["话术", "script"], testimonial_no_purchase: ["未购先证言", "testimonial without purchase"],
  testimonial_right_after_order: ["下单即称见效", "results right after ordering"],
  contradiction: ["自相矛盾", "contradiction"], new_account: ["新账号", "new account"],
  shared_network: ["共用网段", "shared network"], shared_device: ["共用设备", "shared device"],
  lockstep: ["锁步", "lockstep"], cross_room_lockstep: ["跨直播间锁步", "cross-room lockstep"],
  burst: ["突发", "burst"], proxy_hop: ["代理跳跃", "proxy hopping"], spread: ["多直播间扩散", "spread"],
  several_merchants: ["多个商家", "several merchants"], dense_core: ["稠密核心", "dense core"],
  heavy_promoter: ["高频未购推销", "heavy promoter"], script_web: ["专属话术网", "private-script web"],
  crew_phone: ["同在团伙手机", "on a crew phone"],
  crew_prefix: ["同在团伙 IPv6 /64", "on the crew's IPv6 /64"],
};
const reasonName = (r) => (REASONS[r] ? t(...REASONS[r]) : r);

async function renderDetail(root, params) {
  const page = h("section", { class: "pg-page" });
  put(root, page);
  let camp = null, error = null;
  const paint = () => {
    const back = h("a", { href: "#/campaigns", class: "pg-back", text: t("← 全部团伙", "← All campaigns") });
    if (error) return put(page, back, failure(error));
    if (!camp) return put(page, back, loading());
    put(page, back, ...detail(camp));
  };
  paint();
  try { camp = await api("/v1/campaigns/" + encodeURIComponent(params.id)); } catch (e) { error = e; }
  paint();
}

function detail(c) {
  const ev = c.evidence || {};
  const members = c.members || [];
  const head = h("header", { class: "pg-head" },
    h("h1", {}, t("团伙 ", "Campaign "), h("span", { class: "pg-mono" }, c.id), " ", severityBadge(c.severity)),
    h("dl", { class: "pg-facts" },
      fact(t("平台", "Platform"), c.platform),
      fact(t("置信度", "Score"), scoreBar(c.score)),
      fact(t("成员", "Members"), num(members.length)),
      fact(t("直播间", "Rooms"), num((c.rooms || []).length)),
      fact(t("首次出现", "First seen"), fmtTime(c.first_seen)),
      fact(t("最近出现", "Last seen"), fmtTime(c.last_seen))));
  return [
    head,
    h("div", { class: "pg-duo" },
      section(t("证据", "Evidence"), evidenceTable(ev, members.length)),
      section(t("话术示例", "Example scripts"), scripts(c))),
    (c.related || []).length ? section(t("关联团伙", "Related campaigns"), relatedTable(c.related)) : null,
    section(t("关系图：账号 · 网段 · 设备 · 直播间", "Graph: accounts · networks · devices · rooms"), graph(c)),
    section(t("话术时间线", "Script timeline"), timeline(c)),
    section(t("直播间", "Rooms"), roomsTable(c)),
    section(t("成员", "Members"), membersTable(members)),
  ];
}

// relatedTable lists the campaigns that share devices or networks with
// this one: the same crew on another platform, or back with new accounts.
function relatedTable(rel) {
  const list = (xs) => (xs || []).length ? h("span", { class: "pg-mono" }, xs.join(", ")) : "—";
  return h("div", {},
    h("p", { class: "pg-muted", text: t("与本团伙共用设备、或共用各自专属网段的团伙，疑为同一团伙（在其他平台，或换了新账号卷土重来）。账号属于各平台，故同一团伙在每个平台各为一个团伙。",
      "Campaigns sharing devices, or networks each has to itself, with this one: likely the same crew on another platform, or back with new accounts. Accounts are the platform's own, so a crew is one campaign per platform.") }),
    h("div", { class: "pg-scroll" }, h("table", { class: "pg-table pg-related" },
      h("thead", {}, h("tr", {}, [t("团伙", "Campaign"), t("平台", "Platform"), t("共用设备", "Shared devices"),
        t("共用网段", "Shared networks"), t("关联时间", "Related at")].map((x) => h("th", {}, x)))),
      h("tbody", {}, rel.map((r) => h("tr", {},
        h("td", {}, h("a", { href: "#/campaigns/" + encodeURIComponent(r.id), class: "pg-mono" }, r.id)),
        h("td", {}, r.platform),
        h("td", {}, list(r.devices)),
        h("td", {}, list(r.networks)),
        h("td", {}, fmtTime(r.found))))))));
}

function fact(label, value) { return h("div", { class: "pg-fact" }, h("dt", {}, label), h("dd", {}, value == null ? "—" : value)); }
function section(title, ...body) { return h("section", { class: "pg-card" }, h("h2", {}, title), ...body); }

function evidenceTable(ev, n) {
  const of = (k) => `${num(ev[k])} / ${num(ev.members ?? n)}` + (ev.members ? ` (${pct(ev[k] / ev.members)})` : "");
  const rows = [
    [t("成员账号", "Member accounts"), num(ev.members), t("被认定属于团伙的账号", "accounts judged part of the crew")],
    [t("成员弹幕", "Member comments"), num(ev.comments), t("成员在团伙直播间的弹幕", "their comments in the crew's rooms")],
    [t("直播间 / 商家", "Rooms / merchants"), `${num(ev.rooms)} / ${num(ev.merchants)}`, t("涉及的直播间与商家", "broadcasts and merchants reached")],
    [t("共用网段", "Shared networks"), of("shared_ip"), t("与其他成员共用 IPv4 /24 或 IPv6 /64 的成员", "members sharing an IPv4 /24 or IPv6 /64 with another")],
    [t("不同网段", "Distinct networks"), num(ev.distinct_nets), t("成员使用的网段数", "networks among the members")],
    [t("共用设备", "Shared devices"), of("shared_device"), t("与其他成员共用设备的成员", "members sharing a device with another")],
    [t("同在团伙手机", "On the crew's phones"), of("phone_mates"), t("只因同在团伙的手机上而列入（养号手机：5 个以上账号共用、至少一半是成员；或其余账号全是成员的手机，且本号未购夸过商品），本身只闲聊、下单或话术太少", "members only for being on the crew's phones (a farm's: used by 5 accounts or more, at least half of them members; or one whose every other account is a member, when it praised the goods unbought); they chat, buy or wrote too little of the scripts")],
    [t("同在团伙 IPv6 /64", "On the crew's IPv6 /64"), of("prefix_mates"), t("只因同在团伙的 IPv6 /64 上而列入（一个用户的前缀：一条家庭宽带或一部手机的数据会话，5 个以上账号使用、至少一半是成员），本身只闲聊、下单或话术太少", "members only for being on the crew's IPv6 /64 (one subscriber's prefix, a home line or a phone's data session, used by 5 accounts or more, at least half of them members); they chat, buy or wrote too little of the scripts")],
    [t("新账号", "New accounts"), of("new_accounts"), t("首次发言时注册不足 30 天", "younger than 30 days at their first comment")],
    [t("账龄中位数", "Median account age"), ev.median_age_days == null || ev.median_age_days < 0 ? t("未知", "unknown") : `${Math.round(ev.median_age_days * 10) / 10} ${t("天", "days")}`, t("已知账龄的成员", "of members with a known age")],
    [t("有购买", "Purchasers"), of("purchasers"), t("至少下过一单的成员", "members with at least one order")],
    [t("未购先证言", "Testimonials without purchase"), of("testimonials_no_buy"), t("发布效果证言却没有下单", "posted result testimonials without an order")],
    [t("下单即称见效", "Results right after ordering"), of("testimonials_after_order"), t("下单不到 12 小时（多为同一场直播几分钟后）即称用后见效，货还没到", "claimed results of use within 12 hours of ordering (mostly minutes after, in the same broadcast), before the goods could arrive")],
    [t("自相矛盾", "Contradictions"), of("contradicting"), t("自己的证言前后矛盾（如瘦35斤与瘦16.6斤）", "their own testimonials disagree (lost 35 and 16.6 jin)")],
    [t("同步度", "Synchrony"), pct(ev.synchrony), t("成员两两锁步相似度的均值", "mean lockstep similarity of member pairs")],
    [t("集中爆发", "Bursts"), of("bursts"), t("在直播间自身概率下罕见的未购推销爆发中的成员", "members in a burst of unbought praise the room's own rates make improbable")],
    [t("专属话术网", "Private-script web"), of("script_web"), t("以只有团伙发布的小众话术相互关联的未购成员", "unbought members tied to each other by scripts only the group posts")],
    [t("应答口播", "After a call to action"), pct(ev.after_call_share), t("主播号召后 2 分钟内的成员弹幕占比", "member comments within 2 minutes of the host's call")],
    [t("弹幕占比", "Share of the room"), pct(ev.room_share), t("成员弹幕占团伙直播间全部弹幕", "member comments / all comments in its rooms")],
    [t("带货内容", "Promotional"), pct(ev.promotional), t("证言或催单、担保、夸赞的占比", "share that are testimonials or urge, vouch or praise")],
  ];
  return h("table", { class: "pg-table pg-kv" }, h("tbody", {},
    rows.map(([k, v, note]) => h("tr", {}, h("th", {}, k), h("td", { class: "pg-num" }, v), h("td", { class: "pg-muted" }, note)))));
}

// ---- the graph ----

const COLS = [["acct", ["账号", "Accounts"]], ["net", ["网段 (/24)", "Networks (/24)"]], ["dev", ["设备", "Devices"]], ["room", ["直播间", "Rooms"]]];

function graph(c) {
  if (!(c.members || []).length) return h("div", { class: "pg-empty", text: t("没有成员", "No members") });
  const { cols, edges, nbrs } = layoutGraph(c);
  const W = 960, top = 34, row = 16;
  const X = { acct: 170, net: 420, dev: 640, room: 820 };
  const most = Math.max(...COLS.map(([k]) => cols[k].size), 1);
  const H = top + most * row + 12;
  const pos = new Map();
  for (const [k] of COLS) {
    const list = [...cols[k].values()];
    const gap = Math.min((H - top - 12) / Math.max(list.length, 1), 48);
    const y0 = top + ((H - top - 12) - gap * list.length) / 2;
    list.forEach((n, i) => pos.set(n.key, { x: X[k], y: y0 + gap * (i + 0.5), n }));
  }
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "pg-graph", role: "img", "aria-label": t("团伙关系图", "Campaign graph") });
  COLS.forEach(([k, name]) => svg.appendChild(s("text", { x: X[k], y: 16, class: "pg-g-col", "text-anchor": k === "acct" ? "end" : "start" }, t(...name), ` (${cols[k].size})`)));
  const edgeEls = new Map(); // node key → [path]
  const edgeLayer = s("g", { class: "pg-g-edges" });
  for (const [a, b] of edges) {
    const p = pos.get(a), q = pos.get(b);
    const mx = (p.x + q.x) / 2;
    const path = s("path", { d: `M${p.x},${p.y} C${mx},${p.y} ${mx},${q.y} ${q.x},${q.y}`, class: "pg-g-edge pg-g-e-" + q.n.col });
    edgeLayer.appendChild(path);
    for (const k of [a, b]) { if (!edgeEls.has(k)) edgeEls.set(k, []); edgeEls.get(k).push(path); }
  }
  svg.appendChild(edgeLayer);
  const nodeEls = new Map();
  const lit = [];
  const clear = () => { svg.classList.remove("pg-g-focus"); lit.splice(0).forEach((x) => x.classList.remove("pg-on")); };
  const focus = (key) => {
    clear(); svg.classList.add("pg-g-focus");
    const on = (x) => { x.classList.add("pg-on"); lit.push(x); };
    on(nodeEls.get(key));
    for (const e of edgeEls.get(key) || []) on(e);
    for (const k of nbrs.get(key) || []) on(nodeEls.get(k));
  };
  for (const [key, { x, y, n }] of pos) {
    const shared = n.col !== "acct" && n.col !== "room" && n.deg > 1;
    const label = String(n.label ?? "").length > 22 ? String(n.label).slice(0, 21) + "…" : String(n.label ?? "");
    const tip = n.col === "acct"
      ? `${n.label} · ${t("弹幕", "comments")} ${n.member.comments} · ${t("话术", "scripted")} ${n.member.scripted} · ${t("直播间", "rooms")} ${n.member.rooms} · ${t("订单", "orders")} ${n.member.orders}` +
        (n.partialRooms ? ` · ${t("未给出具体直播间", "its rooms are not listed")}` : "")
      : `${n.label} · ${n.deg} ${t("个成员", "members")}`;
    const g = s("g", { class: `pg-g-node pg-g-${n.col}${shared ? " pg-g-shared" : ""}${n.partialRooms ? " pg-g-partial" : ""}`, tabindex: 0, title: tip },
      s("circle", { cx: x, cy: y, r: shared ? 5 : 3.5 }),
      s("text", { x: n.col === "acct" ? x - 8 : x + 8, y: y + 4, "text-anchor": n.col === "acct" ? "end" : "start" }, label));
    g.addEventListener("mouseenter", () => focus(key));
    g.addEventListener("focus", () => focus(key));
    g.addEventListener("mouseleave", clear);
    g.addEventListener("blur", clear);
    if (n.col === "acct") g.addEventListener("click", () => {
      const rowEl = document.getElementById("pg-member-" + n.label);
      if (rowEl) { rowEl.scrollIntoView({ block: "center", behavior: "smooth" }); rowEl.classList.add("pg-flash"); setTimeout(() => rowEl.classList.remove("pg-flash"), 1500); }
    });
    nodeEls.set(key, g);
    svg.appendChild(g);
  }
  const partial = [...cols.acct.values()].some((n) => n.partialRooms);
  return h("div", {},
    h("p", { class: "pg-muted", text: t("悬停账号可突出其网段、设备与直播间；较大的点为多个成员共用。点击账号跳到成员表。",
      "Hover an account to highlight its networks, devices and rooms; larger dots are shared by several members. Click an account to jump to its row.") }),
    partial ? h("p", { class: "pg-muted", text: t("部分成员只给出了直播间数，未给出具体直播间，其直播间连线未画出（虚线圆）。",
      "Some members come with a room count but not the rooms themselves; their room links are not drawn (dashed dot).") }) : null,
    h("div", { class: "pg-graph-wrap" }, svg));
}

// ---- the timeline ----

const PALETTE = ["#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#db2777", "#0891b2", "#65a30d", "#9333ea", "#ea580c"];
const tzTick = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });

// scriptLabels names each cluster S1, S2… in the campaign's script order.
function scriptLabels(c) {
  const m = new Map();
  (c.scripts || []).forEach((sc, i) => m.set(sc.cluster, { tag: `S${i + 1}`, text: (sc.examples || [])[0] || sc.cluster }));
  return m;
}

function timeline(c) {
  const pts = (c.timeline || []).filter((p) => p.minute);
  if (!pts.length) return h("div", { class: "pg-empty", text: t("没有时间线数据", "No timeline points") });
  const labels = scriptLabels(c);
  const clusters = [...labels.keys()];
  for (const p of pts) if (!labels.has(p.cluster)) { labels.set(p.cluster, { tag: `S${labels.size + 1}`, text: p.cluster }); clusters.push(p.cluster); }
  const rooms = [...new Set([...(c.rooms || []).map((r) => r.room), ...pts.map((p) => p.room)])];
  const color = (room) => PALETTE[rooms.indexOf(room) % PALETTE.length];
  const times = pts.map((p) => Date.parse(p.minute));
  const t0 = Math.min(...times), t1 = Math.max(...times) + 60e3;
  const W = 960, left = 210, right = 16, top = 10, row = 22;
  const H = top + clusters.length * row + 30;
  const x = (ms) => left + ((ms - t0) / Math.max(t1 - t0, 1)) * (W - left - right);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "pg-timeline", role: "img", "aria-label": t("话术时间线", "Script timeline") });
  clusters.forEach((cl, i) => {
    const y = top + i * row + row / 2;
    const lb = labels.get(cl);
    const text = lb.text.length > 14 ? lb.text.slice(0, 13) + "…" : lb.text;
    svg.appendChild(s("line", { x1: left, x2: W - right, y1: y, y2: y, class: "pg-tl-row" }));
    svg.appendChild(s("text", { x: left - 8, y: y + 4, "text-anchor": "end", class: "pg-tl-label", title: lb.text }, `${lb.tag} ${text}`));
  });
  const axisY = top + clusters.length * row + 6;
  for (let i = 0; i <= 5; i++) {
    const ms = t0 + ((t1 - t0) * i) / 5;
    svg.appendChild(s("line", { x1: x(ms), x2: x(ms), y1: top, y2: axisY, class: "pg-tl-grid" }));
    svg.appendChild(s("text", { x: x(ms), y: axisY + 14, "text-anchor": i === 0 ? "start" : i === 5 ? "end" : "middle", class: "pg-tl-axis" }, tzTick.format(new Date(ms))));
  }
  pts.forEach((p, i) => {
    const y = top + clusters.indexOf(p.cluster) * row + row / 2;
    svg.appendChild(s("circle", {
      cx: x(times[i]).toFixed(1), cy: y, r: Math.min(2.5 + Math.sqrt(p.comments || 1), 9).toFixed(1),
      fill: color(p.room), class: "pg-tl-dot",
      title: `${fmtTime(p.minute)} · ${p.room} · ${labels.get(p.cluster).tag} · ${t("弹幕", "comments")} ${p.comments} · ${t("成员", "members")} ${p.members}`,
    }));
  });
  const legend = h("div", { class: "pg-legend" }, rooms.map((r) => {
    const sw = h("span", { class: "pg-swatch" });
    sw.style.background = color(r);
    return h("span", { class: "pg-legend-item" }, sw, r);
  }));
  return h("div", {},
    h("p", { class: "pg-muted", text: t("横轴为时间（北京时间），纵轴为话术簇；每个点是一分钟内的成员弹幕，点越大条数越多，颜色区分直播间。",
      "Time (China Standard Time) across, script clusters down; each dot is a minute of member comments, larger for more, coloured by room.") }),
    h("div", { class: "pg-graph-wrap" }, svg), legend);
}

// ---- tables ----

function scripts(c) {
  const list = c.scripts || [];
  if (!list.length) return h("div", { class: "pg-empty", text: t("没有话术", "No scripts") });
  return h("div", { class: "pg-scripts" }, list.map((sc, i) => h("div", { class: "pg-script" },
    h("div", { class: "pg-script-head" }, h("strong", {}, `S${i + 1}`), " ",
      h("span", { class: "pg-muted pg-mono" }, sc.cluster), " · ",
      `${t("成员", "members")} ${num(sc.members)} · ${t("弹幕", "comments")} ${num(sc.comments)} · ${t("直播间", "rooms")} ${num(sc.rooms)} · ${t("团伙外账号", "outsiders")} ${num(sc.others)}`),
    h("ul", { class: "pg-quotes" }, (sc.examples || []).map((x) => h("li", {}, x))))));
}

function roomsTable(c) {
  const list = c.rooms || [];
  if (!list.length) return h("div", { class: "pg-empty", text: t("没有直播间", "No rooms") });
  return h("div", { class: "pg-scroll" }, h("table", { class: "pg-table" },
    h("thead", {}, h("tr", {}, [t("直播间", "Room"), t("商家", "Merchant"), t("成员", "Members"), t("成员弹幕", "Member comments"),
      t("全部弹幕", "All comments"), t("占比", "Share"), t("首次", "First"), t("最近", "Last")].map((x) => h("th", {}, x)))),
    h("tbody", {}, list.map((r) => h("tr", {},
      h("td", { class: "pg-mono" }, h("a", { href: "#/monitor?" + new URLSearchParams({ room: r.room, platform: c.platform }) }, r.room)), h("td", {}, r.merchant || "—"), h("td", { class: "pg-num" }, num(r.members)),
      h("td", { class: "pg-num" }, num(r.comments)), h("td", { class: "pg-num" }, num(r.total)),
      h("td", { class: "pg-num" + (r.share >= 0.3 ? " pg-warn" : "") }, pct(r.share)),
      h("td", {}, fmtTime(r.first_seen)), h("td", {}, fmtTime(r.last_seen)))))));
}

function ageDays(m) {
  if (!m.created_at) return null;
  return (Date.parse(m.first_seen) - Date.parse(m.created_at)) / 864e5;
}

function membersTable(members) {
  if (!members.length) return h("div", { class: "pg-empty", text: t("没有成员", "No members") });
  return h("div", { class: "pg-scroll pg-tall" }, h("table", { class: "pg-table pg-members" },
    h("thead", {}, h("tr", {}, [t("账号", "Account"), t("账龄", "Age"), t("弹幕 / 话术", "Comments / scripted"), t("直播间", "Rooms"),
      t("订单", "Orders"), t("IP 地址", "Addresses"), t("设备", "Devices"), t("自相矛盾", "Contradictions"), t("理由", "Reasons")].map((x) => h("th", {}, x)))),
    h("tbody", {}, members.map((m) => {
      const age = ageDays(m);
      return h("tr", { id: "pg-member-" + m.user },
        h("td", { class: "pg-mono" }, m.user, h("div", { class: "pg-muted pg-small" }, `${fmtTime(m.first_seen)} – ${fmtTime(m.last_seen)}`)),
        h("td", { class: "pg-num" + (age != null && age < 30 ? " pg-warn" : "") }, age == null ? "—" : `${Math.max(0, Math.round(age))} ${t("天", "d")}`),
        h("td", { class: "pg-num" }, `${num(m.comments)} / ${num(m.scripted)}`),
        h("td", { class: "pg-num" }, num(m.rooms)),
        h("td", { class: "pg-num" + (m.orders ? "" : " pg-muted") }, num(m.orders)),
        h("td", { class: "pg-mono pg-small pg-nowrap" }, (m.ips || []).map((x) => h("div", {}, x))),
        h("td", { class: "pg-mono pg-small pg-nowrap" }, (m.devices || []).map((x) => h("div", {}, x))),
        h("td", { class: "pg-small" }, (m.contradictions || []).map(([a, b]) => h("div", { class: "pg-contra" }, `「${a}」 ↔ 「${b}」`))),
        h("td", {}, (m.reasons || []).map((r) => h("span", { class: "pg-tag", title: r }, reasonName(r)))));
    }))));
}

register("#/campaigns", { title: ["水军团伙", "Campaigns"], action: "campaigns.read", render: renderList });
register("#/campaigns/:id", { title: ["团伙详情", "Campaign"], action: "campaigns.read", render: renderDetail });
