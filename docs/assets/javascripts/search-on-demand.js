/* Runs before Material's bundle: the search index (over 1 MB, the largest file a first visit would
 * fetch) is downloaded when the reader first opens search, not on every first page load. Material
 * asks for it with an XMLHttpRequest as the page starts; that one request is held until the search
 * box gets focus (click, tap on the search icon, or the s, f and / shortcuts) and then sent as it was.
 * Material shows "Initializing search" for the moment it takes. A page opened with a query or a
 * highlight in its address (?q=, ?h=) needs the index at once, and the offline copy (file://) loads
 * its index as a script, not by this request. */
(function () {
  "use strict";
  if (location.protocol === "file:") return;
  var params = new URLSearchParams(location.search);
  var opened = params.has("q") || params.has("h");
  var held = [];
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  function isSearchIndex(url) {
    return /\/search\/search_index\.json$/.test(new URL(String(url), location.href).pathname);
  }

  function openSearch() {
    if (opened) return;
    opened = true;
    held.splice(0).forEach(function (release) { release(); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchIndexRequest = isSearchIndex(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (request.searchIndexRequest && !opened) {
      held.push(function () { send.apply(request, args); });
      return;
    }
    return send.apply(request, args);
  };

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("input.md-search__input")) openSearch();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) openSearch();  // the search icon on phones
  });
})();
