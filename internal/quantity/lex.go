package quantity

import (
	"sort"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/internal/lang"
)

// Word lists. Every key is lower case; accented Spanish words are listed both
// with and without their accents, since both spellings turn up in news text.

// Kinds of number word.
const (
	nAdd     = iota + 1 // adds to the current group: "two", "twenty", "doscientos"
	nHundred            // multiplies the current group by 100: "hundred"
	nMult               // multiplies the current group: "dozen", Spanish "mil"
	nScale              // closes the group and scales it: "thousand", "million"
)

type numWord struct {
	v    float64
	kind uint8
}

// numberWords reads the number words of language l from the language
// layer, each with its kind.
func numberWords(l string) map[string]numWord {
	m := map[string]numWord{}
	add := func(name string, kind uint8) {
		for w, v := range lang.Values(name, l) {
			m[w] = numWord{v, kind}
		}
	}
	add("number_words", nAdd)
	add("number_multipliers", nMult)
	add("number_scales", nScale)
	if l == "en" { // Spanish writes hundreds as one word ("doscientos")
		add("number_hundreds", nHundred)
	}
	return m
}

var enNumbers = numberWords("en")

var esNumbers = numberWords("es")

// scaleWords holds the scale words after digits by language; other
// languages read the English ones.
var scaleWords = func() map[string]map[string]float64 {
	m := map[string]map[string]float64{}
	for _, l := range [...]string{"en", "es", "pt", "fr", "de"} {
		m[l] = lang.Values("scale_words", l)
	}
	return m
}()

// enScaleAfter is the English table, which languages without one read.
var enScaleAfter = scaleWords["en"]

func scalesFor(lang string) map[string]float64 {
	if m, ok := scaleWords[lang]; ok {
		return m
	}
	return enScaleAfter
}

// anyScale reads a scale word of any language.
func anyScale(w string) (float64, bool) {
	for _, lang := range [...]string{"en", "es", "pt", "fr", "de"} {
		if v, ok := scaleWords[lang][w]; ok {
			return v, true
		}
	}
	return 0, false
}

// Scale suffixes written against the digits: "$6m", "€2.3bn", "10k". The
// lower-case "m" is resolved by context (million or metres); "t" is tonnes.
var attachedScale = lang.Values("attached_scales", "en")

// Street types after a house number, from USPS Publication 28, appendix C1
// (common street suffixes and their abbreviations): "10 Downing Street",
// "200 West American Boulevard", "325 E. Dahlia Ave.".
var streetTypes = words("street_types", "en")

// Vague plurals: "hundreds" is at least 200 and less than a thousand.
type vagueWord struct {
	lo, hi, scale float64
}

// vagueWords reads the vague plurals of language l: "word<TAB>lo hi scale".
func vagueWords(l string) map[string]vagueWord {
	m := map[string]vagueWord{}
	for w, v := range lang.Pairs("vague_plurals", l) {
		f := strings.Fields(v)
		if len(f) != 3 {
			panic("quantity: vague_plurals " + l + ": bad entry " + w)
		}
		var n [3]float64
		for i, x := range f {
			var err error
			if n[i], err = strconv.ParseFloat(x, 64); err != nil {
				panic("quantity: vague_plurals " + l + ": " + err.Error())
			}
		}
		m[w] = vagueWord{n[0], n[1], n[2]}
	}
	return m
}

var enVague = vagueWords("en")

var esVague = vagueWords("es")

// Words that turn a following singular scale word vague: "several hundred".
var enSeveral = words("several_words", "en")
var esSeveral = words("several_words", "es")

// Bounds and hedges written before a number.
const (
	bNone   = iota
	bLow    // "more than 200"
	bHigh   // "up to 200"
	bApprox // "about 200"
	bRange  // "between", "from": only counts when a range follows
)

type bound struct {
	words  []string
	kind   uint8
	approx bool
}

// boundsOf reads the bounds and hedges of language l from the language
// layer, longest first.
func boundsOf(l string) []bound {
	var bs []bound
	for _, k := range []struct {
		name   string
		kind   uint8
		approx bool
	}{{"bounds_low", bLow, false}, {"bounds_low_approx", bLow, true}, {"bounds_high", bHigh, false},
		{"bounds_high_approx", bHigh, true}, {"bounds_approx", bApprox, true}, {"bounds_range", bRange, false}} {
		for _, e := range lang.Words(k.name, l).Entries() {
			bs = append(bs, bound{strings.Fields(e), k.kind, k.approx})
		}
	}
	return sortBounds(bs)
}

var enBounds = boundsOf("en")

var esBounds = boundsOf("es")

var ptBounds = boundsOf("pt")

var frBounds = boundsOf("fr")

var deBounds = boundsOf("de")

// Signs every language reads as bounds.
var signBounds = sortBounds([]bound{
	{[]string{"~"}, bApprox, true}, {[]string{"≈"}, bApprox, true},
	{[]string{">"}, bLow, false}, {[]string{"≥"}, bLow, false},
	{[]string{"<"}, bHigh, false}, {[]string{"≤"}, bHigh, false},
})

// Bounds by their last word, for quick look-up, per language.
var boundIndex = map[string]map[string][]bound{"en": indexBounds(enBounds),
	"es": indexBounds(esBounds), "pt": indexBounds(append(ptBounds, signBounds...)),
	"fr": indexBounds(append(frBounds, signBounds...)), "de": indexBounds(append(deBounds, signBounds...))}

var signBoundIndex = indexBounds(signBounds)

func indexBounds(bs []bound) map[string][]bound {
	m := make(map[string][]bound)
	for _, b := range bs {
		last := b.words[len(b.words)-1]
		m[last] = append(m[last], b)
	}
	return m
}

// sortBounds puts longer phrases first so that "no more than" wins over "more than".
func sortBounds(bs []bound) []bound {
	for i := 1; i < len(bs); i++ {
		for j := i; j > 0 && len(bs[j].words) > len(bs[j-1].words); j-- {
			bs[j], bs[j-1] = bs[j-1], bs[j]
		}
	}
	return bs
}

// Verbs of change: "rose from 10 to 20" is two values, not a range.
var changeVerbs = words("change_verbs", "en", "es", "pt", "fr")

// Adjectives after a hyphenated measure: "948-foot-long".
var dimensionAdj = words("dimension_adjectives", "en")

// Words that end a measure-like hyphen compound without being a counted noun.
var notHyphenNoun = words("not_hyphen_nouns", "en")

// Fractions after a hyphen turn the whole expression into a non-quantity.
var fractionWords = words("fraction_after_hyphen", "en")

// Rates written after a quantity.
type perPhrase struct {
	words []string
	per   string
}

// perPhrases reads the rate phrases of language l, longest first.
func perPhrases(l string) []perPhrase {
	var ps []perPhrase
	for ph, per := range lang.Pairs("rate_phrases", l) {
		ps = append(ps, perPhrase{strings.Fields(ph), per})
	}
	sort.Slice(ps, func(a, b int) bool {
		if len(ps[a].words) != len(ps[b].words) {
			return len(ps[a].words) > len(ps[b].words)
		}
		return strings.Join(ps[a].words, " ") < strings.Join(ps[b].words, " ")
	})
	return ps
}

var enPer = perPhrases("en")

var esPer = perPhrases("es")

// Rates by their first word.
var enPerIndex, esPerIndex = indexPer(enPer), indexPer(esPer)

func indexPer(ps []perPhrase) map[string][]perPhrase {
	m := make(map[string][]perPhrase)
	for _, p := range ps {
		m[p.words[0]] = append(m[p.words[0]], p)
	}
	return m
}

// Words after "a year" that make it a time, not a rate: "a year ago".
var notRateAfter = words("not_rate_after", "en")

// enMonths are the English month names and abbreviations of the language
// layer (CLDR).
var enMonths = func() map[string]bool {
	m := map[string]bool{}
	for w := range lang.CalendarNames("en", false) {
		m[w] = true
	}
	return m
}()

// Month names of the other languages read, for dates ("14 mars", "3 de
// março", "3. Oktober").
// Portuguese and French also as ASCII newswire copy spells them, without
// accents ("marco", "fevrier"); German writes its umlauts out ("Maerz").
var otherMonths = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range []string{"pt", "fr", "de"} {
		for _, w := range lang.MonthNames(l) {
			m[w] = true
			if l != "de" {
				m[lang.Unaccent(w)] = true
			}
		}
		for w := range lang.RegionalMonths(l) {
			m[w] = true
		}
	}
	return m
}()

// Function words of Portuguese, French and German: a counted noun is never one.
var otherStop = words("count_stopwords", "pt", "fr", "de")

// esMonths are the full Spanish month names (CLDR), regional ones too.
var esMonths = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range lang.MonthNames("es") {
		m[w] = true
	}
	for w := range lang.RegionalMonths("es") {
		m[w] = true
	}
	return m
}()

// Nouns after which a number is an identifier: "flight 5342", "Article 5".
var identNouns = words("identifier_nouns", "en", "es")

// Words "half" takes before a share's noun phrase: "half the votes".
var afterHalf = words("after_half", "en")

// Words that make a number of years an age: "aged 39".
var ageWords = words("age_words", "en")

// Abbreviations with a stop before a reference number: "No. 5", "núm. 3".
var referenceAbbrevs = words("reference_abbreviations", "en", "es")
