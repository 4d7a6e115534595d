/*
 * Answer cards: when the search worker finds that a query closely matches an FAQ question
 * (answerCard in search-core.js), its answer shows above Material's results, with a link to the
 * article. The worker tells every page of its origin on the "helpcentre-search" channel; the
 * card is built by window.helpcentreAnswerCard, which the contact page's suggestions use too.
 * Nothing here may break the search: a failure leaves the results as they are.
 */
;(function () {
  "use strict"
  var script = document.currentScript
  var base = new URL(script && script.getAttribute("data-base") || ".", location.href)

  /* The card for {location, question, answer, article, title}; links resolve against `root` */
  function answerCard(card, root) {
    var box = document.createElement("aside")
    box.className = "helpcentre-answer-card"
    box.setAttribute("aria-label", card.question)
    box.style.cssText = "margin:.6rem .8rem;padding:.6rem .8rem;border-inline-start:" +
      ".2rem solid var(--md-accent-fg-color, #ff6e42);background:var(--md-code-bg-color, #f5f5f5)"
    var question = document.createElement("a")
    question.href = new URL(card.location, root).href
    question.textContent = card.question
    question.style.fontWeight = "700"
    var answer = document.createElement("p")
    answer.textContent = card.answer
    answer.style.margin = ".4rem 0"
    var article = document.createElement("a")
    article.href = new URL(card.article, root).href
    article.textContent = card.title
    article.setAttribute("data-hc-card-article", card.article)
    box.appendChild(question)
    box.appendChild(answer)
    if (card.title !== card.question)
      box.appendChild(article)
    return box
  }
  window.helpcentreAnswerCard = answerCard

  if (typeof BroadcastChannel !== "function")
    return
  function input() { return document.querySelector("[data-md-component=search-query]") }
  function clear() {
    var shown = document.querySelector(".md-search-result .helpcentre-answer-card")
    if (shown)
      shown.remove()
  }
  new BroadcastChannel("helpcentre-search").onmessage = function (event) {
    try {
      var data = event.data || {}, field = input()
      var result = document.querySelector(".md-search-result")
      /* Only for the query the box still holds: answers may arrive after a newer keystroke */
      if (!field || !result || field.value.trim() !== String(data.query || "").trim())
        return
      clear()
      if (!data.card)
        return
      var list = result.querySelector(".md-search-result__list")
      result.insertBefore(answerCard(data.card, base), list)
    } catch (error) {
      console.warn("helpcentre search: answer card not shown", error)
    }
  }
  document.addEventListener("input", function (event) {
    var field = input()
    if (field && event.target === field && !field.value.trim())
      clear()
  })
})()
