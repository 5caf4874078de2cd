// Actor page: partners as a network graph (cytoscape.js, served locally); click a partner to open the pair.
(function () {
  "use strict";
  var g = JSON.parse(document.getElementById("network-data").textContent);
  var el = document.getElementById("network");
  if (g.nodes.length < 2 || typeof cytoscape === "undefined") {
    var p = document.createElement("p"); p.className = "empty";
    p.textContent = typeof cytoscape === "undefined" ? "cytoscape.js is missing: run `make install`" : el.dataset.empty;
    el.appendChild(p); return;
  }
  function color(gold) {
    if (gold === null || gold === undefined) return "#9aa5b1";
    return gold >= 1 ? "#2e8b57" : gold <= -1 ? "#b22222" : "#d4ac0d";
  }
  var maxN = Math.max.apply(null, g.edges.map(function (e) { return e.events; }).concat([1]));
  var elements = g.nodes.map(function (n) {
    return { data: { id: n.id, label: n.label, size: n.center ? 60 : 20 + 40 * Math.sqrt(n.events / maxN), center: !!n.center } };
  }).concat(g.edges.map(function (e, i) {
    return { data: { id: "e" + i, source: e.source, target: e.target, events: e.events,
                     width: 1 + 9 * e.events / maxN, color: color(e.goldstein) } };
  }));
  var cy = cytoscape({
    container: el, elements: elements, wheelSensitivity: 0.3,
    layout: { name: "concentric", concentric: function (n) { return n.data("center") ? 2 : 1; }, levelWidth: function () { return 1; }, minNodeSpacing: 30 },
    style: [
      { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)", "background-color": "#2f6db3",
                                   "font-size": 11, "text-valign": "bottom", "text-margin-y": 4, color: "#1d2430" } },
      { selector: "node[?center]", style: { "background-color": "#f39c12" } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(color)", opacity: 0.75, "curve-style": "bezier" } }
    ]
  });
  cy.on("tap", "node", function (evt) {
    var n = evt.target; if (n.data("center")) return;
    var centre = g.nodes[0].id;
    window.location.href = g.country ? "/dyad/" + encodeURIComponent(centre) + "/" + encodeURIComponent(n.id())
                                     : "/actor/" + encodeURIComponent(n.id());
  });
  el.dataset.ready = "1";
})();
