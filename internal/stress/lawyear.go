package stress

import (
	"math/rand/v2"
	"strconv"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
)

// namedYears: the year of a named thing — a law ("the Civil Rights Act of
// 1964"), or any thing whose name carries its year ("the 1998 Good Friday
// Agreement", "his 2013 Toyota Camry", "a 1972 meeting with the aide") —
// that another outlet gives too for the same thing; the year moves by 1–10,
// and the article's other mentions of that thing with that year move alike.
// A thing named by a common noun alone ("meeting") is the same thing in two
// outlets only when their sentences share words besides (sameFact).
func (sc *storyCtx) namedYears() []candidate {
	nys := make([][]lang.NamedYear, len(sc.story.Articles))
	for i := range sc.story.Articles {
		if sc.lang(i) == "en" {
			nys[i] = sc.datedThings(i)
		}
	}
	out := sc.lawYears()
	for i := range sc.story.Articles {
		for _, ny := range nys[i] {
			sp := parallax.Span{Start: ny.YearStart, End: ny.YearEnd}
			own := sc.factWords(i, sp)
			var counter []Ref
			for _, j := range sc.others(i) {
				for _, ny2 := range nys[j] {
					a, b := ny2.Span()
					sp2 := parallax.Span{Start: a, End: b}
					if ny2.Key != ny.Key || (ny2.Name == "") != (ny.Name == "") || ny2.Year != ny.Year || ny.Name == "" && !sc.sameFact(own, j, sp2) {
						continue
					}
					counter = append(counter, sc.ref(j, sp2))
				}
			}
			var again []restatement
			for _, ny2 := range nys[i] {
				if ny2.Key == ny.Key && (ny2.Name == "") == (ny.Name == "") && ny2.Year == ny.Year && ny2.YearStart != ny.YearStart {
					again = append(again, restatement{span: parallax.Span{Start: ny2.YearStart, End: ny2.YearEnd}, write: func(nw string) string { return nw }})
				}
			}
			year, pub := ny.Year, sc.latestYear(i)
			out = append(out, candidate{art: i, span: sp, counter: counter, again: again, rewrite: func(r *rand.Rand) string {
				return otherYear(r, year, pub)
			}})
		}
	}
	return out
}

// datedThings are the named years of article i, less those whose name is
// a person, an organisation or a group with no noun after it to
// say what thing of theirs is dated ("the 2008 Miami Dolphins" is a
// team's season), and those of a law (lawYears has them).
func (sc *storyCtx) datedThings(i int) []lang.NamedYear {
	var out []lang.NamedYear
	for _, ny := range lang.NamedYears(sc.text(i)) {
		if ny.Name != "" {
			t := sc.entityTypeAt(i, parallax.Span{Start: ny.ThingStart, End: ny.ThingEnd})
			if t == parallax.Law || ny.Head == "" && (t == parallax.Person || t == parallax.Organization || t == parallax.Group) {
				continue
			}
		}
		out = append(out, ny)
	}
	return out
}

// entityTypeAt is the type of the first entity of article i with a mention
// inside sp, "" when none.
func (sc *storyCtx) entityTypeAt(i int, sp parallax.Span) string {
	for _, e := range sc.an[i].Entities {
		for _, m := range e.Mentions {
			if overlaps(m, sp) {
				return e.Type
			}
		}
	}
	return ""
}

// latestYear is the article's year: its publication's, or when unknown
// the latest year its dates name; 0 when neither is known.
func (sc *storyCtx) latestYear(i int) int {
	if p := sc.story.Articles[i].Published; !p.IsZero() {
		return p.Year()
	}
	out := 0
	for _, d := range sc.ds[i] {
		if y, err := strconv.Atoi(d.Date[:min(4, len(d.Date))]); err == nil && y > out {
			out = y
		}
	}
	return out
}

// otherYear is year moved by 1–10 either way, and not past pub (the
// article's year, when known and not before year: a draw past it moves the
// other way): an outlet dates a past
// thing to another past year.
func otherYear(r *rand.Rand, year, pub int) string {
	n := 1 + r.IntN(10)
	if r.IntN(2) == 0 || pub > 0 && pub >= year && year+n > pub {
		n = -n
	}
	return strconv.Itoa(year + n)
}
