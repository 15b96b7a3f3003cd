// Chinese by default, English on request. The choice (button, or ?lang=en) is remembered per
// browser. Static text carries data-i18n="key"; pages redraw their own text in onLang().
"use strict";
var I18n = (function () {
  var TEXT = {
    "lang.other": ["English", "中文"],
    "live.on": ["实时", "Live"],
    "live.off": ["重新连接中…", "Reconnecting…"],
    "error.network": ["网络异常，请稍后重试", "Network problem, please try again"],
    "error.generic": ["操作失败：{0}", "Failed: {0}"],

    "login.title": ["员工登录", "Staff sign-in"],
    "login.username": ["用户名", "Username"],
    "login.password": ["密码", "Password"],
    "login.submit": ["登录", "Sign in"],
    "login.wrong": ["用户名或密码错误", "Wrong username or password"],
    "login.role": ["此页面需要以下角色：{0}", "This page needs the role: {0}"],
    "logout": ["退出登录", "Sign out"],

    "kind.MAINTENANCE": ["保养", "Maintenance"],
    "kind.REPAIR": ["维修", "Repair"],
    "kind.WARRANTY": ["保修索赔", "Warranty"],
    "kind.ACCIDENT": ["事故理赔", "Accident / insurance"],
    "kind.PICKUP": ["取车", "Vehicle pick-up"],
    "kind.ENQUIRY": ["咨询", "Enquiry"],
    "kind.BREAKDOWN": ["故障救援", "Breakdown / tow-in"],
    "status.WAITING": ["等候中", "Waiting"],
    "status.CALLED": ["已叫号", "Called"],
    "status.SERVING": ["服务中", "Serving"],
    "status.DONE": ["已完成", "Done"],
    "status.NO_SHOW": ["过号", "No-show"],
    "status.CANCELLED": ["已取消", "Cancelled"],
    "duty.ON_DUTY": ["在岗", "On duty"],
    "duty.BREAK": ["休息", "Break"],
    "duty.LUNCH": ["午餐", "Lunch"],
    "duty.OFF": ["下班", "Off"],

    "console.title": ["顾问工作台", "Advisor console"],
    "console.desk": ["{0} 号台", "Desk {0}"],
    "console.duty": ["我的状态", "My status"],
    "console.lastOnDuty": ["无法离岗：您是最后一位在岗顾问，请等其他顾问上岗后再离开（柜台不能无人）",
      "You cannot leave: you are the last advisor on duty. Someone else must come on duty first."],
    "console.callNext": ["叫下一位", "Call next"],
    "console.nobody": ["目前没有等候的客户", "Nobody is waiting"],
    "console.mine": ["我的队列", "My queue"],
    "console.lobby": ["大厅队列", "Lobby queue"],
    "console.empty": ["暂无客户", "No customers"],
    "console.waitingCount": ["{0} 位等候", "{0} waiting"],
    "col.number": ["号码", "Number"],
    "col.kind": ["类型", "Visit"],
    "col.plate": ["车牌", "Plate"],
    "col.advisor": ["顾问", "Advisor"],
    "col.status": ["状态", "Status"],
    "col.since": ["取号时间", "Checked in"],
    "col.actions": ["操作", "Actions"],
    "act.acknowledge": ["确认提示灯", "Acknowledge lamp"],
    "act.call": ["叫号", "Call"],
    "act.recall": ["重呼", "Recall"],
    "act.start": ["开始接待", "Start"],
    "act.done": ["完成", "Done"],
    "act.noShow": ["过号", "No-show"],
    "act.transfer": ["转给…", "Transfer to…"],
    "act.acknowledged": ["已确认 {0} 的提示灯", "Lamp acknowledged for {0}"],
    "ticket.lampLit": ["提示灯亮", "Lamp lit"],
    "act.transferred": ["{0} 已转给 {1}", "{0} transferred to {1}"],
    "ticket.printProblem": ["未能打印：{0}", "Not printed: {0}"],
    "ticket.urgent": ["紧急", "Urgent"],

    "board.title": ["叫号显示", "Now calling"],
    "board.goTo": ["请到 {0} 号台", "Please go to desk {0}"],
    "board.desk": ["{0} 号台", "Desk {0}"],
    "board.none": ["请稍候，即将叫号", "Please wait to be called"],
    "board.recent": ["最近叫号", "Recently called"],
    "board.waiting": ["等候人数", "Waiting"],
    "board.estimate": ["预计等候", "Estimated wait"],
    "board.minutes": ["{0} 分钟", "{0} min"],
    "board.voiceOn": ["点击开启语音播报", "Tap to turn on announcements"],
    "board.noKey": ["显示屏未授权，请检查链接中的 key", "This display is not authorised: check the key in its address"],

    "t.title": ["排队状态", "Queue status"],
    "t.number": ["您的号码", "Your number"],
    "t.ahead": ["前面还有 {0} 位", "{0} ahead of you"],
    "t.next": ["下一位就是您", "You are next"],
    "t.estimate": ["预计等候约 {0} 分钟", "About {0} min to wait"],
    "t.goTo": ["请到 {0} 号台", "Please go to desk {0}"],
    "t.serving": ["正在为您服务", "You are being served"],
    "t.done": ["服务已完成，感谢光临", "All done, thank you for visiting"],
    "t.noShow": ["已过号，请到服务台咨询", "Your number has passed: please ask at reception"],
    "t.cancelled": ["此号码已取消", "This ticket was cancelled"],
    "t.unknown": ["找不到这张排队票。请确认二维码是今天取的号，或到服务台咨询。",
      "We can't find this ticket. Check it was printed today, or ask at reception."],
    "t.plate": ["车牌", "Plate"],
    "t.advisor": ["服务顾问", "Service advisor"],
    "t.updated": ["更新于 {0}", "Updated {0}"],

    "stats.title": ["接待统计", "Reception statistics"],
    "stats.period": ["周期", "Period"],
    "stats.day": ["日", "Day"],
    "stats.week": ["周", "Week"],
    "stats.month": ["月", "Month"],
    "stats.date": ["日期", "Date"],
    "stats.csv": ["导出 CSV", "Export CSV"],
    "stats.range": ["{0} 至 {1}", "{0} to {1}"],
    "stats.none": ["该时段没有数据", "No visits in this period"],
    "stats.total": ["合计", "Total"],
    "stats.visits": ["接待数", "Visits"],
    "stats.waitAck": ["平均响应（秒）", "Avg. to acknowledge (s)"],
    "stats.waitCall": ["平均等候叫号（分）", "Avg. wait to call (min)"],
    "stats.service": ["平均服务时长（分）", "Avg. service (min)"],
    "stats.greeted": ["及时接待率", "Greeted in time"],
    "stats.noShows": ["过号", "No-shows"],
    "stats.chartVisits": ["各顾问接待数", "Visits per advisor"],
    "stats.chartGreeted": ["各顾问及时接待率", "Greeted in time per advisor"],

    "devices.title": ["设备状态", "Kiosks and devices"],
    "devices.kiosk": ["自助机", "Kiosk"],
    "devices.version": ["版本", "Version"],
    "devices.lastSeen": ["最后心跳", "Last heartbeat"],
    "devices.pending": ["待同步", "Pending ops"],
    "devices.devices": ["外设", "Devices"],
    "devices.none": ["尚无自助机上报", "No kiosk has reported yet"],
    "devices.never": ["从未", "never"],
    "devices.ago": ["{0}前", "{0} ago"],
    "devices.stale": ["失联", "Silent"],
    "state.ONLINE": ["正常", "Online"],
    "state.DEGRADED": ["需注意", "Degraded"],
    "state.OFFLINE": ["离线", "Offline"]
  };
  var KEY = "lobby.lang";
  var listeners = [];
  var current = (function () {
    var asked = new URLSearchParams(location.search).get("lang");
    if (asked === "en" || asked === "zh") {
      try { localStorage.setItem(KEY, asked); } catch (e) { /* private mode: not remembered */ }
      return asked;
    }
    try { return localStorage.getItem(KEY) === "en" ? "en" : "zh"; } catch (e) { return "zh"; }
  })();

  /** The text for key in the current language, with {0}, {1}... replaced by the arguments. */
  function t(key) {
    var entry = TEXT[key];
    var text = entry ? entry[current === "en" ? 1 : 0] : key;
    var args = arguments;
    return text.replace(/\{(\d)\}/g, function (m, i) {
      var v = args[Number(i) + 1];
      return v === undefined || v === null ? "" : String(v);
    });
  }

  function apply(root) {
    document.documentElement.lang = current === "en" ? "en" : "zh-CN";
    (root || document).querySelectorAll("[data-i18n]").forEach(function (el) {
      el.textContent = t(el.getAttribute("data-i18n"));
    });
  }

  function set(lang) {
    current = lang === "en" ? "en" : "zh";
    try { localStorage.setItem(KEY, current); } catch (e) { /* not remembered */ }
    apply();
    listeners.forEach(function (fn) { fn(current); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    apply();
    document.querySelectorAll(".lang-switch").forEach(function (b) {
      b.addEventListener("click", function () { set(current === "en" ? "zh" : "en"); });
    });
  });

  return {
    t: t,
    apply: apply,
    set: set,
    lang: function () { return current; },
    onLang: function (fn) { listeners.push(fn); }
  };
})();
