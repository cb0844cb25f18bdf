package view

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
)

// The small text helpers every renderer needs: folding white space,
// clipping, and finding evidence inside its article with the rest of its
// sentence.

// Fold turns every run of white space into one space, keeping a space at
// either end, so a sentence cut around a span still reads right.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// OneLine folds the white space of s, newlines included, into single
// spaces, with none at the ends.
func OneLine(s string) string { return strings.TrimSpace(Fold(s)) }

// Clip shortens s to at most n runes, cutting at a space when one is near
// the end, and ending in an ellipsis when cut.
func Clip(s string, n int) string {
	if n < 2 || utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	cut := string(r[:n-1])
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// Locate finds evidence in text: at its offsets when they hold its words,
// else at the first place the words occur. Spans never split a character.
func Locate(text string, e parallax.Evidence) (start, end int, ok bool) {
	valid := func(s, t int) bool {
		return s >= 0 && s < t && t <= len(text) && utf8.RuneStart(text[s]) && (t == len(text) || utf8.RuneStart(text[t]))
	}
	if valid(e.Start, e.End) && (e.Text == "" || text[e.Start:e.End] == e.Text) {
		return e.Start, e.End, true
	}
	if e.Text == "" {
		return 0, 0, false
	}
	if i := strings.Index(text, e.Text); i >= 0 && valid(i, i+len(e.Text)) {
		return i, i + len(e.Text), true
	}
	return 0, 0, false
}

// SentenceAround returns what comes before [start, end) in its sentence
// and what comes after, looking at most limit bytes either way; a side cut
// short starts or ends with an ellipsis. A span that ends its sentence has
// nothing after it.
func SentenceAround(text string, start, end, limit int) (before, after string) {
	lo := start
	for lo > 0 && start-lo < limit {
		c := text[lo-1]
		if c == '\n' || ((c == ' ' || c == '\t') && endsSentence(text[:lo-1])) {
			break
		}
		lo--
	}
	hi := end
	if !endsSentence(text[:end]) {
		for hi < len(text) && hi-end < limit {
			if text[hi] == '\n' {
				break
			}
			hi++
			if endsSentence(text[:hi]) && (hi == len(text) || text[hi] == ' ' || text[hi] == '\n' || text[hi] == '\t') {
				break
			}
		}
	}
	for lo < start && !utf8.RuneStart(text[lo]) {
		lo++
	}
	for hi > end && hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi--
	}
	for lo < start && (text[lo] == ' ' || text[lo] == '\t') {
		lo++
	}
	before, after = text[lo:start], text[end:hi]
	if lo > 0 && start-lo >= limit {
		before = "…" + before
	}
	if hi < len(text) && hi-end >= limit {
		after += "…"
	}
	return before, after
}

// endsSentence reports whether s ends a sentence: a full stop, question
// or exclamation mark, maybe followed by closing quotes or a bracket.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"')’”»")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// Plural is "1 story", "2 stories".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
