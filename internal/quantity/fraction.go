package quantity

import (
	"strings"

	"github.com/parallaxnews/parallax/internal/lang"
)

// Fractions written in words are percentages with Approx, since news text
// rounds with them: "half of the banks" is 50%, "a third" 33.3%,
// "two-thirds" 66.7%, "one in four adults" and "1 in 4" 25%, "dos de cada
// tres" 66.7%, "la mitad" 50%, "jeder Vierte" 25%.
//
// A fraction noun counts only where it is a share: followed by "of" (or the
// language's "de", "der"), by a comparative ("a third more") or by the end
// of the clause ("grew by a fifth."). "a third term", "the first half",
// "half-time", "half an hour" and "a quarter earlier" are not shares.

// fracLex is one language's words for fractions.
type fracLex struct {
	nums    map[string]float64 // small numerators: "a", "one", "two", "un", "dos"
	nouns   map[string]float64 // fraction nouns by denominator: "third", "tercio"
	half    string             // the noun for a half: "half", "mitad"
	halfDet map[string]bool    // articles a half takes: "la" mitad, "die" Hälfte
	parts   map[string]float64 // ordinal adjectives before "parte(s)": "cuarta"
	part    map[string]bool    // "parte", "partes"
	ratio   [][]string         // "in", "out of", "de cada", "sur"
	after   map[string]bool    // words after a share: "of", "more", "de"
	every   map[string]bool    // German "jeder" + ordinal: "jeder Vierte"
	ords    map[string]float64 // German ordinals after "jeder"
}

var fracLexes = func() map[string]*fracLex {
	m := map[string]*fracLex{}
	for _, l := range [...]string{"en", "es", "pt", "fr", "de"} {
		m[l] = fracLexOf(l)
	}
	return m
}()

// fracLexOf reads language l's fraction words from the language layer;
// the lists only some languages have are left nil.
func fracLexOf(l string) *fracLex {
	lx := &fracLex{
		nums:  lang.Values("fraction_numerators", l),
		nouns: lang.Values("fraction_nouns", l),
		half:  lang.Words("fraction_half", l).Entries()[0],
		after: words("fraction_after", l),
	}
	for _, e := range lang.Words("fraction_ratio", l).Entries() {
		lx.ratio = append(lx.ratio, strings.Fields(e))
	}
	opt := func(name string) map[string]bool {
		if !lang.HasList(name, l) {
			return nil
		}
		return words(name, l)
	}
	lx.halfDet, lx.part, lx.every = opt("fraction_half_articles"), opt("fraction_part_nouns"), opt("fraction_every")
	if lang.HasList("fraction_part_ordinals", l) {
		lx.parts = lang.Values("fraction_part_ordinals", l)
	}
	if lang.HasList("fraction_every_ordinals", l) {
		lx.ords = lang.Values("fraction_every_ordinals", l)
	}
	return lx
}

// Words before a fraction noun that make it a part of a period or a
// sequence, not a share: "the first half", "the final third".
var notShareBefore = words("not_share_before", "en", "es", "fr", "de")

// Words before "half" that make it part of a number: "one and a half", "a half".
var notHalfBefore = words("not_half_before", "en")

// fracStarts holds, per language, the words a fraction may start with, so
// that most tokens are turned away with one look-up.
var fracStarts = func() map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for lang, lx := range fracLexes {
		m := map[string]bool{lx.half: true}
		for _, ws := range []map[string]bool{lx.halfDet, lx.every} {
			for w := range ws {
				m[w] = true
			}
		}
		for w := range lx.nums {
			m[w] = true
		}
		out[lang] = m
	}
	return out
}()

// fraction reads a fraction in words or a ratio that starts at token i.
func (f *finder) fraction(i int) (core, bool) {
	c := core{i: i, scale: 1, words: true, frac: true}
	t := f.tok(i)
	w := t.low
	switch t.kind {
	case kWord:
		if !f.fracStart[w] {
			return c, false
		}
	case kNum:
		// Only a ratio starts with digits: "1 in 10".
		if n := f.tok(i + 1); n.kind != kWord || len(n.low) > 4 {
			return c, false
		}
	default:
		return c, false
	}
	lx := f.fracLx
	if lx == nil {
		return c, false
	}
	// A number: "1 in 10", "one in four", "dos de cada tres", "Un Français sur quatre".
	num, isNum := f.fracNumber(lx, i)
	if isNum {
		if den, e, ok := f.ratioAfter(lx, i+1); ok && den > num {
			c.m, c.j = 100*num/den, e
			return c, true
		}
	}
	if t.kind != kWord {
		return c, false
	}
	// "la mitad", "die Hälfte", "half".
	if lx.half != "" {
		k := i
		if lx.halfDet[w] {
			k++
		}
		if f.word(k) == lx.half && (k == i || !f.tok(k).nl) && !notShareBefore[f.word(i-1)] && !notHalfBefore[f.word(i-1)] &&
			!f.hyphen(k+1) && !f.hyphen(i-1) {
			if f.shareEnds(lx, k+1, true) {
				c.m, c.j = 50, k+1
				return c, true
			}
		}
	}
	// "jeder Vierte".
	if lx.every[w] {
		if d, ok := lx.ords[f.word(i+1)]; ok {
			c.m, c.j = 100/d, i+2
			return c, true
		}
	}
	if !isNum {
		return c, false
	}
	// "a third", "two-thirds", "tres cuartos", "ein Drittel".
	k := i + 1
	if f.hyphen(k) && f.adjacent(k) && f.adjacent(k+1) {
		k++
	}
	if d, ok := lx.nouns[f.word(k)]; ok && !f.tok(k).nl && !notShareBefore[f.word(i-1)] &&
		(f.shareEnds(lx, k+1, false) || f.word(i-1) == "by" || f.word(i-1) == "en") {
		// "a quarter of a million" is a number; "a quarter of a century",
		// "un cuarto de hora" are measures, not shares.
		// (closed classes: the partitive preposition — "of", "de", French "d'un" — and the indefinite article or "one" of English, Spanish and Portuguese; function words, not a word list)
		if of := f.word(k + 1); of == "of" || of == "de" || of == "d'un" {
			p := k + 2
			if w := f.word(p); w == "a" || w == "an" || w == "one" || w == "un" || w == "una" || w == "um" || w == "uma" {
				p++
			}
			if nw, ok := enNumbers[f.word(p)]; ok && f.lang == "en" && (nw.kind == nScale || nw.kind == nHundred) {
				c.frac, c.words, c.scaled = false, true, true
				c.m, c.j = num/d*nw.v, p+1
				return c, true
			}
			if u, _ := f.unitWordAt(p, false); u != nil {
				return c, false
			}
		}
		c.m, c.j = 100*num/d, k+1
		return c, true
	}
	// "una cuarta parte", "dos terceras partes".
	if d, ok := lx.parts[f.word(k)]; ok && lx.part[f.word(k+1)] {
		c.m, c.j = 100*num/d, k+2
		return c, true
	}
	return c, false
}

// fracNumber reads a small numerator at token i: digits or a word.
func (f *finder) fracNumber(lx *fracLex, i int) (float64, bool) {
	t := f.tok(i)
	if t.kind == kNum {
		m, d, ok := parseNumber(t.low, f.lang)
		if !ok || d != 0 || m < 1 || m > 100 || f.adjacent(i) && f.tok(i-1).kind != kPunct {
			return 0, false
		}
		return m, true
	}
	v, ok := lx.nums[t.low]
	if !ok || (t.upper && !f.sentStart(i) && !f.titleLine(i)) {
		return 0, false
	}
	return v, true
}

// ratioAfter reads "in four", "out of 10", "de cada tres", "sur quatre" at
// token k; French allows a noun between: "un Français sur quatre".
func (f *finder) ratioAfter(lx *fracLex, k int) (den float64, end int, ok bool) {
	for skip := 0; skip <= 2; skip++ {
		if skip > 0 && f.lang != "fr" {
			break
		}
		if skip > 0 {
			if t := f.tok(k + skip - 1); t.kind != kWord || t.nl {
				break
			}
		}
	outer:
		for _, r := range lx.ratio {
			p := k + skip
			for _, w := range r {
				if f.word(p) != w || f.tok(p).nl {
					continue outer
				}
				p++
			}
			t := f.tok(p)
			if t.nl {
				continue
			}
			switch t.kind {
			case kNum:
				m, d, ok := parseNumber(t.low, f.lang)
				if !ok || d != 0 || m < 2 || (len(t.low) == 4 && m >= 1000 && m <= 2100) {
					continue
				}
				// "1 in 10,000" ends with the number; "1 in 10 homes" too.
				return m, p + 1, true
			case kWord:
				if v, ok := lx.nums[t.low]; ok && v >= 2 {
					return v, p + 1, true
				}
				// "one in a million", "one in a thousand".
				if v, ok := lx.nums[t.low]; ok && v == 1 && f.lang == "en" {
					if nw, ok := enNumbers[f.word(p+1)]; ok && (nw.kind == nScale || nw.kind == nHundred) {
						return nw.v, p + 2, true
					}
				}
			}
		}
	}
	return 0, k, false
}

// shareEnds reports whether a fraction noun ending before token k is a
// share: "of", a comparative or the end of a clause follows. half is set
// for "half", which may also come before a determiner ("half the staff").
func (f *finder) shareEnds(lx *fracLex, k int, half bool) bool {
	t := f.tok(k)
	if t.s < 0 || t.nl {
		return true
	}
	switch t.kind {
	case kPunct:
		return !isHyphen(t.low) && t.low != "/"
	case kWord:
		w := t.low
		if lx.after[w] || strings.HasPrefix(w, "d'") || strings.HasPrefix(w, "d’") {
			return true
		}
		// A share as the subject of a verb: "a fifth needed care".
		if f.lang == "en" && (enAux[w] || shareVerbs[w] || strings.HasSuffix(w, "ed") && !enAdjWords[w]) {
			return true
		}
		if half && f.lang == "en" && afterHalf[w] {
			return true
		}
		// "between a quarter and a third"
		// (closed class: the coordinator "and" and the range preposition "to" of the languages read; function words, not a word list)
		if (w == "and" || w == "to" || w == "y" || w == "a" || w == "et" || w == "und") && f.fracLexNext(lx, k+1) {
			return true
		}
	}
	return false
}

// Verbs after a fraction used as a subject ("a third said", "half will").
var shareVerbs = words("share_verbs", "en")

// fracLexNext reports whether a fraction starts at token k.
func (f *finder) fracLexNext(lx *fracLex, k int) bool {
	if _, ok := lx.nums[f.word(k)]; ok {
		_, ok2 := lx.nouns[f.word(k+1)]
		return ok2
	}
	return false
}
