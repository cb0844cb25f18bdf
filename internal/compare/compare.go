// Package compare lines up how the articles of one story cover it: the
// entities they name, the facts and figures each reports (shared or
// exclusive), where they disagree, who they quote, how they frame it, a
// timeline and a cited digest. Every item carries the exact words it was
// read from.
package compare

import (
	"sort"
	"strings"

	"github.com/parallaxnews/parallax"
)

// Input is one story's articles, analysed.
type Input struct {
	ID       string
	Analyses []*parallax.Analysis
	// DuplicateOf maps an article ID to the article it copies; copies are
	// shown but do not count as further outlets.
	DuplicateOf map[string]string
}

// story is the working state of one comparison.
type story struct {
	in       Input
	arts     []*parallax.Analysis
	byID     map[string]*parallax.Analysis
	outletOf map[string]string
	outlets  []string
	ents     *entityIndex
	units    []*unit
	df       map[string]int  // feature → number of sentences using it
	featName []string        // feature id → feature
	verdicts map[string]bool // article ID → it reports a verdict (reportsVerdict)
	// year → outlets that mention it (hasOwnYear)
	yearOutlets map[string]map[string]bool
}

// Story compares the articles of one story.
func Story(in Input) parallax.Story {
	s := &story{in: in, arts: in.Analyses, byID: map[string]*parallax.Analysis{}, outletOf: map[string]string{}, df: map[string]int{}}
	for _, a := range s.arts {
		s.byID[a.Article.ID] = a
		s.outletOf[a.Article.ID] = outletName(a.Article)
	}
	seen := map[string]bool{}
	for _, a := range s.arts {
		o := s.outletOf[a.Article.ID]
		if !seen[o] {
			seen[o] = true
			s.outlets = append(s.outlets, o)
		}
	}
	sort.Strings(s.outlets)
	s.ents = mergeEntities(s.arts)
	s.buildUnits()

	out := parallax.Story{ID: in.ID, Outlets: s.outlets}
	for _, a := range s.arts {
		out.Articles = append(out.Articles, Info(a, in.DuplicateOf[a.Article.ID]))
	}
	out.Title = s.title()
	out.Entities = s.entities()
	out.Quotes, out.Speakers = s.quotes()
	out.Quantities = s.quantities()
	out.Dates = s.dates()
	// one outlet has nothing to line up against: its facts are neither
	// shared nor exclusive, and the digest would only repeat the article
	var facts []parallax.Fact
	if len(s.outlets) > 1 {
		facts = s.facts()
	}
	out.Conflicts = s.conflicts()
	out.Facts = facts
	out.Framing = s.framing()
	out.Timeline = s.timeline()
	out.Digest = s.digest(facts, out.Conflicts)
	return out
}

// Info describes an article for a report.
func Info(a *parallax.Analysis, dupOf string) parallax.ArticleInfo {
	art := a.Article
	return parallax.ArticleInfo{ID: art.ID, Source: art.Source, Outlet: outletName(art), Title: art.Title,
		Published: art.PublishedDate(), Language: a.Language, DuplicateOf: dupOf, Words: len(strings.Fields(art.Text)), Unanalysed: a.Unanalysed}
}

func outletName(a *parallax.Article) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	return a.ID
}

func (s *story) evidence(a *parallax.Analysis, sp parallax.Span) parallax.Evidence {
	return parallax.Evidence{Article: a.Article.ID, Text: sp.Of(a.Article.Text), Start: sp.Start, End: sp.End}
}

// title picks the headline of the article most like the others, or the
// first sentence when no article has a headline.
func (s *story) title() string {
	best, bestScore := "", -1.0
	for _, a := range s.arts {
		t := a.Article.Title
		if t == "" {
			continue
		}
		score := 0.0
		for _, u := range s.units {
			if u.art == a && u.idx == 0 {
				score = u.centrality
			}
		}
		if a.Language == "en" {
			score += 1
		}
		if score > bestScore {
			best, bestScore = t, score
		}
	}
	if best == "" && len(s.arts) > 0 && len(s.arts[0].Sentences) > 0 {
		best = s.arts[0].Sentences[0].Span.Of(s.arts[0].Article.Text)
		if len(best) > 120 {
			best = best[:strings.LastIndexByte(best[:120], ' ')] + "…"
		}
	}
	return best
}
