// The actor registry (#/registry): where it comes from and its counts,
// a tab per record kind with its table, one record with the link rows that
// name it, and the identity re-verification due list.
import { api, t, el, register, fmtTime, go } from "./app.js";
import { h, put, errText, clean, loading, failure, empty } from "./dom.js";

// ---- names ----

export const KINDS = ["platforms", "merchants", "licences", "operators", "agencies", "hosts", "rooms", "host_agencies", "room_links"];
const KIND_NAMES = {
  platforms: ["平台", "Platforms"], merchants: ["平台内经营者", "Merchants"], licences: ["许可证", "Licences"],
  operators: ["直播间运营者", "Operators"], agencies: ["服务机构（MCN）", "Agencies (MCN)"], hosts: ["主播", "Hosts"],
  rooms: ["直播间", "Rooms"], host_agencies: ["主播—机构", "Host–agency links"], room_links: ["直播间关联", "Room links"],
};
const COLS = {
  id: ["编号", "Id"], name: ["名称", "Name"], uscc: ["统一社会信用代码", "USCC"], last_verified: ["最近核验", "Last verified"],
  platform_id: ["平台", "Platform"], merchant_id: ["商家", "Merchant"], kind: ["类型", "Kind"], number: ["证号", "Number"],
  valid_from: ["起始", "Valid from"], valid_to: ["截止", "Valid to"], resident_id_masked: ["身份证号（遮盖）", "Resident ID (masked)"],
  resident_id_hash: ["身份证号哈希", "Resident ID hash"], birth_date: ["出生日期", "Birth date"], guardian_consent: ["监护人同意", "Guardian consent"],
  host_id: ["主播", "Host"], agency_id: ["机构", "Agency"], room_id: ["直播间", "Room"], operator_id: ["运营者", "Operator"],
};
// The kind an id column points to, for links between records.
const REF = { platform_id: "platforms", merchant_id: "merchants", host_id: "hosts", agency_id: "agencies", room_id: "rooms", operator_id: "operators" };
// The column a kind's record is looked up by (GET /v1/registry/{kind}/{id}).
export const KEY = { licences: "merchant_id", host_agencies: "host_id", room_links: "room_id" };
const kindName = (k) => (KIND_NAMES[k] ? t(...KIND_NAMES[k]) : k);
const colName = (c) => (COLS[c] ? t(...COLS[c]) : c);
const today = () => new Date().toISOString().slice(0, 10);

// cell renders one value: links to referenced records, dates that passed,
// never-verified actors and hashes shortened.
function cell(col, val, kind) {
  if (val == null || val === "") {
    if (col === "last_verified") return h("span", { class: "pg-overdue", text: t("从未核验", "never verified") });
    if (col === "valid_to" || col === "valid_from") return h("span", { class: "pg-muted", text: t("不限", "open") });
    return h("span", { class: "pg-muted", text: "—" });
  }
  val = String(val);
  const ref = REF[col] || (col === "id" ? kind : null);
  if (ref && KINDS.includes(ref)) return h("a", { href: "#/registry?" + new URLSearchParams({ tab: ref, id: val }), class: "pg-mono" }, val);
  if (col === "valid_to" && val < today()) return h("span", { class: "pg-overdue", title: t("已过期", "expired") }, val);
  if (col === "resident_id_hash") return h("span", { class: "pg-mono", title: val }, val.slice(0, 12) + "…");
  if (col === "guardian_consent") return val === "true" ? t("是", "yes") : t("否", "no");
  return val;
}

// ---- files ----

async function downloadCSV(kind, note) {
  note.className = "pg-form-msg"; note.textContent = t("下载中…", "Downloading…");
  try {
    const tok = sessionStorage.getItem("qinglang.token"); // where the shell keeps the token
    const res = await fetch(`/v1/registry/${kind}?format=csv`, { headers: tok ? { Authorization: "Bearer " + tok } : {} });
    if (!res.ok) {
      let msg = `HTTP ${res.status}`;
      try { const j = await res.json(); msg = t(j.error.message, j.error.message_en); } catch { /* not JSON */ }
      throw new Error(msg);
    }
    const url = URL.createObjectURL(await res.blob());
    const a = h("a", { href: url, download: kind + ".csv", class: "pg-hidden" });
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10e3);
    note.textContent = "";
  } catch (e) { note.className = "pg-form-msg pg-error"; note.textContent = errText(e); }
}

// ---- the page ----

const recordsCache = new Map(); // kind → records of the registry loaded at cacheStamp
let cacheStamp = "";

async function render(root, params, ctx) {
  const signal = ctx && ctx.signal;
  const tab = params.tab === "due" || KINDS.includes(params.tab) ? params.tab : "hosts";
  const page = h("section", { class: "pg-page" });
  put(root, page);
  const setParams = (p) => go("#/registry?" + new URLSearchParams(clean(p)));
  const infoBox = h("div", {}, loading());
  const tabs = h("nav", { class: "pg-tabs", role: "tablist" });
  const body = h("div", { class: "pg-reg-body" }, loading());
  put(page, h("header", { class: "pg-head" }, h("h1", {}, t("主体登记", "Registry")),
    h("p", { class: "pg-sub", text: t("平台、商家、运营者、服务机构与主播的登记，以及身份信息复核（《网络交易监督管理办法》第二十四条）。",
      "Platforms, merchants, operators, agencies and hosts, and their identity re-verification (Online Trading Measures art. 24).") })),
  infoBox, tabs, body);

  let info = null;
  try { info = await api("/v1/registry", { signal }); } catch (e) { if (e.name === "AbortError") return; put(infoBox, failure(e)); }
  const counts = (info && info.counts) || {};
  if (!info || info.loaded_at !== cacheStamp) { recordsCache.clear(); cacheStamp = info ? info.loaded_at : ""; }
  if (info) {
    put(infoBox, h("dl", { class: "pg-facts" },
      fact(t("来源", "Source"), info.source || t("内置", "given in code")),
      fact(t("加载时间", "Loaded"), fmtTime(info.loaded_at)),
      fact(t("记录", "Records"), Object.values(counts).reduce((a, b) => a + b, 0).toLocaleString()),
      fact(t("跳过的坏行", "Rows skipped"), h("span", { class: info.skipped ? "pg-warn" : "" }, String(info.skipped ?? 0))),
      fact(t("复核周期", "Re-verify every"), `${info.reverify_days} ${t("天", "days")}`)));
  }
  put(tabs, ...KINDS.map((k) => tabLink(k, `${kindName(k)} ${info ? counts[k] || 0 : ""}`, k === tab)),
    tabLink("due", t("复核到期", "Due for re-verification"), tab === "due"));
  if (tab === "due") return dueView(body, params, setParams, signal);
  kindView(body, tab, params, setParams, signal);
}

function fact(label, value) { return h("div", { class: "pg-fact" }, h("dt", {}, label), h("dd", {}, value == null || value === "" ? "—" : value)); }
function tabLink(k, label, on) {
  return h("a", { href: "#/registry?tab=" + k, role: "tab", "aria-selected": String(on), class: "pg-tab" + (on ? " pg-active" : "") }, label);
}

async function kindView(body, kind, params, setParams, signal) {
  const note = h("span", { class: "pg-form-msg" });
  const q = h("input", { class: "pg-input", type: "search", value: params.q || "", placeholder: t("筛选：任一列包含…", "Filter: any column contains…") });
  const tableBox = h("div", { class: "pg-reg-table" }, loading());
  const detailBox = params.id ? h("aside", { class: "pg-card pg-reg-detail" }, loading()) : null;
  put(body, 
    h("div", { class: "pg-filters" }, q,
      h("button", { class: "pg-btn", onClick: () => downloadCSV(kind, note), text: t("下载 CSV", "Download CSV") }), note),
    h("div", { class: detailBox ? "pg-split" : "" }, tableBox, detailBox));
  if (detailBox) recordDetail(detailBox, kind, params, setParams, signal);
  let records = recordsCache.get(kind);
  if (!records) {
    try { records = (await api(`/v1/registry/${kind}`, { signal })).records || []; recordsCache.set(kind, records); } catch (e) {
      if (e.name !== "AbortError") put(tableBox, failure(e));
      return;
    }
  }
  let limit = 200;
  const draw = () => {
    const needle = q.value.trim().toLowerCase();
    const rows = needle ? records.filter((r) => Object.values(r).some((v) => String(v).toLowerCase().includes(needle))) : records;
    if (!records.length) return put(tableBox, empty("没有此类记录（或未加载登记）", "No records of this kind (or no registry loaded)"));
    if (!rows.length) return put(tableBox, empty("没有匹配的记录", "No records match"));
    const cols = Object.keys(records[0]);
    const key = KEY[kind] || "id";
    put(tableBox, 
      h("div", { class: "pg-muted pg-small" }, t(`${rows.length} 条`, `${rows.length} records`)),
      h("div", { class: "pg-scroll pg-tall" }, h("table", { class: "pg-table" },
        h("thead", {}, h("tr", {}, cols.map((c) => h("th", {}, colName(c))))),
        h("tbody", {}, rows.slice(0, limit).map((r) => h("tr", {
          class: "pg-row-link" + (params.id && r[key] === params.id ? " pg-selected" : ""),
          onClick: (ev) => { if (ev.target.tagName !== "A") setParams({ tab: kind, id: r[key], q: q.value.trim() }); },
        }, cols.map((c) => h("td", {}, cell(c, r[c], kind)))))))),
      rows.length > limit ? h("button", { class: "pg-btn", onClick: () => { limit += 500; draw(); }, text: t("显示更多", "Show more") }) : null);
  };
  let timer = 0;
  q.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => { limit = 200; draw(); }, 150); });
  draw();
}

async function recordDetail(box, kind, params, setParams, signal) {
  let rec;
  try { rec = await api(`/v1/registry/${kind}/${encodeURIComponent(params.id)}`, { signal }); } catch (e) {
    if (e.name !== "AbortError") put(box, failure(e));
    return;
  }
  const record = rec.record || {};
  const links = Object.entries(rec.links || {}).filter(([, rows]) => (rows || []).length);
  put(box, 
    h("div", { class: "pg-row-between" }, h("h2", {}, `${kindName(rec.kind || kind)} ${rec.id}`),
      h("button", { class: "pg-btn pg-small", onClick: () => setParams({ tab: kind, q: params.q }), text: t("关闭", "Close") })),
    h("table", { class: "pg-table pg-kv" }, h("tbody", {}, Object.entries(record).map(([c, v]) => h("tr", {}, h("th", {}, colName(c)), h("td", {}, cell(c, v, rec.kind || kind)))))),
    h("h3", {}, t("关联", "Links")),
    links.length ? links.map(([lk, rows]) => h("div", { class: "pg-reg-links" },
      h("h4", {}, `${kindName(lk)} (${rows.length})`),
      h("div", { class: "pg-scroll" }, h("table", { class: "pg-table" },
        h("thead", {}, h("tr", {}, Object.keys(rows[0]).map((c) => h("th", {}, colName(c))))),
        h("tbody", {}, rows.map((r) => h("tr", {}, Object.keys(rows[0]).map((c) => h("td", {}, cell(c, r[c], lk)))))))))) :
      empty("没有关联记录", "No link rows name this record"));
}

async function dueView(body, params, setParams, signal) {
  const on = h("input", { class: "pg-input", type: "date", value: params.on || "" });
  const overdue = h("input", { type: "checkbox", checked: params.overdue === "1" });
  const apply = () => setParams({ tab: "due", on: on.value, overdue: overdue.checked ? "1" : "" });
  on.addEventListener("change", apply); overdue.addEventListener("change", apply);
  const list = h("div", {}, loading());
  put(body, h("div", { class: "pg-filters" },
    h("label", { class: "pg-check" }, t("日期", "On"), " ", on),
    h("label", { class: "pg-check" }, overdue, t("仅逾期与从未核验", "Overdue and never verified only"))), list);
  let due;
  try { due = await api("/v1/registry/due", { query: clean({ on: params.on, overdue: params.overdue === "1" ? "true" : "" }), signal }); } catch (e) {
    if (e.name !== "AbortError") put(list, failure(e));
    return;
  }
  const items = due.items || [];
  const late = items.filter((i) => i.overdue).length;
  put(list, 
    h("p", { class: "pg-muted" }, t(`${due.on}：${items.length} 个需复核，其中 ${late} 个已逾期或从未核验；复核周期 ${due.reverify_days} 天。`,
      `${due.on}: ${items.length} due, ${late} overdue or never verified; re-verified every ${due.reverify_days} days.`)),
    items.length ? h("div", { class: "pg-scroll pg-tall" }, h("table", { class: "pg-table" },
      h("thead", {}, h("tr", {}, [t("类型", "Kind"), t("编号", "Id"), t("名称", "Name"), t("最近核验", "Last verified"), t("复核期限", "Deadline"), t("状态", "Status")].map((x) => h("th", {}, x)))),
      h("tbody", {}, items.map((i) => h("tr", { class: i.overdue ? "pg-late" : "" },
        h("td", {}, kindName(i.kind)),
        h("td", {}, h("a", { class: "pg-mono", href: "#/registry?" + new URLSearchParams({ tab: i.kind, id: i.id }) }, i.id)),
        h("td", {}, i.name || "—"),
        h("td", {}, i.last_verified || h("span", { class: "pg-overdue", text: t("从未核验", "never verified") })),
        h("td", {}, i.deadline || "—"),
        h("td", { class: i.overdue ? "pg-overdue" : "" }, i.overdue ? t("已逾期", "overdue") : t("即将到期", "due soon"))))))) :
      empty("没有需要复核的主体", "Nothing is due"));
}

register("#/registry", { title: ["主体登记", "Registry"], action: "registry.read", render });
