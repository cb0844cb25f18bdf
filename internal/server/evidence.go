package server

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
)

// Evidence anchors. Every piece of evidence a page shows links to
// /articles/N#ev-START-END, where N is the article's record ID and
// [START, END) the byte span of its words in the article's text, located
// by locate. The article page finds the same spans in the same story
// report with the same function and gives each an element with that id,
// so the two always agree.

// articleNum reads a report's article ID ("a12") as the record ID.
func articleNum(id string) (int64, bool) {
	n, err := strconv.ParseInt(strings.TrimPrefix(id, "a"), 10, 64)
	return n, err == nil && n > 0 && strings.HasPrefix(id, "a")
}

// locate finds evidence in text: at its offsets when they hold its words,
// else at the first place the words occur. Spans never split a character.
func locate(text string, e parallax.Evidence) (start, end int, ok bool) {
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

// Evidence kinds, in the order their spans claim the article text: when
// two spans cross, the earlier kind keeps its exact extent (see markup).
var evidenceKinds = []string{"conflict", "quote", "fact", "exclusive", "hedge", "loaded", "opinion", "scare", "date", "digest"}

var kindLabels = map[string]string{
	"conflict":  "disputed",
	"quote":     "quote",
	"fact":      "reported by several outlets",
	"exclusive": "reported by one outlet only",
	"hedge":     "hedge",
	"loaded":    "loaded term",
	"opinion":   "opinion",
	"scare":     "scare quote",
	"date":      "timeline",
	"digest":    "digest",
}

// eachEvidence calls fn for every piece of evidence the story page links
// to, with its kind.
func eachEvidence(st *parallax.Story, fn func(kind string, e parallax.Evidence)) {
	for _, c := range st.Conflicts {
		for _, side := range c.Sides {
			for _, e := range side {
				fn("conflict", e)
			}
		}
	}
	for _, q := range st.Quotes {
		kind := "quote"
		if q.Scare {
			kind = "scare"
		}
		fn(kind, quoteEvidence(q))
	}
	for _, sp := range st.Speakers {
		for _, g := range sp.Quotes {
			for _, v := range g.Variants {
				fn("quote", v)
			}
		}
	}
	for i := range st.Facts {
		f := &st.Facts[i]
		kind := "fact"
		if f.Exclusive || len(f.Outlets) == 1 {
			kind = "exclusive"
		}
		for _, e := range f.Evidence {
			fn(kind, e)
		}
	}
	for _, fr := range st.Framing {
		for _, e := range fr.Hedges {
			fn("hedge", e)
		}
		for _, e := range fr.Loaded {
			fn("loaded", e)
		}
		for _, e := range fr.Opinion {
			fn("opinion", e)
		}
	}
	for _, t := range st.Timeline {
		for _, e := range t.Evidence {
			fn("date", e)
		}
	}
	for _, d := range st.Digest {
		for _, e := range d.Evidence {
			fn("digest", e)
		}
	}
}

func quoteEvidence(q parallax.StoryQuote) parallax.Evidence {
	return parallax.Evidence{Article: q.Article, Text: q.Text, Start: q.Start, End: q.End}
}

// evView is one piece of evidence as a page shows it: its words inside the
// rest of their sentence, and the link to them in the article.
type evView struct {
	Outlet string
	Before string
	Text   string
	After  string
	Href   string
}

// linker knows a story's articles: their texts, record IDs and outlets.
type linker struct {
	texts  map[string]string // "a12" → text
	outlet map[string]string // "a12" → outlet
	shared map[string]bool   // outlets with more than one article in the story
}

func newLinker(st *parallax.Story, all []parallax.ArticleInfo, recs []*parallax.Record) *linker {
	l := &linker{texts: map[string]string{}, outlet: map[string]string{}, shared: map[string]bool{}}
	for _, a := range all {
		if a.Outlet != "" {
			l.outlet[a.ID] = a.Outlet
		}
	}
	for _, r := range recs {
		id := "a" + strconv.FormatInt(r.ID, 10)
		l.texts[id] = r.Text
		if _, ok := l.outlet[id]; !ok && r.Outlet != "" {
			l.outlet[id] = r.Outlet
		}
	}
	if st != nil {
		count := map[string]int{}
		for _, a := range st.Articles {
			if a.Outlet != "" {
				l.outlet[a.ID] = a.Outlet
			}
			count[l.outletOf(a.ID)]++
		}
		for o, n := range count {
			if n > 1 {
				l.shared[o] = true
			}
		}
	}
	return l
}

// outletOf is the outlet of article id, or the ID when it is unknown.
func (l *linker) outletOf(id string) string {
	if o := l.outlet[id]; o != "" {
		return o
	}
	return id
}

// label names an article for a reader: its outlet, with the article ID
// when the outlet has several articles in the story.
func (l *linker) label(id string) string {
	o := l.outletOf(id)
	if l.shared[o] {
		return o + " (" + id + ")"
	}
	return o
}

// ev makes evidence ready to show: its sentence when the text is known,
// and its link.
func (l *linker) ev(e parallax.Evidence) evView {
	v := evView{Outlet: l.label(e.Article), Text: fold(e.Text)}
	n, ok := articleNum(e.Article)
	if !ok {
		return v
	}
	text, have := l.texts[e.Article]
	if !have {
		// No text at hand (the outlet pages): trust the offsets.
		if e.Start >= 0 && e.End > e.Start {
			v.Href = evidenceHref(n, e.Start, e.End)
		} else {
			v.Href = articleHref(n)
		}
		return v
	}
	start, end, ok := locate(text, e)
	if !ok {
		v.Href = articleHref(n)
		return v
	}
	before, after := sentenceAround(text, start, end)
	v.Before, v.Text, v.After = fold(before), fold(text[start:end]), fold(after)
	v.Href = evidenceHref(n, start, end)
	return v
}

func (l *linker) evs(list []parallax.Evidence) []evView {
	out := make([]evView, 0, len(list))
	for _, e := range list {
		out = append(out, l.ev(e))
	}
	return out
}

// fold turns every run of white space into one space, keeping a space at
// either end, so a sentence cut around a span still reads right.
func fold(s string) string {
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

// oneLine is fold without the spaces at the ends.
func oneLine(s string) string { return strings.TrimSpace(fold(s)) }

// sentenceAround returns what comes before [start, end) in its sentence
// and what comes after, looking at most a few hundred bytes either way.
func sentenceAround(text string, start, end int) (before, after string) {
	const limit = 300
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
