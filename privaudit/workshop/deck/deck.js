(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var slides = Array.prototype.slice.call(document.querySelectorAll(".slide"));
  var at = 0;
  function show(n) {
    at = Math.max(0, Math.min(slides.length - 1, n));
    slides.forEach(function (s, i) { s.classList.toggle("current", i === at); });
    if (history.replaceState) { history.replaceState(null, "", "#" + (at + 1)); }
  }
  var next = ["ArrowRight", "ArrowDown", " ", "PageDown", "Enter"];
  var back = ["ArrowLeft", "ArrowUp", "PageUp", "Backspace"];
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (next.indexOf(e.key) >= 0) { show(at + 1); }
    else if (back.indexOf(e.key) >= 0) { show(at - 1); }
    else if (e.key === "Home") { show(0); }
    else if (e.key === "End") { show(slides.length - 1); }
    else if (e.key === "n" || e.key === "N") { document.body.classList.toggle("show-notes"); }
    else { return; }
    e.preventDefault();
  });
  var start = parseInt((location.hash || "#1").slice(1), 10);
  show(isNaN(start) ? 0 : start - 1);
})();
