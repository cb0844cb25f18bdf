package analyze

import (
	"slices"
	"strings"
	"testing"
)

func TestAppendFieldsMatchesStringsFields(t *testing.T) {
	for _, s := range []string{"", "  ", "Kristi Noem", " al-Quds  Brigades ", "a\tb\nc\u00a0d\u2003e", "x\xffy z", "Ñandú  Pérez", "\u0085lead"} {
		if got, want := appendFields(nil, s), strings.Fields(s); !slices.Equal(got, want) {
			t.Errorf("appendFields(%q) = %q, want %q", s, got, want)
		}
	}
}
