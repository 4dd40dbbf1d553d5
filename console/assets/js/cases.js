// Case pages: the board by state (#/cases), one case with its findings,
// measures, notices, appeals, directives and instruments and the actions
// the principal may take (#/cases/:id), and the directives between
// regulators and platforms (#/directives).
import { api, t, lang, el, register, me, fmtTime, severityBadge, go } from "./app.js";
import { h, put, errText, clean, loading, failure, empty, section, fact } from "./dom.js";

const tx = (zh, en) => (en ? t(zh, en) : zh); // a bilingual field pair, Chinese when English is missing

// ---- names ----

const STATES = ["open", "in_review", "measure_proposed", "decided", "notified", "appealed", "reviewed", "closed"];
const N = {
  open: ["待处理", "Open"], in_review: ["审核中", "In review"], measure_proposed: ["已提议措施", "Measure proposed"],
  decided: ["已决定措施", "Decided"], notified: ["已告知", "Notified"], appealed: ["申诉中", "Appealed"],
  reviewed: ["申诉已复核", "Reviewed"], closed: ["已结案", "Closed"],
  host: ["主播", "Host"], operator: ["直播间运营者", "Operator"], merchant: ["商家", "Merchant"], agency: ["服务机构", "Agency"], room: ["直播间", "Room"],
  warning: ["警告", "Warning"], remove_content: ["删除违规内容", "Remove content"], limit_functions: ["限制功能", "Limit functions"],
  limit_traffic: ["限制流量", "Limit traffic"], suspend_live: ["暂停直播", "Suspend live"], revoke_selling: ["取消带货权限", "Revoke selling"], blacklist: ["列入黑名单", "Blacklist"],
  proposed: ["拟采取", "proposed"], rejected: ["已驳回", "rejected"], active: ["执行中", "in force"], lifted: ["已期满解除", "lifted"], revoked: ["已撤销（申诉成立）", "revoked on appeal"],
  filed: ["待复核", "filed"], upheld: ["维持", "upheld"], overturned: ["撤销", "overturned"],
  clue_transfer: ["线索移交", "Clue transfer"], request_to_act: ["责令处置", "Request to act"],
  sent: ["已发送", "sent"], acknowledged: ["已签收", "acknowledged"], acted: ["已处置", "acted on"], reported: ["已报告办结", "reported"], escalated: ["逾期已升级", "escalated"],
  guidance: ["行政指导", "Compliance guidance"], interview: ["行政约谈", "Interview"], penalty: ["行政处罚", "Penalty"], exposure: ["曝光", "Exposure"],
  escalate: ["提级管辖", "Escalate"], supervise: ["挂牌督办", "Supervised listing"], share: ["跨区域共享", "Share with a region"],
  assign: ["分派", "Assign"], start_review: ["开始审核", "Start review"], propose: ["提议措施", "Propose a measure"], notify: ["通知当事方", "Notify"],
  close: ["结案", "Close"], reopen: ["重新打开", "Reopen"], publish: ["公开", "Publish"], unpublish: ["撤回公开", "Unpublish"],
  legal_hold: ["法律保全", "Legal hold"], set_region: ["设置管辖地区", "Set region"], measure: ["处置通知", "Measure notice"], appeal_result: ["申诉结果通知", "Appeal result"],
};
const name = (k) => (N[k] ? t(...N[k]) : k);
const MEASURES = ["warning", "remove_content", "limit_functions", "limit_traffic", "suspend_live", "revoke_selling", "blacklist"];
const subjectText = (s) => (s ? `${name(s.kind)} ${s.id}` + (s.platform ? ` · ${s.platform}` : "") : "—");
const overdue = (iso, done) => !done && iso && Date.parse(iso) < Date.now();
const days = (ns) => Math.round((ns / 864e11) * 10) / 10;
// localToCST turns a datetime-local value into RFC 3339 in China Standard Time.
export const localToCST = (v) => (v ? (v.length === 16 ? v + ":00" : v) + "+08:00" : undefined);

let principal = null;
const can = (a) => !principal || !Array.isArray(principal.actions) || principal.actions.includes(a);
async function loadMe() { try { principal = await me(); } catch { principal = null; } }

// ---- raw requests (the evidence ZIP) with the session's token ----

// bearer is the signed-in token, where the shell keeps it (app.js TOKEN_KEY).
const bearer = () => sessionStorage.getItem("qinglang.token") || "";
async function fetchRaw(path, query) {
  const url = path + (query ? "?" + new URLSearchParams(clean(query)) : "");
  const tk = bearer();
  const res = await fetch(url, { headers: tk ? { Authorization: "Bearer " + tk } : {} });
  if (!res.ok) {
    if (res.status === 401) api("/v1/me").catch(() => {}); // the shell's 401 handling signs in again
    let msg = `HTTP ${res.status}`;
    try { const j = await res.json(); msg = tx(j.error.message, j.error.message_en); } catch { /* not JSON */ }
    const e = new Error(msg); e.status = res.status; throw e;
  }
  return res;
}
async function download(path, fallbackName) {
  const res = await fetchRaw(path);
  const m = /filename="?([^";]+)"?/.exec(res.headers.get("Content-Disposition") || "");
  const url = URL.createObjectURL(await res.blob());
  const a = h("a", { href: url, download: m ? m[1] : fallbackName, class: "pg-hidden" });
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10e3);
}

// ---- a small form builder: fields → inputs; submit calls run(values) ----

function form(fields, submitLabel, run, onDone) {
  const inputs = {};
  const msg = h("div", { class: "pg-form-msg" });
  const btn = h("button", { class: "pg-btn pg-primary", type: "submit", text: submitLabel });
  const f = h("form", { class: "pg-form" }, fields.map((d) => {
    let input;
    if (d.type === "select") input = h("select", { class: "pg-input" }, d.options.map(([v, l]) => h("option", { value: v, selected: v === d.value }, l)));
    else if (d.type === "textarea") input = h("textarea", { class: "pg-input", rows: 3, value: d.value || "", placeholder: d.placeholder || "" });
    else input = h("input", { class: "pg-input", type: d.type || "text", value: d.value || "", placeholder: d.placeholder || "", step: d.step, pattern: d.pattern });
    input.required = !!d.required;
    inputs[d.name] = input;
    return h("label", { class: "pg-field" }, h("span", {}, d.label), input);
  }), h("div", { class: "pg-form-row" }, btn, msg));
  f.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const vals = Object.fromEntries(Object.entries(inputs).map(([k, i]) => [k, i.value.trim()]));
    btn.disabled = true; msg.className = "pg-form-msg"; msg.textContent = t("提交中…", "Sending…");
    try { await run(vals); msg.textContent = t("已完成", "Done"); if (onDone) onDone(); } catch (e) { msg.className = "pg-form-msg pg-error"; msg.textContent = errText(e); btn.disabled = false; }
  });
  return f;
}

// ---- the board ----

const badgeCache = new Map(); // case id → {u: updated_at, m: measure or null}

function pickMeasure(list) {
  const rank = { active: 3, proposed: 2, lifted: 1, revoked: 0, rejected: -1 };
  return (list || []).filter((m) => m.state !== "rejected")
    .sort((a, b) => rank[b.state] - rank[a.state] || MEASURES.indexOf(b.kind) - MEASURES.indexOf(a.kind))[0] || null;
}
function measureBadge(m) {
  return h("span", { class: `pg-measure pg-m-${m.kind} pg-ms-${m.state}`, title: name(m.state) }, name(m.kind), m.state === "proposed" ? " ?" : "");
}

async function renderBoard(root, params, ctx) {
  const signal = ctx && ctx.signal;
  const page = h("section", { class: "pg-page" });
  put(root, page);
  await loadMe();
  const st = { cases: null, error: null, shown: {} };
  const observer = "IntersectionObserver" in window ? new IntersectionObserver(onSeen, { rootMargin: "200px" }) : null;
  const queue = []; let running = 0;
  function onSeen(entries) {
    for (const en of entries) if (en.isIntersecting) { observer.unobserve(en.target); queue.push(en.target); }
    pump();
  }
  function pump() {
    while (running < 4 && queue.length && !(signal && signal.aborted)) {
      const card = queue.shift(); running++;
      const id = card.dataset.id;
      api("/v1/cases/" + encodeURIComponent(id), { signal }).then((v) => {
        badgeCache.set(id, { u: v.case.updated_at, m: pickMeasure(v.measures) });
        const slot = card.querySelector(".pg-card-measure");
        const m = badgeCache.get(id).m;
        if (slot && m) put(slot, measureBadge(m));
      }).catch(() => {}).finally(() => { running--; pump(); });
    }
  }
  const setParam = (k, v) => go("#/cases?" + new URLSearchParams(clean({ ...params, [k]: v })));
  const paint = () => {
    const filters = h("div", { class: "pg-filters" },
      h("input", { class: "pg-input", type: "search", value: params.q || "", placeholder: t("搜索标题、主体、编号、承办人", "Search title, subject, id, assignee"), onChange: (e) => setParam("q", e.target.value.trim()) }),
      h("input", { class: "pg-input", type: "search", value: params.platform || "", placeholder: t("平台", "Platform"), onChange: (e) => setParam("platform", e.target.value.trim()) }),
      h("select", { class: "pg-input", onChange: (e) => setParam("kind", e.target.value) },
        [["", t("全部主体", "All subjects")], ...["host", "operator", "merchant", "agency", "room"].map((k) => [k, name(k)])]
          .map(([v, l]) => h("option", { value: v, selected: (params.kind || "") === v }, l))),
      ...[["mine", t("分派给我", "Assigned to me")], ["overdue", t("已逾期", "Overdue")], ["hold", t("法律保全", "Legal hold")], ["published", t("已公开", "Published")]]
        .map(([k, l]) => h("label", { class: "pg-check" }, h("input", { type: "checkbox", checked: params[k] === "1", onChange: (e) => setParam(k, e.target.checked ? "1" : "") }), l)),
      h("a", { class: "pg-btn", href: "#/directives", text: t("监管通知 →", "Directives →") }));
    if (st.error) return put(page, head(), filters, failure(st.error));
    if (!st.cases) return put(page, head(), filters, loading());
    const q = (params.q || "").toLowerCase();
    const list = st.cases.filter((c) => (!params.kind || c.subject.kind === params.kind) &&
      (params.mine !== "1" || (principal && c.assignee === principal.name)) &&
      (params.overdue !== "1" || overdue(c.due_at, c.state === "closed")) &&
      (params.hold !== "1" || c.legal_hold) && (params.published !== "1" || c.published) &&
      (!q || [c.id, c.title, c.title_en, c.subject.id, c.assignee, c.region].some((x) => x && x.toLowerCase().includes(q))));
    const cols = STATES.map((s) => {
      const items = list.filter((c) => c.state === s);
      const limit = st.shown[s] || 40;
      return h("div", { class: "pg-col pg-col-" + s },
        h("h3", { class: "pg-col-head" }, name(s), h("span", { class: "pg-count" }, items.length)),
        items.length ? null : h("div", { class: "pg-col-empty", text: "—" }),
        items.slice(0, limit).map(card),
        items.length > limit ? h("button", { class: "pg-btn pg-small", onClick: () => { st.shown[s] = limit + 40; paint(); }, text: t(`再显示 ${Math.min(40, items.length - limit)} 条`, `Show ${Math.min(40, items.length - limit)} more`) }) : null);
    });
    put(page, head(), filters,
      list.length ? null : empty("没有符合条件的案件", "No cases match"),
      h("div", { class: "pg-board" }, cols));
  };
  const head = () => h("header", { class: "pg-head" }, h("h1", {}, t("案件", "Cases")),
    h("p", { class: "pg-sub", text: st.cases ? t(`共 ${st.cases.length} 件`, `${st.cases.length} cases`) : "" }));
  const card = (c) => {
    const late = overdue(c.due_at, c.state === "closed");
    const cached = badgeCache.get(c.id);
    const node = h("a", { class: "pg-case" + (late ? " pg-late" : ""), href: "#/cases/" + encodeURIComponent(c.id), dataset: { id: c.id } },
      h("div", { class: "pg-case-subj" }, h("span", { class: "pg-tag" }, name(c.subject.kind)), " ", h("span", { class: "pg-mono" }, c.subject.id), h("span", { class: "pg-muted" }, " · " + c.subject.platform)),
      h("div", { class: "pg-case-title" }, tx(c.title, c.title_en)),
      h("div", { class: "pg-case-meta" },
        c.due_at ? h("span", { class: late ? "pg-overdue" : "", title: t("截止 ", "Due ") + fmtTime(c.due_at) }, (late ? t("已逾期 ", "Overdue ") : t("截止 ", "Due ")) + fmtTime(c.due_at).slice(5, 16)) : null,
        c.assignee ? h("span", { title: t("承办人", "Assignee") }, t("承办：", "by ") + c.assignee) : null,
        h("span", { class: "pg-muted" }, `${(c.findings || []).length} ${t("条发现", "findings")}`)),
      h("div", { class: "pg-case-badges" },
        h("span", { class: "pg-card-measure" }, cached && cached.m ? measureBadge(cached.m) : null),
        c.published ? h("span", { class: "pg-tag" }, t("已公开", "Published")) : null,
        c.legal_hold ? h("span", { class: "pg-tag pg-tag-hold" }, t("保全", "Hold")) : null,
        c.supervised ? h("span", { class: "pg-tag" }, t("督办", "Supervised")) : null,
        c.escalated_to ? h("span", { class: "pg-tag" }, t("已提级 ", "Escalated ") + c.escalated_to) : null));
    const needs = STATES.indexOf(c.state) >= 2 && (!cached || cached.u !== c.updated_at);
    if (needs && observer) observer.observe(node);
    return node;
  };
  paint();
  try {
    let all = [], cursor;
    for (let i = 0; i < 5; i++) { // at most 5,000 cases on the board
      const res = await api("/v1/cases", { query: clean({ platform: params.platform, limit: 1000, cursor }) });
      all = all.concat(res.cases || []);
      if (!res.next) break;
      cursor = res.next;
    }
    st.cases = all;
  } catch (e) { st.error = e; }
  paint();
}

// ---- one case ----

async function renderCase(root, params) {
  const page = h("section", { class: "pg-page" });
  put(root, page);
  await loadMe();
  const st = { view: null, error: null, open: null, texts: new Map() };
  const reload = async () => {
    try { st.view = await api("/v1/cases/" + encodeURIComponent(params.id)); st.error = null; } catch (e) { st.error = e; }
    st.open = null; paint();
  };
  const paint = () => {
    const back = h("a", { href: "#/cases", class: "pg-back", text: t("← 案件看板", "← Case board") });
    if (st.error && !st.view) return put(page, back, failure(st.error));
    if (!st.view) return put(page, back, loading());
    put(page, back, ...caseView(st, reload, paint));
  };
  paint();
  await reload();
}

function caseView(st, reload, paint) {
  const v = st.view, c = v.case, avail = new Set(v.available || []);
  const late = overdue(c.due_at, c.state === "closed");
  const steps = h("ol", { class: "pg-steps" }, STATES.map((s) => h("li", { class: s === c.state ? "pg-step-on" : STATES.indexOf(s) < STATES.indexOf(c.state) ? "pg-step-done" : "" }, name(s))));
  const header = h("header", { class: "pg-head" },
    h("h1", {}, tx(c.title, c.title_en)),
    h("dl", { class: "pg-facts" },
      fact(t("编号", "Id"), h("span", { class: "pg-mono" }, c.id)), fact(t("状态", "State"), name(c.state)),
      fact(t("主体", "Subject"), subjectText(c.subject)), fact(t("管辖地区", "Region"), c.region),
      fact(t("承办人", "Assignee"), c.assignee),
      fact(t("截止", "Due"), c.due_at ? h("span", { class: late ? "pg-overdue" : "" }, fmtTime(c.due_at) + (late ? t("（已逾期）", " (overdue)") : "")) : null),
      fact(t("立案", "Opened"), fmtTime(c.opened_at)), fact(t("更新", "Updated"), fmtTime(c.updated_at)),
      c.closed_at ? fact(t("结案", "Closed"), fmtTime(c.closed_at)) : null,
      fact(t("直播间", "Rooms"), (c.rooms || []).join(", ")),
      fact(t("标记", "Flags"), [c.published && t("已公开", "published"), c.legal_hold && t("法律保全", "legal hold"), c.supervised && t("挂牌督办", "supervised"),
        c.escalated_to && t("提级至 ", "escalated to ") + c.escalated_to, (c.shared_with || []).length && t("共享给 ", "shared with ") + c.shared_with.join(", ")].filter(Boolean).join(" · ") || "—")),
    steps);
  const post = (path, body) => api(path, { method: "POST", body });
  const caseAct = (body) => post(`/v1/cases/${encodeURIComponent(c.id)}/actions`, body);
  const opts = (list) => list.map((k) => [k, name(k)]);
  // The forms of the case-level actions, opened one at a time.
  const regKinds = [...(can("actions.record") ? ["guidance", "interview", "penalty", "exposure"] : []), ...["escalate", "supervise", "share"].filter((k) => avail.has(k))];
  const FORMS = {
    assign: () => form([{ name: "assignee", label: t("承办人", "Assignee"), value: c.assignee || (principal && principal.name) || "", required: true },
      { name: "due", label: t("截止（北京时间，可选）", "Due (CST, optional)"), type: "datetime-local" }], name("assign"),
      (x) => caseAct({ kind: "assign", assignee: x.assignee, due_at: localToCST(x.due) }), reload),
    start_review: () => form([], name("start_review"), () => caseAct({ kind: "start_review" }), reload),
    notify: () => form([{ name: "notice", label: t("已送达的通知（可选）", "Notice sent (optional)"), type: "select",
      options: [["", "—"], ...(v.notices || []).map((n) => [n.id, `${n.id} · ${tx(n.measure, n.measure_en)}`])] }], name("notify"),
    (x) => caseAct({ kind: "notify", notice_id: x.notice || undefined }), reload),
    close: () => form([{ name: "reason", label: t("结案理由", "Reason"), type: "textarea", required: true }], name("close"), (x) => caseAct({ kind: "close", reason: x.reason }), reload),
    reopen: () => form([{ name: "reason", label: t("理由", "Reason"), type: "textarea", required: true }], name("reopen"), (x) => caseAct({ kind: "reopen", reason: x.reason }), reload),
    publish: () => form([], t("确认公开（去除个人信息）", "Publish (masked)"), () => caseAct({ kind: "publish" }), reload),
    unpublish: () => form([], t("确认撤回公开", "Confirm unpublish"), () => caseAct({ kind: "unpublish" }), reload),
    legal_hold: () => form([], c.legal_hold ? t("解除法律保全", "Lift the legal hold") : t("设置法律保全", "Set the legal hold"), () => caseAct({ kind: "legal_hold", hold: !c.legal_hold }), reload),
    set_region: () => form([{ name: "region", label: t("六位行政区划代码", "Six-digit division code"), value: c.region || "", pattern: "\\d{6}", required: true }], name("set_region"),
      (x) => caseAct({ kind: "set_region", region: x.region }), reload),
    propose: () => form([{ name: "kind", label: t("措施", "Measure"), type: "select", options: opts(MEASURES) },
      { name: "days", label: t("期限（天，政策上限适用）", "Days (the policy's caps apply)"), type: "number", step: "any" },
      { name: "reason", label: t("理由", "Reason"), type: "textarea" }, { name: "reason_en", label: t("理由（英文）", "Reason (English)"), type: "textarea" }], name("propose"),
    (x) => post(`/v1/cases/${encodeURIComponent(c.id)}/measures`, clean({ kind: x.kind, days: x.days ? Number(x.days) : undefined, reason: x.reason, reason_en: x.reason_en })), reload),
    regulatory: () => form([{ name: "kind", label: t("监管措施", "Instrument"), type: "select", options: opts(regKinds) },
      { name: "text", label: t("说明", "Text"), type: "textarea" },
      { name: "target", label: t("目标地区（提级、共享）", "Target region (escalate, share)"), pattern: "\\d{6}" },
      { name: "fine", label: t("罚款（元，行政处罚）", "Fine (yuan, penalty)"), type: "number", step: "0.01" }], t("记录", "Record"),
    (x) => post(`/v1/cases/${encodeURIComponent(c.id)}/regulatory-actions`, clean({ kind: x.kind, text: x.text,
      target: ["escalate", "share"].includes(x.kind) ? x.target : undefined,
      fine_fen: x.kind === "penalty" && x.fine ? Math.round(Number(x.fine) * 100) : undefined })), reload),
  };
  const keys = Object.keys(FORMS).filter((k) => (k === "regulatory" ? regKinds.length > 0 : avail.has(k)));
  const bar = h("div", { class: "pg-actions" },
    keys.map((k) => h("button", { class: "pg-btn" + (st.open === k ? " pg-active" : ""), onClick: () => { st.open = st.open === k ? null : k; paint(); },
      text: k === "regulatory" ? t("监管措施", "Regulatory instrument") : k === "legal_hold" ? (c.legal_hold ? t("解除保全", "Lift hold") : t("法律保全", "Legal hold")) : name(k) })),
    can("evidence.export") ? h("button", { class: "pg-btn", onClick: async (e) => {
      const btn = e.currentTarget, note = btn.nextElementSibling;
      btn.disabled = true; note.className = "pg-form-msg"; note.textContent = t("正在生成证据包…", "Building the bundle…");
      try { await download(`/v1/cases/${encodeURIComponent(c.id)}/evidence`, `case-${c.id}-evidence.zip`); note.textContent = ""; } catch (err) { note.className = "pg-form-msg pg-error"; note.textContent = errText(err); }
      btn.disabled = false;
    }, text: t("下载证据包", "Download evidence") }) : null,
    can("evidence.export") ? h("span", { class: "pg-form-msg" }) : null,
    can("directives.send") ? h("a", { class: "pg-btn", href: "#/directives?" + new URLSearchParams({ case: c.id, platform: c.subject.platform }), text: t("发出监管通知", "Send a directive") }) : null);
  const panel = st.open && FORMS[st.open] ? h("div", { class: "pg-card pg-panel" }, h("h3", {}, bar.querySelector(".pg-active")?.textContent || ""), FORMS[st.open]()) : null;
  const errBox = st.error ? failure(st.error) : null; // a reload that failed after the case was shown
  return [header, bar, panel, errBox,
    section(t("处置措施", "Measures"), measures(v, avail, reload)),
    section(t("发现", "Findings") + ` (${(v.findings || []).length})`, findings(v.findings)),
    section(t("通知", "Notices"), notices(v.notices, st, paint)),
    section(t("申诉", "Appeals"), appeals(v, avail, reload)),
    section(t("监管通知", "Directives"), (v.directives || []).length ? h("div", {}, v.directives.map((d) => directiveCard(d, reload))) : empty("没有监管通知", "No directives")),
    section(t("监管措施", "Regulators' actions"), regActions(v.actions)),
    section(t("备注", "Comments"), comments(c, avail, caseAct, reload))];
}

function findings(list) {
  if (!(list || []).length) return empty("没有发现", "No findings");
  const item = (f) => h("li", { class: "pg-item" },
    h("div", { class: "pg-item-head" }, severityBadge(f.severity), " ", h("span", { class: "pg-mono" }, f.rule), h("span", { class: "pg-muted" }, ` · ${f.kind} · ${f.room || "—"} · ${fmtTime(f.ts)}`),
      f.kind === "campaign" ? h("a", { href: "#/campaigns/" + encodeURIComponent(f.id), class: "pg-link-small", text: t(" 查看团伙 →", " campaign →") }) : null),
    h("div", {}, tx(f.summary, f.summary_en)),
    f.basis ? h("div", { class: "pg-muted pg-small" }, t("依据：", "Basis: ") + tx(f.basis, f.basis_en)) : null);
  // The newest first; a long case shows 20 and the rest on demand.
  const sorted = [...list].sort((a, b) => String(b.ts).localeCompare(String(a.ts)));
  const ul = h("ul", { class: "pg-list" }, sorted.slice(0, 20).map(item));
  const more = sorted.length > 20 ? h("button", { class: "pg-btn", text: t(`显示其余 ${sorted.length - 20} 条`, `Show the other ${sorted.length - 20}`),
    onClick: (e) => { ul.append(...sorted.slice(20).map(item)); e.currentTarget.remove(); } }) : null;
  return h("div", {}, ul, more);
}

function measures(v, avail, reload) {
  const list = v.measures || [];
  if (!list.length) return empty("没有处置措施", "No measures");
  return h("ul", { class: "pg-list" }, list.map((m) => h("li", { class: "pg-item" },
    h("div", { class: "pg-item-head" }, measureBadge(m), " ", h("strong", {}, name(m.state)), h("span", { class: "pg-muted" },
      ` · ${m.auto ? t("自动执行", "automatic") : t("需复核", "reviewed")} · ${t("扣分", "points")} ${m.points} · ${t("累计", "standing")} ${m.standing} · ${m.policy}`)),
    h("div", {}, t("期限：", "Period: "), m.duration ? `${days(m.duration)} ${t("天", "days")}` : t("无期限（一次性）", "none (one-off)"),
      m.starts_at ? ` · ${fmtTime(m.starts_at)} → ${m.ends_at ? fmtTime(m.ends_at) : "…"}` : ""),
    h("div", {}, t("理由：", "Reason: ") + tx(m.reason, m.reason_en)),
    h("div", { class: "pg-muted pg-small" }, t("依据：", "Basis: ") + tx(m.basis, m.basis_en)),
    m.decided_at ? h("div", { class: "pg-muted pg-small" }, t("决定：", "Decided: ") + `${m.decided_by || ""} ${fmtTime(m.decided_at)}`) : null,
    m.state === "proposed" && avail.has("decide") ? decideForm(m, reload) : null,
    m.state === "active" && avail.has("appeal") ? h("details", { class: "pg-details" }, h("summary", {}, t("提出申诉", "File an appeal")),
      form([{ name: "grounds", label: t("申诉理由", "Grounds"), type: "textarea", required: true }], t("提交申诉", "File"),
        (x) => api(`/v1/measures/${encodeURIComponent(m.id)}/appeals`, { method: "POST", body: { grounds: x.grounds } }), reload)) : null)));
}

function decideForm(m, reload) {
  const reason = h("input", { class: "pg-input", placeholder: t("理由（驳回时必填）", "Reason (required to reject)") });
  const msg = h("span", { class: "pg-form-msg" });
  const decide = async (approve) => {
    if (!approve && !reason.value.trim()) { msg.className = "pg-form-msg pg-error"; msg.textContent = t("请填写驳回理由", "Give a reason to reject"); return; }
    msg.className = "pg-form-msg"; msg.textContent = t("提交中…", "Sending…");
    try { await api(`/v1/measures/${encodeURIComponent(m.id)}/decision`, { method: "POST", body: clean({ approve, reason: reason.value.trim() }) }); reload(); } catch (e) { msg.className = "pg-form-msg pg-error"; msg.textContent = errText(e); }
  };
  return h("div", { class: "pg-form-row pg-decide" }, reason,
    h("button", { class: "pg-btn pg-primary", onClick: () => decide(true), text: t("批准", "Approve") }),
    h("button", { class: "pg-btn pg-danger", onClick: () => decide(false), text: t("驳回", "Reject") }), msg);
}

function notices(list, st, paint) {
  if (!(list || []).length) return empty("没有通知", "No notices");
  const lg = lang() === "en" ? "en" : "zh";
  return h("div", {}, list.map((n) => {
    const key = n.id + ":" + lg;
    if (!st.texts.has(key)) {
      st.texts.set(key, null);
      api(`/v1/notices/${encodeURIComponent(n.id)}`, { query: { format: "text", lang: lg } })
        .then((txt) => { st.texts.set(key, txt); paint(); }).catch(() => st.texts.set(key, false));
    }
    const txt = st.texts.get(key);
    const body = typeof txt === "string" ? h("pre", { class: "pg-notice" }, txt) : h("div", { class: "pg-notice" }, // structured, until (or unless) the text arrives
      [[t("事实", "Facts"), tx(n.facts, n.facts_en)], [t("理由", "Reasons"), tx(n.reasons, n.reasons_en)], [t("依据", "Basis"), tx(n.basis, n.basis_en)],
        [t("措施", "Measure"), tx(n.measure, n.measure_en)], [t("期限", "Duration"), tx(n.duration, n.duration_en) + (n.starts_at ? ` (${fmtTime(n.starts_at)} → ${n.ends_at ? fmtTime(n.ends_at) : "…"})` : "")],
        [t("申诉", "Appeal"), tx(n.appeal, n.appeal_en) + (n.appeal_by ? ` (${t("截止", "by")} ${fmtTime(n.appeal_by)})` : "")]]
        .map(([k, x]) => h("p", {}, h("strong", {}, k + "："), x)));
    return h("details", { class: "pg-details", open: list.length <= 2 },
      h("summary", {}, `${name(n.kind)} · ${n.id} · ${subjectText(n.subject)} · ${fmtTime(n.issued_at)}`), body);
  }));
}

function appeals(v, avail, reload) {
  const list = v.appeals || [];
  if (!list.length) return empty("没有申诉", "No appeals");
  return h("ul", { class: "pg-list" }, list.map((a) => h("li", { class: "pg-item" },
    h("div", { class: "pg-item-head" }, h("strong", {}, name(a.state)), h("span", { class: "pg-muted" }, ` · ${a.id} · ${t("措施", "measure")} ${a.measure_id} · ${a.filed_by} · ${fmtTime(a.filed_at)}`)),
    h("div", {}, t("理由：", "Grounds: ") + a.grounds),
    a.reviewed_at ? h("div", { class: "pg-muted" }, t("复核：", "Reviewed: ") + `${a.reviewed_by || ""} ${fmtTime(a.reviewed_at)} — ${a.outcome || ""}`) : null,
    a.state === "filed" && avail.has("review_appeal") ? form([{ name: "upheld", label: t("复核结论", "Result"), type: "select", options: [["true", t("维持原措施", "Uphold the measure")], ["false", t("撤销原措施", "Overturn (revoke)")]] },
      { name: "outcome", label: t("复核理由", "Reasons"), type: "textarea", required: true }], t("提交复核", "Review"),
    (x) => api(`/v1/appeals/${encodeURIComponent(a.id)}/review`, { method: "POST", body: { upheld: x.upheld === "true", outcome: x.outcome } }), reload) : null)));
}

function regActions(list) {
  if (!(list || []).length) return empty("没有监管措施", "No regulators' actions");
  return h("ul", { class: "pg-list" }, list.map((a) => h("li", { class: "pg-item" },
    h("div", { class: "pg-item-head" }, h("strong", {}, name(a.kind)), h("span", { class: "pg-muted" }, ` · ${a.region} · ${a.by} · ${fmtTime(a.at)}`),
      a.target ? ` → ${a.target}` : "", a.fine_fen != null ? ` · ${t("罚款", "fine")} ¥${(a.fine_fen / 100).toLocaleString()}` : ""),
    a.text ? h("div", {}, a.text) : null)));
}

function comments(c, avail, caseAct, reload) {
  return h("div", {},
    (c.comments || []).length ? h("ul", { class: "pg-list" }, c.comments.map((x) => h("li", { class: "pg-item" },
      h("div", { class: "pg-muted pg-small" }, `${x.author} · ${fmtTime(x.at)}`), h("div", { class: "pg-pre" }, x.text)))) : empty("没有备注", "No comments"),
    avail.has("comment") ? form([{ name: "text", label: t("添加备注", "Add a comment"), type: "textarea", required: true }], t("发表", "Post"),
      (x) => caseAct({ kind: "comment", text: x.text }), reload) : null);
}

// ---- directives ----

// nextStep is the platform's next answer to directive d, or null when done.
export function nextStep(d) {
  if (d.reported_at || d.state === "reported") return null;
  if (!d.acknowledged_at) return "acknowledge";
  if (!d.acted_at) return "act";
  return "report";
}
const STEP = { acknowledge: ["签收", "Acknowledge"], act: ["报告处置", "Report the action"], report: ["报告办结", "Report back"] };

function directiveCard(d, reload) {
  const late = overdue(d.deadline, !!d.reported_at);
  const step = can("directives.answer") ? nextStep(d) : null;
  return h("div", { class: "pg-item pg-directive" + (late ? " pg-late" : "") },
    h("div", { class: "pg-item-head" }, h("strong", {}, name(d.kind)), " ", h("span", { class: "pg-tag pg-ds-" + d.state }, name(d.state)),
      h("span", { class: "pg-muted" }, ` · ${d.id} · ${t("地区", "region")} ${d.region} → ${d.platform}`),
      d.case_id ? h("a", { href: "#/cases/" + encodeURIComponent(d.case_id), class: "pg-link-small" }, ` · ${d.case_id}`) : null),
    h("div", { class: late ? "pg-overdue" : "" }, t("期限：", "Deadline: ") + fmtTime(d.deadline) + (late ? t("（已逾期）", " (overdue)") : "")),
    h("div", { class: "pg-pre" }, tx(d.text, d.text_en)),
    h("div", { class: "pg-muted pg-small" }, [[t("发送", "sent"), d.sent_at], [t("签收", "acknowledged"), d.acknowledged_at], [t("处置", "acted"), d.acted_at],
      [t("办结", "reported"), d.reported_at], [t("升级", "escalated"), d.escalated_at]].filter(([, x]) => x).map(([k, x]) => `${k} ${fmtTime(x)}`).join(" · ") +
      (d.escalated_to ? ` → ${d.escalated_to}` : "")),
    d.report ? h("div", {}, t("报告：", "Report: ") + d.report) : null,
    (d.evidence || []).length ? h("div", { class: "pg-small pg-mono" }, t("证据：", "Evidence: ") + d.evidence.join(", ")) : null,
    step ? h("details", { class: "pg-details" }, h("summary", {}, t(...STEP[step])),
      form(step === "acknowledge" ? [] : [{ name: "text", label: t("做了什么", "What was done"), type: "textarea", required: true },
        { name: "evidence", label: t("证据编号（发现、措施、通知，逗号分隔）", "Evidence ids (findings, measures, notices; comma separated)") }], t(...STEP[step]),
      (x) => api(`/v1/directives/${encodeURIComponent(d.id)}/answers`, { method: "POST", body: clean({ step, text: x.text,
        evidence: x.evidence ? x.evidence.split(/[,，\s]+/).filter(Boolean) : undefined }) }), reload)) : null);
}

async function renderDirectives(root, params) {
  const page = h("section", { class: "pg-page" });
  put(root, page);
  await loadMe();
  const st = { items: null, next: null, error: null };
  const query = clean({ platform: params.platform && !params.case ? params.platform : undefined, state: params.state, overdue: params.overdue === "1" ? "true" : undefined, limit: 200 });
  const setParam = (k, v) => go("#/directives?" + new URLSearchParams(clean({ ...params, [k]: v })));
  const load = async (more) => {
    try {
      const res = await api("/v1/directives", { query: clean({ ...query, cursor: more ? st.next : undefined }) });
      st.items = [...(more ? st.items : []), ...(res.directives || [])]; st.next = res.next || null; st.error = null;
    } catch (e) { st.error = e; }
    paint();
  };
  const paint = () => {
    const filters = h("div", { class: "pg-filters" },
      h("select", { class: "pg-input", onChange: (e) => setParam("state", e.target.value) },
        [["", t("全部状态", "All states")], ...["sent", "acknowledged", "acted", "reported", "escalated"].map((k) => [k, name(k)])].map(([v, l]) => h("option", { value: v, selected: (params.state || "") === v }, l))),
      h("input", { class: "pg-input", type: "search", placeholder: t("平台", "Platform"), value: params.case ? "" : params.platform || "", onChange: (e) => setParam("platform", e.target.value.trim()) }),
      h("label", { class: "pg-check" }, h("input", { type: "checkbox", checked: params.overdue === "1", onChange: (e) => setParam("overdue", e.target.checked ? "1" : "") }), t("仅逾期", "Overdue only")));
    const send = can("directives.send") ? h("details", { class: "pg-card pg-details", open: !!params.case }, h("summary", {}, t("发出监管通知", "Send a directive")),
      form([{ name: "kind", label: t("类型", "Kind"), type: "select", options: [["request_to_act", name("request_to_act")], ["clue_transfer", name("clue_transfer")]] },
        { name: "region", label: t("本机关辖区（六位代码）", "Your jurisdiction (six digits)"), value: (principal && principal.region) || "", pattern: "\\d{6}", required: true },
        { name: "platform", label: t("平台", "Platform"), value: params.platform || "", required: true },
        { name: "case_id", label: t("案件编号（可选）", "Case id (optional)"), value: params.case || "" },
        { name: "text", label: t("通知内容", "Text"), type: "textarea", required: true },
        { name: "text_en", label: t("英文内容（可选）", "English text (optional)"), type: "textarea" },
        { name: "deadline", label: t("期限（北京时间）", "Deadline (China Standard Time)"), type: "datetime-local", required: true }], t("发送", "Send"),
      (x) => api("/v1/directives", { method: "POST", body: clean({ ...x, deadline: localToCST(x.deadline) }) }), () => load(false))) : null;
    let body;
    if (st.error) body = failure(st.error);
    else if (!st.items) body = loading();
    else if (!st.items.length) body = empty("没有监管通知", "No directives");
    else body = h("div", {}, st.items.map((d) => directiveCard(d, () => load(false))),
      st.next ? h("button", { class: "pg-btn", onClick: () => load(true), text: t("加载更多", "Load more") }) : null);
    put(page, h("header", { class: "pg-head" }, h("h1", {}, t("监管通知", "Directives")),
      h("p", { class: "pg-sub", text: t("监管部门向平台发出的限期通知：签收、处置、报告；逾期自动升级。", "Regulators' notices to platforms with deadlines: acknowledge, act, report; overdue ones escalate.") })),
    send, filters, body);
  };
  paint();
  await load(false);
}

register("#/cases", { title: ["案件", "Cases"], action: "cases.read", render: renderBoard });
register("#/cases/:id", { title: ["案件详情", "Case"], action: "cases.read", render: renderCase });
register("#/directives", { title: ["监管通知", "Directives"], action: "directives.read", render: renderDirectives });
