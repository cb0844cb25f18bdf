package pipeline

import (
	"encoding/json"
	"fmt"

	"github.com/parallaxnews/parallax"
)

// The one JSON form of an article's analysis: what the library stores, what
// the API serves under an article's "analysis" and what `export articles`
// writes. It keeps every span, so a story's comparison can be recomputed
// from the library without analysing its articles again, and each entity
// mention carries its words, which decoding checks against the article.
//
// The wire types embed the domain types, so a field added to one (with its
// JSON tag) is stored, served and exported without touching this file; only
// the spans, which the domain types leave out of their JSON (reports carry
// evidence instead), are spelled out here.

// CodecVersion is the version AnalysisJSON.Version holds. A stored analysis
// of another version is an error naming its article, never a silent
// re-analysis: `parallax reanalyze` brings a library up to date.
const CodecVersion = 2

// AnalysisJSON is an analysis on the wire.
type AnalysisJSON struct {
	Version    int            `json:"v"`
	Language   string         `json:"language"`
	Sentences  []SentenceJSON `json:"sentences"`
	Entities   []EntityJSON   `json:"entities"`
	Quotes     []QuoteJSON    `json:"quotes"`
	Quantities []QuantityJSON `json:"quantities"`
	Dates      []DateJSON     `json:"dates"`
	Signals    []SignalJSON   `json:"signals"`
	Unanalysed int            `json:"unanalysed,omitempty"` // bytes at the text's end not analysed
}

// SpanJSON is a mention: a span and the words it covers.
type SpanJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// SentenceJSON is a sentence with its span.
type SentenceJSON struct {
	parallax.Sentence
	Start int `json:"start"`
	End   int `json:"end"`
}

// EntityJSON is an entity with its mentions; empty lists are [] not null.
type EntityJSON struct {
	parallax.Entity
	Aliases  []string   `json:"aliases"`
	Roles    []string   `json:"roles"`
	Mentions []SpanJSON `json:"mentions"`
}

// QuoteJSON is a quote with its span and its cue's; an unknown speaker is null.
type QuoteJSON struct {
	parallax.Quote
	Speaker  *string `json:"speaker"`
	Scare    bool    `json:"scare"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	CueStart int     `json:"cue_start,omitempty"`
	CueEnd   int     `json:"cue_end,omitempty"`
}

// QuantityJSON is a quantity with its span.
type QuantityJSON struct {
	parallax.Quantity
	Start int `json:"start"`
	End   int `json:"end"`
}

// DateJSON is a date mention with its span.
type DateJSON struct {
	parallax.DateMention
	Start int `json:"start"`
	End   int `json:"end"`
}

// SignalJSON is a framing signal with its span.
type SignalJSON struct {
	parallax.Signal
	Start int `json:"start"`
	End   int `json:"end"`
}

// ToJSON returns a's wire form. Lists are never nil, so they encode as [].
func ToJSON(a *parallax.Analysis) *AnalysisJSON {
	text := ""
	if a.Article != nil {
		text = a.Article.Text
	}
	j := &AnalysisJSON{Version: CodecVersion, Language: a.Language, Unanalysed: a.Unanalysed,
		Sentences: make([]SentenceJSON, 0, len(a.Sentences)), Entities: make([]EntityJSON, 0, len(a.Entities)),
		Quotes: make([]QuoteJSON, 0, len(a.Quotes)), Quantities: make([]QuantityJSON, 0, len(a.Quantities)),
		Dates: make([]DateJSON, 0, len(a.Dates)), Signals: make([]SignalJSON, 0, len(a.Signals))}
	for _, s := range a.Sentences {
		j.Sentences = append(j.Sentences, SentenceJSON{Sentence: s, Start: s.Span.Start, End: s.Span.End})
	}
	for _, e := range a.Entities {
		je := EntityJSON{Entity: e, Aliases: nonNil(e.Aliases), Roles: nonNil(e.Roles), Mentions: make([]SpanJSON, 0, len(e.Mentions))}
		for _, m := range e.Mentions {
			je.Mentions = append(je.Mentions, SpanJSON{Start: m.Start, End: m.End, Text: m.Of(text)})
		}
		j.Entities = append(j.Entities, je)
	}
	for _, q := range a.Quotes {
		jq := QuoteJSON{Quote: q, Scare: q.Scare, Start: q.Span.Start, End: q.Span.End, CueStart: q.CueSpan.Start, CueEnd: q.CueSpan.End}
		if q.Speaker != "" {
			s := q.Speaker
			jq.Speaker = &s
		}
		j.Quotes = append(j.Quotes, jq)
	}
	for _, q := range a.Quantities {
		j.Quantities = append(j.Quantities, QuantityJSON{Quantity: q, Start: q.Span.Start, End: q.Span.End})
	}
	for _, d := range a.Dates {
		j.Dates = append(j.Dates, DateJSON{DateMention: d, Start: d.Span.Start, End: d.Span.End})
	}
	for _, g := range a.Signals {
		j.Signals = append(j.Signals, SignalJSON{Signal: g, Start: g.Span.Start, End: g.Span.End})
	}
	return j
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func orNil(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// EncodeAnalysis is a's stored form.
func EncodeAnalysis(a *parallax.Analysis) ([]byte, error) {
	return json.Marshal(ToJSON(a))
}

// DecodeAnalysis restores the analysis of art from its stored form. Anything
// but an analysis of this version whose every span lies in art's text (and
// whose mentions' words are the text's) is an error naming the article.
func DecodeAnalysis(b []byte, art *parallax.Article) (*parallax.Analysis, error) {
	name := art.ID
	if name == "" {
		name = art.Source
	}
	if len(b) == 0 {
		return nil, parallax.Errorf(parallax.EINTERNAL, "article %s has no stored analysis: run parallax reanalyze", name)
	}
	var j AnalysisJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return nil, parallax.Errorf(parallax.EINTERNAL, "article %s: stored analysis is not valid: %v", name, err)
	}
	if j.Version != CodecVersion {
		return nil, parallax.Errorf(parallax.EINTERNAL, "article %s: stored analysis has format %d, this parallax reads %d: run parallax reanalyze", name, j.Version, CodecVersion)
	}
	a, err := fromJSON(&j, art)
	if err != nil {
		return nil, parallax.Errorf(parallax.EINTERNAL, "article %s: stored analysis: %v", name, err)
	}
	return a, nil
}

// fromJSON turns a wire form back into an analysis of art, checking its spans.
func fromJSON(j *AnalysisJSON, art *parallax.Article) (*parallax.Analysis, error) {
	n := len(art.Text)
	span := func(what string, start, end int) (parallax.Span, error) {
		if start < 0 || start > end || end > n {
			return parallax.Span{}, fmt.Errorf("%s span %d-%d is outside the text (%d bytes)", what, start, end, n)
		}
		return parallax.Span{Start: start, End: end}, nil
	}
	if j.Unanalysed < 0 || j.Unanalysed > n {
		return nil, fmt.Errorf("%d bytes unanalysed of a text of %d", j.Unanalysed, n)
	}
	a := &parallax.Analysis{Article: art, Language: j.Language, Unanalysed: j.Unanalysed}
	var err error
	for _, s := range j.Sentences {
		x := s.Sentence
		if x.Span, err = span("sentence", s.Start, s.End); err != nil {
			return nil, err
		}
		a.Sentences = append(a.Sentences, x)
	}
	for _, e := range j.Entities {
		x := e.Entity
		x.Aliases, x.Roles, x.Mentions = orNil(e.Aliases), orNil(e.Roles), nil
		for _, m := range e.Mentions {
			sp, err := span("mention", m.Start, m.End)
			if err != nil {
				return nil, err
			}
			if got := sp.Of(art.Text); got != m.Text {
				return nil, fmt.Errorf("mention of %q at %d-%d reads %q in the text, not %q", x.Name, m.Start, m.End, got, m.Text)
			}
			x.Mentions = append(x.Mentions, sp)
		}
		a.Entities = append(a.Entities, x)
	}
	for _, q := range j.Quotes {
		x := q.Quote
		x.Speaker, x.Scare = "", q.Scare
		if q.Speaker != nil {
			x.Speaker = *q.Speaker
		}
		if x.Span, err = span("quote", q.Start, q.End); err != nil {
			return nil, err
		}
		if x.CueSpan, err = span("cue", q.CueStart, q.CueEnd); err != nil {
			return nil, err
		}
		a.Quotes = append(a.Quotes, x)
	}
	for _, q := range j.Quantities {
		x := q.Quantity
		if x.Span, err = span("quantity", q.Start, q.End); err != nil {
			return nil, err
		}
		a.Quantities = append(a.Quantities, x)
	}
	for _, d := range j.Dates {
		x := d.DateMention
		if x.Span, err = span("date", d.Start, d.End); err != nil {
			return nil, err
		}
		a.Dates = append(a.Dates, x)
	}
	for _, g := range j.Signals {
		x := g.Signal
		if x.Span, err = span("signal", g.Start, g.End); err != nil {
			return nil, err
		}
		a.Signals = append(a.Signals, x)
	}
	return a, nil
}

// RecordAnalysis decodes a stored article's analysis; the article's ID in
// it is "a<ID>", as in reports.
func RecordAnalysis(r *parallax.Record) (*parallax.Analysis, error) {
	art := r.Article
	art.ID = ArticleID(r.ID)
	return DecodeAnalysis(r.Analysis, &art)
}
