package quantity

import (
	"strings"

	"github.com/parallaxnews/parallax/internal/lang"
)

// Function words and common verbs: a counted noun phrase never runs past one.
var enStop = words("count_stopwords", "en")

var esStop = words("count_stopwords", "es")

// English words ending in "s" that are not plurals.
var enNotPlural = words("not_plurals", "en")

// Irregular English plurals and nouns that count people without an "s".
var enIrregular = map[string]string{
	"men": "man", "women": "woman", "children": "child", "people": "person", "persons": "person",
	"feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "police": "police",
	"personnel": "personnel", "staff": "staff", "lives": "life", "wives": "wife", "knives": "knife",
	"wolves": "wolf", "halves": "half", "thieves": "thief", "shelves": "shelf", "leaves": "leaf",
	"loaves": "loaf", "calves": "calf", "selves": "self", "criteria": "criterion",
	"phenomena": "phenomenon", "data": "data", "media": "media", "analyses": "analysis",
	"crises": "crisis", "theses": "thesis", "bases": "base", "aircraft": "aircraft",
	"sheep": "sheep", "fish": "fish", "deer": "deer", "cattle": "cattle", "livestock": "livestock",
	"troops": "troop", "clergy": "clergy", "crew": "crew", "offspring": "offspring",
	"fishermen": "fisherman", "firemen": "fireman", "policemen": "policeman",
	"policewomen": "policewoman", "gunmen": "gunman", "servicemen": "serviceman",
	"congressmen": "congressman", "businessmen": "businessman", "spokesmen": "spokesman",
	"heroes": "hero", "potatoes": "potato", "tomatoes": "tomato", "echoes": "echo",
	"vetoes": "veto", "torpedoes": "torpedo", "volcanoes": "volcano", "mosquitoes": "mosquito",
	"embargoes": "embargo", "cargoes": "cargo", "buses": "bus", "viruses": "virus",
	"bonuses": "bonus", "statuses": "status", "campuses": "campus", "censuses": "census",
	"surpluses": "surplus", "movies": "movie", "cookies": "cookie", "zombies": "zombie",
	"rookies": "rookie", "calories": "calorie", "lies": "lie", "ties": "tie", "pies": "pie",
	"species": "species", "series": "series", "headaches": "headache", "avalanches": "avalanche",
	"niches": "niche", "caches": "cache", "clichés": "cliché", "cliches": "cliche",
	"indices": "index", "matrices": "matrix", "appendices": "appendix",
	"oxen": "ox", "dice": "die",
}

// Nouns so vague that the word before them belongs to the thing counted:
// "gang members", "police officers", "aid workers".
var vagueHeads = words("vague_heads", "en")

// Participles and verbs after which a bare number counts people: "six
// accused of…", "two died".
var peopleVerbs = words("people_verbs", "en")

var enAux = words("count_auxiliaries", "en")

// Spanish verbs after which a bare number counts people: "dos murieron".
var esPeopleVerbs = words("people_verbs", "es")

// Spanish adjectives that may come before the noun counted.
var esPreAdj = words("prenominal_adjectives", "es")

// Spanish words ending in "s" that are not plural nouns.
var esNotPlural = words("not_plurals", "es")

// Spanish singular (after lemmatising) to an English lemma, so that heads
// line up across languages.
var esToEn = map[string]string{
	"persona": "person", "gente": "person", "individuo": "individual", "hombre": "man",
	"mujer": "woman", "niño": "child", "niña": "child", "menor": "minor", "migrante": "migrant",
	"inmigrante": "immigrant", "emigrante": "emigrant", "deportado": "deportee",
	"preso": "prisoner", "prisionero": "prisoner", "recluso": "inmate", "reo": "inmate",
	"detenido": "detainee", "pandillero": "gang member", "criminal": "criminal",
	"delincuente": "criminal", "muerto": "death", "fallecido": "death", "víctima": "victim",
	"victima": "victim", "herido": "injured", "desaparecido": "missing", "vuelo": "flight",
	"avión": "plane", "avion": "plane", "soldado": "soldier", "policía": "police officer",
	"policia": "police officer", "agente": "agent", "trabajador": "worker",
	"estudiante": "student", "voto": "vote", "escaño": "seat", "escano": "seat", "casa": "house",
	"vivienda": "home", "edificio": "building", "barco": "ship", "buque": "ship", "país": "country",
	"pais": "country", "ciudad": "city", "caso": "case", "contagio": "infection",
	"venezolano": "venezuelan", "salvadoreño": "salvadoran", "mexicano": "mexican",
	"estadounidense": "american", "colombiano": "colombian", "hondureño": "honduran",
	"guatemalteco": "guatemalan", "nicaragüense": "nicaraguan", "cubano": "cuban",
	"acusado": "accused", "sospechoso": "suspect", "pasajero": "passenger", "turista": "tourist",
	"refugiado": "refugee", "asilado": "asylum seeker", "solicitante": "applicant",
	"empleado": "employee", "médico": "doctor", "medico": "doctor", "periodista": "journalist",
	"diputado": "deputy", "senador": "senator", "miembro": "member", "bomberos": "firefighter",
	"bombero": "firefighter", "camión": "truck", "camion": "truck", "coche": "car", "auto": "car",
	"vehículo": "vehicle", "vehiculo": "vehicle", "arma": "weapon", "bala": "bullet",
	"árbol": "tree", "arbol": "tree", "escuela": "school", "hospital": "hospital",
	"familia": "family", "hijo": "child", "hija": "child", "tripulante": "crew member",
	"marinero": "sailor", "obrero": "worker", "ciudadano": "citizen", "habitante": "inhabitant",
	"residente": "resident", "vecino": "resident", "manifestante": "protester",
}

// Synonyms applied when comparing heads.
var headSynonyms = map[string]string{
	"people": "person", "individual": "person", "persona": "person",
	"tonne": "ton", "kid": "child", "youngster": "child",
}

// words reads a list of the language layer once, as a map: the scanner
// looks words up per token.
func words(name string, langs ...string) map[string]bool {
	s := lang.Words(name, langs...)
	m := make(map[string]bool, s.Len())
	for _, w := range s.Entries() {
		m[w] = true
	}
	return m
}

func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// possessive reports whether w ends in 's or ’s.
func possessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") ||
		strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "s’")
}

// pluralEN reports whether the lower-case English word w looks like a plural noun.
func pluralEN(w string) bool {
	if _, ok := enIrregular[w]; ok {
		return true
	}
	if len(w) < 3 || w[len(w)-1] != 's' || possessive(w) || enNotPlural[w] {
		return false
	}
	switch {
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"),
		strings.HasSuffix(w, "ous"):
		return false
	}
	return true
}

// lemmaEN returns the singular of an English plural (or w itself).
func lemmaEN(w string) string {
	if l, ok := enIrregular[w]; ok {
		return l
	}
	if len(w) < 3 || w[len(w)-1] != 's' || enNotPlural[w] || strings.HasSuffix(w, "ss") {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zzes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "oes") && !oeNouns[w]:
		return w[:len(w)-2] // "tornadoes"
	}
	return w[:len(w)-1]
}

// Plurals in -oes whose singular ends in -oe.
var oeNouns = words("oe_plurals", "en")

// pluralES reports whether the lower-case Spanish word w looks like a plural.
func pluralES(w string) bool {
	return len(w) >= 3 && w[len(w)-1] == 's' && !esNotPlural[w]
}

// lemmaES returns the singular of a Spanish plural.
func lemmaES(w string) string {
	if len(w) < 3 || w[len(w)-1] != 's' || esNotPlural[w] {
		return w
	}
	switch {
	case strings.HasSuffix(w, "iones"):
		return w[:len(w)-5] + "ión"
	case strings.HasSuffix(w, "ones"):
		return w[:len(w)-4] + "ón"
	case strings.HasSuffix(w, "ces"):
		return w[:len(w)-3] + "z"
	case strings.HasSuffix(w, "es") && len(w) > 4:
		switch w[len(w)-3] {
		case 'r', 'l', 'n', 'd', 'j', 'y':
			return w[:len(w)-2]
		}
		if strings.HasSuffix(w, "íes") || strings.HasSuffix(w, "úes") {
			return w[:len(w)-2]
		}
	}
	return w[:len(w)-1]
}

// headES lemmatises a Spanish noun and translates it when it can.
func headES(w string) string {
	l := lemmaES(w)
	if strings.HasSuffix(w, "ses") {
		if en, ok := esToEn[w[:len(w)-2]]; ok {
			return en // "países" → "país", not "paíse"
		}
	}
	if en, ok := esToEn[l]; ok {
		return en
	}
	if en, ok := esToEn[w]; ok {
		return en
	}
	return l
}

// adjectiveLike reports whether an English word looks like an adjective or
// participle rather than a noun, from its ending.
func adjectiveLike(w string) bool {
	for _, suf := range adjSuffixes {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

var adjSuffixes = []string{"ed", "ent", "ant", "al", "ous", "ive", "ic", "ful", "less", "able",
	"ible", "ary", "ian", "ese", "ish", "ly", "an", "ing"}

// Common adjectives that the suffix test misses.
var enAdjWords = words("adjectives", "en")
