// Parallax: the only script of our own, and optional. Every page works
// without it. It marks the evidence a link pointed at with the class
// "evidence-target" (CSS :target does the same where supported), so the
// highlight also survives history navigation, and scrolls it into view.
(function () {
  "use strict";
  function mark() {
    var old = document.querySelectorAll(".evidence-target");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("evidence-target");
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    if (!/^ev-\d+-\d+$/.test(id)) return;
    var el = document.getElementById(id);
    if (!el) return;
    el.classList.add("evidence-target");
    if (el.scrollIntoView) el.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", mark);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark);
  else mark();
})();
