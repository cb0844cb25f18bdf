package analyze

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/analyze/gazetteer"
	"github.com/parallaxnews/parallax/internal/lang"
)

// Spanish entity typing. The shared rules read a name's head at its end,
// as English puts it ("Central Bank"); Spanish puts it first ("Banco
// Central Europeo", "Comité Olímpico Brasileño"), and says who a name is
// by what stands around it: a role noun in apposition ("el concejal de
// Hacienda, Ivo Quist"; "Ivo Quist, portavoz de …"), a verb of saying
// ("explicó Quist"), a common noun of an organisation's kind ("la
// petrolera brasileña Quistco"). These lists are Spanish only.
var (
	esOrgHeads      = lang.Words("org_heads", "es")
	esFacilityHeads = lang.Words("facility_heads", "es")
	esPlaceHeads    = lang.Words("place_heads", "es")
	esEventHeads    = lang.Words("event_heads", "es")
	esLawHeads      = lang.Words("law_heads", "es")
	esOrgKinds      = lang.Words("org_kinds", "es")
	esTitles        = lang.Words("titles", "es")
	esSpeechVerbs   = lang.Words("speech_verbs", "es")
	// esPlaceNames: CLDR's Spanish names of countries, regions and cities
	// ("Nueva York", "Moscú", "Centroamérica"), which the gazetteer keeps
	// in English and the languages of iso-codes
	esPlaceNames = lang.Words("place_names", "es")
	esArticles   = lang.Words("definite_articles", "es")
	esParticles  = lang.Words("name_particles", "es")
	// esOrgConnectors: prepositions inside an institution's name
	// ("Organización para la Unidad Quistiana")
	esOrgConnectors = lang.Words("org_name_connectors", "es")
)

// esInstitutionRun: the run opens (after an article) with the head of an
// organisation's name ("Foro", "Organización", "Comité").
func esInstitutionRun(run []token) bool {
	if len(run) > 1 && esArticle(run[0].low) {
		run = run[1:]
	}
	return len(run) > 0 && esOrgHeads.Has(run[0].low)
}

// esArticle: a Spanish definite article, which may open a name ("El
// Salvador", "La Haya") but is no head.
func esArticle(w string) bool { return esArticles.Has(w) }

// esParticle: a word that sits inside a Spanish person's name ("Pedro
// Martínez de la Rosa", "Alvaro del Portillo").
func esParticle(w string) bool { return esParticles.Has(w) }

// esHeadType types a Spanish name by its first word (after an article):
// "Ministerio de Fomento" an organisation, "Aeropuerto de Barajas" a
// facility, "Río Ebro" a place, "Copa del Rey" an event.
func esHeadType(name string) string {
	f := strings.Fields(name)
	if len(f) > 1 && esArticle(strings.ToLower(f[0])) {
		f = f[1:]
	}
	head := strings.ToLower(f[0])
	switch {
	case esOrgHeads.Has(head):
		return parallax.Organization
	case esFacilityHeads.Has(head):
		return parallax.Facility
	case esLawHeads.Has(head):
		return parallax.Law
	case esEventHeads.Has(head):
		return parallax.Event
	case esPlaceHeads.Has(head) && len(f) > 1:
		return parallax.Place
	}
	return ""
}

// esLooksPerson: two to five capitalised words, particles allowed inside,
// none of them a head of an institution, a place the gazetteer knows or an
// acronym.
func esLooksPerson(name string) bool {
	f := strings.Fields(name)
	if len(f) < 2 || len(f) > 6 {
		return false
	}
	caps := 0
	for i, w := range f {
		lw := strings.ToLower(w)
		if esParticle(lw) && i > 0 && i < len(f)-1 {
			continue
		}
		if !looksPersonWord(w) || institutional(lw) || esOrgHeads.Has(lw) || esPlaceHeads.Has(lw) {
			return false
		}
		caps++
	}
	if _, ok := gazetteer.Lookup(name); ok {
		return false
	}
	return caps >= 2
}

// esSurname: a Spanish patronymic surname ("González", "Pérez", "Gómez"),
// a word of five letters or more ending in -ez, or a name ending in one.
func esSurname(name string) bool {
	w := strings.ToLower(lastWord(name))
	return strings.HasSuffix(w, "ez") && utf8.RuneCountInString(w) >= 5
}

// spanishTypes types the entities of a Spanish article by Spanish
// evidence (see above). It keeps the types the rules read from a title
// ("el presidente Quist") and their finer types (laws, events, facilities,
// works).
func (d *doc) spanishTypes() {
	if d.lang != "es" {
		return
	}
	d.lowerWords = map[string]bool{}
	for si := range d.sents {
		toks := d.sentTokens(si)
		for _, t := range toks {
			if t.kind == tWord && !t.cap {
				d.lowerWords[t.low] = true
			}
		}
	}
	for i := range d.ents {
		e := &d.ents[i]
		if t := d.spanishType(e); t != "" {
			e.typ = t
		}
	}
	d.esListTypes()
}

func (d *doc) spanishType(e *ent) string {
	switch e.typ {
	case parallax.Misc, "", parallax.Organization, parallax.Place:
	case parallax.Person:
		if len(e.roles) > 0 {
			return ""
		}
	default:
		return ""
	}
	// the longest form carries the head
	name := e.name
	for f := range e.forms {
		if len(f) > len(name) {
			name = f
		}
	}
	if t := esHeadType(name); t != "" {
		return t
	}
	if p, ok := gazetteer.Lookup(name); ok || e.typ == parallax.Place || esPlaceNames.Has(strings.ToLower(name)) {
		if ok && p.Kind != "country" && len(e.roles) == 0 && !strings.Contains(name, " ") && d.esClub(e) {
			return parallax.Organization
		}
		return parallax.Place
	}
	var org, per, loc, club, art int
	townName := esTownName(name)
	for _, mi := range e.mentions {
		m := &d.mentions[mi]
		toks := d.sentTokens(m.sent)
		k := sort.Search(len(toks), func(k int) bool { return toks[k].start >= m.start })
		if k == len(toks) || toks[k].start != m.start {
			continue
		}
		end := k
		for end+1 < len(toks) && toks[end+1].end <= m.end {
			end++
		}
		switch {
		case esOrgKindBefore(d.text, toks, k) || esRoleOf(toks, k) && !isTown(m.text):
			org++
		case d.esAppositionPerson(toks, k, end):
			per++
		case esSpeechNext(toks, k, end):
			per++
		case m.located || esPlaceOf(toks, k):
			loc++
		case townName && k > 0 && esMasculineArticle(toks[k-1]):
			club++
		case k > 0 && esArticleBefore(toks[k-1]):
			art++
		}
	}
	f := strings.Fields(name)
	acr := len(f) == 1 && upperWord(name)
	switch {
	case org > 0 && org >= per:
		return parallax.Organization
	case per > 0 && !acr:
		return parallax.Person
	case esLooksPerson(name) && (gazetteer.GivenName(f[0]) || esSurname(name)):
		return parallax.Person
	case len(f) == 1 && esSurname(name) && looksPersonWord(name):
		return parallax.Person
	case club > 0 && loc == 0 && len(e.roles) == 0 && e.typ != parallax.Organization:
		// Spanish names a town without an article; "el Elche", "del Real
		// Quistburgo" name the club
		return parallax.Organization
	case e.typ == parallax.Person && len(f) > 2 && esParticle(strings.ToLower(f[1])) && !gazetteer.GivenName(f[0]):
		// "Junta de Extremadura": the shared rules take "de" for a given name
		if loc > 0 {
			return parallax.Place
		}
		return parallax.Misc
	case loc > 0 && (e.typ == parallax.Misc || e.typ == ""):
		return parallax.Place
	case art > 0 && (e.typ == parallax.Misc || e.typ == "") && !(len(f) > 1 && isRoman(f[0])) && !d.lowerWords[strings.ToLower(f[0])]:
		// Spanish writes no article before a person's name, and before a
		// place's only where the name holds it ("El Cairo") or the
		// gazetteer knows it ("la India"): a name the article stands
		// before, and that nothing else types, is an institution's ("la
		// Ertzaintza", "el Quistalud"); a Roman numeral before a name
		// numbers an event's edition ("la VI Feria de …"), and a first
		// word the article also writes in lower case is a common noun
		// ("el Plan de …" beside "el plan")
		return parallax.Organization
	}
	return ""
}

// esArticleBefore: a lower-case definite article, or "del"/"al", before a
// name.
func esArticleBefore(t token) bool {
	return t.kind == tWord && !t.cap && (esArticle(t.low) || t.low == "del" || t.low == "al")
}

// esClub: a town's name that a masculine article stands before ("el
// Valencia", "del Quistburgo") and no preposition of place ("en Valencia")
// names its club: Spanish writes no article before a town's name unless
// the name holds it ("El Cairo"), and the article of the club is the
// masculine of "el club", "el equipo". The caller asks only for a listed
// town of one word: countries take an article now and then ("el Perú"),
// and regions and features hold theirs ("el País Vasco", "el Estrecho").
func (d *doc) esClub(e *ent) bool {
	club := 0
	for _, mi := range e.mentions {
		m := &d.mentions[mi]
		if m.located {
			return false
		}
		toks := d.sentTokens(m.sent)
		k := sort.Search(len(toks), func(k int) bool { return toks[k].start >= m.start })
		if k == len(toks) || toks[k].start != m.start {
			continue
		}
		if k > 0 && esMasculineArticle(toks[k-1]) {
			club++
		}
	}
	return club > 0
}

// esTownName: a town's name ("Elche"), or a word before a town's or a
// region's name, with or without "de" ("Real Quistburgo", "Atlético de
// Quistburgo"), which the article before it makes a club's. Longer names
// are buildings and streets more often ("Palacio de la Quista").
func esTownName(name string) bool {
	if c, ok := gazetteer.LookupCity(name); ok {
		return !c.Ambiguous() // "el Metro" is no club
	}
	f := strings.Fields(name)
	if len(f) != 2 && (len(f) != 3 || f[1] != "de") {
		return false
	}
	last := f[len(f)-1]
	_, town := gazetteer.LookupCity(last)
	_, place := gazetteer.Lookup(last)
	return town || place
}

// esRoleOf: the name at toks[k] follows a role noun and "de": "el
// presidente de Quistel", "el portavoz de Quistur" (a town's, "el alcalde
// de Quistar", is left to the caller).
func esRoleOf(toks []token, k int) bool {
	if k < 2 || toks[k-1].kind != tWord || toks[k-1].low != "de" {
		return false
	}
	t := toks[k-2]
	return t.kind == tWord && !t.cap && esTitles.Has(t.low)
}

// esPlaceOf: the name at toks[k] follows a place's head noun and "de":
// "la localidad de Quistar", "la ciudad de Quistburgo".
func esPlaceOf(toks []token, k int) bool {
	if k < 2 || toks[k-1].kind != tWord || toks[k-1].low != "de" {
		return false
	}
	t := toks[k-2]
	return t.kind == tWord && !t.cap && esPlaceHeads.Has(t.low)
}

// esMasculineArticle: a lower-case "el", "del" or "al" before a name.
func esMasculineArticle(t token) bool {
	return t.kind == tWord && !t.cap && esMasculineArticles.Has(t.low)
}

// esOrgKindBefore: the name at toks[k] follows a lower-case noun of an
// organisation's kind, maybe with an adjective between ("la petrolera
// brasileña Quistco", "el diario Quist", "el club Quist"), or an opening
// quotation mark ("el diario «Quist»"); or it is listed after such a noun
// in the plural ("las empresas Quistco, Borg y Lind").
func esOrgKindBefore(text string, toks []token, k int) bool {
	j := k - 1
	if j >= 0 && toks[j].kind == tPunct && isQuoteMark(text[toks[j].start:toks[j].end]) {
		j--
	}
	if esKindEndsAt(toks, j, false) {
		return true
	}
	// walk back over the names listed before this one
	listed := false
	for steps := 0; j >= 0 && steps < 24; steps++ {
		t := toks[j]
		switch {
		case t.kind == tWord && t.cap, t.kind == tPunct && isQuoteMark(text[t.start:t.end]):
		case t.kind == tPunct && text[t.start:t.end] == ",", t.kind == tWord && (t.low == "y" || t.low == "e" || t.low == "o"):
			listed = true
		default:
			return listed && esKindEndsAt(toks, j, true)
		}
		j--
	}
	return false
}

// esKindEndsAt: a noun of an organisation's kind ends at toks[j], or one
// word before it, after an article, a determiner or a preposition (in the
// plural only when plural is set).
func esKindEndsAt(toks []token, j int, plural bool) bool {
	for n := 0; j >= 0 && n < 2; j, n = j-1, n+1 {
		t := toks[j]
		if t.kind != tWord || t.cap {
			return false
		}
		kind := !plural && (esOrgKinds.Has(t.low) || esOrgHeads.Has(t.low))
		if !kind && strings.HasSuffix(t.low, "s") {
			sg := esSingular(t.low)
			kind = esOrgKinds.Has(sg) || esOrgHeads.Has(sg)
		}
		if kind {
			return j == 0 || toks[j-1].kind != tWord || esArticle(toks[j-1].low) || determinersByLang["es"].Has(toks[j-1].low) || prepositionsByLang["es"].Has(toks[j-1].low)
		}
	}
	return false
}

// esSingular undoes the regular Spanish plural (RAE, Nueva gramática 3.2:
// "empresas", "clubes", "organizaciones"): less -es after a consonant
// (with the accent of -ión back), else less -s.
func esSingular(w string) string {
	switch {
	case strings.HasSuffix(w, "iones"):
		return strings.TrimSuffix(w, "iones") + "ión"
	case strings.HasSuffix(w, "es") && len(w) > 4 && !strings.ContainsRune("aeiou", rune(w[len(w)-3])):
		return w[:len(w)-2]
	}
	return strings.TrimSuffix(w, "s")
}

// esSpeechNext: a verb of saying right after the name ("Quist explicó")
// or right before it ("señaló Quist").
func esSpeechNext(toks []token, k, end int) bool {
	if end+1 < len(toks) && toks[end+1].kind == tWord && esSpeechVerbs.Has(toks[end+1].low) {
		return true
	}
	return k > 0 && toks[k-1].kind == tWord && esSpeechVerbs.Has(toks[k-1].low)
}

// esAppositionPerson: the name stands in apposition to a role noun: after
// it ("el concejal de Hacienda, Ivo Quist,") or before it ("Ivo Quist,
// portavoz de …").
func (d *doc) esAppositionPerson(toks []token, k, end int) bool {
	// "Ivo Quist, portavoz …", "Ivo Quist, el presidente …"
	if end+2 < len(toks) && d.text[toks[end+1].start:toks[end+1].end] == "," {
		j := end + 2
		if esArticle(toks[j].low) && j+1 < len(toks) {
			j++
		}
		if toks[j].kind == tWord && !toks[j].cap && esTitles.Has(toks[j].low) {
			return true
		}
	}
	// "el concejal de Hacienda, Ivo Quist": a role noun opens the phrase
	// that the comma before the name closes
	if k < 2 || d.text[toks[k-1].start:toks[k-1].end] != "," {
		return false
	}
	for j := k - 2; j >= 0 && j >= k-8; j-- {
		t := toks[j]
		if t.kind == tPunct {
			return false
		}
		if t.kind == tWord && esTitles.Has(t.low) {
			return j == 0 || toks[j-1].kind != tWord || esArticle(toks[j-1].low) || toks[j-1].low == "del" || toks[j-1].low == "al"
		}
	}
	return false
}

// yJoins reports whether the Spanish "y" at toks[j] joins the capitalised
// run toks[i:j] and the one after it into one name. "y" between two
// capitalised words coordinates two names far more often than it sits in
// one ("Rusia y Francia", "el PSOE y el PP"); it is inside a name when
// the whole is a place the gazetteer knows ("Castilla y León", "Trinidad
// y Tobago") or when the run is an institution's head and its complement,
// which "y" goes on ("Ministerio de Trabajo y Asuntos Sociales").
func yJoins(text string, toks []token, i, j int) bool {
	k := j + 1
	if k >= len(toks) || toks[k].kind != tWord || !toks[k].cap || esArticle(toks[k].low) {
		return false
	}
	e := k
	for e+1 < len(toks) && toks[e+1].kind == tWord && toks[e+1].cap && toks[e+1].start-toks[e].end <= 1 {
		e++
	}
	if _, ok := gazetteer.Lookup(text[toks[i].start:toks[e].wordEnd()]); ok {
		return true
	}
	for h := i; h+1 < j; h++ {
		if (institutional(toks[h].low) || esOrgHeads.Has(toks[h].low)) && !toks[h+1].cap && (toks[h+1].low == "de" || toks[h+1].low == "del") {
			return true
		}
	}
	return false
}

// esListTypes: names listed together ("Quist, Borg, Lind y Marr";
// "Quistalia, Borvania y Lindia") are of one kind. A name the rules left
// misc takes the type that two or more of the others share, when none of
// them has another person, organisation or place type.
func (d *doc) esListTypes() {
	byStart := map[int]int{} // mention start → mention index
	for i := range d.mentions {
		byStart[d.mentions[i].start] = i
	}
	for si := range d.sents {
		toks := d.sentTokens(si)
		var run []int // mention indices of the list being read
		flush := func() {
			if len(run) >= 3 {
				d.esTypeList(run)
			}
			run = run[:0]
		}
		k := 0
		for k < len(toks) {
			mi, ok := byStart[toks[k].start]
			if !ok || d.mentions[mi].sent != si {
				if len(run) > 0 && !(toks[k].kind == tPunct && d.text[toks[k].start:toks[k].end] == "," || toks[k].low == "y" || toks[k].low == "e") {
					flush()
				}
				k++
				continue
			}
			// the list goes on only over commas and "y"
			if len(run) > 0 {
				prev := &d.mentions[run[len(run)-1]]
				for _, t := range toks {
					if t.start >= prev.end && t.end <= d.mentions[mi].start && !(t.kind == tPunct && d.text[t.start:t.end] == "," || t.low == "y" || t.low == "e") {
						flush()
						break
					}
				}
			}
			run = append(run, mi)
			for k < len(toks) && toks[k].start < d.mentions[mi].end {
				k++
			}
		}
		flush()
	}
}

func (d *doc) esTypeList(run []int) {
	count := map[string]int{}
	for _, mi := range run {
		switch t := d.ents[d.mentions[mi].entity].typ; t {
		case parallax.Person, parallax.Organization, parallax.Place:
			count[t]++
		}
	}
	if len(count) != 1 {
		return
	}
	for t, n := range count {
		if n < 2 {
			return
		}
		for _, mi := range run {
			if e := &d.ents[d.mentions[mi].entity]; e.typ == parallax.Misc || e.typ == "" {
				e.typ = t
			}
		}
	}
}

// esInitialName: a capitalised word that starts a Spanish sentence and is
// followed by a verb of saying ("Quist explicó que …") is a name, unless it
// is a word that starts sentences.
func (d *doc) esInitialName(mn *mention) bool {
	if d.lang != "es" || mn.titleLine || mn.tokens != 1 {
		return false
	}
	low := strings.ToLower(mn.text)
	if lang.Stopword(low) || startWords.Has(low) || pronouns.Has(low) {
		return false
	}
	toks := d.sentTokens(mn.sent)
	k := sort.Search(len(toks), func(k int) bool { return toks[k].start >= mn.end })
	return k < len(toks) && toks[k].kind == tWord && esSpeechVerbs.Has(toks[k].low)
}

// isTown: a name the world's towns and cities know (GeoNames).
func isTown(name string) bool {
	_, ok := gazetteer.LookupCity(name)
	return ok
}

// isQuoteMark: a double quotation mark of any kind ("«Quist»", "“Quist”").
func isQuoteMark(s string) bool {
	return s == "\"" || s == "“" || s == "”" || s == "«" || s == "»" || s == "„"
}
