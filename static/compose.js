/* The composer: fills a template from its fields, checks the message as the seller types,
 * highlights what breaks the rules, applies suggested fixes and gates the Copy button.
 *
 * User text only ever reaches the page through textContent / createTextNode (never innerHTML).
 * The engine reports offsets in Unicode code points; strings here are UTF-16, so offsets are
 * converted before any slicing.
 */
(function () {
  "use strict";

  var DEBOUNCE_MS = 120;
  var CONTEXT_FIELDS = ["order_id", "delivered_on", "delivered_latest"];

  var data = JSON.parse(document.getElementById("compose-data").textContent);
  var CATEGORY_LABELS = data.categories || {};
  var template = data.template;
  var specs = template ? template.fields : [];
  var form = document.getElementById("compose-form");
  var message = document.getElementById("message");
  var editedInput = document.getElementById("edited");
  var editedNotice = document.getElementById("edited-notice");
  var rebuildButton = document.getElementById("rebuild");
  var counter = document.getElementById("message-count");
  var preview = document.getElementById("preview");
  var findingsList = document.getElementById("findings");
  var findingsTitle = document.getElementById("findings-title");
  var findingsEmpty = document.getElementById("findings-empty");
  var summary = document.getElementById("check-summary");
  var copyButton = document.getElementById("copy");
  var copyReason = document.getElementById("copy-reason");
  var copyNote = document.getElementById("copy-note");
  var csrfToken = document.querySelector('meta[name="csrf-token"]').getAttribute("content");

  /* ---------- template fields ---------- */

  var inputs = {};
  var touched = {};
  specs.forEach(function (spec) { inputs[spec.name] = form.elements[spec.name]; });

  function cleanValue(value, type) {
    var text = String(value || "").replace(/\r\n?/g, "\n").trim();
    if (type !== "textarea") { text = text.split(/\s+/).filter(Boolean).join(" "); }
    return text;
  }

  function fieldValues() {
    var values = {};
    specs.forEach(function (spec) { values[spec.name] = inputs[spec.name] ? inputs[spec.name].value : ""; });
    return values;
  }

  // The body syntax of policy/templates.py: {name} placeholders, [[ ... ]] optional segments.
  var segments = !template ? [] : template.segments ? template.segments.map(function (segment) {
    return { optional: segment.optional, parts: segment.parts.map(function (p) {
      return p.field ? { field: p.field } : p.text;
    }) };
  }) : parseBody(template.body);

  function parseBody(body) {
    var out = [];
    var parts = [];
    var optional = false;
    var token = /\[\[|\]\]|\{([a-z][a-z0-9_]*)\}|[^\[\]{}]+|[\[\]{}]/g;
    var match;
    while ((match = token.exec(body)) !== null) {
      if (match[0] === "[[") {
        if (parts.length) { out.push({ optional: false, parts: parts }); }
        parts = []; optional = true;
      } else if (match[0] === "]]") {
        out.push({ optional: true, parts: parts });
        parts = []; optional = false;
      } else if (match[1]) {
        parts.push({ field: match[1] });
      } else {
        parts.push(match[0]);
      }
    }
    if (parts.length) { out.push({ optional: optional, parts: parts }); }
    return out;
  }

  // Same result as Template.render(values, partial=True) in policy/templates.py: a blank required
  // field stays "{name}", an optional segment with a blank field disappears with its line breaks.
  function renderTemplate(values) {
    var clean = {};
    specs.forEach(function (spec) { clean[spec.name] = cleanValue(values[spec.name], spec.type); });
    var out = "";
    var dropped = false;
    segments.forEach(function (segment) {
      var names = segment.parts.filter(function (p) { return typeof p !== "string"; });
      if (segment.optional && !names.every(function (p) { return clean[p.field]; })) {
        dropped = true;
        return;
      }
      segment.parts.forEach(function (p) {
        var text = typeof p === "string" ? p : (clean[p.field] || "{" + p.field + "}");
        if (dropped) { text = mergeBreaks(out, text); dropped = false; }
        out += text;
      });
    });
    return out.trim();
  }

  function mergeBreaks(before, text) {
    var trailing = before.length - before.replace(/\n+$/, "").length;
    var stripped = text.replace(/^\n+/, "");
    var leading = text.length - stripped.length;
    return "\n".repeat(Math.max(0, Math.max(trailing, leading) - trailing)) + stripped;
  }

  function compiled(pattern) {
    try { return new RegExp(pattern); } catch (e) { return null; }
  }

  function fieldProblem(spec, raw) {
    var value = String(raw || "").trim();
    var messages = data.fields[spec.name];
    if (!value) { return spec.required ? messages.required : null; }
    var re = spec.pattern ? compiled(spec.pattern) : null;
    if (re && !re.test(value)) { return messages.format; }
    if (spec.choices && spec.choices.length && spec.choices.indexOf(value) < 0) { return messages.format; }
    return null;
  }

  function showFieldProblem(spec) {
    var input = inputs[spec.name];
    if (!input) { return null; }
    var problem = fieldProblem(spec, input.value);
    var shown = touched[spec.name] ? problem : null;
    var errorElement = document.getElementById(input.id + "-error");
    if (errorElement && errorElement.textContent !== (shown || "")) { errorElement.textContent = shown || ""; }
    input.setAttribute("aria-invalid", shown ? "true" : "false");
    input.closest(".field").classList.toggle("field--invalid", Boolean(shown));
    return problem;
  }

  function fieldProblems() {
    var missing = [];
    var invalid = [];
    specs.forEach(function (spec) {
      var input = inputs[spec.name];
      if (!input) { return; }
      var problem = fieldProblem(spec, input.value);
      if (!problem) { return; }
      (input.value.trim() ? invalid : missing).push(spec.label);
    });
    return { missing: missing, invalid: invalid };
  }

  function checkContext() {
    var context = {};
    specs.forEach(function (spec) {
      var input = inputs[spec.name];
      if (CONTEXT_FIELDS.indexOf(spec.name) < 0 || !input) { return; }
      var value = input.value.trim();
      if (value && !fieldProblem(spec, value)) { context[spec.name] = value; }
    });
    return context;
  }

  /* ---------- message text: generated from fields until the seller edits it ---------- */

  var lastGenerated = template ? renderTemplate(fieldValues()) : message.value;
  // "1" when the server sent back the seller's own text (a "Check fields" round trip).
  var handEdited = editedInput.value === "1" && message.value !== lastGenerated;

  function setHandEdited(value) {
    handEdited = value;
    editedInput.value = value ? "1" : "0";
    if (editedNotice) { editedNotice.hidden = !(value && template); }
  }

  function rebuildMessage() {
    lastGenerated = renderTemplate(fieldValues());
    message.value = lastGenerated;
    setHandEdited(false);
  }

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

  function utf16Span(map, finding) {
    var last = map.length - 1;
    var start = map[Math.max(0, Math.min(finding.start, last))];
    var end = map[Math.max(0, Math.min(finding.end, last))];
    return [start, Math.max(start, end)];
  }

  /* ---------- the check ---------- */

  var state = { text: null, findings: [], error: null, map: [0], key: null };
  var sequence = 0;
  var timer = null;
  var inFlight = null;

  function scheduleCheck() {
    clearTimeout(timer);
    timer = setTimeout(runCheck, DEBOUNCE_MS);
    updateCounter();
  }

  // What a check result depends on: the text and, on a template, the context from its fields.
  function checkKey(text) {
    return text + "\u0000" + (template ? JSON.stringify(checkContext()) : "");
  }

  function runCheck() {
    clearTimeout(timer);
    var text = message.value;
    var key = checkKey(text);
    var mine = ++sequence;
    if (inFlight) { inFlight.abort(); }
    if (!text.trim()) {
      applyResult(mine, text, { findings: [] }, null, key);
      return Promise.resolve();
    }
    var controller = new AbortController();
    inFlight = controller;
    setBusy(true);
    var body = { text: text, marketplace: data.marketplace };
    if (template) {
      body.template = template.id;
      body.context = checkContext();
    }
    return fetch("/api/check", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(body),
      signal: controller.signal
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) {
          applyResult(mine, text, null, json.error || ("The check failed (" + response.status + ")."), key);
        } else {
          applyResult(mine, text, json, null, key);
        }
      });
    }).catch(function (error) {
      if (error && error.name === "AbortError") { return; }
      applyResult(mine, text, null, "The check could not reach the server. Your text is safe; try again.", key);
    });
  }

  var busyTimer = null;
  function setBusy(busy) {
    clearTimeout(busyTimer);
    preview.setAttribute("aria-busy", busy ? "true" : "false");
    // Only a slow check shows itself; a quick one would just flicker.
    if (busy) {
      busyTimer = setTimeout(function () { preview.classList.add("preview--busy"); }, 400);
    } else {
      preview.classList.remove("preview--busy");
    }
  }

  function applyResult(mine, text, json, error, key) {
    if (mine !== sequence) { return; }  // a newer check is on its way
    inFlight = null;
    setBusy(false);
    state = { text: text, findings: json ? json.findings : [], error: error, map: codePointMap(text),
              key: key };
    renderPreview();
    renderFindings();
    announce();
    updateCopy();
  }

  /* ---------- preview with <mark> highlights ---------- */

  function renderPreview() {
    var text = state.text;
    var spans = [];
    state.findings.forEach(function (finding, index) {
      if (finding.end > finding.start) {
        var span = utf16Span(state.map, finding);
        if (span[1] > span[0]) { spans.push({ start: span[0], end: span[1], finding: finding, index: index }); }
      }
    });
    var cuts = [0, text.length];
    spans.forEach(function (s) { cuts.push(s.start, s.end); });
    cuts = cuts.filter(function (v, i, all) { return all.indexOf(v) === i; }).sort(function (a, b) { return a - b; });

    var fragment = document.createDocumentFragment();
    var pieces = [];
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i];
      var b = cuts[i + 1];
      var covering = spans.filter(function (s) { return s.start <= a && s.end >= b; });
      var key = covering.map(function (s) { return s.index; }).join(" ");
      var previous = pieces[pieces.length - 1];
      if (previous && previous.key === key) { previous.end = b; } else { pieces.push({ start: a, end: b, key: key, covering: covering }); }
    }
    pieces.forEach(function (piece) {
      var node = document.createTextNode(text.slice(piece.start, piece.end));
      if (!piece.covering.length) { fragment.appendChild(node); return; }
      var strongest = piece.covering.filter(function (s) { return s.finding.severity === "block"; })[0] || piece.covering[0];
      var mark = document.createElement("mark");
      mark.setAttribute("data-category", strongest.finding.category);
      mark.setAttribute("data-severity", strongest.finding.severity);
      mark.setAttribute("data-findings", piece.key);
      mark.title = piece.covering.map(function (s) { return s.finding.message; }).join("\n");
      mark.appendChild(node);
      fragment.appendChild(mark);
    });
    if (!text) {
      var empty = document.createElement("span");
      empty.className = "preview__empty";
      empty.textContent = "The message appears here as you write it.";
      fragment.appendChild(empty);
    }
    preview.replaceChildren(fragment);
  }

  // Clicking a highlight brings its explanation into view.
  preview.addEventListener("click", function (event) {
    var mark = event.target.closest("mark");
    if (!mark) { return; }
    var first = state.findings[Number(mark.getAttribute("data-findings").split(" ")[0])];
    var item = first && first.listItem ? document.getElementById(first.listItem) : null;
    if (item) {
      item.scrollIntoView({ block: "nearest" });
      item.focus({ preventScroll: true });
    }
  });

  /* ---------- the list of findings ---------- */

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function quote(text) { return "“" + text + "”"; }

  // Findings of one rule with the same message and fixes are listed once ("<p>", "</p>", ...).
  function groupFindings() {
    var groups = [];
    var byKey = {};
    state.findings.forEach(function (f) {
      var key = [f.rule, f.severity, f.message, JSON.stringify(f.replacements || [])].join("\u0000");
      if (!byKey[key]) {
        byKey[key] = { first: f, findings: [] };
        groups.push(byKey[key]);
      }
      byKey[key].findings.push(f);
    });
    groups.sort(function (x, y) {
      return (x.first.severity === "block" ? 0 : 1) - (y.first.severity === "block" ? 0 : 1) ||
        groups.indexOf(x) - groups.indexOf(y);
    });
    return groups;
  }

  function excerptLine(findings) {
    var seen = [];
    findings.forEach(function (f) {
      if (f.end > f.start && f.excerpt && seen.indexOf(f.excerpt) < 0) { seen.push(f.excerpt); }
    });
    if (!seen.length) { return null; }
    var shown = seen.slice(0, 4).map(quote).join(", ");
    return seen.length > 4 ? shown + " and " + (seen.length - 4) + " more" : shown;
  }

  function fixButton(label, accessibleName, onClick) {
    var button = element("button", "button button--small button--fix", label);
    button.type = "button";
    if (accessibleName) { button.setAttribute("aria-label", accessibleName); }
    button.addEventListener("click", onClick);
    return button;
  }

  function renderFindings() {
    var fragment = document.createDocumentFragment();
    groupFindings().forEach(function (group, groupIndex) {
      var f = group.first;
      var many = group.findings.length;
      var li = element("li", "finding finding--" + f.severity);
      li.id = "finding-" + groupIndex;
      li.tabIndex = -1;
      group.findings.forEach(function (member) { member.listItem = li.id; });
      li.setAttribute("data-category", f.category);
      li.setAttribute("data-severity", f.severity);
      li.setAttribute("data-rule", f.rule);
      var head = element("p", "finding__head");
      head.appendChild(element("span", "badge badge--" + f.severity, f.severity === "block" ? "Blocks copying" : "Warning"));
      head.appendChild(element("span", "finding__category", CATEGORY_LABELS[f.category] || f.category));
      if (many > 1) { head.appendChild(element("span", "finding__count", many + " places")); }
      li.appendChild(head);
      li.appendChild(element("p", "finding__message", f.message));
      var excerpts = excerptLine(group.findings);
      if (excerpts) { li.appendChild(element("p", "finding__excerpt", excerpts)); }
      if (f.source) {
        var why = element("p", "finding__source");
        why.appendChild(element("span", "finding__label", "Why: "));
        why.appendChild(document.createTextNode(f.source));
        li.appendChild(why);
      }
      if (f.suggestions && f.suggestions.length) {
        var tips = element("ul", "finding__suggestions");
        f.suggestions.forEach(function (tip) { tips.appendChild(element("li", null, tip)); });
        li.appendChild(tips);
      }
      var actions = element("div", "finding__actions");
      if (f.category === "html") {
        actions.appendChild(fixButton("Convert to plain text", null, convertToPlainText));
      }
      (f.replacements || []).forEach(function (replacement, option) {
        var target = many > 1 ? "all " + many : quote(f.excerpt);
        var label = replacement
          ? (many > 1 ? "Replace all with " : "Replace with ") + quote(replacement)
          : (many > 1 ? "Remove all " + many : "Remove it");
        var name = replacement ? "Replace " + target + " with " + quote(replacement) : "Remove " + target;
        actions.appendChild(fixButton(label, name, function () { applyReplacements(group.findings, option); }));
      });
      if (actions.childNodes.length) { li.appendChild(actions); }
      fragment.appendChild(li);
    });
    findingsList.replaceChildren(fragment);
    findingsEmpty.hidden = state.findings.length > 0 || Boolean(state.error) || !state.text;
    if (state.error) {
      findingsList.appendChild(element("li", "finding finding--error", state.error));
    }
  }

  function counts() {
    var blocking = 0;
    var warnings = 0;
    state.findings.forEach(function (f) { if (f.severity === "block") { blocking++; } else { warnings++; } });
    return { blocking: blocking, warnings: warnings };
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function announce() {
    var c = counts();
    var text;
    if (state.error) {
      text = state.error;
    } else if (!c.blocking && !c.warnings) {
      text = state.text ? "No problems found." : "";
    } else {
      var parts = [];
      if (c.blocking) { parts.push(plural(c.blocking, "problem blocks", "problems block") + " copying"); }
      if (c.warnings) { parts.push(plural(c.warnings, "warning", "warnings")); }
      text = parts.join(", ") + ".";
    }
    if (summary.textContent !== text) { summary.textContent = text; }
    summary.className = "summary" + (c.blocking || state.error ? " summary--block" : c.warnings ? " summary--warn" : " summary--ok");
  }

  /* ---------- applying fixes ---------- */

  // Replace each finding's text with its replacement number `option`, last first so earlier
  // offsets stay valid. Through execCommand the browser's Undo (Ctrl+Z) can take it back.
  function applyReplacements(findings, option) {
    if (message.value !== state.text) { runCheck(); return; }  // the text moved on: re-check first
    var edits = findings.map(function (f) {
      return { span: utf16Span(state.map, f), text: f.replacements[option] };
    }).filter(function (edit) {
      return edit.span[1] > edit.span[0] && typeof edit.text === "string";
    }).sort(function (a, b) { return b.span[0] - a.span[0]; });
    var floor = Infinity;
    message.focus({ preventScroll: true });
    edits.forEach(function (edit) {
      if (edit.span[1] > floor) { return; }  // overlaps an edit already made
      floor = edit.span[0];
      message.setSelectionRange(edit.span[0], edit.span[1]);
      var done = edit.text
        ? document.execCommand("insertText", false, edit.text)
        : document.execCommand("delete", false);
      if (!done) { message.setRangeText(edit.text, edit.span[0], edit.span[1], "end"); }
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
        if (!response.ok) { throw new Error(json.error || "Could not convert the text."); }
        if (message.value !== text) { return; }  // the seller typed meanwhile: leave it be
        message.focus({ preventScroll: true });
        message.select();
        if (!document.execCommand("insertText", false, json.text)) { message.value = json.text; }
        afterProgrammaticEdit();
      });
    }).catch(function (error) {
      setNote(error.message || "Could not convert the text.");
    });
  }

  function afterProgrammaticEdit() {
    setHandEdited(template ? message.value !== lastGenerated : false);
    updateCounter();
    return runCheck().then(function () {
      // Keep keyboard users in the list of problems, ready for the next fix.
      findingsTitle.focus();
    });
  }

  /* ---------- the Copy button ---------- */

  function copyBlockers() {
    var reasons = [];
    var problems = fieldProblems();
    if (!message.value.trim()) { reasons.push("Write a message first."); }
    if (problems.missing.length) { reasons.push("Fill in: " + problems.missing.join(", ") + "."); }
    if (problems.invalid.length) { reasons.push("Correct: " + problems.invalid.join(", ") + "."); }
    if (state.error) {
      reasons.push("The message could not be checked.");
    } else if (state.text === null) {
      reasons.push("Checking the message…");
    } else {
      var c = counts();
      if (c.blocking) { reasons.push("Fix " + plural(c.blocking, "blocking problem", "blocking problems") + " first."); }
    }
    return reasons;
  }

  function updateCopy(note) {
    var reasons = copyBlockers();
    copyButton.disabled = reasons.length > 0;
    var text = note || (reasons.length ? reasons.join(" ") : readyText());
    if (copyReason.textContent !== text) { copyReason.textContent = text; }
    copyReason.className = "copy-reason" + (reasons.length ? " copy-reason--blocked" : " copy-reason--ready");
  }

  function readyText() {
    var c = counts();
    return c.warnings ? "Ready to copy. Look at the " + plural(c.warnings, "warning", "warnings") + " first." : "Ready to copy.";
  }

  function updateCounter() {
    if (!counter) { return; }
    var length = codePointMap(message.value).length - 1;
    var limit = template ? template.max_length : 2000;
    counter.textContent = length + " / " + limit + " characters";
    counter.classList.toggle("counter--over", length > limit);
  }

  function writeClipboard(text) {
    if (navigator.clipboard && window.isSecureContext) { return navigator.clipboard.writeText(text); }
    // Plain-HTTP team servers are not a secure context: fall back to the selection.
    message.focus();
    message.select();
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function recordReviewRequest() {
    var orderInput = inputs.order_id;
    return fetch("/history/record", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrfToken },
      body: JSON.stringify({ order_id: orderInput ? orderInput.value.trim() : "", template: template.id })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (response.status === 201) { return null; }
        return json.error || ("Could not record the review request (" + response.status + ").");
      });
    });
  }

  function copy() {
    setNote("");
    var ready = state.key === checkKey(message.value) && !state.error ? Promise.resolve() : runCheck();
    return ready.then(function () {
      if (copyBlockers().length) { updateCopy(); return; }
      var text = message.value;
      var recorded = template && template.kind === "review_request" ? recordReviewRequest() : Promise.resolve(null);
      return recorded.then(function (refusal) {
        if (refusal) {
          setNote(refusal);
          return runCheck();
        }
        return writeClipboard(text).then(function () {
          updateCopy("Copied. Paste it into the buyer's message in Seller Central.");
        }, function () {
          updateCopy("Your browser refused the copy: select the message and press Ctrl+C.");
        });
      });
    }).catch(function () {
      setNote("Could not copy right now. Your text is safe; try again.");
    });
  }

  function setNote(text) {
    if (copyNote && copyNote.textContent !== text) { copyNote.textContent = text; }
  }

  /* ---------- wiring ---------- */

  specs.forEach(function (spec) {
    var input = inputs[spec.name];
    if (!input) { return; }
    var onChange = function () {
      if (input.getAttribute("aria-invalid") === "true") { showFieldProblem(spec); }
      if (!handEdited) { rebuildMessage(); }
      scheduleCheck();
      updateCopy();
    };
    input.addEventListener("input", onChange);
    input.addEventListener("change", function () { touched[spec.name] = true; showFieldProblem(spec); onChange(); });
    input.addEventListener("blur", function () {
      if (input.value.trim()) { touched[spec.name] = true; }
      showFieldProblem(spec);
    });
    if (input.value.trim() || input.getAttribute("aria-invalid") === "true") { touched[spec.name] = true; }
  });

  form.addEventListener("submit", function (event) {
    // With JavaScript the fields are checked here, without a round trip.
    event.preventDefault();
    var firstBad = null;
    specs.forEach(function (spec) {
      touched[spec.name] = true;
      if (showFieldProblem(spec) && !firstBad) { firstBad = inputs[spec.name]; }
    });
    if (firstBad) { firstBad.focus(); }
    runCheck();
    updateCopy();
  });

  message.addEventListener("input", function () {
    setNote("");
    setHandEdited(template ? message.value !== lastGenerated : false);
    scheduleCheck();
  });

  if (rebuildButton) {
    rebuildButton.addEventListener("click", function () {
      // Replace the text as an edit of its own, so Ctrl+Z brings the hand-written version back.
      lastGenerated = renderTemplate(fieldValues());
      message.focus();
      message.select();
      if (!document.execCommand("insertText", false, lastGenerated)) { message.value = lastGenerated; }
      message.setSelectionRange(0, 0);
      message.scrollTop = 0;
      setHandEdited(message.value !== lastGenerated);
      scheduleCheck();
    });
  }

  copyButton.addEventListener("click", copy);

  // Start: regenerate from the fields unless the seller's own text came back from the server.
  if (template && !handEdited) { rebuildMessage(); }
  setHandEdited(handEdited);
  specs.forEach(function (spec) { showFieldProblem(spec); });
  updateCounter();
  runCheck();
}());
