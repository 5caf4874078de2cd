// Document page: a click on a marked span shows the record(s) behind it as readable cards (who,
// what, when, where, the evidence, how sure and why; the raw record folded below); the focused
// record scrolls into view. Every value is set as text, never as HTML.
(function () {
  "use strict";
  var records = JSON.parse(document.getElementById("records-data").textContent);
  var out = document.getElementById("record"), hint = document.getElementById("record-hint"), last = [];
  var QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
  var SAID = { ">": "more than ", "<": "less than ", "~": "about ", "=": "" };
  function words(code) { return code == null ? "" : String(code).replace(/_/g, " "); }
  function el(tag, text, title) {
    var n = document.createElement(tag);
    if (text != null) { n.textContent = text; }
    if (title) { n.title = title; }
    return n;
  }
  function who(list) {
    if (!list || !list.length) { return "?"; }
    return list.map(function (a) { return (a.name || a.id) + (a.role ? " (" + words(a.role) + ")" : ""); }).join(", ");
  }
  function amount(v) {
    var scales = [[1e12, "trn"], [1e9, "bn"], [1e6, "mn"], [1e3, "k"]];
    for (var i = 0; i < scales.length; i++) {
      if (Math.abs(v) >= scales[i][0]) { return +(v / scales[i][0]).toPrecision(3) + " " + scales[i][1]; }
    }
    return String(v);
  }
  function rows(dl, pairs) {
    pairs.forEach(function (p) {
      if (p[1] == null || p[1] === "") { return; }
      dl.appendChild(el("dt", p[0]));
      dl.appendChild(el("dd", p[1], p[2]));
    });
  }
  function card(key, rec) {
    var box = el("div"), dl = el("dl"), r;
    box.className = "card";
    if (rec.event) {
      r = rec.event;
      box.appendChild(el("h3", (r.cameo_name || "event") + (r.negated ? " (negated)" : ""), "CAMEO " + r.cameo));
      rows(dl, [["who", who(r.sources)], ["to whom", who(r.targets)],
                ["what", [r.cameo_name, r.plover && r.plover.type ? "PLOVER " + words(r.plover.type).toLowerCase() : null,
                          QUADS[r.quad_class]].filter(Boolean).join(" · "), "CAMEO " + r.cameo],
                ["when", (r.date || "") + (r.date_precision && r.date_precision !== "day" ? " (" + r.date_precision + ")" : "")],
                ["where", r.location ? r.location.name : null],
                ["evidence", (r.evidence || {}).text || (r.trigger || {}).text],
                ["how sure", r.confidence != null ? r.confidence.toFixed(2) + (r.modality ? ", " + words(r.modality) : "") : null],
                ["why", "rule " + r.rule, r.rule]]);
    } else if (rec.fact) {
      r = rec.fact;
      box.appendChild(el("h3", words(r.kind), r.kind));
      var attrs = Object.keys(r.attributes || {}).map(function (k) {
        var v = r.attributes[k]; return words(k) + ": " + (Array.isArray(v) ? v.map(words).join(", ") : words(v));
      }).join("; ");
      rows(dl, [["who", who(r.subject ? [r.subject] : [])], ["with", r.object ? who([r.object]) : null],
                ["value", r.value != null ? (SAID[r.comparator] || "") + amount(r.value) + (r.unit ? " " + r.unit : "") : null],
                ["period", r.period ? r.period.start + " – " + r.period.end : null],
                ["details", attrs || null], ["evidence", (r.evidence || {}).text],
                ["why", "rule " + r.rule, r.rule]]);
    } else if (rec.mention) {
      r = rec.mention;
      var a = r.actor;
      box.appendChild(el("h3", r.text));
      rows(dl, [["is", a ? (a.name || a.id) : null, a ? a.id : null], ["kind", a ? words(a.kind) : words(r.type)],
                ["country", a ? a.country : null], ["role", a && a.role ? words(a.role) : null],
                ["how sure", r.confidence != null ? r.confidence.toFixed(2) : null],
                ["why", r.rule ? "rule " + r.rule : null, r.rule]]);
    }
    box.appendChild(dl);
    var raw = el("details"); raw.className = "raw";
    raw.appendChild(el("summary", "record " + key));
    raw.appendChild(el("pre", JSON.stringify(rec, null, 2)));
    box.appendChild(raw);
    return box;
  }
  function show(refs) {
    last.forEach(function (n) { n.classList.remove("selected"); });
    last = [];
    out.textContent = "";
    refs.forEach(function (r) { if (records[r]) { out.appendChild(card(r, records[r])); } });
    hint.hidden = true;
    refs.forEach(function (r) {
      document.querySelectorAll('[data-refs~="' + r + '"]').forEach(function (n) { n.classList.add("selected"); last.push(n); });
    });
  }
  document.addEventListener("click", function (evt) {
    if (evt.target.closest("#record")) { return; }
    var n = evt.target.closest("[data-refs]");
    if (n) { show(n.dataset.refs.split(" ")); }
  });
  var focus = document.querySelector("#text .focus");
  if (focus) { focus.scrollIntoView({ block: "center" }); show(focus.dataset.refs.split(" ").filter(function (r) { return r[0] !== "m"; })); }
})();
