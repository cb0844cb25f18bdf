package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Language detection by function words: news prose is full of them, they are
// distinctive per language, and counting them is cheap. Returns "" when the
// text gives too little evidence.
var funcWords = map[string][]string{
	"en": {"the", "of", "and", "to", "in", "is", "that", "for", "was", "with", "on", "as", "by", "at", "he", "his", "from", "have", "has", "are", "were", "said", "it", "which", "this", "be", "who", "their", "been", "after"},
	"es": {"el", "la", "de", "que", "y", "en", "los", "las", "del", "se", "por", "un", "una", "con", "para", "su", "es", "al", "lo", "como", "más", "pero", "sus", "fue", "ha", "este", "esta", "según", "también", "entre"},
	"pt": {"o", "a", "de", "que", "e", "do", "da", "em", "os", "as", "no", "na", "um", "uma", "para", "com", "não", "por", "dos", "das", "ao", "foi", "mais", "seu", "sua", "pelo", "pela", "também", "está", "são"},
	"fr": {"le", "la", "les", "de", "des", "et", "en", "un", "une", "du", "est", "que", "qui", "dans", "pour", "pas", "sur", "au", "avec", "il", "elle", "ce", "sont", "a", "aux", "par", "mais", "ont", "été", "ses"},
	"de": {"der", "die", "das", "und", "in", "den", "von", "zu", "mit", "ist", "des", "sich", "auf", "für", "nicht", "ein", "eine", "dem", "auch", "es", "an", "als", "nach", "wie", "im", "bei", "wurde", "sind", "hat", "aus"},
	"it": {"il", "la", "di", "che", "e", "in", "un", "una", "per", "del", "della", "non", "sono", "le", "con", "si", "da", "dei", "al", "ha", "gli", "nel", "alla", "anche", "come", "è", "ma", "più", "delle", "stato"},
	"nl": {"de", "het", "een", "van", "en", "in", "is", "op", "dat", "te", "zijn", "voor", "met", "niet", "die", "aan", "er", "werd", "door", "bij", "ook", "om", "naar", "uit", "als", "wordt", "heeft", "maar", "nog", "over"},
	"hu": {"a", "az", "és", "hogy", "nem", "is", "egy", "meg", "volt", "van", "már", "de", "csak", "mint", "ez", "el", "azt", "még", "pedig", "után", "amely", "aki", "lesz", "ami", "kell", "szerint", "első", "vagy", "fel", "között"},
}

var funcIndex = func() map[string][]string {
	m := map[string][]string{}
	for lang, ws := range funcWords {
		for _, w := range ws {
			m[w] = append(m[w], lang)
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
