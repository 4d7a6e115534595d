/*
 * Runs the browser's search code in node: lunr.js and lunr-languages from the installed Material
 * package, and our search-core.js. Reads one JSON request on stdin, writes one JSON answer.
 *
 * Request: {lunr_js, lunr_dir, core, locale, ...} with either
 *   {mode: "terms", texts: [..]}            -> {terms: [[..], ..], words: [[..], ..]}
 *   {mode: "rank", index: path, queries: [..]} -> {ranks: [[location, ..], ..]}
 *   {mode: "search", index: path, queries: [..]} -> {results: [SearchResult, ..]}
 */
"use strict"
const fs = require("fs")
const path = require("path")
const vm = require("vm")

function load(file, source) {
  const module = { exports: {} }
  const code = source === undefined ? fs.readFileSync(file, "utf8") : source
  vm.runInThisContext("(function (module, exports, define) {" + code + "\n})", {
    filename: file
  })(module, module.exports, undefined)
  return module.exports
}

function setup(request) {
  const lunr = load("lunr.js", request.lunr_js)
  const language = request.locale.split(/[-_]/)[0].toLowerCase()
  if (language !== "en") {
    load(path.join(request.lunr_dir, "min", "lunr.stemmer.support.min.js"))(lunr)
    if (language === "ja")
      load(path.join(request.lunr_dir, "tinyseg.js"))(lunr)
    load(path.join(request.lunr_dir, "min", `lunr.${language}.min.js`))(lunr)
  }
  return { lunr, core: load(request.core)(lunr) }
}

const input = fs.readFileSync(0, "utf8")
const request = JSON.parse(input)
const { core } = setup(request)
let answer
if (request.mode === "terms") {
  const analyzer = new core.Analyzer(request.locale, request.separator)
  answer = {
    terms: request.texts.map(text => analyzer.terms(text)),
    words: request.texts.map(text => analyzer.words(text))
  }
} else {
  const searcher = new core.Searcher(JSON.parse(fs.readFileSync(request.index, "utf8")))
  if (request.mode === "rank")
    answer = { ranks: request.queries.map(query => searcher.rank(query)) }
  else
    answer = { results: request.queries.map(query => searcher.search(query)) }
}
process.stdout.write(JSON.stringify(answer))
