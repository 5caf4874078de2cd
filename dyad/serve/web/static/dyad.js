// Dyad page: the cooperation-conflict timeline and the trade figures (plotly.js, served locally).
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
})();
