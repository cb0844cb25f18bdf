// Package gazetteer knows place names: countries (with their names in a few
// languages), first-level subdivisions, major cities, and the adjectives
// for nationalities. Data: Debian iso-codes (LGPL-2.1+) via gen.go, plus
// hand-kept lists of the language layer (internal/lang: country short
// names, extra places, demonyms); and the world's towns and cities from
// GeoNames (https://www.geonames.org, CC BY 4.0) via gen_cities.go.
package gazetteer

//go:generate go run gen.go

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/internal/lang"
)

//go:embed places.tsv
var placesTSV string

// Place is what the gazetteer knows of a name.
type Place struct {
	Name    string // canonical English name ("United States")
	Country string // ISO 3166-1 alpha-2
	Kind    string // country, region, city
}

var (
	byKey     = map[string]Place{}
	countries = map[string]string{} // code → canonical English name
	demonyms  = map[string]string{} // folded adjective or plural → canonical place name
)

func init() {
	// Lines marked "en" hold a country's English name.
	for _, line := range strings.Split(placesTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 && len(f) != 4 {
			continue
		}
		p := Place{Name: f[0], Country: f[1], Kind: f[2]}
		if p.Kind == "country" && len(f) == 4 && f[3] == "en" {
			// iso-codes' English name; a common name ("Bolivia") wins over
			// a formal one ("Bolivia, Plurinational State of" cut at its comma)
			if old, ok := countries[p.Country]; !ok || len(p.Name) < len(old) {
				countries[p.Country] = p.Name
			}
		}
		// iso-codes writes a name's other form in brackets ("A Coruña [La
		// Coruña]", "Wales [Cymru GB-CYM]") and marks some with a star
		names := []string{strings.TrimSuffix(f[0], "*")}
		if b := strings.IndexByte(f[0], '['); b > 0 && strings.HasSuffix(f[0], "]") {
			names = []string{strings.TrimSpace(f[0][:b])}
			var alt []string
			for _, w := range strings.Fields(f[0][b+1 : len(f[0])-1]) {
				if !strings.ContainsAny(w, "-0123456789") { // not a code
					alt = append(alt, w)
				}
			}
			if len(alt) > 0 {
				names = append(names, strings.Join(alt, " "))
			}
		}
		p.Name = names[0]
		for _, n := range names {
			// "Republic of the Congo" is also written "Republic of Congo"
			if a, b, ok := strings.Cut(n, " of the "); ok {
				names = append(names, a+" of "+b)
			}
		}
		for _, n := range names {
			if _, ok := byKey[Key(n)]; !ok {
				byKey[Key(n)] = p
			}
		}
	}
	// the short name people write where iso-codes' name is formal
	for _, r := range lang.Rows("country_short_names", "en") {
		countries[r[0]] = r[1]
	}
	// Translations and variants point at the English name.
	for k, p := range byKey {
		if p.Kind == "country" {
			p.Name = countries[p.Country]
			byKey[k] = p
		}
	}
	// places the generated tables lack: name, country, kind ("alias"
	// points at the country)
	for _, f := range append(lang.Rows("places_extra", "en"), lang.Rows("places_extra", "es")...) {
		if len(f) != 3 {
			panic("gazetteer: places_extra: want name, country and kind: " + strings.Join(f, "|"))
		}
		name := f[0]
		if f[2] == "country" || f[2] == "alias" {
			name = countries[f[1]]
			if f[2] == "alias" {
				f[2] = "country"
			}
		}
		byKey[Key(f[0])] = Place{Name: name, Country: f[1], Kind: f[2]}
	}
	// nationality words: place, then its adjectives and nouns
	for _, f := range append(lang.Rows("demonyms", "en"), lang.Rows("demonyms", "es")...) {
		if len(f) < 2 {
			panic("gazetteer: demonyms: want a place and its words: " + strings.Join(f, "|"))
		}
		place := f[0]
		if p, ok := byKey[Key(place)]; ok {
			place = p.Name
		}
		for _, d := range f[1:] {
			demonyms[Key(d)] = place
		}
	}
}

// Lookup returns what the gazetteer knows of name.
func Lookup(name string) (Place, bool) { return get(byKey, name) }

// Demonym returns the place a nationality word refers to ("Venezuelan",
// "Venezuelans", "salvadoreño" → "Venezuela", …, "El Salvador").
func Demonym(word string) (string, bool) { return get(demonyms, word) }

// get looks s up in m by its Key without allocating the key: the analysis
// asks for every capitalised word, and a map indexed with a byte slice
// converted in place copies nothing.
func get[V any](m map[string]V, s string) (V, bool) {
	var buf [64]byte
	k := appendKey(buf[:0], s)
	if len(k) >= 4 && string(k[:4]) == "the " {
		k = k[4:]
	}
	v, ok := m[string(k)]
	return v, ok
}

// Key folds a name for lookup: lower case, accents and dots removed,
// "the " dropped.
func Key(s string) string {
	// fast path: plain lower-case ASCII needs no copy
	plain := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c >= 'A' && c <= 'Z' || c == '.' || c == '\'' || c == '-' {
			plain = false
			break
		}
	}
	if plain {
		return strings.TrimPrefix(s, "the ")
	}
	k := string(appendKey(make([]byte, 0, len(s)), s))
	k = strings.TrimPrefix(k, "the ")
	return k
}

// appendKey appends s folded as Key folds it, less the dropping of "the ".
func appendKey(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			i++
			switch {
			case c == '.' || c == '\'':
				continue
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			case c == '-':
				c = ' '
			}
			b = append(b, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == '\u2019' {
			continue
		}
		if f, ok := fold[r]; ok {
			b = append(b, f...)
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

var fold = map[rune]string{
	'á': "a", 'à': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a", 'Á': "a", 'À': "a", 'Â': "a", 'Ä': "a", 'Ã': "a",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'É': "e", 'È': "e", 'Ê': "e",
	'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'Í': "i",
	'ó': "o", 'ò': "o", 'ô': "o", 'ö': "o", 'õ': "o", 'Ó': "o", 'Ö': "o", 'ő': "o", 'Ő': "o",
	'ú': "u", 'ù': "u", 'û': "u", 'ü': "u", 'Ú': "u", 'Ü': "u", 'ű': "u",
	'ñ': "n", 'Ñ': "n", 'ç': "c", 'Ç': "c", 'ß': "ss",
}

//go:embed names.txt
var namesTXT string

// names_es.txt: given names borne in Spain (see gen_names_es.go); names.txt
// keeps its gender where both list a name.
//
//go:embed names_es.txt
var namesEsTXT string

var givenNames = func() map[string]byte {
	m := map[string]byte{}
	for i, txt := range []string{namesTXT, namesEsTXT} {
		for _, l := range strings.Split(txt, "\n") {
			if l == "" || l[0] == '#' {
				continue
			}
			name, g, _ := strings.Cut(l, "\t")
			if g == "" {
				g = "U"
			}
			if _, ok := m[Key(name)]; ok && i > 0 {
				continue
			}
			m[Key(name)] = g[0]
		}
	}
	return m
}()

// GivenName reports whether w is a common given name ("Kristi", "José").
func GivenName(w string) bool { _, ok := get(givenNames, w); return ok }

// Gender returns 'F' or 'M' for a given name usually borne by women or by
// men, 'U' when it is either, 0 when the name is unknown.
func Gender(w string) byte { g, _ := get(givenNames, w); return g }
