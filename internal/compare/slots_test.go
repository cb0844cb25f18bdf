package compare

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax"
)

// A figure that every outlet gives once, for one slot, is disputed by a
// different value even when the sentences are worded apart.
func TestFunctionalSlotConflict(t *testing.T) {
	st := storyOf(t,
		"The ferry Marlow Star sank off Kessel Point on Monday with four crew members aboard, the coastguard said.",
		"Rescuers in boats searched the cold water near Kessel Point for four crew members after the ferry went down.",
		"All four crew members of the Marlow Star were later found alive on a rocky beach, officials said.",
		"A spokesman said the ferry sank off Kessel Point with 12 crew members on duty.")
	cs := conflictsOfKind(st, "quantity")
	if len(cs) != 1 {
		t.Fatalf("quantity conflicts: %+v", st.Conflicts)
	}
	var has4, has12 bool
	for _, side := range cs[0].Sides {
		for _, e := range side {
			has4 = has4 || strings.Contains(e.Text, "four crew members")
			has12 = has12 || strings.Contains(e.Text, "12 crew members")
		}
	}
	if !has4 || !has12 {
		t.Errorf("sides do not hold both figures: %+v", cs[0])
	}
}

// A slot one article fills with two values counts different things (two
// players' points); no outlet's figure for it disputes another's.
func TestSlotFilledTwiceNoConflict(t *testing.T) {
	st := storyOf(t,
		"Tessa Orlov scored 16 points for the Harbor Gulls in the final on Sunday night.",
		"The Gulls won the final on Sunday night, with 16 points from Tessa Orlov and 9 points from Mina Dahl.",
		"Orlov's 16 points carried the Gulls to the title on Sunday night.",
		"Mina Dahl added 9 points as the Gulls took the title on Sunday night.")
	if cs := conflictsOfKind(st, "quantity"); len(cs) != 0 {
		t.Errorf("quantity conflicts between two players' points: %+v", cs)
	}
}

// A name after "and" begins the next conjunct: in "412 seats and the
// Greens 121" the 412 belongs to the party named before it.
func TestAnchorStopsAtConjunction(t *testing.T) {
	st := storyOf(t,
		"Final results show the Coastal Party is expected to win 310 seats, while the Greens are projected to take 90 seats.",
		"With every count declared, the Coastal Party had won 318 seats and the Greens 88.",
		"The Coastal Party had 318 seats and the Greens 88 after the last count on Friday.",
		"By Friday morning the Coastal Party had secured 318 seats in the new assembly.")
	cs := conflictsOfKind(st, "quantity")
	found := false
	for _, c := range cs {
		if strings.Contains(c.Summary, "310 seats") && strings.Contains(c.Summary, "318 seats") {
			found = true
		}
	}
	if !found {
		t.Errorf("no 310 vs 318 seats conflict: %+v", st.Conflicts)
	}
}

// A figure in a relative clause on a name is about that name; a figure
// after a pronoun is about someone unnamed: neither disputes a figure tied
// to another player.
func TestSlotNamesAndPronouns(t *testing.T) {
	same := []string{
		"Tessa Orlov completed 17 passes as the Harbor Gulls won the final on Sunday night.",
		"Tessa Orlov completed 17 passes for the Harbor Gulls in the final on Sunday night.",
		"Tessa Orlov completed 17 passes in the final on Sunday night.",
	}
	for _, other := range []string{
		"Mina Dahl, who completed 28 passes in the final on Sunday night, was named player of the match.",
		"She completed 9 passes in the final on Sunday night, her coach said.",
	} {
		st := storyOf(t, append(same, other)...)
		if cs := conflictsOfKind(st, "quantity"); len(cs) != 0 {
			t.Errorf("%q: quantity conflicts with another player's passes: %+v", other, cs)
		}
	}
}

// Two leads that name one participant and one kind of event tell the same
// happening, in any language: their dates are held against each other.
func TestDateConflictAcrossLanguages(t *testing.T) {
	an := testAnalyzer()
	var in Input
	for i, x := range []struct{ text, lang, pub string }{
		{"A ferry of the Marlow Line collided with a barge off Kessel Point on Wednesday, March 4.", "en", "2026-03-05"},
		{"Na noite de quarta-feira (4), um barco da Marlow Line e uma barcaça colidiram perto de Kessel Point.", "pt", "2026-03-05"},
		{"The Marlow Line ferry and a barge collided near Kessel Point on Wednesday night, the coastguard said.", "en", "2026-03-05"},
		{"Tragedy struck on Friday, March 6, when a ferry of the Marlow Line collided with a barge.", "en", ""},
	} {
		id := "a" + string(rune('1'+i))
		a := &parallax.Article{ID: id, Outlet: id + ".example", Text: x.text, Language: x.lang}
		if x.pub != "" {
			a.Published, _ = time.Parse("2006-01-02", x.pub)
		}
		in.Analyses = append(in.Analyses, an.Analyze(a))
	}
	in.ID = "s1"
	st := Story(in)
	cs := conflictsOfKind(st, "date")
	if len(cs) != 1 || len(cs[0].Sides) != 2 || cs[0].Sides[0][0].Article != "a4" {
		t.Fatalf("date conflicts: %+v; all: %+v", cs, st.Conflicts)
	}
}

// storyAt compares fictional English articles, one per outlet, each with
// its publication time (RFC 3339; "" for none).
func storyAt(t *testing.T, arts ...[2]string) parallax.Story {
	t.Helper()
	an := testAnalyzer()
	var in Input
	for i, x := range arts {
		id := "a" + string(rune('1'+i))
		a := &parallax.Article{ID: id, Outlet: id + ".example", Text: x[1], Language: "en"}
		if x[0] != "" {
			a.Published, _ = time.Parse(time.RFC3339, x[0])
		}
		in.Analyses = append(in.Analyses, an.Analyze(a))
	}
	in.ID = "s1"
	return Story(in)
}

// A toll that rises with publication time is an updated figure; the same
// two tolls at one moment are a dispute.
func TestUpdatedToll(t *testing.T) {
	texts := []string{
		"The storm killed 12 people in the coastal villages of Marrow Bay, the regional governor said.",
		"Officials said the storm killed 12 people in Marrow Bay and cut power to thousands of homes.",
		"The storm that hit Marrow Bay killed 19 people, the regional governor said on Tuesday.",
	}
	tests := []struct {
		name  string
		times []string
		want  string
	}{
		{"later toll", []string{"2026-02-02T08:00:00Z", "2026-02-02T09:00:00Z", "2026-02-03T10:00:00Z"}, parallax.LabelUpdated},
		{"same moment", []string{"2026-02-02T08:00:00Z", "2026-02-03T11:00:00Z", "2026-02-03T10:00:00Z"}, parallax.LabelContradiction},
	}
	for _, tt := range tests {
		var arts [][2]string
		for i, x := range texts {
			arts = append(arts, [2]string{tt.times[i], x})
		}
		cs := conflictsOfKind(storyAt(t, arts...), "quantity")
		if len(cs) != 1 {
			t.Fatalf("%s: quantity conflicts: %+v", tt.name, cs)
		}
		if cs[0].Label != tt.want {
			t.Errorf("%s: label %q, want %q (%s)", tt.name, cs[0].Label, tt.want, cs[0].Summary)
		}
		if tt.want == parallax.LabelUpdated && !strings.Contains(cs[0].Sides[1][0].Text, "19 people") {
			t.Errorf("%s: the later toll is not the last side: %+v", tt.name, cs[0].Sides)
		}
	}
}

// An article that says its figure revised another's makes the two an
// update, the revising one last.
func TestUpdatedByRevision(t *testing.T) {
	st := storyOf(t,
		"The 5.1-magnitude earthquake struck near Tarn Ridge on Sunday, the survey said.",
		"A 5.1-magnitude earthquake shook Tarn Ridge early on Sunday, the survey said.",
		"The 4.8-magnitude earthquake near Tarn Ridge on Sunday was originally rated 5.1 by the survey.")
	cs := conflictsOfKind(st, "quantity")
	if len(cs) != 1 || cs[0].Label != parallax.LabelUpdated || !strings.Contains(cs[0].Sides[1][0].Text, "4.8") {
		t.Fatalf("want one updated conflict ending with the revised 4.8: %+v", st.Conflicts)
	}
}

// Abbreviated titles are offices: "Gov." against "Rep." is a dispute,
// "Sgt." against "Sergeant", or parts of one full title, are not.
func TestAbbreviatedOffices(t *testing.T) {
	tests := []struct {
		titles []string
		want   int
	}{
		{[]string{"Gov.", "Gov.", "Rep."}, 1},
		{[]string{"Sgt.", "Sergeant", "Sgt."}, 0},
		{[]string{"Deputy Sgt.", "Sgt.", "Deputy"}, 0},
		{[]string{"Attorney-General", "Attorney General", "Attorney General"}, 0},
	}
	for _, tt := range tests {
		var texts []string
		for _, ti := range tt.titles {
			texts = append(texts, ti+" Orrin Vale said on Monday that the levee near Kessel Point would hold.")
		}
		if cs := conflictsOfKind(storyOf(t, texts...), "office"); len(cs) != tt.want {
			t.Errorf("%q: %d office conflicts, want %d: %+v", tt.titles, len(cs), tt.want, cs)
		}
	}
}

// "has not been" negates like "was not"; a named subject and its verb tell
// what happened to whom even in sentences worded apart; an article that
// says both is telling two happenings.
func TestEventNamedSubject(t *testing.T) {
	pos := []string{
		"Orrin Vale was arrested on Monday after the levee collapse near Kessel Point, police said.",
		"Police said that Vale was arrested at his home in the hills above the harbor on Monday.",
	}
	cs := conflictsOfKind(storyOf(t, append(pos, "Orrin Vale has not been arrested, his lawyer told reporters outside the court.")...), "event")
	if len(cs) != 1 {
		t.Fatalf("event conflicts: %+v", cs)
	}
	cs = conflictsOfKind(storyOf(t, append(pos, "Orrin Vale was not arrested at the scene, but Vale was arrested on Monday at his home.")...), "event")
	if len(cs) != 0 {
		t.Errorf("an article telling both: event conflicts %+v", cs)
	}
}

// An irregular participle ("shot", "sent") or one that is the base form
// ("hit", "set") tells a happening like a regular one.
func TestEventIrregularParticiple(t *testing.T) {
	for _, tt := range []struct{ pos, neg string }{
		{"Orrin Vale was hit by a truck near Kessel Point on Monday, police said.", "Orrin Vale was not hit by a truck near Kessel Point on Monday, police said."},
		{"Orrin Vale was shot near Kessel Point on Monday, police said.", "Orrin Vale had not been shot near Kessel Point on Monday, police said."},
		{"A trial date was set for the case of the Kessel Point levee on Monday.", "A trial date was not set for the case of the Kessel Point levee on Monday."},
	} {
		cs := conflictsOfKind(storyOf(t, tt.pos, tt.pos, tt.neg), "event")
		if len(cs) != 1 {
			t.Errorf("%q against %q: event conflicts %+v", tt.neg, tt.pos, cs)
		}
	}
	for _, w := range []string{"closed", "taken", "shot", "sent", "hit", "set"} {
		if !participle(w) {
			t.Errorf("participle(%q) = false", w)
		}
	}
	for _, w := range []string{"quick", "likely", "very"} {
		if participle(w) {
			t.Errorf("participle(%q) = true", w)
		}
	}
}

func TestEventNegationLimited(t *testing.T) {
	cs := conflictsOfKind(storyOf(t,
		"Orrin Vale was arrested on Monday after the levee collapse near Kessel Point, police said.",
		"Police said that Vale was arrested at his home in the hills above the harbor on Monday.",
		"Orrin Vale was not arrested until Monday, his lawyer told reporters outside the court."), "event")
	if len(cs) != 0 {
		t.Errorf("a negation limited in time: event conflicts %+v", cs)
	}
}

// An act one outlet hedges and another tells as fact, named alike with the
// same verb, is a characterization however the sentences are worded; told
// inside someone's words it is reported, not asserted.
func TestActModality(t *testing.T) {
	hedged := "Her publicist refused to say why Tara Vell supposedly checked into the clinic."
	for _, tt := range []struct {
		asserted []string
		want     int
	}{
		{[]string{"The singer said on Monday that Tara Vell checked into a clinic in Malibu last week.",
			"Tara Vell checked into a clinic in Malibu, the newspaper learned on Monday."}, 1},
		{[]string{"Lawyers repeated the claim that Tara Vell checked into a clinic in Malibu last week.",
			"Her publicist said Tara Vell checked into a clinic in Malibu on Monday."}, 0},
	} {
		cs := conflictsOfKind(storyOf(t, append(tt.asserted, hedged)...), "characterization")
		if len(cs) != tt.want {
			t.Errorf("%q: %d characterizations, want %d: %+v", tt.asserted, len(cs), tt.want, cs)
		}
	}
	// an irregular past ("fell", "threw") tells an act like a regular one
	cs := conflictsOfKind(storyOf(t,
		"On Saturday the climber Tara Vell fell about 600 metres near the Kessel hut, rescuers said on Sunday.",
		"Rescuers on Sunday recovered the body after Tara Vell fell near the hut.",
		"Tara Vell reportedly fell while she climbed to a small hut above the Kessel glacier."), "characterization")
	if len(cs) != 1 {
		t.Errorf("an irregular past: %d characterizations, want 1: %+v", len(cs), cs)
	}
}

// A surname two different people share joins neither to the other: the
// ages of a mother and her son are no dispute.
func TestSharedSurnameTwoPeople(t *testing.T) {
	st := storyOf(t,
		"Police named the victim as 61-year-old Katherine Vell. Vell was found at her home in Kessel Point on Monday.",
		"Officers arrested 35-year-old Gary Vell on Monday. Vell was held at the county jail in Kessel Point.",
		"Police said 35-year-old Gary Vell was arrested at a house in Kessel Point on Monday.")
	if cs := conflictsOfKind(st, "quantity"); len(cs) != 0 {
		t.Errorf("two people's ages in one group: %+v", cs)
	}
}

// "16 points for the Harbor Gulls" are the player's points: a name after a
// preposition is not what the figure is written onto.
func TestAnchorNotAcrossPreposition(t *testing.T) {
	st := storyOf(t,
		"Tessa Orlov scored 16 points for the Harbor Gulls in the final on Sunday night.",
		"Tessa Orlov scored 16 points for the Harbor Gulls as they won the final on Sunday night.",
		"Mina Dahl scored 9 points for the Harbor Gulls in the final on Sunday night.")
	if cs := conflictsOfKind(st, "quantity"); len(cs) != 0 {
		t.Errorf("two players' points as the team's: %+v", cs)
	}
}

// Figures that add up to another outlet's total are its parts.
func TestPartsOfTotal(t *testing.T) {
	st := storyOf(t,
		"Harbor Systems will pay $334 million in cash and stock for the chip maker Velloc, the companies said.",
		"Harbor Systems will pay $334 million for Velloc, the companies said on Wednesday.",
		"Harbor Systems is paying $281 million in cash and $53 million in stock for Velloc, which raised $35 million from investors.")
	if cs := conflictsOfKind(st, "quantity"); len(cs) != 0 {
		t.Errorf("parts held against their total: %+v", cs)
	}
}

// Outlets that date one act differently disagree, however far into the
// article the sentence is; an article giving the act two dates tells two
// happenings.
func TestDatedActConflict(t *testing.T) {
	pub := "2026-03-09T08:00:00Z"
	// six sentences first: past the lead, where only dated acts are read
	lead := func(n int) string {
		var b strings.Builder
		for i := 0; i < 6; i++ {
			b.WriteString([]string{"Rain fell on the harbor. ", "The ferries ran late. ", "Shops closed early. ",
				"A band played in the square. ", "Schools stayed open. ", "The bridge was repaired. "}[(i+n)%6])
		}
		return b.String()
	}
	base := [][2]string{
		{pub, lead(0) + "Orrin Vale was elected mayor of Kessel Point on March 4, officials said."},
		{pub, lead(1) + "Vale, a former teacher, was elected on March 4 after a recount."},
	}
	cs := conflictsOfKind(storyAt(t, append(base, [2]string{pub, lead(2) + "Orrin Vale was elected mayor on March 6 by a wide margin."})...), "date")
	if len(cs) != 1 || len(cs[0].Sides) != 2 {
		t.Fatalf("date conflicts: %+v", cs)
	}
	cs = conflictsOfKind(storyAt(t, append(base, [2]string{pub, lead(2) + "Orrin Vale was elected on March 6. He was first elected on March 4, 2022."})...), "date")
	if len(cs) != 0 {
		t.Errorf("two elections in one article: date conflicts %+v", cs)
	}
}

// One sentence retold by another outlet with another figure is one fact
// even when the words next to the figures differ; an addition ("three
// other rifles") or another person's age is not.
func TestRetoldSentenceFigure(t *testing.T) {
	st := storyOf(t,
		"After a long night of talks in Kessel, union leaders and the harbour board agreed on Friday to a pay rise of 40 euros a week for dock workers.",
		"Union leaders and the harbour board agreed on Friday after a long night of talks in Kessel to give dock workers a weekly pay rise of 65 euros.")
	if cs := conflictsOfKind(st, "quantity"); len(cs) != 1 {
		t.Errorf("retold sentence, figures 40 and 65: %+v", st.Conflicts)
	}
	st = storyOf(t,
		"Customs officers seized seven automatic rifles from the fishing boat at Kessel harbour on Friday night.",
		"Customs officers seized three other automatic rifles from the fishing boat at Kessel harbour on Friday night.")
	if cs := conflictsOfKind(st, "quantity"); len(cs) != 0 {
		t.Errorf("an addition to a set disputes its count: %+v", cs)
	}
	st = storyOf(t,
		"Witnesses at Kessel harbour said the 36-year-old driver of the van did not stop at the crossing on Friday night.",
		"Witnesses at Kessel harbour said the driver of the van hit a 66-year-old woman at the crossing on Friday night.")
	if cs := conflictsOfKind(st, "quantity"); len(cs) != 0 {
		t.Errorf("two people's ages: %+v", cs)
	}
}

// A year only one outlet gives makes its sentence that outlet's exclusive;
// a line without a closing mark (a caption, a "Watch:" label) is no fact.
func TestOwnYearExclusiveAndLabelLines(t *testing.T) {
	st := storyOf(t,
		"The Kessel river bridge fell into the water on Monday after a cargo ship hit one of its piers.\n\nThe cargo ship slammed into a pier of the bridge, causing the 1962-built steel span to fall into the river.",
		"Divers searched the river all night.\n\nWatch: Kessel river bridge collapses after cargo ship strikes one of its piers\n\nThe coast guard closed the port.",
		"The Kessel river bridge collapsed on Monday when a cargo ship struck one of its piers.")
	var own, label bool
	for _, f := range st.Facts {
		for _, e := range f.Evidence {
			if strings.Contains(e.Text, "1962-built") && len(f.Articles) == 1 && f.Exclusive {
				own = true
			}
			if strings.Contains(e.Text, "Watch:") {
				label = true
			}
		}
	}
	if !own {
		t.Errorf("the 1962-built span is not a1's exclusive: %+v", st.Facts)
	}
	if label {
		t.Errorf("a label line is a fact: %+v", st.Facts)
	}
}

// Undated articles that date one act by different weekdays disagree, with
// the verb irregular ("found") or after the date ("On Saturday, … was").
func TestDatedActWeekdays(t *testing.T) {
	st := storyOf(t,
		"The body of Marta Quill was found in the Kessel river on Thursday morning, police said.",
		"Police said the body of Marta Quill was found in the Kessel river on Saturday morning.")
	if cs := conflictsOfKind(st, "date"); len(cs) != 1 {
		t.Errorf("found on Thursday vs Saturday: %+v", st.Conflicts)
	}
	st = storyOf(t,
		"On Saturday, Tobias Renn was arrested at his home in Kessel, police said.",
		"Tobias Renn was arrested at his home in Kessel on Monday, police said.")
	if cs := conflictsOfKind(st, "date"); len(cs) != 1 {
		t.Errorf("arrested on Saturday vs Monday: %+v", st.Conflicts)
	}
	st = storyOf(t,
		"On Saturday, Tobias Renn was arrested at his home in Kessel, police said.",
		"On Saturday, Tobias Renn was arrested at his home in Kessel, officers said.")
	if cs := conflictsOfKind(st, "date"); len(cs) != 0 {
		t.Errorf("the same weekday: %+v", cs)
	}
}

// What is no dated act: when an outlet reported, a date far from the
// clause's start before a later verb, a verb that carries another ("expected
// to appear").
func TestDatedActNotActs(t *testing.T) {
	for _, pair := range [][2]string{
		{"The fire at the Kessel depot was still burning late into the night, the Kessel Courier reported Saturday.",
			"The fire at the Kessel depot was still burning late into the night, the Kessel Courier reported Sunday."},
		{"Workers at the Kessel depot were grieving Saturday for Marta Quill, who was killed in the blast.",
			"Marta Quill was killed in the blast at the Kessel depot on Friday, police said."},
		{"Tobias Renn is expected to appear in court in Kessel on Friday over the blast.",
			"Tobias Renn was expected to face charges in Kessel on Monday over the blast."},
	} {
		st := storyOf(t, pair[0], pair[1])
		if cs := conflictsOfKind(st, "date"); len(cs) != 0 {
			t.Errorf("%q / %q: %+v", pair[0], pair[1], cs)
		}
	}
}

// An exclusive detail inside a sentence the others also tell is shown as
// the clause that names it, not the whole sentence.
func TestExclusiveOwnClause(t *testing.T) {
	st := storyOf(t,
		"The Kessel river bridge fell into the water on Monday after a cargo ship hit one of its piers, as the engineer Lena Brandt had feared.",
		"A cargo ship hit one of the piers of the Kessel river bridge on Monday and the bridge fell into the water.",
		"The Kessel river bridge fell into the water on Monday when a cargo ship hit one of its piers.")
	found := false
	for _, f := range st.Facts {
		for _, e := range f.Evidence {
			if f.Exclusive && strings.Contains(e.Text, "Lena Brandt") {
				found = true
				if strings.Contains(e.Text, "cargo ship") {
					t.Errorf("the exclusive holds the shared part: %q", e.Text)
				}
			}
		}
	}
	if !found {
		t.Errorf("no exclusive naming Lena Brandt: %+v", st.Facts)
	}
}

// A flight named after its airline names the airline: an English lead that
// dates the collision of "Kessel Airways Flight 12" to another day than the
// Portuguese and Spanish leads about "Kessel Airways" tells the same
// happening, so the dates disagree.
func TestLeadDateOwnerName(t *testing.T) {
	an := testAnalyzer()
	var in Input
	for i, x := range [][3]string{
		{"pt", "2031-01-30T10:00:00Z", "Na noite de quarta-feira (29), um avião da Kessel Airways e um helicóptero colidiram sobre a baía de Marlow."},
		{"es", "2031-01-30T11:00:00Z", "El miércoles 29 por la noche, un avión de Kessel Airways y un helicóptero chocaron sobre la bahía de Marlow."},
		{"en", "", "Tragedy struck on Friday, Jan. 31 when a helicopter collided with Kessel Airways Flight 12 near Marlow."},
	} {
		a := &parallax.Article{ID: "a" + string(rune('1'+i)), Outlet: "o" + string(rune('1'+i)) + ".example", Text: x[2], Language: x[0]}
		if x[1] != "" {
			a.Published, _ = time.Parse(time.RFC3339, x[1])
		}
		in.Analyses = append(in.Analyses, an.Analyze(a))
	}
	in.ID = "s1"
	st := Story(in)
	cs := conflictsOfKind(st, "date")
	if len(cs) != 1 || !strings.Contains(cs[0].Summary, "01-31") {
		t.Errorf("date conflicts: %+v", st.Conflicts)
	}
}

// A date set for the future ("is set for June 17") and a time stamp line are
// not the day the story's happening took place.
func TestLeadDatesNotHappenings(t *testing.T) {
	st := storyAt(t,
		[2]string{"2031-03-05T10:00:00Z", "A jury in Kessel found Tobias Renn guilty of arson on Tuesday, the court said."},
		[2]string{"2031-03-05T12:00:00Z", "Tobias Renn was found guilty of arson by a jury in Kessel on Tuesday."},
		[2]string{"2031-03-05T14:00:00Z", "The sentencing of Tobias Renn, found guilty of arson by a Kessel jury, is set for June 17."})
	if cs := conflictsOfKind(st, "date"); len(cs) != 0 {
		t.Errorf("a scheduled date against the verdict's: %+v", cs)
	}
	st = storyAt(t,
		[2]string{"2031-03-05T10:00:00Z", "A jury in Kessel found Tobias Renn guilty of arson on Tuesday, the court said."},
		[2]string{"2031-03-05T12:00:00Z", "Tobias Renn was found guilty of arson by a jury in Kessel on Tuesday."},
		[2]string{"", "8:44AM GMT 08 Mar 2031\n\nTobias Renn was found guilty of arson by a jury in Kessel, the court said."})
	if cs := conflictsOfKind(st, "date"); len(cs) != 0 {
		t.Errorf("a time stamp line against the verdict's date: %+v", cs)
	}
}

// A sentence that never states what another outlet hedges asserts nothing
// against it ("the driver" vs "the allegedly drunk driver").
func TestModalityNeedsHedgedWords(t *testing.T) {
	st := storyOf(t,
		"Tobias Renn, the allegedly drunk driver of the delivery van, was arrested by police in Kessel on Friday night.",
		"Tobias Renn, the driver of the delivery van, was arrested by police in Kessel on Friday night.")
	if cs := conflictsOfKind(st, "characterization"); len(cs) != 0 {
		t.Errorf("nothing asserted against the hedge: %+v", cs)
	}
}

// An outlet writing in another language that carries a fact's names,
// figures and dates is not said to leave it out.
func TestOmissionAcrossLanguages(t *testing.T) {
	an := testAnalyzer()
	var in Input
	for i, x := range [][2]string{
		{"en", "Engineers found 40 cracks in the Kessel Bridge and the city closed it on 12 May 2031, the mayor Ana Ruiz said."},
		{"en", "The city closed the Kessel Bridge on 12 May 2031 after engineers found 40 cracks, mayor Ana Ruiz said."},
		{"es", "La ciudad cerró el Kessel Bridge el 12 de mayo de 2031 después de que los ingenieros municipales, que revisaban el puente desde el invierno pasado, hallaran 40 grietas profundas en sus vigas de acero oxidadas, explicó la alcaldesa Ana Ruiz a los periodistas reunidos frente al ayuntamiento."},
		{"es", "Los vecinos de Marlow protestaron ante el ayuntamiento el sábado por la tarde."},
	} {
		a := &parallax.Article{ID: "a" + string(rune('1'+i)), Outlet: "o" + string(rune('1'+i)) + ".example", Text: x[1], Language: x[0]}
		in.Analyses = append(in.Analyses, an.Analyze(a))
	}
	in.ID = "s1"
	st := Story(in)
	found := false
	for _, f := range st.Facts {
		if len(f.Outlets) >= 2 && strings.Contains(f.Summary, "40 cracks") {
			found = true
			if slices.Contains(f.Omitted, "o3.example") {
				t.Errorf("the Spanish outlet that says it is said to omit it: %+v", f)
			}
			if !slices.Contains(f.Omitted, "o4.example") {
				t.Errorf("the outlet that does not say it is not listed as omitting it: %+v", f)
			}
		}
	}
	if !found {
		t.Fatalf("no shared fact about the 40 cracks: %+v", st.Facts)
	}
}

// A count of two is held against another figure only in a sentence lined
// up as the same fact: "two boats" retold as "five boats" is a dispute,
// "two people were rescued" against "six missing" counts other people.
func TestCountOfTwo(t *testing.T) {
	for _, c := range []struct {
		name  string
		texts []string
		want  bool
	}{
		{"one sentence retold", []string{
			"The patrol ship Oster received a distress call from the freighter Lumen saying two boats were closing in and firing, the navy said.",
			"The patrol ship Oster received a distress call from the freighter Lumen saying five boats were closing in and firing, a navy statement said.",
			"The navy said the patrol ship Oster answered a call from the freighter Lumen.",
		}, true},
		{"other people counted", []string{
			"Two people were rescued from the river after the Tarn bridge fell on Tuesday.",
			"Divers searched the river for six missing workers after the Tarn bridge fell.",
			"Six workers are still missing after the Tarn bridge collapse, officials said.",
		}, false},
	} {
		st := storyOf(t, c.texts...)
		if got := len(conflictsOfKind(st, "quantity")) > 0; got != c.want {
			t.Errorf("%s: conflict %v, want %v: %+v", c.name, got, c.want, st.Conflicts)
		}
	}
}

// A piece of a number tokenised with spaces ("4 1 / 2 months") is no figure
// to dispute another outlet's.
func TestSplitNumberNoConflict(t *testing.T) {
	st := storyOf(t,
		"Pell served 4 1 / 2 months in a federal prison for his part in the Harlow payments scheme .",
		"Pell served four months in a federal prison for his part in the Harlow payments scheme.",
		"Pell , who served time in a federal prison over the Harlow payments , died on Sunday .")
	if cs := conflictsOfKind(st, "quantity"); len(cs) != 0 {
		t.Errorf("conflict over a split number: %+v", cs)
	}
}

// A date between a named subject and its verb dates the verb ("Mayor
// Orrin Vale on Monday announced"); marks tokenised apart do not count as
// words between a verb and its date.
func TestDatedActSubjectDateVerb(t *testing.T) {
	for _, pair := range [][2]string{
		{"Mayor Orrin Vale on Monday announced cuts to the Kessel harbour budget.",
			"Mayor Orrin Vale announced cuts to the Kessel harbour budget on Thursday."},
		{"Orrin Vale died in a hospital in Kessel , North Arden , on Saturday morning , his family said .",
			"Orrin Vale died in a Kessel hospital on Tuesday , his family said ."},
	} {
		st := storyOf(t, pair[0], pair[1])
		if cs := conflictsOfKind(st, "date"); len(cs) != 1 {
			t.Errorf("%q / %q: %+v", pair[0], pair[1], st.Conflicts)
		}
	}
	// a lower-case subject is no name: the date dates no act of its own
	st := storyOf(t,
		"The mayor's office on Monday published the Kessel harbour budget.",
		"The mayor's office published the Kessel harbour budget on Thursday after a vote.")
	if cs := conflictsOfKind(st, "date"); len(cs) != 0 {
		t.Errorf("no named subject: %+v", cs)
	}
}

func TestEventNoun(t *testing.T) {
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"rampage", true},    // WordNet: an act first
		{"blaze", true},      // the fire concept
		{"earthquake", true}, // a head of named events
		{"statement", false}, // a communication, not a happening
		{"collided", false},  // a past form is a verb
		{"the", false},
	} {
		if got := eventNoun(c.w) != ""; got != c.want {
			t.Errorf("eventNoun(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}

func TestAtPrecisionMonthYear(t *testing.T) {
	as := []datedAct{{date: "2005-03-11", prec: "full"}, {date: "2008-03", prec: "ym"}}
	got := atPrecision(as)
	if len(got) != 2 || got[0].date != "2005-03" || got[0].prec != "ym" || got[1].date != "2008-03" {
		t.Fatalf("atPrecision = %+v, want both at month and year", got)
	}
}

// Two sentences that tell much the same, each with one figure of a kind,
// dispute it though the words right around the figures differ; ages only
// of the same kind of person.
func TestAlikeSentencesOneFigure(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"distance",
			"The tremor struck about 14 miles north of Vellmar in the hills early on Thursday, the survey said.",
			"The tremor struck early on Thursday in the hills and was centred near Vellmar, some 30 miles to the north, the survey said.",
			true},
		{"ages of two people",
			"Police said the 31-year-old driver was hurt outside the corner market late on Thursday night.",
			"Officers said a 62-year-old woman was hurt outside the corner market late on Thursday.",
			false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := storyOf(t, tc.a, tc.b)
			if got := len(conflictsOfKind(st, "quantity")) > 0; got != tc.want {
				t.Errorf("conflict %v, want %v: %+v", got, tc.want, st.Conflicts)
			}
		})
	}
}

// An article that gives two ages (a driver's and a victim's) leaves the age
// of each kind of person one figure: another outlet's different age for
// the victim is disputed, the driver's age is not held against hers.
func TestAgeSlotByKindOfPerson(t *testing.T) {
	st := storyOf(t,
		"Police said the 70-year-old woman lived alone near the Dunmore shops.",
		"The 28-year-old driver was stopped a few streets away, and the 70-year-old woman lived near the shops.",
		"Neighbours said the 70-year-old woman walked to the bakery every morning.",
		"Neighbours said the 54-year-old woman was a retired teacher who walked everywhere.")
	found := false
	for _, c := range conflictsOfKind(st, "quantity") {
		if strings.Contains(c.Summary, "28-year-old") {
			t.Errorf("driver's age held against the victim's: %s", c.Summary)
		}
		found = found || strings.Contains(c.Summary, "70-year-old") && strings.Contains(c.Summary, "54-year-old")
	}
	if !found {
		t.Errorf("no conflict between the victim's ages: %+v", st.Conflicts)
	}
}

// A span of time runs on with the story, so sentences must be more alike
// for one to be disputed than for a count or a measure.
func TestAlikeSimDurations(t *testing.T) {
	tests := []struct {
		unit, head string
		want       float64
	}{
		{"days", "day", minAlikeDurationSim},
		{"months", "month", minAlikeDurationSim},
		{"years", "age", minAlikeSim}, // an age does not run on
		{"miles", "mile", minAlikeSim},
		{"engines", "engine", minAlikeSim},
	}
	for _, tc := range tests {
		q := qref{q: &parallax.Quantity{Unit: tc.unit, Head: tc.head}}
		if got := alikeSim(q); got != tc.want {
			t.Errorf("alikeSim(%s/%s) = %v, want %v", tc.unit, tc.head, got, tc.want)
		}
	}
	if minAlikeDurationSim <= minAlikeSim {
		t.Errorf("durations need more alike sentences: %v <= %v", minAlikeDurationSim, minAlikeSim)
	}
}

// A defendant's age given at the arrest and, older, at the verdict is one
// age told at two times; the same two ages in articles of one moment, or
// the younger at the verdict, are a dispute.
func TestAgedBetweenArrestAndVerdict(t *testing.T) {
	arrest := "Deputies identified the suspect as Tomas Ferrand, 27, a parolee wanted in another case."
	tests := []struct {
		name, verdict string
		times         [2]string
		want          string
	}{
		{"verdict later", "A jury found Tomas Ferrand, 29, guilty of first-degree murder on Tuesday.", [2]string{}, parallax.LabelUpdated},
		{"younger at verdict", "A jury found Tomas Ferrand, 25, guilty of first-degree murder on Tuesday.", [2]string{}, parallax.LabelContradiction},
		{"no verdict", "Deputies said the suspect, Tomas Ferrand, 29, was a parolee wanted in another case.", [2]string{}, parallax.LabelContradiction},
		{"published years apart", "Deputies said the suspect, Tomas Ferrand, 29, was a parolee wanted in another case.",
			[2]string{"2024-03-01T10:00:00Z", "2026-05-01T10:00:00Z"}, parallax.LabelUpdated},
		{"published days apart", "Deputies said the suspect, Tomas Ferrand, 29, was a parolee wanted in another case.",
			[2]string{"2026-03-01T10:00:00Z", "2026-03-04T10:00:00Z"}, parallax.LabelContradiction},
	}
	for _, tt := range tests {
		cs := conflictsOfKind(storyAt(t, [2]string{tt.times[0], arrest}, [2]string{tt.times[1], tt.verdict}), "quantity")
		if len(cs) != 1 {
			t.Fatalf("%s: quantity conflicts: %+v", tt.name, cs)
		}
		if cs[0].Label != tt.want {
			t.Errorf("%s: label %q, want %q (%s)", tt.name, cs[0].Label, tt.want, cs[0].Summary)
		}
		if tt.want == parallax.LabelUpdated && cs[0].Sides[1][0].Article != "a2" {
			t.Errorf("%s: the later age is not the last side: %+v", tt.name, cs[0].Sides)
		}
	}
}

// "Have not been released" tells the state when the article was written:
// against "were released", it is the earlier news, unless the articles
// saying it happened were all published before it.
func TestEventNotYet(t *testing.T) {
	pos := "The results of the blood test on Ilse Varga were released on Wednesday and showed no alcohol."
	neg := "The results of the blood test on Ilse Varga have not been released, the county said."
	tests := []struct {
		name  string
		times [2]string
		want  string
	}{
		{"undated", [2]string{}, parallax.LabelUpdated},
		{"released before", [2]string{"2026-03-04T10:00:00Z", "2026-03-05T10:00:00Z"}, parallax.LabelContradiction},
		{"released after", [2]string{"2026-03-06T10:00:00Z", "2026-03-05T10:00:00Z"}, parallax.LabelUpdated},
	}
	for _, tt := range tests {
		cs := conflictsOfKind(storyAt(t, [2]string{tt.times[0], pos}, [2]string{tt.times[1], neg}), "event")
		if len(cs) != 1 {
			t.Fatalf("%s: event conflicts: %+v", tt.name, cs)
		}
		if cs[0].Label != tt.want {
			t.Errorf("%s: label %q, want %q: %s", tt.name, cs[0].Label, tt.want, cs[0].Summary)
		}
		if tt.want == parallax.LabelUpdated && cs[0].Sides[1][0].Article != "a1" {
			t.Errorf("%s: the later news is not last: %+v", tt.name, cs[0].Sides)
		}
	}
}
