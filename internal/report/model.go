package report

import (
	"fmt"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/view"
)

// This file holds what every human-readable format shares beyond the
// story view (internal/view): who an article is, across the whole report.

// catalog knows every article a report mentions.
type catalog struct {
	info  map[string]parallax.ArticleInfo
	order []string // article IDs, report order: rep.Articles, then each story's
	all   []parallax.ArticleInfo
}

func newCatalog(rep *parallax.Report) *catalog {
	c := &catalog{info: map[string]parallax.ArticleInfo{}}
	add := func(a parallax.ArticleInfo) {
		if _, ok := c.info[a.ID]; ok {
			return
		}
		c.info[a.ID] = a
		c.order = append(c.order, a.ID)
		c.all = append(c.all, a)
	}
	for _, a := range rep.Articles {
		add(a)
	}
	for _, st := range rep.Stories {
		for _, a := range st.Articles {
			add(a)
		}
	}
	return c
}

func outletOf(a parallax.ArticleInfo, id string) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	return id
}

func articleLine(a parallax.ArticleInfo, id string) string {
	parts := []string{outletOf(a, id)}
	if a.Published != "" {
		parts = append(parts, a.Published)
	}
	if a.Title != "" {
		parts = append(parts, "“"+oneLine(a.Title)+"”")
	}
	return strings.Join(parts, " · ")
}

// inputProblem says what went wrong with an input, naming it once.
func inputProblem(e parallax.InputError) string {
	in, p := oneLine(e.Input), oneLine(e.Problem)
	if in == "" || strings.Contains(p, in) {
		return p
	}
	return in + ": " + p
}

// storySub is the line under a story's title: dates, outlets, articles.
func storySub(v *view.Story) string {
	var sub []string
	if v.Dates != "" {
		sub = append(sub, v.Dates)
	}
	sub = append(sub, plural(len(v.Outlets), "outlet", "outlets"), plural(len(v.Articles), "article", "articles"))
	if v.Undated > 0 {
		sub = append(sub, fmt.Sprintf("%d undated", v.Undated))
	}
	return strings.Join(sub, " · ")
}

// agreedCount is "3 of 5 outlets".
func agreedCount(l view.Line) string {
	if l.Of > 0 {
		return fmt.Sprintf("%d of %d outlets", l.Outlets, l.Of)
	}
	return plural(l.Outlets, "outlet", "outlets")
}

// sidesText is "A, B vs C".
func sidesText(sides [][]string) string {
	parts := make([]string, 0, len(sides))
	for _, s := range sides {
		parts = append(parts, strings.Join(s, ", "))
	}
	return strings.Join(parts, " vs ")
}

// reviewText says what a person marked a conflict as.
func reviewText(r *parallax.Review) string {
	if r == nil {
		return ""
	}
	s := "not a conflict"
	if r.Verdict == parallax.Confirmed {
		s = "confirmed"
	}
	if r.By != "" {
		s += " by " + r.By
	}
	if !r.At.IsZero() {
		s += " on " + r.At.UTC().Format("2006-01-02")
	}
	if r.Note != "" {
		s += ": " + oneLine(r.Note)
	}
	return s
}

// factTag is how the text and Markdown reports name a fact: its ID.
func factTag(id string) string {
	if id == "" {
		return "fact"
	}
	return id
}

func plural(n int, one, many string) string { return view.Plural(n, one, many) }

func percent(share float64) string { return view.Percent(share) }

func oneLine(s string) string { return view.OneLine(s) }

func evidenceTexts(evs []view.Ev) []string {
	out := make([]string, 0, len(evs))
	for _, e := range evs {
		out = append(out, `“`+e.Text+`”`)
	}
	return out
}
