// Package textsearch is the full-text query syntax every library backend
// accepts, and the word folding a backend without a Unicode tokenizer of its
// own (PostgreSQL) indexes with.
//
// A query is words, "quoted phrases" and word* prefixes, all required. Words
// are runs of letters, digits and marks; every other character only
// separates words, so no input is a syntax error, and words joined by
// punctuation ("U.S.", "3.5", "don't") stay together as a phrase, as they
// stand in the text.
package textsearch

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/parallaxnews/parallax"
)

// Term is one required part of a query: a word, or a phrase of words in a
// row; with Prefix, its last word may be the start of a longer one.
type Term struct {
	Words  []string
	Prefix bool
}

// Parse splits what a user typed into terms. A query without a word is an
// EINVALID error.
func Parse(input string) ([]Term, error) {
	var terms []Term
	var words []string // of the current phrase
	var word strings.Builder
	inPhrase := false
	endWord := func() {
		if word.Len() > 0 {
			words = append(words, word.String())
			word.Reset()
		}
	}
	endTerm := func(prefix bool) {
		endWord()
		if len(words) > 0 {
			terms = append(terms, Term{Words: words, Prefix: prefix})
		}
		words = nil
	}
	for _, c := range input {
		switch {
		case IsWordRune(c):
			word.WriteRune(c)
		case c == '"':
			endTerm(false)
			inPhrase = !inPhrase
		case c == '*':
			// A prefix only right after a word, and for a phrase only at its end.
			if !inPhrase && word.Len() > 0 {
				endTerm(true)
			} else {
				endWord()
			}
		case unicode.IsSpace(c) && !inPhrase:
			endTerm(false)
		default:
			// Punctuation inside a word keeps its parts together as a phrase.
			endWord()
		}
	}
	endTerm(false)
	if len(terms) == 0 {
		return nil, parallax.Errorf(parallax.EINVALID, "nothing to search for in %q: give a word", input)
	}
	return terms, nil
}

// IsWordRune reports whether c belongs to a word: a letter, a digit, a mark
// or a private-use character (as SQLite's unicode61 tokenizer has it).
func IsWordRune(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsNumber(c) || unicode.Is(unicode.M, c) || unicode.Is(unicode.Co, c)
}

// Fold is a word as indexed: lower case, without diacritics ("Brücke" →
// "brucke"), so that case and accents do not decide a match.
func Fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(w)
	}
	var b strings.Builder
	for _, c := range norm.NFD.String(w) {
		if unicode.Is(unicode.Mn, c) {
			continue
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return norm.NFC.String(b.String())
}

// Word is one word of a text and where it lies.
type Word struct {
	Start, End int // byte offsets into the text
	Folded     string
}

// Words calls fn for each word of text in order, until fn returns false.
func Words(text string, fn func(w Word) bool) {
	start := -1
	for i, c := range text {
		if IsWordRune(c) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if !fn(Word{start, i, Fold(text[start:i])}) {
				return
			}
			start = -1
		}
	}
	if start >= 0 {
		fn(Word{start, len(text), Fold(text[start:])})
	}
}

// Folded is text as a backend indexes it: its words folded, one space
// apart, at most max bytes of them (0: all).
func Folded(text string, max int) string {
	var b strings.Builder
	Words(text, func(w Word) bool {
		if max > 0 && b.Len()+len(w.Folded)+1 > max {
			return false
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.Folded)
		return true
	})
	return b.String()
}

// Snippet returns about n words of text around the first word that starts
// a term of terms (folded), joined by an ellipsis to what it leaves out;
// the text's opening words when none matches.
func Snippet(text string, terms []Term, n int) string {
	var want []string
	var prefix []bool
	for _, t := range terms {
		for i, w := range t.Words {
			want = append(want, Fold(w))
			prefix = append(prefix, t.Prefix && i == len(t.Words)-1)
		}
	}
	var words []Word
	hit := -1
	Words(text, func(w Word) bool {
		words = append(words, w)
		if hit < 0 {
			for i, x := range want {
				if w.Folded == x || (prefix[i] && strings.HasPrefix(w.Folded, x)) {
					hit = len(words) - 1
					break
				}
			}
		}
		// enough words after the hit
		return hit < 0 || len(words) < hit+n
	})
	if len(words) == 0 {
		return ""
	}
	from := 0
	if hit >= 0 {
		from = max(0, hit-n/2)
	}
	to := min(len(words), from+n)
	s := text[words[from].Start:words[to-1].End]
	s = strings.Join(strings.Fields(s), " ")
	if from > 0 {
		s = "…" + s
	}
	if to < len(words) || words[to-1].End < len(strings.TrimRightFunc(text, unicode.IsSpace)) {
		s += "…"
	}
	return s
}
