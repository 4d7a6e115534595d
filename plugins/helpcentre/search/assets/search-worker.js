/*
 * helpcentre search worker: speaks the message protocol of Material for MkDocs' search worker
 * (0 SETUP -> 1 READY, 2 QUERY -> 3 RESULT) but loads the index the build prepared instead of
 * building one in the browser. The index download starts as soon as the page creates the worker,
 * in parallel with the theme's own request for search/search_index.json.
 *
 * Parameters (query string of this script): lang = locale of the site, index = URL of the index
 * relative to this script. The documents' texts are fetched in chunks, for the results shown. Not strict mode: the inlined lunr-languages files need sloppy mode.
 *
 * The help widget runs this worker on pages of other origins, where a worker must come from a
 * blob: URL; it sets self.helpcentreWorkerUrl to this script's real URL first, and every URL
 * below is read from that.
 */

var here = self.helpcentreWorkerUrl || self.location.href
var params = new URL(here).searchParams
var language = (params.get("lang") || "en").split(/[-_]/)[0].toLowerCase()
var indexUrl = new URL(
  params.get("index") || "../../../search/helpcentre-index.json", here
)

/* Start the download before loading the scripts, which blocks this thread: the worker script
   is small so that this starts as soon as the page creates the worker */
var download = fetch(indexUrl.href, { credentials: "same-origin" }).then(function (response) {
  if (!response.ok)
    throw new Error("helpcentre search: " + indexUrl.href + " answered " + response.status)
  return response.json()
})

/* The build imports here one file holding lunr.js, the language's lunr-languages files and
   search-core.js, which loads while the index downloads; unbuilt, it loads them one by one. */
/* helpcentre:libraries */
if (typeof self.helpcentreSearch !== "function") {
  /* Languages with lunr-languages rules (LOCALES of languages.py); others use the generic rules */
  var LUNR_LANGUAGES = [
    "da", "de", "en", "es", "fi", "fr", "hu", "it", "ja", "nl", "no", "pt", "ro", "ru", "sv", "zh"
  ]
  var scripts = ["lunr.js"]
  if (language !== "en" && LUNR_LANGUAGES.indexOf(language) >= 0) {
    scripts.push("../lunr/min/lunr.stemmer.support.min.js")
    if (language === "ja")
      scripts.push("../lunr/tinyseg.js")
    scripts.push("../lunr/min/lunr." + language + ".min.js")
  }
  scripts.push("search-core.js")
  importScripts.apply(self, scripts.map(function (script) { return new URL(script, here).href }))
}

var core = self.helpcentreSearch(self.lunr)
var ready = download.then(function (data) {
  /* Parts of the index next to it: postings shards and text chunks, by number */
  function part(template) {
    return function (number) {
      var url = new URL(template.replace("{}", number), indexUrl)
      return fetch(url.href, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok)
          throw new Error("helpcentre search: " + url.href + " answered " + response.status)
        return response.json()
      })
    }
  }
  return new core.Searcher(data, part(data.text.url || ""), part(data.postings.url || ""))
})
ready.catch(function (error) { console.error(error) })

/* Until the reader types, warm up one small step per task: a query that arrives meanwhile is a
   message, which runs before the next step */
ready.then(function (searcher) {
  var steps = searcher.warmUpSteps()
  function next() {
    if (!steps.length)
      return
    try {
      steps.shift()()
    } catch (error) {
      console.warn("helpcentre search: warm-up failed", error)
      return
    }
    setTimeout(next, 0)
  }
  setTimeout(next, 0)
}, function () {})

/* Pages listen here to learn how many results the last query had (failed-search reports) */
var channel = typeof BroadcastChannel === "function"
  ? new BroadcastChannel("helpcentre-search")
  : null

/* Queries arrive per keystroke; an answer still waiting for excerpts when a newer query
   arrives is dropped, so that results never go back to an older query. An answer comes in one
   or two messages: the second adds the excerpts of the first page's last results. */
var latest = 0

/* The answer card of a query (see answerCard in search-core.js), decided on its first answer:
   the article ranked first is the first group's */
function cardOf(query, searcher, data) {
  try {
    var top = data.items.length ? data.items[0][0].location.split("#")[0] : null
    return top === null ? null : searcher.answerCard(query, top)
  } catch (error) {
    console.warn("helpcentre search: answer card failed", query, error)
    return null
  }
}

function respond(query, searcher) {
  var sequence = ++latest, first = true, card = null
  function post(data) {
    if (sequence !== latest)
      return
    if (first)
      card = cardOf(query, searcher, data)
    if (first && channel)
      channel.postMessage({
        query: query, results: data.items.length, card: card,
        correction: data.correction || null
      })
    first = false
    /* The theme ignores it; the page's answer-card script and the contact form show it */
    data.card = card
    /* The query goes with its results (the theme ignores it): a page that asks several
       questions, such as the contact form, can tell a late second message from an answer */
    data.query = query
    postMessage({ type: 3, data: data })
  }
  var answered
  try {
    answered = searcher.answerInSteps(query, undefined, post)
  } catch (error) {
    answered = Promise.reject(error)
  }
  return answered.catch(function (error) {
    console.warn("helpcentre search: query failed", query, error)
    if (first)
      post({ items: [] })
  })
}

addEventListener("message", function (event) {
  var message = event.data || {}
  switch (message.type) {
    case 0:
      ready.then(
        function () { postMessage({ type: 1 }) },
        function () { postMessage({ type: 1 }) }
      )
      break
    case 2:
      ready.then(
        function (searcher) { return respond(String(message.data || ""), searcher) },
        function () { postMessage({ type: 3, data: { items: [] } }) }
      )
      break
  }
})
