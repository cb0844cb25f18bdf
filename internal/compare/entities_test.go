package compare

import (
	"testing"

	"github.com/parallaxnews/parallax"
)

// TestMergeEntities checks which names of a story's articles end up as one
// entity: short forms of places and structures join their one long name,
// transliterations of one Russian first name meet, and a short form that
// fits two long names stays apart.
func TestMergeEntities(t *testing.T) {
	art := func(id string, ents ...parallax.Entity) *parallax.Analysis {
		return &parallax.Analysis{Article: &parallax.Article{ID: id}, Entities: ents}
	}
	e := func(name, typ string) parallax.Entity { return parallax.Entity{Name: name, Type: typ} }
	arts := []*parallax.Analysis{
		art("a1", e("Ostrava Lake", parallax.Place), e("Ivo Petrak Memorial Bridge", parallax.Facility),
			e("Yelena Sorokina", parallax.Person), e("North Harbour Station", parallax.Facility)),
		art("a2", e("Ostrava", parallax.Place), e("Petrak Bridge", parallax.Facility),
			e("Elena Sorokina", parallax.Person), e("South Harbour Station", parallax.Facility)),
		art("a3", e("lago Ostrava", parallax.Place), e("Harbour Station", parallax.Facility)),
		art("a4", e("Sea Hawk", parallax.Organization), e("Kessel Navy SH-9 Sea Hawk", parallax.Misc),
			e("Ronald Quist", parallax.Person), e("Aeropuerto Ronald Quist", parallax.Misc),
			e("Anna Quist", parallax.Person), e("Anna", parallax.Person)),
		art("a5", e("Anna", parallax.Person), e("Tomas", parallax.Person)),
		art("a6", e("Tomas Berg", parallax.Person), e("Tomas Lind", parallax.Person), e("Tomas", parallax.Person)),
	}
	x := mergeEntities(arts)
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"Ostrava", "Ostrava Lake", true},
		{"lago Ostrava", "Ostrava Lake", true},
		{"Petrak Bridge", "Ivo Petrak Memorial Bridge", true},
		{"Elena Sorokina", "Yelena Sorokina", true},
		{"Harbour Station", "North Harbour Station", false}, // fits two stations
		{"Harbour Station", "South Harbour Station", false},
		{"Kessel Navy SH-9 Sea Hawk", "Sea Hawk", true},    // modifiers before a name
		{"Aeropuerto Ronald Quist", "Ronald Quist", false}, // a person's name inside another
		{"Anna", "Anna Quist", true},                       // a given name alone, beside the full name
		{"Tomas", "Tomas Berg", false},                     // two Tomases in a6
		{"Tomas", "Tomas Lind", false},
	} {
		if got := x.groupOf(c.a) == x.groupOf(c.b); got != c.same {
			t.Errorf("%q and %q one entity = %v, want %v", c.a, c.b, got, c.same)
		}
	}
}
