/*
 * helpcentre widget loader: the one script a product's page embeds,
 *   <script src="https://help.example.com/widget.js" data-locale="fr" data-context="billing"
 *     async></script>
 * It adds a help button in a shadow root (no style crosses either way) and nothing else: the
 * panel's script and the locale's data load when the reader opens it. data-locale picks the
 * locale (else the page's lang; a regional tag falls back to its language, then to the site's
 * default); data-context names the context (else the first context whose host_paths match this
 * page's path, else "general"). The build writes the settings in at the marker.
 */
;(function () {
  "use strict"
  var script = document.currentScript
  if (!script || window.helpcentreWidgetLoaded)
    return
  window.helpcentreWidgetLoaded = true
  var settings = /* helpcentre:widget-settings */ null
  var root = new URL(".", script.src).href

  function pickLocale(wanted) {
    var codes = Object.keys(settings.locales)
    var tag = String(wanted || "").replace(/_/g, "-").toLowerCase()
    for (var step = 0; step < 2; step++) {
      for (var i = 0; i < codes.length; i++)
        if (codes[i].toLowerCase() === tag)
          return codes[i]
      tag = tag.split("-")[0]
    }
    return settings["default"]
  }

  function glob(pattern) {
    return new RegExp("^" + pattern.split("").map(function (c) {
      return c === "*" ? ".*" : c === "?" ? "." : c.replace(/[\\^$.*+?()[\]{}|\/-]/g, "\\$&")
    }).join("") + "$")
  }

  function hostContext(path) {
    for (var i = 0; i < settings.hosts.length; i++)
      for (var j = 0; j < settings.hosts[i][1].length; j++)
        if (glob(settings.hosts[i][1][j]).test(path))
          return settings.hosts[i][0]
    return ""
  }

  var locale = pickLocale(script.getAttribute("data-locale") || document.documentElement.lang)
  var entry = settings.locales[locale]
  var options = {
    root: root,
    base: new URL(entry.path, root).href,
    locale: locale,
    dir: entry.dir,
    context: script.getAttribute("data-context") || hostContext(location.pathname) || "general"
  }

  function mount() {
    var host = document.createElement("div")
    host.setAttribute("data-helpcentre-widget", "")
    var shadow = host.attachShadow({ mode: "open" })
    shadow.innerHTML = "<style>:host{all:initial}" +
      ".launch{position:fixed;bottom:1.25rem;inset-inline-end:1.25rem;z-index:2147483000;" +
      "font:600 1rem/1.2 system-ui,sans-serif;color:#fff;background:#1f4e8c;border:0;" +
      "border-radius:2rem;padding:.8rem 1.3rem;cursor:pointer;box-shadow:0 2px 8px #0005}" +
      ".launch:focus-visible{outline:3px solid #f4b400;outline-offset:2px}</style>" +
      "<button type=\"button\" class=\"launch\" aria-haspopup=\"dialog\" aria-expanded=\"false\">" +
      "</button>"
    var button = shadow.querySelector("button")
    button.textContent = entry.label
    button.setAttribute("lang", locale)
    button.setAttribute("dir", entry.dir)
    options.shadow = shadow
    options.button = button
    var loading = null
    button.addEventListener("click", function () {
      if (!loading)
        loading = new Promise(function (resolve, reject) {
          var panel = document.createElement("script")
          panel.src = root + "widget/panel.js"
          panel.async = true
          panel.onload = function () { resolve(window.helpcentreWidgetPanel) }
          panel.onerror = reject
          document.head.appendChild(panel)
        })
      loading.then(function (panel) { panel.toggle(options) }, function (error) {
        loading = null
        console.warn("helpcentre widget: the panel did not load", error)
      })
    })
    document.body.appendChild(host)
  }

  if (document.body)
    mount()
  else
    document.addEventListener("DOMContentLoaded", mount)
})()
