package quantity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	kWord  = iota + 1 // letters, with inner apostrophes and dotted abbreviations ("U.S.", "a.m.")
	kNum              // ASCII digits with separators ("84,000", "1.5", "6 000")
	kPunct            // any other single character
)

// token is one word, number or mark of the text. Spans are byte offsets into
// the original text.
type token struct {
	s, e  int
	kind  uint8
	sp    bool   // white space (or the start of the text) comes before it
	nl    bool   // a line break (or the start of the text) comes before it
	upper bool   // a word that starts with an upper-case letter
	low   string // a word in lower case; the raw text otherwise
}

// tokenize splits text into tokens, appending to toks. spaceGroups lets a
// plain space separate thousands ("2 300"), as French and Polish write them.
func tokenize(text string, toks []token, spaceGroups bool) []token {
	lowered, aligned := lowerAligned(text)
	sp, nl := true, true
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t':
				sp = true
				i++
				continue
			case c == '\n' || c == '\r' || c == '\v' || c == '\f':
				sp, nl = true, true
				i++
				continue
			case c >= '0' && c <= '9':
				j := scanNumber(text, i, spaceGroups)
				toks = append(toks, token{s: i, e: j, kind: kNum, sp: sp, nl: nl, low: text[i:j]})
				sp, nl = false, false
				i = j
				continue
			case c|0x20 >= 'a' && c|0x20 <= 'z':
				toks = appendWord(text, lowered, aligned, i, toks, sp, nl)
				sp, nl = false, false
				i = toks[len(toks)-1].e
				continue
			default:
				toks = append(toks, token{s: i, e: i + 1, kind: kPunct, sp: sp, nl: nl, low: text[i : i+1]})
				sp, nl = false, false
				i++
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			toks = append(toks, token{s: i, e: i + 1, kind: kPunct, sp: sp, nl: nl, low: text[i : i+1]})
			sp, nl = false, false
			i++
		case unicode.IsSpace(r) || r == 0x200B || r == 0xFEFF || r == 0x2060:
			if r == 0x2028 || r == 0x2029 || r == 0x85 {
				nl = true
			}
			sp = true
			i += size
		case unicode.IsLetter(r):
			toks = appendWord(text, lowered, aligned, i, toks, sp, nl)
			sp, nl = false, false
			i = toks[len(toks)-1].e
		default:
			toks = append(toks, token{s: i, e: i + size, kind: kPunct, sp: sp, nl: nl, low: text[i : i+size]})
			sp, nl = false, false
			i += size
		}
	}
	return toks
}

// appendWord scans the word that starts at i.
func appendWord(text, lowered string, aligned bool, i int, toks []token, sp, nl bool) []token {
	var upper bool
	if c := text[i]; c < utf8.RuneSelf {
		upper = c >= 'A' && c <= 'Z'
	} else {
		r, _ := utf8.DecodeRuneInString(text[i:])
		upper = unicode.IsUpper(r)
	}
	j := i
	seg := 0 // letters in the current dot-separated segment
	dotted := false
	for j < len(text) {
		c := text[j]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			seg++
			j++
			continue
		}
		if c < utf8.RuneSelf {
			if c == '\'' && isLetterAt(text, j+1) {
				seg = 0
				j++
				continue
			}
			if c == '.' && seg == 1 && j+2 < len(text) && asciiLetter(text[j+1]) && text[j+2] == '.' {
				dotted = true
				j += 2
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if r == '’' && isLetterAt(text, j+size) {
			seg = 0
			j += size
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			break
		}
		seg++
		j += size
	}
	if dotted && j < len(text) && text[j] == '.' {
		j++
	}
	if j == i { // cannot happen for a letter, but never loop forever
		j = i + 1
	}
	var w string
	if aligned {
		w = lowered[i:j]
	} else {
		w = strings.ToLower(text[i:j])
	}
	return append(toks, token{s: i, e: j, kind: kWord, sp: sp, nl: nl, upper: upper, low: w})
}

// lowerAligned lower-cases text when every character keeps its length in
// bytes, so that offsets into text are offsets into the result too.
func lowerAligned(text string) (string, bool) {
	var b strings.Builder
	b.Grow(len(text))
	run := 0 // start of the run of bytes copied unchanged
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				b.WriteString(text[run:i])
				b.WriteByte(c + 'a' - 'A')
				run = i + 1
			}
			i++
			continue
		}
		b.WriteString(text[run:i])
		run = i
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size <= 1 {
			i++
			continue
		}
		l := unicode.ToLower(r)
		if l != r {
			if utf8.RuneLen(l) != size {
				return "", false
			}
			b.WriteRune(l)
			run = i + size
		}
		i += size
	}
	b.WriteString(text[run:])
	return b.String(), true
}

func asciiLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isLetterAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	if text[i] < utf8.RuneSelf {
		return asciiLetter(text[i])
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// scanNumber scans digits with "." and "," separators, and thin or
// non-breaking spaces used as thousands separators.
func scanNumber(text string, i int, spaceGroups bool) int {
	j := i
	for j < len(text) && isDigit(text[j]) {
		j++
	}
	for j < len(text) {
		c := text[j]
		if (c == '.' || c == ',') && j+1 < len(text) && isDigit(text[j+1]) {
			j++
			for j < len(text) && isDigit(text[j]) {
				j++
			}
			continue
		}
		n := groupSpace(text, j)
		if n == 0 && spaceGroups && c == ' ' {
			n = 1
		}
		if n > 0 {
			k := j + n
			d := 0
			for k+d < len(text) && isDigit(text[k+d]) {
				d++
			}
			if d == 3 {
				j = k + 3
				continue
			}
		}
		break
	}
	return j
}

// groupSpace returns the length of a space that may separate thousands at
// text[j:], or 0: NBSP, narrow NBSP, thin space, figure space.
func groupSpace(text string, j int) int {
	if j+1 < len(text) && text[j] == 0xC2 && text[j+1] == 0xA0 {
		return 2
	}
	if j+2 < len(text) && text[j] == 0xE2 && text[j+1] == 0x80 &&
		(text[j+2] == 0xAF || text[j+2] == 0x89 || text[j+2] == 0x87) {
		return 3
	}
	return 0
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
	1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// spaceGroups reports whether lang separates thousands with a plain space.
func spaceGrouped(lang string) bool {
	switch lang {
	case "fr", "pl", "ru", "uk", "sv", "nb", "no", "nn", "fi", "cs", "sk", "hu", "bg", "et", "lv", "lt":
		return true
	}
	return false
}

// decimalComma reports whether lang writes 6,5 for six and a half.
func decimalComma(lang string) bool {
	switch lang {
	case "en", "", "zh", "ja", "ko", "he", "th", "hi", "ms", "fil", "tl", "ga", "cy":
		return false
	}
	return true
}

// parseNumber reads a number token: m is its digits as an integer and d the
// number of decimals, so the value is m / 10^d. ok is false for things that
// are not amounts: "17.04.2025", "1.2.3", "007".
func parseNumber(raw, lang string) (m float64, d int, ok bool) {
	var groups [8]int // digits per group
	var seps [8]byte  // separator before groups[i+1]: '.', ',' or ' '
	n := 0
	digits := 0
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case isDigit(c):
			groups[n]++
			digits++
			m = m*10 + float64(c-'0')
			i++
		default:
			if n+1 >= len(groups) {
				return 0, 0, false
			}
			s := c
			if c != '.' && c != ',' {
				s = ' '
				if g := groupSpace(raw, i); g > 0 {
					i += g
				} else {
					i++
				}
			} else {
				i++
			}
			seps[n] = s
			n++
		}
	}
	if digits > 15 {
		return 0, 0, false
	}
	ns := n // number of separators
	if ns == 0 {
		if groups[0] > 1 && raw[0] == '0' {
			return 0, 0, false
		}
		return m, 0, true
	}
	dec := -1 // index of the decimal separator in seps
	last := seps[ns-1]
	countLast := 0
	mixed := false
	for k := 0; k < ns; k++ {
		if seps[k] == last {
			countLast++
		} else {
			mixed = true
		}
	}
	switch {
	case ns == 1 && last != ' ':
		switch {
		case groups[1] != 3 || (groups[0] == 1 && raw[0] == '0'):
			dec = 0
		case last == '.' && !decimalComma(lang):
			dec = 0
		}
	case mixed:
		if countLast != 1 || last == ' ' {
			return 0, 0, false
		}
		dec = ns - 1
		for k := 0; k < ns-1; k++ {
			if seps[k] == last {
				return 0, 0, false
			}
		}
	}
	// Every thousands group has three digits; the first has one to three.
	end := ns
	if dec >= 0 {
		end = dec
	}
	if end > 0 {
		if groups[0] > 3 || (raw[0] == '0') {
			return 0, 0, false
		}
		for k := 1; k <= end; k++ {
			if groups[k] != 3 {
				return 0, 0, false
			}
		}
	}
	if dec >= 0 {
		d = groups[dec+1]
		if dec == 0 && groups[0] > 1 && raw[0] == '0' {
			return 0, 0, false
		}
	}
	return m, d, true
}
