package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax"
)

// storyData is a story as stored: its listing, its last report (nil before
// the first comparison) and its articles.
type storyData struct {
	info parallax.StoryInfo
	raw  []byte
	rep  *parallax.Report
	st   *parallax.Story // the report's story; nil when there is none
	recs []*parallax.Record
}

// loadReport reads a story's listing and report.
func (s *Server) loadReport(ctx context.Context, id int64) (*storyData, error) {
	info, raw, err := s.store.Story(ctx, id)
	if err != nil {
		return nil, err
	}
	return decodeStory(info, raw)
}

func decodeStory(info parallax.StoryInfo, raw []byte) (*storyData, error) {
	d := &storyData{info: info, raw: raw}
	if len(raw) > 0 {
		var rep parallax.Report
		if err := json.Unmarshal(raw, &rep); err != nil {
			return nil, fmt.Errorf("story s%d: stored report unreadable: %w", info.ID, err)
		}
		d.rep = &rep
		if len(rep.Stories) > 0 {
			d.st = &rep.Stories[0]
		}
	}
	return d, nil
}

type storyPage struct {
	base
	ID        int64
	Info      parallax.StoryInfo
	Heading   string
	Dates     string
	Outlets   []string
	Articles  []articleRow
	Reported  bool // the story has a comparison
	Matrix    []matrixRow
	Facts     []factView
	Only      []onlyGroup
	Conflicts []conflictView
	SideHeads []string // the conflict table's side columns
	Speakers  []speakerView
	Anonymous []evView
	Scare     []evView
	Framing   []framingView
	Timeline  []timelineView
	Digest    []digestView
}

type articleRow struct {
	ID          int64
	Outlet      string
	Title       string
	Published   string
	Language    string
	Words       int
	DuplicateOf int64
}

type matrixRow struct {
	Summary   string
	Kind      string
	Exclusive bool
	Cells     []matrixCell
}

type matrixCell struct {
	Outlet string
	State  string // "reported", "omitted" or "" (unknown)
	Href   string
}

type factView struct {
	Summary   string
	Kind      string
	Outlets   string
	Omitted   string
	Exclusive bool
	Evidence  []evView
}

type onlyGroup struct {
	Outlet string
	Others string
	Facts  []factView
}

type conflictView struct {
	Kind    string
	Subject string
	Summary string
	Sides   []sideView
}

type sideView struct {
	Label    string
	Evidence []evView
}

type speakerView struct {
	Name   string
	Quotes []quoteGroupView
}

type quoteGroupView struct {
	Text     string
	Outlets  string
	Variants []variantView
}

type variantView struct {
	Ev      evView
	Cue     string
	Differs bool
}

type framingView struct {
	Outlet      string
	Words       int
	Attributed  float64
	Quotes      int
	Hedges      []evView
	Loaded      []evView
	Opinion     []evView
	TopEntities string
}

type timelineView struct {
	Date    string
	Summary string
	Sources []citeView
}

type digestView struct {
	Text     string
	Disputed string
	Cites    []citeView
}

type citeView struct {
	Label string
	Href  string
}

func (s *Server) handleStory(w http.ResponseWriter, r *http.Request) {
	id, err := parseID(r.PathValue("id"), "s", "story")
	if err != nil {
		s.error(w, r, err)
		return
	}
	ctx := r.Context()
	info, raw, err := s.store.Story(ctx, id)
	if err != nil {
		s.error(w, r, err)
		return
	}
	// A story's page changes only with its report (articles are never
	// edited): the report's hash, and the time it was made, are the key.
	key := ""
	if len(raw) > 0 {
		sum := sha256.Sum256(raw)
		key = strconv.FormatInt(id, 10) + "@" + strconv.FormatInt(info.Updated.UnixNano(), 10) + "@" + hex.EncodeToString(sum[:16])
		if b, ok := s.storyPages.get(key); ok {
			writePage(w, r, http.StatusOK, b)
			return
		}
	}
	d, err := decodeStory(info, raw)
	if err != nil {
		s.error(w, r, err)
		return
	}
	if d.recs, err = s.store.StoryArticles(ctx, id); err != nil {
		s.error(w, r, err)
		return
	}
	p := buildStoryPage(d)
	p.base = s.base(r, p.Heading)
	p.Nav = "stories"
	b, err := s.renderBytes("story", p)
	if err != nil {
		s.error(w, r, err)
		return
	}
	if key != "" {
		s.storyPages.put(key, b)
	}
	writePage(w, r, http.StatusOK, b)
}

// buildStoryPage lays a story's report out for its page.
func buildStoryPage(d *storyData) *storyPage {
	p := &storyPage{ID: d.info.ID, Info: d.info, Heading: oneLine(d.info.Title)}
	if d.st == nil {
		if p.Heading == "" {
			p.Heading = "Story s" + strconv.FormatInt(d.info.ID, 10)
		}
		for _, r := range d.recs {
			p.Articles = append(p.Articles, articleRow{ID: r.ID, Outlet: r.Outlet, Title: oneLine(r.Title),
				Published: r.PublishedDate(), Language: r.Language, DuplicateOf: r.DuplicateOf})
		}
		return p
	}
	st := d.st
	p.Reported = true
	if t := oneLine(st.Title); t != "" {
		p.Heading = t
	}
	if p.Heading == "" {
		p.Heading = "Story " + st.ID
	}
	l := newLinker(st, d.rep.Articles, d.recs)
	p.Outlets = st.Outlets
	if len(p.Outlets) == 0 {
		seen := map[string]bool{}
		for _, a := range st.Articles {
			if o := l.outletOf(a.ID); !seen[o] {
				seen[o] = true
				p.Outlets = append(p.Outlets, o)
			}
		}
	}
	p.Dates = dateRange(st)
	for _, a := range st.Articles {
		n, _ := articleNum(a.ID)
		dup, _ := articleNum(a.DuplicateOf)
		p.Articles = append(p.Articles, articleRow{ID: n, Outlet: l.outletOf(a.ID), Title: oneLine(a.Title),
			Published: a.Published, Language: a.Language, Words: a.Words, DuplicateOf: dup})
	}

	// The coverage matrix, and each fact in its outlets' words.
	onlyAt := map[string]int{}
	for i := range st.Facts {
		f := &st.Facts[i]
		outs := factOutlets(l, f)
		excl := f.Exclusive || len(outs) == 1
		evs := l.evs(f.Evidence)
		fv := factView{Summary: oneLine(f.Summary), Kind: f.Kind, Outlets: strings.Join(outs, ", "),
			Omitted: strings.Join(f.Omitted, ", "), Exclusive: excl, Evidence: evs}
		p.Facts = append(p.Facts, fv)
		if excl {
			o := "unknown outlet"
			if len(outs) > 0 {
				o = outs[0]
			}
			k, ok := onlyAt[o]
			if !ok {
				k = len(p.Only)
				onlyAt[o] = k
				var others []string
				for _, x := range p.Outlets {
					if x != o {
						others = append(others, x)
					}
				}
				p.Only = append(p.Only, onlyGroup{Outlet: o, Others: strings.Join(others, ", ")})
			}
			p.Only[k].Facts = append(p.Only[k].Facts, fv)
		}
		row := matrixRow{Summary: fv.Summary, Kind: f.Kind, Exclusive: excl}
		reported := map[string]bool{}
		for _, o := range outs {
			reported[o] = true
		}
		omitted := map[string]bool{}
		for _, o := range f.Omitted {
			omitted[o] = true
		}
		for _, o := range p.Outlets {
			c := matrixCell{Outlet: o}
			switch {
			case reported[o]:
				c.State = "reported"
				for j, e := range f.Evidence {
					if l.outletOf(e.Article) == o {
						c.Href = evs[j].Href
						break
					}
				}
			case omitted[o]:
				c.State = "omitted"
			}
			row.Cells = append(row.Cells, c)
		}
		p.Matrix = append(p.Matrix, row)
	}

	for _, c := range st.Conflicts {
		cv := conflictView{Kind: c.Kind, Subject: oneLine(c.Subject), Summary: oneLine(c.Summary)}
		for _, side := range c.Sides {
			var labels []string
			seen := map[string]bool{}
			for _, e := range side {
				if lb := l.label(e.Article); !seen[lb] {
					seen[lb] = true
					labels = append(labels, lb)
				}
			}
			cv.Sides = append(cv.Sides, sideView{Label: strings.Join(labels, ", "), Evidence: l.evs(side)})
		}
		p.Conflicts = append(p.Conflicts, cv)
	}

	// One table for all: every row as many sides as the widest.
	most := 0
	for _, c := range p.Conflicts {
		most = max(most, len(c.Sides))
	}
	for i := range p.Conflicts {
		for len(p.Conflicts[i].Sides) < most {
			p.Conflicts[i].Sides = append(p.Conflicts[i].Sides, sideView{})
		}
	}
	for i := range most {
		switch i {
		case 0:
			p.SideHeads = append(p.SideHeads, "One side")
		case 1:
			p.SideHeads = append(p.SideHeads, "The other side")
		default:
			p.SideHeads = append(p.SideHeads, fmt.Sprintf("Side %d", i+1))
		}
	}

	p.Speakers, p.Anonymous, p.Scare = speakers(l, st)

	for _, fr := range st.Framing {
		o := fr.Outlet
		if o == "" {
			o = l.outletOf(fr.Article)
		}
		p.Framing = append(p.Framing, framingView{Outlet: o, Words: fr.Words, Attributed: fr.AttributedShare,
			Quotes: fr.QuoteCount, Hedges: l.evs(fr.Hedges), Loaded: l.evs(fr.Loaded), Opinion: l.evs(fr.Opinion),
			TopEntities: strings.Join(fr.TopEntities, ", ")})
	}

	for _, t := range st.Timeline {
		tv := timelineView{Date: t.Date, Summary: oneLine(t.Summary)}
		seen := map[string]bool{}
		for _, e := range t.Evidence {
			ev := l.ev(e)
			if !seen[ev.Outlet] {
				seen[ev.Outlet] = true
				tv.Sources = append(tv.Sources, citeView{Label: ev.Outlet, Href: ev.Href})
			}
		}
		p.Timeline = append(p.Timeline, tv)
	}

	for _, dl := range st.Digest {
		dv := digestView{Text: oneLine(dl.Text), Disputed: oneLine(dl.Disputed)}
		href := map[string]string{}
		for _, e := range dl.Evidence {
			if _, ok := href[e.Article]; !ok {
				href[e.Article] = l.ev(e).Href
			}
		}
		cites := dl.Cites
		if len(cites) == 0 {
			for _, e := range dl.Evidence {
				cites = append(cites, e.Article)
			}
		}
		seen := map[string]bool{}
		for _, id := range cites {
			lb := l.label(id)
			if seen[lb] {
				continue
			}
			seen[lb] = true
			h, ok := href[id]
			if !ok {
				if n, ok := articleNum(id); ok {
					h = articleHref(n)
				}
			}
			dv.Cites = append(dv.Cites, citeView{Label: lb, Href: h})
		}
		p.Digest = append(p.Digest, dv)
	}
	return p
}

// factOutlets is the outlets that report f.
func factOutlets(l *linker, f *parallax.Fact) []string { return f.ReportedBy(l.outletOf) }

// speakers groups what was quoted by speaker; quotes nobody can be named
// for and scare quotes come apart.
func speakers(l *linker, st *parallax.Story) (named []speakerView, anonymous, scare []evView) {
	cues := map[string]string{}
	for _, q := range st.Quotes {
		cues[q.Article+":"+strconv.Itoa(q.Start)] = q.Cue
		switch {
		case q.Scare:
			scare = append(scare, l.ev(quoteEvidence(q)))
		case q.Speaker == "":
			anonymous = append(anonymous, l.ev(quoteEvidence(q)))
		}
	}
	groups := st.Speakers
	if len(groups) == 0 {
		at := map[string]int{}
		for _, q := range st.Quotes {
			if q.Scare || q.Speaker == "" {
				continue
			}
			k, ok := at[q.Speaker]
			if !ok {
				k = len(groups)
				at[q.Speaker] = k
				groups = append(groups, parallax.Speaker{Name: q.Speaker})
			}
			groups[k].Quotes = append(groups[k].Quotes, parallax.QuoteGroup{Text: q.Text,
				Variants: []parallax.Evidence{quoteEvidence(q)}})
		}
	}
	for _, sp := range groups {
		sv := speakerView{Name: oneLine(sp.Name)}
		for _, g := range sp.Quotes {
			gv := quoteGroupView{Text: oneLine(g.Text), Outlets: strings.Join(g.Outlets, ", ")}
			for _, v := range g.Variants {
				ev := l.ev(v)
				vv := variantView{Ev: ev, Differs: oneLine(v.Text) != gv.Text}
				if c := oneLine(cues[v.Article+":"+strconv.Itoa(v.Start)]); c != "" && !strings.Contains(ev.Before+ev.Text+ev.After, c) {
					vv.Cue = c
				}
				gv.Variants = append(gv.Variants, vv)
			}
			sv.Quotes = append(sv.Quotes, gv)
		}
		named = append(named, sv)
	}
	return named, anonymous, scare
}

// dateRange is the span of the story's publication dates, "" when none.
func dateRange(st *parallax.Story) string {
	var ds []string
	for _, a := range st.Articles {
		if a.Published != "" {
			ds = append(ds, a.Published)
		}
	}
	if len(ds) == 0 {
		return ""
	}
	sort.Strings(ds)
	if ds[0] == ds[len(ds)-1] {
		return ds[0]
	}
	return ds[0] + " – " + ds[len(ds)-1]
}

// parseID reads a path's ID: "12", or "s12" / "a12" with its prefix.
func parseID(s, prefix, what string) (int64, error) {
	t := strings.TrimPrefix(strings.TrimSpace(s), prefix)
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 {
		return 0, parallax.Errorf(parallax.EINVALID, "%q is not a %s ID (want a number, like %s12)", clip(s, 40), what, prefix)
	}
	return n, nil
}

// clip shortens s to at most n runes.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
