package group

import (
	"golang.org/x/text/unicode/norm"
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/spanish"

	"github.com/parallaxnews/parallax/internal/lang"
)

// foldLower lowercases s and strips Latin diacritics ("León" → "leon",
// "Straße" → "strasse"). It returns s itself when nothing changes.
func foldLower(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r == 'ß':
			b.WriteString("ss")
		case r == 'æ':
			b.WriteString("ae")
		case r == 'œ':
			b.WriteString("oe")
		case r == 'þ':
			b.WriteString("th")
		case r >= 0xE0 && r <= 0xFF:
			b.WriteByte(latin1Fold[r-0xE0])
		case r >= 0x100 && r <= 0x17F:
			b.WriteByte(latinAFold[r-0x100])
		case unicode.Is(unicode.Mn, r):
			// combining marks: dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// latin1Fold maps U+00E0…U+00FF to ASCII (÷ becomes a space).
const latin1Fold = "aaaaaaaceeeeiiiidnooooo ouuuuyty"

// latinAFold maps Latin Extended-A, U+0100…U+017F, to ASCII.
const latinAFold = "aaaaaacccccccc" + "dddd" + "eeeeeeeeee" + "gggggggg" + "hhhh" + "iiiiiiiiii" + "ii" + "jj" + "kkk" +
	"llllllllll" + "nnnnnnnnn" + "oooooo" + "oo" + "rrrrrr" + "ssssssss" + "tttttt" + "uuuuuuuuuuuu" + "ww" + "yyy" + "zzzzzz" + "s"

// normLang returns the two-letter code of an ISO 639 tag ("en-US" → "en").
func normLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}

// markerLangs are the languages whose frequent function words (the
// language layer's language_markers) guess a document's language when the
// caller does not give one.
var markerLangs = []string{"en", "es", "pt", "de", "fr", "it", "hu"}

var markerSet = func() map[string][]string {
	m := map[string][]string{}
	for _, l := range markerLangs {
		for _, w := range lang.Words("language_markers", l).Entries() {
			m[w] = append(m[w], l)
		}
	}
	return m
}()

// guessLang picks the language whose marker words occur most often among
// the lowercase words given; "" when fewer than three markers are seen.
func guessLang(words []string) string {
	var count [7]int
	for _, w := range words {
		for _, l := range markerSet[w] {
			for i, ml := range markerLangs {
				if ml == l {
					count[i]++
				}
			}
		}
	}
	best, bi := 0, -1
	for i, c := range count {
		if c > best {
			best, bi = c, i
		}
	}
	if best < 3 {
		return ""
	}
	return markerLangs[bi]
}

// extraStop are words frequent in news of any topic that the snowball
// stopword lists leave in, and function words of languages other than
// English and Spanish, from the language layer. They are compared after
// lowercasing, before folding.
var extraStop = func() map[string]*lang.Set {
	m := map[string]*lang.Set{}
	for _, l := range []string{"en", "es", "pt", "de", "fr", "it", "hu"} {
		m[l] = lang.Words("news_stopwords", l)
	}
	return m
}()

// isStop reports whether the lowercase word w is a function word of lang.
// English and Spanish use the snowball lists plus extraStop; other
// languages use extraStop only. Unknown languages use the English list.
func isStop(lang, w string) bool {
	switch lang {
	case "en", "":
		return english.IsStopWord(w) || stopEN.Has(w)
	case "es":
		return spanish.IsStopWord(w) || stopES.Has(w)
	}
	return extraStop[lang].Has(w)
}

var stopEN, stopES = extraStop["en"], extraStop["es"]

// months maps lowercase, folded month names of several languages (CLDR's
// full names) and the English and German abbreviations to their number.
// Abbreviations are only trusted when written with a capital letter (see
// monthOf).
var months = func() map[string]int {
	m := map[string]int{}
	for _, l := range []string{"en", "es", "pt", "de", "fr", "it", "hu", "nl"} {
		for i, w := range lang.MonthNames(l) {
			m[foldLower(w)] = i + 1
		}
	}
	// an abbreviation that heads place names in another language is no
	// month ("Mar" of "Mar del Plata", "Mar Menor": Spanish "sea")
	heads := lang.Words("place_heads")
	for _, l := range []string{"en", "de"} {
		for w, n := range lang.MonthAbbreviations(l) {
			if k := foldLower(w); !heads.Has(k) {
				m[k] = n
			}
		}
	}
	return m
}()

// weekdays are capitalised in English but name no one.
var weekdays = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range []string{"en", "es", "de"} {
		for _, w := range lang.WeekdayNames(l) {
			m[foldLower(w)] = true
		}
	}
	return m
}()

// numberWords maps small numbers written as words to digits, per language
// (accent-folded, as tokens are compared).
var numberWords = func() map[string]map[string]float64 {
	m := map[string]map[string]float64{}
	for _, l := range markerLangs {
		m[l] = lang.Values("small_numbers_folded", l)
	}
	return m
}()

// multipliers scale the number before them ("6 million", "6 millones"), in
// any language.
var multipliers = func() map[string]float64 {
	m := map[string]float64{}
	for _, l := range markerLangs {
		for w, v := range lang.Values("multipliers_folded", l) {
			m[w] = v
		}
	}
	return m
}()

// suffixMultipliers scale a number the suffix is glued to ("$36M", "5bn").
var suffixMultipliers = lang.Values("multiplier_suffixes", "en")

// ordinalSuffix are what follows a day number glued to it ("22nd", "1º"),
// folded as tokens are ("º" as "o", "ème" as "eme").
var ordinalSuffix = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range []string{"en", "es", "pt", "fr"} {
		for _, w := range lang.Words("ordinal_suffixes", l).Entries() {
			m[foldLower(norm.NFKC.String(w))] = true
		}
	}
	return m
}()

// nameConnectors may join two capitalised words into one name ("Gulf of
// Aden"): the language layer's name particles.
var nameConnectors = lang.Words("name_connectors")
