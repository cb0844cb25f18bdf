package analyze

import (
	"testing"

	"github.com/parallaxnews/parallax"
)

// TestCityTypes: a town the rules do not know is a place by the gazetteer
// of towns and cities, unless its mentions read as a person's or a club's.
func TestCityTypes(t *testing.T) {
	for _, tt := range []struct {
		lang, text, name, want string
	}{
		{"es", "La feria de Sabadell abrió ayer con doce expositores. Los vecinos de Sabadell llenaron el recinto.", "Sabadell", parallax.Place},
		{"es", "El juicio se celebra en la Audiencia. El asesor vivía en un chalé de Marbella.", "Marbella", parallax.Place},
		{"en", "Flooding closed roads in Juiz de Fora overnight.", "Juiz de Fora", parallax.Place},
		// an organisation only by the capitals of a dateline, or by the
		// noun after it
		{"en", "ORVIETO, Italy 2024-03-01\n\nThe town council voted on Monday to close the old bridge. Orvieto mayor Ada Quist said the vote was unanimous.", "Orvieto", parallax.Place},
		{"en", "Zadar police said in a statement they had opened an inquiry into the fire near Zadar.", "Zadar", parallax.Place},
		// a club: Spanish names towns without an article
		{"es", "El Getafe ganó ayer por dos goles. La afición del Getafe celebró el triunfo.", "Getafe", parallax.Organization},
		// a person: a verb of saying, "según"
		{"es", "El partido mejoró en la segunda parte. Según Breda, el equipo jugó mejor. Breda explicó que faltó suerte.", "Breda", parallax.Person},
		// a dateline: a name, though it only opens the sentence
		{"es", "Marbella, 23 may (EFE).\nEl ayuntamiento aprobó ayer el presupuesto.", "Marbella", parallax.Place},
		{"es", "Pese a la lluvia, la feria abrió a su hora.", "Pese", ""},
		// an ordinary word needs a preposition before it
		{"en", "Reading was the slowest part of the course.", "Reading", ""},
		{"en", "The new depot opened in Reading last week.", "Reading", parallax.Place},
	} {
		a := (&Analyzer{}).Analyze(&parallax.Article{ID: "a1", Text: tt.text, Language: tt.lang})
		got := ""
		for _, e := range a.Entities {
			if e.Name == tt.name {
				got = e.Type
			}
		}
		if tt.want == "" {
			if got == parallax.Place {
				t.Errorf("%q: %s is a place", tt.text, tt.name)
			}
			continue
		}
		if tt.want == parallax.Place && got != parallax.Place || tt.want != parallax.Place && got == parallax.Place {
			t.Errorf("%q: %s typed %q, want %q", tt.text, tt.name, got, tt.want)
		}
	}
}

// TestDatelineCredit: the name in brackets after a dateline's date is the
// agency that sent the story; a name in brackets elsewhere is not.
func TestDatelineCredit(t *testing.T) {
	tests := []struct{ lang, text, name, typ string }{
		{"es", "Quistburgo, 23 may (Quistapress).\nEl puerto abrió ayer tras la tormenta.", "Quistapress", parallax.Organization},
		{"en", "QUISTBURGO, May 23 (Quistwire) - The port reopened on Monday after the storm.", "Quistwire", parallax.Organization},
	}
	for _, tt := range tests {
		a := (&Analyzer{}).Analyze(&parallax.Article{ID: "a1", Text: tt.text, Language: tt.lang})
		e := findEntity(a, tt.name)
		if e == nil || e.Type != tt.typ {
			t.Errorf("%q: %+v, want %s; entities %v", tt.name, e, tt.typ, names(a))
		}
	}
}
