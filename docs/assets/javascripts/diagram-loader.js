/* Material for MkDocs draws `pre.mermaid` blocks with the global `mermaid` and, when that global
 * is missing, loads a copy from a CDN. This stand-in is that global on every page (so instant
 * navigation from a page without diagrams never reaches for a CDN). It loads the site's own copy
 * of Mermaid on the first diagram only, so pages without diagrams download none of it.
 *
 * Over http(s) it imports Mermaid's ESM build: a small entry that imports the code of each diagram
 * type only when a page draws one (a flowchart page fetches about a quarter of the library, and the
 * browser caches every chunk for the next page). From file:// (the offline copy) Chromium refuses
 * module scripts, so it loads the single-file UMD build instead. */
(function () {
  "use strict";
  if (typeof window.mermaid !== "undefined" && !(window.mermaid instanceof Element)) return;

  var here = document.currentScript.src;
  var moduleUrl = new URL("../vendor/mermaid/mermaid.esm.min.mjs", here).href;
  var classicUrl = new URL("../vendor/mermaid/mermaid.min.js", here).href;
  var pendingConfig = null;
  var library = null;

  function loadClassic() {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = classicUrl;
      tag.onload = function () {
        // The UMD build claims the global: hand it back, so every later render goes through us too.
        var loaded = window.mermaid;
        window.mermaid = standIn;
        resolve(loaded);
      };
      tag.onerror = function () { reject(new Error("could not load " + classicUrl)); };
      document.head.appendChild(tag);
    });
  }

  function loadLibrary() {
    library = library || (location.protocol === "file:"
      ? loadClassic()
      : import(moduleUrl).then(function (module) { return module.default; })
    ).then(function (mermaid) {
      if (pendingConfig) mermaid.initialize(pendingConfig);
      return mermaid;
    });
    return library;
  }

  /* Material scales each diagram to the text column, so a wide diagram shrinks its 16 px labels.
   * Never below 12 px: the SVG gets a minimum width of 3/4 of its natural width, and a wider diagram
   * than the column scrolls sideways inside its own frame (extra.css), never the page. */
  var SMALLEST_SCALE = 0.78;  // 16 px labels x 0.78 = 12.5 px
  function keepLabelsReadable(svg) {
    var viewBox = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"/.exec(svg);
    if (!viewBox) return svg;
    var minWidth = Math.ceil(parseFloat(viewBox[1]) * SMALLEST_SCALE);
    return svg.replace(/^(<svg[^>]*?style=")/, "$1min-width: " + minWidth + "px; ");
  }

  var standIn = window.mermaid = {
    initialize: function (config) { pendingConfig = config; },
    render: function (id, text) {
      return loadLibrary().then(function (mermaid) { return mermaid.render(id, text); })
        .then(function (result) { result.svg = keepLabelsReadable(result.svg); return result; });
    },
    run: function (options) {
      return loadLibrary().then(function (mermaid) { return mermaid.run(options); });
    }
  };
})();
