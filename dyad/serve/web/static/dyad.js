// Dyad page: the cooperation-conflict timeline on a time axis, the trade figures, flows and
// stocks on charts of their own, and the attitudes per direction (plotly.js, served locally).
(function () {
  "use strict";
  function data(id) { return JSON.parse(document.getElementById(id).textContent); }
  function empty(el) { var p = document.createElement("p"); p.className = "empty"; p.textContent = el.dataset.empty; el.appendChild(p); }
  var config = { displaylogo: false, responsive: true };
  function shift(month, by) {           // "2025-08", +1 -> "2025-09-01"
    var y = +month.slice(0, 4), m = +month.slice(5, 7) - 1 + by;
    y += Math.floor(m / 12); m = ((m % 12) + 12) % 12;
    return y + "-" + String(m + 1).padStart(2, "0") + "-01";
  }
  function niceMax(v) {                   // the event axis' half-range: a round number above v
    if (v <= 5) { return 5; }
    var step = Math.pow(10, Math.floor(Math.log10(v)));
    return Math.ceil(v * 1.1 / step) * step;
  }

  var tl = data("timeline-data"), el = document.getElementById("timeline");
  if (!tl.months.length) { empty(el); } else {
    var days = tl.months.map(function (m) { return m.month + "-15"; });   // the middle of the month
    var colors = { 1: "#7fbf7f", 2: "#2e8b57", 3: "#e39a8f", 4: "#b22222" };
    var traces = [1, 2, 3, 4].map(function (q) {
      var sign = q >= 3 ? -1 : 1;   // conflict below the axis, cooperation above
      return { type: "bar", name: tl.quad_classes[q], x: days, marker: { color: colors[q] }, width: 20 * 86400000,
               y: tl.months.map(function (m) { return sign * m.by_quad[q]; }),
               hovertemplate: "%{x|%b %Y}: %{customdata} events<extra>" + tl.quad_classes[q] + "</extra>",
               customdata: tl.months.map(function (m) { return m.by_quad[q]; }) };
    });
    traces.push({ type: "scatter", mode: "lines+markers", name: "mean Goldstein", x: days, yaxis: "y2",
                  y: tl.months.map(function (m) { return m.goldstein; }), line: { color: "#2f6db3" },
                  hovertemplate: "%{x|%b %Y}: Goldstein %{y:.1f}<extra></extra>" });
    var up = 0, down = 0;
    tl.months.forEach(function (m) { up = Math.max(up, m.by_quad[1] + m.by_quad[2]); down = Math.max(down, m.by_quad[3] + m.by_quad[4]); });
    var half = niceMax(Math.max(up, down));   // symmetric: the two zero lines are one line
    var first = tl.months[0].month, last = tl.months[tl.months.length - 1].month;
    Plotly.newPlot(el, traces, {
      barmode: "relative", margin: { t: 20, r: 70, b: 40, l: 60 }, legend: { orientation: "h", y: -0.18 },
      xaxis: { type: "date", range: [shift(first, -1), shift(last, 2)], tickformat: "%b %Y", hoverformat: "%b %Y",
               dtick: tl.months.length > 24 ? "M3" : "M1" },
      yaxis: { title: { text: "events (conflict below 0)" }, range: [-half, half], zeroline: true, zerolinewidth: 2 },
      yaxis2: { title: { text: "mean Goldstein" }, overlaying: "y", side: "right", range: [-10, 10],
                tickvals: [-10, -5, 0, 5, 10], showgrid: false, zeroline: false }
    }, config);
  }

  var figures = data("trade-data");
  function chart(id, items, valueTitle) {
    var node = document.getElementById(id);
    if (!items.length) { empty(node); return; }
    var groups = {};
    items.forEach(function (f) {
      var key = f.label + ": " + f.subject + (f.object ? " → " + f.object : "") + (f.unit ? " (" + f.unit + ")" : "");
      (groups[key] = groups[key] || []).push(f);
    });
    var said = { ">": "more than ", "<": "less than ", "~": "about ", "=": "" };
    var traces = Object.keys(groups).map(function (key) {
      return { type: "bar", name: key, x: groups[key].map(function (f) { return f.period; }),
               y: groups[key].map(function (f) { return f.value; }),
               text: groups[key].map(function (f) { return (said[f.comparator] || "") ; }),
               textposition: "none",
               hovertemplate: "%{x}: %{text}%{y:.3s}<extra>" + key + "</extra>" };
    });
    Plotly.newPlot(node, traces, { barmode: "group", margin: { t: 20, r: 20, b: 60, l: 70 },
      legend: { orientation: "h", y: -0.3 }, xaxis: { type: "category", title: { text: "period" } },
      yaxis: { title: { text: valueTitle }, tickformat: ".3s", rangemode: "tozero" } }, config);
  }
  chart("flows", figures.flows, "amount per period");
  chart("stocks", figures.stocks, "total");

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
