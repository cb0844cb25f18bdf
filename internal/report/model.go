package report

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
)

// This file holds what every human-readable format shares: who an article
// is, and how a story's parts group into the sections people read.

// catalog knows every article a report mentions.
type catalog struct {
	info  map[string]parallax.ArticleInfo
	order []string // article IDs, report order: rep.Articles, then each story's
}

func newCatalog(rep *parallax.Report) *catalog {
	c := &catalog{info: map[string]parallax.ArticleInfo{}}
	add := func(a parallax.ArticleInfo) {
		if _, ok := c.info[a.ID]; ok {
			return
		}
		c.info[a.ID] = a
		c.order = append(c.order, a.ID)
	}
	for _, a := range rep.Articles {
		add(a)
	}
	for _, st := range rep.Stories {
		for _, a := range st.Articles {
			add(a)
		}
	}
	return c
}

// labeler names an article by its outlet, adding the article ID when one
// outlet has several articles in the story.
type labeler struct {
	cat     *catalog
	shared  map[string]bool // outlets with more than one article here
	outlets []string        // the story's outlets
}

func newLabeler(cat *catalog, st *parallax.Story) labeler {
	count := map[string]int{}
	for _, a := range st.Articles {
		count[outletOf(cat.info[a.ID], a.ID)]++
	}
	shared := map[string]bool{}
	for o, n := range count {
		if n > 1 {
			shared[o] = true
		}
	}
	l := labeler{cat: cat, shared: shared, outlets: st.Outlets}
	if len(l.outlets) == 0 {
		// The report names no outlets: take them from the articles.
		seen := map[string]bool{}
		for _, a := range st.Articles {
			if o := outletOf(cat.info[a.ID], a.ID); !seen[o] {
				seen[o] = true
				l.outlets = append(l.outlets, o)
			}
		}
	}
	return l
}

func outletOf(a parallax.ArticleInfo, id string) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	return id
}

// label is the name a reader sees for article id.
func (l labeler) label(id string) string {
	o := outletOf(l.cat.info[id], id)
	if l.shared[o] {
		return o + " (" + id + ")"
	}
	return o
}

// labels names the articles of evs, each once, in order.
func (l labeler) labels(evs []parallax.Evidence) []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range evs {
		s := l.label(e.Article)
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// labelsOf names a list of article IDs, each once, in order.
func (l labeler) labelsOf(ids []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, id := range ids {
		s := l.label(id)
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// factOutlets is the outlets that report a fact.
func (l labeler) factOutlets(f *parallax.Fact) []string { return f.ReportedBy(l.outlet) }

// outlet is the outlet of article id, or the ID when the outlet is unknown.
func (l labeler) outlet(id string) string { return outletOf(l.cat.info[id], id) }

// isExclusive is true for a fact only one outlet reports.
func (l labeler) isExclusive(f *parallax.Fact) bool {
	return f.Exclusive || len(l.factOutlets(f)) == 1
}

// exclusiveGroup is the facts only one outlet reports.
type exclusiveGroup struct {
	Outlet string
	Facts  []*parallax.Fact
}

// split separates shared facts from exclusives, the exclusives grouped by
// outlet in the order the outlets first appear.
func (l labeler) split(st *parallax.Story) (shared []*parallax.Fact, only []exclusiveGroup) {
	at := map[string]int{}
	for i := range st.Facts {
		f := &st.Facts[i]
		if !l.isExclusive(f) {
			shared = append(shared, f)
			continue
		}
		o := "unknown outlet"
		if os := l.factOutlets(f); len(os) > 0 {
			o = os[0]
		}
		k, ok := at[o]
		if !ok {
			k = len(only)
			at[o] = k
			only = append(only, exclusiveGroup{Outlet: o})
		}
		only[k].Facts = append(only[k].Facts, f)
	}
	return shared, only
}

// speakerGroups is what the story's speakers said. When the report groups
// no speakers, the quotes are grouped here, one statement per quote. Scare
// quotes and quotes nobody can be named for are returned apart.
func speakerGroups(st *parallax.Story) (named []parallax.Speaker, anonymous, scare []parallax.StoryQuote) {
	for _, q := range st.Quotes {
		switch {
		case q.Scare:
			scare = append(scare, q)
		case q.Speaker == "":
			anonymous = append(anonymous, q)
		}
	}
	if len(st.Speakers) > 0 {
		return st.Speakers, anonymous, scare
	}
	at := map[string]int{}
	for _, q := range st.Quotes {
		if q.Scare || q.Speaker == "" {
			continue
		}
		k, ok := at[q.Speaker]
		if !ok {
			k = len(named)
			at[q.Speaker] = k
			named = append(named, parallax.Speaker{Name: q.Speaker})
		}
		named[k].Quotes = append(named[k].Quotes, parallax.QuoteGroup{
			Text:     q.Text,
			Variants: []parallax.Evidence{{Article: q.Article, Text: q.Text, Start: q.Start, End: q.End}},
		})
	}
	return named, anonymous, scare
}

// storyDates is the publication dates of a story's articles, earliest first.
func storyDates(st *parallax.Story) (first, last string) {
	var ds []string
	for _, a := range st.Articles {
		if a.Published != "" {
			ds = append(ds, a.Published)
		}
	}
	if len(ds) == 0 {
		return "", ""
	}
	sort.Strings(ds)
	return ds[0], ds[len(ds)-1]
}

func dateRange(st *parallax.Story) string {
	first, last := storyDates(st)
	switch {
	case first == "":
		return ""
	case first == last:
		return first
	}
	return first + " – " + last
}

// percent formats a share in [0,1] as a whole percentage.
func percent(share float64) string {
	return fmt.Sprintf("%.0f%%", share*100)
}

// plural is "1 story", "2 stories".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// oneLine folds the white space of s, newlines included, into single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// clip shortens s to at most n runes, ending in an ellipsis when cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	cut := string(r[:n-1])
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

func evidenceTexts(evs []parallax.Evidence) []string {
	out := make([]string, 0, len(evs))
	for _, e := range evs {
		out = append(out, `“`+oneLine(e.Text)+`”`)
	}
	return out
}

// sentenceAround returns the text of the sentence that holds [start, end)
// in text, split around the span: what comes before it in the sentence and
// what comes after. It looks at most limit bytes either way.
func sentenceAround(text string, start, end, limit int) (before, after string) {
	lo := start
	for lo > 0 && start-lo < limit {
		c := text[lo-1]
		if c == '\n' {
			break
		}
		if lo >= 2 && (text[lo-1] == ' ' || text[lo-1] == '\t') && isSentenceEnd(text, lo-2) {
			break
		}
		lo--
	}
	for lo < start && (text[lo] == ' ' || text[lo] == '\t') {
		lo++
	}
	hi := end
	for hi < len(text) && hi-end < limit {
		c := text[hi]
		if c == '\n' {
			break
		}
		hi++
		if isSentenceEnd(text, hi-1) && (hi == len(text) || text[hi] == ' ' || text[hi] == '\n' || text[hi] == '\t') {
			break
		}
	}
	before, after = text[lo:start], text[end:hi]
	if start-lo >= limit {
		before = "…" + trimToRune(before, true)
	}
	if hi-end >= limit {
		after = trimToRune(after, false) + "…"
	}
	return before, after
}

// isSentenceEnd reports whether the byte at i closes a sentence: a full
// stop, question or exclamation mark, possibly followed by closing quotes.
func isSentenceEnd(text string, i int) bool {
	for i >= 0 {
		switch text[i] {
		case '.', '!', '?':
			return true
		case '"', '\'', ')':
			i--
			continue
		}
		// closing curly quotes end in 0x9d (”) or 0x99 (’) after 0xe2 0x80
		if i >= 2 && text[i-2] == 0xe2 && text[i-1] == 0x80 && (text[i] == 0x9d || text[i] == 0x99) {
			i -= 3
			continue
		}
		if i >= 1 && text[i-1] == 0xc2 && text[i] == 0xbb { // »
			i -= 2
			continue
		}
		return false
	}
	return false
}

// trimToRune drops a partial UTF-8 character at the cut end of s.
func trimToRune(s string, front bool) string {
	if front {
		for len(s) > 0 && !utf8.RuneStart(s[0]) {
			s = s[1:]
		}
		return s
	}
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if r != utf8.RuneError || size > 1 {
			break
		}
		s = s[:len(s)-1]
	}
	return s
}
