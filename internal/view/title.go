package view

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
)

// A story's title is the best headline among its articles'. Extractors
// hand over page furniture as headlines ("Introduction", "Live updates")
// and metadata stamps leak into them ("date 2023-07-24 Seattle residents
// …"); a headline must carry a statement, so the rule is about shape, not
// a list of bad titles: too few words, or mostly digits, is not a headline.

// dateStamp is a leading metadata stamp: an ISO date, maybe labelled by
// a dateline cue of the language layer ("date", "published", "updated",
// "posted on") and maybe with a time.
var dateStamp = regexp.MustCompile(`^(?i)(?:(?:` + stampLabels() + `)(?:\s+on)?\s*:?\s*)?\d{4}-\d{2}(?:-\d{2})?(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\s*[-–—:|·]?\s*`)

// stampLabels is the English dateline cues as a regexp alternation.
func stampLabels() string {
	var alt []string
	for w := range lang.Pairs("dateline_cues", "en") {
		alt = append(alt, regexp.QuoteMeta(w))
	}
	sort.Strings(alt) // (a fixed pattern; the leftmost match backtracks to a longer label)
	return strings.Join(alt, "|")
}

// CleanTitle folds a headline's white space and drops a leading date stamp.
func CleanTitle(s string) string {
	s = OneLine(s)
	if loc := dateStamp.FindStringIndex(s); loc != nil {
		s = s[loc[1]:]
	}
	return s
}

// minHeadlineWords is the fewest words a headline states something in:
// a subject and a predicate, and one more, since two-word lines are
// section names ("Live updates", "Top stories") far more often than news.
const minHeadlineWords = 3

// IsJunkTitle reports whether s (cleaned) cannot serve as a story's title:
// empty, fewer than three words of two or more letters, or more digits
// than letters.
func IsJunkTitle(s string) bool {
	s = CleanTitle(s)
	words, letters, digits := 0, 0, 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' }) {
		n := 0
		for _, r := range w {
			switch {
			case unicode.IsLetter(r):
				n++
				letters++
			case unicode.IsDigit(r):
				digits++
			}
		}
		if n >= 2 {
			words++
		}
	}
	return words < minHeadlineWords || digits > letters
}

// Title is the story's title: the headline compare chose when it is a
// headline, else the article headline that shares most words with the
// others (the one most typical of the coverage), else the digest's first
// line, else whatever there is.
func Title(st *parallax.Story) string {
	if t := CleanTitle(st.Title); t != "" && !IsJunkTitle(t) {
		return t
	}
	var cands []string
	seen := map[string]bool{}
	for _, a := range st.Articles {
		t := CleanTitle(a.Title)
		if t == "" || IsJunkTitle(t) || seen[strings.ToLower(t)] {
			continue
		}
		seen[strings.ToLower(t)] = true
		cands = append(cands, t)
	}
	if len(cands) > 0 {
		words := make([]map[string]bool, len(cands))
		for i, c := range cands {
			words[i] = contentWords(c)
		}
		best, bestScore := 0, -1.0
		for i := range cands {
			score := 0.0
			for j := range cands {
				if i == j || len(words[i]) == 0 {
					continue
				}
				shared := 0
				for w := range words[i] {
					if words[j][w] {
						shared++
					}
				}
				score += float64(shared) / float64(len(words[i]))
			}
			if score > bestScore {
				best, bestScore = i, score
			}
		}
		return cands[best]
	}
	// No headline: the digest's first line says what the story is.
	if len(st.Digest) > 0 {
		if t := Clip(CleanTitle(st.Digest[0].Text), 100); !IsJunkTitle(t) {
			return t
		}
	}
	if t := CleanTitle(st.Title); t != "" {
		return t
	}
	for _, a := range st.Articles {
		if t := CleanTitle(a.Title); t != "" {
			return t
		}
	}
	return ""
}

// contentWords are a headline's words of four or more letters, folded:
// long enough to skip most function words in the languages we read.
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len([]rune(w)) >= 4 {
			out[w] = true
		}
	}
	return out
}
