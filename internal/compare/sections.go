package compare

import (
	"fmt"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax"
)

// quotes lists every quote with its speaker's story-wide name, and groups
// statements by speaker with each outlet's wording of the same words.
func (s *story) quotes() ([]parallax.StoryQuote, []parallax.Speaker) {
	var all []parallax.StoryQuote
	for _, a := range s.arts {
		for _, q := range a.Quotes {
			sq := parallax.StoryQuote{Article: a.Article.ID, Text: q.Text, Cue: q.Cue, Scare: q.Scare,
				Start: q.Span.Start, End: q.Span.End}
			if q.Speaker != "" {
				sq.Speaker = s.ents.canonical(q.Speaker)
			}
			all = append(all, sq)
		}
	}
	bySpeaker := map[string][]parallax.StoryQuote{}
	var names []string
	for _, q := range all {
		if q.Speaker == "" || q.Scare {
			continue
		}
		if _, ok := bySpeaker[q.Speaker]; !ok {
			names = append(names, q.Speaker)
		}
		bySpeaker[q.Speaker] = append(bySpeaker[q.Speaker], q)
	}
	var speakers []parallax.Speaker
	for _, n := range names {
		sp := parallax.Speaker{Name: n}
		for _, q := range bySpeaker[n] {
			ev := parallax.Evidence{Article: q.Article, Text: q.Text, Start: q.Start, End: q.End}
			placed := false
			for gi := range sp.Quotes {
				if sameWords(sp.Quotes[gi].Text, q.Text) {
					sp.Quotes[gi].Variants = append(sp.Quotes[gi].Variants, ev)
					sp.Quotes[gi].Outlets = appendUniq(sp.Quotes[gi].Outlets, s.outletOf[q.Article])
					placed = true
					break
				}
			}
			if !placed {
				sp.Quotes = append(sp.Quotes, parallax.QuoteGroup{Text: q.Text, Variants: []parallax.Evidence{ev},
					Outlets: []string{s.outletOf[q.Article]}})
			}
		}
		speakers = append(speakers, sp)
	}
	sort.SliceStable(speakers, func(i, j int) bool { return len(speakers[i].Quotes) > len(speakers[j].Quotes) })
	return all, speakers
}

// sameWords: two wordings of one statement share most of their words.
func sameWords(a, b string) bool {
	wa, wb := contentWords(a), contentWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
	}
	set := map[string]bool{}
	for _, w := range wa {
		set[w] = true
	}
	common := 0
	for _, w := range wb {
		if set[w] {
			common++
		}
	}
	small := minInt(len(wa), len(wb))
	return float64(common)/float64(small) >= 0.6
}

func appendUniq(list []string, v string) []string {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}

func (s *story) quantities() []parallax.StoryQuantity {
	var out []parallax.StoryQuantity
	for _, a := range s.arts {
		for _, q := range a.Quantities {
			out = append(out, parallax.StoryQuantity{Article: a.Article.ID, Text: q.Text, Value: q.Value, Low: q.Low,
				High: q.High, Unit: q.Unit, Per: q.Per, Approx: q.Approx, Start: q.Span.Start, End: q.Span.End})
		}
	}
	return out
}

func (s *story) dates() []parallax.StoryDate {
	var out []parallax.StoryDate
	for _, a := range s.arts {
		art := a.Article
		if art.PublishedEvidence.Len() > 0 && !art.Published.IsZero() {
			sp := art.PublishedEvidence
			out = append(out, parallax.StoryDate{Article: art.ID, Text: sp.Of(art.Text), Date: art.PublishedDate(),
				Published: true, Start: sp.Start, End: sp.End})
		}
		for _, d := range a.Dates {
			if d.Date == "" {
				continue
			}
			out = append(out, parallax.StoryDate{Article: art.ID, Text: d.Text, Date: d.Date, Relative: d.Relative,
				Published: d.Published, Start: d.Span.Start, End: d.Span.End})
		}
	}
	return out
}

func (s *story) framing() []parallax.OutletFraming {
	var out []parallax.OutletFraming
	for _, a := range s.arts {
		art := a.Article
		f := parallax.OutletFraming{Outlet: s.outletOf[art.ID], Article: art.ID, Words: len(strings.Fields(art.Text)),
			Hedges: []parallax.Evidence{}, Loaded: []parallax.Evidence{}, Opinion: []parallax.Evidence{}}
		for _, sg := range a.Signals {
			ev := s.evidence(a, sg.Span)
			switch sg.Kind {
			case "hedge":
				f.Hedges = append(f.Hedges, ev)
			case "loaded":
				f.Loaded = append(f.Loaded, ev)
			case "opinion":
				f.Opinion = append(f.Opinion, ev)
			}
		}
		att := 0
		for _, st := range a.Sentences {
			if st.Attributed {
				att++
			}
		}
		if len(a.Sentences) > 0 {
			f.AttributedShare = float64(att) / float64(len(a.Sentences))
		}
		for _, q := range a.Quotes {
			if !q.Scare {
				f.QuoteCount++
			}
		}
		ents := append([]parallax.Entity(nil), a.Entities...)
		sort.SliceStable(ents, func(i, j int) bool { return len(ents[i].Mentions) > len(ents[j].Mentions) })
		for i := 0; i < len(ents) && i < 5; i++ {
			f.TopEntities = append(f.TopEntities, s.ents.canonical(ents[i].Name))
		}
		out = append(out, f)
	}
	return out
}

// timeline: dated events, each date with the sentences that give it.
func (s *story) timeline() []parallax.TimelineEntry {
	byDate := map[string]*parallax.TimelineEntry{}
	seen := map[string]bool{}
	for _, u := range s.units {
		for _, di := range u.dates {
			d := u.art.Dates[di]
			if d.Published || len(d.Date) < 10 {
				continue
			}
			key := d.Date + "|" + u.art.Article.ID
			if seen[key] {
				continue
			}
			seen[key] = true
			e := byDate[d.Date]
			if e == nil {
				e = &parallax.TimelineEntry{Date: d.Date, Summary: summarize(u.span.Of(u.art.Article.Text))}
				byDate[d.Date] = e
			}
			sp := clause(u.art.Article.Text, u.span, d.Span, 40)
			e.Evidence = append(e.Evidence, s.evidence(u.art, sp))
		}
	}
	var out []parallax.TimelineEntry
	for _, e := range byDate {
		out = append(out, *e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// digest: the shared facts, most widely reported first, each told in one
// outlet's words and citing every outlet that reports it; then the
// disagreements, each side in its own words.
func (s *story) digest(facts []parallax.Fact, conflicts []parallax.Conflict) []parallax.DigestLine {
	var out []parallax.DigestLine
	for _, f := range facts {
		if len(f.Outlets) < 2 || f.Kind != "statement" {
			continue
		}
		rep := f.Evidence[0]
		for _, e := range f.Evidence {
			if s.byID[e.Article].Language == "en" && s.byID[rep.Article].Language != "en" || len(e.Text) < len(rep.Text) && s.byID[e.Article].Language == s.byID[rep.Article].Language {
				rep = e
			}
		}
		line := parallax.DigestLine{Text: rep.Text, Evidence: f.Evidence}
		for _, e := range f.Evidence {
			line.Cites = appendUniq(line.Cites, e.Article)
		}
		for _, c := range conflicts {
			if touches(c, f) {
				line.Disputed = c.Summary
			}
		}
		out = append(out, line)
		if len(out) >= 8 {
			break
		}
	}
	for _, c := range conflicts {
		var parts []string
		line := parallax.DigestLine{}
		for _, side := range c.Sides {
			if len(side) == 0 {
				continue
			}
			parts = append(parts, fmt.Sprintf("%s: “%s”", s.outletOf[side[0].Article], side[0].Text))
			for _, e := range side {
				line.Cites = appendUniq(line.Cites, e.Article)
				line.Evidence = append(line.Evidence, e)
			}
		}
		line.Text = "Disputed (" + c.Kind + "): " + strings.Join(parts, " — versus — ")
		line.Disputed = c.Summary
		out = append(out, line)
	}
	return out
}

func touches(c parallax.Conflict, f parallax.Fact) bool {
	for _, side := range c.Sides {
		for _, e := range side {
			for _, fe := range f.Evidence {
				if e.Article == fe.Article && e.Start < fe.End && fe.Start < e.End {
					return true
				}
			}
		}
	}
	return false
}
