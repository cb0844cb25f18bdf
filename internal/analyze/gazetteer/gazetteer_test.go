package gazetteer

import "testing"

// TestBracketedForms: iso-codes' "A Coruña [La Coruña]", "Wales [Cymru
// GB-CYM]" and "Alacant*" name places by each form, not by the whole line.
func TestBracketedForms(t *testing.T) {
	for _, n := range []string{"A Coruña", "La Coruña", "Wales", "Cymru", "Lérida", "Lleida", "Alacant", "Galicia"} {
		if _, ok := Lookup(n); !ok {
			t.Errorf("Lookup(%q) found nothing", n)
		}
	}
	for _, n := range []string{"La", "GB-CYM", "A Coruña [La Coruña]", "SE-10"} {
		if _, ok := Lookup(n); ok {
			t.Errorf("Lookup(%q) found a place", n)
		}
	}
	if p, _ := Lookup("Wales"); p.Name != "Wales" {
		t.Errorf("Wales is named %q", p.Name)
	}
}

// TestSpanishGivenNames: names_es.txt adds names borne in Spain, with
// their accents folded, but not ordinary words or places.
func TestSpanishGivenNames(t *testing.T) {
	for _, n := range []string{"Jordi", "Mariano", "Vicente", "Iñaki", "Begoña", "Pilar"} {
		if !GivenName(n) {
			t.Errorf("GivenName(%q) = false", n)
		}
	}
	for _, n := range []string{"Paz", "Peru", "Para"} {
		if GivenName(n) {
			t.Errorf("GivenName(%q) = true", n)
		}
	}
	if g := Gender("Mariano"); g != 'M' {
		t.Errorf("Gender(Mariano) = %q", g)
	}
}

// TestSubdivisionNames: CLDR's English and Spanish names of first-level
// subdivisions are places; one-word names that are ordinary words are not.
func TestSubdivisionNames(t *testing.T) {
	for _, n := range []string{"West Java", "País Vasco", "Guipúzcoa", "Baviera"} {
		if p, ok := Lookup(n); !ok || p.Kind != "region" {
			t.Errorf("Lookup(%q) = %v, %v; want a region", n, p, ok)
		}
	}
	for _, n := range []string{"Este", "Zealand", "Unità"} {
		if p, ok := Lookup(n); ok {
			t.Errorf("Lookup(%q) = %v; want nothing", n, p)
		}
	}
}

// TestFormalCountryNames: iso-codes' official names, its inverted names
// turned round, and both with and without "the" after "of".
func TestFormalCountryNames(t *testing.T) {
	tests := []struct{ name, country string }{
		{"Democratic Republic of the Congo", "CD"},
		{"Democratic Republic of Congo", "CD"},
		{"Republic of the Congo", "CG"},
		{"Republic of Congo", "CG"},
		{"Islamic Republic of Iran", "IR"},
		{"Republic of Korea", "KR"},
	}
	for _, tt := range tests {
		if p, ok := Lookup(tt.name); !ok || p.Country != tt.country || p.Kind != "country" {
			t.Errorf("Lookup(%q) = %v, %v; want country %s", tt.name, p, ok, tt.country)
		}
	}
}

// get finds what a lookup by Key finds, for any spelling, and allocates
// nothing.
func TestGetMatchesKey(t *testing.T) {
	for _, s := range []string{"France", "the Netherlands", "The Netherlands", "Côte d'Ivoire", "U.S.", "México",
		"Venezuelan", "Bosnia-Herzegovina", "nowhere-land of the very long names that do not fit sixty-four bytes", "", "the "} {
		p1, ok1 := byKey[Key(s)]
		p2, ok2 := get(byKey, s)
		if p1 != p2 || ok1 != ok2 {
			t.Errorf("get(byKey, %q) = %v, %v; byKey[Key] = %v, %v", s, p2, ok2, p1, ok1)
		}
		d1, ok1 := demonyms[Key(s)]
		d2, ok2 := get(demonyms, s)
		if d1 != d2 || ok1 != ok2 {
			t.Errorf("get(demonyms, %q) = %q, %v; demonyms[Key] = %q, %v", s, d2, ok2, d1, ok1)
		}
	}
	if n := testing.AllocsPerRun(100, func() { Lookup("Côte d'Ivoire"); GivenName("Marta") }); n != 0 {
		t.Errorf("Lookup and GivenName allocate %v times", n)
	}
}
