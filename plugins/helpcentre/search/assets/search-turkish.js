/*
 * helpcentre search: the Turkish rules (turkish.py) around lunr-languages' lunr.tr, loaded after
 * it for a Turkish locale alone: verb endings, then Snowball (lunr.tr's stemmer) repeated, never
 * below three letters. Both tables and every step are the build's, word for word. Sets
 * lunr.helpcentreTurkish = {normalizer, stemmer(snowballStep), negative(word)}: search-core.js's
 * Analyzer puts the first two in the pipeline and asks the last whether a word negates.
 */
;(function (root, factory) {
  if (typeof module === "object" && module.exports)
    module.exports = factory
  else
    factory(root.lunr)
})(this, function (lunr) {
  var TR_VOWELS = "aeıioöuü"
  var TR_VOICELESS = "çfhkpsşt"
  var TR_I = "[ıiuü]", TR_A = "[ae]"
  var TR_PERSON = "(?:" + TR_I + "m|s" + TR_I + "n|" + TR_I + "z|s" + TR_I + "n" + TR_I + "z|l" +
    TR_A + "r|d" + TR_I + "r|t" + TR_I + "r|d" + TR_I + "|t" + TR_I + ")?"
  var TR_PAST_PERSON = "(?:m|n|k|n" + TR_I + "z|l" + TR_A + "r)?"
  var TR_YOR_PERSON = "(?:um|sun|uz|sunuz|lar|du[mnk]?|dunuz|dular|muş|sa|ken)?"
  var TR_CASE = "(?:n?" + TR_I + "|n?" + TR_A + "|n?d" + TR_A + "n?|n" + TR_I + "n|y" + TR_I +
    "|y" + TR_A + "|y?l" + TR_A + ")?"
  var TR_POSSESSIVE = "(?:l" + TR_A + "r)?(?:" + TR_I + "m|" + TR_I + "n|s" + TR_I + "|" + TR_I +
    "m" + TR_I + "z|" + TR_I + "n" + TR_I + "z|l" + TR_A + "r" + TR_I + "|m" + TR_I + "z|n" +
    TR_I + "z|" + TR_I + ")?"
  /* [ending, fewest letters the root keeps, what the root ends with] (VERB_ENDINGS) */
  var TR_VERB_ENDINGS = [
    ["(?:y?" + TR_A + "m" + TR_I + "|m" + TR_I + "|" + TR_I + ")yor" + TR_YOR_PERSON, 2, ""],
    ["y?" + TR_A + "bil.*", 2, ""],
    ["(?:m" + TR_A + ")?y?" + TR_A + "c" + TR_A + "(?:k(?:s" + TR_I + "n" + TR_I + "z|s" + TR_I +
      "n|l" + TR_A + "r|t" + TR_I + "r|t" + TR_I + ")?|ğ(?:" + TR_I + "m|" + TR_I + "z|" + TR_I +
      "n" + TR_I + "z|" + TR_I + "n|" + TR_I + "|" + TR_I + "m" + TR_I + "z)" + TR_CASE + ")", 2, ""],
    ["(?:y?" + TR_A + ")?m" + TR_A + "(?:d" + TR_I + TR_PAST_PERSON + "|z" + TR_PERSON + "|m" +
      TR_I + "ş" + TR_PERSON + "|y" + TR_I + "n(?:" + TR_I + "z)?|d" + TR_A + "n|l" + TR_I +
      TR_PERSON + "|y" + TR_I + "z|m)", 2, ""],
    ["(?:" + TR_I + "[ln]|n)(?:d" + TR_I + TR_PAST_PERSON + "|" + TR_I + "r" + TR_PERSON + "|m" +
      TR_I + "ş" + TR_PERSON + "|" + TR_A + "n(?:l" + TR_A + "r)?" + TR_CASE + "|m" + TR_A + "s" +
      TR_I + TR_CASE + ")", 2, ""],
    ["m" + TR_I + "ş" + TR_PERSON, 2, ""],
    ["[dt]" + TR_I + "ğ(?:" + TR_I + "m|" + TR_I + "n|" + TR_I + "|" + TR_I + "m" + TR_I + "z|" +
      TR_I + "n" + TR_I + "z)" + TR_CASE, 2, ""],
    ["y" + TR_A + "n(?:l" + TR_A + "r)?" + TR_CASE, 3, "vowel"],
    ["m" + TR_A + "k(?:t" + TR_A + ".*|l" + TR_A + ")?", 2, ""],
    ["m" + TR_A + TR_POSSESSIVE + TR_CASE, 2, "not-i"],
    ["d" + TR_I + TR_PAST_PERSON, 4, "vowel"],
    ["y" + TR_I + "p", 3, "vowel"],
    ["y" + TR_I + "n(?:" + TR_I + "z)?", 3, "vowel"]
  ].map(function (rule) {
    return [new RegExp("^(.*?)(?:" + rule[0] + ")$"), rule[1], rule[2]]
  })
  var TR_SOFTENED_ROOTS = { ed: "et", gid: "git" }
  var TR_PASSIVE_LEFT = new RegExp("^(.*[^" + TR_VOWELS + "])" + TR_I + "[ln]$")
  var TR_COPULA = new RegExp("^[dt]" + TR_I + "r$")
  var TR_NORMALISED = /[\u0307âîû]/g
  var TR_NORMALISED_LETTERS = { "\u0307": "", "â": "a", "î": "i", "û": "u" }
  var TR_SHORTEST_STEM = 4, TR_SHORTEST_BEGINNING = 3, TR_MOST_STEPS = 10

  function isVowel(letter) {
    return TR_VOWELS.indexOf(letter) >= 0
  }

  function hasVowel(text) {
    for (var i = 0; i < text.length; i++)
      if (isVowel(text.charAt(i)))
        return true
    return false
  }

  /* The dot lower-casing leaves after "i" ("İade": "i̇ade") and circumflexes (normalize) */
  function turkishNormalizer(token) {
    return token.update(function (word) {
      return word.replace(TR_NORMALISED, function (letter) { return TR_NORMALISED_LETTERS[letter] })
    })
  }

  /* The root of a word with a verb ending, or null (verb_root) */
  function turkishVerbRoot(word) {
    var best = null
    for (var r = 0; r < TR_VERB_ENDINGS.length; r++) {
      var rule = TR_VERB_ENDINGS[r], match = rule[0].exec(word)
      if (!match)
        continue
      var root = match[1], last = root.charAt(root.length - 1)
      if (root.length < rule[1] || !hasVowel(root))
        continue
      if (rule[2] === "vowel" && !isVowel(last))
        continue
      if (rule[2] === "not-i" && "ıiuü".indexOf(last) >= 0)
        continue
      if (best === null || root.length < best.length)
        best = root
    }
    if (best === null)
      return null
    var passive = TR_PASSIVE_LEFT.exec(best)
    if (passive && passive[1].length >= 2)
      best = passive[1]
    if (isVowel(best.charAt(best.length - 1)) && best.length >= 3)
      best = best.slice(0, -1)
    return Object.prototype.hasOwnProperty.call(TR_SOFTENED_ROOTS, best)
      ? TR_SOFTENED_ROOTS[best]
      : best
  }

  function withoutPossessiveS(stem) {
    return stem.length >= 4 && stem.charAt(stem.length - 1) === "s" &&
      isVowel(stem.charAt(stem.length - 2)) ? stem.slice(0, -1) : stem
  }

  function turkishBeginning(word) {
    for (var length = TR_SHORTEST_BEGINNING; length <= word.length; length++)
      if (!isVowel(word.charAt(length - 1)))
        return word.slice(0, length)
    return word
  }

  /* Snowball repeated until it stops changing, with the rule's refusals (noun_stem) */
  function turkishNounStem(word, snowball) {
    var current = withoutPossessiveS(word)
    for (var step = 0; step < TR_MOST_STEPS; step++) {
      var stem = snowball(current)
      if (stem === current)
        break
      var cut = stem && current.indexOf(stem) === 0 ? stem.length : -1
      if (cut >= 0 && current.charAt(cut) === "t" &&
          TR_VOICELESS.indexOf(stem.charAt(stem.length - 1)) < 0) {
        stem = current.slice(0, cut + 1)
        if (stem === current)
          break
        cut += 1
      }
      if (cut >= 0 && stem.length < 6 && TR_COPULA.test(current.slice(cut)))
        break
      stem = withoutPossessiveS(stem)
      if (stem.length < TR_SHORTEST_STEM)
        return turkishBeginning(word)
      current = stem
    }
    return current
  }

  /* `fn` registered as a lunr pipeline function under `label` (once: lunr warns when a label
     is registered again), as lunr-languages registers its own, so that a lunr index
     serialised with it loads */
  function registered(lunr, fn, label) {
    var functions = lunr.Pipeline.registeredFunctions
    if (!Object.prototype.hasOwnProperty.call(functions, label))
      lunr.Pipeline.registerFunction(fn, label)
    return functions[label]
  }

  /* lunr.tr's stemmer (`snowballStep`, a pipeline function) wrapped in the rule */
  function turkishStemmer(snowballStep) {
    function snowball(word) {
      return snowballStep(new lunr.Token(word, {})).toString()
    }
    return registered(lunr, function (token) {
      return token.update(function (word) {
        var root = turkishVerbRoot(word)
        return root !== null ? root : turkishNounStem(word, snowball)
      })
    }, "helpcentre-stemmer-tr")
  }

  /* A verb in a negative form: the negative "-mA-" before a tense ("edilmiyor", "gelmedi",
     "olmaz", "gelmemiş", "gelmeyecek"), which the stemmer drops with the tense */
  var NEGATIVE_VERB = /..m(?:[ıiuü]yor|[ae]d[ıiuü]|[ae]z|[ae]m[ıiuü]ş|[ae]y[ae]c[ae][kğ])/

  lunr.helpcentreTurkish = {
    normalizer: registered(lunr, turkishNormalizer, "helpcentre-normalizer-tr"),
    stemmer: turkishStemmer,
    negative: function (word) { return NEGATIVE_VERB.test(word) }
  }
})
