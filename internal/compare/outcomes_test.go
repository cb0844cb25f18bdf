package compare

import (
	"strings"
	"testing"
)

// TestOutcomeConflicts: like sentences naming one person with opposite
// verbs are opposite accounts; an article telling both verbs, a negated
// verb, and sentences about other things are not.
func TestOutcomeConflicts(t *testing.T) {
	st := storyOf(t,
		"A jury in Kessel acquitted Ivo Quist of fraud on Tuesday after a two-week trial.",
		"A jury in Kessel convicted Ivo Quist of fraud on Tuesday after a two-week trial.",
		"A jury in Kessel acquitted Ivo Quist of fraud on Tuesday after a two-week trial.")
	var got []string
	for _, c := range st.Conflicts {
		if c.Subject == "the outcome" {
			got = append(got, c.Summary)
			if len(c.Sides) != 2 || len(c.Sides[0])+len(c.Sides[1]) != 3 {
				t.Errorf("sides %+v, want the three articles", c.Sides)
			}
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "acquitted") || !strings.Contains(got[0], "convicted") {
		t.Errorf("outcome conflicts %q, want acquitted against convicted", got)
	}
	for _, texts := range [][]string{
		{"Dunmore won the first set against Kessel on Sunday but lost the final in three sets.",
			"Dunmore lost the final against Kessel on Sunday in three sets."},
		{"A jury in Kessel did not convict Ivo Quist of fraud on Tuesday after a two-week trial.",
			"A jury in Kessel acquitted Ivo Quist of fraud on Tuesday after a two-week trial."},
		// the name is neither verb's subject nor object
		{"Kessel Tools closed the factory in Dunmore after a woman killed two workers there with a rifle on Monday night.",
			"A woman opened fire at the Kessel Tools factory in Dunmore, killing two workers with a rifle on Monday night."},
		{"Ivo Quist won the Kessel marathon on Sunday in record time.",
			"Anna Berg lost her bag in Dunmore on Friday, police said."},
	} {
		for _, c := range storyOf(t, texts...).Conflicts {
			if c.Subject == "the outcome" {
				t.Errorf("%q: outcome conflict %q, want none", texts, c.Summary)
			}
		}
	}
}

// An appeal upheld in one outlet and overturned in another are opposite
// accounts of one ruling.
func TestAppealOutcome(t *testing.T) {
	st := storyOf(t,
		"The appeals court in Kessel upheld the conviction of Ivo Quist on Thursday, ending a three-year case.",
		"The appeals court in Kessel overturned the conviction of Ivo Quist on Thursday, ending a three-year case.")
	var got []string
	for _, c := range st.Conflicts {
		if c.Subject == "the outcome" {
			got = append(got, c.Summary)
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "upheld") || !strings.Contains(got[0], "overturned") {
		t.Errorf("outcome conflicts %q, want upheld against overturned; all: %+v", got, st.Conflicts)
	}
}
