/*
 * Failed searches: when the reader's final query (no new keystroke for a moment) finds nothing, or
 * finds results of which the reader opens none, post {locale, query, results, clicked} to the
 * collector. Fire-and-forget (sendBeacon, text/plain so that no preflight is needed); nothing here
 * may slow the page down or throw.
 */
;(function () {
  "use strict"
  var script = document.currentScript
  if (!script || typeof BroadcastChannel !== "function")
    return
  var endpoint = (script.getAttribute("data-endpoint") || "/api/v1").replace(/\/+$/, "")
  var url = endpoint + "/searches"
  var locale = script.getAttribute("data-locale") || document.documentElement.lang || ""
  var settle = parseInt(script.getAttribute("data-settle") || "1500", 10)

  var current = null   /* {query, results, clicked, final, sent} */
  var timer = 0

  function send(entry) {
    if (!entry || entry.sent || entry.clicked || !entry.final)
      return
    entry.sent = true
    var body = JSON.stringify({
      locale: locale, query: entry.query, results: entry.results, clicked: false
    })
    try {
      if (navigator.sendBeacon && navigator.sendBeacon(url, new Blob([body], { type: "text/plain" })))
        return
      fetch(url, {
        method: "POST", body: body, keepalive: true, mode: "no-cors",
        headers: { "Content-Type": "text/plain" }
      }).catch(function () {})
    } catch (error) {
      /* Reporting must never break search */
    }
  }

  new BroadcastChannel("helpcentre-search").onmessage = function (event) {
    var data = event.data || {}
    var query = String(data.query || "").trim()
    if (current && current.query === query) {
      current.results = data.results
      return
    }
    /* A settled query with results that the reader then changed: none of them was opened */
    if (current && current.final && current.results > 0)
      send(current)
    clearTimeout(timer)
    current = query ? { query: query, results: data.results, clicked: false } : null
    if (!current)
      return
    var entry = current
    timer = setTimeout(function () {
      entry.final = true
      if (entry.results === 0)
        send(entry)
    }, settle)
  }

  document.addEventListener("click", function (event) {
    var target = event.target
    if (current && target && target.closest && target.closest(".md-search-result a"))
      current.clicked = true
  }, true)

  /* The reader closes search or leaves the page without opening a result */
  function abandon() {
    if (current && current.results > 0) {
      current.final = true
      send(current)
    }
  }
  document.addEventListener("change", function (event) {
    var target = event.target
    if (target && target.id === "__search" && !target.checked)
      abandon()
  })
  addEventListener("pagehide", abandon)
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden")
      abandon()
  })
})()
