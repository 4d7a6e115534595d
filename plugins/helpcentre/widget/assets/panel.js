/*
 * helpcentre widget panel, loaded by widget.js when the reader first opens the help button.
 * Everything is drawn in the loader's shadow root: suggested articles for the page's context,
 * the help centre's own search (its worker and index, run from a blob: URL because a worker
 * cannot come from another origin), an article read inside the panel (the main part of its
 * page), "Did this help?", and the contact channels carrying the question typed so far.
 * Suggestions shown, articles opened and hand-offs are posted to the collector's contact events
 * with the context; votes go where the help centre's own votes go. Recording is best effort:
 * nothing here waits for the collector.
 */
;(function () {
  "use strict"
  var STYLE = ":host{all:initial}" +
    ".panel{position:fixed;bottom:5rem;inset-inline-end:1.25rem;z-index:2147483001;" +
    "width:min(24rem,calc(100vw - 2.5rem));max-height:min(36rem,calc(100vh - 7rem));" +
    "display:flex;flex-direction:column;background:#fff;color:#1b1b1b;" +
    "font:1rem/1.45 system-ui,sans-serif;border-radius:.6rem;box-shadow:0 4px 24px #0006;" +
    "overflow:hidden}" +
    ".panel[hidden]{display:none}" +
    "header{display:flex;align-items:center;gap:.5rem;padding:.7rem 1rem;background:#1f4e8c;" +
    "color:#fff}" +
    "h2{font-size:1.05rem;margin:0;flex:1}h3{font-size:.95rem;margin:1rem 0 .4rem}" +
    "button,input,a{font:inherit}" +
    "button{cursor:pointer;border-radius:.3rem}" +
    ":focus-visible{outline:3px solid #f4b400;outline-offset:1px}" +
    ".close{background:transparent;color:#fff;border:1px solid #fff8;padding:.2rem .6rem}" +
    ".body{overflow:auto;padding:0 1rem 1rem}" +
    "label{display:block;font-weight:600;margin:.8rem 0 .3rem}" +
    "input{box-sizing:border-box;width:100%;padding:.5rem;border:1px solid #6b6b6b;" +
    "border-radius:.3rem}" +
    "ul{list-style:none;margin:0;padding:0}li{margin:.2rem 0}" +
    ".link{display:block;width:100%;text-align:start;background:#f1f4f9;border:0;" +
    "padding:.5rem .6rem;color:#163a6b;text-decoration:underline}" +
    ".card{border-inline-start:.25rem solid #c2410c;background:#fdf3ec;padding:.5rem .7rem;" +
    "margin-top:.8rem}.card p{margin:.3rem 0}" +
    ".status{min-height:1.2em;margin:.4rem 0;color:#444;font-size:.9rem}" +
    ".back{background:#f1f4f9;border:1px solid #6b6b6b;padding:.3rem .7rem;margin-top:.8rem}" +
    ".article img{max-width:100%;height:auto}.article pre{overflow:auto;white-space:pre-wrap}" +
    ".article a{color:#163a6b}" +
    ".vote{border:1px solid #bbb;border-radius:.3rem;margin:1rem 0;padding:.5rem .7rem}" +
    ".vote button{background:#f1f4f9;border:1px solid #6b6b6b;padding:.3rem .9rem;" +
    "margin-inline-end:.5rem}" +
    ".contact a{color:#163a6b}"

  var state = null

  function element(name, attributes, text) {
    var node = document.createElement(name)
    for (var key in attributes || {})
      node.setAttribute(key, attributes[key])
    if (text !== undefined)
      node.textContent = text
    return node
  }

  function session() {
    var bytes = new Uint8Array(8)
    crypto.getRandomValues(bytes)
    return Array.prototype.map.call(bytes, function (b) {
      return (b + 256).toString(16).slice(1)
    }).join("")
  }

  /* JSON in a text/plain body: a CORS simple request, as the help centre's own pages send */
  function post(path, payload) {
    if (!state.data.endpoint)
      return
    var url = new URL(state.data.endpoint.replace(/\/+$/, "") + path, state.options.root).href
    try {
      fetch(url, {
        method: "POST", mode: "cors", credentials: "omit", keepalive: true,
        headers: { "Content-Type": "text/plain" }, body: JSON.stringify(payload)
      }).catch(function () {})
    } catch (error) { /* recording is best effort */ }
  }

  function event(kind, extra) {
    var key = kind + ":" + ((extra && extra.page) || "")
    if (state.sent[key])
      return
    state.sent[key] = true
    var payload = {
      locale: state.data.locale, event: kind, session: state.session,
      context: state.options.context, query_length: state.input.value.trim().length
    }
    for (var name in extra || {})
      payload[name] = extra[name]
    post("/contact-events", payload)
  }

  function say(text) {
    state.status.textContent = ""
    /* A new text node each time, so that screen readers announce a repeated message too */
    setTimeout(function () { state.status.textContent = text }, 30)
  }

  function pageOf(location) {
    var path = String(location || "").split("#")[0]
    var articles = state.data.articles
    for (var id in articles)
      if (articles[id][0] === path)
        return id
    return null
  }

  function articleButton(id) {
    var button = element("button", { type: "button", "class": "link" }, state.data.articles[id][1])
    button.addEventListener("click", function () { openArticle(id, button) })
    var item = element("li")
    item.appendChild(button)
    return item
  }

  function showList(heading, ids) {
    state.list.textContent = ""
    state.listHeading.textContent = heading
    ids.forEach(function (id) { state.list.appendChild(articleButton(id)) })
    state.listSection.hidden = !ids.length
  }

  function showSuggestions() {
    state.card.hidden = true
    var ids = (state.data.contexts[state.options.context] ||
      state.data.contexts.general || []).filter(function (id) { return state.data.articles[id] })
    showList(state.data.strings.suggested, ids)
    if (ids.length)
      event("shown")
  }

  /* -- search: the help centre's worker, from a blob: URL ------------------------------------ */
  function worker() {
    if (state.worker)
      return state.worker
    var url = new URL(state.data.worker, state.options.base).href
    var source = "self.helpcentreWorkerUrl=" + JSON.stringify(url) + ";importScripts(" +
      JSON.stringify(url.split("?")[0]) + ")"
    state.worker = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })))
    state.worker.onmessage = function (message) {
      var data = message.data || {}
      if (data.type === 3)
        showResults(data.data || {})
    }
    state.worker.postMessage({ type: 0 })
    return state.worker
  }

  function search() {
    var query = state.input.value.trim()
    if (!query) {
      showSuggestions()
      state.said = null
      say("")
      return
    }
    worker().postMessage({ type: 2, data: query })
  }

  function showResults(result) {
    if (String(result.query || "").trim() !== state.input.value.trim())
      return
    var ids = []
    ;(result.items || []).forEach(function (group) {
      var id = group.length ? pageOf(group[0].location) : null
      if (id && ids.indexOf(id) < 0)
        ids.push(id)
    })
    ids = ids.slice(0, 8)
    var card = result.card, cardId = card ? pageOf(card.article) : null
    state.card.hidden = !cardId
    if (cardId) {
      state.card.textContent = ""
      state.card.setAttribute("aria-label", state.data.strings.answer)
      state.card.appendChild(element("p", { "class": "question" }, card.question))
      state.card.appendChild(element("p", {}, card.answer))
      var more = element("button", { type: "button", "class": "link" }, card.title)
      more.addEventListener("click", function () { openArticle(cardId, more) })
      state.card.appendChild(more)
    }
    showList(state.data.strings.results, ids)
    if (ids.length)
      event("shown")
    /* An answer comes in several messages (titles, then excerpts): the status is said once per
       query and count, not blanked and said again for each */
    var text = ids.length ? state.data.strings.results + ": " + ids.length
      : state.data.strings.no_results
    var said = result.query + "\n" + text
    if (said !== state.said) {
      state.said = said
      say(text)
    }
  }

  /* -- an article inside the panel ----------------------------------------------------------- */
  function openArticle(id, from) {
    var url = new URL(state.data.articles[id][0], state.options.base).href
    event("clicked", { page: id })
    state.home.hidden = true
    state.reader.hidden = false
    state.returnTo = from
    state.content.textContent = state.data.strings.loading
    state.vote.hidden = true
    state.open.href = url
    state.reading = id
    fetch(url, { credentials: "omit" }).then(function (response) {
      if (!response.ok)
        throw new Error(url + " answered " + response.status)
      return response.text()
    }).then(function (html) {
      if (state.reading !== id)
        return
      var doc = new DOMParser().parseFromString(html, "text/html")
      var main = doc.querySelector("article") || doc.querySelector("main") || doc.body
      main.querySelectorAll("script,style,form,iframe,object,embed,[data-helpcentre-feedback]," +
        ".md-content__button,.headerlink,nav,link")
        .forEach(function (node) { node.remove() })
      /* Links and images point at the help centre, and leave the product's page in a new tab */
      main.querySelectorAll("[href],[src]").forEach(function (node) {
        var name = node.hasAttribute("href") ? "href" : "src"
        node.setAttribute(name, new URL(node.getAttribute(name), url).href)
        if (name === "href") {
          node.setAttribute("target", "_blank")
          node.setAttribute("rel", "noopener")
        }
      })
      main.querySelectorAll("*").forEach(function (node) {
        for (var i = node.attributes.length - 1; i >= 0; i--)
          if (/^on/i.test(node.attributes[i].name))
            node.removeAttribute(node.attributes[i].name)
        node.removeAttribute("id")
      })
      /* The panel's heading is h2: the article's own headings go one level down */
      main.querySelectorAll("h1,h2,h3,h4,h5").forEach(function (heading) {
        var level = Math.min(6, Number(heading.tagName[1]) + 2)
        var copy = element("h" + level)
        copy.innerHTML = heading.innerHTML
        heading.replaceWith(copy)
      })
      state.content.textContent = ""
      while (main.firstChild)
        state.content.appendChild(document.adoptNode(main.firstChild))
      state.vote.hidden = false
      state.voteButtons.forEach(function (b) { b.hidden = false })
      state.thanks.textContent = ""
      var title = state.content.querySelector("h3")
      if (title) {
        title.setAttribute("tabindex", "-1")
        title.focus()
      }
    }).catch(function (error) {
      console.warn("helpcentre widget: article not loaded", error)
      state.content.textContent = ""
      state.content.appendChild(element("a", { href: url, target: "_blank", rel: "noopener" },
        state.data.strings.open_page))
    })
    state.back.focus()
  }

  function closeArticle() {
    state.reading = null
    state.reader.hidden = true
    state.home.hidden = false
    ;(state.returnTo && state.returnTo.isConnected ? state.returnTo : state.input).focus()
  }

  function vote(helpful) {
    post("/votes", { locale: state.data.locale, page: state.reading, helpful: helpful })
    state.voteButtons.forEach(function (b) { b.hidden = true })
    state.thanks.textContent = state.data.strings.thanks
  }

  /* -- hand-off to the contact channels, with the question --------------------------------- */
  function contactHref(channel) {
    var question = state.input.value.trim()
    if (!question)
      return channel.url
    if (/^mailto:/i.test(channel.url)) {
      var join = channel.url.indexOf("?") < 0 ? "?" : "&"
      return channel.url + join + "subject=" + encodeURIComponent(question.slice(0, 80)) +
        "&body=" + encodeURIComponent(question)
    }
    return new URL(channel.url, new URL(state.data.contact || "", state.options.base)).href
  }

  function contactPageHref() {
    var url = new URL(state.data.contact, state.options.base)
    var question = state.input.value.trim()
    if (question)
      url.searchParams.set("question", question)
    return url.href
  }

  function refreshContact() {
    state.contactLinks.forEach(function (pair) {
      pair[0].href = pair[1] ? contactHref(pair[1]) : contactPageHref()
    })
  }

  function build(options, data) {
    var strings = data.strings
    var panel = element("div", {
      "class": "panel", role: "dialog", "aria-labelledby": "hc-title", lang: data.locale,
      dir: data.dir
    })
    panel.id = "hc-panel"
    var header = element("header")
    header.appendChild(element("h2", { id: "hc-title" }, strings.title))
    var close = element("button", { type: "button", "class": "close", "aria-label": strings.close },
      "×")
    header.appendChild(close)
    panel.appendChild(header)
    var body = element("div", { "class": "body" })
    panel.appendChild(body)

    var home = element("div")
    var form = element("form", { role: "search" })
    form.appendChild(element("label", { "for": "hc-query" }, strings.search))
    var input = element("input", { id: "hc-query", type: "search", autocomplete: "off" })
    form.appendChild(input)
    home.appendChild(form)
    var status = element("p", { "class": "status", role: "status", "aria-live": "polite" })
    home.appendChild(status)
    var card = element("aside", { "class": "card" })
    card.hidden = true
    home.appendChild(card)
    var listSection = element("section", { "aria-labelledby": "hc-list-title" })
    var listHeading = element("h3", { id: "hc-list-title" })
    var list = element("ul")
    listSection.appendChild(listHeading)
    listSection.appendChild(list)
    home.appendChild(listSection)
    body.appendChild(home)

    var reader = element("div")
    reader.hidden = true
    var back = element("button", { type: "button", "class": "back" }, strings.back)
    reader.appendChild(back)
    var content = element("div", { "class": "article" })
    reader.appendChild(content)
    var open = element("a", { target: "_blank", rel: "noopener" }, strings.open_page)
    reader.appendChild(open)
    var voteBox = element("div", { "class": "vote", role: "group", "aria-labelledby": "hc-vote" })
    voteBox.appendChild(element("p", { id: "hc-vote" }, strings.helpful))
    var yes = element("button", { type: "button", "data-vote": "yes" }, strings.yes)
    var no = element("button", { type: "button", "data-vote": "no" }, strings.no)
    var thanks = element("p", { role: "status" })
    voteBox.appendChild(yes)
    voteBox.appendChild(no)
    voteBox.appendChild(thanks)
    reader.appendChild(voteBox)
    body.appendChild(reader)

    var contact = element("section", { "class": "contact", "aria-labelledby": "hc-contact" })
    contact.appendChild(element("h3", { id: "hc-contact" }, strings.contact))
    contact.appendChild(element("p", {}, strings.contact_intro))
    var channels = element("ul")
    var links = []
    data.channels.forEach(function (channel) {
      var link = element("a", { "data-channel": channel.id, target: "_blank", rel: "noopener" },
        channel.label || channel.kind)
      links.push([link, channel])
      var item = element("li")
      item.appendChild(link)
      channels.appendChild(item)
    })
    if (data.contact) {
      var page = element("a", { "data-channel": "contact-page", target: "_blank",
        rel: "noopener" }, strings.contact_page)
      links.push([page, null])
      var item = element("li")
      item.appendChild(page)
      channels.appendChild(item)
    }
    contact.appendChild(channels)
    body.appendChild(contact)
    contact.hidden = !links.length

    state = {
      options: options, data: data, panel: panel, home: home, input: input, status: status,
      card: card, list: list, listHeading: listHeading, listSection: listSection, reader: reader,
      back: back, content: content, open: open, vote: voteBox, voteButtons: [yes, no],
      thanks: thanks, contactLinks: links, sent: {}, session: session(), worker: null,
      reading: null, returnTo: null
    }
    var timer = null
    input.addEventListener("input", function () {
      clearTimeout(timer)
      timer = setTimeout(search, 120)
      refreshContact()
    })
    form.addEventListener("submit", function (e) { e.preventDefault(); search() })
    close.addEventListener("click", function () { hide(true) })
    back.addEventListener("click", closeArticle)
    yes.addEventListener("click", function () { vote(true) })
    no.addEventListener("click", function () { vote(false) })
    contact.addEventListener("click", function (e) {
      var link = e.target.closest && e.target.closest("a[data-channel]")
      if (link) {
        refreshContact()
        event("contacted")
      }
    })
    panel.addEventListener("keydown", function (e) {
      if (e.key === "Escape") {
        e.stopPropagation()
        hide(true)
      }
    })
    options.shadow.appendChild(element("style", {}, STYLE))
    options.shadow.appendChild(panel)
    options.button.setAttribute("aria-controls", "hc-panel")
    refreshContact()
    showSuggestions()
  }

  function show() {
    state.panel.hidden = false
    state.options.button.setAttribute("aria-expanded", "true")
    state.input.focus()
  }

  function hide(returnFocus) {
    state.panel.hidden = true
    state.options.button.setAttribute("aria-expanded", "false")
    if (returnFocus)
      state.options.button.focus()
  }

  var loading = null
  window.helpcentreWidgetPanel = {
    toggle: function (options) {
      if (state) {
        if (state.panel.hidden)
          show()
        else
          hide(false)
        return
      }
      if (loading)
        return
      var url = new URL("widget/widget.json", options.base).href
      loading = fetch(url, { credentials: "omit" }).then(function (response) {
        if (!response.ok)
          throw new Error(url + " answered " + response.status)
        return response.json()
      }).then(function (data) {
        build(options, data)
        show()
      }).catch(function (error) {
        loading = null
        console.warn("helpcentre widget: no data", error)
      })
    }
  }
})()
