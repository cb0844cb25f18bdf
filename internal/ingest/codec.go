package ingest

import (
	"encoding/json"

	"github.com/parallaxnews/parallax"
)

// The stored analysis keeps every span, so a story's comparison can be
// recomputed from the library without analysing its articles again. The
// domain types leave spans out of their JSON (reports carry evidence
// instead); this is the library's own encoding of them.

type sp [2]int

func span(s parallax.Span) sp    { return sp{s.Start, s.End} }
func (s sp) span() parallax.Span { return parallax.Span{Start: s[0], End: s[1]} }

type storedAnalysis struct {
	Version    int              `json:"v"`
	Language   string           `json:"language"`
	Sentences  []storedSentence `json:"sentences"`
	Entities   []storedEntity   `json:"entities"`
	Quotes     []storedQuote    `json:"quotes"`
	Quantities []storedQuantity `json:"quantities"`
	Dates      []storedDate     `json:"dates"`
	Signals    []storedSignal   `json:"signals"`
}

type storedSentence struct {
	Span       sp   `json:"s"`
	Attributed bool `json:"a,omitempty"`
	Heading    bool `json:"h,omitempty"`
}

type storedEntity struct {
	parallax.Entity
	Mentions []sp `json:"mentions"`
}

type storedQuote struct {
	parallax.Quote
	Span    sp `json:"span"`
	CueSpan sp `json:"cue_span"`
}

type storedQuantity struct {
	parallax.Quantity
	Span sp `json:"span"`
}

type storedDate struct {
	parallax.DateMention
	Span sp `json:"span"`
}

type storedSignal struct {
	parallax.Signal
	Span sp `json:"span"`
}

const codecVersion = 1

func encodeAnalysis(a *parallax.Analysis) ([]byte, error) {
	s := storedAnalysis{Version: codecVersion, Language: a.Language}
	for _, x := range a.Sentences {
		s.Sentences = append(s.Sentences, storedSentence{span(x.Span), x.Attributed, x.Heading})
	}
	for _, e := range a.Entities {
		se := storedEntity{Entity: e}
		for _, m := range e.Mentions {
			se.Mentions = append(se.Mentions, span(m))
		}
		s.Entities = append(s.Entities, se)
	}
	for _, q := range a.Quotes {
		s.Quotes = append(s.Quotes, storedQuote{q, span(q.Span), span(q.CueSpan)})
	}
	for _, q := range a.Quantities {
		s.Quantities = append(s.Quantities, storedQuantity{q, span(q.Span)})
	}
	for _, d := range a.Dates {
		s.Dates = append(s.Dates, storedDate{d, span(d.Span)})
	}
	for _, g := range a.Signals {
		s.Signals = append(s.Signals, storedSignal{g, span(g.Span)})
	}
	return json.Marshal(s)
}

// decodeAnalysis restores an analysis of art; ok is false when b is not one
// this version wrote (the caller then analyses the article again).
func decodeAnalysis(b []byte, art *parallax.Article) (*parallax.Analysis, bool) {
	var s storedAnalysis
	if len(b) == 0 || json.Unmarshal(b, &s) != nil || s.Version != codecVersion {
		return nil, false
	}
	a := &parallax.Analysis{Article: art, Language: s.Language}
	valid := func(x sp) bool { return x[0] >= 0 && x[0] <= x[1] && x[1] <= len(art.Text) }
	for _, x := range s.Sentences {
		if !valid(x.Span) {
			return nil, false
		}
		a.Sentences = append(a.Sentences, parallax.Sentence{Span: x.Span.span(), Attributed: x.Attributed, Heading: x.Heading})
	}
	for _, e := range s.Entities {
		ent := e.Entity
		ent.Mentions = nil
		for _, m := range e.Mentions {
			if !valid(m) {
				return nil, false
			}
			ent.Mentions = append(ent.Mentions, m.span())
		}
		a.Entities = append(a.Entities, ent)
	}
	for _, q := range s.Quotes {
		if !valid(q.Span) || !valid(q.CueSpan) {
			return nil, false
		}
		x := q.Quote
		x.Span, x.CueSpan = q.Span.span(), q.CueSpan.span()
		a.Quotes = append(a.Quotes, x)
	}
	for _, q := range s.Quantities {
		if !valid(q.Span) {
			return nil, false
		}
		x := q.Quantity
		x.Span = q.Span.span()
		a.Quantities = append(a.Quantities, x)
	}
	for _, d := range s.Dates {
		if !valid(d.Span) {
			return nil, false
		}
		x := d.DateMention
		x.Span = d.Span.span()
		a.Dates = append(a.Dates, x)
	}
	for _, g := range s.Signals {
		if !valid(g.Span) {
			return nil, false
		}
		x := g.Signal
		x.Span = g.Span.span()
		a.Signals = append(a.Signals, x)
	}
	return a, true
}
