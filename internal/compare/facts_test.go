package compare

import (
	"strings"
	"testing"
)

// A short sentence whose only detail is a figure others give compatibly
// ("more than 40 people" against "43 people") is no outlet's exclusive; a
// figure no other outlet gives is.
func TestOwnFigureExclusive(t *testing.T) {
	st := storyOf(t,
		"Rescuers pulled out more than 40 people. Crews used 12 boats.\n\nThe ferry Marigold Star caught fire at Pier 4 in Kessel on Tuesday morning.",
		"Police said 43 people were rescued after the ferry Marigold Star caught fire at Pier 4 in Kessel on Tuesday.")
	var compatible, own bool
	for _, f := range st.Facts {
		if !f.Exclusive {
			continue
		}
		for _, e := range f.Evidence {
			compatible = compatible || strings.Contains(e.Text, "more than 40")
			own = own || strings.Contains(e.Text, "12 boats")
		}
	}
	if compatible {
		t.Errorf("a figure others give is shown as an exclusive: %+v", st.Facts)
	}
	if !own {
		t.Errorf("a figure only a1 gives is not its exclusive: %+v", st.Facts)
	}
}
