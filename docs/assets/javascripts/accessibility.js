/* Material's search dialog has role="dialog" but no accessible name (axe: aria-dialog-name).
 * The header is not replaced by instant navigation, so setting it once per full load is enough. */
(function () {
  var dialog = document.querySelector(".md-search[role='dialog']");
  if (dialog) dialog.setAttribute("aria-label", "Search");
})();

/* A diagram frame, a table or a code block that scrolls sideways must be reachable by keyboard (axe:
 * scrollable-region-focusable). Material adds both wrappers at run time (and again after instant
 * navigation), so each one is made focusable, with a name, as it appears; arrow keys then scroll it. */
(function () {
  var FRAMES = [
    ["div.mermaid", "group", "Diagram"],
    [".md-typeset__scrollwrap", "group", "Table"],
    [".md-typeset pre > code", null, null]
  ];
  function makeFocusable(root) {
    if (!root.querySelectorAll) return;
    FRAMES.forEach(function (frame) {
      var selector = frame[0];
      var found = Array.prototype.slice.call(root.querySelectorAll(selector + ":not([tabindex])"));
      if (root.matches && root.matches(selector + ":not([tabindex])")) found.push(root);
      found.forEach(function (element) {
        element.setAttribute("tabindex", "0");
        if (!frame[1]) return;  // code keeps its own semantics: focusable is enough
        element.setAttribute("role", frame[1]);
        element.setAttribute("aria-label", frame[2] + " (scrolls sideways when wider than the page)");
      });
    });
  }
  makeFocusable(document.body);
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      Array.prototype.forEach.call(change.addedNodes, function (node) {
        if (node.nodeType === 1) makeFocusable(node);
      });
    });
  }).observe(document.body, { childList: true, subtree: true });
})();
