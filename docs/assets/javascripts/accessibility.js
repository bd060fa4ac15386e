/* Material's search dialog has role="dialog" but no accessible name (axe: aria-dialog-name).
 * The header is not replaced by instant navigation, so setting it once per full load is enough. */
(function () {
  var dialog = document.querySelector(".md-search[role='dialog']");
  if (dialog) dialog.setAttribute("aria-label", "Search");
})();
