// Horizontal bar charts as inline SVG: no chart library, nothing fetched from the internet.
"use strict";
var Chart = (function () {
  var NS = "http://www.w3.org/2000/svg";
  var ROW = 34, LABEL = 150, WIDTH = 520, VALUE = 70;

  function node(tag, attrs, text) {
    var n = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text !== undefined) n.textContent = text;
    return n;
  }

  /** items: [{label, value}]; max: the value of a full bar (default: the largest); format: value -> text. */
  function bars(items, format, max) {
    var top = max || Math.max.apply(null, items.map(function (i) { return i.value || 0; }).concat([1]));
    var span = WIDTH - LABEL - VALUE;
    var svg = node("svg", { viewBox: "0 0 " + WIDTH + " " + Math.max(ROW, items.length * ROW),
      width: "100%", role: "img", class: "chart" });
    items.forEach(function (item, i) {
      var y = i * ROW;
      var w = Math.max(0, Math.round(span * (item.value || 0) / top));
      svg.appendChild(node("text", { x: LABEL - 8, y: y + 22, "text-anchor": "end", "font-size": 16 }, item.label));
      svg.appendChild(node("rect", { x: LABEL, y: y + 6, width: w, height: ROW - 12, rx: 3, fill: "#0b5cad" }));
      svg.appendChild(node("text", { x: LABEL + w + 6, y: y + 22, "font-size": 16 }, format(item.value)));
    });
    return svg;
  }

  return { bars: bars };
})();
