// Dyad page: the cooperation-conflict timeline, the trade figures and the attitudes per direction (plotly.js, served locally).
(function () {
  "use strict";
  function data(id) { return JSON.parse(document.getElementById(id).textContent); }
  function empty(el) { var p = document.createElement("p"); p.className = "empty"; p.textContent = el.dataset.empty; el.appendChild(p); }
  var config = { displaylogo: false, responsive: true };

  var tl = data("timeline-data"), el = document.getElementById("timeline");
  if (!tl.months.length) { empty(el); } else {
    var months = tl.months.map(function (m) { return m.month; });
    var colors = { 1: "#7fbf7f", 2: "#2e8b57", 3: "#e39a8f", 4: "#b22222" };
    var traces = [1, 2, 3, 4].map(function (q) {
      var sign = q >= 3 ? -1 : 1;   // conflict below the axis, cooperation above
      return { type: "bar", name: tl.quad_classes[q], x: months, marker: { color: colors[q] },
               y: tl.months.map(function (m) { return sign * m.by_quad[q]; }),
               hovertemplate: "%{x}: %{customdata} events<extra>" + tl.quad_classes[q] + "</extra>",
               customdata: tl.months.map(function (m) { return m.by_quad[q]; }) };
    });
    traces.push({ type: "scatter", mode: "lines+markers", name: "mean Goldstein", x: months, yaxis: "y2",
                  y: tl.months.map(function (m) { return m.goldstein; }), line: { color: "#2f6db3" } });
    Plotly.newPlot(el, traces, {
      barmode: "relative", margin: { t: 20, r: 60, b: 40, l: 50 }, legend: { orientation: "h", y: -0.15 },
      yaxis: { title: { text: "events (conflict below 0)" }, zeroline: true },
      yaxis2: { title: { text: "Goldstein" }, overlaying: "y", side: "right", range: [-10, 10], showgrid: false },
      xaxis: { type: "category" }
    }, config);
  }

  var tr = data("trade-data"), te = document.getElementById("trade");
  if (!tr.length) { empty(te); } else {
    var groups = {};
    tr.forEach(function (f) {
      var key = f.kind + " " + f.subject + (f.object ? "→" + f.object : "") + (f.unit ? " (" + f.unit + ")" : "");
      (groups[key] = groups[key] || []).push(f);
    });
    var traces2 = Object.keys(groups).map(function (key) {
      return { type: "bar", name: key, x: groups[key].map(function (f) { return f.label; }),
               y: groups[key].map(function (f) { return f.value; }),
               text: groups[key].map(function (f) { return (f.comparator && f.comparator !== "=" ? f.comparator : "") ; }),
               hovertemplate: "%{x}: %{text}%{y:.3s}<extra>" + key + "</extra>" };
    });
    Plotly.newPlot(te, traces2, { barmode: "group", margin: { t: 20, r: 20, b: 60, l: 70 },
      legend: { orientation: "h", y: -0.25 }, xaxis: { type: "category", title: { text: "period" } },
      yaxis: { title: { text: "value" } } }, config);
  }

  var at = data("attitude-data"), ae = document.getElementById("attitude-chart");
  if (!at.a_to_b.length && !at.b_to_a.length) { empty(ae); } else {
    var sides = [["a_to_b", at.a + " → " + at.b, "#2e8b57", "#b22222"], ["b_to_a", at.b + " → " + at.a, "#7fbf7f", "#e39a8f"]];
    var traces3 = [];
    sides.forEach(function (s) {
      var rows = at[s[0]];
      traces3.push({ type: "bar", name: s[1] + " pos", x: rows.map(function (m) { return m.month; }),
                     y: rows.map(function (m) { return m.pos; }), marker: { color: s[2] } });
      traces3.push({ type: "bar", name: s[1] + " neg", x: rows.map(function (m) { return m.month; }),
                     y: rows.map(function (m) { return -m.neg; }), marker: { color: s[3] } });
    });
    Plotly.newPlot(ae, traces3, { barmode: "relative", margin: { t: 20, r: 20, b: 40, l: 50 },
      legend: { orientation: "h", y: -0.2 }, xaxis: { type: "category" },
      yaxis: { title: { text: "attitudes (neg below 0)" }, zeroline: true } }, config);
  }
})();
