package dates

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tWord  = iota + 1 // a run of letters
	tNum              // a run of ASCII digits
	tPunct            // any other single non-space rune
)

// tok is one token of the text. The matchers work on tokens rather than on
// bytes so that "April  14" and "April 14" look alike, yet every token keeps
// its byte offsets so spans stay exact.
type tok struct {
	start, end int
	kind       uint8
	sp         bool // whitespace between this token and the previous one
	nl         bool // a line break between this token and the previous one
	upper      bool // a word whose first letter is upper case
	r          rune // the rune of a tPunct token
	num        int  // value of a tNum token (capped), see nd
	nd         int  // number of digits of a tNum token
	w          word // dictionary entry of a tWord token, zero when none
}

// lex splits text into tokens and looks every word up in the dictionary,
// keeping only the entries allowed for langs. One pass, one allocation for the
// slice: Find runs on every article, so this is the hot path.
func lex(text string, langs uint8, toks []tok) []tok {
	var buf [24]byte
	sp, nl := false, false
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			sp = true
			i++
			continue
		case c == '\n':
			sp, nl = true, true
			i++
			continue
		case c >= '0' && c <= '9':
			j := i
			n := 0
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				if n < 1e6 {
					n = n*10 + int(text[j]-'0')
				}
				j++
			}
			toks = append(toks, tok{start: i, end: j, kind: tNum, sp: sp, nl: nl, num: n, nd: j - i})
			sp, nl = false, false
			i = j
			continue
		case c < utf8.RuneSelf:
			if isASCIILetter(c) {
				break
			}
			toks = append(toks, tok{start: i, end: i + 1, kind: tPunct, sp: sp, nl: nl, r: rune(c)})
			sp, nl = false, false
			i++
			continue
		}
		// A word, or a non-ASCII rune.
		r, size := utf8.DecodeRuneInString(text[i:])
		if c >= utf8.RuneSelf && !unicode.IsLetter(r) {
			if unicode.IsSpace(r) {
				sp = true
				if r == '\u2028' || r == '\u2029' || r == '\u0085' {
					nl = true
				}
			} else {
				toks = append(toks, tok{start: i, end: i + size, kind: tPunct, sp: sp, nl: nl, r: r})
				sp, nl = false, false
			}
			i += size
			continue
		}
		j := i
		n := 0 // bytes of lower-cased word in buf; -1 once too long to matter
		upper := false
		for j < len(text) {
			b := text[j]
			if b < utf8.RuneSelf {
				if !isASCIILetter(b) {
					break
				}
				if j == i {
					upper = b >= 'A' && b <= 'Z'
				}
				if n >= 0 {
					if n < len(buf) {
						buf[n] = b | 0x20
						n++
					} else {
						n = -1
					}
				}
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) {
				break
			}
			if j == i {
				upper = unicode.IsUpper(r)
			}
			if n >= 0 {
				lr := unicode.ToLower(r)
				if n+utf8.RuneLen(lr) <= len(buf) {
					n += utf8.EncodeRune(buf[n:], lr)
				} else {
					n = -1
				}
			}
			j += size
		}
		t := tok{start: i, end: j, kind: tWord, sp: sp, nl: nl, upper: upper}
		if n > 0 {
			if w, ok := dict[string(buf[:n])]; ok && w.lang&langs != 0 {
				t.w = w
			}
		}
		toks = append(toks, t)
		sp, nl = false, false
		i = j
	}
	return toks
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }
