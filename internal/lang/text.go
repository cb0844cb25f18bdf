package lang

import (
	"strings"
	"unicode"

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
