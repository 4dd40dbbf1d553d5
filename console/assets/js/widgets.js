// widgets.js: pieces the monitor and the review queue share (and any page
// may use): money, clock times, finding tooltips, evidence views, toasts.
import { el, t, fmtTime, severityBadge } from "./app.js";

/** money formats fen as yuan: 5990 → ¥59.90. */
export function money(fen) {
  if (fen == null || Number.isNaN(Number(fen))) return "—";
  return `¥${(Number(fen) / 100).toFixed(2)}`;
}

/** clock is the time of day of an RFC 3339 time in China Standard Time. */
export function clock(iso) {
  return fmtTime(iso).slice(11);
}

/** pick returns the finding's text in the current language. */
export function summaryOf(f) {
  return t(f.summary, f.summary_en);
}

export function basisOf(f) {
  return t(f.basis, f.basis_en);
}

const KINDS = {
  claim: ["虚假宣传", "false claim"],
  listing: ["假冒伪劣", "counterfeit"],
  campaign: ["水军团伙", "campaign"],
  qualification: ["资质", "qualification"],
};

export function kindName(kind) {
  return KINDS[kind] ? t(...KINDS[kind]) : kind;
}

/** findingTitle is the one-line text a finding's title attribute shows. */
export function findingTitle(f) {
  const basis = basisOf(f);
  return `${f.rule} · ${summaryOf(f)}${basis ? `\n${t("依据", "Basis")}: ${basis}` : ""}`;
}

let tipSeq = 0;

/**
 * withTooltip makes node focusable and described by a tooltip listing the
 * findings (rule, severity, summary, basis), shown on hover and on focus.
 */
export function withTooltip(node, findings) {
  node.querySelector(":scope > .tip")?.remove();
  const id = `tip-${++tipSeq}`;
  const tip = el("div", { class: "tip", role: "tooltip", id },
    findings.map((f) => el("div", { class: "tip-item" },
      el("div", { class: "tip-head" }, severityBadge(f.severity), el("code", null, f.rule)),
      el("div", { class: "tip-summary" }, summaryOf(f)),
      basisOf(f) ? el("div", { class: "tip-basis" }, el("b", null, t("依据：", "Basis: ")), basisOf(f)) : null)));
  node.append(tip);
  node.tabIndex = 0;
  node.setAttribute("aria-describedby", id);
  return node;
}

/**
 * markText returns the nodes of text with each of the strings in matches
 * marked (<mark class="hit">): where a finding's matched words are.
 */
export function markText(text, matches) {
  const ranges = [];
  for (const m of matches) {
    if (!m) continue;
    let i = text.indexOf(m);
    while (i >= 0) {
      ranges.push([i, i + m.length]);
      i = text.indexOf(m, i + m.length);
    }
  }
  if (!ranges.length) return [text];
  ranges.sort((a, b) => a[0] - b[0]);
  const merged = [ranges[0]];
  for (const r of ranges.slice(1)) {
    const last = merged[merged.length - 1];
    if (r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  const out = [];
  let at = 0;
  for (const [a, b] of merged) {
    if (a > at) out.push(text.slice(at, a));
    out.push(el("mark", { class: "hit" }, text.slice(a, b)));
    at = b;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** matchedOf is the span a finding's evidence marks, if it names one. */
export function matchedOf(f) {
  const ev = f.evidence;
  if (!ev || typeof ev !== "object") return "";
  if (typeof ev.matched === "string" && ev.matched) return ev.matched;
  if (typeof ev.text === "string" && Number.isInteger(ev.start) && Number.isInteger(ev.end) && ev.end > ev.start) {
    // start and end are byte offsets in the UTF-8 text
    const bytes = new TextEncoder().encode(ev.text);
    return new TextDecoder().decode(bytes.slice(ev.start, ev.end));
  }
  return "";
}

/** toast shows a short message at the bottom of the window. */
export function toast(text, kind = "info") {
  const box = document.getElementById("toasts");
  if (!box) return;
  const n = el("div", { class: `toast toast-${kind}` }, text);
  box.append(n);
  setTimeout(() => n.classList.add("toast-out"), 3500);
  setTimeout(() => n.remove(), 4000);
}

/** dl is a definition list of [label, value] pairs (values null are left out). */
export function dl(pairs, cls = "kv") {
  return el("dl", { class: cls }, pairs.filter(([, v]) => v != null && v !== "").flatMap(([k, v]) => [el("dt", null, k), el("dd", null, v)]));
}

/** spinner is the placeholder of something loading. */
export function spinner(text) {
  return el("div", { class: "loading", role: "status" }, el("span", { class: "spin", "aria-hidden": "true" }), text || t("加载中…", "Loading…"));
}

/** emptyNote is the line shown in an empty list. */
export function emptyNote(text) {
  return el("div", { class: "empty-note" }, text);
}

/** errorNote shows an API error in place. */
export function errorNote(e) {
  return el("div", { class: "alert alert-error", role: "alert" }, e.message || String(e));
}

/**
 * evidenceView renders a finding's evidence by its kind: the matched text
 * of a claim, the prices compared, a campaign's numbers; anything else as
 * a table of its fields.
 */
export function evidenceView(f) {
  const ev = f.evidence;
  if (!ev || typeof ev !== "object") return emptyNote(t("没有附加证据", "No further evidence"));
  if (f.rule === "price.fake_original" || ("original_price_fen" in ev && "reference_price_fen" in ev)) return priceEvidence(ev);
  if (f.kind === "campaign") return campaignEvidence(f, ev);
  if (typeof ev.text === "string" && matchedOf(f)) return claimEvidence(f, ev);
  return genericEvidence(ev);
}

function claimEvidence(f, ev) {
  const facts = [];
  if (ev.buyer_checked) {
    facts.push([t("评论者此前订单", "Author's earlier orders"), String(ev.buyer_orders ?? 0)]);
  }
  if (ev.claimed_sales != null) {
    facts.push([t("声称销量", "Sales claimed"), String(ev.claimed_sales)]);
    facts.push([t("本场已见订单 / 件数", "Orders / items seen here"), `${ev.observed_orders ?? 0} / ${ev.observed_qty ?? 0}`]);
  }
  if (ev.numbers?.length) facts.push([t("数字", "Numbers"), ev.numbers.join(", ")]);
  const where = { speech: t("口播", "speech"), comment: t("弹幕", "comment"), title: t("商品标题", "listing title") }[ev.where] || ev.where;
  return el("div", { class: "evidence" },
    el("blockquote", { class: "quote" }, markText(ev.text, [matchedOf(f)])),
    dl([
      [t("来源", "Source"), where],
      [t("品类", "Category"), ev.category],
      [t("命中", "Matched"), el("mark", { class: "hit" }, matchedOf(f))],
      [t("说明", "Why"), t(ev.message, ev.message_en)],
      [t("合规改写", "Compliant rewrite"), t(ev.rewrite, ev.rewrite_en)],
      ...facts,
    ]));
}

function priceEvidence(ev) {
  const ref = ev.reference === "lowest_in_window"
    ? t("前 7 日最低成交价", "lowest price paid in the 7 days before")
    : t("窗口前最后成交价", "last price paid before the window");
  return el("div", { class: "evidence" },
    el("div", { class: "price-compare" },
      el("div", null, el("span", { class: "muted" }, t("现价", "Price")), el("strong", null, money(ev.price_fen))),
      el("div", null, el("span", { class: "muted" }, t("划线价", "Crossed-out")), el("s", { class: "strike" }, money(ev.original_price_fen))),
      el("div", null, el("span", { class: "muted" }, ref), el("strong", { class: "ref" }, money(ev.reference_price_fen))),
      el("div", null, el("span", { class: "muted" }, t("倍数", "Ratio")), el("strong", null, ev.ratio ? `${Number(ev.ratio).toFixed(2)}×` : "—"))),
    dl([
      [t("商品", "Product"), `${ev.title || ""} (${ev.product || ""})`],
      [t("商家", "Merchant"), ev.merchant],
      [t("比较窗口", "Window"), ev.window_from ? `${fmtTime(ev.window_from)} – ${fmtTime(ev.window_to)}` : null],
      [t("参考订单", "Reference order"), ev.order ? `${ev.order.event_id} · ${fmtTime(ev.order.ts)} · ${ev.order.qty} × ${money(ev.order.unit_price_fen)}` : null],
    ]));
}

function campaignEvidence(f, ev) {
  const n = ev.evidence || {};
  const scripts = (ev.scripts || []).slice(0, 3);
  return el("div", { class: "evidence" },
    dl([
      [t("账号", "Accounts"), String((f.accounts || ev.members || []).length)],
      [t("直播间", "Rooms"), (ev.rooms || []).map((r) => r.room || r).join(", ")],
      [t("把握", "Score"), ev.score != null ? Number(ev.score).toFixed(2) : null],
      [t("共享网段 / 设备", "Shared networks / devices"), n.shared_ip != null ? `${n.shared_ip} / ${n.shared_device ?? 0}` : null],
      [t("新账号", "New accounts"), n.new_accounts],
      [t("首次 / 最后", "First / last"), ev.first_seen ? `${fmtTime(ev.first_seen)} – ${fmtTime(ev.last_seen)}` : null],
    ]),
    scripts.length ? el("div", { class: "scripts" },
      el("div", { class: "muted small" }, t("话术示例", "Script examples")),
      scripts.map((s) => el("blockquote", { class: "quote" }, (s.examples || [])[0] || ""))) : null,
    el("p", null, el("a", { href: `#/campaigns/${encodeURIComponent(f.id)}` }, t("查看团伙全貌 →", "The whole campaign →"))));
}

function genericEvidence(ev) {
  const pairs = [];
  const nested = {};
  for (const [k, v] of Object.entries(ev)) {
    if (v == null || v === "") continue;
    if (typeof v === "object") nested[k] = v;
    else pairs.push([k, /_fen$/.test(k) ? money(v) : /(_at|_ts|^ts)$/.test(k) ? fmtTime(v) : String(v)]);
  }
  return el("div", { class: "evidence" }, dl(pairs),
    Object.keys(nested).length ? el("pre", { class: "json" }, JSON.stringify(nested, null, 2)) : null);
}
