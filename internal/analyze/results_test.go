package analyze

import (
	"testing"

	"github.com/parallaxnews/parallax"
)

func TestResultsLinesNameTeams(t *testing.T) {
	const results = `SOCCER - WESTERN LEAGUE RESULTS
Results of Western League matches on Saturday:
Calloway 2 Westerhaven 1
Marrowby Rovers 0 Quistfield 3
Standings:
Quistfield 12 8 3 1 24 9 27
Harbourton v Lindqvale
RACING
4. Ivo Quistan (Italy) Brandtworks 1:54.754`
	tests := []struct {
		form, typ string
	}{
		{"Calloway", parallax.Organization},
		{"Westerhaven", parallax.Organization},
		{"Marrowby Rovers", parallax.Organization},
		{"Quistfield", parallax.Organization},
		{"Brandtworks", parallax.Organization},
		{"Harbourton", parallax.Organization},
		{"Lindqvale", parallax.Organization},
		{"Ivo Quistan", parallax.Person},
		{"Italy", parallax.Place},
	}
	a := analyzeText(t, results)
	for _, tt := range tests {
		e := findEntity(a, tt.form)
		if e == nil {
			t.Errorf("no entity %q in %v", tt.form, names(a))
			continue
		}
		if e.Type != tt.typ {
			t.Errorf("%q typed %s, want %s", tt.form, e.Type, tt.typ)
		}
	}
	// a town that a dateline and prose name as a place, and one results
	// line as a team, stays a place
	a = analyzeText(t, "TORONTO 1996-08-22\nThe mayor of Toronto opened the new stadium in Toronto on Monday.\nToronto 2 Westerhaven 1")
	if e := findEntity(a, "Toronto"); e == nil || e.Type != parallax.Place {
		t.Errorf("Toronto named mostly as a town: %+v, want a place", e)
	}
	// in prose a town stays a place
	a = analyzeText(t, "The council of Calloway met on Monday and 2 members voted against the plan.")
	if e := findEntity(a, "Calloway"); e == nil || e.Type != parallax.Place {
		t.Errorf("Calloway in prose: %+v, want a place", e)
	}
}
