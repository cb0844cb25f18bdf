package compare

import (
	"fmt"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
)

// An outcome claim is a past verb of a sentence that names someone: "the
// jury acquitted Ivo Quist", "Quist won the seat". Two outlets that tell
// the same happening in like sentences with opposite verbs (WordNet's
// antonyms: acquitted / convicted, won / lost, rose / fell) give opposite
// accounts of its outcome.
type outcome struct {
	u    *unit
	verb string
	sp   parallax.Span
}

// outcomeSim is how alike two sentences must be, beyond their verbs, to
// tell one happening: the bar of statements' like sentences.
const outcomeSim = 0.3

// outcomes lists the past verbs of the story's English sentences that
// name someone and are not negated ("was not convicted" is the negation
// detector's).
func (s *story) outcomes() map[*unit][]outcome {
	out := map[*unit][]outcome{}
	for _, u := range s.units {
		if u.quoted || u.question || len(u.ents) == 0 || u.art.Language != "en" {
			continue
		}
		text := u.art.Article.Text
		words := lang.WordSpans(u.span.Of(text))
		for i, w := range words {
			v := strings.ToLower(u.span.Of(text)[w[0]:w[1]])
			if !pastVerb(v) || len(lang.ActSenses(v)) == 0 {
				continue
			}
			negated := false
			for k := max(0, i-3); k < i; k++ {
				p := strings.ToLower(u.span.Of(text)[words[k][0]:words[k][1]])
				if negations.Has(p) || p == "t" || p == "never" {
					negated = true
				}
			}
			if !negated {
				out[u] = append(out[u], outcome{u: u, verb: v, sp: parallax.Span{Start: u.span.Start + w[0], End: u.span.Start + w[1]}})
			}
		}
	}
	return out
}

// outcomeConflicts: two outlets tell one happening (like sentences naming
// the same person, organisation or place) with opposite verbs. Not when an
// article itself tells both (a match won and a set lost), nor when either
// sentence holds both verbs.
func (s *story) outcomeConflicts() []parallax.Conflict {
	oc := s.outcomes()
	var us []*unit
	for _, u := range s.units {
		if len(oc[u]) > 0 {
			us = append(us, u)
		}
	}
	byArt := map[*parallax.Analysis][]outcome{}
	for _, u := range us {
		byArt[u.art] = append(byArt[u.art], oc[u]...)
	}
	tells := func(a *parallax.Analysis, verb string) bool {
		for _, o := range byArt[a] {
			if o.verb == verb || lang.SameAct(o.verb, verb) {
				return true
			}
		}
		return false
	}
	type side struct {
		verb string
		ev   map[string]parallax.Evidence // outlet → evidence
	}
	conflicts := map[string]*[2]side{}
	var keys []string
	for i, u := range us {
		for _, v := range us[i+1:] {
			if s.sameSource(u.art, v.art) || !sharesEntity(u, v) {
				continue
			}
			for _, x := range oc[u] {
				for _, y := range oc[v] {
					if !lang.OppositeActs(x.verb, y.verb) || contextSim(u, v) < outcomeSim ||
						tells(u.art, y.verb) || tells(v.art, x.verb) || !sameNear(s.nearGroups(x), s.nearGroups(y)) {
						continue
					}
					a, b := x, y
					if a.verb > b.verb {
						a, b = b, a
					}
					k := a.verb + "/" + b.verb
					c, ok := conflicts[k]
					if !ok {
						c = &[2]side{{a.verb, map[string]parallax.Evidence{}}, {b.verb, map[string]parallax.Evidence{}}}
						conflicts[k] = c
						keys = append(keys, k)
					}
					for n, o := range []outcome{a, b} {
						out := s.outletOf[o.u.art.Article.ID]
						if _, ok := c[n].ev[out]; !ok {
							c[n].ev[out] = s.evidence(o.u.art, clause(o.u.art.Article.Text, o.u.span, o.sp, evidenceWords))
						}
					}
				}
			}
		}
	}
	var out []parallax.Conflict
	for _, k := range keys {
		c := conflicts[k]
		var sides [][]parallax.Evidence
		for _, sd := range c {
			var outs []string
			for o := range sd.ev {
				outs = append(outs, o)
			}
			sort.Strings(outs)
			var ev []parallax.Evidence
			for _, o := range outs {
				ev = append(ev, sd.ev[o])
			}
			sides = append(sides, ev)
		}
		out = append(out, parallax.Conflict{Kind: "event", Subject: "the outcome",
			Summary: fmt.Sprintf("Outlets give opposite outcomes: %q vs %q", c[0].verb, c[1].verb),
			Sides:   sides})
	}
	return out
}

// outcomeReach is how many words from its verb a name may stand to be the
// verb's subject or object ("Quist won", "acquitted Ivo Quist", "the jury
// in Kessel acquitted").
const outcomeReach = 3

// nearGroups: the entity groups named within outcomeReach words of the
// verb, in its sentence.
func (s *story) nearGroups(o outcome) map[int]bool {
	text := o.u.art.Article.Text
	words := lang.WordSpans(o.u.span.Of(text))
	lo, hi := o.sp.Start, o.sp.End
	for i, w := range words {
		if o.u.span.Start+w[0] == o.sp.Start {
			lo = o.u.span.Start + words[max(0, i-outcomeReach)][0]
			hi = o.u.span.Start + words[min(len(words)-1, i+outcomeReach)][1]
			break
		}
	}
	out := map[int]bool{}
	for i := range o.u.art.Entities {
		e := &o.u.art.Entities[i]
		for _, m := range e.Mentions {
			if m.End > lo && m.Start < hi && m.Start >= o.u.span.Start && m.End <= o.u.span.End {
				if g := s.ents.groupOf(e.Name); g >= 0 {
					out[g] = true
				}
			}
		}
	}
	return out
}

// sameNear: the two verbs have a name in common near them.
func sameNear(a, b map[int]bool) bool {
	for g := range a {
		if b[g] {
			return true
		}
	}
	return false
}

// sharesEntity: the two sentences name one person, organisation or place.
func sharesEntity(a, b *unit) bool {
	for g := range a.ents {
		if b.ents[g] {
			return true
		}
	}
	return false
}
