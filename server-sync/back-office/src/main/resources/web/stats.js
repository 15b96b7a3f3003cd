// Manager statistics: /stats[?period=week&date=2025-03-14]. One GET /stats per choice; the
// table shows each advisor and kind of visit, the charts sum them per advisor.
"use strict";
(function () {
  var t = I18n.t, el = Lobby.el;
  var params = new URLSearchParams(location.search);
  var period = ["day", "week", "month"].indexOf(params.get("period")) >= 0 ? params.get("period") : "day";
  var site = null, stats = null;
  var dateInput = document.getElementById("date");
  dateInput.value = /^\d{4}-\d{2}-\d{2}$/.test(params.get("date") || "") ? params.get("date") : today();

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  Lobby.requireLogin(["MANAGER", "ADMIN"]).then(function (me) {
    site = params.get("site") || me.siteId;
    document.querySelectorAll("[data-period]").forEach(function (b) {
      b.addEventListener("click", function () { period = b.getAttribute("data-period"); load(); });
    });
    dateInput.addEventListener("change", load);
    I18n.onLang(render);
    load();
  });

  function query() {
    return "?period=" + period + "&date=" + encodeURIComponent(dateInput.value);
  }

  function load() {
    var base = "/api/sites/" + encodeURIComponent(site);
    history.replaceState(null, "", "/stats" + query() + (params.get("site") ? "&site=" + encodeURIComponent(site) : ""));
    document.getElementById("csv").setAttribute("href", base + "/stats.csv" + query());
    document.querySelectorAll("[data-period]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-period") === period));
    });
    Lobby.api("GET", base + "/stats" + query()).then(function (r) {
      if (!r.ok) { Lobby.failed(r); return; }
      Lobby.message("");
      stats = r.data;
      render();
    }, function () { Lobby.message(t("error.network"), "error"); });
  }

  function seconds(v) { return v == null ? "—" : String(Math.round(v)); }
  function minutes(v) { return v == null ? "—" : (v / 60).toFixed(1); }
  function share(v) { return v == null ? "—" : Math.round(v * 100) + "%"; }

  var COLUMNS = [
    ["stats.visits", "visits", String],
    ["stats.waitAck", "avgWaitToAckSeconds", seconds],
    ["stats.waitCall", "avgWaitToCallSeconds", minutes],
    ["stats.service", "avgServiceSeconds", minutes],
    ["stats.greeted", "greetedWithinTargetShare", share],
    ["stats.noShows", "noShows", String]
  ];

  function render() {
    if (!stats) return;
    document.getElementById("range").textContent = t("stats.range", stats.from, stats.to);
    var table = Lobby.clear(document.getElementById("table"));
    var rows = stats.rows || [];
    if (!rows.length) {
      table.appendChild(el("tr", {}, el("td", { class: "muted" }, t("stats.none"))));
    } else {
      var head = el("tr", {}, el("th", {}, t("col.advisor")), el("th", {}, t("col.kind")));
      COLUMNS.forEach(function (c) { head.appendChild(el("th", { class: "num" }, t(c[0]))); });
      table.appendChild(head);
      rows.forEach(function (row) {
        table.appendChild(line(row.advisorName || row.advisorId || "—", t("kind." + row.kind), row, ""));
      });
      if (stats.total) table.appendChild(line(t("stats.total"), "", stats.total, "total"));
    }
    charts(rows);
  }

  function line(who, kind, row, cls) {
    var tr = el("tr", { class: cls || null }, el("td", {}, who), el("td", {}, kind));
    COLUMNS.forEach(function (c) { tr.appendChild(el("td", { class: "num" }, c[2](row[c[1]]))); });
    return tr;
  }

  /** Per advisor: visits summed over kinds; the greeted share weighted by each kind's visits. */
  function charts(rows) {
    var by = {};
    rows.forEach(function (r) {
      var a = by[r.advisorId] || (by[r.advisorId] = { label: r.advisorName || r.advisorId, visits: 0, greeted: 0, rated: 0 });
      a.visits += r.visits || 0;
      if (r.greetedWithinTargetShare != null) { a.greeted += r.greetedWithinTargetShare * r.visits; a.rated += r.visits; }
    });
    var list = Object.values(by);
    var visits = Lobby.clear(document.getElementById("chart-visits"));
    var greeted = Lobby.clear(document.getElementById("chart-greeted"));
    if (!list.length) return;
    visits.appendChild(Chart.bars(list.map(function (a) { return { label: a.label, value: a.visits }; }), String));
    greeted.appendChild(Chart.bars(list.map(function (a) {
      return { label: a.label, value: a.rated ? a.greeted / a.rated : null };
    }), share, 1));
  }
})();
