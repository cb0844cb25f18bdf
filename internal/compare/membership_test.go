package compare

import (
	"strings"
	"testing"
)

func TestMembershipConflict(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       bool
		summary    string
	}{
		{"asserted vs alleged, apposition",
			"Police arrested Tomas Ferrand, a member of the Red Hand gang, at his home on Monday.",
			"Police arrested Tomas Ferrand, an alleged Red Hand gang member, at his home on Monday.", true, "only alleged"},
		{"asserted vs alleged, before the name",
			"Red Hand gang member Tomas Ferrand was arrested at his home on Monday.",
			"Alleged gang member Tomas Ferrand was arrested at his home on Monday.", true, "only alleged"},
		{"asserted vs denied",
			"Tomas Ferrand, a member of the Red Hand gang, was arrested on Monday.",
			"Tomas Ferrand denied being a member of the Red Hand gang after his arrest on Monday.", true, "alleged or denied"},
		{"an age in apposition first",
			"Police arrested Tomas Ferrand, 27, a member of the Red Hand gang, on Monday.",
			"Police arrested Tomas Ferrand, 27, an alleged Red Hand gang member, on Monday.", true, "only alleged"},
		{"a verb between: someone else's members",
			"Tomas Ferrand targeted Red Hand gang members on Monday, police said.",
			"Tomas Ferrand, an alleged Red Hand gang member, was arrested on Monday.", false, ""},
		{"both alleged",
			"Tomas Ferrand, an alleged member of the Red Hand gang, was arrested on Monday.",
			"Tomas Ferrand, a suspected Red Hand member, was arrested on Monday.", false, ""},
		{"other groups",
			"Tomas Ferrand, a member of the city council, was arrested on Monday.",
			"Tomas Ferrand, an alleged Red Hand gang member, was arrested on Monday.", false, ""},
		{"someone else's membership",
			"Tomas Ferrand was arrested on Monday; Ilse Varga, a member of the Red Hand gang, fled.",
			"Tomas Ferrand, an alleged member of the Red Hand gang, was arrested on Monday.", false, ""},
	}
	for _, tt := range tests {
		st := storyOf(t, tt.a, tt.b)
		var got []string
		for _, c := range conflictsOfKind(st, "characterization") {
			if strings.Contains(c.Summary, "member") {
				got = append(got, c.Summary)
				if c.Sides[0][0].Article != "a1" || c.Sides[1][0].Article != "a2" || !strings.Contains(c.Summary, tt.summary) {
					t.Errorf("%s: %+v", tt.name, c)
				}
			}
		}
		if (len(got) > 0) != tt.want {
			t.Errorf("%s: membership conflicts %q, want %v", tt.name, got, tt.want)
		}
		if tt.want && len(conflictsOfKind(st, "characterization")) != 1 {
			t.Errorf("%s: one disagreement told more than once: %+v", tt.name, st.Conflicts)
		}
	}
}
