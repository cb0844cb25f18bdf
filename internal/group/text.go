package group

import (
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

// markers are frequent function words that tell languages apart; they are
// used to guess a document's language when the caller does not give one.
var markers = map[string][]string{
	"en": {"the", "and", "of", "to", "is", "was", "that", "with", "for", "on", "by", "from", "has", "have", "were", "this", "are", "which", "after", "it"},
	"es": {"el", "los", "las", "del", "que", "y", "en", "por", "con", "una", "para", "es", "se", "su", "al", "fue", "como", "más", "tras", "lo"},
	"pt": {"o", "os", "do", "da", "dos", "das", "que", "e", "em", "no", "na", "um", "uma", "para", "com", "não", "foi", "ao", "pelo", "pela"},
	"de": {"der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "ein", "eine", "auf", "für", "sich", "wurde", "im", "auch", "nach", "bei"},
	"fr": {"le", "les", "des", "et", "est", "une", "du", "dans", "pour", "qui", "pas", "sur", "au", "avec", "été", "ont", "par", "aux", "ce", "il"},
	"it": {"il", "gli", "di", "che", "è", "per", "non", "con", "della", "nel", "sono", "alla", "dei", "delle", "anche", "stato", "questo", "ha", "dal", "degli"},
	"hu": {"a", "az", "és", "hogy", "nem", "egy", "is", "meg", "volt", "van", "már", "csak", "mint", "még", "ez", "azt", "pedig", "után", "pápa", "amely"},
}

var markerLangs = []string{"en", "es", "pt", "de", "fr", "it", "hu"}

var markerSet = func() map[string][]string {
	m := map[string][]string{}
	for _, l := range markerLangs {
		for _, w := range markers[l] {
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

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

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

// months maps lowercase, folded month names and abbreviations of several
// languages to their number. Abbreviations are only trusted when written
// with a capital letter (see monthOf).
var months = func() map[string]int {
	m := map[string]int{}
	add := func(n int, names ...string) {
		for _, s := range names {
			m[s] = n
		}
	}
	add(1, "january", "enero", "janeiro", "januar", "janvier", "gennaio", "januar", "januari", "januarja", "jan")
	add(2, "february", "febrero", "fevereiro", "februar", "fevrier", "febbraio", "februari", "feb")
	add(3, "march", "marzo", "marco", "marz", "mars", "marcius", "maart")
	add(4, "april", "abril", "avril", "aprile", "aprilis", "apr")
	add(5, "may", "mayo", "maio", "mai", "maggio", "majus", "mei")
	add(6, "june", "junio", "junho", "juni", "juin", "giugno", "junius", "jun")
	add(7, "july", "julio", "julho", "juli", "juillet", "luglio", "julius", "jul")
	add(8, "august", "agosto", "aout", "augusztus", "augustus", "aug")
	add(9, "september", "septiembre", "setembro", "septembre", "settembre", "szeptember", "sep", "sept")
	add(10, "october", "octubre", "outubro", "oktober", "octobre", "ottobre", "oct", "okt")
	add(11, "november", "noviembre", "novembro", "novembre", "nov")
	add(12, "december", "diciembre", "dezembro", "dezember", "decembre", "dicembre", "dec", "dez")
	return m
}()

// ambiguousMonth are month names that are also common words; they count as
// months only when capitalised (English) and next to a day or year.
var ambiguousMonth = setOf("may", "mar", "mai", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "okt",
	"nov", "dec", "dez", "marco", "mars", "maio", "marz", "juli", "juni")

// weekdays are capitalised in English but name no one.
var weekdays = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo",
	"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")

// numberWords maps small numbers written as words to digits, per language.
var numberWords = map[string]map[string]float64{
	"en": {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
		"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20, "dozen": 12, "dozens": 24},
	"es": {"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
		"once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "veinte": 20},
	"pt": {"dois": 2, "duas": 2, "tres": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8, "nove": 9,
		"dez": 10, "onze": 11, "doze": 12, "treze": 13, "quinze": 15, "vinte": 20},
	"de": {"zwei": 2, "drei": 3, "vier": 4, "funf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
		"elf": 11, "zwolf": 12, "zwanzig": 20},
	"fr": {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
		"onze": 11, "douze": 12, "quinze": 15, "vingt": 20},
	"it": {"due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10,
		"undici": 11, "dodici": 12, "venti": 20},
	"hu": {"ket": 2, "ketto": 2, "harom": 3, "negy": 4, "ot": 5, "hat": 6, "het": 7, "nyolc": 8, "kilenc": 9, "tiz": 10},
}

// multipliers scale the number before them ("6 million", "6 millones").
var multipliers = map[string]float64{
	"thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "trillion": 1e12,
	"mil": 1e3, "millon": 1e6, "millones": 1e6, "milhao": 1e6, "milhoes": 1e6, "bilhao": 1e9, "bilhoes": 1e9,
	"tausend": 1e3, "millionen": 1e6, "mio": 1e6, "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9,
	"milliard": 1e9, "milliards": 1e9, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9,
	"ezer": 1e3, "millio": 1e6,
}

// suffixMultipliers scale a number the suffix is glued to ("$36M", "5bn").
var suffixMultipliers = map[string]float64{"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}

// ordinalSuffix are what follows a day number glued to it ("22nd", "1º").
var ordinalSuffix = setOf("st", "nd", "rd", "th", "o", "a", "er", "e", "eme")

// nameConnectors may join two capitalised words into one name ("Gulf of Aden").
var nameConnectors = setOf("of", "de", "del", "da", "do", "dos", "das", "van", "von", "der", "di", "du", "la", "le", "al", "bin")
