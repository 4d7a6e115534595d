/*
 * helpcentre: "Was this article helpful?"
 *
 * Sets up every form[data-helpcentre-feedback] of the page (see overrides/partials/feedback.html)
 * and sends votes to the collector (POST <endpoint>/votes, JSON in a text/plain body: a CORS
 * simple request, like navigator.sendBeacon's). Votes are sent with fetch(keepalive), so they
 * survive the reader leaving the page, or with sendBeacon where fetch is missing.
 *
 * Privacy: no cookie, no identifier. A vote that could not be delivered waits in sessionStorage
 * (the tab's memory when storage is unavailable) holding only what was sent -- locale, page,
 * answer, reason, comment -- and is sent again on the next page load and when the browser comes
 * back online. Nothing here ever blocks the page.
 *
 * Material's instant navigation swaps pages without reloading this script: the widget is set up
 * again on every emission of Material's document$ observable, and each form only once.
 */
(function () {
  "use strict";

  if (window.helpcentreFeedback) {
    return; // loaded twice: the first copy already listens
  }

  var QUEUE_KEY = "helpcentre-feedback-queue";
  var MAX_QUEUED = 20;
  var memoryQueue = [];
  // Votes are sent one after the other so that the collector sees them in the order given:
  // the "No" sent at once must never overwrite the reason and comment sent after it.
  var sending = Promise.resolve();
  var flushing = false;

  function voteKey(entry) {
    return entry.url + "\n" + entry.vote.locale + "\n" + entry.vote.page;
  }

  function readQueue() {
    try {
      var stored = JSON.parse(window.sessionStorage.getItem(QUEUE_KEY) || "[]");
      return Array.isArray(stored) ? stored : [];
    } catch (error) {
      return memoryQueue.slice();
    }
  }

  function writeQueue(queue) {
    memoryQueue = queue.slice(-MAX_QUEUED);
    try {
      if (memoryQueue.length) {
        window.sessionStorage.setItem(QUEUE_KEY, JSON.stringify(memoryQueue));
      } else {
        window.sessionStorage.removeItem(QUEUE_KEY);
      }
    } catch (error) {
      // Storage disabled or full: the in-memory queue still retries while the tab lives.
    }
  }

  // The newest vote on a page replaces any older one waiting, as it does in the collector.
  function enqueue(entry) {
    var key = voteKey(entry);
    writeQueue(readQueue().filter(function (item) { return voteKey(item) !== key; }).concat([entry]));
  }

  function forget(entry) {
    var key = voteKey(entry);
    writeQueue(readQueue().filter(function (item) {
      return voteKey(item) !== key || item.sent > entry.sent;
    }));
  }

  // Resolves true once the vote needs no retry: accepted, or refused for good (4xx but 408/429).
  function post(url, vote) {
    var body = JSON.stringify(vote);
    if (typeof window.fetch === "function") {
      return window.fetch(url, {
        method: "POST",
        body: body,
        headers: { "Content-Type": "text/plain;charset=UTF-8" },
        keepalive: true,
        credentials: "omit",
        cache: "no-store",
      }).then(function (response) {
        var status = response.status;
        return response.ok || (status >= 400 && status < 500 && status !== 408 && status !== 429);
      }, function () {
        return false;
      });
    }
    try {
      var blob = new Blob([body], { type: "text/plain;charset=UTF-8" });
      return Promise.resolve(Boolean(navigator.sendBeacon && navigator.sendBeacon(url, blob)));
    } catch (error) {
      return Promise.resolve(false);
    }
  }

  function deliver(entry) {
    sending = sending.then(function () {
      return post(entry.url, entry.vote).then(function (done) {
        if (done) {
          forget(entry);
        } else {
          enqueue(entry);
        }
        return done;
      });
    });
    return sending;
  }

  function submit(url, vote) {
    deliver({ url: url, vote: vote, sent: Date.now() });
  }

  function flush() {
    if (flushing || (navigator.onLine === false)) {
      return;
    }
    var queue = readQueue();
    if (!queue.length) {
      return;
    }
    flushing = true;
    queue.forEach(deliver);
    sending.then(function () { flushing = false; }, function () { flushing = false; });
  }

  function setUp(form) {
    if (form.getAttribute("data-ready") === "true") {
      return;
    }
    form.setAttribute("data-ready", "true");
    var url = form.getAttribute("data-endpoint").replace(/\/+$/, "") + "/votes";
    var locale = form.getAttribute("data-locale");
    var page = form.getAttribute("data-page");
    var question = form.querySelector(".helpcentre-feedback__vote");
    var details = form.querySelector(".helpcentre-feedback__details");
    var thanks = form.querySelector(".helpcentre-feedback__thanks");
    var comment = form.querySelector("textarea[name=comment]");
    var counter = form.querySelector(".helpcentre-feedback__counter");
    var counterText = form.getAttribute("data-counter") || "{remaining}";
    var maxLength = parseInt(comment.getAttribute("data-max"), 10) || 1000;

    function finish(text) {
      question.hidden = true;
      details.hidden = true;
      thanks.textContent = text;
      thanks.focus();
    }

    function updateCounter() {
      var remaining = Math.max(0, maxLength - comment.value.length);
      counter.textContent = counterText.replace("{remaining}", String(remaining));
    }

    Array.prototype.forEach.call(form.querySelectorAll("button[data-helpful]"), function (button) {
      button.addEventListener("click", function () {
        var helpful = button.getAttribute("data-helpful") === "true";
        // Counted at once: a reader who says "No" and then leaves still counts.
        submit(url, { locale: locale, page: page, helpful: helpful });
        if (helpful) {
          finish(form.getAttribute("data-thanks"));
          return;
        }
        question.hidden = true;
        details.hidden = false;
        var first = details.querySelector("input[name=reason]");
        if (first) {
          first.focus();
        }
      });
    });

    comment.addEventListener("input", updateCounter);

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (details.hidden) {
        return;
      }
      var checked = form.querySelector("input[name=reason]:checked");
      var text = comment.value.trim().slice(0, maxLength);
      submit(url, {
        locale: locale,
        page: page,
        helpful: false,
        reason: checked ? checked.value : null,
        comment: text || null,
      });
      finish(form.getAttribute("data-thanks-details"));
    });

    updateCounter();
    form.hidden = false;
  }

  function setUpPage() {
    Array.prototype.forEach.call(
      document.querySelectorAll("form[data-helpcentre-feedback]"), setUp
    );
    flush();
  }

  window.helpcentreFeedback = { flush: flush };
  window.addEventListener("online", flush);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUpPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpPage);
  } else {
    setUpPage();
  }
})();
