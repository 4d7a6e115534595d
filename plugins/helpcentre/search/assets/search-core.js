/*
 * helpcentre search core: analyses text and queries exactly as the build does (see
 * helpcentre/search/languages.py) and searches a lunr index prebuilt by the build.
 *
 * Runs unchanged in the search worker (global `helpcentreSearch`) and in node (module.exports),
 * where the test-suite compares it with the Python analysis and measures relevance.
 *
 * Result post-processing (grouping sections under their article, title boost, highlighting of
 * one or two blocks) follows Material for MkDocs' search worker (MIT, Martin Donath) so that the
 * theme's result list renders our results the same way.
 */
;(function (root, factory) {
  if (typeof module === "object" && module.exports)
    module.exports = factory
  else
    root.helpcentreSearch = factory
})(this, function (lunr) {
  "use strict"

  var CJK = /[\u3041-\u3096\u30a1-\u30fa\u30fc\u3005\u3006\u4e00-\u9fff\uff66-\uff9f]/
  var HAN_RUN = /[\u4e00-\u9fff]+/g
  /* Thai letters and vowel signs: Thai writes no spaces, so a chunk holding them is cut into
     words by lunr.th's wordcut (thai_wordcut of languages.py) */
  var THAI = /[\u0e01-\u0e4e]/
  /* Hangul syllables: Korean attaches particles and endings to words, so its runs are cut into
     overlapping pairs too (_HANGUL_RUN of languages.py) */
  var HANGUL_RUN = /[\uac00-\ud7a3]+/g
  var MAX_QUERY_LENGTH = 256
  var MAX_QUERY_WORDS = 12

  /* ------------------------------------------------------------------------
   * Analysis
   * --------------------------------------------------------------------- */

  /* The generic rules, for a language lunr-languages has no rules for (see languages.py):
     Unicode word segmentation, lower case, accents folded, no stemming, no stop words */
  var GENERIC_HEAD = /^[^\p{L}\p{N}\p{M}]+/u
  var GENERIC_TAIL = /[^\p{L}\p{N}\p{M}]+$/u
  var ACCENTS = /[\u0300-\u036f]/g
  var FOLDED_LETTERS = {
    "ł": "l", "đ": "d", "ø": "o", "ħ": "h", "ı": "i", "ŧ": "t", "ŀ": "l", "ß": "ss", "·": ""
  }
  var FOLDED = new RegExp("[" + Object.keys(FOLDED_LETTERS).join("") + "]", "g")

  function fold(word) {
    return word.normalize("NFD").replace(ACCENTS, "").replace(FOLDED, function (letter) {
      return FOLDED_LETTERS[letter]
    }).normalize("NFC")
  }

  function genericTerm(token) {
    return token.update(function (word) {
      return fold(word.replace(GENERIC_HEAD, "").replace(GENERIC_TAIL, ""))
    })
  }

  function wordSegmenter(locale) {
    /* Browsers without Intl.Segmenter keep the separator's chunks whole */
    if (typeof Intl !== "object" || typeof Intl.Segmenter !== "function")
      return null
    var segmenter
    try {
      segmenter = new Intl.Segmenter(String(locale).replace(/_/g, "-"), { granularity: "word" })
    } catch (error) {
      segmenter = new Intl.Segmenter("und", { granularity: "word" })
    }
    return function (chunk) {
      return Array.from(segmenter.segment(chunk), function (piece) { return piece.segment })
    }
  }

  /* `generic`: the index was built with the generic rules (its `rules` field) */
  function Analyzer(locale, separator, generic) {
    var language = String(locale).split(/[-_]/)[0].toLowerCase()
    this.locale = locale
    this.language = language
    this.separator = new RegExp(separator, "g")
    this.segmenter = null
    /* The language's own rules beside lunr-languages' (Turkish's), or null */
    this.own = null
    if (generic) {
      this.pipeline = [genericTerm]
      this.segmenter = wordSegmenter(locale)
      return
    }
    if (language === "en") {
      this.pipeline = [lunr.trimmer, lunr.stopWordFilter, lunr.stemmer]
    } else {
      var rules = lunr[language]
      if (!rules || !rules.wordCharacters)
        throw new Error("helpcentre search: lunr-languages for '" + locale + "' not loaded")
      // Some files write the class with its brackets (ko, th, hy, vi), which the trimmer would
      // nest in its own. Digits are words too: the build extends the trimmer the same way.
      var characters = rules.wordCharacters.replace(/^\[([^]*)\]$/, "$1")
      // Greek normalises between trimmer and stop words; Thai filters no stop words; Korean,
      // Armenian, Thai and Vietnamese stem nothing. Every stemmer runs, the build has a twin of
      // each (lunr_stemmers.py for Arabic, Greek and Hebrew).
      // Turkish gets rules of its own around lunr.tr's (search-turkish.js, loaded for it alone)
      var own = this.own = language === "tr" ? lunr.helpcentreTurkish : null
      if (language === "tr" && !own)
        throw new Error("helpcentre search: search-turkish.js for '" + locale + "' not loaded")
      this.pipeline = [
        lunr.trimmerSupport.generateTrimmer(characters + "0-9"),
        own ? own.normalizer : rules.normilizer,
        rules.stopWordFilter,
        own ? own.stemmer(rules.stemmer) : rules.stemmer
      ].filter(Boolean)
    }
    if (language === "ja") {
      var tiny = new lunr.TinySegmenter()
      this.segmenter = function (chunk) {
        chunk = chunk.toLowerCase()
        return CJK.test(chunk) ? tiny.segment(chunk).filter(Boolean) : [chunk]
      }
    } else if (language === "zh") {
      this.segmenter = function (chunk) { return bigrams(chunk.toLowerCase(), HAN_RUN) }
    } else if (language === "th") {
      // lunr.th.min.js has initialised lunr.wordcut (wordcut.js, loaded before it); words do
      // not overlap. The separator cuts at "|", so no chunk holds wordcut's delimiter.
      var wordcut = lunr.wordcut
      if (!wordcut || typeof wordcut.cut !== "function")
        throw new Error("helpcentre search: wordcut.js for '" + locale + "' not loaded")
      this.segmenter = function (chunk) {
        chunk = chunk.toLowerCase()
        return THAI.test(chunk) ? wordcut.cut(chunk).split("|") : [chunk]
      }
    } else if (language === "ko") {
      this.segmenter = function (chunk) { return bigrams(chunk.toLowerCase(), HANGUL_RUN) }
    }
  }

  /* Pairs of the script's runs and the text between them; `overlaps[i]`: the next piece starts
     inside piece i (one character on) */
  function bigrams(chunk, runs) {
    var pieces = [], overlaps = {}, position = 0, match
    runs.lastIndex = 0
    while ((match = runs.exec(chunk))) {
      if (match.index > position)
        pieces.push(chunk.slice(position, match.index))
      var run = match[0]
      if (run.length === 1)
        pieces.push(run)
      else
        for (var i = 0; i < run.length - 1; i++) {
          pieces.push(run.slice(i, i + 2))
          // Pairs overlap: each but the run's last starts one character after the previous
          if (i < run.length - 2)
            overlaps[pieces.length - 1] = true
        }
      position = match.index + run.length
    }
    if (position < chunk.length)
      pieces.push(chunk.slice(position))
    pieces.overlaps = overlaps
    return pieces
  }

  /* Ranges [start, end) of the words of `text`, before lower-casing */
  Analyzer.prototype.ranges = function (text) {
    var ranges = [], index = 0, match, self = this
    function emit(start, end) {
      if (start >= end)
        return
      var chunk = text.slice(start, end)
      var pieces = self.segmenter ? self.segmenter(chunk) : [chunk]
      for (var p = 0, offset = start; p < pieces.length; p++) {
        ranges.push([offset, offset + pieces[p].length])
        offset += pieces.overlaps && pieces.overlaps[p] ? 1 : pieces[p].length
      }
    }
    this.separator.lastIndex = 0
    while ((match = this.separator.exec(text))) {
      emit(index, match.index)
      index = match.index + match[0].length
      if (match[0].length === 0)
        this.separator.lastIndex++
    }
    emit(index, text.length)
    return ranges
  }

  Analyzer.prototype.words = function (text) {
    var lower = String(text)
    return this.ranges(lower).map(function (range) {
      return lower.slice(range[0], range[1]).toLowerCase()
    })
  }

  /* Words whose terms are remembered: highlighting a page of results analyses the same title
     and text words again and again, and stemming is most of what it costs */
  var TERM_MEMORY = 20000

  /* Trim, filter and stem one lower-case word; null when it is not indexed */
  Analyzer.prototype.term = function (word) {
    var memory = this.memory || (this.memory = new Map())
    var known = memory.get(word)
    if (known !== undefined)
      return known
    var token = new lunr.Token(word, {})
    for (var i = 0; i < this.pipeline.length && token; i++)
      token = this.pipeline[i](token, 0, [token])
    var value = token && token.toString() || null
    if (memory.size >= TERM_MEMORY)
      memory.clear()
    memory.set(word, value)
    return value
  }

  /* Each word of `text` as its term, or "~" and the word for one the index leaves out (a stop
     word): what the lexicon's members are written as (`Analyzer.tokens` of languages.py) */
  Analyzer.prototype.tokens = function (text) {
    return this.words(text).map(function (word) {
      var term = this.term(word)
      return term === null ? UNINDEXED + word : term
    }, this)
  }

  /* Whether `word` negates by its form alone, where the language negates in the word (a
     Turkish verb in a negative form) */
  Analyzer.prototype.negatesByForm = function (word) {
    return Boolean(this.own && this.own.negative && this.own.negative(word))
  }

  Analyzer.prototype.terms = function (text) {
    var terms = []
    var words = this.words(text)
    for (var i = 0; i < words.length; i++) {
      var term = this.term(words[i])
      if (term !== null)
        terms.push(term)
    }
    return terms
  }

  /* ------------------------------------------------------------------------
   * Query
   * --------------------------------------------------------------------- */

  function levenshtein(a, b) {
    var previous = [], current, i, j
    for (j = 0; j <= b.length; j++)
      previous[j] = j
    for (i = 1; i <= a.length; i++) {
      current = [i]
      for (j = 1; j <= b.length; j++)
        current[j] = Math.min(
          previous[j] + 1, current[j - 1] + 1,
          previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
        )
      previous = current
    }
    return previous[b.length]
  }

  /* Where `part` first occurs in `sequence`, or -1; with `alike` (oneWordAlike), a word of
     `sequence` also stands for the words alike to it */
  function positionOf(sequence, part, alike) {
    outer: for (var i = 0; i + part.length <= sequence.length; i++) {
      for (var j = 0; j < part.length; j++)
        if (sequence[i + j] !== part[j] &&
            !(alike && alike.has(sequence[i + j]) && alike.get(sequence[i + j]).has(part[j])))
          continue outer
      return i
    }
    return -1
  }

  /* What a token of a word the index leaves out starts with ("~not": UNINDEXED of languages.py) */
  var UNINDEXED = "~"

  function indexed(token) {
    return token.charAt(0) !== UNINDEXED
  }

  /* Whether a member's tokens hold one of the language's negating words (a Set of tokens) */
  function negates(member, negations) {
    return member.some(function (token) { return negations.has(token) })
  }

  /* Edit distance with transpositions (optimal string alignment): "reciept" is one edit away
     from "receipt", as a reader's typo usually is */
  function editDistance(a, b) {
    var rows = [], i, j
    for (i = 0; i <= a.length; i++) {
      rows[i] = [i]
      for (j = 1; j <= b.length; j++)
        rows[i][j] = i ? 0 : j
    }
    for (i = 1; i <= a.length; i++)
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1
        rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1)
      }
    return rows[a.length][b.length]
  }

  /* Edits a misspelled word of this length may be away from the word it is corrected to: none
     for short words (too many near neighbours), one from four letters, two from eight */
  function correctionDistance(word) {
    return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0
  }

  /* Marks the entries of `plan` that a filler phrase covers (longest phrases first) */
  function markFiller(plan, filler) {
    for (var f = 0; f < filler.length; f++) {
      var phrase = filler[f]
      for (var i = 0; i + phrase.length <= plan.length; i++) {
        var covered = true
        for (var j = 0; j < phrase.length && covered; j++)
          covered = !plan[i + j].filler && plan[i + j].term === phrase[j]
        if (covered)
          for (j = 0; j < phrase.length; j++)
            plan[i + j].filler = true
      }
    }
    /* A query of filler only ("help") means what it says */
    if (plan.every(function (entry) { return entry.filler }))
      plan.forEach(function (entry) { entry.filler = false })
  }

  /*
   * Adds, for each group of `groups` one of whose members the query holds, the other members'
   * terms to the list `list` of the first entry of the member that is not filler. `tokens` are
   * the query's words as the lexicon's members are written (`Analyzer.tokens`), with the entry
   * of each (null for a stop word): a member with a stop word ("not working") is found among
   * them, one without ("close account") among the entries' terms, as "close my account" has it.
   */
  function expandGroups(plan, tokens, groups, list, negations) {
    var sequence = plan.map(function (entry) { return entry.term })
    var words = tokens.map(function (token) { return token.token })
    var alike = oneWordAlike(groups)
    for (var g = 0; g < groups.length; g++) {
      var group = groups[g]
      for (var m = 0; m < group.length; m++) {
        var member = group[m], span
        if (!member.length)
          continue
        /* A member of several words is also found with one of its words said as one of that
           word's one-word equivalents ("stop sending me mails" for "stop sending me emails");
           a one-word member is not, or "fee" would reach "withdrawal" through "charge" */
        var through = member.length > 1 ? alike : null
        if (member.every(indexed)) {
          var at = positionOf(sequence, member, through)
          span = at < 0 ? [] : plan.slice(at, at + member.length)
        } else {
          var from = positionOf(words, member, through)
          span = from < 0 ? [] : tokens.slice(from, from + member.length)
            .map(function (token) { return token.entry })
            .filter(function (entry) { return entry })
        }
        var owner = span.filter(function (entry) { return !entry.filler })[0]
        if (!owner)
          continue
        /* A word of the site's own groups means what the site says: the lexicon does not widen
           it, though it still leads the customers' words to it */
        if (list === "related" && owner.synonyms.length)
          continue
        /* The words of a negating phrase the reader typed ("la carta non passa") mean what
           its group says, not what they say alone: the group's words weigh more, theirs less */
        if (list === "related" && negates(member, negations))
          span.forEach(function (entry) { entry.negated = true })
        for (var o = 0; o < group.length; o++) {
          if (o === m)
            continue
          /* The member's indexed words, but the letters a contraction leaves ("doesn't":
             "doesn" and "t") */
          var terms = group[o].filter(function (token) {
            return indexed(token) && (token.length > 1 || CJK.test(token))
          })
          /* A member that negates ("not working": "not" is a stop word the index cannot see)
             leads to the others but is not looked for in documents unless two of its words
             pin it down */
          if (!terms.length || (negates(group[o], negations) && terms.length < 2))
            continue
          /* A lexicon member of several words ("stopped working") answers the word only where
             a document holds all of them; each still adds its terms to the query. What answers
             a phrase the reader typed ("card doesn't go through") answers each of its words. */
          if (list === "related")
            span.forEach(function (entry) {
              if (terms.length > 1)
                entry.phrases.push(terms)
              else
                entry.relatedWords.push(terms[0])
            })
          for (var t = 0; t < terms.length; t++) {
            var term = terms[t]
            if (owner.synonyms.indexOf(term) < 0 && owner[list].indexOf(term) < 0 &&
                sequence.indexOf(term) < 0)
              owner[list].push(term)
          }
        }
      }
    }
  }

  /* Per term, the terms that are one-word members of a group with it (a Map of Sets),
     remembered per list of groups */
  var alikeCache = new WeakMap()
  function oneWordAlike(groups) {
    var alike = alikeCache.get(groups)
    if (alike)
      return alike
    alikeCache.set(groups, alike = new Map())
    groups.forEach(function (group) {
      var words = group
        .filter(function (member) { return member.length === 1 && indexed(member[0]) })
        .map(function (member) { return member[0] })
      words.forEach(function (word) {
        if (!alike.has(word))
          alike.set(word, new Set())
        words.forEach(function (other) {
          if (other !== word)
            alike.get(word).add(other)
        })
      })
    })
    return alike
  }

  /* A plan entry: the clauses that may match `term`, which the reader typed as `word` */
  function planEntry(word, term, corrected, cjk) {
    /* Typos near the end of a long word defeat the stemmer; a leading stub still matches */
    var stub = !cjk && !corrected && word.length >= 7
      ? word.slice(0, Math.max(5, Math.floor(word.length * 0.6)))
      : ""
    return {
      word: word,
      term: term,
      corrected: corrected,
      stub: stub && stub.indexOf(term) !== 0 ? stub : "",
      prefix: cjk ? term.length >= 2 : term.length >= 3,
      fuzzy: cjk ? 0 : term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0,
      filler: false,
      negated: false,
      unheld: false,
      synonyms: [],
      related: [],
      relatedWords: [],
      phrases: []
    }
  }

  /* The term of `first` and `second` written as one word, when the index or the synonyms hold
     it (and not already both halves), else null */
  function joinedTerm(analyzer, vocabulary, first, second) {
    var term = analyzer.term(first + second)
    return term !== null && vocabulary.knows(term) ? term : null
  }

  /* Letters a piece of a word run together has at least, but for a run of digits ("5ghz") */
  var MIN_PIECE = 3

  /* The terms of the two known words `word` runs together, the most even cut first; null when
     no cut gives two words the index or the synonyms hold */
  function splitTerms(analyzer, vocabulary, word) {
    var best = null, bestEven = 0
    for (var cut = 1; cut < word.length; cut++) {
      var left = word.slice(0, cut), right = word.slice(cut)
      var digits = /\d/.test(word.charAt(cut - 1)) !== /\d/.test(word.charAt(cut))
      var even = digits ? Infinity : Math.min(left.length, right.length)
      if (even < MIN_PIECE || even <= bestEven)
        continue
      var terms = [analyzer.term(left), analyzer.term(right)]
      if (terms[0] !== null && terms[1] !== null &&
          vocabulary.knows(terms[0]) && vocabulary.knows(terms[1])) {
        best = terms
        bestEven = even
      }
    }
    return best
  }

  /*
   * Plan of a query: one entry per word the reader typed, with the clauses that may match it.
   * Lunr's query syntax is never parsed: + - ~ * : ^ are separators, so no input can throw.
   *
   * `extra` (optional): `lexicon`, shipped synonym groups weighing less than the site's;
   * `filler`, term sequences of conversational filler; `vocabulary`, the searcher (its
   * `correct` turns a word it does not know into the nearest one it knows, or null; `knows`
   * says whether the articles, synonyms or lexicon hold a term, `holds` the articles alone).
   */
  function planQuery(analyzer, synonyms, query, extra) {
    extra = extra || {}
    query = typeof query === "string" ? query.slice(0, MAX_QUERY_LENGTH) : ""
    var words = analyzer.words(query).slice(0, MAX_QUERY_WORDS)
    var vocabulary = extra.vocabulary
    var plan = [], tokens = []
    function add(entry) {
      plan.push(entry)
      tokens.push({ token: entry.term, entry: entry })
    }
    for (var i = 0; i < words.length; i++) {
      var term = analyzer.term(words[i])
      if (term === null) {
        tokens.push({ token: UNINDEXED + words[i], entry: null })
        continue
      }
      var cjk = CJK.test(term)
      if (vocabulary && !cjk && !vocabulary.knows(term)) {
        /* Half of a word the reader split ("e mail", "pre order", "wi fi") */
        var joined = i + 1 < words.length
          ? joinedTerm(analyzer, vocabulary, words[i], words[i + 1])
          : null
        if (joined) {
          add(planEntry(words[i] + " " + words[i + 1], joined, null, false))
          i++
          continue
        }
      }
      /* A word the index does not hold, nor the synonyms, is taken for a typo of the nearest
         word it holds; the reader is told ("showing results for ...") */
      var corrected = null
      if (vocabulary && !cjk)
        corrected = vocabulary.correct(term, words[i], correctionDistance(words[i]))
      if (corrected)
        term = corrected.term
      else if (vocabulary && !cjk && !vocabulary.knows(term)) {
        /* Or for two words it holds, run together ("5ghz", "wifi" where articles write
           "Wi-Fi", "Rücksendeetikett" where they write "Rücksende-Etikett") */
        var pieces = splitTerms(analyzer, vocabulary, words[i])
        if (pieces) {
          for (var p = 0; p < pieces.length; p++)
            add(planEntry(words[i], pieces[p], null, false))
          continue
        }
      }
      add(planEntry(words[i], term, corrected, cjk))
    }
    /* Words the articles never write, whose lexicon words stand in for them (below) */
    if (vocabulary)
      plan.forEach(function (entry) { entry.unheld = !vocabulary.holds(entry.term) })
    markFiller(plan, extra.filler || [])
    /* Synonyms: a group member found in the query adds the other members' terms */
    var negations = new Set(extra.negations || [])
    expandGroups(plan, tokens, synonyms, "synonyms", negations)
    expandGroups(plan, tokens, extra.lexicon || [], "related", negations)
    return plan
  }

  /* Promise that `index` can run `plan` (the postings it needs are loaded) */
  function preparePlan(index, plan) {
    return typeof index.prepare === "function"
      ? index.prepare(planQueryFunction(plan))
      : Promise.resolve()
  }

  function runPlan(index, plan) {
    return index.query(planQueryFunction(plan))
  }

  /* The weight of a word the reader typed */
  var TYPED_BOOST = 10
  /* Weights of the clauses besides a typed word's 10 and a site synonym's 4: the shipped
     lexicon's words (below the site's own synonyms, which win), and filler ("how do i",
     "quiero") */
  var LEXICON_BOOST = 3
  /* The share of its weights a typed word keeps inside a negating lexicon phrase ("working" of
     "not working"), and what the words of that phrase's group ("broken", "faulty") weigh */
  var NEGATED_WORD_SHARE = 0.4
  var NEGATED_LEXICON_BOOST = 6
  var FILLER_BOOST = 1
  /* What a section answering a question adds to its rank, where an article adds 1 */
  var QUESTION_BONUS = 0.5
  /* The share of the scores of a group's other items (its sections, or its article) that adds
     to its best item's in the group's rank */
  var SECTIONS_SHARE = 0.2

  /* The lunr.Query builder of a plan */
  function planQueryFunction(plan) {
    return function (q) {
      for (var i = 0; i < plan.length; i++) {
        var entry = plan[i]
        if (entry.filler) {
          /* Filler still matches, but cannot outweigh one word of the question */
          q.term(entry.term, { usePipeline: false, boost: FILLER_BOOST })
          continue
        }
        var literal = entry.negated ? NEGATED_WORD_SHARE : 1
        q.term(entry.term, { usePipeline: false, boost: TYPED_BOOST * literal })
        if (entry.prefix)
          q.term(entry.term, {
            usePipeline: false, boost: 2 * literal, wildcard: lunr.Query.wildcard.TRAILING
          })
        if (entry.fuzzy)
          q.term(entry.term, {
            usePipeline: false, boost: literal, editDistance: entry.fuzzy
          })
        if (entry.stub)
          q.term(entry.stub, {
            usePipeline: false, boost: 0.5 * literal, wildcard: lunr.Query.wildcard.TRAILING
          })
        for (var s = 0; s < entry.synonyms.length; s++)
          q.term(entry.synonyms[s], { usePipeline: false, boost: 4 })
        /* A word the articles never write ("fake" where they write "counterfeit") is looked
           for as the lexicon's words for it at its own weight: no word of the reader's competes */
        var related = entry.negated ? NEGATED_LEXICON_BOOST
          : entry.unheld ? TYPED_BOOST : LEXICON_BOOST
        for (var r = 0; r < entry.related.length; r++)
          q.term(entry.related[r], { usePipeline: false, boost: related })
      }
    }
  }

  /* Whether the index term `key` answers the plan entry `entry`, remembered per entry: a query
     asks it for every matched document's terms, which are mostly the same few */
  function matches(entry, key) {
    var known = entry.answers || (entry.answers = new Map())
    var answer = known.get(key)
    if (answer === undefined)
      known.set(key, answer = answers(entry, key))
    return answer
  }

  function matchesAny(entry, keys) {
    for (var k = 0; k < keys.length; k++)
      if (matches(entry, keys[k]))
        return true
    return false
  }

  function answers(entry, key) {
    return key === entry.term ||
      (entry.prefix && key.indexOf(entry.term) === 0) ||
      (entry.stub && key.indexOf(entry.stub) === 0) ||
      (entry.fuzzy && Math.abs(key.length - entry.term.length) <= entry.fuzzy &&
        levenshtein(key, entry.term) <= entry.fuzzy) ||
      entry.synonyms.indexOf(key) >= 0 ||
      entry.relatedWords.indexOf(key) >= 0
  }

  /* Whether a document whose matched terms are `keys` holds every word of one of the lexicon's
     several-word members that `entry` brought in */
  function holdsPhrase(entry, keys) {
    for (var p = 0; p < entry.phrases.length; p++)
      if (entry.phrases[p].every(function (term) { return keys.indexOf(term) >= 0 }))
        return true
    return false
  }

  /* ------------------------------------------------------------------------
   * Highlighting (block structure as in Material's extract/highlight)
   * --------------------------------------------------------------------- */

  /* Split HTML into top-level blocks: [{start, end, texts: [[start, end]]}] */
  function blocks(input) {
    var result = [], block = null, stack = 0, start = 0, end
    function current() {
      if (!block) {
        block = { texts: [] }
        result.push(block)
      }
      return block
    }
    for (end = 0; end < input.length; end++) {
      if (input.charAt(end) === "<" && end > start) {
        current().texts.push([start, end])
        start = end
      } else if (input.charAt(end) === ">") {
        if (input.charAt(start + 1) === "/") {
          if (--stack === 0)
            block = null
        } else if (input.charAt(end - 1) !== "/") {
          stack++
        }
        start = end + 1
      }
    }
    if (end > start)
      current().texts.push([start, end])
    return result
  }

  function highlight(analyzer, input, keys, full) {
    if (typeof input !== "string" || !input)
      return input
    var parts = blocks(input), slices = [], cursor = 0, found = 0
    for (var b = 0; b < parts.length && found < 2; b++) {
      var marks = []
      for (var t = 0; t < parts[b].texts.length; t++) {
        var text = parts[b].texts[t]
        var ranges = analyzer.ranges(input.slice(text[0], text[1]))
        for (var r = 0; r < ranges.length; r++) {
          var word = input.slice(text[0] + ranges[r][0], text[0] + ranges[r][1]).toLowerCase()
          var term = analyzer.term(word)
          if (term !== null && keys[term])
            marks.push([text[0] + ranges[r][0], text[0] + ranges[r][1]])
        }
      }
      // Character pairs (Chinese, Korean) overlap: overlapping marks become one
      marks = marks.reduce(function (merged, mark) {
        var previous = merged[merged.length - 1]
        if (previous && mark[0] < previous[1])
          previous[1] = Math.max(previous[1], mark[1])
        else
          merged.push(mark)
        return merged
      }, [])
      if (!marks.length || !parts[b].texts.length)
        continue
      found++
      var first = parts[b].texts[0][0]
      var last = parts[b].texts[parts[b].texts.length - 1][1]
      if (full && first > cursor)
        slices.push(input.slice(cursor, first))
      var out = "", position = first
      for (var m = 0; m < marks.length; m++) {
        out += input.slice(position, marks[m][0]) + "<mark>" +
          input.slice(marks[m][0], marks[m][1]) + "</mark>"
        position = marks[m][1]
      }
      slices.push(out + input.slice(position, last))
      cursor = last
    }
    if (!found)
      return input
    if (full && cursor < input.length)
      slices.push(input.slice(cursor))
    return slices.join("")
  }

  /* ------------------------------------------------------------------------
   * Index
   * --------------------------------------------------------------------- */

  /* The index file with its compact parts written out (read_index in index.py): locations
     front-coded ([shared characters, rest, title, tags?] for any but a section's anchor),
     terms front-coded (a character saying how many they share with the previous, then the
     rest), and lengths one character per document (a code of four significant bits) */
  var SHARED_BASE = 0x30, LENGTH_CODE_BASE = 0x5D

  function lengthOf(code) {
    return code < 16 ? code : (8 + (code - 16) % 8) * Math.pow(2, ((code - 16) >> 3) + 1)
  }

  function readIndex(data) {
    var terms = new Array(data.terms.length), last = ""
    for (var t = 0; t < terms.length; t++) {
      var written = data.terms[t]
      last = terms[t] = last.slice(0, written.charCodeAt(0) - SHARED_BASE) + written.slice(1)
    }
    var docs = new Array(data.docs.length), location = ""
    for (var d = 0; d < docs.length; d++) {
      var row = data.docs[d]
      if (typeof row[0] === "number") {
        location = location.slice(0, row[0]) + row[1]
        docs[d] = row.length > 3 ? [location, row[2], row[3]] : [location, row[2]]
      } else {
        docs[d] = row
      }
    }
    var lengths = data.lengths.map(function (codes) {
      var values = new Array(codes.length)
      for (var i = 0; i < codes.length; i++)
        values[i] = lengthOf(codes.charCodeAt(i) - LENGTH_CODE_BASE)
      return values
    })
    return Object.assign({}, data, { terms: terms, docs: docs, lengths: lengths })
  }

  /* A postings list as the build packs it (packed in index.py): numbers doubled (a term
     frequency written 2 tf - 1), five bits a base-64 digit, lowest first, a digit of 32 or
     more saying another follows. Back to gaps and -tf. */
  var PACKED_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
  var PACKED_VALUE = new Int8Array(128).fill(-1)
  for (var digit = 0; digit < PACKED_DIGITS.length; digit++)
    PACKED_VALUE[PACKED_DIGITS.charCodeAt(digit)] = digit

  function unpack(text) {
    var values = [], number = 0, scale = 1
    for (var i = 0; i < text.length; i++) {
      var value = PACKED_VALUE[text.charCodeAt(i)]
      if (value < 0)
        throw new Error("helpcentre search: a postings list holds " + text.charAt(i))
      number += (value & 31) * scale
      if (value < 32) {
        values.push(number % 2 ? -(number + 1) / 2 : number / 2)
        number = 0
        scale = 1
      } else {
        scale *= 32
      }
    }
    return values
  }

  /* A shard's postings (one packed list per field of each term) as lists of numbers */
  function unpackShard(shard) {
    return shard.map(function (lists) { return lists.map(unpack) })
  }

  /*
   * The index as lunr.js would build it from the same documents, without building it.
   *
   * lunr.Index holds an object per term and field listing its documents and a vector per
   * document and field; creating them for a large locale took most of the time before the first
   * results. This index keeps the postings as the build wrote them -- in shards, fetched for the
   * terms a query needs -- and computes, per query, only what lunr.Index.prototype.query computes
   * for the documents the query matches: the same BM25 weights (rounded as lunr.Builder rounds
   * them), the same query vector and similarity, the same order of results, so the scores are
   * lunr.js's to the last bit (the test-suite compares them with a lunr.Index built by
   * lunr.Builder from the same postings).
   *
   * `loadShard(number)` returns (a promise of) the postings of one shard: for each of its terms,
   * one list per field.
   */
  /* Field lengths per document: a field listed in `article_lengths` has its articles' only
     (a document whose location has no "#"), every section's being 0 */
  function articleLengths(data) {
    var only = data.article_lengths || []
    if (!only.length)
      return data.lengths
    var articles = []
    for (var i = 0; i < data.docs.length; i++)
      if (data.docs[i][0].indexOf("#") < 0)
        articles.push(i)
    return data.lengths.map(function (values, f) {
      if (only.indexOf(data.fields[f][0]) < 0)
        return values
      var all = new Array(data.docs.length).fill(0)
      for (var a = 0; a < articles.length; a++)
        all[articles[a]] = values[a]
      return all
    })
  }

  function CompactIndex(data, loadShard) {
    this.fields = data.fields.map(function (field) { return field[0] })
    var count = this.count = data.docs.length
    this.names = data.terms
    this.fieldBoosts = data.fields.map(function (field) { return field[1] || 1 })
    this.docBoosts = data.boosts || {}
    this.termIndex = new Map()
    this.idf = new Float64Array(data.terms.length)
    for (var t = 0; t < data.terms.length; t++) {
      var documents = data.df[t]
      this.termIndex.set(data.terms[t], t)
      this.idf[t] = Math.log(1 + Math.abs((count - documents + 0.5) / (documents + 0.5)))
    }
    this.lengths = articleLengths(data)
    this.average = this.lengths.map(function (values) {
      var sum = 0
      for (var i = 0; i < values.length; i++)
        sum += values[i]
      return count ? sum / count : 0
    })
    /* The automaton of the terms, which expands prefixes and typos, is built when first needed
       (or by the warm-up): building it is the longest part of loading a large locale */
    this.tokenSetCache = null
    this.df = data.df
    /* A small locale's postings come inside the index file, as its only shard */
    this.shardStarts = data.postings.inline ? [0] : data.postings.starts
    this.loadShard = loadShard
    this.shards = data.postings.inline ? [unpackShard(data.postings.inline)] : []
    this.loading = []
  }

  /*
   * The automaton of `words` (sorted) as a plain trie of lunr.TokenSet nodes. lunr's own
   * TokenSet.fromArray also merges equal suffixes, which makes fewer nodes but took three to
   * five times as long (14-25 ms against 4 ms for a large locale's terms in node), on the way
   * to a first query; the words it accepts are the same, and intersecting with a query's
   * automaton lists them in the same order (edges are added in sorted order either way).
   */
  function tokenTrie(words) {
    var root = new lunr.TokenSet()
    for (var w = 0; w < words.length; w++) {
      var word = words[w], node = root
      for (var i = 0; i < word.length; i++) {
        var edge = word.charAt(i), next = node.edges[edge]
        if (!next)
          next = node.edges[edge] = new lunr.TokenSet()
        node = next
      }
      node.final = true
    }
    return root
  }

  CompactIndex.prototype.tokenSet = function () {
    if (!this.tokenSetCache)
      this.tokenSetCache = tokenTrie(this.names.slice().sort())
    return this.tokenSetCache
  }

  /* Inverse document frequency of the index term `term`, 0 for a term the index lacks */
  CompactIndex.prototype.idfOf = function (term) {
    var t = this.termIndex.get(term)
    return t === undefined ? 0 : this.idf[t]
  }

  /* Number of the shard holding the postings of term `t` */
  CompactIndex.prototype.shardOf = function (t) {
    return partOf(this.shardStarts, t)
  }

  /* Increasing numbers from the differences the build writes them as (`gaps` of index.py) */
  function ungap(differences) {
    var numbers = [], last = 0
    for (var i = 0; i < (differences || []).length; i++)
      numbers.push(last += differences[i])
    return numbers
  }

  /* Numbers of the documents with an answer card, in order: the questions, except some, and
     others besides (`cards` of index.py) */
  function cardNumbers(data) {
    var cards = data.cards || {}, except = Object.create(null)
    ungap(cards.except).forEach(function (number) { except[number] = true })
    return ungap(data.questions).filter(function (number) { return !except[number] })
      .concat(ungap(cards.besides))
      .sort(function (a, b) { return a - b })
  }

  /* Number of the part (shard or chunk) holding item `item`, given where each part starts */
  function partOf(starts, item) {
    var low = 0, high = starts.length - 1
    while (low < high) {
      var middle = (low + high + 1) >> 1
      if (starts[middle] <= item)
        low = middle
      else
        high = middle - 1
    }
    return low
  }

  /* Postings of term `t` in field `f` (its shard must be loaded) */
  CompactIndex.prototype.list = function (t, f) {
    var shard = this.shardOf(t)
    if (!this.shards[shard])
      throw new Error("helpcentre search: postings shard " + shard + " is not loaded")
    return this.shards[shard][t - this.shardStarts[shard]][f] || []
  }

  /* Terms (numbers) the clauses of the query `fn` builds expand to */
  CompactIndex.prototype.expand = function (query) {
    var expanded = []
    for (var c = 0; c < query.clauses.length; c++) {
      var terms = this.tokenSet().intersect(lunr.TokenSet.fromClause(query.clauses[c])).toArray()
      expanded.push(terms.map(function (term) { return this.termIndex.get(term) }, this))
    }
    return expanded
  }

  /* Promise that the postings the query `fn` needs are at hand */
  CompactIndex.prototype.prepare = function (fn) {
    var query = new lunr.Query(this.fields), wanted = {}, self = this
    fn.call(query, query)
    this.expand(query).forEach(function (terms) {
      terms.forEach(function (t) { wanted[self.shardOf(t)] = true })
    })
    return Promise.all(Object.keys(wanted).map(Number).map(function (number) {
      if (self.shards[number])
        return null
      if (!self.loading[number])
        self.loading[number] = Promise.resolve()
          .then(function () { return self.loadShard(number) })
          .then(function (postings) { self.shards[number] = unpackShard(postings) })
          .catch(function (error) {
            delete self.loading[number]
            throw error
          })
      return self.loading[number]
    }))
  }

  /*
   * The matches of the query `fn` (optional clauses, no pipeline) as lunr.Index would score
   * them, in typed arrays, for ranking thousands at once: `met`, the matched documents in the
   * order lunr meets them (lunr lists them best score first, ties in that order);
   * `scores[number]`, each one's score; `slots`, the matched index terms; `keysOf(number)`, the
   * ones a document holds, which lunr gives as the keys of `matchData.metadata` (documents holding
   * the same terms share one array: do not change it). Per-document sums live in typed arrays
   * indexed by document number, and the terms a document holds in bit masks: a common word matches
   * tens of thousands of documents and sections, and an object or an array per document was most
   * of the time of a first query in a large locale.
   */
  CompactIndex.prototype.matchAll = function (fn) {
    var fields = this.fields, query = new lunr.Query(fields), count = this.count
    fn.call(query, query)
    /* Query vectors: per field, term number -> summed clause boosts */
    var vectors = fields.map(function () { return new Map() })
    var seen = new Set(), order = []
    var matched = fields.map(function () { return new Uint8Array(count) })
    /* Matched term s is bit s % 32 of masks[s >> 5][document] */
    var slots = [], slotOf = new Map(), masks = []
    var expansions = this.expand(query)
    for (var c = 0; c < query.clauses.length; c++) {
      var clause = query.clauses[c], expanded = expansions[c]
      for (var e = 0; e < expanded.length; e++) {
        var t = expanded[e], term = this.names[t]
        for (var k = 0; k < clause.fields.length; k++) {
          var f = fields.indexOf(clause.fields[k]), vector = vectors[f], marks = matched[f]
          vector.set(t, (vector.has(t) ? vector.get(t) : 0) + clause.boost)
          var cacheKey = term + "/" + f
          if (seen.has(cacheKey))
            continue
          seen.add(cacheKey)
          var list = this.list(t, f), doc = 0
          if (!list.length)
            continue
          var slot = slotOf.get(term)
          if (slot === undefined) {
            slotOf.set(term, slot = slots.length)
            slots.push(term)
            if (!(slot & 31))
              masks.push(new Int32Array(count))
          }
          var mask = masks[slot >> 5], bit = 1 << (slot & 31)
          for (var p = 0; p < list.length; p++) {
            doc += list[p]
            if (list[p + 1] < 0)
              p++
            if (!marks[doc]) {
              marks[doc] = 1
              order.push(f, doc)
            }
            mask[doc] |= bit
          }
        }
      }
    }
    /* Similarity of each matched field to its query vector: dot product over the query's terms
       in term order (as lunr.Vector.dot adds them), divided by the query vector's magnitude */
    var dots = [], magnitudes = []
    for (var d = 0; d < fields.length; d++) {
      var dot = dots[d] = new Float64Array(count), sumOfSquares = 0
      var numbers = Array.from(vectors[d].keys()).sort(function (a, b) { return a - b })
      for (var n = 0; n < numbers.length; n++) {
        var weight = vectors[d].get(numbers[n])
        sumOfSquares += weight * weight
        this.addPostings(numbers[n], d, weight, dot)
      }
      magnitudes[d] = Math.sqrt(sumOfSquares)
    }
    /* A document's score adds its fields' in the order lunr met them */
    var scores = new Float64Array(count), met = new Uint8Array(count), found = []
    for (var i = 0; i < order.length; i += 2) {
      var field = order[i], number = order[i + 1]
      var score = dots[field][number] / magnitudes[field] || 0
      if (met[number]) {
        scores[number] += score
      } else {
        met[number] = 1
        scores[number] = score
        found.push(number)
      }
    }
    var shared = new Map()
    return {
      met: found,
      scores: scores,
      slots: slots,
      keysOf: function (number) {
        /* One mask (up to 32 terms, the usual query) is its own name */
        var name = masks.length === 1 ? masks[0][number] : masks.map(function (mask) {
          return mask[number]
        }).join(",")
        var keys = shared.get(name)
        if (keys === undefined) {
          keys = []
          for (var s = 0; s < slots.length; s++)
            if (masks[s >> 5][number] & (1 << (s & 31)))
              keys.push(slots[s])
          shared.set(name, keys)
        }
        return keys
      }
    }
  }

  /*
   * lunr.Index.prototype.query for the queries the searcher makes (optional clauses, no
   * pipeline): `fn` receives a lunr.Query; returns [{ref, score, keys, matchData: {metadata}}],
   * best first, ties in lunr's order; `keys` are the matched terms, which lunr gives as the keys
   * of `matchData.metadata`.
   */
  CompactIndex.prototype.query = function (fn) {
    var all = this.matchAll(fn), scores = all.scores
    /* Stable: ties keep the order lunr met them in */
    var ranked = all.met.slice().sort(function (a, b) { return scores[b] - scores[a] })
    return ranked.map(function (number) {
      return new Hit(String(number), all.scores[number], all.keysOf(number).slice())
    })
  }

  /* Adds weight x (BM25 weight of term `t` in field `f`) to `dot[doc]` for each of its documents */
  CompactIndex.prototype.addPostings = function (t, f, weight, dot) {
    var K1 = 1.2, B = 0.75
    var list = this.list(t, f), lengths = this.lengths[f], average = this.average[f]
    var idf = this.idf[t], boost = this.fieldBoosts[f], boosts = this.docBoosts, doc = 0
    for (var p = 0; p < list.length; p++) {
      doc += list[p]
      var frequency = list[p + 1] < 0 ? -list[++p] : 1
      var score = idf * ((K1 + 1) * frequency) /
        (K1 * (1 - B + B * (lengths[doc] / average)) + frequency)
      score *= boost
      score *= boosts[doc] || 1
      dot[doc] += weight * (Math.round(score * 1000) / 1000)
    }
  }

  /* A match as lunr.Index returns it; its metadata is made only when asked for */
  function Hit(ref, score, keys) {
    this.ref = ref
    this.score = score
    this.keys = keys
  }

  Object.defineProperty(Hit.prototype, "matchData", {
    get: function () {
      /* The index keeps no term positions (highlighting re-analyses the text), so every
         matched term has the same empty metadata; lunr only reads it */
      var metadata = Object.create(null)
      for (var k = 0; k < this.keys.length; k++)
        metadata[this.keys[k]] = NO_METADATA
      return { metadata: metadata }
    }
  })

  var NO_METADATA = Object.freeze(Object.create(null))
  /* The matched terms of an article that heads its group without matching */
  var NO_KEYS = Object.freeze([])

  function loadIndex(data, loadShard) {
    return new CompactIndex(data, loadShard)
  }

  /* ------------------------------------------------------------------------
   * Search
   * --------------------------------------------------------------------- */

  /* Groups whose excerpts are waited for before answering: the theme renders ten at first */
  var FIRST_PAGE = 10
  /* Groups whose excerpts the first answer waits for: as many chunk requests as a browser sends
     to one host at once over HTTP/1.1 (so one round trip), and more results than the list shows
     before the reader scrolls. The rest of the first page follows in a second answer. */
  var FIRST_EXCERPTS = 6
  /* Milliseconds the first answer waits for those excerpts once the results are ranked. None:
     the titles show as soon as they are ranked and the excerpts fill in when their text comes
     (unless it is at hand already, as it is for most queries after the first), which on a fast
     connection showed the titles 80-120 ms sooner and the excerpts no later */
  var EXCERPT_WAIT = 0
  /* Groups that get an excerpt when their text is at hand (the theme adds four per scroll) */
  var EXCERPT_GROUPS = 20
  /* Groups whose titles are highlighted: more than a reader scrolls through (the theme adds four
     per scroll). Highlighting every one of a large locale's ten thousand results took the worker
     over 100 ms per query, which the next query waited for. */
  var HIGHLIGHT_GROUPS = 200

  /*
   * `data` is the index file written by the build (format 5), as readIndex writes it out:
   * {locale, separator, synonyms: [[[term]]], fields: [[name, boost]], docs: [[location (or
   * "#anchor" after its article), title (0: in its chunk), tags?]], boosts: {doc: boost},
   * terms: [term],
   * df: [documents per term], lengths: [[length per document] per field],
   * questions: [gaps], cards: {besides: [gaps], except: [gaps]} (documents whose question has
   * an answer: the questions except some, and others besides), article_lengths: [field name],
   * postings: {url, starts} or {inline: [packed postings per term]},
   * text: {url, starts: [gaps]} or {inline: chunk}}, where a chunk is
   * {texts: [text per document], titles: [section title or null per document],
   * answers: [[document number, answer]]}.
   * `loadShard(number)` returns (a promise of) the postings of one shard (the terms from
   * `postings.starts[number]` on, one packed list per field each); postings are document-number
   * gaps, each followed by -tf when its term frequency is not 1 (see unpack).
   * `loadChunk(number)` returns a promise of one chunk (the documents from the chunk's start
   * on); without it, results have no excerpts and queries no answer card.
   * Queries run once `prepare(query)` has settled: `answer` and `answerInSteps` see to it.
   */
  function Searcher(data, loadChunk, loadShard) {
    if (data.format !== 5)
      throw new Error("helpcentre search: index format " + data.format + " is not supported")
    data = readIndex(data)
    this.analyzer = new Analyzer(data.locale, data.separator, data.rules === "generic")
    /* Milliseconds the last download of a part of the index took (a shard of postings or a
       chunk of texts), for how long the next one will take; undefined until one is made */
    this.fetchTime = undefined
    this.index = loadIndex(data, loadShard ? this.timed(loadShard) : null)
    this.synonyms = data.synonyms || []
    this.lexicon = data.lexicon || []
    this.negations = data.negations || []
    this.filler = data.filler || []
    /* Per term, the words readers see for it, space-separated ("" when it is the term) */
    this.surface = data.words || []
    this.lexiconWords = data.lexicon_words || {}
    /* Frequent words of the language near the site's: meant as typed, never corrected */
    this.realWords = new Set(data.real_words || [])
    /* Numbers of the documents whose question has an answer, for answerCard (below); the
       answers come with the text chunks, by document number */
    this.cards = cardNumbers(data)
    this.answers = Object.create(null)
    this.starts = data.text && data.text.starts ? ungap(data.text.starts) : [0]
    this.loadChunk = loadChunk ? this.timed(loadChunk) : null
    this.chunks = []
    this.texts = []
    this.docs = []
    /* Per page path, its first document: its article (or a section whose article is not in
       the index); the page's other documents are its sections */
    var pages = new Map(), articlePath = "", pageFirst = null
    var questions = new Uint8Array(data.docs.length)
    ungap(data.questions).forEach(function (number) { questions[number] = 1 })
    for (var i = 0; i < data.docs.length; i++) {
      var row = data.docs[i]
      /* A section right after its article is written as its anchor alone; in a large locale
         its title is 0, being in its text chunk: unknown until then */
      var anchored = row[0].charAt(0) === "#"
      var location = anchored ? articlePath + row[0] : row[0]
      var hash = anchored ? articlePath.length : location.indexOf("#")
      if (hash < 0)
        articlePath = location
      var doc = { location: location, title: row[1] === 0 ? undefined : row[1], number: i }
      if (row[2])
        doc.tags = row[2]
      if (questions[i])
        doc.question = true
      this.docs.push(doc)
      if (anchored) {
        doc.parent = pageFirst
        continue
      }
      var path = hash < 0 ? location : location.slice(0, hash)
      var article = pages.get(path)
      if (typeof article === "undefined")
        pages.set(path, doc)
      else
        doc.parent = article
      if (hash < 0)
        pageFirst = pages.get(path)
    }
    /* Per document, the article heading its group and what it adds to its rank (rankGroups
       reads them for every match: an array of numbers is quicker to read than the documents) */
    var count = this.docs.length
    this.groupHeads = new Int32Array(count)
    this.standing = new Float64Array(count)
    for (var d = 0; d < count; d++) {
      var each = this.docs[d]
      this.groupHeads[d] = (each.parent || each).number
      /* An article; a question of one (a FAQ's question is a title of its own) half as much */
      this.standing[d] = each.parent ? each.question ? QUESTION_BONUS : 0 : 1
    }
    if (data.text && data.text.inline) {
      /* A small locale's texts come inside the index file, as its only chunk */
      this.keepChunk(0, data.text.inline)
      this.chunks[0] = Promise.resolve()
      this.chunks[0].done = true
    }
  }

  /*
   * Work to do while the reader has not typed yet, as a list of small steps (the worker runs
   * one per task, so a query that arrives goes before the rest): the automaton of the terms is
   * built; the words of the texts and titles a small locale carries are analysed once, so that
   * highlighting a first page of results finds their terms remembered; where the postings are
   * at hand, one query is answered and thrown away, so that a reader's first query runs
   * compiled code.
   */
  Searcher.prototype.warmUpSteps = function () {
    var self = this, steps = [], STEP_CHARS = 8000
    function analyse(texts) {
      var from = 0
      while (from < texts.length) {
        var to = from, size = 0
        while (to < texts.length && size < STEP_CHARS)
          size += String(texts[to++] || "").length
        steps.push(function (slice) {
          return function () {
            for (var i = 0; i < slice.length; i++)
              self.analyzer.terms(String(slice[i] || "").replace(/<[^>]*>/g, " "))
          }
        }(texts.slice(from, to)))
        from = to
      }
    }
    steps.push(function () { self.index.tokenSet() })
    if (this.index.shards.length === this.index.shardStarts.length && this.docs.length)
      steps.push(function () { self.search(self.docs[0].title || "") })
    /* A small locale's texts: highlighting excerpts stems every word of the texts shown. (A
       large locale's titles are left: their distinct words are few, and the first query's
       titles fill the memory as fast as a warm-up would.) */
    if (this.chunks[0] && this.chunks[0].done && this.starts.length === 1)
      analyse(this.texts.concat(this.docs.map(function (doc) { return doc.title || "" })))
    return steps
  }

  /* Whether the articles hold `term` */
  Searcher.prototype.holds = function (term) {
    return this.index.termIndex.has(term)
  }

  /* Whether the index, the synonyms or the lexicon hold the term `term` */
  Searcher.prototype.knows = function (term) {
    return this.holds(term) || this.knownTerms().has(term)
  }

  Searcher.prototype.plan = function (query) {
    return planQuery(this.analyzer, this.synonyms, query, {
      lexicon: this.lexicon, filler: this.filler, vocabulary: this, negations: this.negations
    })
  }

  /* Terms the synonym groups and the lexicon know besides the index's, with their words */
  Searcher.prototype.knownTerms = function () {
    if (this.known)
      return this.known
    var known = this.known = new Map(), words = this.lexiconWords
    ;[this.synonyms, this.lexicon].forEach(function (groups) {
      groups.forEach(function (group) {
        group.forEach(function (member) {
          member.filter(indexed).forEach(function (term) { known.set(term, words[term] || term) })
        })
      })
    })
    return known
  }

  /* Words readers may mean, each with its term: the words of the articles (the most
     frequent forms of each term) and of the synonyms and the lexicon; built when first needed */
  Searcher.prototype.vocabulary = function () {
    if (this.vocabularyCache)
      return this.vocabularyCache
    var terms = new Map(), names = this.index.names, surface = this.surface
    for (var t = 0; t < names.length; t++)
      (surface[t] || names[t]).split(" ").forEach(function (word) {
        if (!terms.has(word))
          terms.set(word, names[t])
      })
    this.knownTerms().forEach(function (word, term) {
      if (!terms.has(word))
        terms.set(word, term)
    })
    var words = Array.from(terms.keys()).sort()
    return this.vocabularyCache = { terms: terms, set: lunr.TokenSet.fromArray(words) }
  }

  /*
   * The word nearest to the typed `word` (whose term is `term`) that the articles, the
   * synonyms or the lexicon hold, at most `distance` edits away: {word, term}, or null when its
   * term is known, when it may be the start of a word the reader is still typing (the word
   * itself begins a word the site holds: that its stem begins one says nothing, "windos" is
   * "windo" to the stemmer, which "window" begins), or when nothing is near. Fewest edits win,
   * then the term in most documents.
   */
  Searcher.prototype.correct = function (term, word, distance) {
    var index = this.index, known = this.knownTerms()
    if (!distance || known.has(term) || this.holds(term) || this.realWords.has(word))
      return null
    var vocabulary = this.vocabulary()
    if (vocabulary.set.intersect(lunr.TokenSet.fromString(word + "*")).toArray().length)
      return null
    var near = vocabulary.set.intersect(lunr.TokenSet.fromFuzzyString(word, distance)).toArray()
    var best = null, bestEdits = distance + 1, bestDf = -1
    for (var n = 0; n < near.length; n++) {
      var edits = editDistance(word, near[n])
      var found = vocabulary.terms.get(near[n]), t = index.termIndex.get(found)
      var df = t === undefined ? 0 : index.df[t]
      if (edits < bestEdits || (edits === bestEdits && df > bestDf)) {
        best = { word: near[n], term: found }
        bestEdits = edits
        bestDf = df
      }
    }
    return best
  }

  /* The query as corrected ("showing results for ..."), or null when no word was corrected:
     each corrected word is replaced by the word the index holds for its term */
  Searcher.prototype.correction = function (query, plan) {
    var text = String(query), changes = []
    var corrected = plan.filter(function (entry) { return entry.corrected })
    if (!corrected.length)
      return null
    var ranges = this.analyzer.ranges(text)
    for (var r = 0, c = 0; r < ranges.length && c < corrected.length; r++) {
      var word = text.slice(ranges[r][0], ranges[r][1]).toLowerCase()
      if (word !== corrected[c].word)
        continue
      changes.push([ranges[r], corrected[c].corrected.word])
      c++
    }
    for (var k = changes.length - 1; k >= 0; k--)
      text = text.slice(0, changes[k][0][0]) + changes[k][1] + text.slice(changes[k][0][1])
    return text
  }

  /* Promise that `query` can be ranked: the postings of its terms are loaded */
  Searcher.prototype.prepare = function (query) {
    return preparePlan(this.index, this.plan(query))
  }

  var clock = typeof performance !== "undefined" && performance.now
    ? function () { return performance.now() }
    : function () { return Date.now() }

  /* `load`, noting in `fetchTime` how long each of its downloads took */
  Searcher.prototype.timed = function (load) {
    var self = this
    return function (number) {
      var start = clock()
      return Promise.resolve(load(number)).then(function (value) {
        self.fetchTime = clock() - start
        return value
      })
    }
  }

  /* Number of the text chunk holding document `number` */
  Searcher.prototype.chunkOf = function (number) {
    return partOf(this.starts, number)
  }

  /* Keep the texts, sections' titles and answers of chunk `number` (see Searcher) */
  Searcher.prototype.keepChunk = function (number, chunk) {
    var texts = chunk.texts || [], titles = chunk.titles || [], answers = chunk.answers || []
    for (var i = 0; i < texts.length; i++)
      this.texts[this.starts[number] + i] = texts[i]
    for (var t = 0; t < titles.length; t++) {
      var doc = this.docs[this.starts[number] + t]
      if (typeof titles[t] === "string" && doc)
        doc.title = titles[t]
    }
    for (var a = 0; a < answers.length; a++)
      this.answers[answers[a][0]] = answers[a][1]
  }

  /* Promise that the texts of chunk `number` are at hand; failures leave excerpts empty */
  Searcher.prototype.fetchChunk = function (number) {
    var self = this
    if (!this.loadChunk)
      return Promise.resolve()
    if (!this.chunks[number])
      this.chunks[number] = Promise.resolve()
        .then(function () { return self.loadChunk(number) })
        .then(function (chunk) {
          self.keepChunk(number, chunk)
          self.chunks[number].done = true
        })
        .catch(function (error) {
          delete self.chunks[number]
          if (typeof console !== "undefined")
            console.warn("helpcentre search: text chunk " + number + " failed", error)
        })
    return this.chunks[number]
  }

  /* Numbers of the chunks holding the texts of the documents of `groups[from..to)` */
  Searcher.prototype.chunksOf = function (ranked, from, to) {
    var wanted = {}
    for (var g = from; g < Math.min(to, ranked.groups.length); g++)
      for (var d = 0; d < ranked.groups[g].length; d++)
        wanted[this.chunkOf(ranked.groups[g][d].number)] = true
    return Object.keys(wanted).map(Number)
  }

  /* Promise that the texts of the documents of `groups[from..to)` are at hand */
  Searcher.prototype.fetchTexts = function (ranked, from, to) {
    return Promise.all(this.chunksOf(ranked, from, to).map(this.fetchChunk, this))
  }

  /*
   * Ranking without rendering: [[{number, score, keys}]] groups of an article and its sections,
   * best first. Scores and grouping follow Material's search worker.
   */
  Searcher.prototype.rankGroups = function (query) {
    var plan = this.plan(query)
    if (!plan.length)
      return { plan: plan, groups: [] }
    var docs = this.docs
    var all = this.index.matchAll(planQueryFunction(plan))
    /* In the order lunr met them: lunr's order is by score, then that order */
    var hits = all.met, scores = all.scores
    var weights = this.weights(plan, all.slots), total = 0
    for (var w = 0; w < weights.length; w++)
      total += weights[w]
    /* How much of the query a document's matched terms answer, worked out once per set of
       terms: a large locale's hits are tens of thousands, their sets of terms a few dozen */
    var answered = new Map()
    function answeredBy(keys) {
      var sum = answered.get(keys)
      if (sum !== undefined)
        return sum
      /* Added in the order the terms matched, then the phrases, as ever: the same sums to
         the last bit, so the same ties */
      var counted = new Uint8Array(plan.length), p
      sum = 0
      for (var k = 0; k < keys.length; k++)
        for (p = 0; p < plan.length; p++)
          if (!counted[p] && matches(plan[p], keys[k])) {
            counted[p] = 1
            sum += weights[p]
          }
      for (p = 0; p < plan.length; p++)
        if (!counted[p] && plan[p].phrases.length && holdsPhrase(plan[p], keys))
          sum += weights[p]
      answered.set(keys, sum)
      return sum
    }
    /* Each hit's score and the article heading its group */
    var count = hits.length, final = new Float64Array(count), headOf = new Int32Array(count)
    var standing = this.standing, groupHeads = this.groupHeads
    /* Per article heading a group: its best hit (-1: none yet), then its group; and what its
       hits score together */
    var best = new Int32Array(docs.length).fill(-1), heads = []
    var together = new Float64Array(docs.length)
    for (var h = 0; h < count; h++) {
      var number = hits[h]
      if (!(number < docs.length)) {
        headOf[h] = -1
        continue
      }
      var boost = standing[number] + answeredBy(all.keysOf(number)) / total
      final[h] = scores[number] * (1 + boost * boost)
      var head = headOf[h] = groupHeads[number]
      together[head] += final[h]
      /* A group's best item is its highest score, ties in lunr's order */
      var top = best[head]
      if (top < 0) {
        best[head] = h
        heads.push(head)
      } else if (final[h] > final[top] ||
                 (final[h] === final[top] && scores[hits[h]] > scores[hits[top]])) {
        best[head] = h
      }
    }
    /* A group goes where its best item goes, and a share of its other items' scores further:
       an article whose sections answer the query besides its own text is a fuller answer than
       one that only its title or one section matches */
    for (var t = 0; t < heads.length; t++) {
      var first = final[best[heads[t]]]
      together[heads[t]] = first + SECTIONS_SHARE * (together[heads[t]] - first)
    }
    heads.sort(function (a, b) {
      var x = best[a], y = best[b]
      return together[b] - together[a] || final[y] - final[x] ||
        scores[hits[y]] - scores[hits[x]] || x - y
    })
    /* Sections under their article, best first; an article that did not match itself comes
       last, with no score, for the theme to head its group with */
    var groupOf = best, groups = heads.map(function (head, g) {
      groupOf[head] = g
      return []
    })
    for (var i = 0; i < count; i++)
      if (headOf[i] >= 0)
        groups[groupOf[headOf[i]]].push(i)
    for (var g = 0; g < groups.length; g++) {
      var members = groups[g], headed = false
      if (members.length > 1)
        members.sort(function (a, b) {
          return final[b] - final[a] || scores[hits[b]] - scores[hits[a]]
        })
      groups[g] = members.map(function (m) {
        if (hits[m] === heads[g])
          headed = true
        return { number: hits[m], score: final[m], keys: all.keysOf(hits[m]) }
      })
      if (!headed)
        groups[g].push({ number: heads[g], score: 0, keys: NO_KEYS })
    }
    var matchedKeys = Object.create(null)
    all.slots.forEach(function (key) { matchedKeys[key] = true })
    return {
      plan: plan, groups: groups, keys: matchedKeys,
      correction: this.correction(query, plan)
    }
  }

  /*
   * How much of the query's meaning each plan entry carries, for how much of it a document
   * answers: the rarest index term that answers it in any result (its inverse document
   * frequency), so a rare word counts for more than a common one. Filler and words nothing
   * matched carry none: a query whose words are not all in one article still ranks the ones
   * holding most of it. When nothing carries weight, every entry counts the same.
   */
  Searcher.prototype.weights = function (plan, keys) {
    var index = this.index
    var weights = plan.map(function (entry) {
      if (entry.filler)
        return 0
      var weight = 0
      for (var k = 0; k < keys.length; k++)
        if (matches(entry, keys[k]))
          weight = Math.max(weight, index.idfOf(keys[k]))
      entry.phrases.forEach(function (phrase) {
        if (holdsPhrase({ phrases: [phrase] }, keys))
          phrase.forEach(function (term) { weight = Math.max(weight, index.idfOf(term)) })
      })
      return weight
    })
    if (weights.every(function (weight) { return !weight }))
      return plan.map(function () { return 1 })
    return weights
  }

  /*
   * Items of Material's result list: titles highlighted, excerpts for the first groups. A group
   * rendered before for the same ranking is reused unless a text it lacked has come since: an
   * answer in two steps renders the many groups past the first page once.
   */
  Searcher.prototype.render = function (ranked, options) {
    var doHighlight = !options || options.highlight !== false
    var analyzer = this.analyzer, docs = this.docs, texts = this.texts, plan = ranked.plan
    var excerpts = options && options.excerpts !== undefined ? options.excerpts : EXCERPT_GROUPS
    /* Groups from `plainFrom` on are rendered without highlighting and without their sections
       (a first answer's groups the reader cannot see yet: highlighting is most of the time
       rendering takes) */
    var plainFrom = options && options.plainFrom !== undefined ? options.plainFrom : Infinity
    var key = String(doHighlight) + "/" + excerpts
    if (!ranked.rendered || ranked.rendered.key !== key)
      ranked.rendered = { key: key, groups: [] }
    var rendered = ranked.rendered.groups
    /* A document's own matched terms are the query's matched terms that occur in it, so its
       title and text are highlighted with the query's: the same marks, and a title that many
       results share (a "Steps" or "Symptoms" section) is highlighted once */
    var keySet = ranked.keys || Object.create(null), titles = new Map()
    function highlightTitle(title) {
      var marked = titles.get(title)
      if (marked === undefined)
        titles.set(title, marked = highlight(analyzer, title, keySet, true))
      return marked
    }
    /* Which of the query's words a document's matched terms answer: documents matching the
       same terms share their array of them (see matchAll), so it is worked out once for each,
       and shared (nothing changes it): a large locale's ten thousand results are as many
       objects fewer to make, and to copy to the page, which copies a shared one once */
    var answered = new Map()
    function termsOf(keys) {
      var terms = answered.get(keys)
      if (terms === undefined) {
        terms = {}
        if (keys.length)
          for (var p = 0; p < plan.length; p++)
            terms[plan[p].word] = terms[plan[p].word] || matchesAny(plan[p], keys) ||
              holdsPhrase(plan[p], keys)
        answered.set(keys, terms)
      }
      return terms
    }
    function renderItem(item, rank, marked) {
      var source = docs[item.number]
      var terms = termsOf(item.keys)
      var text = rank < excerpts && typeof texts[item.number] === "string"
        ? texts[item.number]
        : ""
      var doc = { location: source.location, title: source.title, text: text }
      if (source.tags)
        doc.tags = source.tags.slice()
      if (marked) {
        doc.title = highlightTitle(doc.title)
        doc.text = highlight(analyzer, doc.text, keySet, false)
      }
      doc.score = item.score
      doc.terms = terms
      return doc
    }
    return {
      correction: ranked.correction || null,
      items: ranked.groups.map(function (group, rank) {
        var marked = doHighlight && rank < plainFrom && rank < HIGHLIGHT_GROUPS
        var done = rendered[rank]
        if (done && done.complete && done.marked === marked)
          return done.items
        if (rank >= plainFrom) {
          /* Nor do they carry their sections yet: the list shows them only when the reader has
             scrolled past the first groups, by which time the last answer has come. A smaller
             message is quicker to send and to read. */
          return group.filter(function (item) {
            return docs[item.number].location.indexOf("#") < 0
          }).map(function (item) { return renderItem(item, rank, false) })
        }
        var complete = true
        /* A section shows once its title has come with its text (the first page's do) */
        var items = group.filter(function (item) {
          if (docs[item.number].title !== undefined)
            return true
          complete = false
          return false
        }).map(function (item) {
          if (rank < excerpts && typeof texts[item.number] !== "string")
            complete = false
          return renderItem(item, rank, marked)
        })
        rendered[rank] = { items: items, complete: complete, marked: marked }
        return items
      })
    }
  }

  /* Ranked article locations, best first (used to measure relevance) */
  Searcher.prototype.rank = function (query) {
    var docs = this.docs
    return this.rankGroups(query).groups.map(function (group) {
      return docs[group[0].number].location.split("#")[0]
    })
  }

  /* Results with whatever text is at hand, synchronously */
  Searcher.prototype.search = function (query, options) {
    return this.render(this.rankGroups(query), options)
  }

  /*
   * Results once the excerpts of the first page are at hand. Later groups show an excerpt when
   * an earlier query already brought their text; nothing more is fetched on speculation, which
   * would cost a reader on a slow or metered network for results they may never scroll to.
   */
  Searcher.prototype.answer = function (query, options) {
    var self = this, ranked
    return this.prepare(query).then(function () {
      ranked = self.rankGroups(query)
      return self.fetchTexts(ranked, 0, FIRST_PAGE)
    }).then(function () {
      return self.render(ranked, options)
    })
  }

  /*
   * Answers in steps, for the worker: `post(data)` is called with the results once the excerpts
   * of the first FIRST_EXCERPTS groups are at hand, and again with the whole first page's
   * excerpts if some of them were still missing. When those first excerpts take longer than
   * `options.excerptWait` milliseconds (EXCERPT_WAIT, none by default) after the ranking, the
   * results are posted without them first: the reader sees the titles a round trip sooner. When
   * the last download of a part of the index (postings or texts) took longer than the wait, the
   * titles are posted at once: the excerpts' download will be as slow.
   * Groups past the first EXCERPT_GROUPS, which the reader reaches only by scrolling, are
   * highlighted in the last answer only (one more follows for them if needed).
   * With `options.superseded`, a function that says whether a newer query has come, a query
   * superseded while its postings were loading is not ranked, and one superseded while its first
   * excerpts were loading fetches no more texts: typed key by key on a slow network, the words on
   * the way would otherwise take the connections and the time the last word needs. Nothing is
   * posted for it from then on.
   * `options.prepared` and `options.ranked`, functions, are called once the query's postings are
   * at hand and once it is ranked (the worker marks them in its performance timeline).
   * Returns a promise that settles after the last answer.
   */
  Searcher.prototype.answerInSteps = function (query, options, post) {
    var self = this, ranked, early
    var superseded = options && options.superseded
    var wait = options && options.excerptWait !== undefined ? options.excerptWait : EXCERPT_WAIT
    var loaded = function (number) { return self.chunks[number] && self.chunks[number].done }
    function rest() {
      if (superseded && superseded())
        return
      var later = self.chunksOf(ranked, FIRST_EXCERPTS, FIRST_PAGE).filter(function (number) {
        return !loaded(number)
      })
      post(self.render(ranked, early))
      if (later.length)
        return self.fetchTexts(ranked, FIRST_EXCERPTS, FIRST_PAGE).then(function () {
          post(self.render(ranked, options))
        })
      if (early !== options)
        /* A task later, so that the page can show the first answer before it takes this one */
        return new Promise(function (resolve) { setTimeout(resolve, 0) }).then(function () {
          post(self.render(ranked, options))
        })
    }
    return this.prepare(query).then(function () {
      if (superseded && superseded())
        return
      if (options && options.prepared)
        options.prepared()
      ranked = self.rankGroups(query)
      if (options && options.ranked)
        options.ranked()
      early = ranked.groups.length > EXCERPT_GROUPS
        ? Object.assign({}, options, { plainFrom: EXCERPT_GROUPS })
        : options
      var first = self.fetchTexts(ranked, 0, FIRST_EXCERPTS)
      if (self.chunksOf(ranked, 0, FIRST_EXCERPTS).every(loaded))
        return first.then(rest)
      /* When the last download took longer than the wait, this one will too: the titles need
         not wait for it */
      var timer
      var late = self.fetchTime > wait
        ? Promise.resolve(true)
        : new Promise(function (resolve) { timer = setTimeout(resolve, wait, true) })
      return Promise.race([first.then(function () { return false }), late]).then(function (slow) {
        clearTimeout(timer)
        if (!slow)
          return rest()
        post(self.render(ranked, early))
        return first.then(rest)
      })
    })
  }


  /* ------------------------------------------------------------------------
   * Answer cards: when a query closely matches an FAQ question, its answer
   * shows above the results. Kept apart from the language rules and the
   * ranking above: it reads the analyser's terms and nothing else.
   * --------------------------------------------------------------------- */

  /* How close is close: the query says at least two indexed words, the question holds at least
     CARD_QUERY_SHARE of them and the two share CARD_OVERLAP of their words (Dice), the best
     question leads the next one of another article by CARD_LEAD, and its article is the one the
     search ranks first; otherwise no card */
  var CARD_MIN_TERMS = 2, CARD_QUERY_SHARE = 0.6, CARD_OVERLAP = 0.4, CARD_LEAD = 0.1

  function cardTerms(analyzer, text) {
    var set = Object.create(null), count = 0, terms = analyzer.terms(text)
    for (var i = 0; i < terms.length; i++)
      if (!set[terms[i]]) {
        set[terms[i]] = true
        count++
      }
    return { set: set, count: count }
  }

  /* Whether `text` negates: it holds one of the language's negating words (`negations`, the
     tokens of the ones the index leaves out) or a word negated by its form (Turkish verbs) */
  function negatesText(analyzer, negations, text) {
    return negates(analyzer.tokens(text), negations) ||
      analyzer.words(text).some(function (word) { return analyzer.negatesByForm(word) })
  }

  function cardCloseness(query, question) {
    var shared = 0
    for (var term in query.set)
      if (question.set[term])
        shared++
    return {
      share: query.count ? shared / query.count : 0,
      dice: query.count + question.count ? 2 * shared / (query.count + question.count) : 0
    }
  }

  /*
   * The answer card for a query, or null: {location, question, answer, article, title} where
   * location is the question's section (or article) and article/title its article's location
   * and title. `first` is the location of the article the search ranked first for the query,
   * when the caller has ranked it already; the postings of the query's terms must be at hand
   * otherwise (after `prepare(query)`). The answer comes with the question's text chunk, which
   * is the first article's (an article and its sections share a chunk): until it is at hand
   * (`fetchTexts` of the first group), there is no card.
   */
  Searcher.prototype.answerCard = function (query, first) {
    var cards = this.cards
    if (!cards.length)
      return null
    var wanted = cardTerms(this.analyzer, query)
    if (wanted.count < CARD_MIN_TERMS)
      return null
    /* A query that negates ("my card is not accepted") is not answered by a question that does
       not ("which cards do you accept?"), however many words they share: the analysis drops
       the negating words, so the terms alone cannot tell */
    var negations = this.negationSet || (this.negationSet = new Set(this.negations))
    var negated = negatesText(this.analyzer, negations, query)
    var questions = this.cardQuestions || (this.cardQuestions = new Map())
    var best = null, second = 0
    for (var i = 0; i < cards.length; i++) {
      var doc = this.docs[cards[i]]
      /* A question whose text chunk has not come yet is not a candidate: the first article's
         has, and a rival close enough to matter ranks near it */
      if (!doc || doc.title === undefined)
        continue
      var article = doc.parent || doc
      var terms = questions.get(doc.number)
      if (terms === undefined)
        questions.set(doc.number, terms = cardTerms(this.analyzer, doc.title))
      var close = cardCloseness(wanted, terms)
      if (close.share < CARD_QUERY_SHARE || close.dice < CARD_OVERLAP)
        continue
      if (negated) {
        if (terms.negates === undefined)
          terms.negates = negatesText(this.analyzer, negations, doc.title)
        if (!terms.negates)
          continue
      }
      if (!best || close.dice > best.dice) {
        if (best && best.article !== article)
          second = Math.max(second, best.dice)
        best = { doc: doc, article: article, dice: close.dice }
      } else if (article !== best.article) {
        second = Math.max(second, close.dice)
      }
    }
    if (!best || best.dice - second < CARD_LEAD)
      return null
    if (first === undefined)
      first = this.rank(query)[0]
    var answer = this.answers[best.doc.number]
    if (first !== best.article.location || answer === undefined)
      return null
    return {
      location: best.doc.location, question: best.doc.title, answer: answer,
      article: best.article.location, title: best.article.title
    }
  }

  return {
    Analyzer: Analyzer, Searcher: Searcher, planQuery: planQuery, runPlan: runPlan,
    preparePlan: preparePlan,
    loadIndex: loadIndex, readIndex: readIndex, unpackShard: unpackShard, tokenTrie: tokenTrie
  }
})
