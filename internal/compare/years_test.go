package compare

import "testing"

func TestNamedYearConflict(t *testing.T) {
	st := storyOf(t,
		"Maren Holt was present at a 1972 meeting with the harbour commissioner, the paper said.",
		"Maren Holt attended a 1972 meeting with the harbour commissioner, records show.",
		"Maren Holt was present at a 1975 meeting with the harbour commissioner, the paper said.")
	cs := conflictsOfKind(st, "year")
	if len(cs) != 1 || len(cs[0].Sides) != 2 || cs[0].Sides[1][0].Article != "a3" || len(cs[0].Sides[0]) != 2 {
		t.Fatalf("year conflicts: %+v; all: %+v", cs, st.Conflicts)
	}

	st = storyOf(t,
		"Police said the driver fled in his 2013 Varlo Sedan after striking the cyclist.",
		"The cyclist was struck by a gray 2011 Varlo Sedan, police said.")
	if cs := conflictsOfKind(st, "year"); len(cs) != 1 || cs[0].Subject != "Varlo Sedan" {
		t.Errorf("a named car dated twice: %+v", st.Conflicts)
	}
}

func TestNamedYearNoConflict(t *testing.T) {
	tests := []struct{ name, a, b string }{
		{"two meetings", "Maren Holt was present at a 1972 meeting with the harbour commissioner on Friday.",
			"Critics recalled a 1975 meeting of the rowing club where tempers flared."},
		{"a recurring event", "Labour won the 2024 general election with a large majority.",
			"Labour lost the 2019 general election badly, analysts recalled."},
		{"a team's season", "The win let the Harriers join the 2008 Dolphins as the only such team.",
			"No side had done it since the 2011 Dolphins, the league said."},
		{"two interviews", "Critics recalled a 2006 interview with Ferro about the mill.",
			"Ferro praised the mill in a 1996 interview, the paper said."},
		{"an article and an interview", "Ferro admitted it in a 2005 Harbor Review article, friends said.",
			"Ferro repeated it in a 2006 Harbor Review interview, friends said."},
	}
	for _, tt := range tests {
		st := storyOf(t, tt.a, tt.b)
		if cs := conflictsOfKind(st, "year"); len(cs) != 0 {
			t.Errorf("%s: year conflicts %+v", tt.name, cs)
		}
	}
}
