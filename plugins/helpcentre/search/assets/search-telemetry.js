/*
 * Failed searches: when the reader's final query (no new keystroke for a moment) finds nothing, or
 * finds results of which the reader opens none, post {locale, query, results, clicked} to the
 * collector. Fire-and-forget (sendBeacon, text/plain so that no preflight is needed); nothing here
 * may slow the page down or throw.
 *
 * Reformulations: the last failed query is remembered for this browser tab (sessionStorage, so it
 * survives going to another page of the help centre, and never leaves the tab otherwise). When the
 * reader then opens a result of another query within a couple of minutes, post {locale, query: the
 * failed one, then_query, page: the page id of the result opened} to /reformulations: the health
 * report proposes synonyms from them.
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
  /* How long after a failed search another query's opened result counts as its rephrasing */
  var window_ms = parseInt(script.getAttribute("data-reformulation-window") || "120000", 10)
  var FAILED_KEY = "helpcentre-failed-search"
  var root = localeRoot()

  var current = null   /* {query, results, clicked, final, sent} */
  var timer = 0

  /* The locale's root address: page ids are paths below it (Material's base is relative) */
  function localeRoot() {
    try {
      var config = JSON.parse(document.getElementById("__config").textContent)
      var href = new URL(config.base || ".", location.href).href
      return href.replace(/\/?$/, "/")
    } catch (error) {
      return null
    }
  }

  /* The id the collector knows a page by: its address below the locale root, without the
     trailing slash or .html; the root itself is "index" */
  function pageId(href) {
    if (!root)
      return null
    try {
      var target = new URL(href, location.href)
      var address = target.origin + target.pathname
      if (address.indexOf(root) !== 0)
        return null
      var path = decodeURIComponent(address.slice(root.length))
      path = path.replace(/(^|\/)index\.html$/, "").replace(/\.html$/, "").replace(/\/+$/, "")
      return path || "index"
    } catch (error) {
      return null
    }
  }

  function normalise(query) {
    return String(query).normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim()
  }

  function post(target, data) {
    var body = JSON.stringify(data)
    try {
      if (navigator.sendBeacon &&
          navigator.sendBeacon(target, new Blob([body], { type: "text/plain" })))
        return
      fetch(target, {
        method: "POST", body: body, keepalive: true, mode: "no-cors",
        headers: { "Content-Type": "text/plain" }
      }).catch(function () {})
    } catch (error) {
      /* Reporting must never break search */
    }
  }

  function remember(query) {
    try {
      sessionStorage.setItem(FAILED_KEY, JSON.stringify({ query: query, at: Date.now() }))
    } catch (error) {
      /* Storage may be off: no reformulation is reported then */
    }
  }

  function recall() {
    try {
      var failed = JSON.parse(sessionStorage.getItem(FAILED_KEY) || "null")
      sessionStorage.removeItem(FAILED_KEY)
      return failed && Date.now() - failed.at <= window_ms ? failed : null
    } catch (error) {
      return null
    }
  }

  function send(entry) {
    if (!entry || entry.sent || entry.clicked || !entry.final)
      return
    entry.sent = true
    remember(entry.query)
    post(url, { locale: locale, query: entry.query, results: entry.results, clicked: false })
  }

  /* A result of the current query opened: the rephrasing of the last failed query, if any */
  function opened(link) {
    var failed = recall()
    if (!failed || !current || normalise(failed.query) === normalise(current.query))
      return
    var page = pageId(link.getAttribute("href") || "")
    if (page)
      post(endpoint + "/reformulations", {
        locale: locale, query: failed.query, then_query: current.query, page: page
      })
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
    var link = current && target && target.closest && target.closest(".md-search-result a")
    if (!link)
      return
    current.clicked = true
    opened(link)
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
