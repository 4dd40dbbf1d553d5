// queue.js: the review queue (#/queue). Findings not yet reviewed, with
// their summary, basis, evidence and the room's lines around them; confirm,
// dismiss (with a reason) or escalate each, or the selected ones at once,
// with POST /v1/findings/{id}/review; the history from GET /v1/reviews.
// Keyboard: j/k move, c confirm, d dismiss, e escalate, x select, h history,
// ? help.
import { register, api, el, t, fmtTime, severityBadge, streamFindings, go, me } from "./app.js";
import {
  clock, summaryOf, basisOf, kindName, evidenceView, markText, matchedOf, toast, spinner, emptyNote, errorNote, dl,
} from "./widgets.js";

const DECISIONS = {
  confirm: { label: ["确认", "Confirm"], done: ["已确认", "confirmed"], key: "c" },
  dismiss: { label: ["驳回", "Dismiss"], done: ["已驳回", "dismissed"], key: "d" },
  escalate: { label: ["升级", "Escalate"], done: ["已升级", "escalated"], key: "e" },
};

const REASONS = [
  ["合法表述，未构成违规", "lawful wording, no violation"],
  ["证据不足", "insufficient evidence"],
  ["识别错误（语音转写或文本）", "misrecognised (transcript or text)"],
  ["重复发现", "duplicate finding"],
];

const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 };

register("#/queue", {
  title: ["复核队列", "Review queue"],
  action: "findings.review",
  render: async (root, params, { signal }) => {
    root.classList.add("queue-page");
    await new Queue(root, params, signal).start();
  },
});

function decisionBadge(d) {
  const spec = DECISIONS[d];
  return el("span", { class: `badge decision decision-${spec ? d : "unknown"}` }, spec ? t(...spec.done) : d);
}

function queueHash(params) {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
  return `#/queue${q.toString() ? `?${q}` : ""}`;
}

class Queue {
  constructor(root, params, signal) {
    Object.assign(this, { root, params, signal });
    this.tab = params.tab === "history" ? "history" : "queue";
    this.filter = { platform: params.platform || "", severity: params.severity || "", kind: params.kind || "" };
    this.items = []; // findings to review, in display order
    this.reviewed = new Map(); // finding id → review
    this.selected = new Set();
    this.current = 0;
    this.next = ""; // cursor of GET /v1/findings
    this.busy = false;
    this.contexts = new Map(); // finding id → promise of its room's lines
  }

  async start() {
    this.layout();
    document.addEventListener("keydown", this.onKey, { signal: this.signal });
    try {
      await this.loadReviews();
      if (this.tab === "queue") await this.loadMore();
    } catch (e) {
      if (e.name === "AbortError") return;
      this.listBox.replaceChildren(errorNote(e));
      return;
    }
    this.render();
    if (this.tab === "queue") {
      streamFindings(this.filter, (f) => this.arrived(f), this.signal);
    }
  }

  // --- data ---

  async loadReviews() {
    let cursor = "";
    const all = [];
    for (let i = 0; i < 10; i++) {
      const page = await api("/v1/reviews", { query: { limit: 1000, cursor }, signal: this.signal });
      all.push(...(page.reviews || []));
      cursor = page.next || "";
      if (!cursor) break;
    }
    this.history = all;
    for (const r of all.slice().reverse()) this.reviewed.set(r.finding_id, r); // newest wins
  }

  // loadMore reads pages of findings until some are left to review.
  async loadMore() {
    const seen = new Set(this.items.map((f) => f.id));
    for (let i = 0; i < 10; i++) {
      const page = await api("/v1/findings", { query: { ...this.filter, limit: 200, cursor: this.next }, signal: this.signal });
      for (const f of page.findings || []) {
        if (!seen.has(f.id) && !this.reviewed.has(f.id)) {
          this.items.push(f);
          seen.add(f.id);
        }
      }
      this.next = page.next || "";
      if (!this.next || this.items.length >= 50) break;
    }
  }

  arrived(f) {
    if (this.reviewed.has(f.id)) return;
    const i = this.items.findIndex((x) => x.id === f.id);
    if (i >= 0) {
      this.items[i] = f; // a campaign grew: the last version is current
    } else {
      const cur = this.items[this.current];
      this.items.unshift(f);
      if (cur) this.current = this.items.indexOf(cur);
    }
    this.render();
  }

  // --- layout ---

  layout() {
    const select = (name, options) => el("select", {
      "aria-label": options[0][1],
      onChange: (e) => go(queueHash({ ...this.filter, [name]: e.target.value, tab: this.tab === "history" ? "history" : "" })),
    }, options.map(([v, label]) => el("option", { value: v, selected: this.filter[name] === v }, label)));
    this.countBadge = el("span", { class: "count-badge" }, "…");
    this.tabs = el("div", { class: "tabs", role: "tablist" },
      el("button", { type: "button", role: "tab", "aria-selected": String(this.tab === "queue"), onClick: () => this.switchTab("queue") },
        t("待复核", "To review"), " ", this.countBadge),
      el("button", { type: "button", role: "tab", "aria-selected": String(this.tab === "history"), id: "tab-history", onClick: () => this.switchTab("history") },
        t("复核记录", "History")));
    this.helpBox = el("div", { class: "shortcut-help", hidden: true, role: "note", "aria-label": t("快捷键", "Keyboard shortcuts") },
      el("h3", null, t("快捷键", "Keyboard shortcuts")),
      dl([
        [el("span", null, el("kbd", null, "j"), " / ", el("kbd", null, "k")), t("下一条 / 上一条", "next / previous")],
        [el("kbd", null, "c"), t("确认（有选中时作用于所选）", "confirm (the selected ones, if any)")],
        [el("kbd", null, "d"), t("驳回，须填写理由", "dismiss, with a reason")],
        [el("kbd", null, "e"), t("升级：相关案件 24 小时内处理", "escalate: its cases due within 24 h")],
        [el("kbd", null, "x"), t("选中 / 取消选中", "select / unselect")],
        [el("kbd", null, "h"), t("切换待复核与复核记录", "switch between the queue and the history")],
        [el("kbd", null, "?"), t("显示 / 隐藏本帮助", "show / hide this help")],
      ], "kv kv-keys"));
    this.root.append(
      el("div", { class: "page-head page-head-row" },
        el("div", null,
          el("h1", null, t("复核队列", "Review queue")),
          el("p", { class: "muted" }, t("逐条核对证据后确认、驳回或升级；结论写入审计日志并作用于相关案件。",
            "Check each finding's evidence, then confirm, dismiss or escalate it; the decision goes to the audit log and acts on its cases."))),
        el("div", { class: "filters" },
          select("severity", [["", t("全部严重程度", "All severities")], ["critical", t("严重", "critical")], ["high", t("高", "high")], ["medium", t("中", "medium")], ["low", t("低", "low")]]),
          select("kind", [["", t("全部类型", "All kinds")], ["claim", kindName("claim")], ["listing", kindName("listing")], ["campaign", kindName("campaign")], ["qualification", kindName("qualification")]]),
          el("button", { type: "button", class: "btn btn-quiet", "aria-expanded": "false", onClick: (e) => this.toggleHelp(e.currentTarget) }, el("kbd", null, "?"), " ", t("快捷键", "Shortcuts")))),
      this.tabs,
      this.helpBox);
    this.listBox = el("div", { class: "queue-list", role: "listbox", tabIndex: 0, "aria-label": t("待复核的发现", "Findings to review"), "aria-multiselectable": "true" }, spinner());
    this.detail = el("div", { class: "queue-detail card" });
    this.bulkBar = el("div", { class: "bulk-bar", hidden: true });
    this.historyBox = el("div", { class: "history card" });
    const shortcutBar = el("div", { class: "shortcut-bar", "aria-hidden": "true" }, [
      ["j", "k", t("移动", "move")], ["c", t("确认", "confirm")], ["d", t("驳回", "dismiss")],
      ["e", t("升级", "escalate")], ["x", t("选择", "select")], ["h", t("记录", "history")], ["?", t("帮助", "help")],
    ].map((parts) => el("span", null, parts.slice(0, -1).map((k) => el("kbd", null, k)), " ", parts[parts.length - 1])));
    this.queueView = el("div", { class: "queue-view" },
      el("div", { class: "queue-left card" }, this.bulkBar, this.listBox, shortcutBar),
      this.detail);
    this.root.append(this.queueView, this.historyBox);
    this.showTab();
  }

  toggleHelp(button) {
    this.helpBox.hidden = !this.helpBox.hidden;
    (button || this.root.querySelector("[aria-expanded]"))?.setAttribute("aria-expanded", String(!this.helpBox.hidden));
  }

  switchTab(tab) {
    if (tab === this.tab) return;
    this.tab = tab;
    history.replaceState(null, "", queueHash({ ...this.filter, tab: tab === "history" ? "history" : "" }));
    this.showTab();
    if (tab === "history") this.refreshHistory();
    else if (!this.items.length && !this.loadedQueue) this.loadMore().then(() => this.render()).catch((e) => this.listBox.replaceChildren(errorNote(e)));
  }

  showTab() {
    for (const b of this.tabs.querySelectorAll("[role=tab]")) {
      b.setAttribute("aria-selected", String((b.id === "tab-history") === (this.tab === "history")));
    }
    this.queueView.hidden = this.tab !== "queue";
    this.historyBox.hidden = this.tab !== "history";
    if (this.tab === "history") this.renderHistory();
  }

  render() {
    this.loadedQueue = true;
    // the most severe first, then the newest
    this.items.sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) || (a.ts < b.ts ? 1 : a.ts > b.ts ? -1 : 0));
    this.countBadge.textContent = `${this.items.length}${this.next ? "+" : ""}`;
    this.current = Math.min(Math.max(0, this.current), Math.max(0, this.items.length - 1));
    if (!this.items.length) {
      this.listBox.replaceChildren(emptyNote(t("没有待复核的发现。", "Nothing to review.")));
      this.detail.replaceChildren(el("div", { class: "empty-state" }, el("h2", null, t("队列已清空", "All clear")),
        el("p", null, t("新发现会实时出现在这里。", "New findings appear here as they are made."))));
    } else {
      this.listBox.replaceChildren(...this.items.map((f, i) => this.row(f, i)));
      if (this.next) {
        this.listBox.append(el("div", { class: "more" }, el("button", {
          type: "button", class: "btn btn-small btn-quiet",
          onClick: async () => { await this.loadMore(); this.render(); },
        }, t("加载更多", "Load more"))));
      }
      this.renderDetail();
    }
    this.renderBulk();
    if (this.tab === "history") this.renderHistory();
  }

  row(f, i) {
    const checked = this.selected.has(f.id);
    return el("div", {
      class: ["q-row", i === this.current ? "current" : "", checked ? "selected" : ""],
      role: "option", "aria-selected": String(i === this.current), id: `q-${i}`,
      dataset: { findingId: f.id },
      onClick: (e) => { if (e.target.type !== "checkbox") this.move(i - this.current); },
    },
    el("input", {
      type: "checkbox", checked, "aria-label": t("选中", "select"), tabIndex: -1,
      onChange: () => this.toggle(f.id),
    }),
    el("div", { class: "q-main" },
      el("div", { class: "q-top" }, severityBadge(f.severity), el("span", { class: "kind" }, kindName(f.kind)),
        el("code", { class: "rule" }, f.rule), el("time", { datetime: f.ts, title: fmtTime(f.ts) }, fmtTime(f.ts).slice(5, 16))),
      el("div", { class: "q-summary" }, summaryOf(f)),
      el("div", { class: "q-where muted small" }, [f.platform, f.room].filter(Boolean).join(" / "))));
  }

  move(delta) {
    if (!this.items.length) return;
    const prev = this.listBox.querySelector(".q-row.current");
    this.current = Math.min(Math.max(0, this.current + delta), this.items.length - 1);
    prev?.classList.remove("current");
    prev?.setAttribute("aria-selected", "false");
    const row = this.listBox.querySelector(`#q-${this.current}`);
    row?.classList.add("current");
    row?.setAttribute("aria-selected", "true");
    row?.scrollIntoView({ block: "nearest" });
    this.listBox.setAttribute("aria-activedescendant", `q-${this.current}`);
    this.renderDetail();
  }

  toggle(id) {
    if (this.selected.has(id)) this.selected.delete(id);
    else this.selected.add(id);
    const i = this.items.findIndex((f) => f.id === id);
    const row = this.listBox.querySelector(`#q-${i}`);
    row?.classList.toggle("selected", this.selected.has(id));
    const box = row?.querySelector("input[type=checkbox]");
    if (box) box.checked = this.selected.has(id);
    this.renderBulk();
  }

  renderBulk() {
    const n = this.selected.size;
    this.bulkBar.hidden = n === 0;
    if (!n) return;
    this.bulkBar.replaceChildren(
      el("span", null, t(`已选 ${n} 条`, `${n} selected`)),
      ...Object.keys(DECISIONS).map((d) => el("button", {
        type: "button", class: `btn btn-small btn-${d}`, onClick: () => this.decide(d),
      }, t(...DECISIONS[d].label))),
      el("button", { type: "button", class: "btn btn-small btn-quiet", onClick: () => { this.selected.clear(); this.render(); } }, t("取消选择", "Clear")));
  }

  renderDetail() {
    const f = this.items[this.current];
    if (!f) return;
    const actions = el("div", { class: "actions" }, Object.entries(DECISIONS).map(([d, spec]) => el("button", {
      type: "button", class: `btn btn-${d}`, onClick: () => this.decide(d, [f]), disabled: this.busy,
    }, t(...spec.label), " ", el("kbd", null, spec.key))));
    const basis = basisOf(f);
    const where = f.room
      ? el("a", { href: `#/monitor?platform=${encodeURIComponent(f.platform)}&room=${encodeURIComponent(f.room)}` }, `${f.platform} / ${f.room}`)
      : f.platform;
    const context = el("div", { class: "context" });
    this.detail.replaceChildren(...[
      el("div", { class: "detail-head" },
        el("div", { class: "detail-title" }, severityBadge(f.severity), el("span", { class: "kind" }, kindName(f.kind)), el("code", null, f.rule)),
        actions),
      el("h2", { class: "detail-summary" }, summaryOf(f)),
      dl([
        [t("直播间", "Room"), where],
        [t("证据时间", "Evidence at"), fmtTime(f.ts)],
        [t("发现时间", "Detected at"), fmtTime(f.detected_at)],
        [t("账号", "Accounts"), f.accounts?.length ? `${f.accounts.length}: ${f.accounts.slice(0, 12).join(", ")}${f.accounts.length > 12 ? " …" : ""}` : null],
        [t("发现编号", "Finding id"), el("code", null, f.id)],
        [t("团伙", "Campaign"), f.kind === "campaign" ? el("a", { href: `#/campaigns/${encodeURIComponent(f.id)}` }, t("查看团伙全貌 →", "The whole campaign →")) : null],
      ]),
      basis ? el("div", { class: "basis" }, el("h3", null, t("法律依据", "Legal basis")), el("p", null, basis)) : null,
      el("div", null, el("h3", null, t("证据", "Evidence")), evidenceView(f)),
      f.room && f.kind !== "campaign" ? el("div", null, el("h3", null, t("现场记录", "In the room")), context) : null,
    ].filter(Boolean));
    if (f.room && f.kind !== "campaign") this.fillContext(f, context);
  }

  // fillContext shows the room's speech and comments in the 90 s before
  // the finding, its own lines marked.
  async fillContext(f, box) {
    box.replaceChildren(spinner());
    if (!this.contexts.has(f.id)) {
      const to = new Date(new Date(f.ts).getTime() + 1000).toISOString();
      const from = new Date(new Date(f.ts).getTime() - 90000).toISOString();
      this.contexts.set(f.id, api(`/v1/rooms/${encodeURIComponent(f.room)}/events`, {
        query: { platform: f.platform, type: "speech,comment", from, to, limit: 200 }, signal: this.signal,
      }).then((r) => r.events || []));
    }
    try {
      const evs = (await this.contexts.get(f.id)).slice(-30);
      const ids = new Set(f.event_ids || []);
      const matched = matchedOf(f);
      box.replaceChildren(evs.length ? el("div", { class: "lines lines-static" }, evs.map((ev) => el("div", {
        class: ["line", ev.type, ids.has(ev.id) ? `finding sev-${f.severity}` : ""],
      },
      el("time", { datetime: ev.ts, title: fmtTime(ev.ts) }, clock(ev.ts)),
      el("span", { class: "who" }, ev.type === "speech" ? ev.speaker || "" : ev.user || ""),
      el("span", { class: "text" }, ids.has(ev.id) ? markText(ev.text || "", [matched]) : ev.text || "")))) : emptyNote(t("没有记录", "No lines")));
      // show the finding's own lines, with what came just before
      const lines = box.querySelector(".lines-static");
      const hit = lines?.querySelector(".line.finding");
      if (hit) lines.scrollTop = Math.max(0, hit.offsetTop - lines.clientHeight / 2);
    } catch (e) {
      if (e.name !== "AbortError") box.replaceChildren(errorNote(e));
    }
  }

  // --- decisions ---

  // decide reviews the findings (by default the selected ones, else the
  // current one): dismiss asks for the reason first.
  async decide(decision, findings) {
    if (this.busy) return;
    const targets = findings || (this.selected.size
      ? this.items.filter((f) => this.selected.has(f.id))
      : [this.items[this.current]].filter(Boolean));
    if (!targets.length) return;
    let reason = "";
    if (decision === "dismiss") {
      reason = await askReason(targets.length);
      if (reason == null) return;
    }
    this.busy = true;
    this.detail.querySelectorAll(".actions button").forEach((b) => { b.disabled = true; });
    const done = [];
    const failed = [];
    for (const f of targets) {
      try {
        const rv = await api(`/v1/findings/${encodeURIComponent(f.id)}/review`, { method: "POST", body: { decision, reason }, signal: this.signal });
        done.push(f.id);
        const record = rv && rv.finding_id ? rv : { finding_id: f.id, decision, reason, by: me()?.name, at: new Date().toISOString() };
        this.reviewed.set(f.id, record);
        this.history = [record, ...(this.history || []).filter((r) => r.finding_id !== f.id)];
      } catch (e) {
        if (e.name === "AbortError") return;
        failed.push([f, e]);
      }
    }
    this.busy = false;
    const cur = this.items[this.current];
    this.items = this.items.filter((f) => !done.includes(f.id));
    for (const id of done) this.selected.delete(id);
    const stay = this.items.indexOf(cur);
    if (stay >= 0) this.current = stay; // the current finding is still there
    // else the next one moved up into the same position
    this.render();
    if (done.length) toast(t(`${DECISIONS[decision].done[0]} ${done.length} 条`, `${done.length} ${DECISIONS[decision].done[1]}`), "ok");
    for (const [f, e] of failed) toast(`${f.rule}: ${e.message}`, "error");
    this.listBox.focus({ preventScroll: true });
  }

  // --- history ---

  async refreshHistory() {
    try {
      await this.loadReviews();
    } catch (e) {
      if (e.name !== "AbortError") this.historyBox.replaceChildren(errorNote(e));
      return;
    }
    this.renderHistory();
  }

  renderHistory() {
    const list = this.history || [];
    if (!list.length) {
      this.historyBox.replaceChildren(emptyNote(t("还没有复核记录。", "No reviews yet.")));
      return;
    }
    const known = new Map([...this.items, ...(this.historyFindings?.values() || [])].filter(Boolean).map((f) => [f.id, f]));
    const rows = list.slice(0, 200).map((r) => {
      const f = known.get(r.finding_id);
      return el("tr", { dataset: { findingId: r.finding_id } },
        el("td", { class: "num" }, fmtTime(r.at)),
        el("td", null, decisionBadge(r.decision)),
        el("td", null, f ? el("div", null, severityBadge(f.severity), " ", el("code", null, f.rule)) : null,
          el("div", { class: f ? "small muted" : "" }, f ? summaryOf(f) : el("code", null, r.finding_id))),
        el("td", null, r.room ? el("a", { href: `#/monitor?platform=${encodeURIComponent(r.platform)}&room=${encodeURIComponent(r.room)}` }, r.room) : r.platform || ""),
        el("td", null, r.reason || ""),
        el("td", null, r.by || ""),
        el("td", null, (r.cases || []).map((id) => el("a", { href: `#/cases/${encodeURIComponent(id)}`, class: "case-link" }, id))));
    });
    this.historyBox.replaceChildren(el("table", { class: "table history-table" },
      el("thead", null, el("tr", null, [t("时间", "When"), t("结论", "Decision"), t("发现", "Finding"), t("直播间", "Room"), t("理由", "Reason"), t("复核人", "By"), t("案件", "Cases")].map((h) => el("th", null, h)))),
      el("tbody", null, rows)));
    this.fetchHistoryFindings(list.slice(0, 50).map((r) => r.finding_id).filter((id) => !known.has(id)));
  }

  // fetchHistoryFindings reads the findings the history names but the
  // queue does not hold, to show what they were.
  async fetchHistoryFindings(ids) {
    if (!ids.length) return;
    this.historyFindings ||= new Map();
    const missing = ids.filter((id) => !this.historyFindings.has(id));
    if (!missing.length) return;
    for (const id of missing) this.historyFindings.set(id, null);
    await Promise.all(missing.map(async (id) => {
      try {
        this.historyFindings.set(id, await api(`/v1/findings/${encodeURIComponent(id)}`, { signal: this.signal }));
      } catch {
        this.historyFindings.delete(id);
      }
    }));
    for (const [id, f] of this.historyFindings) if (!f) this.historyFindings.delete(id);
    if (!this.signal.aborted && this.tab === "history") this.renderHistory();
  }

  // --- keyboard ---

  onKey = (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const tag = e.target?.tagName;
    if (tag === "INPUT" && e.target.type !== "checkbox" || tag === "TEXTAREA" || tag === "SELECT" || e.target?.isContentEditable) return;
    if (document.querySelector("dialog[open]")) return;
    const k = e.key;
    if (k === "?") { this.toggleHelp(); e.preventDefault(); return; }
    if (k === "h") { this.switchTab(this.tab === "queue" ? "history" : "queue"); e.preventDefault(); return; }
    if (this.tab !== "queue") return;
    switch (k) {
      case "j": case "ArrowDown": this.move(1); break;
      case "k": case "ArrowUp": this.move(-1); break;
      case "x": { const f = this.items[this.current]; if (f) this.toggle(f.id); break; }
      case "c": this.decide("confirm"); break;
      case "d": this.decide("dismiss"); break;
      case "e": this.decide("escalate"); break;
      default: return;
    }
    e.preventDefault();
  };
}

// askReason asks for the reason of a dismissal in a modal dialog; it
// answers the reason, or null when cancelled.
function askReason(n) {
  return new Promise((resolve) => {
    const input = el("textarea", { id: "dismiss-reason", rows: 3, maxlength: 2000, required: true, placeholder: t("驳回理由（必填）", "Reason for dismissing (required)") });
    const dialog = el("dialog", { class: "dialog", "aria-labelledby": "dismiss-title" },
      el("form", {
        method: "dialog",
        onSubmit: (e) => {
          if (e.submitter?.value === "cancel") return;
          if (!input.value.trim()) { e.preventDefault(); input.focus(); return; }
        },
      },
      el("h2", { id: "dismiss-title" }, n > 1 ? t(`驳回所选 ${n} 条发现`, `Dismiss ${n} findings`) : t("驳回发现", "Dismiss the finding")),
      el("p", { class: "muted" }, t("理由会写入相关案件与审计日志。", "The reason goes to its cases and the audit log.")),
      el("div", { class: "chips" }, REASONS.map((r, i) => el("button", {
        type: "button", class: "chip",
        onClick: () => { input.value = t(...r); input.focus(); },
      }, el("kbd", null, String(i + 1)), " ", t(...r)))),
      el("label", { for: "dismiss-reason" }, t("理由", "Reason")),
      input,
      el("div", { class: "dialog-actions" },
        el("button", { type: "submit", value: "cancel", class: "btn btn-quiet", formnovalidate: true }, t("取消", "Cancel"), " ", el("kbd", null, "Esc")),
        el("button", { type: "submit", value: "ok", class: "btn btn-dismiss" }, t("驳回", "Dismiss"), " ", el("kbd", null, "Enter")))));
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey) {
        e.preventDefault();
        dialog.querySelector("button[value=ok]").click();
      }
    });
    dialog.addEventListener("keydown", (e) => {
      // 1–4 pick a reason while the field is empty
      if ((e.target !== input || !input.value) && /^[1-9]$/.test(e.key) && REASONS[Number(e.key) - 1]) {
        input.value = t(...REASONS[Number(e.key) - 1]);
        input.focus();
        e.preventDefault();
      }
    });
    dialog.addEventListener("close", () => {
      const ok = dialog.returnValue === "ok" && input.value.trim();
      dialog.remove();
      resolve(ok ? input.value.trim() : null);
    });
    document.body.append(dialog);
    dialog.showModal();
    // The reason field takes the focus once the key that opened the dialog
    // is released, so that its character cannot land in the field.
    dialog.tabIndex = -1;
    dialog.focus();
    const focusInput = () => { if (dialog.open && document.activeElement === dialog) input.focus(); };
    document.addEventListener("keyup", focusInput, { once: true });
    setTimeout(focusInput, 400);
  });
}
