// Package parallax holds the domain types shared by every stage of the
// pipeline: read → analyze → group → compare → report. It has no
// dependencies beyond the standard library, so any package may import it.
package parallax

import "time"

// Span is a half-open byte range [Start, End) into an article's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Of returns the words of text that the span covers, or "" when the span
// does not fit inside text.
func (s Span) Of(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// Article is one news article as read from an input. Text is exactly what
// every Span and every piece of evidence points into.
type Article struct {
	ID        string    `json:"id"`               // short, unique within a run: "a1", "a2", …
	Source    string    `json:"source"`           // path or URL exactly as given
	URL       string    `json:"url,omitempty"`    // canonical URL when known
	Outlet    string    `json:"outlet"`           // e.g. "example.com", or a name when no URL is known
	Title     string    `json:"title,omitempty"`  // headline
	Author    string    `json:"author,omitempty"` // byline when known
	Published time.Time `json:"-"`                // zero when unknown
	// PublishedEvidence is the text the publication date was read from when it
	// came from the article body ("Posted on 17/04/2025"); empty otherwise.
	PublishedEvidence Span   `json:"-"`
	Language          string `json:"language,omitempty"` // ISO 639-1, "" when unknown
	Text              string `json:"-"`                  // extracted text, headline included when the input had it
	TitleSpan         Span   `json:"-"`                  // where the headline sits in Text, if it does
	// Received is the input exactly as it came (the HTML page, the JSON
	// line, the file) and ReceivedType its media type, so a library can keep
	// what it was given; nil when the reader did not keep it.
	Received     []byte `json:"-"`
	ReceivedType string `json:"-"`
}

// PublishedDate is the publication date as YYYY-MM-DD, or "".
func (a *Article) PublishedDate() string {
	if a.Published.IsZero() {
		return ""
	}
	return a.Published.Format("2006-01-02")
}

// Entity kinds.
const (
	Person       = "person"
	Organization = "organization"
	Place        = "place"
	Facility     = "facility"
	Law          = "law"
	Program      = "program"
	Event        = "event"
	Group        = "group" // nationalities and other groups of people
	Work         = "work"  // vessels, aircraft, products and other named things
	Misc         = "misc"
)

// Entity is a named thing mentioned in one article, its surface forms merged.
type Entity struct {
	Name     string   `json:"name"`              // canonical form: the longest full name seen
	Type     string   `json:"type"`              // one of the kinds above
	Aliases  []string `json:"aliases,omitempty"` // other surface forms, Name excluded
	Mentions []Span   `json:"-"`
	// Roles are titles seen before the name ("Secretary of State", "president").
	Roles []string `json:"roles,omitempty"`
}

// Quote is a passage inside quotation marks with whoever said it.
type Quote struct {
	Text    string `json:"text"` // the words inside the marks
	Span    Span   `json:"-"`
	Speaker string `json:"speaker,omitempty"` // canonical entity name, "" when unknown
	// Cue is the attribution that names the speaker ("he said", "according to X").
	Cue     string `json:"cue,omitempty"`
	CueSpan Span   `json:"-"`
	// Scare is true for a short quoted word or phrase that is not a statement
	// (a label the writer distances itself from: the "worst people on Earth").
	Scare bool `json:"scare,omitempty"`
}

// Quantity is a number found in text, normalised, with the thing counted.
type Quantity struct {
	Text   string   `json:"text"` // the words it was read from
	Span   Span     `json:"-"`
	Value  *float64 `json:"value,omitempty"` // set when exact
	Low    *float64 `json:"low,omitempty"`   // lower bound, for ranges and "more than"
	High   *float64 `json:"high,omitempty"`  // upper bound, for ranges and "up to"
	Unit   string   `json:"unit,omitempty"`  // "USD", "percent", "feet", or the noun counted ("migrants")
	Approx bool     `json:"approx,omitempty"`
	// Per is the rate's period or base when one is stated ("annually" → "year").
	Per string `json:"per,omitempty"`
	// Head is the lemma of the thing counted, used to line quantities up
	// across articles ("migrant" for "232 migrants", "" for bare numbers).
	Head string `json:"head,omitempty"`
}

// Bounds returns the closed interval the quantity allows; ok is false when it
// states no number at all.
func (q *Quantity) Bounds() (lo, hi float64, ok bool) {
	switch {
	case q.Value != nil:
		return *q.Value, *q.Value, true
	case q.Low != nil && q.High != nil:
		return *q.Low, *q.High, true
	case q.Low != nil:
		return *q.Low, inf, true
	case q.High != nil:
		return 0, *q.High, true
	}
	return 0, 0, false
}

const inf = 1e308

// DateMention is a date in text, resolved to a calendar date.
type DateMention struct {
	Text     string `json:"text"`
	Span     Span   `json:"-"`
	Date     string `json:"date"` // ISO 8601: YYYY-MM-DD, or YYYY-MM / YYYY when that is all the text says
	Relative bool   `json:"relative,omitempty"`
	// Published is true when the mention is the article's own dateline.
	Published bool `json:"published,omitempty"`
}

// Signal is a framing cue: a hedge, a loaded term or an opinion marker.
type Signal struct {
	Kind string `json:"kind"` // "hedge", "loaded", "opinion", "attribution"
	Text string `json:"text"`
	Span Span   `json:"-"`
}

// Sentence is one sentence of an article.
type Sentence struct {
	Span Span `json:"-"`
	// Attributed is true when the sentence reports what someone said or
	// according to whom it is true.
	Attributed bool `json:"attributed,omitempty"`
	// Heading is true for a headline-style line (title case, no final
	// stop): a headline, a subhead or page furniture, not a statement.
	Heading bool `json:"heading,omitempty"`
}

// Analysis is everything the per-article stage finds. It is pure: the same
// article always gives the same analysis.
type Analysis struct {
	Article    *Article      `json:"-"`
	Language   string        `json:"language"`
	Sentences  []Sentence    `json:"-"`
	Entities   []Entity      `json:"entities"`
	Quotes     []Quote       `json:"quotes"`
	Quantities []Quantity    `json:"quantities"`
	Dates      []DateMention `json:"dates"`
	Signals    []Signal      `json:"signals"`
	// Unanalysed is how many bytes at the end of the article's text the
	// analysis did not read: 0 but for a text longer than it reads
	// (analyze.MaxText, 2 MiB), whose sentences, names and figures are
	// those of the part before.
	Unanalysed int `json:"unanalysed,omitempty"`
}

// SentenceAt returns the index of the sentence that holds byte offset off, or -1.
func (a *Analysis) SentenceAt(off int) int {
	lo, hi := 0, len(a.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		s := a.Sentences[m].Span
		switch {
		case off < s.Start:
			hi = m
		case off >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}
