/* Progressive enhancement only: every page works without it. Adds "select all" and
   "clear" buttons to the long check-box lists of the selection form; their words come
   from the page (data-all, data-none), translated on the server. */
(function () {
  "use strict";
  var form = document.getElementById("selection");
  if (!form) { return; }
  var words = [form.getAttribute("data-all"), form.getAttribute("data-none")];
  var sets = form.querySelectorAll("fieldset.dim");
  for (var i = 0; i < sets.length; i++) {
    (function (set) {
      var boxes = set.querySelectorAll("input[type=checkbox]");
      if (boxes.length < 4) { return; }
      var tools = document.createElement("div");
      tools.className = "tools";
      [true, false].forEach(function (state, k) {
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = words[k];
        b.addEventListener("click", function () {
          for (var j = 0; j < boxes.length; j++) { boxes[j].checked = state; }
        });
        tools.appendChild(b);
      });
      set.insertBefore(tools, set.querySelector(".choices"));
    })(sets[i]);
  }
})();
