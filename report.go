package parallax

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The report is what `parallax compare` prints with --format json and what
// the scorer reads (see CONTRACT.md beside the evaluation set). Field names
// are part of the contract; more fields may be added, none renamed.

// Evidence is an exact substring of one article's text.
type Evidence struct {
	Article string `json:"article"` // Article.ID
	Text    string `json:"text"`
	Start   int    `json:"start"` // byte offsets into the article text
	End     int    `json:"end"`
}

// Report is the comparison of a set of articles.
type Report struct {
	Generator  string        `json:"generator,omitempty"`
	Stories    []Story       `json:"stories"`
	Unassigned []string      `json:"unassigned"`
	Articles   []ArticleInfo `json:"articles,omitempty"` // every article read, in input order
	Errors     []InputError  `json:"errors,omitempty"`
}

// InputError is one input that could not be read, reported and skipped.
type InputError struct {
	Input   string `json:"input"`
	Problem string `json:"problem"`
}

// ArticleInfo describes an article in a report.
type ArticleInfo struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	Language  string `json:"language,omitempty"`
	// DuplicateOf names the article this one copies (a wire copy or repost);
	// a duplicate does not count as another outlet.
	DuplicateOf string `json:"duplicate_of,omitempty"`
	Words       int    `json:"words"`
	// Unanalysed is how many bytes at the end of an over-long text were
	// not analysed (Analysis.Unanalysed): nothing there is compared.
	Unanalysed int `json:"unanalysed,omitempty"`
}

// Story is one event and how every outlet covered it.
type Story struct {
	ID         string          `json:"id"`
	Title      string          `json:"title"`
	Articles   []ArticleInfo   `json:"articles"`
	Outlets    []string        `json:"outlets"`
	Entities   []StoryEntity   `json:"entities"`
	Quotes     []StoryQuote    `json:"quotes"`
	Speakers   []Speaker       `json:"speakers"`
	Quantities []StoryQuantity `json:"quantities"`
	Dates      []StoryDate     `json:"dates"`
	Facts      []Fact          `json:"facts"`
	Conflicts  []Conflict      `json:"conflicts"`
	Framing    []OutletFraming `json:"framing"`
	Timeline   []TimelineEntry `json:"timeline"`
	Digest     []DigestLine    `json:"digest"`
}

// StoryEntity is an entity merged across the story's articles.
type StoryEntity struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`
	Articles []string `json:"articles"`
	Mentions int      `json:"mentions"`
}

// StoryQuote is one quote in one article.
type StoryQuote struct {
	Article string `json:"article"`
	Text    string `json:"text"`
	Speaker string `json:"speaker"` // "" when nobody can be named (printed as null in JSON by the encoder)
	Cue     string `json:"cue,omitempty"`
	Scare   bool   `json:"scare,omitempty"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// Speaker groups what one person or body is quoted saying across outlets.
type Speaker struct {
	Name   string       `json:"name"`
	Quotes []QuoteGroup `json:"quotes"`
}

// QuoteGroup is one statement and every outlet's wording of it.
type QuoteGroup struct {
	Text     string     `json:"text"`
	Variants []Evidence `json:"variants"`
	Outlets  []string   `json:"outlets"`
}

// StoryQuantity is one quantity in one article.
type StoryQuantity struct {
	Article string   `json:"article"`
	Text    string   `json:"text"`
	Value   *float64 `json:"value,omitempty"`
	Low     *float64 `json:"low,omitempty"`
	High    *float64 `json:"high,omitempty"`
	Unit    string   `json:"unit,omitempty"`
	Per     string   `json:"per,omitempty"`
	Approx  bool     `json:"approx,omitempty"`
	Start   int      `json:"start"`
	End     int      `json:"end"`
}

// StoryDate is one date in one article.
type StoryDate struct {
	Article   string `json:"article"`
	Text      string `json:"text"`
	Date      string `json:"date"`
	Relative  bool   `json:"relative,omitempty"`
	Published bool   `json:"published,omitempty"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

// Fact is one thing reported, lined up across the outlets that report it.
type Fact struct {
	ID       string   `json:"id"`
	Summary  string   `json:"summary"`
	Kind     string   `json:"kind"` // "quantity", "date", "event", "statement"
	Articles []string `json:"articles"`
	Outlets  []string `json:"outlets"`
	// Omitted lists the outlets in the story that do not report it.
	Omitted   []string   `json:"omitted"`
	Exclusive bool       `json:"exclusive"`
	Evidence  []Evidence `json:"evidence"`
}

// ReportedBy is the outlets that report f: its Outlets, or, when a report
// leaves them out, the outlets of its articles (or of its evidence), found
// with outletOf.
func (f *Fact) ReportedBy(outletOf func(articleID string) string) []string {
	if len(f.Outlets) > 0 {
		return f.Outlets
	}
	ids := f.Articles
	if len(ids) == 0 {
		for _, e := range f.Evidence {
			ids = append(ids, e.Article)
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, id := range ids {
		if o := outletOf(id); !seen[o] {
			seen[o] = true
			out = append(out, o)
		}
	}
	return out
}

// Conflict is a disagreement between outlets, with each side's words.
type Conflict struct {
	Kind    string `json:"kind"` // quantity, date, name, office, acronym, year, event, characterization
	Summary string `json:"summary"`
	Subject string `json:"subject,omitempty"`
	// Label says what kind of disagreement it is: one of the Label constants.
	Label string `json:"label,omitempty"`
	// Sides hold each side's evidence, the side most outlets stand on first.
	Sides [][]Evidence `json:"sides"`
	// Review is what a person marked the conflict as, when someone did.
	// compare never sets it: the library adds it when it shows a story.
	Review *Review `json:"review,omitempty"`
}

// Review verdicts.
const (
	Confirmed   = "confirmed"      // checked: the outlets do disagree
	NotConflict = "not_a_conflict" // checked: a false alarm
)

// Review is a person's verdict on one conflict of a story, kept across
// recomparisons by the conflict's Key.
type Review struct {
	Key     string    `json:"key"`
	Verdict string    `json:"verdict"` // Confirmed or NotConflict
	Note    string    `json:"note,omitempty"`
	By      string    `json:"by"`
	At      time.Time `json:"at"`
}

// Key names a conflict so that the same disagreement has the same key
// when its story is compared again with more articles: its kind, its
// subject, and what the sides say (the values the summary quotes, or
// else each side's first words), each folded to lower-case letters and
// digits. Which outlets are on each side is left out: that is what grows.
func (c *Conflict) Key() string {
	vals := quotedValues(c.Summary)
	if len(vals) < 2 {
		vals = vals[:0]
		for _, side := range c.Sides {
			if len(side) > 0 {
				vals = append(vals, keyWords(side[0].Text))
			}
		}
	}
	sort.Strings(vals)
	return keyWords(c.Kind) + "|" + keyWords(c.Subject) + "|" + strings.Join(vals, "/")
}

// KeyPrefix is the kind and subject part of a conflict key, "kind|subject|":
// what a review falls back to when the sides' words have changed.
func KeyPrefix(key string) string {
	i := strings.IndexByte(key, '|')
	if i < 0 {
		return key
	}
	j := strings.IndexByte(key[i+1:], '|')
	if j < 0 {
		return key
	}
	return key[:i+1+j+1]
}

// quotedValues are the distinct passages inside double quotes in s.
func quotedValues(s string) []string {
	var out []string
	seen := map[string]bool{}
	for {
		i := strings.IndexAny(s, "\"“")
		if i < 0 {
			return out
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		s = s[i+w:]
		j := strings.IndexAny(s, "\"”")
		if j < 0 {
			return out
		}
		if v := keyWords(s[:j]); v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
		_, w = utf8.DecodeRuneInString(s[j:])
		s = s[j+w:]
	}
}

// keyWords folds s to its lower-case letters and digits, words separated
// by one space.
func keyWords(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.Join(f, " ")
}

// Conflict labels.
const (
	// LabelContradiction: outlets state incompatible values; one is wrong.
	LabelContradiction = "contradiction"
	// LabelCharacterization: one outlet asserts what another reports as
	// alleged, denied or described otherwise.
	LabelCharacterization = "characterization"
	// LabelSelfContradiction: one article gives incompatible values itself.
	LabelSelfContradiction = "self-contradiction"
	// LabelUpdated: a figure that changed with time (a running toll, a
	// count later revised): reported, but not a dispute.
	LabelUpdated = "updated"
)

// Outlets counts the articles that stand on any side of the conflict.
func (c *Conflict) Outlets() int {
	n := 0
	for _, s := range c.Sides {
		n += len(s)
	}
	return n
}

// OutletFraming summarises how one outlet tells the story.
type OutletFraming struct {
	Outlet  string     `json:"outlet"`
	Article string     `json:"article"`
	Words   int        `json:"words"`
	Hedges  []Evidence `json:"hedges"`
	Loaded  []Evidence `json:"loaded"`
	Opinion []Evidence `json:"opinion"`
	// AttributedShare is the share of sentences that say who claims them.
	AttributedShare float64 `json:"attributed_share"`
	QuoteCount      int     `json:"quote_count"`
	// TopEntities are the names this outlet mentions most.
	TopEntities []string `json:"top_entities"`
}

// TimelineEntry is a dated event with its sources.
type TimelineEntry struct {
	Date     string     `json:"date"`
	Summary  string     `json:"summary"`
	Evidence []Evidence `json:"evidence"`
}

// DigestLine is one extractive sentence of the neutral digest, citing every
// article that supports it.
type DigestLine struct {
	Text     string     `json:"text"`
	Cites    []string   `json:"cites"`
	Evidence []Evidence `json:"evidence"`
	// Disputed is set when outlets disagree about what the line says.
	Disputed string `json:"disputed,omitempty"`
}
