package stress

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
)

// expansion is an acronym spelled out before it in brackets: "the National
// Transportation Safety Board (NTSB)".
type expansion struct {
	acronym string
	key     string          // acronym and lower-case words: how two articles are matched
	span    parallax.Span   // the expansion's words
	full    parallax.Span   // the words through the closing bracket
	content []parallax.Span // the capitalised words, one per letter
}

var acronymRe = regexp.MustCompile(`\(\s?(\p{Lu}{2,8})\s?\)`)
var expWordRe = regexp.MustCompile(`[\p{L}&'’-]+`)

// connectors may sit between the words of an expansion without a letter of
// their own (function words of the languages read).
var connectors = lang.Words("acronym_connectors")

// expansions finds the acronyms of text whose letters are the initials of
// the capitalised words right before them.
func expansions(text string) []expansion {
	var out []expansion
	for _, m := range acronymRe.FindAllStringSubmatchIndex(text, -1) {
		acr := text[m[2]:m[3]]
		from := max(0, m[0]-200)
		before := text[from:m[0]]
		words := expWordRe.FindAllStringIndex(before, -1)
		k := len(acr) - 1
		var content []parallax.Span
		end := -1
		for w := len(words) - 1; w >= 0 && k >= 0; w-- {
			ws, we := words[w][0], words[w][1]
			gapEnd := len(before)
			if w+1 < len(words) {
				gapEnd = words[w+1][0]
			}
			if strings.TrimSpace(before[we:gapEnd]) != "" {
				break // punctuation between words: not one name
			}
			word := before[ws:we]
			if connectors.Has(word) {
				continue
			}
			r, _ := utf8.DecodeRuneInString(word)
			if !unicode.IsUpper(r) || unicode.ToUpper(r) != rune(acr[k]) {
				break
			}
			if end < 0 {
				end = from + we
			}
			content = append([]parallax.Span{{Start: from + ws, End: from + we}}, content...)
			k--
		}
		if k >= 0 || len(content) < 2 || end < 0 {
			continue
		}
		sp := parallax.Span{Start: content[0].Start, End: end}
		key := acr + "|" + strings.ToLower(strings.Join(strings.Fields(sp.Of(text)), " "))
		out = append(out, expansion{acronym: acr, key: key, span: sp, full: parallax.Span{Start: sp.Start, End: m[1]}, content: content})
	}
	return out
}

// acronyms: an acronym expanded in brackets that another outlet expands
// the same way; one content word of the expansion becomes another word of
// an organisation's name with the same initial, so the letters still fit
// ("Safety" → "Security").
func (sc *storyCtx) acronyms() []candidate {
	exps := make([][]expansion, len(sc.story.Articles))
	for i := range sc.story.Articles {
		exps[i] = expansions(sc.text(i))
	}
	var out []candidate
	for i := range sc.story.Articles {
		text := sc.text(i)
		for _, x := range exps[i] {
			var counter []Ref
			for _, j := range sc.others(i) {
				for _, y := range exps[j] {
					if y.key == x.key {
						counter = append(counter, sc.ref(j, y.full))
					}
				}
			}
			for k, w := range x.content {
				word := w.Of(text)
				have := strings.ToLower(x.span.Of(text))
				// the same expansion spelt out again in the article takes
				// the same word: the outlet expands the acronym one way
				var again []restatement
				for _, y := range exps[i] {
					if y.span != x.span && y.key == x.key && y.span.Of(text) == x.span.Of(text) && len(y.content) == len(x.content) {
						again = append(again, restatement{span: y.content[k], write: func(nw string) string { return nw }})
					}
				}
				out = append(out, candidate{art: i, span: w, counter: counter, again: again, rewrite: func(r *rand.Rand) string {
					return sc.otherWord(r, word, have)
				}})
			}
		}
	}
	return out
}

// otherWord draws a word of the pool with word's initial, not in have.
func (sc *storyCtx) otherWord(r *rand.Rand, word, have string) string {
	first, _ := utf8.DecodeRuneInString(word)
	var choices []string
	for _, w := range sc.pool {
		c, _ := utf8.DecodeRuneInString(w)
		if c == first && !strings.EqualFold(w, word) && !strings.Contains(have, strings.ToLower(w)) {
			choices = append(choices, w)
		}
	}
	return pick(r, choices)
}

// lawYears: a named law, act or treaty with its year ("the 1998 Act", "the
// Civil Rights Act of 1964") that another outlet dates the same way; the
// year moves by 1–10.
func (sc *storyCtx) lawYears() []candidate {
	laws := make([][]lawMention, len(sc.story.Articles))
	for i := range sc.story.Articles {
		if sc.lang(i) == "en" {
			laws[i] = lawMentions(sc.text(i))
		}
	}
	var out []candidate
	for i := range sc.story.Articles {
		for _, l := range laws[i] {
			var counter []Ref
			for _, j := range sc.others(i) {
				for _, l2 := range laws[j] {
					if l2.key == l.key && l2.year == l.year {
						counter = append(counter, sc.ref(j, l2.span))
					}
				}
			}
			year := l.year
			out = append(out, candidate{art: i, span: l.yearSpan, counter: counter, rewrite: func(r *rand.Rand) string {
				n := 1 + r.IntN(10)
				if r.IntN(2) == 0 {
					n = -n
				}
				return strconv.Itoa(year + n)
			}})
		}
	}
	return out
}

type lawMention struct {
	key      string // the law's name, lower case, without the year
	year     int
	span     parallax.Span
	yearSpan parallax.Span
}

var (
	lawOnce               sync.Once
	lawYearFirst, lawOfYr *regexp.Regexp
)

// lawPatterns are built from the language layer's list of law heads.
func lawPatterns() (*regexp.Regexp, *regexp.Regexp) {
	lawOnce.Do(func() {
		var heads []string
		for _, h := range lang.Words("law_heads", "en").Entries() {
			heads = append(heads, regexp.QuoteMeta(shapeLike(h, "Xx")))
		}
		alt := strings.Join(heads, "|")
		lawYearFirst = regexp.MustCompile(`\b((?:1[6-9]|20)\d\d)((?:\s+\p{Lu}[\p{L}'’-]*){0,5}?\s+(?:` + alt + `))\b`)
		lawOfYr = regexp.MustCompile(`((?:\p{Lu}[\p{L}'’-]*\s+){0,6}?(?:` + alt + `))\s+of\s+((?:1[6-9]|20)\d\d)\b`)
	})
	return lawYearFirst, lawOfYr
}

// lawMentions finds the dated laws of an English text.
func lawMentions(text string) []lawMention {
	first, of := lawPatterns()
	var out []lawMention
	for _, m := range first.FindAllStringSubmatchIndex(text, -1) {
		y, _ := strconv.Atoi(text[m[2]:m[3]])
		out = append(out, lawMention{key: lawKey(text[m[4]:m[5]]), year: y,
			span: parallax.Span{Start: m[0], End: m[1]}, yearSpan: parallax.Span{Start: m[2], End: m[3]}})
	}
	for _, m := range of.FindAllStringSubmatchIndex(text, -1) {
		y, _ := strconv.Atoi(text[m[4]:m[5]])
		out = append(out, lawMention{key: lawKey(text[m[2]:m[3]]), year: y,
			span: parallax.Span{Start: m[0], End: m[1]}, yearSpan: parallax.Span{Start: m[4], End: m[5]}})
	}
	return out
}

func lawKey(name string) string { return strings.ToLower(strings.Join(strings.Fields(name), " ")) }
