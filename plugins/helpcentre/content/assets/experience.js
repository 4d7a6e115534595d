/* helpcentre: home search box, announcement end date, contact-page suggestions.
 * Event handlers are attached to the document once, so they keep working across Material's
 * instant navigation, which replaces the page content without reloading this script. */
(function () {
  "use strict";

  /* -- home: the big search box opens Material's search ------------------------------------ */
  function openMaterialSearch(text) {
    var toggle = document.querySelector("[data-md-toggle=search]");
    var query = document.querySelector("[data-md-component=search-query]");
    if (!toggle || !query) return false;
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
    if (text) {
      query.value = text;
      query.dispatchEvent(new Event("input", { bubbles: true }));
    }
    query.focus();
    return true;
  }
  document.addEventListener("focusin", function (event) {
    var input = event.target.closest && event.target.closest("[data-hc-search-input]");
    if (input && openMaterialSearch(input.value)) input.value = "";
  });
  document.addEventListener("submit", function (event) {
    var form = event.target.closest && event.target.closest("[data-hc-open-search]");
    if (!form) return;
    event.preventDefault();
    openMaterialSearch(form.querySelector("input").value);
  });

  /* Material's search dialog has no accessible name: give it the search field's label. */
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]:not([aria-label])");
    var query = document.querySelector("[data-md-component=search-query]");
    if (dialog && query) {
      dialog.setAttribute("aria-label", query.getAttribute("aria-label") || query.placeholder);
    }
  }
  nameSearchDialog();

  /* -- announcement: hidden after its last day even if the daily rebuild is late ---------- */
  function hideEndedAnnouncements() {
    var now = new Date();
    var today = now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" +
      String(now.getDate()).padStart(2, "0");
    document.querySelectorAll("[data-hc-announce-end]").forEach(function (node) {
      if (today > node.getAttribute("data-hc-announce-end")) {
        var banner = node.closest(".md-banner") || node;
        banner.hidden = true;
      }
    });
  }
  hideEndedAnnouncements();

  /* -- contact: suggested articles while the customer types ------------------------------- */
  var session = Math.random().toString(16).slice(2, 18);
  var sent = {};
  var indexes = {};

  function post(form, payload) {
    var endpoint = form.getAttribute("data-endpoint");
    if (!endpoint) return;
    payload.locale = form.getAttribute("data-locale");
    payload.session = session;
    try {
      fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(payload),
        keepalive: true,
        credentials: "omit"
      }).catch(function () {});
    } catch (error) { /* recording is best effort */ }
  }

  function plain(text) {
    return String(text || "").replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
  }

  function loadIndex(form) {
    var urls = form.getAttribute("data-index").split(" ");
    var key = urls.join(" ");
    if (!indexes[key]) {
      indexes[key] = urls.reduce(function (found, url) {
        return found.then(function (docs) {
          if (docs.length) return docs;
          return fetch(url, { credentials: "same-origin" })
            .then(function (r) { return r.ok ? r.json() : {}; })
            .then(function (payload) { return pages(payload); })
            .catch(function () { return []; });
        });
      }, Promise.resolve([]));
    }
    return indexes[key];
  }

  /* One entry per page from whatever the locale's index holds: a list of documents with a
   * location, a title and a text (one per page and per section). */
  function pages(payload) {
    var docs = (payload && (payload.docs || payload.documents)) || [];
    var byPage = {};
    var order = [];
    docs.forEach(function (doc) {
      var location = String(doc.location || doc.url || "");
      var path = location.split("#")[0];
      if (!path || path === "contact/") return;
      if (!byPage[path]) { byPage[path] = { path: path, title: "", text: "" }; order.push(path); }
      var entry = byPage[path];
      var title = plain(doc.title);
      if (location.indexOf("#") < 0 && title) entry.title = title;
      else if (!entry.title && title) entry.title = title;
      entry.text += " " + title + " " + plain(doc.text);
    });
    return order.map(function (path) {
      var entry = byPage[path];
      entry.titleLower = entry.title.toLowerCase();
      entry.textLower = entry.text.toLowerCase();
      return entry;
    }).filter(function (entry) { return entry.title; });
  }

  function terms(text) {
    var words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
    var result = [];
    words.forEach(function (word) {
      if (/[\u3040-\u30ff\u3400-\u9fff]/.test(word)) {
        for (var i = 0; i + 1 < word.length; i++) result.push(word.slice(i, i + 2));
        if (word.length === 1) result.push(word);
      } else if (word.length > 2) {
        result.push(word.length > 5 ? word.slice(0, word.length - 2) : word);
      }
    });
    return result;
  }

  function rank(docs, query, limit) {
    var wanted = terms(query);
    if (!wanted.length) return [];
    return docs.map(function (doc) {
      var score = 0;
      var matched = 0;
      wanted.forEach(function (term) {
        var hit = false;
        if (doc.titleLower.indexOf(term) >= 0) { score += 3; hit = true; }
        var count = doc.textLower.split(term).length - 1;
        if (count) { score += Math.min(count, 5) * 0.4; hit = true; }
        if (hit) matched += 1;
      });
      return { doc: doc, score: score * (matched / wanted.length) };
    }).filter(function (item) { return item.score > 0; })
      .sort(function (a, b) { return b.score - a.score; })
      .slice(0, limit)
      .map(function (item) { return item.doc; });
  }

  /* With helpcentre's search, suggestions come from its worker: the same ranking, stemming and
   * synonyms as the search box. Without it, the light scorer above reads Material's index. */
  var workers = {};
  function askWorker(url, question, limit) {
    var entry = workers[url];
    if (!entry) {
      entry = workers[url] = { worker: new Worker(url), waiting: null };
      entry.worker.addEventListener("message", function (event) {
        var message = event.data || {};
        /* The worker may answer a question twice (excerpts follow): only the answer to the
         * question waiting counts. */
        if (message.type === 3 && entry.waiting &&
            (!message.data || message.data.query === undefined ||
             message.data.query === entry.question)) {
          var resolve = entry.waiting;
          entry.waiting = null;
          entry.card = (message.data && message.data.card) || null;
          resolve((message.data && message.data.items) || []);
        }
      });
    }
    return new Promise(function (resolve) {
      /* A newer question supersedes an unanswered one: answer the older with nothing. */
      if (entry.waiting) entry.waiting([]);
      entry.waiting = resolve;
      entry.question = question;
      entry.worker.postMessage({ type: 2, data: question });
    }).then(function (groups) {
      return groups.slice(0, limit).map(function (group) {
        /* A group is an article and its matching sections, best first: a section may come
         * before its article, but the suggestion names the article. */
        var article = group.filter(function (doc) {
          return String(doc.location || "").indexOf("#") < 0;
        })[0] || group[0];
        var path = String(article.location || "").split("#")[0];
        /* Titles come highlighted (<mark>) and escaped; DOMParser runs and loads nothing. */
        var title = new DOMParser().parseFromString(String(article.title || ""), "text/html");
        return { path: path, title: plain(title.body.textContent) };
      }).filter(function (doc) { return doc.path && doc.path !== "contact/" && doc.title; });
    });
  }

  function findSuggestions(form, question, limit) {
    var worker = form.getAttribute("data-worker");
    if (worker) return askWorker(worker, question, limit);
    return loadIndex(form).then(function (docs) { return rank(docs, question, limit); });
  }

  function pageId(path) { return path.replace(/\/$/, "").replace(/\.html$/, "").replace(/\/index$/, ""); }

  /* The answer card the worker found for the question last asked (search/answer-card.js) */
  function showCard(form, box, list) {
    var shown = box.querySelector(".helpcentre-answer-card");
    if (shown) shown.remove();
    var entry = workers[form.getAttribute("data-worker")];
    var card = entry && entry.card;
    if (!card || typeof window.helpcentreAnswerCard !== "function") return false;
    var node = window.helpcentreAnswerCard(card, new URL(form.getAttribute("data-base"), location.href));
    node.querySelectorAll("a").forEach(function (link) {
      link.setAttribute("data-hc-card", pageId(card.article));
    });
    list.parentNode.insertBefore(node, list);
    return true;
  }

  function suggest(form) {
    var question = form.querySelector("textarea").value;
    var limit = parseInt(form.getAttribute("data-limit"), 10) || 0;
    var box = form.querySelector(".hc-suggestions");
    var list = form.querySelector("[data-hc-suggestion-list]");
    if (!limit) return;
    findSuggestions(form, question, limit).then(function (found) {
      var carded = showCard(form, box, list);
      list.textContent = "";
      found.forEach(function (doc) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = form.getAttribute("data-base") + doc.path;
        link.textContent = doc.title;
        link.setAttribute("data-hc-suggestion", pageId(doc.path));
        link.setAttribute("data-query-length", String(question.length));
        item.appendChild(link);
        list.appendChild(item);
      });
      box.hidden = !found.length && !carded;
      if (found.length && !sent.shown) {
        sent.shown = true;
        post(form, { event: "shown", query_length: question.length });
      }
    });
  }

  /* The help widget hands a question over in ?question=: the customer need not type it again */
  function prefillQuestion() {
    var form = document.querySelector("[data-hc-contact]");
    var question = new URLSearchParams(location.search).get("question");
    var field = form && form.querySelector("textarea");
    if (!field || !question || field.value) return;
    field.value = question.slice(0, 2000);
    suggest(form);
  }
  prefillQuestion();

  var timer = null;
  document.addEventListener("input", function (event) {
    var form = event.target.closest && event.target.closest("[data-hc-contact]");
    if (!form || event.target.tagName !== "TEXTAREA") return;
    clearTimeout(timer);
    timer = setTimeout(function () { suggest(form); }, 150);
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest) return;
    var form = document.querySelector("[data-hc-contact]");
    if (!form) return;
    var suggestion = event.target.closest("[data-hc-suggestion], [data-hc-card]");
    if (suggestion) {
      post(form, {
        event: "clicked",
        page: suggestion.getAttribute("data-hc-suggestion") || suggestion.getAttribute("data-hc-card"),
        query_length: parseInt(suggestion.getAttribute("data-query-length"), 10) || 0
      });
    }
    if (event.target.closest("[data-hc-contact-channel]") && !sent.contacted) {
      sent.contacted = true;
      post(form, { event: "contacted" });
    }
  });
})();
