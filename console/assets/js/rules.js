// The rules page (#/rules): a box that checks a sentence as it is typed
// (POST /v1/lint, debounced) with each finding's span marked in the text,
// and the rules in use (GET /v1/rules) with a search box.
import { api, t, el, register, severityBadge } from "./app.js";
import { h, put, errText, tx } from "./dom.js";

// ---- names ----

export const CATEGORIES = ["general", "food", "health_food", "cosmetics", "medical_device", "drug", "infant_formula", "agri", "apparel", "jewelry", "electronics", "household"];
const CAT = { food: ["食品", "food"], health_food: ["保健食品", "health food"], cosmetics: ["化妆品", "cosmetics"], medical_device: ["医疗器械", "medical devices"],
  drug: ["药品", "drugs"], infant_formula: ["婴幼儿配方食品", "infant formula"], agri: ["农产品", "farm produce"], apparel: ["服装", "apparel"],
  jewelry: ["珠宝首饰", "jewellery"], electronics: ["电子产品", "electronics"], household: ["日用品", "household goods"], general: ["通用", "general"] };
const CLAIM = { entity: ["主体", "entity"], performance: ["性能", "performance"], function: ["功能", "function"], quality: ["质量", "quality"], origin: ["产地", "origin"],
  honour: ["荣誉", "honours"], qualification: ["资质", "qualification"], sales: ["销售状况", "sales"], transaction: ["交易信息", "transactions"],
  operating_data: ["经营数据", "operating data"], review: ["用户评价", "reviews"], counterfeit: ["假冒", "counterfeit"], price: ["价格", "price"] };
const KIND = { claim: ["口播", "claim"], listing: ["商品", "listing"] };
const SEV_ORDER = { critical: 3, high: 2, medium: 1, low: 0 };
const nameIn = (table, k) => (table[k] ? t(...table[k]) : k);

// ---- spans (pure, exported for tests) ----

// locate finds a finding's matched words in its line, in code points: at
// its column when they are there, else their first occurrence; null when
// absent.
export function locate(f) {
  const chars = Array.from(f.text || "");
  const m = Array.from(f.matched || "");
  if (!m.length) return null;
  const at = (f.column || 1) - 1;
  if (chars.slice(at, at + m.length).join("") === f.matched) return { start: at, end: at + m.length };
  const i = (f.text || "").indexOf(f.matched);
  if (i < 0) return null;
  const start = Array.from(f.text.slice(0, i)).length;
  return { start, end: start + m.length };
}

// segments cuts text (code points) at the spans' edges: [{text, spans}],
// each piece with the spans covering it.
export function segments(text, spans) {
  const chars = Array.from(text);
  const cuts = new Set([0, chars.length]);
  for (const sp of spans) { cuts.add(Math.max(0, sp.start)); cuts.add(Math.min(chars.length, sp.end)); }
  const edges = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [a, b] = [edges[i], edges[i + 1]];
    if (a === b) continue;
    out.push({ text: chars.slice(a, b).join(""), spans: spans.filter((sp) => sp.start <= a && sp.end >= b) });
  }
  return out;
}

// ---- the lint box ----

// What was typed survives leaving the page and switching the language.
const lintState = { text: "", category: "general", result: null, error: null, busy: false };
let seq = 0;

function markedLine(text, findings) {
  const spans = findings.map((f) => ({ ...locate(f), f })).filter((sp) => sp.start != null);
  return h("div", { class: "pg-lint-line" }, segments(text, spans).map((seg) => {
    if (!seg.spans.length) return seg.text;
    const worst = seg.spans.reduce((a, b) => (SEV_ORDER[b.f.severity] > SEV_ORDER[a.f.severity] ? b : a));
    return h("mark", { class: "pg-hit pg-hit-" + worst.f.severity, title: seg.spans.map((sp) => `${sp.f.rule} · ${tx(sp.f.message, sp.f.message_en)}`).join("\n") }, seg.text);
  }));
}

function lintResult(onRule) {
  const { result, error, busy, text } = lintState;
  const status = h("div", { class: "pg-lint-status" },
    busy ? t("检查中…", "Checking…") : !text.trim() ? t("输入话术，每行一句，边输入边检查。", "Type a script, a sentence a line; it is checked as you type.") : "");
  if (error) return h("div", {}, status, h("div", { class: "pg-error", role: "alert", text: errText(error) }));
  if (!result || !text.trim()) return status;
  const list = result.findings || [];
  if (!list.length) return h("div", {}, status, h("div", { class: "pg-ok", text: t("未发现问题。", "No problems found.") }));
  const byLine = new Map();
  for (const f of list) { if (!byLine.has(f.line)) byLine.set(f.line, []); byLine.get(f.line).push(f); }
  return h("div", {}, status,
    result.high ? h("div", { class: "pg-error", text: t("有高或严重级别的问题：开播前请修改。", "Something high or critical: change it before going live.") }) : null,
    h("div", { class: "pg-lint-marked" }, [...byLine.entries()].map(([line, fs]) => h("div", { class: "pg-lint-row" },
      h("span", { class: "pg-lint-no" }, String(line)), markedLine(fs[0].text, fs)))),
    h("ol", { class: "pg-list pg-lint-findings" }, list.map((f) => h("li", { class: "pg-item" },
      h("div", { class: "pg-item-head" }, severityBadge(f.severity), " ",
        h("a", { href: "#/rules?q=" + encodeURIComponent(f.rule), class: "pg-mono", onClick: (ev) => { ev.preventDefault(); onRule(f.rule); } }, f.rule),
        h("span", { class: "pg-muted" }, ` · ${t("第", "line ")}${f.line}${t("行第", ", col ")}${f.column}${t("列", "")} · ${nameIn(CAT, f.category)}`)),
      h("div", {}, tx(f.message, f.message_en), " ", h("mark", { class: "pg-hit pg-hit-" + f.severity }, f.matched)),
      h("div", { class: "pg-muted pg-small" }, t("依据：", "Basis: ") + tx(f.basis, f.basis_en)),
      f.also && f.also.length ? h("div", { class: "pg-muted pg-small" }, t("同一处另有规则：", "Also matched here: "),
        ...f.also.flatMap((r, i) => [i ? ", " : "", h("a", { href: "#/rules?q=" + encodeURIComponent(r), class: "pg-mono", onClick: (ev) => { ev.preventDefault(); onRule(r); } }, r)])) : null,
      f.rewrite ? h("div", { class: "pg-rewrite" }, h("strong", {}, t("建议改写：", "Suggested rewrite: ")), tx(f.rewrite, f.rewrite_en)) : null))));
}

function lintBox(onRule, signal) {
  const out = h("div", { class: "pg-lint-out", "aria-live": "polite" }, lintResult(onRule));
  const redraw = () => put(out, lintResult(onRule));
  let timer = 0, ctrl = null;
  const run = async () => {
    const mine = ++seq;
    if (ctrl) ctrl.abort();
    if (!lintState.text.trim()) { lintState.result = null; lintState.error = null; lintState.busy = false; return redraw(); }
    ctrl = new AbortController();
    lintState.busy = true; redraw();
    try {
      const res = await api("/v1/lint", { method: "POST", body: { text: lintState.text, category: lintState.category }, signal: ctrl.signal });
      if (mine !== seq) return;
      lintState.result = res; lintState.error = null;
    } catch (e) {
      if (e.name === "AbortError" || mine !== seq) return;
      lintState.error = e;
    }
    lintState.busy = false; redraw();
  };
  const schedule = () => { clearTimeout(timer); timer = setTimeout(run, 300); };
  const area = h("textarea", { class: "pg-input pg-lint-input", rows: 5, value: lintState.text, spellcheck: "false",
    placeholder: t("例：这款茶喝了能根治失眠", "e.g. 这款茶喝了能根治失眠 (this tea cures insomnia for good)"),
    "aria-label": t("待检查的话术", "Script to check") });
  area.addEventListener("input", () => { lintState.text = area.value; schedule(); });
  const cat = h("select", { class: "pg-input", "aria-label": t("品类", "Category") },
    CATEGORIES.map((c) => h("option", { value: c, selected: c === lintState.category }, `${nameIn(CAT, c)} (${c})`)));
  cat.addEventListener("change", () => { lintState.category = cat.value; schedule(); });
  // Again when the last check was cut short (a language switch, a page left) or never made.
  if (lintState.text.trim() && (lintState.busy || (!lintState.result && !lintState.error))) schedule();
  if (signal) signal.addEventListener("abort", () => { clearTimeout(timer); if (ctrl) ctrl.abort(); }, { once: true });
  return h("section", { class: "pg-card" },
    h("h2", {}, t("开播前自查", "Check a script")),
    h("p", { class: "pg-muted", text: t("《直播电商监督管理办法》第三十条：开播前自查话术。结果与 qinglang lint 相同。", "Order 117 art. 30: check a script before going live; the same result as qinglang lint.") }),
    h("div", { class: "pg-lint-inputs" }, area, h("label", { class: "pg-field" }, h("span", {}, t("品类", "Category")), cat)),
    out);
}

// ---- the rules table ----

function rulesTable(data, filters) {
  const needle = filters.q.trim().toLowerCase();
  const rows = data.rules.filter((r) => (!filters.severity || r.severity === filters.severity) && (!filters.kind || r.kind === filters.kind) &&
    (!filters.category || !(r.categories || []).length || r.categories.includes(filters.category)) &&
    (!needle || [r.id, r.message, r.message_en, r.basis, r.basis_en, r.rewrite, r.rewrite_en, r.claim_type, r.file].some((x) => x && x.toLowerCase().includes(needle))));
  if (!rows.length) return h("div", { class: "pg-empty", text: t("没有匹配的规则", "No rules match") });
  const shown = rows.slice(0, filters.limit);
  return h("div", {},
    h("div", { class: "pg-muted pg-small" }, t(`${rows.length} / ${data.rules.length} 条规则`, `${rows.length} of ${data.rules.length} rules`)),
    h("div", { class: "pg-scroll pg-tall" }, h("table", { class: "pg-table pg-rules" },
      h("thead", {}, h("tr", {}, [t("规则", "Rule"), t("严重程度", "Severity"), t("类型", "Type"), t("品类", "Categories"), t("说明", "Message"),
        t("依据", "Basis"), t("建议改写", "Rewrite"), t("文件", "File")].map((x) => h("th", {}, x)))),
      h("tbody", {}, shown.map((r) => h("tr", {},
        h("td", { class: "pg-mono" }, r.id), h("td", {}, severityBadge(r.severity)),
        h("td", {}, nameIn(KIND, r.kind), h("div", { class: "pg-muted pg-small" }, nameIn(CLAIM, r.claim_type))),
        h("td", { class: "pg-small" }, (r.categories || []).length ? r.categories.map((c) => nameIn(CAT, c)).join("、") : t("全部", "all")),
        h("td", {}, tx(r.message, r.message_en)),
        h("td", { class: "pg-small" }, tx(r.basis, r.basis_en)),
        h("td", { class: "pg-small" }, r.rewrite ? tx(r.rewrite, r.rewrite_en) : "—"),
        h("td", { class: "pg-mono pg-small" }, `${r.file}:${r.line}`)))))),
    rows.length > shown.length ? h("button", { class: "pg-btn", dataset: { more: "1" }, text: t(`再显示 ${Math.min(200, rows.length - shown.length)} 条`, `Show ${Math.min(200, rows.length - shown.length)} more`) }) : null);
}

async function render(root, params, ctx) {
  const signal = ctx && ctx.signal;
  const page = h("section", { class: "pg-page" });
  put(root, page);
  let rulesCache = null; // {rules, packs}
  const filters = { q: params.q || "", severity: params.severity || "", kind: params.kind || "", category: params.category || "", limit: 200 };
  const tableBox = h("div", {}, h("div", { class: "pg-loading", text: t("加载中…", "Loading…") }));
  const packsBox = h("p", { class: "pg-muted" });
  // Filters live in the address (replaceState: no re-render, the focus stays).
  const remember = () => {
    const q = new URLSearchParams(Object.entries(filters).filter(([k, v]) => v && k !== "limit"));
    history.replaceState(null, "", "#/rules" + (q.toString() ? "?" + q : ""));
  };
  const redraw = () => { if (rulesCache) put(tableBox, rulesTable(rulesCache, filters)); };
  tableBox.addEventListener("click", (ev) => { if (ev.target.dataset && ev.target.dataset.more) { filters.limit += 200; redraw(); } });
  const search = h("input", { class: "pg-input", type: "search", value: filters.q, placeholder: t("搜索规则编号、说明、依据…", "Search id, message, basis…"), "aria-label": t("搜索规则", "Search rules") });
  let timer = 0;
  search.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => { filters.q = search.value; filters.limit = 200; remember(); redraw(); }, 150); });
  const select = (key, opts) => {
    const sel = h("select", { class: "pg-input" }, opts.map(([v, l]) => h("option", { value: v, selected: filters[key] === v }, l)));
    sel.addEventListener("change", () => { filters[key] = sel.value; filters.limit = 200; remember(); redraw(); });
    return sel;
  };
  const onRule = (id) => { search.value = id; filters.q = id; remember(); redraw(); tableBox.scrollIntoView({ behavior: "smooth", block: "start" }); };
  put(page, 
    h("header", { class: "pg-head" }, h("h1", {}, t("规则", "Rules"))),
    lintBox(onRule, signal),
    h("section", { class: "pg-card" }, h("h2", {}, t("使用中的规则", "Rules in use")), packsBox,
      h("div", { class: "pg-filters" }, search,
        select("severity", [["", t("全部严重程度", "All severities")], ...["critical", "high", "medium", "low"].map((s) => [s, s])]),
        select("kind", [["", t("全部类型", "All types")], ["claim", nameIn(KIND, "claim")], ["listing", nameIn(KIND, "listing")]]),
        select("category", [["", t("全部品类", "All categories")], ...CATEGORIES.map((c) => [c, nameIn(CAT, c)])])),
      tableBox));
  try { rulesCache = await api("/v1/rules", { signal }); } catch (e) {
    if (e.name !== "AbortError") put(tableBox, h("div", { class: "pg-error", role: "alert", text: errText(e) }));
    return;
  }
  rulesCache.rules = rulesCache.rules || [];
  packsBox.textContent = t("规则包（加载顺序）：", "Packs (load order): ") + (rulesCache.packs || []).join(" → ");
  redraw();
}

register("#/rules", { title: ["规则", "Rules"], action: "lint.use", render });
