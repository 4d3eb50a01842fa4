/* Incoming message: live triage (debounced POST /api/triage) and the 24-hour reply clock.
   Without JavaScript the form posts to /triage and the server renders the same result. */
(function () {
  "use strict";

  var DEBOUNCE_MS = 300;
  var WINDOW_MS = 24 * 60 * 60 * 1000;
  var URGENT_MS = 4 * 60 * 60 * 1000;
  var TICK_MS = 15 * 1000;

  var form = document.getElementById("triage-form");
  var input = document.getElementById("incoming");
  if (!form || !input) { return; }
  var status = document.getElementById("triage-status");
  var empty = document.getElementById("triage-empty");
  var box = document.getElementById("triage-result");
  var verdict = document.getElementById("verdict");
  var verdictHelp = document.getElementById("verdict-help");
  var intentTitle = document.getElementById("intent-title");
  var intentId = document.getElementById("intent-id");
  var textView = document.getElementById("triage-text");
  var reasonList = document.getElementById("reason-list");
  var suggestionsBox = document.getElementById("suggestions-box");
  var suggestions = document.getElementById("suggestions");

  var timer = null;
  var sequence = 0;

  /* Offsets from the server are code points; JavaScript strings index UTF-16 code units. */
  function unitOffsets(text) {
    var map = [];
    var unit = 0;
    for (var ch of text) { map.push(unit); unit += ch.length; }
    map.push(unit);
    return map;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function merged(reasons) {
    var out = [];
    reasons.slice().sort(function (a, b) { return a.start - b.start || a.end - b.end; }).forEach(function (r) {
      var last = out[out.length - 1];
      if (last && r.start < last.end) {
        last.end = Math.max(last.end, r.end);
        if (last.why.indexOf(r.why) < 0) { last.why.push(r.why); }
      } else {
        out.push({ start: r.start, end: r.end, why: [r.why] });
      }
    });
    return out;
  }

  function renderText(text, reasons) {
    clear(textView);
    var map = unitOffsets(text);
    var at = 0;
    merged(reasons).forEach(function (r) {
      var start = map[r.start], end = map[r.end];
      if (start > at) { textView.appendChild(document.createTextNode(text.slice(at, start))); }
      var span = document.createElement("span");
      span.className = "reason";
      span.title = r.why.join("; ");
      span.setAttribute("data-why", r.why.join("; "));
      span.textContent = text.slice(start, end);
      textView.appendChild(span);
      at = end;
    });
    if (at < text.length) { textView.appendChild(document.createTextNode(text.slice(at))); }

    clear(reasonList);
    reasons.forEach(function (r) {
      var li = document.createElement("li");
      var q = document.createElement("q");
      q.textContent = text.slice(map[r.start], map[r.end]);
      li.appendChild(q);
      li.appendChild(document.createTextNode(" — " + r.why));
      reasonList.appendChild(li);
    });
  }

  function label(key) { return key === "order_id" ? "order ID" : key.replace(/_/g, " "); }

  function renderSuggestions(list) {
    clear(suggestions);
    list.forEach(function (s, i) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.className = i === 0 ? "button button--primary" : "button";
      a.href = s.url;
      a.textContent = "Open \u201c" + s.title + "\u201d";
      li.appendChild(a);
      if (s.prefilled && s.prefilled.length) {
        var note = document.createElement("span");
        note.className = "prefill-note";
        note.textContent = "fills in the " + s.prefilled.map(label).join(" and ");
        li.appendChild(document.createTextNode(" "));
        li.appendChild(note);
      }
      suggestions.appendChild(li);
    });
    suggestionsBox.hidden = list.length === 0;
  }

  function render(text, result) {
    empty.hidden = true;
    box.hidden = false;
    var word = result.needs_reply ? "Needs a reply" : "No response needed";
    verdict.textContent = word;
    verdict.className = "verdict " + (result.needs_reply ? "verdict--reply" : "verdict--none");
    verdictHelp.textContent = result.needs_reply
      ? "Answer within 24 hours of the message's arrival."
      : "Mark it \u201cNo response needed\u201d in Seller Central so it does not count as a late response.";
    intentTitle.textContent = result.intent_title;
    intentId.textContent = result.intent;
    renderText(text, result.reasons);
    renderSuggestions(result.suggestions || []);
    var summary = word + " \u00b7 " + result.intent_title;
    if (status.textContent !== summary) { status.textContent = summary; }
  }

  function reset() {
    box.hidden = true;
    empty.hidden = false;
    status.textContent = "";
  }

  function run() {
    var text = input.value;
    var mine = ++sequence;
    if (!text.trim()) { reset(); return Promise.resolve(); }
    return fetch("/api/triage", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({ text: text })
    }).then(function (response) {
      return response.json().then(function (json) {
        if (mine !== sequence) { return; }
        if (!response.ok) { status.textContent = json.error || "Could not triage the message."; return; }
        render(text, json);
      });
    }).catch(function () {
      if (mine === sequence) { status.textContent = "Could not triage right now. Your text is still here; try again."; }
    });
  }

  function schedule() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(run, DEBOUNCE_MS);
  }

  input.addEventListener("input", schedule);

  /* ---------- reply clock ---------- */

  var arrived = document.getElementById("arrived");
  var clock = document.getElementById("clock");
  var clockLeft = document.getElementById("clock-left");
  var clockDeadline = document.getElementById("clock-deadline");
  var announce = document.getElementById("clock-announce");
  var lastState = null;

  function span(ms) {
    var minutes = Math.floor(Math.abs(ms) / 60000);
    var m = minutes % 60;
    return Math.floor(minutes / 60) + " h " + (m < 10 ? "0" : "") + m + " min";
  }

  function parseLocal(value) {
    /* "YYYY-MM-DDTHH:MM" in the browser's time zone (Date would read a date-only string as UTC). */
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
    if (!m) { return null; }
    return new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0));
  }

  function tick() {
    var when = arrived.value ? parseLocal(arrived.value) : null;
    if (!when) {
      clock.hidden = true;
      lastState = null;
      return;
    }
    var deadline = new Date(when.getTime() + WINDOW_MS);
    var left = deadline.getTime() - Date.now();
    var state = left <= 0 ? "overdue" : left <= URGENT_MS ? "urgent" : "ok";
    var text = state === "overdue" ? "Overdue: the 24-hour window closed " + span(left) + " ago. Reply now."
      : state === "urgent" ? "Urgent: " + span(left) + " left to reply."
      : span(left) + " left to reply.";
    clock.hidden = false;
    clock.className = "clock clock--" + state;
    clockLeft.textContent = text;
    clockDeadline.textContent = "Reply by " + deadline.toLocaleString(undefined, {
      weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit"
    });
    if (state !== lastState) {
      /* Announce only changes of state, not every tick. */
      if (state !== "ok" || lastState !== null) { announce.textContent = text; }
      lastState = state;
    }
  }

  arrived.addEventListener("input", tick);
  arrived.addEventListener("change", tick);
  setInterval(tick, TICK_MS);
  tick();

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (timer) { clearTimeout(timer); }
    run();
    tick();
  });
})();
