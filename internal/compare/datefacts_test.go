package compare

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
)

// datePad is six lead sentences, so that the dated sentence lies past the
// lead, where the opening-date test does not look.
func datePad(n int) string {
	var b strings.Builder
	for i := 0; i < 6; i++ {
		b.WriteString([]string{"Rain fell on the harbor. ", "The ferries ran late. ", "Shops closed early. ",
			"A band played in the square. ", "Schools stayed open. ", "The bridge was repaired. "}[(i+n)%6])
	}
	return b.String()
}

// Sentences told as one fact by two outlets date one happening, whoever
// each names as its subject: another date is a conflict with both sides.
func TestFactDateOtherSubject(t *testing.T) {
	pub := "2026-03-12T08:00:00Z" // a Thursday
	st := storyAt(t,
		[2]string{pub, datePad(0) + "The cargo ship Marlow Star struck the Teller Bridge in Kessel early on Tuesday, sending the span into the river."},
		[2]string{pub, datePad(1) + "A cargo ship struck the Teller Bridge in Kessel early on Monday, sending the span into the river."})
	cs := conflictsOfKind(st, "date")
	if len(cs) != 1 || len(cs[0].Sides) != 2 {
		t.Fatalf("struck on Tuesday vs Monday: %+v", st.Conflicts)
	}
	if !strings.Contains(cs[0].Sides[0][0].Text+cs[0].Sides[1][0].Text, "Monday") ||
		!strings.Contains(cs[0].Sides[0][0].Text+cs[0].Sides[1][0].Text, "Tuesday") {
		t.Errorf("evidence misses a date: %+v", cs[0].Sides)
	}
	st = storyAt(t,
		[2]string{pub, datePad(0) + "The cargo ship Marlow Star struck the Teller Bridge in Kessel early on Tuesday, sending the span into the river."},
		[2]string{pub, datePad(1) + "A cargo ship struck the Teller Bridge in Kessel early on Tuesday, sending the span into the river."})
	if cs := conflictsOfKind(st, "date"); len(cs) != 0 {
		t.Errorf("the same day: %+v", cs)
	}
}

// What a fact's date does not date: a bound ("until Wednesday"), when a
// source spoke, a moment counted from the writing ("this morning"), or two
// different acts in sentences alike enough to be lined up.
func TestFactDateNotHappenings(t *testing.T) {
	pub := "2026-03-12T08:00:00Z"
	for _, pair := range [][2]string{
		{"The coast guard suspended the search for the six missing workers in Kessel until Friday morning.",
			"The coast guard suspended the search for the six missing workers in Kessel until Saturday morning."},
		{"The mayor of Kessel said at a news conference on Tuesday that six workers were missing after the collapse.",
			"The mayor of Kessel said at a news conference on Wednesday that six workers were missing after the collapse."},
		{"A fire destroyed the old Tamsin dairy warehouse in Kessel this morning, officials in Kessel said.",
			"A fire destroyed the old Tamsin dairy warehouse in Kessel on Monday, officials in Kessel said."},
		{"A jury in Kessel convicted the sect leader Orrin Vale of fraud on Tuesday after a long trial.",
			"The sect leader Orrin Vale was sentenced in Kessel on Wednesday for fraud after a long trial."},
	} {
		st := storyAt(t, [2]string{pub, datePad(0) + pair[0]}, [2]string{pub, datePad(1) + pair[1]})
		if cs := conflictsOfKind(st, "date"); len(cs) != 0 {
			t.Errorf("%q / %q: %+v", pair[0], pair[1], cs)
		}
	}
}

// A date whose verb stands too far off is still one happening's when the
// words around it are the same words retold; two outlets writing the same
// weekday agree whatever their pages' dates.
func TestFactDateRetoldWindow(t *testing.T) {
	pub := "2026-03-12T08:00:00Z"
	st := storyAt(t,
		[2]string{pub, datePad(0) + "Four men drove their old grey van straight into a small jewellery shop near the Kessel harbour on Tuesday, smashing the front window and taking rings."},
		[2]string{pub, datePad(1) + "Four men drove their van straight into a small jewellery shop near the Kessel harbour on Monday, smashing the front window and fleeing."})
	if cs := conflictsOfKind(st, "date"); len(cs) != 1 || len(cs[0].Sides) != 2 {
		t.Errorf("retold with Tuesday vs Monday: %+v", st.Conflicts)
	}
	st = storyAt(t,
		[2]string{pub, datePad(0) + "Four men drove their old grey van straight into a small jewellery shop near the Kessel harbour on Tuesday, smashing the front window and taking rings."},
		[2]string{"2026-03-20T08:00:00Z", datePad(1) + "Four men drove their van straight into a small jewellery shop near the Kessel harbour on Tuesday, smashing the front window and fleeing."})
	if cs := conflictsOfKind(st, "date"); len(cs) != 0 {
		t.Errorf("the same weekday written by pages a week apart: %+v", cs)
	}
}

// One act dated by two outlets is one happening whatever subject each
// writes for it, when the words around verb and date are retold; two
// people's acts of one verb are two happenings.
func TestDatedActAnySubject(t *testing.T) {
	pub := "2026-03-12T08:00:00Z"
	st := storyAt(t,
		[2]string{pub, datePad(0) + "Officers of the Kessel coast guard arrested Dana Roe on Monday in a raid on her Harbour Street flat."},
		[2]string{pub, datePad(1) + "Roe, who had piloted the ferry for a decade and had twice been warned about speeding, was arrested on Tuesday in a raid on her Harbour Street flat."})
	cs := conflictsOfKind(st, "date")
	if len(cs) != 1 || len(cs[0].Sides) != 2 {
		t.Fatalf("arrested on Monday vs Tuesday: %+v", st.Conflicts)
	}
	st = storyAt(t,
		[2]string{pub, datePad(0) + "Kessel police arrested Dana Roe, the ferry's pilot, on Monday near the old harbour pier after the sinking."},
		[2]string{pub, datePad(1) + "Kessel police arrested Mark Tull, the ferry's owner, on Tuesday near the old harbour pier after the sinking."})
	if cs := conflictsOfKind(st, "date"); len(cs) != 0 {
		t.Errorf("two people arrested on two days: %+v", cs)
	}
}

// A verb an article dates twice names two happenings only when both acts
// are of the same people: firing one coach on Wednesday and another on
// March 2 leaves "fired" free to be disputed for either.
func TestDatedTwiceOtherPeople(t *testing.T) {
	pub := "2026-03-12T08:00:00Z"
	one := datePad(0) + "The Kessel Owls fired coach Dana Roe on Wednesday after a losing season at the old harbour arena. " +
		"Their rivals had fired coach Mark Tull on March 2 after a long dispute over the arena lease."
	other := datePad(1) + "The Kessel Owls fired coach Dana Roe on Tuesday after a losing season at the old harbour arena."
	st := storyAt(t, [2]string{pub, one}, [2]string{pub, other})
	if cs := conflictsOfKind(st, "date"); len(cs) != 1 {
		t.Errorf("fired Dana Roe on Wednesday vs Tuesday: %+v", st.Conflicts)
	}
	same := datePad(0) + "The Kessel Owls fired coach Dana Roe on Wednesday after a losing season at the old harbour arena. " +
		"The Kessel Owls had also fired coach Dana Roe on March 2 after a long dispute over the arena lease."
	st = storyAt(t, [2]string{pub, same}, [2]string{pub, other})
	for _, c := range conflictsOfKind(st, "date") {
		if strings.Contains(c.Subject, "fired") {
			t.Errorf("Dana Roe fired twice in one article, then on Tuesday: %+v", c)
		}
	}
}

// A page tokenised with its marks written apart counts words, not marks,
// in the window around a date.
func TestWordsSkipMarks(t *testing.T) {
	got := strings.Join(words("a vigil for Dana ( Dee ) Roe , 16 , killed on Monday ."), " ")
	if want := "a vigil for Dana Dee Roe 16 killed on Monday"; got != want {
		t.Errorf("words = %q, want %q", got, want)
	}
}

// Two names sharing a word may be one person whom the entity groups kept
// apart; names with no word in common are told apart.
func TestShareNameWord(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Roe", "Dana Mae Roe", true},
		{"Dana Roe", "Dana Roe", true},
		{"Dana Roe", "Mark Tull", false},
		{"Al Roe", "Al Tull", false}, // a word of two letters names no one
	} {
		if got := shareNameWord(c.a, c.b); got != c.want {
			t.Errorf("shareNameWord(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// "Yesterday" is only as right as its page's date: an article that also
// dates the act by it still dates the act once.
func TestDatedTwiceNotDeictic(t *testing.T) {
	pub := "2026-03-12T08:00:00Z" // a Thursday: "yesterday" is Wednesday
	st := storyAt(t,
		[2]string{pub, datePad(0) + "Officers of the Kessel coast guard arrested Dana Roe on Monday in a raid on her Harbour Street flat. " +
			"The pilot arrested yesterday had steered the ferry for a decade."},
		[2]string{pub, datePad(1) + "Roe, who had piloted the ferry for a decade and had twice been warned about speeding, was arrested on Tuesday in a raid on her Harbour Street flat."})
	if cs := conflictsOfKind(st, "date"); len(cs) != 1 {
		t.Errorf("arrested on Monday (and yesterday) vs Tuesday: %+v", st.Conflicts)
	}
}

// "To" before a noun is a preposition: the act dated is the verb before
// it ("sentenced to life … on Tuesday"), not a verb to come; a past form
// after a determiner is a noun ("burned to the ground"). Two outlets
// dating such an act otherwise disagree; a raising verb ("expected to
// appear") still dates no act of its own.
func TestDateVerbPrepositionTo(t *testing.T) {
	pub := "2026-03-12T08:00:00Z" // a Thursday
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"The sect leader Orrin Vale was sentenced to life in a Kessel prison on Tuesday after a long trial.",
			"The sect leader Orrin Vale was sentenced to life in a Kessel prison on Monday after a long trial.", 1},
		{"The old Tamsin dairy warehouse burned to the ground in a huge fire on Tuesday morning.",
			"The old Tamsin dairy warehouse burned to the ground in a huge fire on Monday morning.", 1},
		{"The sect leader Orrin Vale was expected to appear in a Kessel court on Tuesday after a long trial.",
			"The sect leader Orrin Vale was expected to appear in a Kessel court on Monday after a long trial.", 0},
	} {
		st := storyAt(t, [2]string{pub, datePad(0) + c.a}, [2]string{pub, datePad(1) + c.b})
		if cs := conflictsOfKind(st, "date"); len(cs) != c.want {
			t.Errorf("%q / %q: %d date conflicts, want %d: %+v", c.a, c.b, len(cs), c.want, cs)
		}
	}
}

// One weekday among months and years does not leave the months and years
// with nothing to compare: the precision most acts can be told at wins.
func TestAtPrecisionMost(t *testing.T) {
	as := []datedAct{{date: "2006-08", prec: "ym"}, {date: "Tuesday", prec: "wd"}, {date: "2007-08", prec: "ym"}}
	got := atPrecision(as)
	if len(got) != 2 || got[0].date != "2006-08" || got[1].date != "2007-08" {
		t.Fatalf("atPrecision = %+v, want the two months", got)
	}
	as = []datedAct{{date: "Tuesday", prec: "wd"}, {date: "Friday", prec: "wd"}, {date: "2007-08", prec: "ym"}}
	if got := atPrecision(as); len(got) != 2 || got[0].date != "Tuesday" || got[1].date != "Friday" {
		t.Fatalf("atPrecision = %+v, want the two weekdays", got)
	}
}

// One act dated otherwise in unlike sentences, which the facts do not line
// up, is a conflict when the verb ties them and nothing tells two
// happenings apart: not other people (nor dates weeks apart, nearDates).
func TestWordDateUnlikeSentences(t *testing.T) {
	pub := "2026-03-12T08:00:00Z" // a Thursday
	for _, c := range []struct {
		name string
		a, b string
		want int
	}{
		// the first page is undated: its weekday names no day, and no
		// subject is named to key the act by
		{"one collision",
			"Several of the sixty passengers on the small airliner that collided with a military helicopter on Tuesday were young figure skaters returning from a training camp in Wichita.",
			"A regional jet collided on Monday with an army helicopter while it was coming in to land at the river airport after a short flight from the coast.", 1},
		{"other people",
			"The Harbor Hawks placed rookie Dana Roe on injured reserve on Tuesday, another blow to the team.",
			"Mark Tull, one of the stars of last season's title run, was placed on injured reserve on Monday because of his ankle.", 0},
		// a sentence giving two dates, each with a verb of its own
		{"two dates, two verbs",
			"Volunteers from the valley recovered the climber's body from the gully on Tuesday afternoon after a first attempt on Saturday was abandoned in fog.",
			"The body of the Kessel climber was recovered by a mountain rescue team on Monday, police said.", 1},
		{"two dates of one verb",
			"The missing hiker's body was recovered on Tuesday and his rucksack was recovered on Sunday near the ridge.",
			"The missing hiker's body was recovered by a mountain rescue team on Monday afternoon after earlier searches proved fruitless.", 0},
		{"a date of an event noun after a colon",
			"Then came the anger in Kessel: a Tuesday evening vigil marred by looting, and another protest on Sunday.",
			"Officers said they came across the young men on Monday evening in a side street in Kessel.", 0},
		// one act put in another year, the month told alike; a year
		// apart in another month, or years apart, are other happenings
		{"a year slip",
			"Inspectors raided the Kessel grain depot in April 2024 after a tip from a driver.",
			"Customs officers, who had raided the depot in April 2025, found no papers for the barley stored there.", 1},
		{"another month",
			"Inspectors raided the Kessel grain depot in April 2024 after a tip from a driver.",
			"Customs officers, who had raided the depot in June 2025, found no papers for the barley stored there.", 0},
		{"years apart",
			"Inspectors raided the Kessel grain depot in April 2018 after a tip from a driver.",
			"Customs officers, who had raided the depot in April 2025, found no papers for the barley stored there.", 0},
		// a sentence mostly quoted keeps the reporter's verb and date
		{"before a quotation",
			"Mayor Ilse Varn rejected the charges in a statement on Tuesday, calling them \"a shabby attempt to hide the council's own failures over the harbour and the flooded road\".",
			"Ilse Varn rejected the charges in a written statement on Monday.", 1},
		// "as" of the verb's complement opens no clause
		{"hired as",
			"Lena Brandt was hired as the new coach of the Kessel Owls on April 19, 2025, after a long search.",
			"The Owls said Brandt, who was hired by the club's board on April 21, 2025, would start at once.", 1},
		// a date right before its verb times it, whatever the subject
		{"date before its verb",
			"The coastguard cutter patrolling the Kessel strait on Tuesday intercepted a smuggling boat carrying diesel.",
			"Officers on a patrol boat intercepted a boat smuggling diesel through the strait on Monday, the coastguard said.", 1},
		// the shared word stands by the verb, not by the date
		{"anchored by the verb",
			"Firefighters were called by anxious neighbours at breakfast time on Tuesday after loud bangs.",
			"On Monday at 8:39am firefighters were called to a terraced house.", 1},
	} {
		st := storyAt(t, [2]string{"", datePad(0) + c.a}, [2]string{pub, datePad(1) + c.b})
		if cs := conflictsOfKind(st, "date"); len(cs) != c.want {
			t.Errorf("%s: %d date conflicts, want %d: %+v", c.name, len(cs), c.want, cs)
		}
	}
}

func TestNearDates(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"2026-03-09", "2026-03-12", true},
		{"2026-01-30", "2026-03-11", false},
		{"--06-03", "--06-13", true},
		{"Monday", "Thursday", true},
		{"2006-08", "2007-08", false},
	} {
		if got := nearDates(c.a, c.b); got != c.want {
			t.Errorf("nearDates(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// A date before a present perfect is no time of its act ("9 May 2026
// Orrin Vale has been elected"): the perfect takes no date of the past.
func TestPresentPerfect(t *testing.T) {
	for _, c := range []struct {
		before []string
		want   bool
	}{
		{[]string{"Orrin", "Vale", "has", "been"}, true},
		{[]string{"the", "voters", "have"}, true},
		{[]string{"Orrin", "Vale"}, false},
		{[]string{"Orrin", "Vale", "was"}, false},
	} {
		if got := presentPerfect(c.before); got != c.want {
			t.Errorf("presentPerfect(%q) = %v, want %v", c.before, got, c.want)
		}
	}
}

func TestSameActClasses(t *testing.T) {
	var fds []factDated
	for _, v := range []string{"foiled", "thwarted", "arrested", "died"} {
		fds = append(fds, factDated{act: datedAct{verb: v}})
	}
	k := sameActClasses(fds)
	if k["foiled"] != k["thwarted"] {
		t.Errorf("foiled %q, thwarted %q: want one act", k["foiled"], k["thwarted"])
	}
	if k["arrested"] == k["died"] || k["arrested"] == k["foiled"] {
		t.Errorf("arrested %q, died %q, foiled %q: want three acts", k["arrested"], k["died"], k["foiled"])
	}
}

// TestDatePrecisionInSummary: a day against a month is told as two months,
// the precision both can be restated at.
func TestDatePrecisionInSummary(t *testing.T) {
	st := storyOf(t,
		"Ivo Quist pleaded guilty to fraud before the Kessel court on June 27, 2024, and began cooperating with prosecutors.",
		"Ivo Quist pleaded guilty to fraud before the Kessel court in July 2024 and began cooperating with prosecutors.",
		"Anna Berg, his partner, left Kessel for Dunmore in 2023.")
	var got []string
	for _, c := range st.Conflicts {
		if c.Kind == "date" {
			got = append(got, c.Summary)
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "2024-06 ") || strings.Contains(got[0], "2024-06-27") {
		t.Errorf("date conflicts %q, want one of 2024-06 against 2024-07", got)
	}
}

// An event noun dated in an undated article without its year ("the June 24
// murder of the clerk") is dated by month and day, and two such nouns
// followed by the same names tell one happening, however unlike their
// sentences are otherwise; a noun with other arguments is another one.
func TestNounArgsDate(t *testing.T) {
	a := "Deputy Ana Ruiz was assigned to track Dorn Vale the day before his June 12, 2005 murder of the clerk in Kessel."
	cs := conflictsOfKind(storyOf(t, a, "Prosecutors charged Dorn Vale with the June 24 murder of the clerk in Kessel, the office said."), "date")
	if len(cs) != 1 || !strings.Contains(cs[0].Summary, "June 12") || !strings.Contains(cs[0].Summary, "June 24") {
		t.Fatalf("date conflicts %+v, want June 12 against June 24", cs)
	}
	cs = conflictsOfKind(storyOf(t, a, "Prosecutors charged Dorn Vale with the June 24 murder of a guard at Tarn prison, the office said."), "date")
	if len(cs) != 0 {
		t.Errorf("another murder read as the same: %+v", cs)
	}
}

func TestMonthDay(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"June 24", "--06-24"}, {"24th of June", "--06-24"}, {"Jan. 3", "--01-03"}, {"June", ""}, {"June 2005", ""},
	} {
		got, _ := monthDay("en", c.text)
		if got != c.want {
			t.Errorf("monthDay(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// An -ing form after a form of "be" is a verb in the progressive, not the
// noun of an event the date is attached to ("was leaving her car on
// Tuesday"); the noun is kept where no auxiliary stands before it.
func TestDateNounProgressive(t *testing.T) {
	an := testAnalyzer()
	for _, c := range []struct {
		text string
		want bool
	}{
		{"The nurse Mira Lund was leaving her car on Tuesday when a van hit her.", false},
		{"The nurse Mira Lund missed the leaving on Tuesday.", true},
	} {
		a := an.Analyze(&parallax.Article{ID: "a1", Text: c.text, Language: "en"})
		s := &story{arts: []*parallax.Analysis{a}, byID: map[string]*parallax.Analysis{"a1": a}, outletOf: map[string]string{"a1": "a1"}, df: map[string]int{}}
		s.ents = mergeEntities(s.arts)
		s.buildUnits()
		got := false
		for _, u := range s.units {
			for _, di := range u.dates {
				if _, _, ok := dateNoun(u, a.Dates[di]); ok {
					got = true
				}
			}
		}
		if got != c.want {
			t.Errorf("%q: an event noun dated: %v, want %v", c.text, got, c.want)
		}
	}
}
