package compare

import (
	"strings"
	"testing"
)

func TestRecordConflicts(t *testing.T) {
	s := innerStory(t,
		"The ferry sinking off Kessel on March 3, 2025, was the deadliest maritime disaster in the country since 1998, officials said.",
		"The sinking on March 3, 2025, was the deadliest maritime disaster in the country in nearly 10 years, officials said.",
		"The ferry sinking off Kessel was the deadliest maritime disaster in the country in more than two decades, the coast guard said on March 4, 2025.",
		"The storm on March 3, 2025, was the worst in the region since 2016.")
	rs := s.records()
	if len(rs) != 4 {
		t.Fatalf("records: %d, want 4", len(rs))
	}
	for _, r := range rs {
		if r.u.art.Article.ID == "a2" && (r.lo < 2015 || r.hi > 2018) {
			t.Errorf("'in nearly 10 years' from 2025 reads as %v-%v, want within 2015-2018", r.lo, r.hi)
		}
	}
	cs := s.recordConflicts()
	if len(cs) != 1 {
		t.Fatalf("record conflicts: %d, want 1: %+v", len(cs), cs)
	}
	c := cs[0]
	ids := func(i int) string {
		var out []string
		for _, e := range c.Sides[i] {
			out = append(out, e.Article)
		}
		return strings.Join(out, ",")
	}
	// 1998 and "more than two decades" agree; "nearly 10 years" stands alone.
	got := []string{ids(0), ids(1)}
	if !(got[0] == "a2" && got[1] == "a1,a3" || got[1] == "a2" && got[0] == "a1,a3") {
		t.Errorf("sides %v, want a2 against a1,a3", got)
	}
	if !strings.Contains(c.Subject, "deadliest") {
		t.Errorf("subject %q, want the superlative", c.Subject)
	}
}

func TestRecordsCompatible(t *testing.T) {
	s := innerStory(t,
		"The fire on June 2, 2024, was the deadliest in the city since 2004.",
		"The fire on June 2, 2024, was the deadliest in the city in two decades.")
	if cs := s.recordConflicts(); len(cs) != 0 {
		t.Errorf("since 2004 and two decades before 2024 agree, got %+v", cs)
	}
}
