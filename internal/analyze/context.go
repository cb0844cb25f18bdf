package analyze

import (
	"sort"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/analyze/gazetteer"
	"github.com/parallaxnews/parallax/internal/lang"
	"github.com/parallaxnews/parallax/internal/ner"
)

// contextTypes retypes, from the words around their mentions, the entities
// whose type rests on weak evidence (a guess from the name's shape, or the
// learned tagger): a noun for a body of people right before a name ("the
// group Quistara", "club Velmar") or an organisation's head right after
// it ("the Quistara party") makes it an organisation; a facility's head
// after it ("Quist airport") a place. Persons named with a title, places
// the gazetteer knows and names typed by their own head word keep their
// type.
func (d *doc) contextTypes() {
	if d.lang != "en" && d.lang != "" {
		return
	}
	for i := range d.ents {
		e := &d.ents[i]
		if !contextTypable(e) {
			continue
		}
		org, fac, loc := 0, 0, 0
		for _, mi := range e.mentions {
			mn := &d.mentions[mi]
			if mn.learned || mn.demonym {
				continue
			}
			before, after := d.wordsAround(mn)
			switch {
			case before == "of" && d.placeNounOf(mn):
				loc++
			case before != "" && orgBefore(before):
				org++
			case after == "":
				// nothing after the name to type it
			case modifierName(mn.text):
				// a common noun, a kind of person or a nationality may
				// modify the word after it ("the Shiite alliance")
			case orgAfter(after):
				org++
			case facilityHeads.Has(after):
				fac++
			case e.typ != parallax.Person && isTitle(after) && !townName(mn.text):
				// "Quistrak spokeswoman", "Quistfinec CEO": the body the
				// role serves; a person's name before a role ("Quist aide")
				// names whom it serves, and a town's ("Quistburgo mayor")
				// where it serves, so these keep their type
				org++
			}
		}
		// a person's full name needs most of its mentions to say so
		need := 1
		if f := strings.Fields(e.name); e.typ == parallax.Person && len(f) > 1 && gazetteer.GivenName(f[0]) {
			need = len(e.mentions)/2 + 1
		}
		switch {
		case loc >= need && loc >= org && loc >= fac:
			e.typ = parallax.Place
		case org >= need && org > fac:
			e.typ = parallax.Organization
		case fac >= need && fac > org && e.typ != parallax.Place:
			e.typ = parallax.Facility
		}
	}
}

// contextTypable: an entity typed on weak evidence, which the words around
// it may overrule.
func contextTypable(e *ent) bool {
	switch e.typ {
	case parallax.Person, parallax.Place, parallax.Misc, "":
	default:
		return false
	}
	if len(e.roles) > 0 || strongType(e) || notNameCode(e.name) {
		return false
	}
	for f := range e.forms {
		if _, ok := gazetteer.Lookup(f); ok {
			return false
		}
		if _, ok := gazetteer.Demonym(f); ok {
			return false
		}
	}
	return true
}

// wordsAround returns the lower-case words right before and right after
// a mention ("" for a capitalised word, punctuation or the sentence's
// edge).
func (d *doc) wordsAround(mn *mention) (before, after string) {
	toks := d.sentTokens(mn.sent)
	k := sort.Search(len(toks), func(i int) bool { return toks[i].start >= mn.start })
	if k < len(toks) && toks[k].start == mn.start && k > 0 {
		if p := toks[k-1]; p.kind == tWord && !p.cap && p.end == mn.start-1 {
			before = p.low
		}
	}
	e := sort.Search(len(toks), func(i int) bool { return toks[i].start >= mn.end })
	if e >= len(toks) {
		return before, after
	}
	if t := toks[e]; t.kind == tWord && !t.cap && t.start == mn.end+1 && toks[e-1].poss == 0 {
		after = t.low
	}
	return before, after
}

// orgBefore: a common noun for a body of people (a WordNet noun.group
// sense) that may stand before a name in apposition: "the group",
// "club", "newspaper", "engineering concern"; not a title, a country's
// institution ("government"), a word for a kind of person first ("member")
// nor one that can name a place ("village", "side").
func orgBefore(w string) bool {
	if w == "" || isTitle(w) || collectiveHeads.Has(w) || lang.Stopword(w) || determiners.Has(w) {
		return false
	}
	if orgHeads.Has(w) {
		return true
	}
	c := lang.NounClasses(w)
	if len(c) == 0 || c[0] == lang.ClassPerson {
		return false
	}
	group := false
	for _, x := range c {
		switch x {
		case lang.ClassLocation:
			return false
		case lang.ClassGroup:
			group = true
		}
	}
	return group
}

// orgAfter: an organisation's head noun after a name: "the Quistara party".
func orgAfter(w string) bool {
	return w != "" && orgHeads.Has(w) && !collectiveHeads.Has(w)
}

// modifierName: a name whose last word is also an ordinary word
// ("Islamic") or a word for a kind of person ("Shiite", "Bosnian Serb")
// may qualify the noun after it ("the Shiite
// party") rather than name what that noun names.
func modifierName(name string) bool {
	w := apostrophes.Replace(lastWord(name))
	return ner.Common(w) || ner.ProperNounClass(w) == "noun.person" || gazetteerDemonym(w)
}

// apostrophes drops the apostrophes of a possessive's word.
var apostrophes = strings.NewReplacer("'", "", "’", "")

// townName: a name the world's towns and cities know (GeoNames).
func townName(name string) bool {
	_, ok := gazetteer.LookupCity(name)
	return ok
}

// placeNounOf: the mention follows a place's head noun and "of": "the
// town of Quistburgo", "the towns of Quist and Quos", "the islands of Quos".
func (d *doc) placeNounOf(mn *mention) bool {
	toks := d.sentTokens(mn.sent)
	k := sort.Search(len(toks), func(i int) bool { return toks[i].start >= mn.start })
	if k < 2 || k == len(toks) || toks[k].start != mn.start {
		return false
	}
	t := toks[k-2]
	if t.kind != tWord || t.cap {
		return false
	}
	// the geographic heads only: "site", "venue" or "place" of a name
	// is where a club plays or a person stands as often
	return placeHeads.Has(t.low) || placeHeads.Has(strings.TrimSuffix(t.low, "s"))
}

// modifierTypes types misc the entities named only by a capitalised
// adjective that modifies the noun after it ("Soviet republics", "Islamic
// militants", "Kurdish leader"): WordNet lists the word as an adjective
// written with a capital, the word of a people, faith or movement, not the
// name of a body, place or person. Places and nationality words the
// gazetteer knows keep their type, so that "Iraqi" still stands for Iraq.
// So too an acronym that WordNet gives only as a measure, a condition or
// a time ("GDP growth", "AIDS"): no organisation.
func (d *doc) modifierTypes() {
	if d.lang != "en" && d.lang != "" {
		return
	}
	for i := range d.ents {
		e := &d.ents[i]
		switch e.typ {
		case parallax.Person, parallax.Organization, parallax.Place, "":
		default:
			continue
		}
		if len(e.roles) > 0 || len(e.mentions) == 0 {
			continue
		}
		modifier, concept := true, true
		for _, mi := range e.mentions {
			mn := &d.mentions[mi]
			if modifier && !d.modifierMention(mn) {
				modifier = false
			}
			if concept && !(mn.acronym && conceptAcronyms.Has(strings.ToLower(mn.text))) {
				concept = false
			}
		}
		// The costlier checks last, for the few entities the rules hold for.
		if (modifier || concept) && !strongType(e) && !knownPlace(e) {
			e.typ = parallax.Misc
		}
	}
}

// knownPlace: a form of the entity is a place or a nationality word the
// gazetteer knows.
func knownPlace(e *ent) bool {
	for f := range e.forms {
		if _, ok := gazetteer.Lookup(f); ok {
			return true
		}
		if _, ok := gazetteer.Demonym(f); ok {
			return true
		}
	}
	return false
}

// modifierMention: a mention whose last word is a capitalised adjective
// (proper_adjectives) and whose other words are ordinary words ("Radical
// Islamic"), right before a lower-case word that is no verb of saying.
func (d *doc) modifierMention(mn *mention) bool {
	if mn.learned || mn.demonym {
		return false
	}
	var fb [4]string
	f := appendFields(fb[:0], mn.text)
	if len(f) == 0 || len(f) > 3 {
		return false
	}
	last := f[len(f)-1]
	if strings.ContainsAny(last, "'’") {
		last = apostrophes.Replace(last)
	}
	of, ok := lang.ProperAdjective(last)
	if !ok || gazetteer.GivenName(last) {
		return false
	}
	for _, n := range of {
		if p, ok := gazetteer.Lookup(n); ok && p.Kind == "country" {
			return false // a nationality word ("Afghan"): its country's
		}
	}
	for _, w := range f[:len(f)-1] {
		if _, ok := lang.ProperAdjective(w); !ok && !ner.Common(w) {
			return false
		}
	}
	// the word after is an ordinary word (a noun or another adjective:
	// "Kurdish regional government"), not an inflected verb of saying
	// ("said", "says"; "state" is a noun too)
	_, after := d.wordsAround(mn)
	if _, noun := lang.NounClassesExact(after); isSpeechVerb(after) && !noun {
		return false
	}
	return after != "" && (len(lang.NounClasses(after)) > 0 || ner.Common(after))
}
