/* Runs before Material's bundle reads its configuration: point the search at search-worker.js, which
 * rewrites students' questions and then loads Material's own worker (whose address it is given).
 * The offline copy (file://) keeps Material's worker as it is: it runs the search in an iframe there. */
(function () {
  "use strict";
  var element = document.getElementById("__config");
  if (!element || location.protocol === "file:") return;
  var config = JSON.parse(element.textContent);
  var base = new URL(config.base, location.href);
  var material = new URL(config.search, base).href;
  var worker = new URL("assets/javascripts/search-worker.js", base);
  worker.searchParams.set("material", material);
  config.search = worker.href;
  element.textContent = JSON.stringify(config);
})();
