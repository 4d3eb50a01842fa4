/* The header's choice controls (the marketplace): without JavaScript the seller presses the
 * form's button; with it, a change submits the GET form at once and the button is hidden.
 * The server remembers the choice (web/choice.py); nothing is decided here. */
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-choice]");
  Array.prototype.forEach.call(forms, function (form) {
    var select = form.querySelector("select");
    var button = form.querySelector("button[type=submit]");
    if (!select) { return; }
    if (button) { button.hidden = true; }
    select.addEventListener("change", function () { form.submit(); });
  });
})();
