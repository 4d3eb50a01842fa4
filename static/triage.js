/* Incoming message: live triage (debounced POST /api/triage), the marketplace's reply clock, and
   the inbox upload with a progress bar. The server decides every word shown (verdict, help, reasons,
   link labels, the inbox list as HTML, and the page's #triage-data strings in the interface
   locale); this script only places it. Without JavaScript both forms post and the server renders
   the same result. */
(function () {
  "use strict";

  var DEBOUNCE_MS = 300;
  var URGENT_MS = 4 * 60 * 60 * 1000;
  var TICK_MS = 15 * 1000;

  var form = document.getElementById("triage-form");
  var input = document.getElementById("incoming");
  if (!form || !input) { return; }
  var previous = document.getElementById("previous");
  var HOURS = parseInt(form.getAttribute("data-reply-hours"), 10) || 24;
  var WINDOW_MS = HOURS * 60 * 60 * 1000;
  var marketplace = form.getAttribute("data-marketplace");
  var locale = form.getAttribute("data-locale");
  var lang = form.getAttribute("data-lang") || undefined;
  var dataNode = document.getElementById("triage-data");
  var STRINGS = dataNode ? JSON.parse(dataNode.textContent) : {};

  /* A page string with its {name} places filled. */
  function say(key, values) {
    return String(STRINGS[key] || "").replace(/\{(\w+)\}/g, function (all, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
  }
  var status = document.getElementById("triage-status");
  var empty = document.getElementById("triage-empty");
  var box = document.getElementById("triage-result");
  var verdict = document.getElementById("verdict");
  var verdictHelp = document.getElementById("verdict-help");
  var intentTitle = document.getElementById("intent-title");
  var textView = document.getElementById("triage-text");
  var reasonList = document.getElementById("reason-list");
  var suggestionsBox = document.getElementById("suggestions-box");
  var languageLine = document.getElementById("language-line");
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

  function renderText(text, reasons, phrases, language) {
    clear(textView);
    /* The buyer's words are in the buyer's language, not the page's. */
    if (language) { textView.lang = language; } else { textView.removeAttribute("lang"); }
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
    phrases.forEach(function (p) {
      var li = document.createElement("li");
      var q = document.createElement("q");
      if (language) { q.lang = language; }
      q.textContent = p.text;
      li.appendChild(q);
      li.appendChild(document.createTextNode(" \u2014 " + p.why));
      reasonList.appendChild(li);
    });
  }

  function renderSuggestions(list) {
    clear(suggestions);
    list.forEach(function (s, i) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.className = i === 0 ? "button button--primary" : "button";
      a.href = s.url;
      a.textContent = s.label;
      li.appendChild(a);
      if (s.prefill_note) {
        var note = document.createElement("span");
        note.className = "prefill-note";
        note.textContent = s.prefill_note;
        li.appendChild(document.createTextNode(" "));
        li.appendChild(note);
      }
      if (s.language_note) {
        var languageNote = document.createElement("span");
        languageNote.className = "language-note";
        languageNote.textContent = s.language_note;
        li.appendChild(document.createTextNode(" "));
        li.appendChild(languageNote);
      }
      suggestions.appendChild(li);
    });
    suggestionsBox.hidden = list.length === 0;
  }

  function render(text, result) {
    empty.hidden = true;
    box.hidden = false;
    verdict.textContent = result.verdict;
    verdict.className = "verdict " + (result.needs_reply ? "verdict--reply" : "verdict--none");
    verdictHelp.textContent = result.verdict_help;
    intentTitle.textContent = result.intent_title;
    languageLine.textContent = result.language_title || "";
    languageLine.hidden = !result.language_title;
    renderText(text, result.reasons, result.phrases || [], result.language);
    renderSuggestions(result.suggestions || []);
    var summary = result.verdict + " \u00b7 " + result.intent_title;
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
      body: JSON.stringify({ text: text, previous: previous ? previous.value : "", marketplace: marketplace,
                             locale: locale })
    }).then(function (response) {
      return response.json().then(function (json) {
        if (mine !== sequence) { return; }
        if (!response.ok) { status.textContent = json.error || say("failed"); return; }
        render(text, json);
      });
    }).catch(function () {
      if (mine === sequence) { status.textContent = say("unreachable"); }
    });
  }

  function schedule() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(run, DEBOUNCE_MS);
  }

  input.addEventListener("input", schedule);
  if (previous) { previous.addEventListener("input", function () { if (input.value.trim()) { schedule(); } }); }

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
    return say("span", { hours: Math.floor(minutes / 60), minutes: (m < 10 ? "0" : "") + m });
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
    var said = say(state, { window: HOURS, span: span(left) });
    clock.hidden = false;
    clock.className = "clock clock--" + state;
    clockLeft.textContent = said;
    clockDeadline.textContent = say("reply_by", { time: deadline.toLocaleString(lang, {
      weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit"
    }) });
    if (state !== lastState) {
      /* Announce only changes of state, not every tick. */
      if (state !== "ok" || lastState !== null) { announce.textContent = said; }
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

  /* ---------- a whole inbox: upload with progress, the server renders the list ---------- */

  var inboxForm = document.getElementById("inbox-form");
  var progress = document.getElementById("inbox-progress");
  var inboxStatus = document.getElementById("inbox-status");
  var results = document.getElementById("inbox-results");

  function uploadInbox(event) {
    event.preventDefault();
    /* fetch() reports no upload progress; XMLHttpRequest does. */
    var xhr = new XMLHttpRequest();
    xhr.open("POST", inboxForm.action + "?fragment=1");
    xhr.setRequestHeader("Accept", "text/html");
    progress.hidden = false;
    progress.value = 0;
    inboxStatus.textContent = say("uploading");
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) {
        progress.value = Math.round(e.loaded / e.total * 100);
        inboxStatus.textContent = say("uploading_percent", { percent: progress.value });
      }
    });
    xhr.upload.addEventListener("load", function () {
      progress.value = 100;
      inboxStatus.textContent = say("triaging");
    });
    xhr.addEventListener("load", function () {
      progress.hidden = true;
      if (xhr.status === 200 || xhr.status === 400) {
        results.innerHTML = xhr.responseText;  /* rendered and escaped by the server */
        var summary = document.getElementById("inbox-summary");
        var error = document.getElementById("inbox-error");
        inboxStatus.textContent = error ? "" : (summary ? summary.textContent.replace(/\s+/g, " ").trim() : "");
      } else if (xhr.status === 413) {
        inboxStatus.textContent = say("too_large");
      } else {
        inboxStatus.textContent = say("inbox_failed");
      }
    });
    xhr.addEventListener("error", function () {
      progress.hidden = true;
      inboxStatus.textContent = say("upload_failed");
    });
    xhr.send(new FormData(inboxForm));
  }

  if (inboxForm) { inboxForm.addEventListener("submit", uploadInbox); }
})();
