/* The composer's page script: sends the draft to the server as the seller types and shows the
 * answer. POST /api/compose (web/composing.py) decides everything: the text rendered from the
 * fields, each field's problem, the findings, the highlight pieces, the problem cards and
 * whether Copy is allowed and why not. This file only displays that, keeps the highlights in
 * the message box aligned while a check is on its way, applies fixes and copies.
 *
 * User text only ever reaches the page through textContent / createTextNode (never innerHTML).
 * The server reports offsets in Unicode code points; strings here are UTF-16, so offsets are
 * converted before any slicing.
 */
(function () {
  "use strict";

  // Short enough to feel instant, long enough to send one request per burst of keys; a newer
  // request aborts the one in flight, so a stale answer never arrives late.
  var CHECK_DELAY_MS = 25;

  var data = JSON.parse(document.getElementById("compose-data").textContent);
  var template = data.template;
  var notes = data.notes;
  // Every word the script shows comes from the page (web/pages.py), in the interface locale.
  var strings = data.strings;
  function text(key, values) {
    return strings[key].replace(/\{(\w+)\}/g, function (whole, name) {
      return values && name in values ? String(values[name]) : whole;
    });
  }
  var form = document.getElementById("compose-form");
  var message = document.getElementById("message");
  var mirror = document.getElementById("highlights");
  var generatedInput = document.getElementById("generated");
  var editedNotice = document.getElementById("edited-notice");
  var rebuildButton = document.getElementById("rebuild");
  var counter = document.getElementById("message-count");
  var messageError = document.getElementById("message-error");
  var findingsList = document.getElementById("findings");
  var findingsTitle = document.getElementById("findings-title");
  var findingsEmpty = document.getElementById("findings-empty");
  var summary = document.getElementById("check-summary");
  var copyButton = document.getElementById("copy");
  var copyReason = document.getElementById("copy-reason");
  var copyNote = document.getElementById("copy-note");
  var csrfToken = document.querySelector('meta[name="csrf-token"]').getAttribute("content");

  var inputs = {};
  var touched = {};
  data.fields.forEach(function (name) { inputs[name] = form.elements[name]; });

  var state = data.state;          // the server's answer for the draft as last checked
  var stateKey = null;             // the draft that answer is for
  var networkError = null;         // set when the last check could not be made
  var lastGenerated = state.generated;
  var handEdited = Boolean(state.edited);
  var copiedKey = null;            // the draft last copied (and recorded): it is not re-judged
  var copiedNote = "";
  var sequence = 0;
  var timer = null;
  var inFlight = null;
  var pendingRebuild = false;
  var currentSpan = -1;

  /* ---------- the draft ---------- */

  function fieldValues() {
    var values = {};
    data.fields.forEach(function (name) { values[name] = inputs[name] ? inputs[name].value : ""; });
    return values;
  }

  // What an answer depends on: the fields, and the text once the seller writes it.
  function draftKey() {
    if (!template) { return message.value; }
    return JSON.stringify([handEdited ? message.value : "", handEdited, fieldValues()]);
  }

  function setHandEdited(value) {
    handEdited = Boolean(template) && value;
    if (editedNotice) { editedNotice.hidden = !handEdited; }
    if (rebuildButton) { rebuildButton.hidden = !handEdited; }
  }

  /* ---------- asking the server ---------- */

  function scheduleCheck() {
    clearTimeout(timer);
    timer = setTimeout(runCheck, CHECK_DELAY_MS);
  }

  function runCheck() {
    clearTimeout(timer);
    var key = draftKey();
    if (key === copiedKey) { return Promise.resolve(); }  // just copied: the verdict stands
    var mine = ++sequence;
    if (inFlight) { inFlight.abort(); }
    var controller = new AbortController();
    inFlight = controller;
    findingsList.setAttribute("aria-busy", "true");
    var body = { text: message.value, edited: template ? handEdited : true, marketplace: data.marketplace };
    if (data.language) { body.language = data.language; }
    if (template) {
      body.template = template.id;
      body.fields = fieldValues();
    }
    return fetch("/api/compose", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(body),
      signal: controller.signal
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (response.ok) {
          applyResult(mine, key, json, null);
        } else {
          applyResult(mine, key, null, json.error || text("check_failed", { status: response.status }));
        }
      });
    }).catch(function (error) {
      if (error && error.name === "AbortError") { return; }
      applyResult(mine, key, null, text("check_unreachable"));
    });
  }

  function applyResult(mine, key, json, error) {
    if (mine !== sequence) { return; }  // a newer check is on its way
    inFlight = null;
    findingsList.setAttribute("aria-busy", "false");
    networkError = error;
    if (json) {
      lastGenerated = json.generated;
      if (generatedInput) { generatedInput.value = json.generated_digest; }
      if (template && !handEdited && message.value !== json.text) {
        replaceMessage(json.text, pendingRebuild);
      }
      pendingRebuild = false;
      state = json;
      stateKey = template && !handEdited ? draftKey() : key;
    }
    render();
  }

  function replaceMessage(text, undoable) {
    if (undoable) {
      // As an edit of its own, so Ctrl+Z in the message brings the hand-written version back.
      message.focus();
      message.select();
      if (document.execCommand("insertText", false, text)) {
        message.setSelectionRange(0, 0);
        message.scrollTop = 0;
        return;
      }
    }
    message.value = text;
  }

  function current() { return stateKey === draftKey() && !networkError; }

  /* ---------- offsets ---------- */

  // map[i] = UTF-16 index of code point i; map[length] = text.length.
  function codePointMap(text) {
    var map = [];
    var unit = 0;
    for (var i = 0; i < text.length;) {
      map.push(unit);
      var code = text.charCodeAt(i);
      var step = (code >= 0xD800 && code <= 0xDBFF && i + 1 < text.length &&
                  text.charCodeAt(i + 1) >= 0xDC00 && text.charCodeAt(i + 1) <= 0xDFFF) ? 2 : 1;
      i += step; unit += step;
    }
    map.push(unit);
    return map;
  }

  function utf16(map, offset) { return map[Math.max(0, Math.min(offset, map.length - 1))]; }

  // The highlights of the last answer, in UTF-16 offsets of the text it was for.
  function answerSpans() {
    var map = codePointMap(state.text);
    var spans = [];
    state.pieces.forEach(function (piece) {
      if (!piece.category) { return; }
      spans.push({ start: utf16(map, piece.start), end: utf16(map, piece.end), piece: piece });
    });
    return spans;
  }

  // While the answer for newly typed text is on its way, highlights before the edit stay put,
  // those after it move with the text, and those the edit touched wait for the answer.
  function spansForCurrentText() {
    var spans = answerSpans();
    var before = state.text;
    var now = message.value;
    if (before === now) { return spans; }
    var prefix = 0;
    var limit = Math.min(before.length, now.length);
    while (prefix < limit && before.charCodeAt(prefix) === now.charCodeAt(prefix)) { prefix++; }
    var suffix = 0;
    while (suffix < limit - prefix &&
           before.charCodeAt(before.length - 1 - suffix) === now.charCodeAt(now.length - 1 - suffix)) { suffix++; }
    var shift = now.length - before.length;
    var tail = before.length - suffix;
    return spans.filter(function (s) { return s.end <= prefix || s.start >= tail; }).map(function (s) {
      return s.start >= tail ? { start: s.start + shift, end: s.end + shift, piece: s.piece } : s;
    });
  }

  /* ---------- highlights in the message box ---------- */

  var spans = [];

  var caretMarker = document.createElement("span");
  caretMarker.className = "editor__caret";

  function renderMirror() {
    spans = spansForCurrentText();
    var text = message.value;
    var caret = document.activeElement === message ? message.selectionEnd : -1;
    var fragment = document.createDocumentFragment();
    var placed = false;
    // Text from a to b into parent, with the (empty) caret marker where the caret is.
    function addText(parent, a, b) {
      if (!placed && caret >= a && caret < b) {
        if (caret > a) { parent.appendChild(document.createTextNode(text.slice(a, caret))); }
        parent.appendChild(caretMarker);
        placed = true;
        a = caret;
      }
      if (b > a) { parent.appendChild(document.createTextNode(text.slice(a, b))); }
    }
    var pos = 0;
    spans.forEach(function (span, index) {
      addText(fragment, pos, span.start);
      var mark = document.createElement("mark");
      mark.setAttribute("data-category", span.piece.category);
      mark.setAttribute("data-severity", span.piece.severity);
      mark.setAttribute("data-span", String(index));
      if (index === currentSpan) { mark.classList.add("is-current"); }
      var marked = text.slice(span.start, span.end);
      if (!marked.trim() && marked.indexOf("\n") >= 0) { mark.classList.add("is-blank"); }  // empty lines
      addText(mark, span.start, span.end);
      fragment.appendChild(mark);
      pos = span.end;
    });
    addText(fragment, pos, text.length);
    if (!placed) { fragment.appendChild(caretMarker); }
    fragment.appendChild(document.createElement("br"));  // a final empty line takes room, as in the textarea
    mirror.replaceChildren(fragment);
    mirror.setAttribute("data-checked", current() ? "true" : "false");
    syncMirror();
  }

  // Typing near the bottom of the screen: keep the caret above the sticky Copy bar.
  function keepCaretInSight() {
    var bar = copyButton.parentNode.getBoundingClientRect();
    var caret = caretMarker.getBoundingClientRect();
    var lineHeight = parseFloat(getComputedStyle(message).lineHeight) || 24;
    if (caret.top + lineHeight > bar.top) { window.scrollBy(0, caret.top + lineHeight - bar.top + 8); }
  }

  // Same box as the textarea's visible area, scrolled as far.
  function syncMirror() {
    mirror.style.height = message.offsetHeight + "px";
    mirror.scrollTop = message.scrollTop;
    mirror.scrollLeft = message.scrollLeft;
  }

  function spanAt(position) {
    for (var i = 0; i < spans.length; i++) {
      if (spans[i].start <= position && position < spans[i].end) { return i; }
    }
    return -1;
  }

  function cardOf(span) {
    if (!span) { return null; }
    var wanted = span.piece.findings;
    for (var i = 0; i < state.cards.length; i++) {
      if (state.cards[i].findings.some(function (f) { return wanted.indexOf(f) >= 0; })) {
        return document.getElementById(state.cards[i].id);
      }
    }
    return null;
  }

  // The caret in a highlight marks its card, so the explanation is found without searching.
  function followCaret() {
    var index = spanAt(message.selectionStart);
    if (index === currentSpan) { return; }
    currentSpan = index;
    Array.prototype.forEach.call(mirror.querySelectorAll("mark"), function (mark) {
      mark.classList.toggle("is-current", Number(mark.getAttribute("data-span")) === index);
    });
    Array.prototype.forEach.call(findingsList.children, function (li) { li.classList.remove("finding--current"); });
    var card = cardOf(spans[index]);
    if (card) {
      card.classList.add("finding--current");
      if (window.matchMedia("(min-width: 901px)").matches) { card.scrollIntoView({ block: "nearest" }); }
    }
  }

  function selectSpan(span) {
    message.focus({ preventScroll: true });
    message.setSelectionRange(span.start, span.end);
    var mark = mirror.querySelector('mark[data-span="' + spans.indexOf(span) + '"]');
    if (mark) {
      var top = mark.offsetTop;
      if (top < message.scrollTop || top + mark.offsetHeight > message.scrollTop + message.clientHeight) {
        message.scrollTop = Math.max(0, top - message.clientHeight / 3);
      }
    }
    message.scrollIntoView({ block: "nearest" });
    syncMirror();
    followCaret();
  }

  function jump(direction) {
    if (!spans.length) { return; }
    var caret = message.selectionStart;
    var target = null;
    if (direction > 0) {
      target = spans.filter(function (s) { return s.start > caret || (s.start === caret && message.selectionEnd !== s.end); })[0] || spans[0];
    } else {
      var earlier = spans.filter(function (s) { return s.start < caret; });
      target = earlier[earlier.length - 1] || spans[spans.length - 1];
    }
    selectSpan(target);
  }

  /* ---------- fields, cards, summary, Copy ---------- */

  // A field's problem shows once the seller has been there, and only while the text needs it.
  function renderFields() {
    if (!current()) { return; }
    data.fields.forEach(function (name) {
      var input = inputs[name];
      var info = state.fields[name];
      if (!input || !info) { return; }
      var shown = touched[name] && info.needed ? info.problem : null;
      var errorElement = document.getElementById(input.id + "-error");
      if (errorElement && errorElement.textContent !== (shown || "")) { errorElement.textContent = shown || ""; }
      input.setAttribute("aria-invalid", shown ? "true" : "false");
      input.closest(".field").classList.toggle("field--invalid", Boolean(shown));
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function button(label, accessibleName, onClick) {
    var node = element("button", "button button--small", label);
    node.type = "button";
    if (accessibleName && accessibleName !== label) { node.setAttribute("aria-label", accessibleName); }
    node.addEventListener("click", onClick);
    return node;
  }

  function renderCards() {
    var fragment = document.createDocumentFragment();
    state.cards.forEach(function (card) {
      var li = element("li", "finding finding--" + card.severity);
      li.id = card.id;
      li.tabIndex = -1;
      li.setAttribute("data-category", card.category);
      li.setAttribute("data-severity", card.severity);
      li.setAttribute("data-rule", card.rule);
      var head = element("p", "finding__head");
      head.appendChild(element("span", "badge badge--" + card.severity, card.badge));
      head.appendChild(element("span", "finding__category", card.category_label));
      if (card.count > 1) { head.appendChild(element("span", "finding__count", text("places", { count: card.count }))); }
      li.appendChild(head);
      li.appendChild(element("p", "finding__message", card.message));
      if (card.excerpts) { li.appendChild(element("p", "finding__excerpt", card.excerpts)); }
      if (card.source) {
        var why = element("p", "finding__source");
        why.appendChild(element("span", "finding__label", text("why")));
        why.appendChild(document.createTextNode(card.source));
        li.appendChild(why);
      }
      if (card.suggestions.length) {
        var tips = element("ul", "finding__suggestions");
        card.suggestions.forEach(function (tip) { tips.appendChild(element("li", null, tip)); });
        li.appendChild(tips);
      }
      var actions = element("div", "finding__actions");
      if (card.spans.length) {
        var next = 0;
        actions.appendChild(button(text("show_in_message"), card.show_name, function () {
          var mine = spans.filter(function (s) {
            return s.piece.findings.some(function (f) { return card.spans.indexOf(f) >= 0; });
          });
          if (mine.length) { selectSpan(mine[next++ % mine.length]); }
        }));
      }
      card.fixes.forEach(function (fix) {
        var node = button(fix.label, fix.name, fix.action === "plain-text" ? convertToPlainText
          : fix.action === "add-word" ? function () { addWord(fix.word); } : function () {
            applyReplacements(card.findings, fix.option);
          });
        node.classList.add("button--fix");
        actions.appendChild(node);
      });
      if (actions.childNodes.length) { li.appendChild(actions); }
      fragment.appendChild(li);
    });
    findingsList.replaceChildren(fragment);
    findingsEmpty.hidden = state.cards.length > 0 || Boolean(networkError) || Boolean(state.check_error) || !state.text.trim();
    currentSpan = -2;  // re-mark the card under the caret
    if (document.activeElement === message) { followCaret(); }
  }

  function renderSummary() {
    var text = networkError || state.summary.text;
    var level = networkError ? "block" : state.summary.level;
    if (summary.textContent !== text) { summary.textContent = text; }
    summary.className = "summary" + (text ? " summary--" + level : "");
    var error = networkError || state.check_error || "";
    if (messageError.textContent !== error) { messageError.textContent = error; }
    message.setAttribute("aria-invalid", error ? "true" : "false");
  }

  // Copy follows the last answer; copy() checks again first when the draft has moved on.
  function renderCopy(note) {
    var copied = copiedKey !== null && copiedKey === draftKey();
    var allowed = copied || (!networkError && state.copy.allowed);
    var reason = note || (copied ? copiedNote : networkError ? text("not_checked") : state.copy.reason);
    copyButton.disabled = !allowed;
    if (copyReason.textContent !== reason) { copyReason.textContent = reason; }
    copyReason.className = "copy-reason copy-reason--" + (allowed && !note ? "ready" : "blocked");
  }

  function updateCounter() {
    var length = codePointMap(message.value).length - 1;
    var limit = state.counter.limit;
    counter.textContent = text("counter", { length: length, limit: limit });
    counter.classList.toggle("counter--over", length > limit);
  }

  function render() {
    renderMirror();
    renderFields();
    renderCards();
    renderSummary();
    renderCopy();
    updateCounter();
  }

  /* ---------- applying fixes ---------- */

  // Replace each finding's text with its replacement number `option`, last first so earlier
  // offsets stay valid. Through execCommand the browser's Undo (Ctrl+Z) can take it back.
  function applyReplacements(indices, option) {
    if (message.value !== state.text || !current()) { runCheck(); return; }  // the text moved on
    var map = codePointMap(state.text);
    var edits = indices.map(function (i) {
      var f = state.findings[i];
      return { start: utf16(map, f.start), end: utf16(map, f.end), text: f.replacements[option] };
    }).filter(function (edit) {
      return edit.end > edit.start && typeof edit.text === "string";
    }).sort(function (a, b) { return b.start - a.start; });
    var floor = Infinity;
    message.focus({ preventScroll: true });
    edits.forEach(function (edit) {
      if (edit.end > floor) { return; }  // overlaps an edit already made
      floor = edit.start;
      message.setSelectionRange(edit.start, edit.end);
      var done = edit.text
        ? document.execCommand("insertText", false, edit.text)
        : document.execCommand("delete", false);
      if (!done) { message.setRangeText(edit.text, edit.start, edit.end, "end"); }
    });
    afterProgrammaticEdit();
  }

  function convertToPlainText() {
    var text = message.value;
    return fetch("/api/plain-text", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({ text: text })
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) { throw new Error(json.error || text("convert_failed")); }
        if (message.value !== text) { return; }  // the seller typed meanwhile: leave it be
        message.focus({ preventScroll: true });
        message.select();
        if (!document.execCommand("insertText", false, json.text)) { message.value = json.text; }
        afterProgrammaticEdit();
      });
    }).catch(function (error) {
      setNote(error.message || text("convert_failed"));
    });
  }

  // The seller's dictionary lives on the server (it changes state: the CSRF token goes along);
  // the next check decides what is still misspelt.
  function addWord(word) {
    return fetch("/api/dictionary", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrfToken },
      body: JSON.stringify({ word: word })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) { throw new Error(json.error || text("add_word_failed")); }
        return runCheck().then(function () { findingsTitle.focus(); });
      });
    }).catch(function (error) {
      setNote(error.message || text("add_word_failed"));
    });
  }

  function afterProgrammaticEdit() {
    setHandEdited(message.value !== lastGenerated);
    renderMirror();
    return runCheck().then(function () {
      // Keep keyboard users in the list of problems, ready for the next fix.
      findingsTitle.focus();
    });
  }

  /* ---------- Copy ---------- */

  function writeClipboard(text) {
    if (navigator.clipboard && window.isSecureContext) { return navigator.clipboard.writeText(text); }
    // Plain-HTTP team servers are not a secure context: fall back to the selection.
    message.focus();
    message.select();
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function recordReviewRequest() {
    return fetch("/history/record", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrfToken },
      body: JSON.stringify({ marketplace: data.marketplace, template: template.id, text: message.value,
                             order_id: inputs.order_id ? inputs.order_id.value.trim() : "" })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (response.status === 201) { return null; }
        return json.error || text("record_failed", { status: response.status });
      });
    });
  }

  function copy() {
    setNote("");
    var key = draftKey();
    if (key === copiedKey) {  // copying the same text again: it is already recorded
      return writeClipboard(message.value).then(function () { renderCopy(); }, function () { renderCopy(notes.refused); });
    }
    var ready = current() ? Promise.resolve() : runCheck();
    return ready.then(function () {
      if (!current() || !state.copy.allowed) { renderCopy(); return; }
      var text = message.value;
      var review = Boolean(state.records_review);
      var recorded = review ? recordReviewRequest() : Promise.resolve(null);
      return recorded.then(function (refusal) {
        if (refusal) {
          setNote(refusal);
          return runCheck();
        }
        // Recorded: from here the draft is "copied", not judged again as a second request.
        copiedKey = key;
        copiedNote = review ? notes.recorded : notes.copied;
        return writeClipboard(text).then(function () { renderCopy(); }, function () { renderCopy(notes.refused); });
      });
    }).catch(function () {
      setNote(text("copy_failed"));
    });
  }

  function setNote(text) {
    if (copyNote.textContent !== text) { copyNote.textContent = text; }
  }

  /* ---------- wiring ---------- */

  data.fields.forEach(function (name) {
    var input = inputs[name];
    if (!input) { return; }
    var onChange = function () { scheduleCheck(); renderCopy(); };
    input.addEventListener("input", onChange);
    input.addEventListener("change", function () {
      touched[name] = true;
      if (draftKey() !== stateKey) { onChange(); } else { renderFields(); }
    });
    input.addEventListener("blur", function () {
      if (input.value.trim()) { touched[name] = true; }
      renderFields();
    });
    if (input.value.trim() || input.getAttribute("aria-invalid") === "true") { touched[name] = true; }
  });

  // The buyer's language: a change posts the whole form (fields and text kept) and the page
  // comes back with the template in that language; the server decides everything.
  var languageSelect = document.getElementById("buyer-language");
  if (languageSelect) {
    document.getElementById("buyer-language-switch").hidden = true;
    languageSelect.addEventListener("change", function () { form.submit(); });
  }

  form.addEventListener("submit", function (event) {
    // With JavaScript the fields are checked here, without a round trip.
    event.preventDefault();
    data.fields.forEach(function (name) { touched[name] = true; });
    var check = current() ? Promise.resolve() : runCheck();
    check.then(function () {
      renderFields();
      var firstBad = data.fields.filter(function (name) {
        return state.fields[name].problem && state.fields[name].needed;
      })[0];
      if (firstBad) { inputs[firstBad].focus(); }
    });
  });

  message.addEventListener("input", function () {
    setNote("");
    setHandEdited(template ? message.value !== lastGenerated : false);
    renderMirror();
    keepCaretInSight();
    updateCounter();
    scheduleCheck();
  });
  message.addEventListener("scroll", syncMirror);
  message.addEventListener("keydown", function (event) {
    if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      jump(event.key === "ArrowDown" ? 1 : -1);
    }
  });
  ["keyup", "click", "select", "focus"].forEach(function (name) { message.addEventListener(name, followCaret); });
  if (window.ResizeObserver) { new ResizeObserver(syncMirror).observe(message); }

  if (rebuildButton) {
    rebuildButton.addEventListener("click", function () {
      var known = current();  // the last answer's generated text is for these very fields
      setHandEdited(false);
      if (known) {
        replaceMessage(lastGenerated, true);
        renderMirror();
      } else {
        pendingRebuild = true;
      }
      runCheck();
    });
  }

  copyButton.addEventListener("click", copy);
  Array.prototype.forEach.call(document.querySelectorAll(".js-only"), function (node) { node.hidden = false; });

  // Start from the server's answer for the page as sent; check again only if the browser
  // restored different values (Back button, form autofill).
  setHandEdited(handEdited);
  if (state.text === message.value) { stateKey = draftKey(); }
  render();
  if (!current()) {
    setHandEdited(template ? message.value !== lastGenerated : false);
    runCheck();
  }
}());
