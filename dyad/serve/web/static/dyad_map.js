// Dyad page: the places of the pair's events on a world map (Natural Earth 1:110m countries from
// static/vendor, read with topojson-client; equirectangular, drawn with plotly.js; no tile server).
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el) { return; }
  var places = JSON.parse(document.getElementById("places-data").textContent);
  function empty() { var p = document.createElement("p"); p.className = "empty"; p.textContent = el.dataset.empty; el.appendChild(p); }
  if (!places.length) { empty(); el.dataset.ready = "empty"; return; }

  function outline(world) {           // every ring as one line, rings apart by nulls
    var xs = [], ys = [];
    var land = topojson.feature(world, world.objects.countries);
    land.features.forEach(function (f) {
      var g = f.geometry; if (!g) { return; }
      var polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
      polys.forEach(function (poly) { poly.forEach(function (ring) {
        ring.forEach(function (p) { xs.push(p[0]); ys.push(p[1]); }); xs.push(null); ys.push(null);
      }); });
    });
    return { type: "scatter", mode: "lines", x: xs, y: ys, hoverinfo: "skip", showlegend: false,
             line: { color: "#9aa5b1", width: 0.6 }, fill: "toself", fillcolor: "#eef1f4" };
  }
  function color(p) {
    var coop = p.by_quad["1"] + p.by_quad["2"], conf = p.by_quad["3"] + p.by_quad["4"];
    return conf > coop ? "#b22222" : (coop > conf ? "#2e8b57" : "#6b7380");
  }
  function draw(world) {
    var lon = places.map(function (p) { return p.lon; }), lat = places.map(function (p) { return p.lat; });
    var pad = 12, x0 = Math.min.apply(null, lon) - pad, x1 = Math.max.apply(null, lon) + pad;
    var y0 = Math.min.apply(null, lat) - pad, y1 = Math.max.apply(null, lat) + pad;
    if (x1 - x0 < 60) { var cx = (x0 + x1) / 2; x0 = cx - 30; x1 = cx + 30; }
    if (y1 - y0 < 30) { var cy = (y0 + y1) / 2; y0 = cy - 15; y1 = cy + 15; }
    var points = { type: "scatter", mode: "markers+text", x: lon, y: lat, showlegend: false,
      text: places.map(function (p) { return p.name || ""; }), textposition: "top center",
      customdata: places.map(function (p) { return p.events; }),
      marker: { size: places.map(function (p) { return 8 + 4 * Math.sqrt(p.events); }),
                color: places.map(color), line: { color: "#fff", width: 1 }, opacity: 0.9 },
      hovertemplate: "%{text}: %{customdata} events<extra></extra>" };
    var traces = world ? [outline(world), points] : [points];
    Plotly.newPlot(el, traces, {
      margin: { t: 10, r: 10, b: 30, l: 40 }, plot_bgcolor: "#f8fbff",
      xaxis: { range: [Math.max(-180, x0), Math.min(180, x1)], showgrid: false, zeroline: false, title: { text: "longitude" } },
      yaxis: { range: [Math.max(-90, y0), Math.min(90, y1)], showgrid: false, zeroline: false, scaleanchor: "x",
               title: { text: "latitude" } }
    }, { displaylogo: false, responsive: true }).then(function () { el.dataset.ready = world ? "map" : "points"; });
  }
  fetch("/static/vendor/countries-110m.json").then(function (r) { return r.ok ? r.json() : null; })
    .then(function (world) { draw(world && window.topojson ? world : null); })
    .catch(function () { draw(null); });
})();
