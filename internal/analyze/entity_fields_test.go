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

func TestWordArticleNameMatchesLowering(t *testing.T) {
	for _, w := range []string{"al-Quds", "AL-Quds", "Al-quds", "El-Sisi", "ash-Sham", "AZ-Zarqa", "al-", "al-q", "Alpha", "Aİ-Test", "\u212Al-X", "Ñal-Q", "a", ""} {
		if got, want := wordArticleName(w), articleName(strings.ToLower(w), w); got != want {
			t.Errorf("wordArticleName(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestIsAllUpperMatchesUpperCasing(t *testing.T) {
	for _, w := range []string{"", "NATO", "Nato", "U.S.", "ÉLYSÉE", "Élysée", "STRAßE", "ǅ", "ǈ", "A\xffB", "\uFFFD", "123-45", "ΣΟΦΊΑ", "σ", "ﬁ", "İSTANBUL"} {
		if got, want := isAllUpper(w), strings.ToUpper(w) == w; got != want {
			t.Errorf("isAllUpper(%q) = %v, want %v", w, got, want)
		}
	}
}
