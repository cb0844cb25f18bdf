// Package view lays a story's comparison out for readers. It is the one
// model that every human-readable rendering draws: the terminal, Markdown
// and HTML reports (internal/report) and the web's story page
// (internal/server).
//
// The order is the reader's: a summary of at most eight lines first (what
// the outlets agree on, with how many report it; what they dispute, by
// kind, with the outlets on each side), then the cited digest and the
// conflicts in the outlets' words, then the details (coverage matrix, what
// each article alone reports, quotes by speaker, framing, timeline).
// Everything shown links to the words it came from.
//
// The view selects and groups; it never changes what the report says. The
// summary ranks facts by how many outlets report them and conflicts by how
// many outlets they involve; every other list keeps the report's order.
package view

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/parallaxnews/parallax"
)

// Evidence kinds, passed to Options.EvidenceHref so a renderer can mark
// each span by what it shows.
const (
	KindConflict  = "conflict"
	KindFact      = "fact"
	KindExclusive = "exclusive"
	KindQuote     = "quote"
	KindScare     = "scare"
	KindHedge     = "hedge"
	KindLoaded    = "loaded"
	KindOpinion   = "opinion"
	KindDate      = "date"
	KindDigest    = "digest"
)

// MaxSummary is the most lines a summary has.
const MaxSummary = 8

// Options are what Build needs besides the story. The zero value works:
// evidence is then shown as its words alone, without links.
type Options struct {
	// Articles are every article the report knows (Report.Articles), for
	// the outlets and headlines a story's own list leaves out.
	Articles []parallax.ArticleInfo
	// Texts are article texts by report ID ("a12"). With a text, evidence
	// is found in it exactly and shown inside the rest of its sentence.
	Texts map[string]string
	// EvidenceHref links to the located span [start, end) of an article;
	// kind is what the span is shown as (KindConflict, …). Nil: no links.
	EvidenceHref func(kind, article string, start, end int) string
	// ArticleHref links to a whole article, for evidence that cannot be
	// located and for the article list. Nil or "": no link.
	ArticleHref func(article string) string
	// TrustOffsets links evidence of an article whose text is not in Texts
	// by the offsets the report gives.
	TrustOffsets bool
	// Context is how many bytes of the sentence around a piece of evidence
	// to show on either side; 0 means 240.
	Context int
	// Reviews are the marks people left on the story's conflicts.
	Reviews []parallax.Review
	// Directory describes outlets (display names, countries, owners,
	// labels) for the coverage bar; nil shows none.
	Directory Directory
}

// Directory is what the view needs of an outlets file.
type Directory interface {
	// Lookup describes an outlet, by the name the report gives it.
	Lookup(outlet string) (parallax.OutletInfo, bool)
	// Values is how many different values the file gives a dimension
	// ("country", "owner", "language", or a label's name).
	Values(dimension string) int
}

// Story is a story laid out for reading.
type Story struct {
	ID    string
	Title string // the best headline (see Title)
	// Dates is the range of the articles' known publication dates, "" when
	// none is known; Undated counts the articles whose date is unknown.
	Dates    string
	Undated  int
	Outlets  []Outlet // report order
	Articles []Article
	Copies   int // articles that copy another (not counted as outlets)

	Summary   Summary
	Digest    []DigestLine
	Conflicts []Conflict

	Matrix     []Row       // facts more than one outlet reports
	Exclusives []Exclusive // facts one outlet alone reports, by article
	Speakers   []Speaker
	Anonymous  []Ev // quotes nobody can be named for
	Scare      []Ev // scare quotes
	Framing    []Framing
	Timeline   []TimelineEntry

	// Coverage breaks the outlets down by what the outlets file says of
	// them (country, owner, labels); empty without a directory.
	Coverage []Bar
	// OnlyBy names the one value of a coverage dimension every known
	// outlet shares ("covered only by outlets in GB"), "" otherwise.
	OnlyBy []string
}

// Outlet is one of the story's outlets: its name in the report (what
// links use) and the name a reader sees (the outlets file's, if any).
type Outlet struct {
	Name  string
	Label string
}

// Article is one article in the story's list.
type Article struct {
	ID          string
	Label       string // outlet, with the ID when the outlet has several articles
	Outlet      string
	Title       string
	Published   string // YYYY-MM-DD, "" when unknown
	Language    string
	Words       int
	DuplicateOf string
	Unanalysed  int // bytes at the end not analysed
	Href        string
}

// Summary is the top of a story: at most MaxSummary lines.
type Summary struct {
	Agreed   []Line
	Disputed []Line
}

// Len is the number of lines.
func (s Summary) Len() int { return len(s.Agreed) + len(s.Disputed) }

// Line is one line of the summary.
type Line struct {
	Text string
	Kind string // the fact's or the conflict's kind
	// Outlets is how many outlets report the fact, Of how many the story has.
	Outlets, Of int
	// Sides are the outlets on each side of a disputed line.
	Sides [][]string
	// Anchor is the in-page id of the entry the line summarises; Href
	// links to its first piece of evidence.
	Anchor string
	Href   string
	// Evidence is the words the line rests on (one per outlet, at most three).
	Evidence []Ev
	Review   *parallax.Review
}

// Ev is one piece of evidence ready to show: its words, the rest of their
// sentence when the article's text is known, and where they are.
type Ev struct {
	Article string // report ID
	Outlet  string // label
	Before  string
	Text    string
	After   string
	Href    string
}

// Words is the evidence's sentence, its words marked by nothing.
func (e Ev) Words() string { return e.Before + e.Text + e.After }

// Conflict is one disagreement with each side's words.
type Conflict struct {
	N       int    // 1-based
	Anchor  string // "conflict-N"
	Key     string // parallax.Conflict.Key
	Kind    string
	Label   string // the kind in words: "figures differ"
	Updated bool   // a figure that changed with time: shown, not a dispute
	Subject string
	Summary string
	Sides   []Side
	Review  *parallax.Review
}

// Side is one side of a conflict.
type Side struct {
	Outlets  []string
	Evidence []Ev
}

// Label is the side's outlets, joined.
func (s Side) Label() string { return strings.Join(s.Outlets, ", ") }

// Row is one fact in the coverage matrix.
type Row struct {
	ID       string
	Anchor   string // "fact-ID"
	Summary  string
	Kind     string
	Outlets  []string // labels that report it
	Omitted  []string
	Cells    []Cell // one per Story.Outlets
	Evidence []Ev
}

// Cell is one outlet's column of a matrix row.
type Cell struct {
	Outlet string
	State  string // "reported", "omitted" or "" (not known)
	Href   string // the outlet's words, when reported
}

// Exclusive is what one article alone reports.
type Exclusive struct {
	Article string
	Label   string
	Href    string
	Others  []string // the outlets that leave it out
	Facts   []Fact
}

// Fact is a fact with its evidence.
type Fact struct {
	ID       string
	Anchor   string
	Summary  string
	Kind     string
	Evidence []Ev
	// Verbatim is set when the summary is the evidence's own words, so a
	// renderer can show them once.
	Verbatim bool
}

// Speaker is what one person or body is quoted saying.
type Speaker struct {
	Name   string
	Quotes []QuoteGroup
}

// QuoteGroup is one statement and each outlet's wording.
type QuoteGroup struct {
	Text     string
	Outlets  []string
	Variants []Variant
}

// Variant is one outlet's wording of a statement.
type Variant struct {
	Ev
	Cue string // the attribution ("said the mayor")
	// CueShown is set when the sentence shown around the words holds the cue.
	CueShown bool
	Differs  bool // worded differently from the group's text
}

// Framing is how one outlet tells the story.
type Framing struct {
	Outlet                  string // name, for links
	Label                   string
	Article                 string
	Words                   int
	Attributed              float64 // share of sentences that say who claims them
	Quotes                  int
	Hedges, Loaded, Opinion []Ev
	TopEntities             []string
}

// TimelineEntry is a dated event and the outlets that date it.
type TimelineEntry struct {
	Date    string
	Summary string
	Sources []Cite
}

// DigestLine is one line of the digest and what it cites.
type DigestLine struct {
	Text     string
	Disputed string
	Cites    []Cite
}

// Cite names a source with a link to its words.
type Cite struct {
	Article string
	Label   string
	Href    string
}

// Bar is one dimension of the coverage bar: how many of the story's
// articles come from outlets of each value ("GB" 12, "US" 7).
type Bar struct {
	Name     string // "country", "owner", or a label's name ("lean")
	Segments []Segment
	Unknown  int // articles from outlets the file says nothing of
}

// Segment is one value of a bar.
type Segment struct {
	Value    string
	Articles int
	Outlets  []string
}

// conflictLabel says a conflict in words: its kind, or what it is when it
// is no dispute between outlets.
func conflictLabel(c *parallax.Conflict) string {
	switch c.Label {
	case parallax.LabelUpdated:
		return "figure updated"
	case parallax.LabelSelfContradiction:
		return "contradicts itself"
	}
	return KindLabel(c.Kind)
}

// KindLabel says a conflict kind in words.
func KindLabel(kind string) string {
	switch kind {
	case "quantity":
		return "figures differ"
	case "date":
		return "dates differ"
	case "name":
		return "names differ"
	case "characterization":
		return "described differently"
	case "":
		return "disagreement"
	}
	return strings.ReplaceAll(kind, "_", " ")
}

// builder holds what Build works with.
type builder struct {
	opt    Options
	st     *parallax.Story
	outlet map[string]string // article ID → outlet
	shared map[string]bool   // outlets with several articles in the story
	byID   map[string]parallax.ArticleInfo
}

// Build lays st out. It never fails: what the report leaves out (outlets,
// speaker groups, texts) is filled from what is there or left out.
func Build(st *parallax.Story, opt Options) *Story {
	if opt.Context <= 0 {
		opt.Context = 240
	}
	b := &builder{opt: opt, st: st, outlet: map[string]string{}, shared: map[string]bool{}, byID: map[string]parallax.ArticleInfo{}}
	for _, a := range opt.Articles {
		b.byID[a.ID] = a
		if a.Outlet != "" {
			b.outlet[a.ID] = a.Outlet
		}
	}
	count := map[string]int{}
	for _, a := range st.Articles {
		if _, ok := b.byID[a.ID]; !ok || a.Outlet != "" {
			b.byID[a.ID] = a
		}
		if a.Outlet != "" {
			b.outlet[a.ID] = a.Outlet
		}
		count[b.outletOf(a.ID)]++
	}
	for o, n := range count {
		if n > 1 {
			b.shared[o] = true
		}
	}

	v := &Story{ID: st.ID, Title: Title(st)}
	if v.Title == "" {
		v.Title = "Story " + st.ID
	}
	names := st.Outlets
	if len(names) == 0 {
		seen := map[string]bool{}
		for _, a := range st.Articles {
			if o := b.outletOf(a.ID); !seen[o] {
				seen[o] = true
				names = append(names, o)
			}
		}
	}
	for _, o := range names {
		v.Outlets = append(v.Outlets, Outlet{Name: o, Label: b.display(o)})
	}
	v.Dates, v.Undated = DateRange(st.Articles)
	for _, a := range st.Articles {
		if a.DuplicateOf != "" {
			v.Copies++
		}
		v.Articles = append(v.Articles, Article{ID: a.ID, Label: b.label(a.ID), Outlet: b.outletOf(a.ID),
			Title: OneLine(a.Title), Published: a.Published, Language: a.Language, Words: a.Words,
			DuplicateOf: a.DuplicateOf, Unanalysed: a.Unanalysed, Href: b.articleHref(a.ID)})
	}

	b.conflicts(v)
	b.facts(v)
	b.summary(v)
	b.speakers(v)
	b.framing(v)
	b.timeline(v)
	b.digest(v)
	b.coverage(v)
	return v
}

// outletOf is the outlet of article id, or the ID when it is unknown.
func (b *builder) outletOf(id string) string {
	if o := b.outlet[id]; o != "" {
		return o
	}
	return id
}

// display is the name a reader sees for an outlet: the outlets file's
// display name when it has one.
func (b *builder) display(outlet string) string {
	if b.opt.Directory != nil {
		if in, ok := b.opt.Directory.Lookup(outlet); ok && in.Name != "" {
			return in.Name
		}
	}
	return outlet
}

func (b *builder) displayAll(outlets []string) []string {
	out := make([]string, len(outlets))
	for i, o := range outlets {
		out[i] = b.display(o)
	}
	return out
}

// label names an article for a reader: its outlet, with the article ID
// when the outlet has several articles in the story.
func (b *builder) label(id string) string {
	o := b.outletOf(id)
	if b.shared[o] {
		return b.display(o) + " (" + id + ")"
	}
	return b.display(o)
}

// labels names the articles of evs, each once, in order.
func (b *builder) labels(evs []parallax.Evidence) []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range evs {
		if s := b.label(e.Article); !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func (b *builder) articleHref(id string) string {
	if b.opt.ArticleHref == nil {
		return ""
	}
	return b.opt.ArticleHref(id)
}

// ev makes evidence ready to show.
func (b *builder) ev(kind string, e parallax.Evidence) Ev {
	v := Ev{Article: e.Article, Outlet: b.label(e.Article), Text: OneLine(e.Text)}
	text, have := b.opt.Texts[e.Article]
	if !have {
		switch {
		case b.opt.TrustOffsets && b.opt.EvidenceHref != nil && e.Start >= 0 && e.End > e.Start:
			v.Href = b.opt.EvidenceHref(kind, e.Article, e.Start, e.End)
		default:
			v.Href = b.articleHref(e.Article)
		}
		return v
	}
	start, end, ok := Locate(text, e)
	if !ok {
		v.Href = b.articleHref(e.Article)
		return v
	}
	before, after := SentenceAround(text, start, end, b.opt.Context)
	v.Before, v.Text, v.After = Fold(before), OneLine(text[start:end]), Fold(after)
	if b.opt.EvidenceHref != nil {
		v.Href = b.opt.EvidenceHref(kind, e.Article, start, end)
	}
	return v
}

func (b *builder) evs(kind string, list []parallax.Evidence) []Ev {
	out := make([]Ev, 0, len(list))
	for _, e := range list {
		out = append(out, b.ev(kind, e))
	}
	return out
}

// reportedBy is the labels of the outlets that report f.
func (b *builder) reportedBy(f *parallax.Fact) []string { return f.ReportedBy(b.outletOf) }

func (b *builder) conflicts(v *Story) {
	for i := range b.st.Conflicts {
		c := &b.st.Conflicts[i]
		cv := Conflict{N: i + 1, Anchor: "conflict-" + strconv.Itoa(i+1), Key: c.Key(), Kind: c.Kind, Label: conflictLabel(c), Updated: c.Label == parallax.LabelUpdated,
			Subject: OneLine(c.Subject), Summary: OneLine(c.Summary)}
		for _, side := range c.Sides {
			cv.Sides = append(cv.Sides, Side{Outlets: b.labels(side), Evidence: b.evs(KindConflict, side)})
		}
		cv.Review = c.Review
		v.Conflicts = append(v.Conflicts, cv)
	}
	matchReviews(v.Conflicts, b.opt.Reviews)
}

// matchReviews gives each conflict its review: the one with its key, or
// else the only review with its kind and subject when it is the only
// conflict with them (the sides' words changed when the story grew).
func matchReviews(cs []Conflict, reviews []parallax.Review) {
	if len(reviews) == 0 {
		return
	}
	byKey := map[string]*parallax.Review{}
	byPrefix := map[string][]*parallax.Review{}
	for i := range reviews {
		r := &reviews[i]
		byKey[r.Key] = r
		byPrefix[parallax.KeyPrefix(r.Key)] = append(byPrefix[parallax.KeyPrefix(r.Key)], r)
	}
	used := map[*parallax.Review]bool{}
	prefixCount := map[string]int{}
	for i := range cs {
		if r := byKey[cs[i].Key]; r != nil {
			cs[i].Review = r
			used[r] = true
		}
		prefixCount[parallax.KeyPrefix(cs[i].Key)]++
	}
	for i := range cs {
		if cs[i].Review != nil {
			continue
		}
		p := parallax.KeyPrefix(cs[i].Key)
		if prefixCount[p] != 1 {
			continue
		}
		var free []*parallax.Review
		for _, r := range byPrefix[p] {
			if !used[r] {
				free = append(free, r)
			}
		}
		if len(free) == 1 {
			cs[i].Review = free[0]
			used[free[0]] = true
		}
	}
}

func (b *builder) facts(v *Story) {
	at := map[string]int{}
	for i := range b.st.Facts {
		f := &b.st.Facts[i]
		outs := b.reportedBy(f)
		anchor := "fact-" + f.ID
		if f.ID == "" {
			anchor = "fact-" + strconv.Itoa(i+1)
		}
		if f.Exclusive || len(outs) == 1 {
			kind := KindExclusive
			evs := b.evs(kind, f.Evidence)
			fv := Fact{ID: f.ID, Anchor: anchor, Summary: OneLine(f.Summary), Kind: f.Kind, Evidence: evs}
			fv.Verbatim = len(evs) == 1 && (evs[0].Text == fv.Summary || evs[0].Words() == fv.Summary)
			id := ""
			switch {
			case len(f.Evidence) > 0:
				id = f.Evidence[0].Article
			case len(f.Articles) > 0:
				id = f.Articles[0]
			}
			key := id
			if id == "" {
				key = "?" + strings.Join(outs, ",")
			}
			k, ok := at[key]
			if !ok {
				k = len(v.Exclusives)
				at[key] = k
				ex := Exclusive{Article: id, Href: b.articleHref(id)}
				own := ""
				switch {
				case id != "":
					ex.Label, own = b.label(id), b.outletOf(id)
				case len(outs) > 0:
					ex.Label, own = b.display(outs[0]), outs[0]
				default:
					ex.Label = "unknown outlet"
				}
				for _, o := range v.Outlets {
					if o.Name != own {
						ex.Others = append(ex.Others, o.Label)
					}
				}
				v.Exclusives = append(v.Exclusives, ex)
			}
			v.Exclusives[k].Facts = append(v.Exclusives[k].Facts, fv)
			continue
		}
		row := Row{ID: f.ID, Anchor: anchor, Summary: OneLine(f.Summary), Kind: f.Kind, Outlets: b.displayAll(outs), Omitted: b.displayAll(f.Omitted),
			Evidence: b.evs(KindFact, f.Evidence)}
		reported := map[string]bool{}
		for _, o := range outs {
			reported[o] = true
		}
		omitted := map[string]bool{}
		for _, o := range f.Omitted {
			omitted[o] = true
		}
		for _, out := range v.Outlets {
			o := out.Name
			c := Cell{Outlet: out.Label}
			switch {
			case reported[o]:
				c.State = "reported"
				for j, e := range f.Evidence {
					if b.outletOf(e.Article) == o {
						c.Href = row.Evidence[j].Href
						break
					}
				}
			case omitted[o]:
				c.State = "omitted"
			}
			row.Cells = append(row.Cells, c)
		}
		v.Matrix = append(v.Matrix, row)
	}
}

// summary picks the lines of the summary: the conflicts that involve the
// most outlets (a conflict marked not a conflict, or an updated figure, is
// left out), at most
// half the lines when there are facts to fill the rest, and the facts the
// most outlets report.
func (b *builder) summary(v *Story) {
	var disputed []*Conflict
	for i := range v.Conflicts {
		if r := v.Conflicts[i].Review; r != nil && r.Verdict == parallax.NotConflict || v.Conflicts[i].Updated {
			continue // not a dispute: marked so, or a figure updated over time
		}
		disputed = append(disputed, &v.Conflicts[i])
	}
	involved := func(c *Conflict) int {
		n := 0
		for _, s := range c.Sides {
			n += len(s.Outlets)
		}
		return n
	}
	sort.SliceStable(disputed, func(i, j int) bool {
		ci, cj := disputed[i], disputed[j]
		ri, rj := ci.Review != nil && ci.Review.Verdict == parallax.Confirmed, cj.Review != nil && cj.Review.Verdict == parallax.Confirmed
		if ri != rj {
			return ri
		}
		return involved(ci) > involved(cj)
	})
	agreed := make([]*Row, 0, len(v.Matrix))
	for i := range v.Matrix {
		agreed = append(agreed, &v.Matrix[i])
	}
	sort.SliceStable(agreed, func(i, j int) bool { return len(agreed[i].Outlets) > len(agreed[j].Outlets) })

	nd := min(len(disputed), MaxSummary/2)
	na := min(len(agreed), MaxSummary-nd)
	nd = min(len(disputed), MaxSummary-na)
	for _, r := range agreed[:na] {
		text := r.Summary
		if r.Kind == "quantity" && len(r.Evidence) > 0 && bareFigure(r.Summary) {
			// "34 (…) · 34 años (…)" says nothing on its own: the words
			// that state the figure do
			text = r.Evidence[0].Text
		}
		l := Line{Text: Clip(text, 120), Kind: r.Kind, Outlets: len(r.Outlets), Of: len(v.Outlets), Anchor: r.Anchor}
		seen := map[string]bool{}
		for _, e := range r.Evidence {
			if seen[e.Outlet] || len(l.Evidence) == 3 {
				continue
			}
			seen[e.Outlet] = true
			l.Evidence = append(l.Evidence, e)
		}
		if len(r.Evidence) > 0 {
			l.Href = r.Evidence[0].Href
		}
		v.Summary.Agreed = append(v.Summary.Agreed, l)
	}
	for _, c := range disputed[:nd] {
		text := c.Subject
		if text == "" {
			text = c.Summary
		}
		l := Line{Text: Clip(text, 120), Kind: c.Kind, Anchor: c.Anchor, Review: c.Review}
		for _, s := range c.Sides {
			l.Sides = append(l.Sides, s.Outlets)
			if len(s.Evidence) > 0 {
				if l.Href == "" {
					l.Href = s.Evidence[0].Href
				}
				l.Evidence = append(l.Evidence, s.Evidence[0])
			}
		}
		v.Summary.Disputed = append(v.Summary.Disputed, l)
	}
}

func (b *builder) speakers(v *Story) {
	cues := map[string]string{}
	for _, q := range b.st.Quotes {
		if q.Cue != "" {
			cues[q.Article+"@"+strconv.Itoa(q.Start)] = q.Cue
		}
		switch {
		case q.Scare:
			v.Scare = append(v.Scare, b.ev(KindScare, quoteEvidence(q)))
		case q.Speaker == "":
			v.Anonymous = append(v.Anonymous, b.ev(KindQuote, quoteEvidence(q)))
		}
	}
	for _, sp := range SpeakerGroups(b.st) {
		sv := Speaker{Name: OneLine(sp.Name)}
		for _, g := range sp.Quotes {
			gv := QuoteGroup{Text: OneLine(g.Text), Outlets: g.Outlets}
			for _, e := range g.Variants {
				ev := b.ev(KindQuote, e)
				vv := Variant{Ev: ev, Differs: OneLine(e.Text) != gv.Text}
				if c := OneLine(cues[e.Article+"@"+strconv.Itoa(e.Start)]); c != "" {
					vv.Cue = c
					vv.CueShown = strings.Contains(OneLine(ev.Words()), c)
				}
				gv.Variants = append(gv.Variants, vv)
			}
			sv.Quotes = append(sv.Quotes, gv)
		}
		v.Speakers = append(v.Speakers, sv)
	}
}

// SpeakerGroups is what the story's speakers said: the report's groups,
// or, when it groups none, its named quotes grouped here, one statement a
// quote. Scare quotes and quotes nobody can be named for are left out.
func SpeakerGroups(st *parallax.Story) []parallax.Speaker {
	if len(st.Speakers) > 0 {
		return st.Speakers
	}
	var named []parallax.Speaker
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
		named[k].Quotes = append(named[k].Quotes, parallax.QuoteGroup{Text: q.Text, Variants: []parallax.Evidence{quoteEvidence(q)}})
	}
	return named
}

func quoteEvidence(q parallax.StoryQuote) parallax.Evidence {
	return parallax.Evidence{Article: q.Article, Text: q.Text, Start: q.Start, End: q.End}
}

func (b *builder) framing(v *Story) {
	for _, fr := range b.st.Framing {
		o, lb := fr.Outlet, b.display(fr.Outlet)
		if o == "" {
			o, lb = b.outletOf(fr.Article), b.label(fr.Article)
		}
		v.Framing = append(v.Framing, Framing{Outlet: o, Label: lb, Article: fr.Article, Words: fr.Words, Attributed: fr.AttributedShare,
			Quotes: fr.QuoteCount, Hedges: b.evs(KindHedge, fr.Hedges), Loaded: b.evs(KindLoaded, fr.Loaded),
			Opinion: b.evs(KindOpinion, fr.Opinion), TopEntities: fr.TopEntities})
	}
}

func (b *builder) timeline(v *Story) {
	for _, t := range b.st.Timeline {
		tv := TimelineEntry{Date: t.Date, Summary: OneLine(t.Summary)}
		seen := map[string]bool{}
		for _, e := range t.Evidence {
			ev := b.ev(KindDate, e)
			if !seen[ev.Outlet] {
				seen[ev.Outlet] = true
				tv.Sources = append(tv.Sources, Cite{Article: e.Article, Label: ev.Outlet, Href: ev.Href})
			}
		}
		v.Timeline = append(v.Timeline, tv)
	}
}

func (b *builder) digest(v *Story) {
	for _, d := range b.st.Digest {
		dv := DigestLine{Text: OneLine(d.Text), Disputed: OneLine(d.Disputed)}
		href := map[string]string{}
		for _, e := range d.Evidence {
			h := b.ev(KindDigest, e).Href
			if _, ok := href[e.Article]; !ok {
				href[e.Article] = h
			}
		}
		cites := d.Cites
		if len(cites) == 0 {
			for _, e := range d.Evidence {
				cites = append(cites, e.Article)
			}
		}
		seen := map[string]bool{}
		for _, id := range cites {
			lb := b.label(id)
			if seen[lb] {
				continue
			}
			seen[lb] = true
			h, ok := href[id]
			if !ok {
				h = b.articleHref(id)
			}
			dv.Cites = append(dv.Cites, Cite{Article: id, Label: lb, Href: h})
		}
		v.Digest = append(v.Digest, dv)
	}
}

// DateRange is the span of the articles' known publication dates ("" when
// none is known) and how many articles have no known date. An unknown
// date stays unknown: it is never taken to be the day an article arrived.
func DateRange(arts []parallax.ArticleInfo) (dates string, undated int) {
	var ds []string
	for _, a := range arts {
		if a.Published != "" {
			ds = append(ds, a.Published)
		} else {
			undated++
		}
	}
	if len(ds) == 0 {
		return "", undated
	}
	sort.Strings(ds)
	if ds[0] == ds[len(ds)-1] {
		return ds[0], undated
	}
	return ds[0] + " – " + ds[len(ds)-1], undated
}

// Percent formats a share in [0,1] as a whole percentage.
func Percent(share float64) string { return strconv.Itoa(int(share*100+0.5)) + "%" }

// AttachReviews sets the Review of each of st's conflicts that a review
// matches (by key, or by kind and subject when that is unambiguous), so
// that the JSON and the exports carry them. It changes st in place.
func AttachReviews(st *parallax.Story, reviews []parallax.Review) {
	if len(reviews) == 0 {
		return
	}
	cs := make([]Conflict, len(st.Conflicts))
	for i := range st.Conflicts {
		cs[i].Key = st.Conflicts[i].Key()
	}
	matchReviews(cs, reviews)
	for i := range cs {
		if cs[i].Review != nil {
			r := *cs[i].Review
			st.Conflicts[i].Review = &r
		}
	}
}

// bareFigure: a figure fact's summary whose first value is digits alone,
// with no noun or unit to say what it counts ("34 (outlet) · …").
func bareFigure(summary string) bool {
	first, _, _ := strings.Cut(summary, " (")
	first = strings.TrimSpace(first)
	if first == "" {
		return false
	}
	for _, r := range first {
		if unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
