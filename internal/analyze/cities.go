package analyze

import (
	"sort"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/analyze/gazetteer"
)

// cityTypes types as places the entities that the rules leave misc or
// untyped when the world's towns and cities (GeoNames) know the name
// ("Sabadell", "Juiz de Fora"), and the persons named after "in", "en",
// "near" whose name is a town's, and the organisations so named that a
// dateline or a preposition names as towns. A town's name that is also a given name,
// a surname or an ordinary word ("Florence", "Reading", "Pinto") needs
// the preposition. A title, a role, an institution's head, or a mention
// that reads as a person's or a club's (see cityVeto) keeps the rules' type.
func (d *doc) cityTypes() {
	for i := range d.ents {
		e := &d.ents[i]
		if d.cityPlace(e) {
			e.typ = parallax.Place
		}
	}
}

func (d *doc) cityPlace(e *ent) bool {
	switch e.typ {
	case parallax.Misc, "", parallax.Person, parallax.Organization:
	default:
		return false
	}
	if len(e.roles) > 0 {
		return false
	}
	c, ok := gazetteer.LookupCity(e.name)
	if !ok || strongType(e) || notNameCode(e.name) {
		return false
	}
	if cityPersonShape(e.name) {
		return false
	}
	located, veto, shout := 0, 0, false
	for _, mi := range e.mentions {
		m := &d.mentions[mi]
		switch {
		case m.team || d.cityVeto(m):
			veto++
		case m.located:
			located++
		}
		// a dateline: the place in capitals that opens an article
		shout = shout || m.sent <= 2 && m.tokens <= 3 && isAllUpper(m.text) && strings.ToLower(m.text) != m.text
	}
	if e.typ == parallax.Organization {
		// typed so by the capitals of a dateline ("BONN 1996-08-22"), the
		// tagger or a noun after it ("Zadar police"): a town still, when a
		// dateline or a preposition names it as one
		return !c.Ambiguous() && veto == 0 && (located > 0 || shout)
	}
	if located > 0 && located >= veto {
		return true
	}
	return e.typ != parallax.Person && veto == 0 && !c.Ambiguous()
}

// cityPersonShape: a name of two words or more whose first is a given name
// ("Mary Esther"), more likely a person's than a town's.
func cityPersonShape(name string) bool {
	f := strings.Fields(name)
	return len(f) > 1 && gazetteer.GivenName(f[0])
}

// cityVeto: a mention that reads as a person's or a club's, not a town's:
// next to a verb of saying ("Quist said", "declaró Quist"), after
// "according to" or "según", before ", who" ("Quist, quien"), after a
// Spanish article ("el Quistburgo", "del Quistburgo": Spanish names towns
// without one), or in brackets after another name ("Ivo Quist
// (Quistburgo)", a player's club).
func (d *doc) cityVeto(m *mention) bool {
	if m.learned {
		return false
	}
	toks := d.sentTokens(m.sent)
	k := sort.Search(len(toks), func(k int) bool { return toks[k].start >= m.start })
	if k == len(toks) || toks[k].start != m.start {
		return false
	}
	end := k
	for end+1 < len(toks) && toks[end+1].end <= m.end {
		end++
	}
	word := func(j int) string {
		if j < 0 || j >= len(toks) {
			return ""
		}
		if toks[j].kind == tPunct {
			return d.text[toks[j].start:toks[j].end]
		}
		if toks[j].kind != tWord || toks[j].cap {
			return ""
		}
		return toks[j].low
	}
	prev, next := word(k-1), word(end+1)
	switch {
	case isSpeechVerb(next) || esSpeechVerbs.Has(next) || isSpeechVerb(prev) || esSpeechVerbs.Has(prev):
		return true
	case prev == "según" || prev == "to" && word(k-2) == "according":
		return true
	case next == "," && (word(end+2) == "quien" || word(end+2) == "who"):
		return true
	case d.lang == "es" && (esArticle(prev) || prev == "del" || prev == "al"):
		return true
	case prev == "(" && k >= 2 && toks[k-2].kind == tWord && toks[k-2].cap:
		return true
	}
	return false
}

// datelineTown: a mention that opens a sentence as a dateline does
// ("Pamplona, 23 may (EFE).", "ORVIETO, Italy 2024-03-01", "Plasencia
// (Cáceres)"), of a town whose name is no given name, surname or
// ordinary word: a name, though it only opens the sentence.
func (d *doc) datelineTown(m *mention) bool {
	toks := d.sentTokens(m.sent)
	k := sort.Search(len(toks), func(k int) bool { return toks[k].start >= m.end })
	if k == len(toks) {
		return false
	}
	// a comma, a bracket or a date; not a score ("Karlsruhe 3")
	switch t, w := toks[k], d.text[toks[k].start:toks[k].end]; {
	case t.kind == tNum && strings.ContainsAny(w, "-/"):
	case t.kind == tPunct && (w == "," || w == "("):
	default:
		return false
	}
	c, ok := gazetteer.LookupCity(m.text)
	return ok && !c.Ambiguous()
}

// creditTypes types as organisations the names that a dateline credits in
// brackets after its date: "Quistburgo, 23 may (Quistapress).",
// "QUISTBURGO, May 23 (Quistwire) -", the news agency that sent the story.
func (d *doc) creditTypes() {
	for i := range d.ents {
		e := &d.ents[i]
		if e.typ != parallax.Misc && e.typ != "" || len(e.roles) > 0 {
			continue
		}
		for _, mi := range e.mentions {
			if d.datelineCredit(&d.mentions[mi]) {
				e.typ = parallax.Organization
				break
			}
		}
	}
}

// datelineCredit: the mention stands alone in brackets right after a
// date's day and month, within the first words of its sentence.
func (d *doc) datelineCredit(m *mention) bool {
	toks := d.sentTokens(m.sent)
	k := sort.Search(len(toks), func(k int) bool { return toks[k].start >= m.start })
	if k < 3 || k > 8 || k == len(toks) || toks[k].start != m.start {
		return false
	}
	end := k
	for end+1 < len(toks) && toks[end+1].end <= m.end {
		end++
	}
	text := func(j int) string { return d.text[toks[j].start:toks[j].end] }
	if text(k-1) != "(" || end+1 >= len(toks) || text(end+1) != ")" {
		return false
	}
	// "23 may (" or "May 23 ("
	a, b := toks[k-3], toks[k-2]
	day := func(t token) bool { return t.kind == tNum }
	month := func(t token) bool { return t.kind == tWord && d.calendarWord(strings.ToLower(d.text[t.start:t.end])) }
	return day(a) && month(b) || month(a) && day(b)
}
