package compare

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
	"github.com/parallaxnews/parallax/internal/quantity"
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

// partsMarkers open a list of the parts of the figure just before them
// ("67 people: 60 passengers, four crew and three soldiers", "$334
// million, including $281 million in cash"). After one that lists every
// part (a colon, a dash, a bracket) the parts must make the total; after
// one that lists some ("including", "among them"), they must not pass it.
var (
	allParts  = []string{":", "("}
	someParts = []string{"including", "among them", "of whom", "of which", "incluidos", "incluidas", "entre ellos", "entre ellas", "de los cuales", "de las cuales"}
)

// partsConflicts finds a sentence whose figure is followed by a list of
// its parts that do not add up to it: more than the total, or, listed
// whole, other than it. Exact figures only, counted things of the total's
// kind (the same head, or a kind of person for "people") or sums of money
// in its currency; two parts or more.
func (s *story) partsConflicts() []parallax.Conflict {
	var out []parallax.Conflict
	for _, u := range s.units {
		if u.quoted || len(u.qtys) < 3 {
			continue
		}
		text := u.art.Article.Text
		qs := u.qtys
		for ti, qi := range qs {
			total := &u.art.Quantities[qi]
			if !exactFigure(total) || total.Unit == "percent" || total.Unit == "" && total.Head == "" {
				continue
			}
			if ti+1 >= len(qs) {
				break
			}
			first := &u.art.Quantities[qs[ti+1]]
			between := strings.ToLower(strings.TrimSpace(text[total.Span.End:first.Span.Start]))
			whole, some := false, false
			for _, m := range allParts {
				if strings.HasPrefix(between, m) || strings.HasSuffix(between, m) && len(strings.Fields(between)) <= 3 {
					whole = true
				}
			}
			for _, m := range someParts {
				if strings.Contains(between, m) && len(strings.Fields(between)) <= len(strings.Fields(m))+3 {
					some = true
				}
			}
			if !whole && !some || strings.ContainsAny(between, ".;") {
				continue
			}
			var parts []*parallax.Quantity
			sum := 0.0
			for _, pj := range qs[ti+1:] {
				p := &u.art.Quantities[pj]
				// a bare number in the list takes the total's noun ("40
				// berths: 30 for trawlers and five for ferries")
				bare := p.Unit == "" && p.Head == "" && !quantity.IsMoney(*total)
				if !exactFigure(p) || !(bare || quantity.SameThing(*total, *p) || quantity.KindOf(*total, *p)) {
					break
				}
				if len(parts) > 0 && !listGap(text[parts[len(parts)-1].Span.End:p.Span.Start]) {
					break
				}
				parts = append(parts, p)
				sum += *p.Value
			}
			t := *total.Value
			if len(parts) >= 2 && !listEnd(text[parts[len(parts)-1].Span.End:u.span.End]) {
				continue
			}
			if len(parts) < 2 || sum <= t && !(whole && sum < t) || math.Abs(sum-t) <= 0.005*t {
				continue
			}
			last := parts[len(parts)-1]
			partsSpan := parallax.Span{Start: parts[0].Span.Start, End: last.Span.End}
			var told []string
			for _, p := range parts {
				told = append(told, p.Text)
			}
			out = append(out, parallax.Conflict{Kind: "quantity", Label: parallax.LabelSelfContradiction,
				Subject: total.Text,
				Summary: fmt.Sprintf("%s gives %q as the total of %s, which make %s", s.outletOf[u.art.Article.ID], total.Text,
					joinOr(told), strconv.FormatFloat(sum, 'f', -1, 64)),
				Sides: [][]parallax.Evidence{
					{s.evidence(u.art, clause(text, u.span, total.Span, figureWords))},
					{s.evidence(u.art, partsSpan)},
				}})
		}
	}
	return out
}

// listGap: the words between two parts of a list — a comma or a
// coordinating conjunction, and at most a few words of the part before
// ("$40 million in cash and $20 million").
func listGap(gap string) bool {
	if strings.ContainsAny(gap, ".;:()") || len(strings.Fields(gap)) > 5 {
		return false
	}
	return strings.Contains(gap, ",") || hasWord(gap, listConjunctions.Entries()...)
}

// listEnd: the list stops at its last part, not in a comparison ("13 more
// than …") or a longer figure.
func listEnd(after string) bool {
	f := strings.Fields(strings.ToLower(after))
	for i, w := range f {
		if i >= 2 {
			break
		}
		if comparatives.Has(w) {
			return false
		}
	}
	return true
}

var (
	listConjunctions = lang.Words("coordinating_conjunctions")
	comparatives     = lang.Words("comparison_words")
)

// exactFigure: a single exact value, not a range, a bound or an estimate.
func exactFigure(q *parallax.Quantity) bool {
	return q.Value != nil && !q.Approx && q.Low == nil && q.High == nil && *q.Value > 0
}
