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

/* Every search file has a gzip copy beside it (".gz"), which the worker decompresses itself:
   what a reader downloads is small whether or not the host compresses. A host that marks ".gz"
   files "Content-Encoding: gzip" hands over the bytes decompressed already, so the gzip magic
   number decides. A browser without DecompressionStream, or a host without the copies, gets
   the plain file. */
var GZIP = typeof DecompressionStream === "function"

function get(url) {
  return fetch(url, { credentials: "same-origin" }).then(function (response) {
    if (!response.ok)
      throw new Error("helpcentre search: " + url + " answered " + response.status)
    return response
  })
}

/* The plain bytes of a gzip copy, as a Response to read them from. The bytes stay in the
   worker: a Blob would send them to the browser's blob store and back, a round trip per file
   that took longer than the download of a text chunk on a busy device. */
function gunzip(buffer) {
  var bytes = new Uint8Array(buffer)
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    return new Response(bytes)
  var stream = new DecompressionStream("gzip"), writer = stream.writable.getWriter()
  /* A corrupt copy fails the reading below; these promises fail with it */
  Promise.all([writer.write(bytes), writer.close()]).catch(function () {})
  return new Response(stream.readable)
}

/* The page that starts this worker early (search-prewarm.html) fetches its first files for it,
   beside its stylesheets, where the worker's own requests would wait behind the page's: it says
   so in the worker's address (files=page), names the files' URLs in its first message
   ("helpcentre:files") and posts each one's gzip bytes ("helpcentre:file": its body as a
   stream, or its bytes; null where it could not fetch them: the worker fetches the file
   itself). */
var pageFiles = null, listed

/* The page's file at `url`: {bytes: a promise of them, resolve} */
function pageFile(url) {
  var file = pageFiles[url]
  if (!file) {
    file = pageFiles[url] = {}
    file.bytes = new Promise(function (resolve) { file.resolve = resolve })
  }
  return file
}

if (GZIP && params.get("files") === "page") {
  pageFiles = Object.create(null)
  listed = new Promise(function (resolve) {
    addEventListener("message", function (event) {
      var message = event.data || {}, data = message.data
      if (message.type === "helpcentre:files")
        resolve(data.forEach(pageFile))
      else if (message.type === "helpcentre:file")
        /* A stream of the body, read here as it comes, or the bytes */
        pageFile(data.url).resolve(data.body
          ? new Response(data.body).arrayBuffer().catch(function () { return null })
          : data.bytes)
    })
  })
}

/* The file at `url`, its plain bytes read `as` "text" or "arrayBuffer" */
function load(url, as) {
  function read(response) { return response[as]() }
  if (!GZIP)
    return get(url).then(read)
  /* The gzip copy's bytes from the page, else from the host */
  return Promise.resolve(listed).then(function () {
    return pageFiles && pageFiles[url] && pageFiles[url].bytes
  }).then(function (bytes) {
    return bytes || get(url + ".gz").then(function (response) { return response.arrayBuffer() })
  }).then(gunzip).then(read).catch(function (error) {
    console.warn("helpcentre search: no gzip copy, loading " + url, error)
    return get(url).then(read)
  })
}

function loadJSON(url) {
  return load(url, "text").then(JSON.parse)
}

/* Marks in the worker's performance timeline, where a query's time goes (the browser's
   developer tools show them; bench/scale.py prints them): "helpcentre:" and the step */
function mark(step) {
  try {
    performance.mark("helpcentre:" + step)
  } catch (error) { /* a browser without user timing in workers */ }
}

/* Start the download before loading the scripts: the worker script is small so that this
   starts as soon as the page creates the worker */
var download = loadJSON(indexUrl.href)
download.then(function () { mark("index") }, function () {})

/* The build loads here, while the index downloads, one file holding lunr.js, the language's
   lunr-languages files and search-core.js (libraries = a promise of it); unbuilt, the worker
   imports them one by one. */
var libraries = null

/* A script the worker runs from its decompressed bytes, through a blob: URL; where the page's
   content security policy refuses blob: scripts, from its own URL. */
function script(url) {
  return load(url, "arrayBuffer").then(function (bytes) {
    var source = URL.createObjectURL(new Blob([bytes], { type: "text/javascript" }))
    try {
      importScripts(source)
    } catch (error) {
      console.warn("helpcentre search: cannot run " + url + " from a blob: URL", error)
      importScripts(url)
    } finally {
      URL.revokeObjectURL(source)
    }
  })
}

/* helpcentre:libraries */
if (!libraries) {
  libraries = Promise.resolve().then(function () {
    /* Languages with lunr-languages rules (LOCALES of languages.py); others use the generic
       rules */
    var LUNR_LANGUAGES = [
      "ar", "da", "de", "el", "en", "es", "fi", "fr", "he", "hi", "hu", "hy", "it", "ja", "kn",
      "ko", "nl", "no", "pt", "ro", "ru", "sa", "sv", "ta", "te", "th", "tr", "vi", "zh"
    ]
    /* Their lunr-languages files call lunr.wordcut as they load (WORDCUT of languages.py) */
    var WORDCUT = ["hi", "kn", "sa", "ta", "te", "th"]
    var scripts = ["lunr.js"]
    if (language !== "en" && LUNR_LANGUAGES.indexOf(language) >= 0) {
      scripts.push("../lunr/min/lunr.stemmer.support.min.js")
      if (language === "ja")
        scripts.push("../lunr/tinyseg.js")
      if (WORDCUT.indexOf(language) >= 0)
        scripts.push("../lunr/wordcut.js")
      scripts.push("../lunr/min/lunr." + language + ".min.js")
      if (language === "tr")
        scripts.push("search-turkish.js")
    }
    scripts.push("search-core.js")
    importScripts.apply(self, scripts.map(function (name) { return new URL(name, here).href }))
  })
}
/* helpcentre:libraries-end (the build leaves the lines from the other marker to here out) */

var ready = Promise.all([download, libraries]).then(function (loaded) {
  var data = loaded[0]
  var core = self.helpcentreSearch(self.lunr)
  /* Parts of the index next to it: postings shards and text chunks, by number */
  function part(template) {
    return function (number) {
      return loadJSON(new URL(template.replace("{}", number), indexUrl).href)
    }
  }
  return new core.Searcher(data, part(data.text.url || ""), part(data.postings.url || ""))
})
ready.then(function () { mark("ready") }, function (error) { console.error(error) })

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
   arrives is dropped, so that results never go back to an older query. An answer comes in
   several messages: the titles as soon as they are ranked, then the excerpts as their texts
   come (see answerInSteps in search-core.js). */
var latest = 0

/* The answer card of a query (see answerCard in search-core.js): the article ranked first is
   the first group's. The card's answer comes with that article's text chunk, so an answer
   posted before its excerpts may have its card only in the next message. */
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
  function superseded() {
    return sequence !== latest
  }
  function post(data) {
    if (superseded())
      return
    var found = card === null && data.items.length ? cardOf(query, searcher, data) : null
    if (found)
      card = found
    /* Pages hear of each query once, and again when its card arrives later */
    if ((first || found) && channel)
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
    if (query)
      mark("posted")
  }
  var answered, options = { superseded: superseded }
  /* A query's steps (not those of the empty query the theme sends as it starts) */
  if (query) {
    mark("query")
    options.prepared = function () { mark("postings") }
    options.ranked = function () { mark("ranked") }
  }
  try {
    answered = searcher.answerInSteps(query, options, post)
  } catch (error) {
    answered = Promise.reject(error)
  }
  return answered.catch(function (error) {
    console.warn("helpcentre search: query failed", query, error)
    if (first)
      post({ items: [] })
  })
}

/* Queries received, so far */
var arrived = 0

addEventListener("message", function (event) {
  var message = event.data || {}
  switch (message.type) {
    /* The theme sends no query before it hears READY. A query that comes before the index is
       ready waits for it here, and runs as soon as it is ready, before the warm-up: answering
       READY only then cost a round trip through the page's busy thread after the index was
       ready, with the warm-up in between */
    case 0:
      postMessage({ type: 1 })
      break
    case 2:
      var asked = ++arrived
      ready.then(
        function (searcher) {
          /* Typed while the index was loading, only the last query is answered */
          if (asked === arrived)
            return respond(String(message.data || ""), searcher)
        },
        function () { postMessage({ type: 3, data: { items: [] } }) }
      )
      break
  }
})
