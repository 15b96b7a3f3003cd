// Admin view of the site's kiosks: what each last said in its heartbeat. Asked again every
// REFRESH_MS; a kiosk that has not reported for SILENT_MS is flagged, whatever it said last.
"use strict";
(function () {
  var t = I18n.t, el = Lobby.el;
  var REFRESH_MS = 15000;
  var SILENT_MS = 3 * 60 * 1000;
  var site = null, kiosks = null;

  Lobby.requireLogin(["ADMIN", "MANAGER"]).then(function (me) {
    site = new URLSearchParams(location.search).get("site") || me.siteId;
    I18n.onLang(render);
    load();
    setInterval(load, REFRESH_MS);
  });

  function load() {
    Lobby.api("GET", "/api/sites/" + encodeURIComponent(site) + "/kiosks").then(function (r) {
      if (!r.ok) { Lobby.failed(r); return; }
      Lobby.message("");
      kiosks = r.data;
      render();
    }, function () { Lobby.message(t("error.network"), "error"); });
  }

  function ago(iso) {
    if (!iso) return t("devices.never");
    var s = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
    var text = s < 60 ? s + (I18n.lang() === "en" ? " s" : " 秒")
      : s < 3600 ? Math.round(s / 60) + (I18n.lang() === "en" ? " min" : " 分钟")
      : Math.round(s / 3600) + (I18n.lang() === "en" ? " h" : " 小时");
    return t("devices.ago", text);
  }

  function render() {
    if (!kiosks) return;
    var table = Lobby.clear(document.getElementById("kiosks"));
    if (!kiosks.length) {
      table.appendChild(el("tr", {}, el("td", { class: "muted" }, t("devices.none"))));
      return;
    }
    table.appendChild(el("tr", {}, el("th", {}, t("devices.kiosk")), el("th", {}, t("devices.version")),
      el("th", {}, t("devices.lastSeen")), el("th", { class: "num" }, t("devices.pending")),
      el("th", {}, t("devices.devices"))));
    kiosks.forEach(function (k) {
      var silent = !k.lastSeen || Date.now() - new Date(k.lastSeen).getTime() > SILENT_MS;
      var devices = el("ul", { class: "devices" });
      (k.devices || []).forEach(function (d) {
        devices.appendChild(el("li", { "data-device": d.device },
          el("span", { class: "tag " + d.state }, t("state." + d.state)), " ", d.device,
          d.detail ? el("span", { class: "muted" }, " · " + d.detail) : null));
      });
      table.appendChild(el("tr", { "data-kiosk": k.kioskId },
        el("td", {}, el("strong", {}, k.kioskId)),
        el("td", {}, k.version || "—"),
        el("td", { title: k.lastSeen || "" }, ago(k.lastSeen), " ",
          silent ? el("span", { class: "tag OFFLINE" }, t("devices.stale")) : null),
        el("td", { class: "num" }, k.pendingOps == null ? "—" : k.pendingOps),
        el("td", {}, devices)));
    });
  }
})();
