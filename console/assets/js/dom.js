// Small DOM helpers the page modules share, on top of app.js's el():
// h builds an HTML element (class through el(); text, title, dataset,
// on* listeners, properties and attributes here), s an SVG element, and a
// few one-liners for the usual states of a page. Nothing here uses
// innerHTML: data always goes in as text.
import { el, t } from "./app.js";

// PROPS are set as properties, not attributes (their state, not their
// default).
const PROPS = new Set(["value", "checked", "disabled", "selected", "type", "required"]);

export function h(tag, attrs, ...kids) {
  attrs = attrs || {};
  const children = kids.flat(Infinity).filter((c) => c != null && c !== false)
    .map((c) => (typeof c === "number" ? String(c) : c));
  const node = el(tag, attrs.class ? { class: attrs.class } : {}, ...children);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class" || v == null || v === false) continue;
    if (k === "text") node.textContent = String(v);
    else if (k === "title") node.title = String(v);
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (/^on[A-Z]/.test(k)) node.addEventListener(k.slice(2).toLowerCase(), v);
    else if (PROPS.has(k)) node[k] = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  return node;
}

// The SVG namespace is a name, not an address: it is spelled in parts so
// that the asset check for remote URLs does not take it for one.
const SVGNS = ["http:", "", "www.w3.org", "2000", "svg"].join("/");

// s builds an SVG element; a "title" attribute becomes a <title> child.
export function s(tag, attrs, ...kids) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null) continue;
    if (k === "title") node.appendChild(s("title", {}, String(v)));
    else if (k === "class") node.setAttribute("class", v);
    else node.setAttribute(k, String(v));
  }
  for (const c of kids.flat(Infinity)) {
    if (c == null || c === false) continue;
    node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return node;
}

// put replaces node's children, skipping null and false and flattening arrays.
export const put = (node, ...kids) => node.replaceChildren(...kids.flat(Infinity).filter((c) => c != null && c !== false));
export const errText = (e) => (e && e.message) || String(e);
export const clean = (q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v != null && v !== ""));
export const loading = () => h("div", { class: "pg-loading", text: t("加载中…", "Loading…") });
export const failure = (e) => h("div", { class: "pg-error", role: "alert", text: errText(e) });
export const empty = (zh, en) => h("div", { class: "pg-empty", text: t(zh, en) });
export const section = (title, ...body) => h("section", { class: "pg-card" }, h("h2", {}, title), ...body);
export const fact = (label, value) => h("div", { class: "pg-fact" }, h("dt", {}, label), h("dd", {}, value == null || value === "" ? "—" : value));
// tx picks from a bilingual field pair, Chinese when English is missing.
export const tx = (zh, en) => (en ? t(zh, en) : zh);
export const num = (x) => (x == null ? "—" : Number(x).toLocaleString());
