// zhnews article view: type toggles, click an item to see its record, ?hl=START-END to point at a span.
// No library: the page works offline and the HTML is already complete without this script.
"use strict";

const FIELD_LABELS = {
  name: "name 姓名", titles: "titles 职务", title: "title 职务", of: "of", source: "source", link_reason: "linked by",
  canonical: "full name 全称", kind: "kind", resolved: "resolved", speaker: "speaker 说话人",
  asked_by: "asked by 提问媒体", topic: "question 提问", verb: "verb", value: "value 数值", unit: "unit 单位",
  indicator: "indicator 指标", period: "period 时期", qualifier: "qualifier", change: "change", comparison: "comparison",
  value_max: "up to", marker: "marker", list: "list", text: "as written",
};
const HIDDEN_FIELDS = new Set(["person_id", "organization_id", "figure_id", "statement"]);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function linkFor(item) {
  const r = item.record || {};
  if (item.type === "person" || item.type === "title") {
    if (r.person_id) return ["/people/" + r.person_id, "人物页 person page →"];
    const name = r.name || r.of;
    if (name) return ["/speakers?name=" + encodeURIComponent(name), "statements by " + name + " →"];
  }
  if (item.type === "statement" || item.type === "topic") {
    if (r.person_id) return ["/people/" + r.person_id, "人物页 " + (r.speaker || "") + " →"];
    if (r.speaker) return ["/speakers?name=" + encodeURIComponent(r.speaker), "all statements by " + r.speaker + " →"];
  }
  if (item.type === "org" && r.organization_id) return ["/organizations/" + r.organization_id, "机构页 organization page →"];
  if ((item.type === "figure" || item.type === "indicator") && r.indicator)
    return ["/figures?indicator=" + encodeURIComponent(r.indicator), "this indicator across reports →"];
  return null;
}

function showRecord(article, item) {
  const aside = article.querySelector("aside.record");
  const box = aside.querySelector(".record-body");
  box.replaceChildren();
  const close = el("button", {class: "close", type: "button", "aria-label": "close"}, "×");
  close.addEventListener("click", () => aside.classList.remove("open"));
  box.append(close, el("p", {class: "rtype"}, (item.type + (item.kind ? " · " + item.kind : ""))));
  if (item.type === "statement" || item.type === "topic") box.append(el("blockquote", {}, item.text));
  const dl = el("dl");
  const add = (k, v) => {
    if (v === null || v === undefined || v === "" || (Array.isArray(v) && !v.length)) return;
    dl.append(el("dt", {}, FIELD_LABELS[k] || k), el("dd", {}, Array.isArray(v) ? v.join("、") : String(v)));
  };
  if (item.type !== "statement" && item.type !== "topic") add("text", item.text);
  for (const [k, v] of Object.entries(item.record || {})) if (!HIDDEN_FIELDS.has(k) && k !== "text") add(k, v);
  dl.append(el("dt", {}, "offsets"), el("dd", {class: "offsets"}, "[" + item.start + ", " + item.end + ")"));
  box.append(dl);
  const link = linkFor(item);
  if (link) box.append(el("p", {}, el("a", {href: link[0]}, link[1])));
  aside.classList.add("open");
}

function select(article, items, id) {
  article.querySelectorAll("mark.hl.selected").forEach((m) => m.classList.remove("selected"));
  article.querySelectorAll('mark.hl[data-id="' + CSS.escape(id) + '"]').forEach((m) => m.classList.add("selected"));
  if (items[id]) showRecord(article, items[id]);
}

function pointAt(article, items, start, end) {
  const marks = [...article.querySelectorAll("mark.hl")].filter(
    (m) => m.dataset.itemStart === String(start) && m.dataset.itemEnd === String(end));
  if (!marks.length) return false;
  marks.forEach((m) => { m.classList.remove("flash"); void m.offsetWidth; m.classList.add("flash"); });
  marks[0].scrollIntoView({block: "center"});
  select(article, items, marks[0].dataset.id);
  return true;
}

function setup(article) {
  const data = article.querySelector("script.items-data");
  const items = {};
  for (const it of JSON.parse(data ? data.textContent : "[]")) items[it.id] = it;
  article.querySelectorAll(".toggles input[type=checkbox]").forEach((box) => {
    const apply = () => article.classList.toggle("hide-" + box.dataset.type, !box.checked);
    box.addEventListener("change", apply);
    apply();
  });
  const body = article.querySelector(".body");
  const choose = (ev) => {
    // The innermost visible item under the pointer.
    let m = ev.target.closest("mark.hl");
    while (m && article.classList.contains("hide-" + m.dataset.type)) m = m.parentElement.closest("mark.hl");
    if (!m || !body.contains(m)) return;
    select(article, items, m.dataset.id);
  };
  body.addEventListener("click", choose);
  body.addEventListener("keydown", (ev) => { if (ev.key === "Enter") choose(ev); });
  article.querySelectorAll("a.jump").forEach((a) => a.addEventListener("click", (ev) => {
    ev.preventDefault();
    pointAt(article, items, a.dataset.start, a.dataset.end);
  }));
  return items;
}

document.addEventListener("DOMContentLoaded", () => {
  const hl = new URLSearchParams(location.search).get("hl");
  for (const article of document.querySelectorAll("article.article")) {
    const items = setup(article);
    const m = hl && /^(\d+)-(\d+)$/.exec(hl);
    if (m) pointAt(article, items, m[1], m[2]);
  }
  document.documentElement.dataset.ready = "1";
});
