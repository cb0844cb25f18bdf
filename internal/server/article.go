package server

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/pipeline"
	"github.com/parallaxnews/parallax/internal/view"
)

type articlePage struct {
	base
	ID          int64
	Heading     string
	Outlet      string
	Author      string
	Published   string
	Language    string
	Source      string
	URL         string // http(s) only, else ""
	StoryID     int64
	StoryTitle  string
	DuplicateOf int64
	Pieces      []piece
	Evidence    int // spans that evidence links point to
	Quotes      []quoteRow
	Entities    []entityRow
}

type quoteRow struct {
	Text    string
	Speaker string
	Cue     string
	Scare   bool
}

type entityRow struct {
	Name     string
	Type     string
	Mentions int
}

func (s *Server) handleArticle(w http.ResponseWriter, r *http.Request) {
	id, err := parseID(r.PathValue("id"), "a", "article")
	if err != nil {
		s.error(w, r, err)
		return
	}
	rec, err := s.store.Article(r.Context(), id)
	if err != nil {
		s.error(w, r, err)
		return
	}
	a, err := pipeline.RecordAnalysis(rec)
	if err != nil {
		s.error(w, r, err)
		return
	}
	spans, title := s.evidenceSpans(r.Context(), rec)
	p := articlePage{
		ID:          rec.ID,
		Heading:     oneLine(rec.Title),
		Outlet:      rec.Outlet,
		Author:      oneLine(rec.Author),
		Published:   rec.PublishedDate(),
		Language:    rec.Language,
		Source:      publicSource(rec.Source),
		URL:         webURL(rec.URL),
		StoryID:     rec.StoryID,
		StoryTitle:  title,
		DuplicateOf: rec.DuplicateOf,
		Evidence:    len(spans),
	}
	if p.URL == "" {
		p.URL = webURL(rec.Source)
	}
	if p.Heading == "" {
		p.Heading = "Article a" + strconv.FormatInt(rec.ID, 10)
	}
	p.Pieces = markup(rec.Text, spans, analysisMarks(a))
	for _, q := range a.Quotes {
		p.Quotes = append(p.Quotes, quoteRow{Text: oneLine(q.Text), Speaker: q.Speaker, Cue: oneLine(q.Cue), Scare: q.Scare})
	}
	for _, e := range a.Entities {
		p.Entities = append(p.Entities, entityRow{Name: e.Name, Type: e.Type, Mentions: len(e.Mentions)})
	}
	p.base = s.base(r, p.Heading)
	s.render(w, r, http.StatusOK, "article", p)
}

// webURL returns s when it is an absolute http or https address, "" for
// anything else (javascript:, data:, relative paths), so that only web
// addresses ever become links.
func webURL(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.String()
	}
	return ""
}

// evSpan is a span of an article that evidence links point to.
type evSpan struct {
	start, end int
	kinds      map[string]bool
	rank       int // of its highest kind in evidenceKinds
}

// evidenceSpans finds every span of rec that its story's page links to,
// and the story's title.
func (s *Server) evidenceSpans(ctx context.Context, rec *parallax.Record) ([]*evSpan, string) {
	if rec.StoryID == 0 {
		return nil, ""
	}
	d, err := s.loadReport(ctx, rec.StoryID)
	if err != nil || d.st == nil {
		if err != nil {
			s.log.Warn("article page: story report", "article", rec.ID, "story", rec.StoryID, "err", err)
		}
		return nil, ""
	}
	return articleSpans(d.st, rec), oneLine(d.info.Title)
}

// articleSpans collects the located evidence spans of rec in st.
func articleSpans(st *parallax.Story, rec *parallax.Record) []*evSpan {
	aid := "a" + strconv.FormatInt(rec.ID, 10)
	rank := map[string]int{}
	for i, k := range evidenceKinds {
		rank[k] = i
	}
	byKey := map[[2]int]*evSpan{}
	var list []*evSpan
	eachEvidence(st, func(kind string, e parallax.Evidence) {
		if e.Article != aid {
			return
		}
		start, end, ok := view.Locate(rec.Text, e)
		if !ok {
			return
		}
		k := [2]int{start, end}
		sp := byKey[k]
		if sp == nil {
			sp = &evSpan{start: start, end: end, kinds: map[string]bool{}, rank: len(evidenceKinds)}
			byKey[k] = sp
			list = append(list, sp)
		}
		sp.kinds[kind] = true
		if rank[kind] < sp.rank {
			sp.rank = rank[kind]
		}
	})
	return list
}

// mark is a span of analysis to show inside the text: an entity mention,
// a quote, a number, a date.
type mark struct {
	start, end int
	class      string
	title      string
}

// analysisMarks lists what the analysis found, as marks.
func analysisMarks(a *parallax.Analysis) []mark {
	var ms []mark
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			ms = append(ms, mark{m.Start, m.End, "ent ent-" + cssWord(e.Type), e.Type + ": " + e.Name})
		}
	}
	for _, q := range a.Quotes {
		t := "quote"
		switch {
		case q.Scare:
			t = "scare quote"
		case q.Speaker != "":
			t = "quote · " + q.Speaker
		}
		ms = append(ms, mark{q.Span.Start, q.Span.End, "q", t})
	}
	for _, q := range a.Quantities {
		ms = append(ms, mark{q.Span.Start, q.Span.End, "num", "number"})
	}
	for _, d := range a.Dates {
		ms = append(ms, mark{d.Span.Start, d.Span.End, "date", "date: " + d.Date})
	}
	return ms
}

// cssWord keeps a class name to letters, so data never shapes markup.
func cssWord(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "misc"
	}
	return strings.ToLower(b.String())
}

// piece is one step of the marked-up text: an evidence element opening or
// closing, or a run of text with the analysis classes that cover it.
type piece struct {
	Open, Close bool
	ID          string
	Class       string
	Title       string
	Text        string
}

// element is an evidence element of the page: the span its id names, and
// the range it covers, which is wider only when it had to take in a
// crossing span (see markup).
type element struct {
	span       *evSpan
	start, end int
}

// markup turns text into pieces: one element per evidence span, id
// ev-START-END, and inside them runs of text carrying analysis classes.
//
// Elements must nest. Spans are placed in order of their kind (disputed
// words first, then quotes, facts, …); a span that crosses an element
// already placed is widened to take it in, and its exact words are then
// marked inside with the class "ev-exact". So every element holds all the
// words of its evidence, and most hold exactly them.
func markup(text string, spans []*evSpan, marks []mark) []piece {
	valid := func(s, e int) bool {
		return s >= 0 && s < e && e <= len(text) && utf8.RuneStart(text[s]) && (e == len(text) || utf8.RuneStart(text[e]))
	}
	order := append([]*evSpan(nil), spans...)
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].rank != order[j].rank {
			return order[i].rank < order[j].rank
		}
		if order[i].start != order[j].start {
			return order[i].start < order[j].start
		}
		return order[i].end > order[j].end
	})
	var els []*element
	for _, sp := range order {
		if !valid(sp.start, sp.end) {
			continue
		}
		lo, hi := sp.start, sp.end
		for changed := true; changed; {
			changed = false
			for _, e := range els {
				if crosses(lo, hi, e.start, e.end) {
					lo, hi = min(lo, e.start), max(hi, e.end)
					changed = true
				}
			}
		}
		els = append(els, &element{span: sp, start: lo, end: hi})
		if lo != sp.start || hi != sp.end {
			marks = append(marks, mark{sp.start, sp.end, "ev-exact", ""})
		}
	}
	// Outer elements first: by start, then the longest.
	sort.SliceStable(els, func(i, j int) bool {
		if els[i].start != els[j].start {
			return els[i].start < els[j].start
		}
		return els[i].end > els[j].end
	})

	var ms []mark
	for _, m := range marks {
		if valid(m.start, m.end) {
			ms = append(ms, m)
		}
	}
	cuts := []int{0, len(text)}
	for _, e := range els {
		cuts = append(cuts, e.start, e.end)
	}
	for _, m := range ms {
		cuts = append(cuts, m.start, m.end)
	}
	sort.Ints(cuts)

	var out []piece
	var stack []*element
	next := 0
	for i, at := range cuts {
		if i > 0 && at == cuts[i-1] {
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].end <= at {
			out = append(out, piece{Close: true})
			stack = stack[:len(stack)-1]
		}
		for next < len(els) && els[next].start == at {
			e := els[next]
			out = append(out, piece{Open: true, ID: evidenceID(e.span.start, e.span.end),
				Class: elementClass(e), Title: elementTitle(e.span)})
			stack = append(stack, e)
			next++
		}
		if at == len(text) {
			break
		}
		// The run up to the next cut.
		end := len(text)
		for _, c := range cuts[i+1:] {
			if c > at {
				end = c
				break
			}
		}
		var classes, titles []string
		for _, m := range ms {
			if m.start <= at && m.end >= end {
				if !contains(classes, m.class) {
					classes = append(classes, m.class)
				}
				if m.title != "" && !contains(titles, m.title) {
					titles = append(titles, m.title)
				}
			}
		}
		out = append(out, piece{Text: text[at:end], Class: strings.Join(classes, " "), Title: strings.Join(titles, " · ")})
	}
	for range stack {
		out = append(out, piece{Close: true})
	}
	return out
}

func crosses(a0, a1, b0, b1 int) bool {
	return (a0 < b0 && b0 < a1 && a1 < b1) || (b0 < a0 && a0 < b1 && b1 < a1)
}

func elementClass(e *element) string {
	cs := []string{"evidence"}
	for _, k := range evidenceKinds {
		if e.span.kinds[k] {
			cs = append(cs, "ev-"+k)
		}
	}
	if e.start != e.span.start || e.end != e.span.end {
		cs = append(cs, "evidence-wide")
	}
	return strings.Join(cs, " ")
}

func elementTitle(sp *evSpan) string {
	var ts []string
	for _, k := range evidenceKinds {
		if sp.kinds[k] {
			ts = append(ts, kindLabels[k])
		}
	}
	return strings.Join(ts, " · ")
}
