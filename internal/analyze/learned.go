package analyze

import (
	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/analyze/gazetteer"
	"github.com/parallaxnews/parallax/internal/ner"
)

// nerType maps the learned tagger's types onto ours.
var nerType = map[string]string{"PER": parallax.Person, "ORG": parallax.Organization, "LOC": parallax.Place}

// minNERConf is how sure the learned tagger must be before its type
// overrides the rules' (0–1, the lower of its segmenter's and typer's
// probabilities). Set on CoNLL-2003 and GMB with `parallax evalcorpus`.
const minNERConf = 0.55

// learnedTypes lets the learned tagger (internal/ner, trained on openly
// licensed annotations) vote on the type of each English entity: every
// mention it tags with the same extent, or inside which the mention's
// words fall, is a vote weighted by its confidence. The rules keep the
// types the tagger does not know (laws, events, vessels, groups) and their
// own when the tagger is unsure.
func (d *doc) learnedTypes() {
	if d.lang != "en" && d.lang != "" {
		return
	}
	m, err := ner.Default()
	if err != nil {
		return
	}
	votes := make([]map[string]float32, len(d.ents))
	// the sentences to tag: that of the first mention of each entity
	// whose type the rules are not sure of; a place the gazetteer knows or a
	// person with a title is left as the rules type it, which also keeps
	// the tagger's cost to a fraction of the article
	want := map[int]bool{}
	for i := range d.ents {
		e := &d.ents[i]
		if !learnable(e) {
			continue
		}
		if len(e.mentions) > 0 {
			want[d.mentions[e.mentions[0]].sent] = true
		}
	}
	var toks []ner.Token
	mi := 0
	for si, st := range d.sentToks {
		for mi < len(d.mentions) && d.mentions[mi].sent < si {
			mi++
		}
		if !want[si] {
			continue
		}
		toks = toks[:0]
		for _, t := range st {
			toks = append(toks, ner.Token{Text: d.text[t.start:t.end], Start: t.start, End: t.end})
		}
		for _, sp := range m.Tag(toks) {
			typ, ok := nerType[sp.Type]
			if !ok || sp.Conf < minNERConf {
				continue
			}
			for k := mi; k < len(d.mentions) && d.mentions[k].sent == si; k++ {
				mn := &d.mentions[k]
				if mn.start >= sp.Start && mn.end <= sp.End+3 && mn.start < sp.End {
					if votes[mn.entity] == nil {
						votes[mn.entity] = map[string]float32{}
					}
					votes[mn.entity][typ] += sp.Conf
				}
			}
		}
	}
	for i := range d.ents {
		e := &d.ents[i]
		if !learnable(e) {
			continue
		}
		best, bestW := "", float32(0)
		for t, w := range votes[i] {
			if w > bestW || w == bestW && t < best {
				best, bestW = t, w
			}
		}
		if best != "" {
			e.typ = best
		}
	}
}

// learnable: an entity the learned tagger may retype — one the rules typed
// person, organisation, place or misc on weak evidence; their finer types
// (facility, law, event, work, group), a place the gazetteer knows and a
// person with a title stay.
func learnable(e *ent) bool {
	switch e.typ {
	case parallax.Misc, parallax.Person, parallax.Organization, parallax.Place, "":
	default:
		return false
	}
	if len(e.roles) > 0 {
		return false
	}
	if _, ok := gazetteer.Lookup(e.name); ok {
		return false
	}
	return true
}
