package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/internal/lang"
)

// Language detection by function words: news prose is full of them, they are
// distinctive per language, and counting them is cheap. Returns "" when the
// text gives too little evidence. detectLangs are the languages
// DetectLanguage tells apart, each by the language layer's detection_words.
var detectLangs = [...]string{"en", "es", "pt", "fr", "de", "it", "nl", "hu"}

var funcIndex = func() map[string][]string {
	m := map[string][]string{}
	for _, l := range detectLangs {
		for _, w := range lang.Words("detection_words", l).Entries() {
			m[w] = append(m[w], l)
		}
	}
	return m
}()

// DetectLanguage guesses the ISO 639-1 language of text from its first
// couple of thousand bytes.
func DetectLanguage(text string) string {
	if len(text) > 3000 {
		text = text[:3000]
	}
	scores := map[string]float64{}
	words := 0
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		w := text[i:j]
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			w = strings.ToLower(w)
		}
		words++
		if langs, ok := funcIndex[w]; ok {
			for _, l := range langs {
				scores[l] += 1 / float64(len(langs))
			}
		}
		i = j
	}
	best, second := "", ""
	for l, s := range scores {
		if best == "" || s > scores[best] || (s == scores[best] && l < best) {
			best, second = l, best
		} else if second == "" || s > scores[second] {
			second = l
		}
	}
	if best == "" || words < 3 || scores[best] < 2 && words > 10 {
		return ""
	}
	if second != "" && scores[second] >= scores[best] && words > 10 {
		return ""
	}
	return best
}
