// The lobby TV: /board?site=demo&key=<display key>[&voice=1]. Shows what GET /board says and
// asks again whenever the site's events say something changed. Numbers and desks only: the
// board never shows a name or a plate.
"use strict";
(function () {
  var t = I18n.t, el = Lobby.el;
  var params = new URLSearchParams(location.search);
  var site = params.get("site") || "demo";
  var key = params.get("key");
  var voice = params.get("voice") === "1" && "speechSynthesis" in window;
  var auth = key ? "?key=" + encodeURIComponent(key) : "";
  var base = "/api/sites/" + encodeURIComponent(site);
  var board = null;
  var newest = null;      // ticket id + time of the newest call shown, to flash only on news
  var pending = null;

  function load() {
    return Lobby.api("GET", base + "/board" + auth).then(function (r) {
      if (r.status === 401 || r.status === 403) { Lobby.message(t("board.noKey"), "error"); return; }
      if (!r.ok) { Lobby.message(t("error.generic", Lobby.errorOf(r)), "error"); return; }
      Lobby.message("");
      board = r.data;
      render();
    }, function () { Lobby.message(t("error.network"), "error"); });
  }

  /** Bursts of ticket events (a busy morning) become one request. */
  function reloadSoon() {
    clearTimeout(pending);
    pending = setTimeout(load, 300);
  }

  function render() {
    if (!board) return;
    var calling = board.calling || [];
    var first = calling[0];
    var number = document.getElementById("now-number");
    number.textContent = first ? first.number : "";
    document.getElementById("now-desk").textContent = first ? t("board.goTo", first.desk) : t("board.none");
    var id = first ? first.number + "@" + first.calledAt : null;
    if (id && id !== newest && newest !== null) {
      number.classList.remove("fresh");
      void number.offsetWidth;           // restarts the animation
      number.classList.add("fresh");
    }
    newest = id || "";
    var recent = Lobby.clear(document.getElementById("recent"));
    calling.slice(1).forEach(function (c) {
      recent.appendChild(el("li", {}, el("span", { class: "n" }, c.number), el("span", {}, t("board.desk", c.desk))));
    });
    document.getElementById("waiting").textContent = board.waiting;
    document.getElementById("estimate").textContent = t("board.minutes", board.estimatedWaitMinutes);
  }

  // Spoken calls, one at a time: the next starts only when the previous has ended. Chrome
  // sometimes never reports the end, so a generous guard cuts one off rather than jam the queue.
  var SPEECH_GUARD_MS = 20000;
  var sayings = [];
  var speaking = null;    // the utterance being spoken; held so it is not collected before onend

  function announce(call) {
    if (!voice) return;
    sayings.push("请 " + call.number + " 号到 " + call.desk + " 号台");
    speakNext();
  }

  function speakNext() {
    if (speaking || !sayings.length) return;
    var u = new SpeechSynthesisUtterance(sayings.shift());
    u.lang = "zh-CN";
    u.rate = 0.9;
    var zh = speechSynthesis.getVoices().find(function (v) { return /^zh(-|_)CN/i.test(v.lang); });
    if (zh) u.voice = zh;
    var guard = setTimeout(function () { speechSynthesis.cancel(); finished(); }, SPEECH_GUARD_MS);
    function finished() {
      if (speaking !== u) return;
      clearTimeout(guard);
      speaking = null;
      speakNext();
    }
    u.onend = finished;
    u.onerror = finished;
    speaking = u;
    speechSynthesis.speak(u);
  }

  // Chrome speaks only after someone has touched the page once; a TV set up for voice shows a
  // button for the installer to tap (kiosk-mode browsers may already allow it).
  if (voice && navigator.userActivation && !navigator.userActivation.hasBeenActive) {
    var button = document.getElementById("voice-on");
    button.hidden = false;
    button.addEventListener("click", function () {
      button.hidden = true;
      sayings.push("语音播报已开启");
      speakNext();
    });
  }

  function tick() {
    document.getElementById("clock").textContent = new Date().toLocaleTimeString(
      I18n.lang() === "en" ? "en-GB" : "zh-CN", { hour: "2-digit", minute: "2-digit" });
  }

  I18n.onLang(function () { render(); tick(); });
  tick();
  setInterval(tick, 10000);
  load();
  Lobby.live(base + "/events" + auth, {
    call: function (c) { reloadSoon(); announce(c); },
    ticket: reloadSoon,
    open: reloadSoon
  });
})();
