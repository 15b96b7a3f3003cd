// The customer's page, opened from the QR on the paper ticket: /t/<ticket id>. The status JSON is
// public (the id is an unguessable UUID) and masked, so this page asks it every few seconds
// rather than holding an event stream that needs staff credentials.
"use strict";
(function () {
  var t = I18n.t;
  var POLL_MS = 5000;
  var FINAL = { DONE: "t.done", NO_SHOW: "t.noShow", CANCELLED: "t.cancelled" };
  var id = decodeURIComponent(location.pathname.replace(/^\/t\//, "").replace(/\/$/, ""));
  var status = null, updated = null, timer = null;

  function poll() {
    Lobby.api("GET", "/api/tickets/" + encodeURIComponent(id) + "/status").then(function (r) {
      if (r.status === 404 || r.status === 400) {
        document.getElementById("status").hidden = true;
        document.getElementById("unknown").hidden = false;
        return;                           // nothing will appear under this id later
      }
      if (!r.ok) { Lobby.message(t("error.generic", Lobby.errorOf(r)), "error"); schedule(); return; }
      Lobby.message("");
      status = r.data;
      updated = new Date();
      render();
      if (!(status.status in FINAL)) schedule();
    }, function () { Lobby.message(t("error.network"), "error"); schedule(); });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(poll, POLL_MS);
  }

  function text(elementId, value) {
    var node = document.getElementById(elementId);
    node.textContent = value || "";
    return node;
  }

  function render() {
    if (!status) return;
    var s = status;
    document.getElementById("status").hidden = false;
    text("number", s.number);
    var call = text("call", s.status === "CALLED" && s.desk ? t("t.goTo", s.desk) : "");
    call.hidden = !call.textContent;
    var state;
    if (s.status === "WAITING") state = s.position > 0 ? t("t.ahead", s.position) : t("t.next");
    else if (s.status === "SERVING") state = t("t.serving");
    else if (s.status in FINAL) state = t(FINAL[s.status]);
    else state = t("status." + s.status);
    text("state", state);
    text("estimate", s.status === "WAITING" && s.estimatedWaitMinutes != null
      ? t("t.estimate", s.estimatedWaitMinutes) : "");
    text("plate", s.maskedPlate || "—");
    text("advisor", s.advisorName || "—");
    text("updated", updated ? t("t.updated", updated.toLocaleTimeString(I18n.lang() === "en" ? "en-GB" : "zh-CN")) : "");
    document.title = s.number + " · " + t("t.title");
  }

  // A phone put away and taken out again should not show a stale position.
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden && status && !(status.status in FINAL)) poll();
  });
  I18n.onLang(render);
  poll();
})();
