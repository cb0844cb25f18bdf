package analyze

import (
	"slices"
	"testing"
)

// An abbreviated title's dot does not cut it from the name it stands
// before: the title is the person's role.
func TestAbbreviatedTitleRole(t *testing.T) {
	for _, tt := range []struct{ text, name, role string }{
		{"The levee will hold, said Gen. Orrin Vale on Monday.", "Orrin Vale", "Gen."},
		{"Rep. Lydia Marsh said the bill would pass.", "Lydia Marsh", "Rep."},
		{"Officers searched the harbor, Sgt. Tom Keel said.", "Tom Keel", "Sgt."},
	} {
		a := analyzeText(t, tt.text)
		e := findEntity(a, tt.name)
		if e == nil {
			t.Errorf("%q: no entity %q in %v", tt.text, tt.name, names(a))
			continue
		}
		if !slices.Contains(e.Roles, tt.role) {
			t.Errorf("%q: roles %q, want %q", tt.text, e.Roles, tt.role)
		}
	}
}
