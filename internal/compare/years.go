package compare

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
)

// yearClaim is one outlet dating a named thing by a year written into its
// name: "the 1998 Good Friday Agreement", "his 2013 Toyota Camry", "a 1972
// meeting with the aide" (lang.NamedYears).
type yearClaim struct {
	ny    lang.NamedYear
	art   *parallax.Analysis
	words map[string]bool // content words of its sentence, for things named by a common noun
}

// namedYearConflicts lines the story's named years up by the thing's name
// and reports a thing two outlets date to different years, each side with
// its words. A thing named by a common noun alone ("the 2008 raid") is one
// thing in two outlets only when their sentences share words besides; an
// outlet that dates one thing twice differently stands on no side. Laws
// are left to claimConflicts, which reads them from the law entities.
func (s *story) namedYearConflicts() []parallax.Conflict {
	byKey := map[string][]yearClaim{}
	var keys []string
	for _, a := range s.arts {
		if a.Language != "en" && a.Language != "" {
			continue
		}
		text := a.Article.Text
		for _, ny := range lang.NamedYears(text) {
			st, en := ny.Span()
			sp := parallax.Span{Start: st, End: en}
			if si := a.SentenceAt(sp.Start); si < 0 || a.Sentences[si].Heading {
				continue
			}
			if ny.Name != "" && skipNamed(a, ny) {
				continue
			}
			c := yearClaim{ny: ny, art: a}
			if ny.Name == "" {
				c.words = sentenceWords(a, sp)
			}
			k := ny.Key
			if ny.Name != "" {
				k = "name:" + k // a name is never a common noun's stem ("the 2008 Raid")
			}
			if _, ok := byKey[k]; !ok {
				keys = append(keys, k)
			}
			byKey[k] = append(byKey[k], c)
		}
	}
	var out []parallax.Conflict
	for _, k := range keys {
		if c, ok := s.yearConflict(byKey[k]); ok {
			out = append(out, c)
		}
	}
	return out
}

// skipNamed: a name that is a law (claimConflicts dates those), or a
// person, an organisation or a group with no noun after it to
// say what of theirs is dated ("the 2008 Miami Dolphins" is a team's
// season).
func skipNamed(a *parallax.Analysis, ny lang.NamedYear) bool {
	sp := parallax.Span{Start: ny.ThingStart, End: ny.ThingEnd}
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if m.Start >= sp.End || sp.Start >= m.End {
				continue
			}
			switch e.Type {
			case parallax.Law:
				return true
			case parallax.Person, parallax.Organization, parallax.Group:
				if ny.Head == "" {
					return true
				}
			}
		}
	}
	return false
}

// sentenceWords are the stems of the content words of the sentence around
// sp, less the words of sp.
func sentenceWords(a *parallax.Analysis, sp parallax.Span) map[string]bool {
	si := a.SentenceAt(sp.Start)
	if si < 0 {
		return nil
	}
	text := a.Article.Text
	s := a.Sentences[si].Span
	out := map[string]bool{}
	for _, part := range []string{text[s.Start:max(s.Start, sp.Start)], text[min(s.End, sp.End):s.End]} {
		for _, w := range lang.ContentWords(part) {
			out[lang.Stem(w, "en")] = true
		}
	}
	return out
}

// minYearShared is how many content words two sentences dating a thing
// named by a common noun must share to be about one thing: two ("Ferro",
// "mill") still let a person's 1996 interview and 2006 one stand against
// each other.
const minYearShared = 3

func sharedWords(a, b map[string]bool) int {
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return n
}

// sameThingOtherYear: a claim of another year than c's is about the same
// thing by its sentence's words.
func sameThingOtherYear(c yearClaim, byYear map[int][]yearClaim) bool {
	for y, cs := range byYear {
		if y == c.ny.Year {
			continue
		}
		for _, c2 := range cs {
			if sharedWords(c.words, c2.words) >= minYearShared {
				return true
			}
		}
	}
	return false
}

// yearConflict: the claims of one key from outlets giving one year each,
// when at least two years are given; for a common noun, the sides keep
// only claims whose sentence shares words with one on another side.
func (s *story) yearConflict(cs []yearClaim) (parallax.Conflict, bool) {
	perOutlet := map[string]map[int]bool{}
	for _, c := range cs {
		o := s.outletOf[c.art.Article.ID]
		if perOutlet[o] == nil {
			perOutlet[o] = map[int]bool{}
		}
		perOutlet[o][c.ny.Year] = true
	}
	byYear := map[int][]yearClaim{}
	seen := map[string]bool{}
	for _, c := range cs {
		o := s.outletOf[c.art.Article.ID]
		if len(perOutlet[o]) != 1 || seen[o] {
			continue
		}
		seen[o] = true
		byYear[c.ny.Year] = append(byYear[c.ny.Year], c)
	}
	if len(byYear) < 2 {
		return parallax.Conflict{}, false
	}
	if cs[0].ny.Name == "" {
		// keep a claim only when a claim of another year is about the same
		// thing by its sentence
		kept := map[int][]yearClaim{}
		for y, ys := range byYear {
			for _, c := range ys {
				if sameThingOtherYear(c, byYear) {
					kept[y] = append(kept[y], c)
				}
			}
		}
		byYear = kept
		if len(byYear) < 2 {
			return parallax.Conflict{}, false
		}
	}
	years := make([]int, 0, len(byYear))
	for y := range byYear {
		years = append(years, y)
	}
	sort.Slice(years, func(i, j int) bool {
		if len(byYear[years[i]]) != len(byYear[years[j]]) {
			return len(byYear[years[i]]) > len(byYear[years[j]])
		}
		return years[i] < years[j]
	})
	// the thing as the first outlet writes it: "Lisbon accord", "meeting"
	c0 := cs[0]
	subject := strings.Join(strings.Fields(c0.art.Article.Text[c0.ny.ThingStart:c0.ny.ThingEnd]), " ")
	conf := parallax.Conflict{Kind: slotYear, Label: parallax.LabelContradiction, Subject: subject}
	var parts []string
	for _, y := range years {
		var ev []parallax.Evidence
		var outlets []string
		for _, c := range byYear[y] {
			st, en := c.ny.Span()
			sp := parallax.Span{Start: st, End: en}
			ev = append(ev, s.evidence(c.art, sentenceClause(c.art, sp)))
			outlets = append(outlets, s.outletOf[c.art.Article.ID])
		}
		conf.Sides = append(conf.Sides, ev)
		parts = append(parts, fmt.Sprintf("%q (%s)", strconv.Itoa(y), strings.Join(outlets, ", ")))
	}
	conf.Summary = fmt.Sprintf("%s is dated differently: %s", subject, strings.Join(parts, " vs "))
	return conf, true
}
