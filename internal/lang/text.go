package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/kljensen/snowball"
	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
	"github.com/kljensen/snowball/spanish"
)

// snowballNames are the stemmers of github.com/kljensen/snowball by language.
var snowballNames = map[string]string{"en": "english", "": "english", "es": "spanish", "fr": "french"}

// Stem returns the Snowball stem of w (lower case) in language l, or w
// when the language has no stemmer here.
func Stem(w, l string) string {
	if name, ok := snowballNames[l]; ok {
		if s, err := snowball.Stem(w, name, false); err == nil {
			return s
		}
	}
	return w
}

var extraStop = Words("stopwords")

// Stopword reports whether w (lower case) is a function word in any
// language Parallax reads: the Snowball stop word lists (English, Spanish,
// French) and the language layer's own lists.
func Stopword(w string) bool {
	return extraStop.Has(w) || english.IsStopWord(w) || spanish.IsStopWord(w) || french.IsStopWord(w)
}

// ContentWords returns the lower-case words of text of three letters or
// more that are not function words.
func ContentWords(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	}) {
		w = strings.ToLower(strings.Trim(w, "'’"))
		if len(w) < 3 || Stopword(w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// WordSpans returns the byte offsets [start, end) of the letter-and-digit
// words of text.
func WordSpans(text string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range text {
		in := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

var conceptOnce = newOnce(func() map[string]string {
	m := map[string]string{}
	for _, l := range Languages {
		lines, err := readLines("data/" + l + "/concepts.tsv")
		if err != nil {
			continue
		}
		for _, line := range lines {
			c, words, ok := strings.Cut(line, "\t")
			if !ok {
				continue
			}
			for _, w := range strings.Fields(words) {
				m[w] = c
			}
		}
	}
	return m
})

// Concept returns the kind of news fact word w (lower case) belongs to in
// any language ("killed", "muertos" → "death"), or "".
func Concept(w string) string { return conceptOnce.get()[w] }

// Unaccent drops the accents of w ("février" → "fevrier", "março" →
// "marco"): its canonical decomposition without the combining marks, as
// newswire copy written in ASCII spells it.
func Unaccent(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// Ordinal is a numeral ordinal written in figures ("267th", "3.º") at
// [Start, End) of a text.
type Ordinal struct {
	Start, End int
	Value      int
}

// ordinalSuffixes are the suffixes glued to an ordinal in figures, by
// language; a language without a list has none.
var ordinalSuffixes = func() map[string]*Set {
	m := map[string]*Set{}
	for _, l := range []string{"en", "es", "pt", "fr"} {
		m[l] = Words("ordinal_suffixes", l)
	}
	return m
}()

// Ordinals finds the ordinals written in figures in text of language l:
// digits with one of the language's ordinal suffixes glued on ("267th",
// "21st", "3º", "12e"), or a dot and a raised letter ("3.º").
func Ordinals(text, l string) []Ordinal {
	sfx := ordinalSuffixes[l]
	if sfx == nil {
		return nil
	}
	var out []Ordinal
	i := 0
	for i < len(text) {
		if !isDigit(text[i]) || i > 0 && (isDigit(text[i-1]) || isASCIILetter(text[i-1]) || text[i-1] == '.' || text[i-1] == ',') {
			i++
			continue
		}
		j, v := i, 0
		for j < len(text) && isDigit(text[j]) {
			if j-i < 7 {
				v = v*10 + int(text[j]-'0')
			}
			j++
		}
		k := j
		if k < len(text) && text[k] == '.' {
			k++
		}
		e := k
		for e < len(text) {
			r, n := utf8.DecodeRuneInString(text[e:])
			if !unicode.IsLetter(r) && r != '°' {
				break
			}
			e += n
		}
		if e > k && j-i < 7 && sfx.Has(strings.ToLower(text[k:e])) && (k == j || strings.ContainsAny(text[k:e], "ºª°")) {
			out = append(out, Ordinal{Start: i, End: e, Value: v})
		}
		i = max(e, j)
	}
	return out
}

func isDigit(b byte) bool       { return b >= '0' && b <= '9' }
func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
