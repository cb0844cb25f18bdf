package quantity

import (
	"strings"

	"github.com/parallaxnews/parallax/internal/lang"
)

// Function words and common verbs: a counted noun phrase never runs past one.
var enStop = words("count_stopwords", "en")

var esStop = words("count_stopwords", "es")

// English words ending in "s" that are not plurals.
var enNotPlural = words("not_plurals", "en")

// Irregular English plurals and nouns that count people without an "s".
var enIrregular = lang.Pairs("irregular_plurals", "en")

// Nouns so vague that the word before them belongs to the thing counted:
// "gang members", "police officers", "aid workers".
var vagueHeads = words("vague_heads", "en")

// Participles and verbs after which a bare number counts people: "six
// accused of…", "two died".
var peopleVerbs = words("people_verbs", "en")

var enAux = words("count_auxiliaries", "en")

// Spanish verbs after which a bare number counts people: "dos murieron".
var esPeopleVerbs = words("people_verbs", "es")

// Spanish adjectives that may come before the noun counted.
var esPreAdj = words("prenominal_adjectives", "es")

// Spanish words ending in "s" that are not plural nouns.
var esNotPlural = words("not_plurals", "es")

// Spanish singular (after lemmatising) to an English lemma, so that heads
// line up across languages.
var esToEn = lang.Pairs("heads_en", "es")

// Synonyms applied when comparing heads.
var headSynonyms = pairsOf("head_synonyms", "en", "es")

// words reads a list of the language layer once, as a map: the scanner
// looks words up per token.
func words(name string, langs ...string) map[string]bool {
	s := lang.Words(name, langs...)
	m := make(map[string]bool, s.Len())
	for _, w := range s.Entries() {
		m[w] = true
	}
	return m
}

// pairsOf reads a word → word table of the language layer over langs into
// one map.
func pairsOf(name string, langs ...string) map[string]string {
	m := map[string]string{}
	for _, l := range langs {
		for k, v := range lang.Pairs(name, l) {
			m[k] = v
		}
	}
	return m
}

// possessive reports whether w ends in 's or ’s.
func possessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") ||
		strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "s’")
}

// pluralEN reports whether the lower-case English word w looks like a plural noun.
func pluralEN(w string) bool {
	if _, ok := enIrregular[w]; ok {
		return true
	}
	if len(w) < 3 || w[len(w)-1] != 's' || possessive(w) || enNotPlural[w] {
		return false
	}
	switch {
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"),
		strings.HasSuffix(w, "ous"):
		return false
	}
	return true
}

// lemmaEN returns the singular of an English plural (or w itself).
func lemmaEN(w string) string {
	if l, ok := enIrregular[w]; ok {
		return l
	}
	if len(w) < 3 || w[len(w)-1] != 's' || enNotPlural[w] || strings.HasSuffix(w, "ss") {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zzes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "oes") && !oeNouns[w]:
		return w[:len(w)-2] // "tornadoes"
	}
	return w[:len(w)-1]
}

// Plurals in -oes whose singular ends in -oe.
var oeNouns = words("oe_plurals", "en")

// pluralES reports whether the lower-case Spanish word w looks like a plural.
func pluralES(w string) bool {
	return len(w) >= 3 && w[len(w)-1] == 's' && !esNotPlural[w]
}

// lemmaES returns the singular of a Spanish plural.
func lemmaES(w string) string {
	if len(w) < 3 || w[len(w)-1] != 's' || esNotPlural[w] {
		return w
	}
	switch {
	case strings.HasSuffix(w, "iones"):
		return w[:len(w)-5] + "ión"
	case strings.HasSuffix(w, "ones"):
		return w[:len(w)-4] + "ón"
	case strings.HasSuffix(w, "ces"):
		return w[:len(w)-3] + "z"
	case strings.HasSuffix(w, "es") && len(w) > 4:
		switch w[len(w)-3] {
		case 'r', 'l', 'n', 'd', 'j', 'y':
			return w[:len(w)-2]
		}
		if strings.HasSuffix(w, "íes") || strings.HasSuffix(w, "úes") {
			return w[:len(w)-2]
		}
	}
	return w[:len(w)-1]
}

// headES lemmatises a Spanish noun and translates it when it can.
func headES(w string) string {
	l := lemmaES(w)
	if strings.HasSuffix(w, "ses") {
		if en, ok := esToEn[w[:len(w)-2]]; ok {
			return en // "países" → "país", not "paíse"
		}
	}
	if en, ok := esToEn[l]; ok {
		return en
	}
	if en, ok := esToEn[w]; ok {
		return en
	}
	return l
}

// adjectiveLike reports whether an English word looks like an adjective or
// participle rather than a noun, from its ending.
func adjectiveLike(w string) bool {
	for _, suf := range adjSuffixes {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

var adjSuffixes = lang.Words("adjective_suffixes", "en").Entries()

// Common adjectives that the suffix test misses.
var enAdjWords = words("adjectives", "en")
