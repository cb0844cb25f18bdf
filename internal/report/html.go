package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
)

//go:embed report.html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Parse(htmlSource))

// HTML writes the report as one self-contained page: inline CSS, no
// scripts, no external assets, so it can be mailed or archived as it is.
// Per story it shows a coverage matrix (facts × outlets: reported or
// omitted), the conflicts side by side with each side's words highlighted
// inside their sentence, what only one outlet reports, quotes grouped by
// speaker, a framing table, the timeline and the cited digest. At the end
// comes each article's text with every piece of evidence highlighted and
// anchored; every piece of evidence above links to its span.
//
// articles, keyed by Article.ID, supply those texts; it may be nil, and then
// the evidence is shown on its own. Every string from an article goes
// through html/template and is escaped; only http and https addresses
// become links.
func HTML(w io.Writer, rep *parallax.Report, articles map[string]*parallax.Article) error {
	if rep == nil {
		rep = &parallax.Report{}
	}
	page := buildPage(rep, articles)
	return htmlTemplate.Execute(w, page)
}

type htmlPage struct {
	Title      string
	Summary    string
	Stories    []htmlStory
	Unassigned []htmlRef
	Errors     []parallax.InputError
	Articles   []htmlArticle
}

type htmlStory struct {
	Anchor    string
	ID        string
	Title     string
	Sub       string
	Articles  []htmlRow
	Outlets   []string
	Matrix    []htmlFactRow
	Shared    []htmlFact
	Conflicts []htmlConflict
	Only      []htmlOnly
	Speakers  []htmlSpeaker
	Anonymous []htmlEv
	Scare     []htmlEv
	Framing   []htmlFraming
	Timeline  []htmlTimeline
	Digest    []htmlDigest
}

// htmlRow is one article in a story's list.
type htmlRow struct {
	ID, Outlet, Published, Language, Title, DuplicateOf string
	Words                                               int
	Href                                                string
}

// htmlRef names an article and links to its text when the page has it.
type htmlRef struct {
	ID, Label, Href string
}

type htmlFactRow struct {
	Summary, Kind string
	Exclusive     bool
	Cells         []htmlCell
}

type htmlCell struct {
	State string // "reported", "omitted" or ""
	Href  string
}

type htmlFact struct {
	Summary, Kind, Outlets, Omitted string
	Evidence                        []htmlEv
}

type htmlConflict struct {
	Kind, Subject, Summary string
	Sides                  []htmlSide
}

type htmlSide struct {
	Outlets  string
	Evidence []htmlEv
}

type htmlOnly struct {
	Outlet, Others string
	Facts          []htmlFact
}

type htmlSpeaker struct {
	Name   string
	Quotes []htmlQuoteGroup
}

type htmlQuoteGroup struct {
	Text     string
	Outlets  string
	Variants []htmlVariant
}

type htmlVariant struct {
	Ev      htmlEv
	Cue     string
	Differs bool
}

type htmlFraming struct {
	Outlet                  string
	Words, Quotes           int
	Attributed              string
	Hedges, Loaded, Opinion []htmlEv
	TopEntities             string
}

type htmlTimeline struct {
	Date, Summary string
	Sources       []htmlRef
}

type htmlDigest struct {
	Text, Disputed string
	Cites          []htmlRef
}

// htmlEv is one piece of evidence: its words, the rest of its sentence
// when the article is known, and a link to its span in the article.
type htmlEv struct {
	Outlet, Before, Text, After, Href string
}

type htmlArticle struct {
	Anchor, ID, Outlet, Title, Published, Language, Author string
	URL                                                    string // http(s) only
	Source                                                 string
	Body                                                   []htmlPiece
}

// htmlPiece is one step of an article's highlighted text: a run of text,
// or the opening or closing of a highlight.
type htmlPiece struct {
	Open, Close bool
	ID          string // set on the first opening of a span
	Class       string
	Title       string
	Text        string
}

// Highlight kinds, lowest priority first: when marks nest, the stylesheet
// colours by the last class, so the later kinds show.
var kindOrder = []string{"digest", "date", "fact", "only", "opinion", "hedge", "loaded", "scare", "quote", "conflict"}

var kindNames = map[string]string{
	"digest":   "digest",
	"date":     "timeline",
	"fact":     "reported by several outlets",
	"only":     "reported by this outlet only",
	"opinion":  "opinion",
	"hedge":    "hedge",
	"loaded":   "loaded term",
	"scare":    "scare quote",
	"quote":    "quote",
	"conflict": "disputed",
}

type hspan struct {
	start, end int
	kinds      map[string]bool
}

// pageBuilder turns the report into the page, recording every span it
// links to so the article texts can anchor them.
type pageBuilder struct {
	cat      *catalog
	articles map[string]*parallax.Article
	anchors  map[string]int // article ID → n in "art-n"
	order    []string       // article IDs in anchor order
	spans    map[string]map[[2]int]*hspan
}

func buildPage(rep *parallax.Report, articles map[string]*parallax.Article) htmlPage {
	b := &pageBuilder{
		cat:      newCatalog(rep),
		articles: articles,
		anchors:  map[string]int{},
		spans:    map[string]map[[2]int]*hspan{},
	}
	for _, id := range b.cat.order {
		b.anchor(id)
	}
	for _, id := range rep.Unassigned {
		b.anchor(id)
	}
	page := htmlPage{Title: "Parallax coverage report", Errors: rep.Errors}
	if len(rep.Stories) == 1 && rep.Stories[0].Title != "" {
		page.Title += ": " + oneLine(rep.Stories[0].Title)
	}
	summary := []string{plural(len(rep.Stories), "story", "stories"), plural(len(b.cat.order), "article", "articles")}
	if len(rep.Unassigned) > 0 {
		summary = append(summary, fmt.Sprintf("%d not in any story", len(rep.Unassigned)))
	}
	if rep.Generator != "" {
		summary = append(summary, "generated by "+rep.Generator)
	}
	page.Summary = strings.Join(summary, " · ")
	for i := range rep.Stories {
		page.Stories = append(page.Stories, b.story(&rep.Stories[i], i))
	}
	for _, id := range rep.Unassigned {
		page.Unassigned = append(page.Unassigned, htmlRef{ID: id, Label: articleLine(b.cat.info[id], id), Href: b.articleHref(id)})
	}
	for _, id := range b.order {
		if a := articles[id]; a != nil {
			page.Articles = append(page.Articles, b.article(a))
		}
	}
	return page
}

// anchor numbers article id for its "art-n" anchor.
func (b *pageBuilder) anchor(id string) int {
	if n, ok := b.anchors[id]; ok {
		return n
	}
	b.order = append(b.order, id)
	b.anchors[id] = len(b.order)
	return len(b.order)
}

// articleHref links to the text of article id, when the page shows it.
func (b *pageBuilder) articleHref(id string) string {
	if b.articles[id] == nil {
		return ""
	}
	return fmt.Sprintf("#art-%d", b.anchor(id))
}

// ev records a piece of evidence as a span of kind in its article and
// returns it ready to show, with its sentence when the article is known.
func (b *pageBuilder) ev(l labeler, e parallax.Evidence, kind string) htmlEv {
	out := htmlEv{Outlet: l.label(e.Article), Text: oneLine(e.Text)}
	a := b.articles[e.Article]
	if a == nil {
		return out
	}
	start, end, ok := locate(a.Text, e)
	if !ok {
		out.Href = b.articleHref(e.Article)
		return out
	}
	out.Text = oneLine(a.Text[start:end])
	before, after := sentenceAround(a.Text, start, end, 240)
	out.Before, out.After = oneLine(before), oneLine(after)
	if before != "" && strings.HasSuffix(before, " ") {
		out.Before += " "
	}
	if after != "" && strings.HasPrefix(after, " ") {
		out.After = " " + out.After
	}
	spans := b.spans[e.Article]
	if spans == nil {
		spans = map[[2]int]*hspan{}
		b.spans[e.Article] = spans
	}
	key := [2]int{start, end}
	s := spans[key]
	if s == nil {
		s = &hspan{start: start, end: end, kinds: map[string]bool{}}
		spans[key] = s
	}
	s.kinds[kind] = true
	out.Href = "#" + spanID(b.anchor(e.Article), start, end)
	return out
}

func (b *pageBuilder) evs(l labeler, evs []parallax.Evidence, kind string) []htmlEv {
	out := make([]htmlEv, 0, len(evs))
	for _, e := range evs {
		out = append(out, b.ev(l, e, kind))
	}
	return out
}

func spanID(n, start, end int) string { return fmt.Sprintf("ev-%d-%d-%d", n, start, end) }

// locate finds evidence in text: at its offsets when they hold its words,
// else at the first place the words occur.
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

func (b *pageBuilder) story(st *parallax.Story, i int) htmlStory {
	l := newLabeler(b.cat, st)
	hs := htmlStory{
		Anchor:  fmt.Sprintf("story-%d", i+1),
		ID:      st.ID,
		Title:   oneLine(st.Title),
		Outlets: l.outlets,
	}
	if hs.Title == "" {
		hs.Title = "Story " + st.ID
	}
	var sub []string
	if d := dateRange(st); d != "" {
		sub = append(sub, d)
	}
	sub = append(sub, plural(len(l.outlets), "outlet", "outlets"), plural(len(st.Articles), "article", "articles"))
	hs.Sub = strings.Join(sub, " · ")
	for _, a := range st.Articles {
		hs.Articles = append(hs.Articles, htmlRow{
			ID: a.ID, Outlet: l.label(a.ID), Published: a.Published, Language: a.Language,
			Title: oneLine(a.Title), DuplicateOf: a.DuplicateOf, Words: a.Words, Href: b.articleHref(a.ID),
		})
	}

	// Conflicts first, so a span both disputed and reported is marked disputed.
	for _, c := range st.Conflicts {
		hc := htmlConflict{Kind: c.Kind, Subject: oneLine(c.Subject), Summary: oneLine(c.Summary)}
		for _, side := range c.Sides {
			hc.Sides = append(hc.Sides, htmlSide{
				Outlets:  strings.Join(l.labels(side), ", "),
				Evidence: b.evs(l, side, "conflict"),
			})
		}
		hs.Conflicts = append(hs.Conflicts, hc)
	}

	shared, only := l.split(st)
	factEvs := map[*parallax.Fact][]htmlEv{}
	for _, f := range shared {
		evs := b.evs(l, f.Evidence, "fact")
		factEvs[f] = evs
		hs.Shared = append(hs.Shared, htmlFact{
			Summary: oneLine(f.Summary), Kind: f.Kind,
			Outlets: strings.Join(l.factOutlets(f), ", "), Omitted: strings.Join(f.Omitted, ", "),
			Evidence: evs,
		})
	}
	for _, g := range only {
		ho := htmlOnly{Outlet: g.Outlet}
		var others []string
		for _, o := range l.outlets {
			if o != g.Outlet {
				others = append(others, o)
			}
		}
		ho.Others = strings.Join(others, ", ")
		for _, f := range g.Facts {
			evs := b.evs(l, f.Evidence, "only")
			factEvs[f] = evs
			ho.Facts = append(ho.Facts, htmlFact{Summary: oneLine(f.Summary), Kind: f.Kind, Evidence: evs})
		}
		hs.Only = append(hs.Only, ho)
	}
	for i := range st.Facts {
		f := &st.Facts[i]
		row := htmlFactRow{Summary: oneLine(f.Summary), Kind: f.Kind, Exclusive: l.isExclusive(f)}
		reported := map[string]bool{}
		for _, o := range l.factOutlets(f) {
			reported[o] = true
		}
		omitted := map[string]bool{}
		for _, o := range f.Omitted {
			omitted[o] = true
		}
		for _, o := range l.outlets {
			cell := htmlCell{}
			switch {
			case reported[o]:
				cell.State = "reported"
				for j, e := range f.Evidence {
					if l.outlet(e.Article) == o && j < len(factEvs[f]) {
						cell.Href = factEvs[f][j].Href
						break
					}
				}
			case omitted[o]:
				cell.State = "omitted"
			}
			row.Cells = append(row.Cells, cell)
		}
		hs.Matrix = append(hs.Matrix, row)
	}

	named, anonymous, scare := speakerGroups(st)
	cues := quoteCues(st)
	for _, sp := range named {
		hsp := htmlSpeaker{Name: oneLine(sp.Name)}
		for _, g := range sp.Quotes {
			hg := htmlQuoteGroup{Text: oneLine(g.Text), Outlets: strings.Join(g.Outlets, ", ")}
			for _, v := range g.Variants {
				hv := htmlVariant{Ev: b.ev(l, v, "quote"), Differs: oneLine(v.Text) != oneLine(g.Text)}
				// The cue, unless the sentence shown already holds it.
				if c := oneLine(cues[cueKey(v.Article, v.Start)]); !strings.Contains(hv.Ev.Before+hv.Ev.Text+hv.Ev.After, c) {
					hv.Cue = c
				}
				hg.Variants = append(hg.Variants, hv)
			}
			hsp.Quotes = append(hsp.Quotes, hg)
		}
		hs.Speakers = append(hs.Speakers, hsp)
	}
	for _, q := range anonymous {
		hs.Anonymous = append(hs.Anonymous, b.ev(l, quoteEvidence(q), "quote"))
	}
	for _, q := range scare {
		hs.Scare = append(hs.Scare, b.ev(l, quoteEvidence(q), "scare"))
	}

	for _, fr := range st.Framing {
		outlet := fr.Outlet
		if outlet == "" {
			outlet = l.label(fr.Article)
		}
		hs.Framing = append(hs.Framing, htmlFraming{
			Outlet: outlet, Words: fr.Words, Quotes: fr.QuoteCount, Attributed: percent(fr.AttributedShare),
			Hedges: b.evs(l, fr.Hedges, "hedge"), Loaded: b.evs(l, fr.Loaded, "loaded"), Opinion: b.evs(l, fr.Opinion, "opinion"),
			TopEntities: strings.Join(fr.TopEntities, ", "),
		})
	}

	for _, t := range st.Timeline {
		ht := htmlTimeline{Date: t.Date, Summary: oneLine(t.Summary)}
		seen := map[string]bool{}
		for _, e := range t.Evidence {
			ev := b.ev(l, e, "date")
			if seen[ev.Outlet] {
				continue
			}
			seen[ev.Outlet] = true
			ht.Sources = append(ht.Sources, htmlRef{ID: e.Article, Label: ev.Outlet, Href: ev.Href})
		}
		hs.Timeline = append(hs.Timeline, ht)
	}

	for _, d := range st.Digest {
		hd := htmlDigest{Text: oneLine(d.Text), Disputed: oneLine(d.Disputed)}
		href := map[string]string{}
		for _, e := range d.Evidence {
			ev := b.ev(l, e, "digest")
			if _, ok := href[e.Article]; !ok {
				href[e.Article] = ev.Href
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
			label := l.label(id)
			if seen[label] {
				continue
			}
			seen[label] = true
			h, ok := href[id]
			if !ok {
				h = b.articleHref(id)
			}
			hd.Cites = append(hd.Cites, htmlRef{ID: id, Label: label, Href: h})
		}
		hs.Digest = append(hs.Digest, hd)
	}
	return hs
}

func quoteEvidence(q parallax.StoryQuote) parallax.Evidence {
	return parallax.Evidence{Article: q.Article, Text: q.Text, Start: q.Start, End: q.End}
}

// article renders one article's text with its recorded spans highlighted.
func (b *pageBuilder) article(a *parallax.Article) htmlArticle {
	n := b.anchor(a.ID)
	info := b.cat.info[a.ID]
	ha := htmlArticle{
		Anchor:    fmt.Sprintf("art-%d", n),
		ID:        a.ID,
		Outlet:    outletOf(info, a.ID),
		Title:     oneLine(a.Title),
		Published: a.PublishedDate(),
		Language:  a.Language,
		Author:    oneLine(a.Author),
		Source:    a.Source,
	}
	if a.Outlet != "" {
		ha.Outlet = a.Outlet
	}
	if ha.Title == "" {
		ha.Title = oneLine(info.Title)
	}
	if ha.Published == "" {
		ha.Published = info.Published
	}
	switch {
	case webURL(a.URL) != "":
		ha.URL = webURL(a.URL)
	case webURL(a.Source) != "":
		ha.URL = webURL(a.Source)
	}
	ha.Body = highlight(a.Text, b.spans[a.ID], n)
	return ha
}

// webURL returns s when it is an http or https address, "" otherwise, so
// that javascript:, data: and other addresses never become links.
func webURL(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return s
	}
	return ""
}

// highlight splits text into runs and marks. Spans may nest or overlap:
// a mark that must close while a later one is open closes that one too and
// opens it again after, so the markup always nests. The first opening of
// each span carries its id.
func highlight(text string, spans map[[2]int]*hspan, n int) []htmlPiece {
	list := make([]*hspan, 0, len(spans))
	for _, s := range spans {
		list = append(list, s)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].start != list[j].start {
			return list[i].start < list[j].start
		}
		return list[i].end > list[j].end
	})
	var cuts []int
	for _, s := range list {
		cuts = append(cuts, s.start, s.end)
	}
	sort.Ints(cuts)

	var out []htmlPiece
	var stack []*hspan
	pos, next := 0, 0
	open := func(s *hspan, first bool) {
		p := htmlPiece{Open: true, Class: spanClass(s), Title: spanTitle(s)}
		if first {
			p.ID = spanID(n, s.start, s.end)
		}
		out = append(out, p)
	}
	for i, at := range cuts {
		if i > 0 && at == cuts[i-1] {
			continue
		}
		if at > pos {
			out = append(out, htmlPiece{Text: text[pos:at]})
			pos = at
		}
		// Close what ends here, reopening what was open above it.
		first := -1
		for k, s := range stack {
			if s.end <= at {
				first = k
				break
			}
		}
		if first >= 0 {
			for range stack[first:] {
				out = append(out, htmlPiece{Close: true})
			}
			kept := append([]*hspan(nil), stack[:first]...)
			for _, s := range stack[first:] {
				if s.end > at {
					open(s, false)
					kept = append(kept, s)
				}
			}
			stack = kept
		}
		for next < len(list) && list[next].start == at {
			open(list[next], true)
			stack = append(stack, list[next])
			next++
		}
	}
	if pos < len(text) {
		out = append(out, htmlPiece{Text: text[pos:]})
	}
	return out
}

func spanClass(s *hspan) string {
	var cs []string
	for _, k := range kindOrder {
		if s.kinds[k] {
			cs = append(cs, "k-"+k)
		}
	}
	return strings.Join(cs, " ")
}

func spanTitle(s *hspan) string {
	var ts []string
	for i := len(kindOrder) - 1; i >= 0; i-- {
		if k := kindOrder[i]; s.kinds[k] {
			ts = append(ts, kindNames[k])
		}
	}
	return strings.Join(ts, " · ")
}
