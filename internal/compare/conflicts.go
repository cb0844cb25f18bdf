package compare

import (
	"fmt"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/quantity"
)

// conflicts finds where outlets disagree: incompatible figures for the
// same thing, one name spelt two ways, and the same people asserted guilty
// by one outlet and described as accused, or as having no record, by another.
func (s *story) conflicts() []parallax.Conflict {
	var out []parallax.Conflict
	out = append(out, s.quantityConflicts()...)
	out = append(out, s.nameConflicts()...)
	out = append(out, s.hedgeConflicts()...)
	out = append(out, s.denialConflicts()...)
	return out
}

// anchor is the entity named closest to a figure in its sentence: the
// person whose age it is, the ship whose length it is.
func (s *story) anchor(q qref) int {
	a := q.u.art
	best, bestDist := -1, 1<<30
	for i := range a.Entities {
		for _, sp := range a.Entities[i].Mentions {
			if sp.Start < q.u.span.Start || sp.End > q.u.span.End {
				continue
			}
			d := sp.Start - q.q.Span.End
			if d < 0 {
				d = q.q.Span.Start - sp.End
			}
			if d < 0 {
				d = 0
			}
			if d < bestDist && d < 60 {
				best, bestDist = s.ents.groupOf(a.Entities[i].Name), d
			}
		}
	}
	return best
}

func (s *story) quantityConflicts() []parallax.Conflict {
	qs := s.allQuantities()
	anchors := make([]int, len(qs))
	for i := range qs {
		anchors[i] = s.anchor(qs[i])
	}
	// pairs of incompatible figures for the same thing
	p := make(uf, len(qs))
	for i := range p {
		p[i] = i
	}
	involved := map[int]bool{}
	for i := range qs {
		for j := i + 1; j < len(qs); j++ {
			a, b := qs[i], qs[j]
			if s.sameSource(a.u.art, b.u.art) || !quantity.SameThing(*a.q, *b.q) || quantity.Compatible(*a.q, *b.q) {
				continue
			}
			sameAnchor := anchors[i] >= 0 && anchors[i] == anchors[j]
			if !(sameAnchor && contextSim(a.u, b.u) >= 0.15 || contextSim(a.u, b.u) >= 0.45) {
				continue
			}
			if a.q.Value == nil && b.q.Value == nil {
				continue // two vague figures rarely disagree in substance
			}
			involved[i], involved[j] = true, true
			ri, rj := p.find(i), p.find(j)
			if ri != rj {
				p[rj] = ri
			}
		}
	}
	groups := map[int][]int{}
	var order []int
	for i := range qs {
		if !involved[i] {
			continue
		}
		r := p.find(i)
		if _, ok := groups[r]; !ok {
			order = append(order, r)
		}
		groups[r] = append(groups[r], i)
	}
	var out []parallax.Conflict
	for _, r := range order {
		// sides: compatible values together
		var sides [][]qref
		for _, i := range groups[r] {
			placed := false
			for k := range sides {
				if quantity.Compatible(*sides[k][0].q, *qs[i].q) {
					if !hasArticle(sides[k], qs[i]) {
						sides[k] = append(sides[k], qs[i])
					}
					placed = true
					break
				}
			}
			if !placed {
				sides = append(sides, []qref{qs[i]})
			}
		}
		if len(sides) < 2 {
			continue
		}
		c := parallax.Conflict{Kind: "quantity"}
		var parts []string
		for _, side := range sides {
			var ev []parallax.Evidence
			var names []string
			for _, q := range side {
				sp := clause(q.u.art.Article.Text, q.u.span, q.q.Span, 40)
				ev = append(ev, s.evidence(q.u.art, sp))
				names = append(names, s.outletOf[q.u.art.Article.ID])
			}
			c.Sides = append(c.Sides, ev)
			parts = append(parts, fmt.Sprintf("%q (%s)", side[0].q.Text, strings.Join(names, ", ")))
		}
		subject := describeQuantity(sides[0][0].q)
		if a := anchors[groups[r][0]]; a >= 0 {
			subject = s.ents.groupName(a) + ": " + strings.ToLower(strings.TrimPrefix(subject, "Figure for "))
		}
		c.Subject = subject
		c.Summary = "Outlets give different figures — " + strings.Join(parts, " vs ")
		out = append(out, c)
	}
	return out
}

func hasArticle(side []qref, q qref) bool {
	for _, x := range side {
		if x.u.art == q.u.art {
			return true
		}
	}
	return false
}

// nameConflicts: two spellings of what must be one person's name, from
// different outlets, that never appear together.
func (s *story) nameConflicts() []parallax.Conflict {
	type person struct {
		root  int
		name  string
		arts  map[*parallax.Analysis]bool
		first *entItem
	}
	var people []person
	for root, members := range s.ents.groups {
		it := &s.ents.items[members[0]]
		if it.ent.Type != parallax.Person {
			continue
		}
		p := person{root: root, name: s.ents.groupName(root), arts: map[*parallax.Analysis]bool{}, first: it}
		for _, m := range members {
			p.arts[s.ents.items[m].art] = true
		}
		people = append(people, p)
	}
	sort.Slice(people, func(i, j int) bool { return people[i].root < people[j].root })
	var out []parallax.Conflict
	for i := range people {
		for j := i + 1; j < len(people); j++ {
			a, b := people[i], people[j]
			if !similarNames(a.name, b.name) {
				continue
			}
			together := false
			for art := range a.arts {
				if b.arts[art] {
					together = true
				}
			}
			if together {
				continue
			}
			c := parallax.Conflict{Kind: "name", Subject: a.name,
				Summary: fmt.Sprintf("The same person is named %q by some outlets and %q by others", a.name, b.name)}
			for _, p := range []person{a, b} {
				var side []parallax.Evidence
				for _, m := range s.ents.groups[p.root] {
					it := s.ents.items[m]
					if len(it.ent.Mentions) == 0 {
						continue
					}
					sp := it.ent.Mentions[0]
					si := it.art.SentenceAt(sp.Start)
					if si >= 0 {
						sp = clause(it.art.Article.Text, it.art.Sentences[si].Span, sp, 25)
					}
					side = append(side, s.evidence(it.art, sp))
					break
				}
				c.Sides = append(c.Sides, side)
			}
			out = append(out, c)
		}
	}
	return out
}

// similarNames: same number of words, each pair alike (one edit apart, or
// one a prefix of the other), not all identical.
func similarNames(a, b string) bool {
	fa, fb := strings.Fields(foldKey(a)), strings.Fields(foldKey(b))
	if len(fa) != len(fb) || len(fa) < 2 {
		return false
	}
	same := 0
	for i := range fa {
		x, y := fa[i], fb[i]
		switch {
		case x == y:
			same++
		case len(x) >= 4 && len(y) >= 4 && (strings.HasPrefix(x, y[:4]) && strings.HasPrefix(y, x[:4])) && abs(len(x)-len(y)) <= 3:
		case len(x) >= 5 && editDistance(x, y) <= 1:
		default:
			return false
		}
	}
	return same < len(fa)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = minInt(minInt(prev[j]+1, cur[j-1]+1), prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// guiltTerms assert that people did wrong; hedges and denials are the other side.
var guiltTerms = map[string]bool{
	"criminals": true, "murderers": true, "murderer": true, "rapists": true, "rapist": true, "killers": true,
	"killer": true, "terrorists": true, "convicted": true, "guilty": true, "offenders": true, "culprits": true,
	"perpetrators": true, "arsonist": true, "thieves": true, "criminales": true, "asesinos": true, "culpables": true,
	"delincuentes": true, "terroristas": true, "violadores": true,
}

// unquoted returns the unit's sentence with its quotations blanked.
func unquoted(u *unit) string {
	var holes []parallax.Span
	for _, q := range u.art.Quotes {
		if !q.Scare && q.Span.Start >= u.span.Start && q.Span.End <= u.span.End {
			holes = append(holes, q.Span)
		}
	}
	return blank(u.art.Article.Text, u.span, holes)
}

// guiltLabels are phrases that brand people as wrongdoers.
var guiltLabels = []string{"worst people", "worst of the worst", "barbarians", "thugs", "monsters", "savages", "animals"}

func hasGuiltTerm(text string) bool {
	low := strings.ToLower(text)
	for _, l := range guiltLabels {
		if strings.Contains(low, l) {
			return true
		}
	}
	for _, w := range strings.FieldsFunc(low, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r > 127)
	}) {
		if guiltTerms[w] {
			return true
		}
	}
	return false
}

// hedgeConflicts: within figures or sentences that line up, one outlet
// asserts guilt plainly while another hedges ("alleged", "accused of").
func (s *story) hedgeConflicts() []parallax.Conflict {
	var out []parallax.Conflict
	qs := s.allQuantities()
	used := map[*unit]bool{}
	for i := range qs {
		a := qs[i]
		if used[a.u] || len(a.u.hedges) > 0 || a.u.quoted {
			continue
		}
		asp := clause(a.u.art.Article.Text, a.u.span, a.q.Span, 40)
		if !hasGuiltTerm(asp.Of(a.u.art.Article.Text)) {
			continue
		}
		var hedged []qref
		for j := range qs {
			b := qs[j]
			if s.sameSource(a.u.art, b.u.art) || len(b.u.hedges) == 0 || used[b.u] {
				continue
			}
			if !related(a, b) || a.q.Value == nil || b.q.Value == nil || *a.q.Value != *b.q.Value {
				continue // the same count of people
			}
			hedged = append(hedged, b)
		}
		if len(hedged) == 0 {
			continue
		}
		c := parallax.Conflict{Kind: "characterization", Subject: a.q.Text,
			Summary: fmt.Sprintf("%s asserts what %s reports as alleged", s.outletOf[a.u.art.Article.ID], s.outletOf[hedged[0].u.art.Article.ID])}
		c.Sides = append(c.Sides, []parallax.Evidence{s.evidence(a.u.art, asp)})
		var side []parallax.Evidence
		for _, b := range hedged {
			side = append(side, s.evidence(b.u.art, clause(b.u.art.Article.Text, b.u.span, b.q.Span, 40)))
			used[b.u] = true
		}
		c.Sides = append(c.Sides, side)
		used[a.u] = true
		out = append(out, c)
	}
	return out
}

// denials say that people are not what others call them.
var denials = []string{"no criminal record", "no criminal records", "no criminal history", "no criminal background",
	"not criminals", "never been convicted", "never convicted", "no gang ties", "no ties to", "no links to",
	"no evidence that", "sin antecedentes", "no tienen antecedentes", "no son criminales"}

func (s *story) denialConflicts() []parallax.Conflict {
	var out []parallax.Conflict
	for _, u := range s.units {
		if u.quoted {
			continue
		}
		text := strings.ToLower(u.span.Of(u.art.Article.Text))
		hit := ""
		for _, d := range denials {
			if strings.Contains(text, d) {
				hit = d
				break
			}
		}
		if hit == "" {
			continue
		}
		// in each other outlet, the sentence most like this one that calls
		// people criminals without a hedge
		var side []parallax.Evidence
		perOutlet := map[string]bool{}
		type cand struct {
			v   *unit
			sim float64
		}
		var cands []cand
		for _, v := range s.units {
			if s.sameSource(u.art, v.art) || len(v.hedges) > 0 || v.words > 80 {
				continue
			}
			if !hasGuiltTerm(unquoted(v)) {
				continue // the outlet's own words, not a speaker's
			}
			cands = append(cands, cand{v, contextSim(u, v)})
		}
		sort.SliceStable(cands, func(i, j int) bool { return cands[i].sim > cands[j].sim })
		for _, c := range cands {
			o := s.outletOf[c.v.art.Article.ID]
			if perOutlet[o] || c.sim < 0.02 {
				continue
			}
			perOutlet[o] = true
			side = append(side, s.evidence(c.v.art, clause(c.v.art.Article.Text, c.v.span, c.v.span, 40)))
		}
		if len(side) == 0 {
			continue
		}
		c := parallax.Conflict{Kind: "characterization", Subject: hit,
			Summary: fmt.Sprintf("%s reports %q where other outlets call them criminals", s.outletOf[u.art.Article.ID], hit)}
		c.Sides = [][]parallax.Evidence{side, {s.evidence(u.art, clause(u.art.Article.Text, u.span, u.span, 40))}}
		out = append(out, c)
	}
	return out
}
