// What every page shares: JSON calls to the back office, building DOM without innerHTML (names
// and plates come from the server and are never parsed as HTML), staff sign-in, and the live
// event stream. Needs i18n.js first.
"use strict";
var Lobby = (function () {
  var t = I18n.t;

  /** Resolves to {status, ok, data}; 4xx answers resolve too (data.error says why), only a broken network rejects. */
  function api(method, path, body) {
    var init = { method: method, credentials: "same-origin", headers: { "Accept": "application/json" } };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (r) {
      return r.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = { error: text }; }
        return { status: r.status, ok: r.ok, data: data };
      });
    });
  }

  function errorOf(answer) {
    return answer && answer.data && answer.data.error ? answer.data.error : "HTTP " + (answer ? answer.status : "?");
  }

  /** el("td", {class: "x", onclick: fn}, "text", childNode, ...) */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k.indexOf("on") === 0) node.addEventListener(k.slice(2), v);
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : v);
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  /** A message in the page's #message bar; errors stay until replaced, notes fade after a while. */
  var messageTimer = null;
  function message(text, kind) {
    var bar = document.getElementById("message");
    if (!bar) return;
    bar.textContent = text || "";
    bar.className = "message " + (kind || "note");
    bar.hidden = !text;
    clearTimeout(messageTimer);
    if (text && kind !== "error") {
      messageTimer = setTimeout(function () { bar.hidden = true; }, 6000);
    }
  }

  /** A refused call: signed out meanwhile (session expired, server restarted) means sign in again. */
  function failed(answer) {
    if (answer.status === 401 && document.getElementById("login")) location.reload();
    else message(t("error.generic", errorOf(answer)), "error");
  }

  function time(iso) {
    if (!iso) return "";
    var d = new Date(iso);
    return isNaN(d) ? "" : d.toLocaleTimeString(I18n.lang() === "en" ? "en-GB" : "zh-CN",
      { hour: "2-digit", minute: "2-digit" });
  }

  /**
   * Shows the sign-in form in #login until someone with one of the roles signs in; resolves
   * with GET /api/me's answer. The page's own content (#app) stays hidden until then.
   */
  function requireLogin(roles) {
    var box = document.getElementById("login");
    var app = document.getElementById("app");
    return new Promise(function (resolve) {
      function accept(me) {
        if (roles.indexOf(me.role) < 0) {
          showForm(t("login.role", roles.join(" / ")));
          return;
        }
        box.hidden = true;
        app.hidden = false;
        document.querySelectorAll(".who").forEach(function (w) { w.textContent = me.name || me.username; });
        document.querySelectorAll(".logout").forEach(function (b) {
          b.hidden = false;
          b.onclick = function () {
            api("POST", "/api/logout").then(function () { location.reload(); });
          };
        });
        resolve(me);
      }
      function showForm(problem) {
        app.hidden = true;
        box.hidden = false;
        var error = el("p", { class: "message error", id: "login-error", role: "alert", text: problem || "" });
        error.hidden = !problem;
        var user = el("input", { id: "username", name: "username", autocomplete: "username", required: true });
        var pass = el("input", { id: "password", name: "password", type: "password",
          autocomplete: "current-password", required: true });
        var form = el("form", { class: "card login" },
          el("h2", { "data-i18n": "login.title" }),
          el("label", {}, el("span", { "data-i18n": "login.username" }), user),
          el("label", {}, el("span", { "data-i18n": "login.password" }), pass),
          error,
          el("button", { type: "submit", id: "login-submit", class: "primary", "data-i18n": "login.submit" }));
        form.addEventListener("submit", function (e) {
          e.preventDefault();
          api("POST", "/api/login", { username: user.value.trim(), password: pass.value }).then(function (r) {
            if (r.ok) accept(r.data);
            else { error.textContent = r.status === 401 ? t("login.wrong") : errorOf(r); error.hidden = false; }
          }, function () { error.textContent = t("error.network"); error.hidden = false; });
        });
        clear(box).appendChild(form);
        I18n.apply(box);
        user.focus();
      }
      api("GET", "/api/me").then(function (r) {
        if (r.ok) accept(r.data); else showForm();
      }, function () { showForm(t("error.network")); });
    });
  }

  /**
   * Listens to the site's server-sent events. handlers maps event names to functions of the
   * parsed data; handlers.open (if any) runs on every (re)connection, so a page can fetch the
   * full state once the stream is there and miss nothing in between.
   */
  function live(url, handlers) {
    var badge = document.getElementById("live");
    var source = new EventSource(url);
    function show(on) {
      if (!badge) return;
      badge.className = "live " + (on ? "on" : "off");
      badge.setAttribute("data-i18n", on ? "live.on" : "live.off");
      badge.textContent = t(on ? "live.on" : "live.off");
    }
    source.addEventListener("open", function () {
      show(true);
      if (handlers.open) handlers.open();
    });
    source.addEventListener("error", function () { show(false); });
    Object.keys(handlers).forEach(function (name) {
      if (name === "open") return;
      source.addEventListener(name, function (e) {
        var data;
        try { data = JSON.parse(e.data); } catch (err) { return; }
        handlers[name](data);
      });
    });
    return source;
  }

  return { api: api, errorOf: errorOf, el: el, clear: clear, message: message, failed: failed, time: time,
    requireLogin: requireLogin, live: live, t: t };
})();
