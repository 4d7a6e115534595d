/*
 * helpcentre: the language switcher follows Material's instant navigation.
 *
 * Each link of the switcher (partials/alternate.html) leads to the current article in another
 * locale. Instant navigation swaps a page's content and head in place but keeps the header that
 * holds the switcher, so after a swap its links would still lead to the first article read. The
 * page's head carries the switcher's links of the page as JSON
 * (script[data-helpcentre-switcher], from partials/helpcentre/head.html); on every emission of
 * Material's document$ observable this script copies them into the switcher. Without instant
 * navigation every page load renders the right links already, and this script changes nothing.
 */
(function () {
  "use strict";

  if (window.helpcentreLanguageSwitcher) {
    return; // loaded twice: the first copy already listens
  }
  window.helpcentreLanguageSwitcher = true;

  function update() {
    var data = document.head.querySelector("script[data-helpcentre-switcher]");
    if (!data) {
      return;
    }
    var hrefs;
    try {
      hrefs = JSON.parse(data.textContent || "{}");
    } catch (error) {
      return; // a page without valid data keeps the links it has
    }
    var links = document.querySelectorAll(".md-header a.md-select__link[hreflang]");
    for (var i = 0; i < links.length; i++) {
      var href = hrefs[links[i].getAttribute("hreflang")];
      if (typeof href === "string") {
        // Relative to the page now shown (the location instant navigation moved to).
        links[i].href = new URL(href, window.location.href).href;
      }
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(update);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
})();
