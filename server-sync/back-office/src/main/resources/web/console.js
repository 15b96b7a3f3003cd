// The advisor console: the site's queue kept in a map by ticket id, filled from GET /queue
// each time the event stream (re)connects and then kept current by the "ticket" and "advisor"
// events (and by each action's own answer), so nothing ever needs a reload.
"use strict";
(function () {
  var t = I18n.t, el = Lobby.el, api = Lobby.api;
  var ACTIVE = { SERVING: 0, CALLED: 1, WAITING: 2 };
  var DUTIES = ["ON_DUTY", "BREAK", "LUNCH"];
  var me = null, site = null;
  var tickets = {};      // ticketId -> QueueEntry
  var advisors = [];     // [Advisor]
  var loading = null;    // while GET /queue is under way: events that arrive meanwhile, to apply after it

  Lobby.requireLogin(["ADVISOR", "MANAGER"]).then(function (who) {
    me = who;
    site = me.siteId;
    document.getElementById("me-card").hidden = !me.advisorId;
    document.getElementById("mine-card").hidden = !me.advisorId;
    document.getElementById("call-next").addEventListener("click", callNext);
    I18n.onLang(render);
    render();
    Lobby.live("/api/sites/" + encodeURIComponent(site) + "/events", {
      ticket: live(function (entry) { tickets[entry.ticketId] = entry; }),
      advisor: live(upsertAdvisor),
      open: load
    });
  });

  /** An event handler that waits for a load under way, so an older answer cannot undo a newer event. */
  function live(apply) {
    return function (data) {
      if (loading) { loading.push(function () { apply(data); }); return; }
      apply(data);
      render();
    };
  }

  function load() {
    var base = "/api/sites/" + encodeURIComponent(site);
    var queued = loading = [];
    Promise.all([api("GET", base + "/queue"), api("GET", base + "/advisors")]).then(function (answers) {
      if (!answers[0].ok) { Lobby.failed(answers[0]); return; }
      tickets = {};
      answers[0].data.forEach(function (e) { tickets[e.ticketId] = e; });
      if (answers[1].ok) advisors = answers[1].data;
    }, function () {
      Lobby.message(t("error.network"), "error");
    }).then(function () {
      if (loading !== queued) return;       // a newer load took over
      loading = null;
      queued.forEach(function (apply) { apply(); });
      render();
    });
  }

  function upsertAdvisor(a) {
    var i = advisors.findIndex(function (x) { return x.id === a.id; });
    if (i < 0) advisors.push(a); else advisors[i] = a;
  }

  /** Serving and called first, then who waits: urgent first, then by check-in time (the call-next order). */
  function active(filter) {
    return Object.values(tickets).filter(function (e) {
      return e.status in ACTIVE && filter(e);
    }).sort(function (a, b) {
      return ACTIVE[a.status] - ACTIVE[b.status]
        || (b.kind === "BREAKDOWN") - (a.kind === "BREAKDOWN")
        || String(a.issuedAt).localeCompare(String(b.issuedAt));
    });
  }

  function render() {
    var mine = me.advisorId ? active(function (e) { return e.advisorId === me.advisorId; }) : [];
    var lobby = active(function () { return true; });
    table("mine", mine);
    table("lobby", lobby);
    count("mine-count", mine);
    count("lobby-count", lobby);
    renderDuty();
  }

  function count(id, entries) {
    var waiting = entries.filter(function (e) { return e.status === "WAITING"; }).length;
    document.getElementById(id).textContent = "(" + t("console.waitingCount", waiting) + ")";
  }

  function renderDuty() {
    var self = advisors.find(function (a) { return a.id === me.advisorId; });
    document.getElementById("desk").textContent = self ? t("console.desk", self.desk) : "";
    var box = Lobby.clear(document.getElementById("duty"));
    DUTIES.forEach(function (d) {
      box.appendChild(el("button", { type: "button", "data-duty": d, "aria-pressed": String(!!self && self.duty === d),
        onclick: function () { setDuty(d); } }, t("duty." + d)));
    });
  }

  function table(id, entries) {
    var node = Lobby.clear(document.getElementById(id));
    if (!entries.length) {
      node.appendChild(el("tr", {}, el("td", { class: "muted empty" }, t("console.empty"))));
      return;
    }
    node.appendChild(el("tr", {}, el("th", {}, t("col.number")), el("th", {}, t("col.kind")),
      el("th", {}, t("col.plate")), el("th", {}, t("col.advisor")), el("th", {}, t("col.status")),
      el("th", {}, t("col.since")), el("th", {}, t("col.actions"))));
    entries.forEach(function (e) {
      node.appendChild(el("tr", { "data-ticket": e.ticketId, "data-number": e.number, "data-status": e.status },
        el("td", {}, el("span", { class: "number" }, e.number), " ",
          e.kind === "BREAKDOWN" ? el("span", { class: "tag urgent" }, t("ticket.urgent")) : null),
        el("td", {}, t("kind." + e.kind),
          e.printProblem ? el("div", { class: "problem" }, t("ticket.printProblem", e.printProblem)) : null),
        el("td", {}, e.maskedPlate || "—"),
        el("td", {}, e.advisorName ? e.advisorName + " · " + t("console.desk", e.desk) : "—"),
        el("td", {}, el("span", { class: "tag " + e.status }, t("status." + e.status)),
          e.status === "WAITING" && e.advisorId && !e.acknowledged
            ? el("span", { class: "tag lamp", "data-lamp": "lit" }, t("ticket.lampLit")) : null),
        el("td", {}, Lobby.time(e.issuedAt)),
        el("td", {}, actions(e))));
    });
  }

  function actions(e) {
    var box = el("div", { class: "actions" });
    function add(name, cls) {
      box.appendChild(el("button", { type: "button", "data-act": name, class: cls || null,
        onclick: function () { post(e, name); } }, t("act." + name)));
    }
    if (e.status === "WAITING") {
      if (!e.acknowledged && e.advisorId) add("acknowledge");
      add("call", "primary");
    }
    if (e.status === "CALLED") { add("recall"); add("start", "primary"); }
    if (e.status === "SERVING") add("done", "primary");
    if (e.status === "WAITING" || e.status === "CALLED") {
      box.appendChild(transferChoice(e));
      add("noShow", "danger");
    }
    return box;
  }

  function transferChoice(e) {
    var select = el("select", { "data-act": "transfer", "aria-label": t("act.transfer") },
      el("option", { value: "" }, t("act.transfer")));
    advisors.filter(function (a) { return a.id !== e.advisorId; }).forEach(function (a) {
      select.appendChild(el("option", { value: a.id }, a.name + " · " + t("console.desk", a.desk)
        + (a.duty === "ON_DUTY" ? "" : " (" + t("duty." + a.duty) + ")")));
    });
    select.addEventListener("change", function () {
      if (!select.value) return;
      var to = advisors.find(function (a) { return a.id === select.value; });
      post(e, "transfer", { toAdvisorId: select.value }, t("act.transferred", e.number, to ? to.name : select.value));
    });
    return select;
  }

  var PATHS = { noShow: "no-show" };

  function post(e, name, body, done) {
    api("POST", "/api/tickets/" + encodeURIComponent(e.ticketId) + "/" + (PATHS[name] || name), body)
      .then(function (r) {
        if (!r.ok) { Lobby.failed(r); return; }
        if (r.data && r.data.ticketId) tickets[r.data.ticketId] = r.data;
        Lobby.message(done || (name === "acknowledge" ? t("act.acknowledged", e.number)
          : e.number + " · " + t("act." + name)), "note");
        render();
      }, function () { Lobby.message(t("error.network"), "error"); });
  }

  function callNext() {
    api("POST", "/api/advisors/me/call-next").then(function (r) {
      if (r.status === 404) { Lobby.message(t("console.nobody"), "note"); return; }
      if (!r.ok) { Lobby.failed(r); return; }
      tickets[r.data.ticketId] = r.data;
      Lobby.message(r.data.number + " · " + t("act.call"), "note");
      render();
    }, function () { Lobby.message(t("error.network"), "error"); });
  }

  function setDuty(duty) {
    api("POST", "/api/advisors/" + encodeURIComponent(me.advisorId) + "/duty", { duty: duty }).then(function (r) {
      // The one refusal the contract names: it would leave the counter empty.
      if (r.status === 409) { Lobby.message(t("console.lastOnDuty"), "error"); return; }
      if (!r.ok) { Lobby.failed(r); return; }
      upsertAdvisor(r.data);
      Lobby.message(t("console.duty") + "：" + t("duty." + duty), "note");
      render();
    }, function () { Lobby.message(t("error.network"), "error"); });
  }
})();
