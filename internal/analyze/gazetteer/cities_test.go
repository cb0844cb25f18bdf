package gazetteer

import (
	"strings"
	"testing"
)

func TestLookupCity(t *testing.T) {
	for _, tt := range []struct {
		name      string
		country   string
		ambiguous bool
	}{
		{"Sabadell", "ES", false},
		{"SABADELL", "ES", false},
		{"Juiz de Fora", "BR", false},
		{"Gijón", "ES", false},
		{"Gijon", "ES", false},
		{"San Sebastián", "ES", false}, // "Donostia / San Sebastián"
		{"Donostia", "ES", false},
		{"Herat", "AF", false},   // GeoNames writes "Herāt"
		{"Reading", "GB", true},  // an English word
		{"Florence", "IT", true}, // a given name
	} {
		c, ok := LookupCity(tt.name)
		if !ok {
			t.Errorf("LookupCity(%q) found nothing", tt.name)
			continue
		}
		if c.Country != tt.country || c.Ambiguous() != tt.ambiguous {
			t.Errorf("LookupCity(%q) = %+v, want country %s, ambiguous %v", tt.name, c, tt.country, tt.ambiguous)
		}
	}
	for _, n := range []string{"Quistburgo", "", "Zürich (Kreis 7)", "a", "Amal"} { // Åmål is no Amal
		if c, ok := LookupCity(n); ok {
			t.Errorf("LookupCity(%q) = %+v, want nothing", n, c)
		}
	}
}

// TestCitiesSorted: LookupCity searches the table by halves, which needs
// its folded names sorted.
func TestCitiesSorted(t *testing.T) {
	prev := ""
	n := 0
	for _, l := range strings.Split(citiesTSV, "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		n++
		f := strings.Split(l, "\t")
		if len(f) != 4 || len(f[1]) != 2 || len(f[2]) != 2 || f[3] == "" {
			t.Fatalf("malformed line %q", l)
		}
		if f[0] <= prev {
			t.Errorf("%q after %q", f[0], prev)
		}
		prev = f[0]
	}
	if n < 10000 {
		t.Errorf("only %d cities", n)
	}
}

func TestLookupCityAllocs(t *testing.T) {
	LookupCity("Sabadell")
	if n := testing.AllocsPerRun(100, func() { LookupCity("Quistburgo Heights") }); n != 0 {
		t.Errorf("LookupCity allocates %v times", n)
	}
}
