package compare

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
)

// storyOf compares fictional articles, one per outlet.
func storyOf(t *testing.T, texts ...string) parallax.Story {
	t.Helper()
	arts := make([][2]string, len(texts))
	for i, x := range texts {
		arts[i] = [2]string{"", x}
	}
	return storyAt(t, arts...)
}

func conflictsOfKind(st parallax.Story, kind string) []parallax.Conflict {
	var out []parallax.Conflict
	for _, c := range st.Conflicts {
		if c.Kind == kind {
			out = append(out, c)
		}
	}
	return out
}

func TestOfficeConflict(t *testing.T) {
	st := storyOf(t,
		"Governor Elena Vossberg toured the flooded valley on Monday and promised aid to the farmers.",
		"Governor Elena Vossberg visited the valley on Monday, where the river broke its banks.",
		"Senator Elena Vossberg visited the flooded valley on Monday and met farmers.")
	cs := conflictsOfKind(st, "office")
	if len(cs) != 1 {
		t.Fatalf("office conflicts: %+v; all: %+v", cs, st.Conflicts)
	}
	c := cs[0]
	if c.Label != parallax.LabelContradiction || len(c.Sides) != 2 || len(c.Sides[0]) != 2 || len(c.Sides[1]) != 1 || c.Sides[1][0].Article != "a3" {
		t.Errorf("sides: the two Governor outlets first, then the Senator one: %+v", c)
	}
	if !strings.Contains(c.Sides[1][0].Text, "Senator Elena Vossberg") {
		t.Errorf("evidence %q does not hold the claim", c.Sides[1][0].Text)
	}
}

// An outlet that gives the common office and one other is held on the
// other's side when the rest agree; with no agreement it stands on none.
func TestOfficeOddValue(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
		want  int
		a3    bool // a3's odd title is on a side
	}{
		{"odd title beside the common one", []string{
			"Governor Elena Vossberg toured the flooded valley on Monday.",
			"Governor Elena Vossberg visited the valley on Monday.",
			"Senator Elena Vossberg visited the valley on Monday. Later Governor Elena Vossberg met farmers."}, 1, true},
		{"only one other outlet agrees", []string{
			"Governor Elena Vossberg toured the flooded valley on Monday.",
			"Senator Elena Vossberg visited the valley on Monday. Later Governor Elena Vossberg met farmers."}, 0, false},
		{"the rest disagree among themselves", []string{
			"Governor Elena Vossberg toured the flooded valley on Monday.",
			"Mayor Elena Vossberg visited the valley on Monday.",
			"Senator Elena Vossberg visited the valley on Monday. Later Governor Elena Vossberg met farmers."}, 1, false},
	}
	for _, tt := range tests {
		st := storyOf(t, tt.texts...)
		cs := conflictsOfKind(st, "office")
		if len(cs) != tt.want {
			t.Errorf("%s: %d office conflicts, want %d: %+v", tt.name, len(cs), tt.want, cs)
			continue
		}
		if tt.want == 0 {
			continue
		}
		a3 := false
		for _, side := range cs[0].Sides {
			for _, ev := range side {
				if ev.Article == "a3" {
					a3 = true
					if !strings.Contains(ev.Text, "Senator") {
						t.Errorf("%s: a3's evidence %q is not its odd title", tt.name, ev.Text)
					}
				}
			}
		}
		if a3 != tt.a3 {
			t.Errorf("%s: a3 on a side = %v, want %v: %+v", tt.name, a3, tt.a3, cs[0].Sides)
		}
	}
}

func TestOfficeNoConflict(t *testing.T) {
	tests := []struct {
		name string
		a, b string
	}{
		{"a past office", "Governor Elena Vossberg toured the valley on Monday.", "Former Senator Elena Vossberg toured the valley on Monday."},
		{"one title within the other", "Secretary Elena Vossberg toured the valley on Monday.", "Secretary of State Elena Vossberg toured the valley on Monday."},
		{"a courtesy title", "Governor Elena Vossberg toured the valley on Monday.", "Mrs. Elena Vossberg toured the valley on Monday."},
	}
	for _, tt := range tests {
		st := storyOf(t, tt.a, tt.b)
		if cs := conflictsOfKind(st, "office"); len(cs) != 0 {
			t.Errorf("%s: office conflict %+v", tt.name, cs)
		}
	}
}

func TestAcronymConflict(t *testing.T) {
	st := storyOf(t,
		"The National Transport Safety Board (NTSB) opened an inquiry into the crash on Monday.",
		"The National Transport Safety Board (NTSB) said on Monday it would investigate the crash.",
		"The National Transport Security Bureau (NTSB) opened an inquiry into the crash on Monday.")
	cs := conflictsOfKind(st, "acronym")
	if len(cs) != 1 || len(cs[0].Sides) != 2 || cs[0].Sides[1][0].Article != "a3" {
		t.Fatalf("acronym conflicts: %+v; all: %+v", cs, st.Conflicts)
	}
}

func TestLawYearConflict(t *testing.T) {
	st := storyOf(t,
		"The court struck down part of the Harbour Safety Act of 1998 on Tuesday.",
		"Judges struck down part of the Harbour Safety Act of 1998, the ruling said.",
		"The court struck down part of the 1988 Harbour Safety Act on Tuesday.",
		"In 2023 the Harbour Safety Act was amended, and on Tuesday the court struck part of it down.")
	cs := conflictsOfKind(st, "year")
	if len(cs) != 1 || cs[0].Sides[1][0].Article != "a3" {
		t.Fatalf("year conflicts: %+v; all: %+v", cs, st.Conflicts)
	}
}

func TestSpellingVariants(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Carolos Papoulias", "Karolos Papoulias", true},
		{"Giannis Panagopoulos", "Yiannis Panagopoulos", true},
		{"Ilias Vrettakos", "Elias Vrettakos", true},
		{"Alexis Kougias", "Alexis Kouyias", true},
		{"Lennie Rosen", "Lenny Rosen", true},
		{"Phil Schiller", "Philip Schiller", true},
		{"Steve Einhorn", "Steven Einhorn", true},
		{"Dominique Mamberti", "Dominic Lamberti", false},
		{"Brian Dalton", "Bryant Dalton", false},
		{"Heidar Alishvandi", "Heydar Alishbandi", true},
		{"Kurbanguly Tashov", "Gurbanguli Tashov", true},
		{"Elena Vossberg", "Elena Vassberg", true},
		{"Marta Quill", "Marta Quinn", false},
	}
	for _, tt := range tests {
		if got := spellingVariants(tt.a, tt.b); got != tt.want {
			t.Errorf("spellingVariants(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestCharacterizationAttached(t *testing.T) {
	// the label is for the person named with it
	st := storyOf(t,
		"The arsonist Tobias Renn set fire to the Ashby warehouse on Monday, police said.",
		"Tobias Renn is accused of setting fire to the Ashby warehouse on Monday, police said.")
	if cs := conflictsOfKind(st, "characterization"); len(cs) != 1 {
		t.Errorf("arsonist vs accused of the same person: %+v", st.Conflicts)
	}
	// a label for someone else in the sentence is not this person's
	st = storyOf(t,
		"Mayor Ivo Stanek thanked firefighters on Monday after the convicted arsonist fled the Ashby warehouse.",
		"Ivo Stanek is accused of ignoring warnings about the Ashby warehouse, residents said on Monday.")
	if cs := conflictsOfKind(st, "characterization"); len(cs) != 0 {
		t.Errorf("a label for someone else became a conflict: %+v", cs)
	}
}

func TestCharacterizationNotVictimsOrPleas(t *testing.T) {
	// a plea of not guilty asserts nothing
	st := storyOf(t,
		"Tobias Renn pleaded not guilty to setting fire to the Ashby warehouse on Monday.",
		"Tobias Renn is accused of setting fire to the Ashby warehouse on Monday, police said.")
	if cs := conflictsOfKind(st, "characterization"); len(cs) != 0 {
		t.Errorf("a not-guilty plea became a guilt claim: %+v", cs)
	}
	// the victim of a verdict is not the one it calls guilty
	st = storyOf(t,
		"A jury found Ivo Stanek guilty of attacking Marta Quill at the Ashby warehouse on Monday.",
		"Marta Quill is accused of lying about the attack at the Ashby warehouse on Monday.")
	for _, c := range conflictsOfKind(st, "characterization") {
		if strings.Contains(c.Subject, "Marta Quill") {
			t.Errorf("the victim is called guilty: %+v", c)
		}
	}
}

func TestEventConflict(t *testing.T) {
	st := storyOf(t,
		"The passengers of the Marigold Star were evacuated from the burning ferry at Pier 4 on Tuesday morning.",
		"The passengers of the Marigold Star were evacuated from the ferry at Pier 4 on Tuesday morning, police said.",
		"The passengers of the Marigold Star were not evacuated from the burning ferry at Pier 4 on Tuesday morning.")
	cs := conflictsOfKind(st, "event")
	if len(cs) != 1 || len(cs[0].Sides) != 2 || len(cs[0].Sides[0]) != 2 || cs[0].Sides[1][0].Article != "a3" {
		t.Fatalf("event conflicts: %+v; all: %+v", cs, st.Conflicts)
	}
	// a negation in another clause, or on both sides, is no dispute
	for _, pair := range [][2]string{
		{"Police could not say how many shots were fired at the Ashby warehouse on Monday night.",
			"Police couldn't say how many shots were fired at the Ashby warehouse on Monday night."},
		{"No bail was sought and no plea was entered at Ashby court on Monday.",
			"No plea was entered at Ashby court on Monday, and a hearing was set for Friday."},
	} {
		if cs := conflictsOfKind(storyOf(t, pair[0], pair[1]), "event"); len(cs) != 0 {
			t.Errorf("%q vs %q: %+v", pair[0], pair[1], cs)
		}
	}
}

func TestModalityConflict(t *testing.T) {
	st := storyOf(t,
		"Tobias Renn set fire to the galley of the ferry Marigold Star at Pier 4 on Tuesday morning.",
		"Tobias Renn allegedly set fire to the galley of the ferry Marigold Star at Pier 4 on Tuesday morning.")
	var found bool
	for _, c := range conflictsOfKind(st, "characterization") {
		if c.Label == parallax.LabelCharacterization && len(c.Sides) == 2 && c.Sides[1][0].Article == "a2" && strings.Contains(c.Summary, "allegedly") {
			found = true
		}
	}
	if !found {
		t.Errorf("asserted vs allegedly: %+v", st.Conflicts)
	}
	// a vague hedge is no characterisation of an act
	st = storyOf(t,
		"Tobias Renn set fire to the galley of the ferry Marigold Star at Pier 4 on Tuesday morning.",
		"Tobias Renn possibly set fire to the galley of the ferry Marigold Star at Pier 4 on Tuesday morning.")
	for _, c := range conflictsOfKind(st, "characterization") {
		if strings.Contains(c.Summary, "possibly") {
			t.Errorf("'possibly' raised a conflict: %+v", c)
		}
	}
}

// A verdict in one outlet and "accused" in another that never reports it
// are two stages of one case, unless the "accused" outlet wrote after the
// verdict.
func TestCharacterizationCaseStage(t *testing.T) {
	convicted := "The convicted arsonist Tobias Renn set fire to the Ashby warehouse on Monday, the court heard."
	accused := "Tobias Renn is accused of setting fire to the Ashby warehouse on Monday, police said."
	st := storyOf(t, convicted, accused)
	if cs := conflictsOfKind(st, "characterization"); len(cs) != 0 {
		t.Errorf("a verdict against an earlier stage's wording: %+v", cs)
	}
	st = storyAt(t, [2]string{"2031-03-02T10:00:00Z", convicted}, [2]string{"2031-03-05T10:00:00Z", accused})
	if cs := conflictsOfKind(st, "characterization"); len(cs) != 1 {
		t.Errorf("'accused' written after the verdict is a characterisation: %+v", st.Conflicts)
	}
	// an adverb hedges its own subject's act, not the person after the verb
	st = storyAt(t,
		[2]string{"2031-03-02T10:00:00Z", "A jury found Tobias Renn guilty of setting fire to the Ashby warehouse, the court heard on Monday."},
		[2]string{"2031-03-05T10:00:00Z", "Ivo Stanek allegedly ordered Tobias Renn to set fire to the Ashby warehouse, the court heard on Monday."})
	for _, c := range conflictsOfKind(st, "characterization") {
		if strings.Contains(c.Subject, "Renn") {
			t.Errorf("a hedge on someone else's act: %+v", c)
		}
	}
}

// A figure of people one outlet reports convicted and another, never
// reporting a verdict, calls alleged: two stages. Called criminals with no
// verdict at all, they stay a characterisation.
func TestCharacterizationGroupVerdict(t *testing.T) {
	st := storyOf(t,
		"Fourteen guards were convicted of beating 23 inmates at Kessel prison, the court said on Tuesday.",
		"Fourteen guards are accused of beating 23 inmates at Kessel prison, according to the indictment filed on Tuesday.")
	if cs := conflictsOfKind(st, "characterization"); len(cs) != 0 {
		t.Errorf("a verdict against the indictment's wording: %+v", cs)
	}
	st = storyOf(t,
		"The 23 violent criminals were flown to Kessel prison on Tuesday, officials said.",
		"The 23 alleged criminals were flown to Kessel prison on Tuesday, officials said.")
	if cs := conflictsOfKind(st, "characterization"); len(cs) != 1 {
		t.Errorf("criminals vs alleged, no verdict: %+v", st.Conflicts)
	}
}

// "found X guilty" reports a verdict as "found guilty" does.
func TestVerdictSplitPhrase(t *testing.T) {
	if !hasVerdict("A judge found the former clerk guilty of arson on Monday.") {
		t.Error("'found … guilty' is no verdict")
	}
	if hasVerdict("The former clerk pleaded not guilty on Monday.") {
		t.Error("a plea of not guilty is a verdict")
	}
}

// A title after "former" is a past office; after "outgoing" it is still
// held (the outgoing prime minister is prime minister until the successor
// takes over), so it is a claim about the present.
func TestPastTitle(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"the former Governor Elena Vossberg", true},
		{"ex-Governor Elena Vossberg", true},
		{"outgoing Governor Elena Vossberg", false},
		{"Governor Elena Vossberg", false},
	} {
		at := strings.Index(c.text, "Governor")
		if got := pastTitle(c.text, at); got != c.want {
			t.Errorf("pastTitle(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
