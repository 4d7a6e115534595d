/*
 * Runs the browser's search code in node: lunr.js and lunr-languages from the installed Material
 * package, and our search-core.js. Reads one JSON request on stdin, writes one JSON answer.
 *
 * Request: {lunr_js, lunr_dir, core, locale, generic (the generic rules), ...} with either
 *   {mode: "terms", texts: [..]}            -> {terms: [[..], ..], words: [[..], ..], tokens: ..}
 *   {mode: "wordcut", texts: [..]}          -> {pieces: [[..], ..]} (lunr.wordcut.cut, as lunr.th)
 *       with {repeat: n}, also {ms: milliseconds per pass over all texts, best of n}
 *   {mode: "rank", index: path, queries: [..]} -> {ranks: [[location, ..], ..]}
 *   {mode: "search", index: path, queries: [..]} -> {results: [SearchResult, ..]} (no excerpts)
 *   {mode: "cards", index: path, queries: [..]} -> {cards: [answer card or null, ..]}
 *   {mode: "answer", index: path, queries: [..]}
 *       -> {results: [..], chunks: [chunk number, ..], shards: [postings shard number, ..]}
 *   {mode: "steps", index: path, queries: [..]} -> {results: [[answer posted, ..]], chunks: [..]}
 *   {mode: "compare", index: path, queries: [..]} -> {hits: count, different: [query, ..]}
 *   {mode: "read", index: path} -> {terms, docs, lengths} (the index file as readIndex reads it)
 *   {mode: "automata", index: path} -> {checked, different: [term, ..], all} (tokenTrie against
 *       lunr.TokenSet.fromArray)
 * With {warm: true}, "answer" and "steps" first run the worker's warm-up and say so in `warmed`;
 * {chunk_delay: ms} delays every text chunk, {excerpt_wait: ms} is the worker's excerpt wait,
 * {superseded: true} answers as the worker does a query a newer one superseded;
 * mode "steps" says in `posted_at` when each answer was posted (ms after the query was asked).
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
  global.__lunr = lunr
  const language = request.locale.split(/[-_]/)[0].toLowerCase()
  if (language !== "en" && !request.generic) {
    load(path.join(request.lunr_dir, "min", "lunr.stemmer.support.min.js"))(lunr)
    if (language === "ja")
      load(path.join(request.lunr_dir, "tinyseg.js"))(lunr)
    /* As in the worker, which runs it with the worker's global lunr */
    if (request.wordcut)
      lunr.wordcut = load(path.join(request.lunr_dir, "wordcut.js"))
    load(path.join(request.lunr_dir, "min", `lunr.${language}.min.js`))(lunr)
    /* Turkish's own rules around lunr.tr's, beside search-core.js, as the worker loads them */
    if (language === "tr")
      load(path.join(path.dirname(request.core), "search-turkish.js"))(lunr)
  }
  return { lunr, core: load(request.core)(lunr) }
}

/*
 * Reference for the index the core searches: the same postings fed to lunr.Builder as if it had
 * added the documents, built into a lunr.Index, and each query's hits (references, scores and
 * matched terms, in order) compared with the core's.
 */
function compare(written, searcher, queries, shard) {
  const lunr = global.__lunr
  const data = core.readIndex(written)
  const builder = new lunr.Builder()
  builder.ref("ref")
  const fields = data.fields.map(([name, boost]) => (builder.field(name, { boost }), name))
  data.docs.forEach((doc, n) => {
    builder._documents[n] = data.boosts[n] ? { boost: data.boosts[n] } : {}
    for (const field of fields) {
      builder.fieldTermFrequencies[`${field}/${n}`] = Object.create(null)
    }
  })
  const postings = core.unpackShard(
    data.postings.inline || data.postings.starts.flatMap((_, number) => shard(number))
  )
  data.terms.forEach((term, t) => {
    const lists = postings[t]
    const posting = { _index: t }
    fields.forEach((field, f) => {
      posting[field] = {}
      let doc = 0
      const list = lists[f] || []
      for (let p = 0; p < list.length; p++) {
        doc += list[p]
        const tf = list[p + 1] < 0 ? -list[++p] : 1
        posting[field][doc] = {}
        builder.fieldTermFrequencies[`${field}/${doc}`][term] = tf
      }
    })
    builder.invertedIndex[term] = posting
  })
  /* The lengths the index file holds (rounded to four significant bits), as the core reads
     them: what BM25 is given is the same, and the rest of its computation compared */
  fields.forEach((field, f) => data.docs.forEach((_, n) => {
    builder.fieldLengths[`${field}/${n}`] = searcher.index.lengths[f][n]
  }))
  builder.documentCount = data.docs.length
  const reference = builder.build()
  const flat = hits => hits.map(hit => [
    hit.ref, hit.score, Object.keys(hit.matchData.metadata).sort()
  ])
  let hits = 0
  const different = queries.filter(query => {
    const plan = searcher.plan(query)
    const theirs = flat(core.runPlan(reference, plan))
    const ours = flat(core.runPlan(searcher.index, plan))
    hits += theirs.length
    return JSON.stringify(ours) !== JSON.stringify(theirs)
  })
  return { hits, different }
}

const input = fs.readFileSync(0, "utf8")
const request = JSON.parse(input)
const { core } = setup(request)

async function main() {
  if (request.mode === "terms") {
    const analyzer = new core.Analyzer(request.locale, request.separator, request.generic)
    return {
      terms: request.texts.map(text => analyzer.terms(text)),
      words: request.texts.map(text => analyzer.words(text)),
      tokens: request.texts.map(text => analyzer.tokens(text))
    }
  }
  /* The Thai cutter lunr.th tokenizes with, initialised as lunr.th.min.js left it */
  if (request.mode === "wordcut") {
    const cut = () => request.texts.map(text => global.__lunr.wordcut.cut(text).split("|"))
    let ms = null
    for (let run = 0; run < (request.repeat || 0); run++) {
      const start = performance.now()
      cut()
      ms = Math.min(ms === null ? Infinity : ms, performance.now() - start)
    }
    return { pieces: cut(), ms }
  }
  const data = JSON.parse(fs.readFileSync(request.index, "utf8"))
  const chunks = [], shards = []
  const part = (template, fetched) => number => {
    fetched.push(number)
    const file = path.join(path.dirname(request.index), template.replace("{}", number))
    return JSON.parse(fs.readFileSync(file, "utf8"))
  }
  /* {chunk_delay: ms}: text chunks arrive that late, as over a slow network */
  const text = part(data.text.url || "", chunks)
  const delayed = request.chunk_delay
    ? number => new Promise(resolve => setTimeout(() => resolve(text(number)), request.chunk_delay))
    : text
  const searcher = new core.Searcher(data, delayed, part(data.postings.url || "", shards))
  /* {warm: true}: run the worker's warm-up steps first, as the worker does before the reader
     types; the answer says how many steps ran and how many words the analyser remembers */
  let warmed = null
  if (request.warm) {
    const steps = searcher.warmUpSteps()
    steps.forEach(step => step())
    warmed = { steps: steps.length, remembered: searcher.analyzer.memory.size }
  }
  const each = async ask => {
    const answers = []
    for (const query of request.queries) {
      await searcher.prepare(query)
      answers.push(await ask(query))
    }
    return answers
  }
  /* The plan of each query: its words, terms, corrections, filler and expansions */
  if (request.mode === "plan")
    return {
      plans: await each(query => searcher.plan(query).map(entry => ({
        word: entry.word, term: entry.term, corrected: entry.corrected, filler: entry.filler,
        synonyms: entry.synonyms, related: entry.related, relatedWords: entry.relatedWords,
        phrases: entry.phrases, negated: entry.negated, unheld: entry.unheld
      }))),
      corrections: await each(query => searcher.correction(query, searcher.plan(query)))
    }
  /* The terms' automaton the searcher builds against lunr's own: the words each accepts of a
     prefix and of near spellings (one and two edits) of every term, in order */
  if (request.mode === "automata") {
    const lunr = global.__lunr
    const words = core.readIndex(data).terms.slice().sort()
    const ours = core.tokenTrie(words), theirs = lunr.TokenSet.fromArray(words)
    let checked = 0
    const different = []
    for (const word of words)
      for (const query of [
        lunr.TokenSet.fromString(word.slice(0, 3) + "*"),
        lunr.TokenSet.fromFuzzyString(word, 1),
        lunr.TokenSet.fromFuzzyString(word, 2)
      ]) {
        checked++
        const a = JSON.stringify(ours.intersect(query).toArray())
        if (a !== JSON.stringify(theirs.intersect(query).toArray()))
          different.push(word)
      }
    const all = ours.toArray()
    return {
      checked, different,
      all: JSON.stringify(all) === JSON.stringify(theirs.toArray()) &&
        JSON.stringify(all.sort()) === JSON.stringify(words)
    }
  }
  /* The index file's compact parts written out, as the searcher reads them */
  if (request.mode === "read") {
    const read = core.readIndex(data)
    return { terms: read.terms, docs: read.docs, lengths: read.lengths }
  }
  if (request.mode === "rank")
    return { ranks: await each(query => searcher.rank(query)) }
  if (request.mode === "search")
    return { results: await each(query => searcher.search(query)) }
  /* The card once the first article's text chunk is at hand, as the worker has it */
  if (request.mode === "cards")
    return {
      cards: await each(async query => {
        await searcher.fetchTexts(searcher.rankGroups(query), 0, 1)
        return searcher.answerCard(query)
      })
    }
  if (request.mode === "compare") {
    await each(() => null)
    return compare(data, searcher, request.queries, part(data.postings.url, []))
  }
  /* modes "answer" and "steps": as the worker answers, with the excerpts of the first page */
  const results = [], postedAt = []
  for (const query of request.queries) {
    if (request.mode === "steps") {
      const posted = [], at = [], start = performance.now()
      let options
      if (request.excerpt_wait !== undefined)
        options = { excerptWait: request.excerpt_wait }
      /* {superseded: true}: a newer query came while this one's postings were loading */
      if (request.superseded)
        options = Object.assign({}, options, { superseded: () => true })
      await searcher.answerInSteps(query, options, answer => {
        posted.push(answer)
        at.push(performance.now() - start)
      })
      results.push(posted)
      postedAt.push(at)
    } else {
      results.push(await searcher.answer(query))
    }
  }
  return { results, chunks, shards, warmed, posted_at: postedAt }
}

main().then(answer => process.stdout.write(JSON.stringify(answer)), error => {
  console.error(error)
  process.exit(1)
})
