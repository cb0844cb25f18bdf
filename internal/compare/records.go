package compare

import (
	"fmt"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
)

// A record claim says how far back a superlative reaches: "the deadliest
// crash since 2001", "the worst floods in nearly two decades". Two outlets
// that put the last comparable event in years that cannot both be right
// disagree about the record, whatever else they share.
type record struct {
	u      *unit
	sup    string        // the superlative, lower case
	sp     parallax.Span // from the superlative to the end of its reference
	lo, hi float64       // the years the reference allows
}

var superlatives = lang.Words("superlatives", "en")

// recordReach is how many words after a superlative its reference may
// stand ("the deadliest U.S. aviation disaster in nearly two decades").
const recordReach = 10

// records reads the record claims of the story's English sentences.
func (s *story) records() []record {
	var out []record
	for _, u := range s.units {
		if u.quoted || u.words > 90 || u.art.Language != "en" {
			continue
		}
		text := u.art.Article.Text
		var words []parallax.Span
		for _, w := range lang.WordSpans(u.span.Of(text)) {
			words = append(words, parallax.Span{Start: u.span.Start + w[0], End: u.span.Start + w[1]})
		}
		for i, w := range words {
			sup := strings.ToLower(w.Of(text))
			if !superlatives.Has(sup) {
				continue
			}
			for j := i + 1; j < len(words) && j <= i+recordReach; j++ {
				x := strings.ToLower(words[j].Of(text))
				if superlatives.Has(x) {
					break
				}
				if x != "since" && x != "in" {
					continue
				}
				if lo, hi, end, ok := s.reference(u, x, words[j].End); ok {
					out = append(out, record{u: u, sup: sup, sp: parallax.Span{Start: w.Start, End: end}, lo: lo, hi: hi})
					break
				}
			}
		}
	}
	return out
}

// reference reads what follows "since" or "in" at offset at: a date ("since
// Nov. 12, 2001": that year) or a span of years back from publication ("in
// nearly two decades": 16 to 20 years before). ok is false for anything
// else ("in the U.S.").
func (s *story) reference(u *unit, word string, at int) (lo, hi float64, end int, ok bool) {
	text := u.art.Article.Text
	start := at
	for start < len(text) && text[start] == ' ' {
		start++
	}
	if word == "since" {
		for _, di := range u.dates {
			d := u.art.Dates[di]
			if d.Span.Start == start && len(d.Date) >= 4 && !d.Relative {
				var y float64
				if _, err := fmt.Sscanf(d.Date[:4], "%4f", &y); err == nil {
					return y, y, d.Span.End, true
				}
			}
		}
		return 0, 0, 0, false
	}
	year, ok := s.yearOf(u.art)
	if !ok {
		return 0, 0, 0, false
	}
	for _, qi := range u.qtys {
		q := &u.art.Quantities[qi]
		if q.Span.Start != start {
			continue
		}
		scale := 0.0
		switch q.Unit {
		case "years":
			scale = 1
		case "decades":
			scale = 10
		default:
			return 0, 0, 0, false
		}
		a, b, ok := q.Bounds()
		switch {
		case !ok:
			return 0, 0, 0, false
		case q.Value != nil && !q.Approx:
			// a count of years is rounded to its unit: "two decades" is 15-25 years
			a, b = a-0.5, b+0.5
		case q.Value != nil:
			a, b = a*0.9, b*1.1
		case q.Low == nil && q.High != nil:
			// "nearly 20", "almost 25": a little under
			a = 0.8 * b
		case q.High == nil && q.Low != nil:
			// "more than two decades": over, by up to half again (a
			// writer rounds 27 years down to "more than 20")
			b = 1.5 * a
		}
		y := float64(year)
		return y - b*scale, y - a*scale, q.Span.End, true
	}
	return 0, 0, 0, false
}

// yearOf is the year an article was published in, or else the story's
// year when the story has one.
func (s *story) yearOf(a *parallax.Analysis) (int, bool) {
	if !a.Article.Published.IsZero() {
		return a.Article.Published.Year(), true
	}
	ys := s.storyYears()
	if len(ys) != 1 {
		return 0, false
	}
	for y := range ys {
		var n int
		if _, err := fmt.Sscanf(y, "%d", &n); err == nil {
			return n, true
		}
	}
	return 0, false
}

// recordConflicts: outlets that put the same record ("deadliest") in like
// sentences back to years more than one apart. Each side holds the outlets
// whose years fit it and not the other's; one that fits both stands on
// neither.
func (s *story) recordConflicts() []parallax.Conflict {
	rs := s.records()
	apart := func(a, b record) bool { return a.lo > b.hi+1 || b.lo > a.hi+1 }
	var out []parallax.Conflict
	seen := map[[2]int]bool{}
	for i := range rs {
		for j := i + 1; j < len(rs); j++ {
			a, b := rs[i], rs[j]
			if a.sup != b.sup || s.sameSource(a.u.art, b.u.art) || !apart(a, b) || contextSim(a.u, b.u) < recordContext {
				continue
			}
			if seen[[2]int{i, j}] {
				continue
			}
			var sides [2][]parallax.Evidence
			var idx [2][]int
			outs := [2]map[string]bool{{}, {}}
			for k, r := range rs {
				if r.sup != a.sup || contextSim(r.u, a.u) < recordContext && contextSim(r.u, b.u) < recordContext {
					continue
				}
				side := -1
				switch {
				case !apart(r, a) && apart(r, b):
					side = 0
				case apart(r, a) && !apart(r, b):
					side = 1
				default:
					continue
				}
				idx[side] = append(idx[side], k)
				o := s.outletOf[r.u.art.Article.ID]
				if outs[side][o] {
					continue
				}
				outs[side][o] = true
				text := r.u.art.Article.Text
				sides[side] = append(sides[side], s.evidence(r.u.art, clause(text, r.u.span, r.sp, evidenceWords)))
			}
			for _, x := range idx[0] {
				for _, y := range idx[1] {
					seen[[2]int{min(x, y), max(x, y)}] = true
				}
			}
			out = append(out, parallax.Conflict{Kind: "characterization", Subject: "the " + a.sup + " since when",
				Summary: fmt.Sprintf("Outlets date the last event to match this one differently: %q vs %q",
					a.sp.Of(a.u.art.Article.Text), b.sp.Of(b.u.art.Article.Text)),
				Sides: [][]parallax.Evidence{sides[0], sides[1]}})
		}
	}
	return out
}

// recordContext is how alike two record claims' sentences must be, beyond
// their numbers: a little below figures' (0.12), as a record's sentence
// carries its own words ("plane crash", "aviation disaster") around one
// shared superlative.
const recordContext = 0.10
