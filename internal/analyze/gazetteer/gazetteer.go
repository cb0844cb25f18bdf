// Package gazetteer knows place names: countries (with their names in a few
// languages), first-level subdivisions, major cities, and the adjectives
// for nationalities. Data: Debian iso-codes (LGPL-2.1+) via gen.go, plus
// hand-kept lists in this package; and the world's towns and cities from
// GeoNames (https://www.geonames.org, CC BY 4.0) via gen_cities.go.
package gazetteer

//go:generate go run gen.go

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
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
	for code, name := range englishCountry {
		countries[code] = name
	}
	// Translations and variants point at the English name.
	for k, p := range byKey {
		if p.Kind == "country" {
			p.Name = countries[p.Country]
			byKey[k] = p
		}
	}
	for _, line := range strings.Split(extraPlaces, "\n") {
		f := strings.Split(strings.TrimSpace(line), "|")
		if len(f) != 3 {
			continue
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
	for _, line := range strings.Split(demonymList, "\n") {
		f := strings.Split(strings.TrimSpace(line), "|")
		if len(f) < 2 {
			continue
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

// englishCountry gives the short name people write where iso-codes' name is
// formal.
var englishCountry = map[string]string{
	"US": "United States", "GB": "United Kingdom", "RU": "Russia", "VE": "Venezuela", "BO": "Bolivia",
	"IR": "Iran", "KR": "South Korea", "KP": "North Korea", "SY": "Syria", "TW": "Taiwan", "TZ": "Tanzania",
	"VN": "Vietnam", "LA": "Laos", "MD": "Moldova", "CZ": "Czech Republic", "CD": "Democratic Republic of the Congo",
	"PS": "Palestine", "VA": "Vatican City", "FM": "Micronesia",
}

// extraPlaces: name|country|kind. kind "alias" points at the country.
const extraPlaces = `
US|US|alias
USA|US|alias
U.S.|US|alias
U.S.A.|US|alias
America|US|alias
United States of America|US|alias
EE.UU.|US|alias
EEUU|US|alias
UK|GB|alias
U.K.|GB|alias
Britain|GB|alias
Great Britain|GB|alias
Reino Unido|GB|alias
Vatican|VA|alias
Holy See|VA|alias
Washington DC|US|city
Washington D.C.|US|city
D.C.|US|city
Washington|US|city
New York City|US|city
Los Angeles|US|city
Chicago|US|city
Houston|US|city
Miami|US|city
Baltimore|US|city
Boston|US|city
Seattle|US|city
San Francisco|US|city
Philadelphia|US|city
Atlanta|US|city
Dallas|US|city
Denver|US|city
Detroit|US|city
Phoenix|US|city
Las Vegas|US|city
New Orleans|US|city
Arlington|US|city
Wichita|US|city
San Salvador|SV|city
Caracas|VE|city
Mexico City|MX|city
Ciudad de México|MX|city
Bogotá|CO|city
Lima|PE|city
Chiclayo|PE|city
Buenos Aires|AR|city
Santiago|CL|city
São Paulo|BR|city
Rio de Janeiro|BR|city
Brasília|BR|city
Havana|CU|city
La Habana|CU|city
Guatemala City|GT|city
Tegucigalpa|HN|city
Managua|NI|city
Panama City|PA|city
Quito|EC|city
Montevideo|UY|city
Asunción|PY|city
La Paz|BO|city
Madrid|ES|city
Barcelona|ES|city
London|GB|city
Manchester|GB|city
Edinburgh|GB|city
Paris|FR|city
Berlin|DE|city
Rome|IT|city
Roma|IT|city
Milan|IT|city
Vienna|AT|city
Brussels|BE|city
Amsterdam|NL|city
Lisbon|PT|city
Dublin|IE|city
Geneva|CH|city
Zurich|CH|city
Warsaw|PL|city
Prague|CZ|city
Budapest|HU|city
Athens|GR|city
Moscow|RU|city
Kyiv|UA|city
Kiev|UA|city
Istanbul|TR|city
Ankara|TR|city
Cairo|EG|city
Jerusalem|IL|city
Tel Aviv|IL|city
Gaza|PS|city
Gaza Strip|PS|region
Burma|MM|alias
East Timor|TL|alias
West Bank|PS|region
Soviet Union|SU|region
Beirut|LB|city
Damascus|SY|city
Baghdad|IQ|city
Tehran|IR|city
Riyadh|SA|city
Dubai|AE|city
Doha|QA|city
Kabul|AF|city
Islamabad|PK|city
Karachi|PK|city
Lahore|PK|city
New Delhi|IN|city
Delhi|IN|city
Mumbai|IN|city
Beijing|CN|city
Shanghai|CN|city
Hong Kong|HK|city
Tokyo|JP|city
Seoul|KR|city
Pyongyang|KP|city
Taipei|TW|city
Manila|PH|city
Jakarta|ID|city
Bangkok|TH|city
Singapore|SG|city
Sydney|AU|city
Melbourne|AU|city
Toronto|CA|city
Montreal|CA|city
Vancouver|CA|city
Ottawa|CA|city
Nairobi|KE|city
Lagos|NG|city
Johannesburg|ZA|city
Cape Town|ZA|city
Khartoum|SD|city
Juba|SS|city
Addis Ababa|ET|city
Latin America|XX|region
Central America|XX|region
South America|XX|region
North America|XX|region
Western Hemisphere|XX|region
Middle East|XX|region
Europe|XX|region
Asia|XX|region
Africa|XX|region
Caribbean|XX|region
Gulf of Mexico|XX|region
Pacific|XX|region
Atlantic|XX|region
Potomac River|US|region
Patapsco River|US|region
`

// demonymList: place|adjective|plural|… (English and Spanish).
const demonymList = `
United States|American|Americans|estadounidense|estadounidenses|norteamericano|norteamericanos
El Salvador|Salvadoran|Salvadorans|Salvadorian|salvadoreño|salvadoreños|salvadoreña
Venezuela|Venezuelan|Venezuelans|venezolano|venezolanos|venezolana
Mexico|Mexican|Mexicans|mexicano|mexicanos
Guatemala|Guatemalan|Guatemalans|guatemalteco|guatemaltecos
Honduras|Honduran|Hondurans|hondureño|hondureños
Nicaragua|Nicaraguan|Nicaraguans|nicaragüense
Colombia|Colombian|Colombians|colombiano|colombianos
Peru|Peruvian|Peruvians|peruano|peruanos|peruana
Ecuador|Ecuadorian|Ecuadorians|ecuatoriano
Cuba|Cuban|Cubans|cubano|cubanos
Argentina|Argentine|Argentinian|Argentinians|argentino|argentinos
Brazil|Brazilian|Brazilians|brasileño|brasileños
Chile|Chilean|Chileans|chileno
Spain|Spanish|Spaniard|Spaniards|español|españoles
United Kingdom|British|Briton|Britons
France|French|francés|franceses
Germany|German|Germans|alemán|alemanes
Italy|Italian|Italians|italiano|italianos
Russia|Russian|Russians|ruso|rusos
Ukraine|Ukrainian|Ukrainians|ucraniano
China|Chinese|chino|chinos
Japan|Japanese|japonés
India|Indian|Indians
Pakistan|Pakistani|Pakistanis
Iran|Iranian|Iranians
Iraq|Iraqi|Iraqis
Israel|Israeli|Israelis|israelí
Palestine|Palestinian|Palestinians|palestino|palestinos
Syria|Syrian|Syrians
Turkey|Turkish|Turk|Turks
Canada|Canadian|Canadians|canadiense
Australia|Australian|Australians
Ireland|Irish
Poland|Polish|Pole|Poles
Singapore|Singaporean|Singaporeans
Sudan|Sudanese
South Sudan|South Sudanese
Nigeria|Nigerian|Nigerians
Kenya|Kenyan|Kenyans
Philippines|Filipino|Filipinos
Indonesia|Indonesian|Indonesians
Vatican City|Vatican
Latin America|Latin American|Latin Americans|latinoamericano|latinoamericanos
Central America|Central American|Central Americans|centroamericano|centroamericanos
South America|South American|South Americans|sudamericano
Europe|European|Europeans|europeo|europeos
Africa|African|Africans|africano
`

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
