/*
 * "Showing results for ...": when the search worker corrected a misspelled word of the query,
 * say so above the theme's result list, with the corrected query. The worker tells the page
 * through the "helpcentre-search" channel ({query, results, correction}); the message, from the
 * locale's catalog, is this script's data-message, "%(query)s" standing for the query.
 */
;(function () {
  "use strict"
  var script = document.currentScript
  if (!script || typeof BroadcastChannel !== "function")
    return
  var message = script.getAttribute("data-message") || "Showing results for %(query)s"
  var parts = message.split("%(query)s")

  function input() {
    return document.querySelector("[data-md-component=search-query]")
  }

  function notice() {
    var meta = document.querySelector(".md-search-result__meta")
    if (!meta)
      return null
    var element = document.querySelector(".helpcentre-search-correction")
    if (!element) {
      element = document.createElement("div")
      element.className = "helpcentre-search-correction"
      /* The look of the theme's result count above it (its class would confuse what reads the
         count), with the reader's colour scheme */
      element.style.cssText = "background-color:var(--md-default-fg-color--lightest);" +
        "color:var(--md-default-fg-color--light);font-size:.64rem;line-height:1.8rem;" +
        "padding:0 .8rem"
      element.setAttribute("role", "status")
      element.hidden = true
      meta.parentNode.insertBefore(element, meta.nextSibling)
    }
    return element
  }

  function show(correction) {
    var element = notice()
    if (!element)
      return
    element.textContent = ""
    if (!correction) {
      element.hidden = true
      return
    }
    var strong = document.createElement("strong")
    strong.textContent = correction
    element.appendChild(document.createTextNode(parts[0]))
    element.appendChild(strong)
    element.appendChild(document.createTextNode(parts.slice(1).join("%(query)s")))
    element.hidden = false
  }

  new BroadcastChannel("helpcentre-search").addEventListener("message", function (event) {
    var data = event.data || {}
    var box = input()
    /* Another page of the site may search too: only this box's query counts */
    if (!box || String(box.value).trim() !== String(data.query || "").trim())
      return
    show(data.correction || null)
  })

  /* A new query hides the last one's notice until its own answer comes */
  document.addEventListener("input", function (event) {
    if (event.target === input())
      show(null)
  }, true)
})()
