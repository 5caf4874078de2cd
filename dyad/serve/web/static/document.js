// Document page: a click on a marked span shows the record(s) behind it; the focused record scrolls into view.
(function () {
  "use strict";
  var records = JSON.parse(document.getElementById("records-data").textContent);
  var out = document.getElementById("record"), hint = document.getElementById("record-hint"), last = [];
  function show(refs) {
    last.forEach(function (n) { n.classList.remove("selected"); });
    last = [];
    var shown = refs.map(function (r) { return records[r]; }).filter(Boolean);
    out.textContent = JSON.stringify(shown.length === 1 ? shown[0] : shown, null, 2);   // text, never HTML
    hint.hidden = true;
    refs.forEach(function (r) {
      document.querySelectorAll('[data-refs~="' + r + '"]').forEach(function (n) { n.classList.add("selected"); last.push(n); });
    });
  }
  document.addEventListener("click", function (evt) {
    var n = evt.target.closest("[data-refs]");
    if (n) { show(n.dataset.refs.split(" ")); }
  });
  var focus = document.querySelector("#text .focus");
  if (focus) { focus.scrollIntoView({ block: "center" }); show(focus.dataset.refs.split(" ").filter(function (r) { return r[0] !== "m"; })); }
})();
