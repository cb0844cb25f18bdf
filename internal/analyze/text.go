package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
)

// token is a word, a number or a punctuation mark with its byte offsets.
// It is 40 bytes: an article's tokens are all kept while it is analysed.
type token struct {
	start, end int
	// low is the word in lower case (computed once: every rule looks at it).
	low string
	// poss is the byte offset where a possessive "'s" / "’s" begins, 0 when
	// none (an int32: the analysed text is at most MaxText bytes).
	poss int32
	kind tokKind
	// cap is true for a word that starts with an upper-case letter.
	cap bool
	// upper is true for an all-capitals word of two letters or more ("CECOT", "U.S.").
	upper bool
}

type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tPunct
)

func (t token) text(s string) string { return s[t.start:t.end] }

// word returns the token's text without a possessive ending.
func (t token) word(s string) string {
	if t.poss > 0 {
		return s[t.start:t.poss]
	}
	return s[t.start:t.end]
}

func (t token) wordEnd() int {
	if t.poss > 0 {
		return int(t.poss)
	}
	return t.end
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

// tokenize splits s[from:to] into tokens. Words keep inner apostrophes,
// hyphens and the dots of abbreviations ("U.S.", "Mar-a-Lago", "don’t").
func tokenize(s string, from, to int, out []token) []token {
	i := from
	for i < to {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			start := i
			allDigit := true
			letters, uppers := 0, 0
			j := i
			for j < to {
				r, n := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
					if unicode.IsLetter(r) {
						allDigit = false
						letters++
						if unicode.IsUpper(r) {
							uppers++
						}
					}
					j += n
					continue
				}
				// inner joiners: apostrophe, hyphen, dot (abbreviation), comma/dot in numbers
				if (isApos(r) || r == '-' || r == '.' || r == ',' || r == '‑') && j+n < to {
					r2, _ := utf8.DecodeRuneInString(s[j+n:])
					if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
						if r == ',' && !(allDigit && unicode.IsDigit(r2)) {
							break
						}
						if r == '.' && allDigit && !unicode.IsDigit(r2) {
							break
						}
						j += n
						continue
					}
				}
				// abbreviation dot: "U.S." keeps its final dot when letters are
				// single, and so does an initial ("Donald J. Trump")
				if r == '.' && !allDigit && runeLenLastSeg(s[start:j]) == 1 {
					if f, _ := utf8.DecodeRuneInString(s[start:]); unicode.IsUpper(f) || strings.Contains(s[start:j], ".") {
						j += n
					}
				}
				break
			}
			t := token{start: start, end: j, kind: tWord, low: s[start:j]}
			if uppers > 0 {
				t.low = strings.ToLower(t.low)
			}
			if allDigit {
				t.kind = tNum
			}
			first, _ := utf8.DecodeRuneInString(s[start:])
			t.cap = unicode.IsUpper(first)
			t.upper = letters >= 2 && uppers == letters
			// possessive
			w := s[start:j]
			if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'S") || strings.HasSuffix(w, "’S") {
				if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'S") {
					t.poss = int32(j - 2)
				} else {
					t.poss = int32(j - len("’s"))
				}
				if int(t.poss) == start {
					t.poss = 0
				}
			} else if strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "s’") {
				// plural possessive: "the Smiths’"
			}
			out = append(out, t)
			i = j
		default:
			out = append(out, token{start: i, end: i + n, kind: tPunct})
			i += n
		}
	}
	return out
}

// runeLenLastSeg is the number of runes after the last dot of w.
func runeLenLastSeg(w string) int {
	k := strings.LastIndexByte(w, '.')
	return utf8.RuneCountInString(w[k+1:])
}

// abbrev are the abbreviations whose full stop ends no sentence.
var abbrev = lang.Words("sentence_abbreviations")

// sentenceStarters are words that, capitalised after an abbreviation such
// as "U.S.", show that a new sentence began.
var sentenceStarters = lang.Words("sentence_starters")

// startsSentence: w is a sentence starter written with a capital and the
// rest in lower case ("The", not "THE" or "the").
func startsSentence(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && strings.ToLower(w[n:]) == w[n:] && sentenceStarters.Has(strings.ToLower(w))
}

const maxQuotedSentence = 600

// splitSentences returns the sentences of text. Lines always end sentences;
// inside a line a sentence ends after . ! ? (and any closing quotes) when
// the next word starts a sentence, except after an abbreviation or an
// initial, and not inside a short quotation.
func splitSentences(text string) []parallax.Sentence {
	var out []parallax.Sentence
	emit := func(a, b int) {
		// trim spaces and bullets
		for a < b {
			r, n := utf8.DecodeRuneInString(text[a:])
			if unicode.IsSpace(r) {
				a += n
				continue
			}
			break
		}
		for b > a {
			r, n := utf8.DecodeLastRuneInString(text[a:b])
			if unicode.IsSpace(r) {
				b -= n
				continue
			}
			break
		}
		if b > a {
			out = append(out, parallax.Sentence{Span: parallax.Span{Start: a, End: b}})
		}
	}
	lineStart := 0
	for lineStart <= len(text) {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		splitLine(text, lineStart, lineEnd, emit)
		lineStart = lineEnd + 1
	}
	return out
}

func isOpenQuote(r rune) bool { return r == '“' || r == '«' || r == '„' }
func isCloseQuote(r rune) bool {
	return r == '”' || r == '»' || r == '’' || r == '"' || r == '\'' || r == ')' || r == ']'
}

func splitLine(text string, a, b int, emit func(int, int)) {
	start := a
	inQuote := false
	quoteOpen := 0
	straight := 0
	for i := a; i < b; {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case isOpenQuote(r):
			inQuote, quoteOpen = true, i
		case r == '”' || r == '»':
			inQuote = false
		case r == '"':
			straight++
			if straight%2 == 1 {
				inQuote, quoteOpen = true, i
			} else {
				inQuote = false
			}
		}
		if r == '.' || r == '!' || r == '?' || r == '…' {
			j := i + n
			// absorb repeated marks and closing quotes/brackets
			closedQuote := false
			for j < b {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if r2 == '.' || r2 == '!' || r2 == '?' {
					j += n2
					continue
				}
				if isCloseQuote(r2) {
					if r2 == '”' || r2 == '»' || (r2 == '"' && inQuote) {
						closedQuote = true
					}
					j += n2
					continue
				}
				break
			}
			if closedQuote {
				inQuote = false
				if r := text[j-1]; r == '"' {
					straight++
				}
			}
			if j < b && !isBoundary(text, start, i, j, b) {
				i = j
				continue
			}
			if inQuote && i-quoteOpen < maxQuotedSentence && closesLater(text, i, b) {
				i = j
				continue
			}
			emit(start, j)
			start = j
			i = j
			continue
		}
		i += n
	}
	emit(start, b)
}

// closesLater reports whether a quotation open at i closes before the line ends.
func closesLater(text string, i, b int) bool {
	rest := text[i:b]
	return strings.ContainsAny(rest, "”»\"")
}

// isBoundary decides whether the mark at text[i] (ending at j) ends a sentence.
func isBoundary(text string, start, i, j, b int) bool {
	// next non-space
	k := j
	sawSpace := false
	for k < b {
		r, n := utf8.DecodeRuneInString(text[k:])
		if unicode.IsSpace(r) {
			sawSpace = true
			k += n
			continue
		}
		break
	}
	if k >= b {
		return true
	}
	if !sawSpace {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[k:])
	if !(unicode.IsUpper(next) || unicode.IsDigit(next) || isOpenQuote(next) || next == '"' || next == '\'' || next == '‘' || next == '(' || next == '-' || next == '—' || next == '¿' || next == '¡') {
		return false
	}
	if text[i] != '.' {
		return true
	}
	// the word before the dot
	w := i
	for w > start {
		r, n := utf8.DecodeLastRuneInString(text[start:w])
		if unicode.IsLetter(r) || r == '.' {
			w -= n
			continue
		}
		break
	}
	word := text[w:i]
	if spacedAbbreviation(text[start:i]) {
		return startsSentence(nextWord(text, k, b))
	}
	if word == "" {
		return true
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(r) {
			return false // an initial: "Donald J. Trump"
		}
	}
	lw := strings.ToLower(word)
	if abbrev.Has(lw) {
		return false
	}
	if strings.Contains(word, ".") {
		// U.S., D.C., a.m.: a sentence boundary only before a typical starter
		return startsSentence(nextWord(text, k, b))
	}
	return true
}

// nextWord is the letters from text[k] on, before b.
func nextWord(text string, k, b int) string {
	nw := k
	for nw < b {
		r, n := utf8.DecodeRuneInString(text[nw:])
		if !unicode.IsLetter(r) {
			break
		}
		nw += n
	}
	return text[k:nw]
}

// spacedAbbreviation: the dot that ends before follows a dotted
// abbreviation written token by token, as tokenised text spells "a.m."
// ("7 p . m . Friday"): one letter before it, and one letter before a dot
// before that.
func spacedAbbreviation(before string) bool {
	letter := func(s string) (string, bool) { // s less a final lone letter
		s = strings.TrimRight(s, " ")
		r, n := utf8.DecodeLastRuneInString(s)
		if !unicode.IsLetter(r) {
			return "", false
		}
		s = s[:len(s)-n]
		p, _ := utf8.DecodeLastRuneInString(s)
		return s, s == "" || !unicode.IsLetter(p) && p != '.'
	}
	rest, ok := letter(before)
	if !ok {
		return false
	}
	rest = strings.TrimRight(rest, " ")
	if !strings.HasSuffix(rest, ".") {
		return false
	}
	_, ok = letter(strings.TrimSuffix(rest, "."))
	return ok
}
