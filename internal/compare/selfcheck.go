package compare

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax"
)

// selfConflicts finds an article that contradicts itself: it gives one
// named person two different ages, each written onto the name ("the
// 38-year-old Maynor Suazo" and "Suazo, 39,"). An age in apposition is the
// person's age when the article was written, so two of them cannot both be
// right; an age told in a clause of its own ("was 21 when she moved") is
// about another time and is left out.
func (s *story) selfConflicts() []parallax.Conflict {
	type key struct {
		art   *parallax.Analysis
		group int
	}
	ages := map[key]map[float64][]qref{}
	var order []key
	for _, q := range s.quantitiesWith(func(q *parallax.Quantity) bool {
		return q.Head == "age" && q.Value != nil && !q.Approx && q.Low == nil && q.High == nil
	}) {
		anch, onto := s.anchors(q)
		if !onto || len(anch) != 1 || thenAge(q) {
			continue
		}
		for g := range anch {
			k := key{q.u.art, g}
			if ages[k] == nil {
				ages[k] = map[float64][]qref{}
				order = append(order, k)
			}
			ages[k][*q.q.Value] = append(ages[k][*q.q.Value], q)
		}
	}
	var out []parallax.Conflict
	for _, k := range order {
		byAge := ages[k]
		if len(byAge) < 2 {
			continue
		}
		var vals []float64
		for v := range byAge {
			vals = append(vals, v)
		}
		sort.Float64s(vals)
		c := parallax.Conflict{Kind: "quantity", Label: parallax.LabelSelfContradiction,
			Subject: "the age of " + s.ents.groupName(k.group)}
		var told []string
		for _, v := range vals {
			q := byAge[v][0]
			text := q.u.art.Article.Text
			c.Sides = append(c.Sides, []parallax.Evidence{s.evidence(q.u.art, clause(text, q.u.span, q.q.Span, figureWords))})
			told = append(told, strconv.FormatFloat(v, 'f', -1, 64))
		}
		c.Summary = fmt.Sprintf("%s gives %s two ages: %s", s.outletOf[k.art.Article.ID], s.ents.groupName(k.group), joinOr(told))
		out = append(out, c)
	}
	return out
}

// thenAge: the age is marked as one of an earlier time ("then-15-year-old
// Timmons", "then 15").
func thenAge(q qref) bool {
	f := strings.Fields(strings.ToLower(strings.TrimRight(q.u.art.Article.Text[q.u.span.Start:q.q.Span.Start], " -‑–")))
	return len(f) > 0 && strings.TrimLeft(f[len(f)-1], "(") == "then"
}

// joinOr lists values as "38 and 39", "38, 39 and 40".
func joinOr(vs []string) string {
	switch len(vs) {
	case 0:
		return ""
	case 1:
		return vs[0]
	}
	out := vs[0]
	for _, v := range vs[1 : len(vs)-1] {
		out += ", " + v
	}
	return out + " and " + vs[len(vs)-1]
}
