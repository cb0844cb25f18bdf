package compare

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
)

// innerStory builds the working state of a comparison of texts, one
// outlet each.
func innerStory(t *testing.T, texts ...string) *story {
	t.Helper()
	an := testAnalyzer()
	var in Input
	for i, x := range texts {
		id := "a" + string(rune('1'+i))
		in.Analyses = append(in.Analyses, an.Analyze(&parallax.Article{ID: id, Outlet: id + ".example", Text: x, Language: "en"}))
	}
	in.ID = "s1"
	s := &story{in: in, arts: in.Analyses, byID: map[string]*parallax.Analysis{}, outletOf: map[string]string{}, df: map[string]int{}}
	for _, a := range s.arts {
		s.byID[a.Article.ID] = a
		s.outletOf[a.Article.ID] = outletName(a.Article)
		s.outlets = append(s.outlets, outletName(a.Article))
	}
	s.ents = mergeEntities(s.arts)
	s.buildUnits()
	s.facts()
	return s
}

// figure is the figure of article id (a1, a2, …) whose words begin with text.
func (s *story) figure(t *testing.T, id, text string) qref {
	t.Helper()
	for _, q := range s.quantitiesWith(func(*parallax.Quantity) bool { return true }) {
		if q.u.art.Article.ID == id && strings.HasPrefix(q.q.Text, text) {
			return q
		}
	}
	t.Fatalf("no figure %q in %s", text, id)
	return qref{}
}

// A sentence retold with one of its several figures changed lines that
// figure up with its counterpart; a list retold in another order, or
// counts of another scope that differ in every figure, do not.
func TestRetoldSamePlace(t *testing.T) {
	s := innerStory(t,
		"Rook Dalby was just 9 of 20 for 140 yards with two interceptions in the loss to the Kessel Owls.",
		"Rook Dalby was just 9 of 20 for 140 yards with five interceptions in the loss to the Kessel Owls.")
	if !samePlace(s.figure(t, "a1", "two interceptions"), s.figure(t, "a2", "five interceptions")) {
		t.Error("two and five interceptions in a retold sentence: not lined up")
	}
	s = innerStory(t,
		"The rival bids for Dalby are the Owls ( six years , $ 90 million ) and the Gulls ( seven years , $ 120 million ).",
		"The Gulls have bid $ 120 million over seven years , the Owls $ 90 million over six years for Dalby .")
	if samePlace(s.figure(t, "a1", "$ 90"), s.figure(t, "a2", "$ 90")) || samePlace(s.figure(t, "a1", "$ 90"), s.figure(t, "a2", "$ 120")) {
		t.Error("a list retold in another order lined up by place")
	}
	s = innerStory(t,
		"Rook Dalby was 12 of 25 for 200 yards with two interceptions in the loss to the Kessel Owls.",
		"Rook Dalby was just 9 of 20 for 140 yards with five interceptions in the loss to the Kessel Owls.")
	if samePlace(s.figure(t, "a1", "two interceptions"), s.figure(t, "a2", "five interceptions")) {
		t.Error("every figure of the sentence different, lined up by place")
	}
	s = innerStory(t,
		"The patrol boat Marlow has seized 14 rifles , 31 magazines and 900 rounds during its five patrols off Kessel .",
		"The patrol boat Marlow has seized 6 rifles , 12 magazines and 300 rounds during its patrols off Kessel .")
	if samePlace(s.figure(t, "a1", "31"), s.figure(t, "a2", "12")) {
		t.Error("counts of another scope, every figure different, lined up by place")
	}
}

// Two sentences lined up as one fact, each with one figure of a kind,
// dispute that figure even worded apart; not when their other figures of a
// kind differ too (two games' lines of one player).
func TestLinedUpFact(t *testing.T) {
	s := innerStory(t,
		"Ten fire engines were tackling the last of the blaze at the Kessel timber yard in Marlow County before dawn on Sunday.",
		"More than 50 firefighters with 28 fire engines fought the blaze at the Kessel timber yard in Marlow County on Sunday.",
		"The owners of the timber yard thanked the village for its help.")
	a, b := s.figure(t, "a1", "Ten fire engines"), s.figure(t, "a2", "28 fire engines")
	if a.u.fact < 0 || a.u.fact != b.u.fact {
		t.Fatalf("the sentences are not lined up as one fact: %d, %d", a.u.fact, b.u.fact)
	}
	if !linedUp(a, b) {
		t.Error("ten and 28 fire engines in sentences lined up as one fact: not lined up")
	}
	s = innerStory(t,
		"Rook Dalby finished with 22 points and nine rebounds as the Kessel Owls opened their season with a win over the Gulls.",
		"Kessel's Rook Dalby finished the Owls' win over the Gulls with 25 points and 16 rebounds, both career highs.")
	a, b = s.figure(t, "a1", "nine rebounds"), s.figure(t, "a2", "16 rebounds")
	if othersAgree(a, b) || linedUp(a, b) {
		t.Error("rebounds lined up though the points differ too")
	}
}

// In undated articles the year of the full dates most outlets give is the
// story's own: a sentence dated in it is of the story's era; a year alone
// or a month ("the riots of March 2004") stays another event's.
func TestStoryYearsUndated(t *testing.T) {
	s := innerStory(t,
		"Fresh protests were reported in Kessel on Saturday December 13 2031 after the police shooting of a 15-year-old boy.",
		"Students marched in Kessel on Saturday , December 13 , 2031 , over the shooting of a 15-year-old boy by police.",
		"The shooting of a 15-year-old boy by police in Kessel recalled the riots of March 2004.")
	ys := s.storyYears()
	if !ys["2031"] || ys["2004"] {
		t.Fatalf("story years %v, want 2031 alone", ys)
	}
	a, b, c := s.figure(t, "a1", "15-year-old"), s.figure(t, "a2", "15-year-old"), s.figure(t, "a3", "15-year-old")
	if !eraAgrees(a.u, b.u, ys) {
		t.Error("sentences dated in the story's year are of another era")
	}
	if eraAgrees(a.u, c.u, ys) {
		t.Error("a sentence about the 2004 riots is of the story's era")
	}
}

// A side whose sentence gives the other side's value too, for the same
// event in the same unit, counts something else beside it; a conversion or
// a count of another event does not excuse it.
func TestGivesToo(t *testing.T) {
	s := innerStory(t,
		"A judge handed Rook Dalby four consecutive life sentences in Kessel on Friday.",
		"The judge sentenced Dalby to seven consecutive life sentences and four sentences of life without parole in Kessel on Friday.",
		"Police in Kessel said 12 people were injured in the riots.",
		"Police in Kessel said 18 people had been injured and 12 arrested.")
	if !givesToo(s.figure(t, "a1", "four"), s.figure(t, "a2", "seven")) {
		t.Error("four and seven life sentences beside four sentences: not excused")
	}
	if givesToo(s.figure(t, "a3", "12"), s.figure(t, "a4", "18")) {
		t.Error("12 injured excused by 12 arrested")
	}
}

// A count of the hurt narrowed to a grade ("seriously injured") counts
// another set than the plain count, or one of another grade.
func TestSeverity(t *testing.T) {
	s := innerStory(t,
		"A girl was killed and dozens of others were seriously injured in the Kessel quake on Sunday.",
		"At least five people were killed and 250 others injured in the Kessel quake on Sunday.",
		"Officials said 40 people were critically injured in the Kessel quake on Sunday.",
		"Officials said 60 people were critically hurt in the Kessel quake on Sunday.")
	a, b := s.figure(t, "a1", "dozens"), s.figure(t, "a2", "250")
	if severity(a) != "serious" || severity(b) != "" {
		t.Errorf("severity %q, %q; want serious and none", severity(a), severity(b))
	}
	if severity(s.figure(t, "a3", "40")) != severity(s.figure(t, "a4", "60")) {
		t.Error("two counts of the critically hurt of different grades")
	}
}

// A year before "of" is no part of a whole: "the 2019 slayings of two
// women" states the count; "648 of the 650 seats" gives the whole.
func TestDenominatorNotYear(t *testing.T) {
	s := innerStory(t,
		"A former clerk has been charged in the 2019 slayings of two women at a bakery in Kessel.",
		"After 648 of the 650 seats had been declared, the Coastal Party had won 300 seats in Kessel.")
	if isDenominator(s.figure(t, "a1", "two women")) {
		t.Error("two women after a year and \"of\" read as a whole")
	}
	if !isDenominator(s.figure(t, "a2", "650")) {
		t.Error("650 seats after \"648 of the\" not read as a whole")
	}
}

// Figures in two outlets' sentences that are each other's best match and
// share a word near the figures are one fact told two ways; a figure of
// another sentence, a part of a listed whole, a running span of time and
// the ages of two people are not.
func TestPairedFact(t *testing.T) {
	// other sentences, so that the words two outlets share stand out
	x1 := " Fishermen in Dunmore said the season was lost. The mayor, Orla Brant, thanked volunteers."
	x2 := " Schools in Tarnby stayed closed for a week. A relief fund opened at the town hall."
	pair := func(a1, a2, f1, f2 string) bool {
		t.Helper()
		s := innerStory(t, a1+x1, a2+x2)
		a, b := s.figure(t, "a1", f1), s.figure(t, "a2", f2)
		aa, _ := s.anchors(a)
		ab, _ := s.anchors(b)
		return s.pairedFact(a, b, aa, ab, map[bestKey]*unit{})
	}
	for _, c := range []struct {
		a1, a2, f1, f2, what string
		want                 bool
	}{
		{"The storm over the Varn estuary killed 67 people in Lowmere on Sunday.",
			"The icy storm over the Varn estuary killed 155 people in Lowmere.", "67", "155",
			"67 and 155 people killed in matching sentences", true},
		{"The storm over the Varn estuary killed 67 people in Lowmere on Sunday.",
			"The storm over the Varn estuary hit Lowmere on Sunday. In all, floods killed 155 people across the region.", "67", "155",
			"a figure of a sentence that is not the best match", false},
		{"Tolliver Mills agreed to buy Varn Textiles for $ 5.4 billion in cash and stock on Monday.",
			"The purchase of Varn Textiles is $ 4.2 billion in cash and 57 million shares of Tolliver Mills.", "$ 5.4", "$ 4.2",
			"a part of a listed price and the whole", false},
		{"Lowmere was calm on Sunday after eight days of the worst riots the town has seen.",
			"Shopkeepers boarded up windows after four days of the worst riots the town has seen.", "eight days", "four days",
			"a running span of time", false},
		{"Police said a man outside the Kessel market told the 36-year-old driver to stop.",
			"Police arrested the driver who hit a 66-year-old woman outside the Kessel market.", "36", "66",
			"the ages of two people", false},
	} {
		if got := pair(c.a1, c.a2, c.f1, c.f2); got != c.want {
			t.Errorf("%s: one fact %v, want %v", c.what, got, c.want)
		}
	}
}

// A figure after a word of need is a bar, with a function word between or
// not; a figure after another verb is not.
func TestThresholdAfterFunctionWord(t *testing.T) {
	s := innerStory(t, "Dalby needed just nine points to pass Brook. Dalby needed nine points more. Dalby scored nine points in the game.")
	n := 0
	for _, q := range s.quantitiesWith(func(*parallax.Quantity) bool { return true }) {
		n++
		if want := !strings.Contains(q.u.span.Of(q.u.art.Article.Text), "scored"); isThreshold(q) != want {
			t.Errorf("%q in %q: threshold %v", q.q.Text, q.u.span.Of(q.u.art.Article.Text), !want)
		}
	}
	if n != 3 {
		t.Errorf("%d figures read, want 3", n)
	}
}

// In a sentence with several figures of a kind, the one whose words match
// the other outlet's figure is paired with it, with two words in common;
// a figure listed with another ("two trucks and four vans") is a part.
func TestClosestOfKind(t *testing.T) {
	s := innerStory(t,
		"After 648 of the 650 seats had been declared on Friday in the count, Labour had won a majority of 176 seats over all its rivals.",
		"After 648 of the 650 seats had been declared on Friday, Labour had won a majority of 368 seats over all its rivals.")
	a, b := s.figure(t, "a1", "a majority"), s.figure(t, "a2", "a majority")
	if !closestOfKind(a, b) || !closestOfKind(b, a) {
		t.Error("the majority among other seat counts: not lined up")
	}
	if closestOfKind(s.figure(t, "a1", "650"), b) {
		t.Error("the seats declared lined up with the majority")
	}
	s = innerStory(t, "The storm wrecked two trucks and four vans in Tarnby.", "The storm wrecked six vans in Tarnby.")
	if !listedPart(s.figure(t, "a1", "four vans")) || listedPart(s.figure(t, "a2", "six vans")) {
		t.Error("a figure listed after another is no part, or a lone one is")
	}
}

// A count of two is held against another figure in sentences paired as one
// fact, though the sentences were not grouped into a fact of the story.
func TestCountOfTwoPaired(t *testing.T) {
	x1 := " Fishermen in Dunmore said the season was lost. The mayor, Orla Brant, thanked volunteers."
	x2 := " Schools in Tarnby stayed closed for a week. A relief fund opened at the town hall."
	s := innerStory(t, "The deputy is survived by two sons."+x1, "He is survived by 4 sons and a brother."+x2)
	n := 0
	for _, c := range s.quantityConflicts() {
		if strings.Contains(c.Summary, "two sons") && strings.Contains(c.Summary, "4 sons") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d conflicts of two sons and 4 sons, want 1", n)
	}
}

// The same exact number of people and of a kind of person in like
// sentences is one figure of the story; a different number, or unlike
// sentences, are not joined.
func TestSamePeopleJoinsKindOfPerson(t *testing.T) {
	s := innerStory(t,
		"Seven people were missing and presumed dead after the Dunmore ferry sank on Tuesday.",
		"Seven deckhands were missing and presumed dead after the Dunmore ferry sank.",
		"Nine deckhands were missing after the Dunmore ferry sank, the coast guard said.",
		"Seven engineers from Kessel designed the Dunmore ferry's new engine in 2019.")
	people, deck := s.figure(t, "a1", "Seven people"), s.figure(t, "a2", "Seven deckhands")
	if !samePeople(people, deck) {
		t.Error("seven people / seven deckhands missing: not one figure")
	}
	if samePeople(people, s.figure(t, "a3", "Nine deckhands")) {
		t.Error("seven people / nine deckhands joined as one figure")
	}
	if samePeople(s.figure(t, "a4", "Seven engineers"), people) {
		t.Error("seven engineers who designed an engine joined with seven people missing")
	}
	var joined bool
	for _, f := range s.quantityFacts() {
		if len(f.Evidence) == 2 && f.Evidence[0].Article == "a1" && f.Evidence[1].Article == "a2" {
			joined = true
		}
	}
	if !joined {
		for _, f := range s.quantityFacts() {
			t.Log(f.Summary)
		}
		t.Error("no fact holding a1's and a2's sevens alone")
	}
}

// The same ordinal in like sentences of two outlets is one fact, whatever
// noun follows it; a date's ordinal, another number or an unlike sentence
// are not.
func TestRankFacts(t *testing.T) {
	s := innerStory(t,
		"Cardinal Ilse Varga was elected the 112th abbess of Dunmore on Friday.",
		"The conclave chose Ilse Varga as the 112th head of the Dunmore abbey on Friday.",
		"Ilse Varga, elected the 113th abbess of Dunmore, spoke on May 12th.",
		"The 112th regiment paraded through Kessel in the rain.")
	var got []parallax.Fact
	for _, f := range s.rankFacts() {
		got = append(got, f)
	}
	if len(got) != 1 {
		t.Fatalf("rank facts: %d, want 1: %+v", len(got), got)
	}
	f := got[0]
	if len(f.Evidence) != 2 || f.Evidence[0].Article != "a1" || f.Evidence[1].Article != "a2" {
		t.Errorf("rank fact evidence: %+v, want a1 and a2", f.Evidence)
	}
	if !strings.Contains(f.Summary, "112th abbess") || !strings.Contains(f.Summary, "112th head") {
		t.Errorf("rank fact summary %q: want both forms", f.Summary)
	}
	for _, u := range s.units {
		if u.art.Article.ID == "a3" && (len(u.ords) != 1 || u.ords[0].Value != 113) {
			t.Errorf("a3's ordinals %+v, want the 113th alone (May 12th is a date)", u.ords)
		}
	}
}

// Two outlets' matching sentences that give another figure alike and,
// once the agreeing figures are paired off, one figure of a kind each
// dispute that figure; not when another pair of figures differs too (counts
// of another scope), when the figures are tied to two people, or when the
// figure paired by value stands in other words than the ones left.
func TestLeftOver(t *testing.T) {
	x1 := " Fishermen in Dunmore said the season was lost. The mayor, Orla Brant, thanked volunteers."
	x2 := " Schools in Tarnby stayed closed for a week. A relief fund opened at the town hall."
	left := func(a1, a2, f1, f2 string) bool {
		t.Helper()
		s := innerStory(t, a1+x1, a2+x2)
		a, b := s.figure(t, "a1", f1), s.figure(t, "a2", f2)
		aa, _ := s.anchors(a)
		ab, _ := s.anchors(b)
		return s.leftOver(a, b, aa, ab, map[bestKey]*unit{})
	}
	for _, c := range []struct {
		a1, a2, f1, f2, what string
		want                 bool
	}{
		{"Rook Dalby passed for 310 yards and three touchdowns and Kip Varn returned a punt 40 yards as the Kessel Owls beat the Gulls.",
			"Rook Dalby completed 25 of 31 passes for 310 yards and 6 touchdowns as the Kessel Owls beat the Gulls.", "three", "6",
			"three and 6 touchdowns beside 310 yards alike", true},
		{"The epicentre was about 140 miles from Marlow and the quake struck at a depth of 22 miles, the survey said.",
			"The epicentre was about 85 miles ( 135 kilometres ) from Marlow at a depth of 22 miles ( 35 kilometres ), the survey said.", "about 140", "about 85",
			"140 and 85 miles beside a depth alike and conversions", true},
		{"The patrol boat Marlow has seized 14 rifles , 31 magazines and 900 rounds off Kessel this month.",
			"The patrol boat Marlow has seized 6 rifles , 12 magazines and 900 rounds off Kessel this month.", "31", "12",
			"magazines of another scope, the rifles differing too", false},
		{"Kip Varn had 226 yards on 22 carries for the Owls , and Rook Dalby ran for 101 yards .",
			"Rook Dalby added 101 yards on the ground for the Owls , who had 352 yards rushing .", "226", "352",
			"two players' yards beside one player's alike", false},
		{"What nobody dreamed of is eight hours of use on one charge of the new Kessel model, up from five hours before on the old one.",
			"Brant said the Kessel laptop gives five hours of use on one charge and four hours with the faster chip.", "eight", "four",
			"a figure paired by value in other words than the ones left", false},
	} {
		if got := left(c.a1, c.a2, c.f1, c.f2); got != c.want {
			t.Errorf("%s: one fact %v, want %v", c.what, got, c.want)
		}
	}
}

// A figure no other outlet gives, held against the one three others give
// in words alike near it, is one fact reported two ways; not when only two
// others give it, nor when its own article gives the others' value too.
func TestOutlier(t *testing.T) {
	lead := []string{
		"Tolliver Mills will buy the loom maker Varn Textiles for $ 510 million , the companies said on Monday in Lowmere .",
		"Tolliver Mills agreed to buy the loom maker Varn Textiles for $ 180 million , a deal announced Monday .",
		"Shares rose after Tolliver Mills said it would buy the loom maker Varn Textiles for $ 180 million .",
		"Analysts welcomed the plan of Tolliver Mills to buy the loom maker Varn Textiles for $ 180 million in cash .",
		"In Lowmere , Tolliver Mills said it will buy the loom maker Varn Textiles for $ 180 million .",
	}
	held := func(texts ...string) bool {
		t.Helper()
		s := innerStory(t, texts...)
		qs := s.quantitiesWith(informative)
		anch := make([]map[int]bool, len(qs))
		for k := range qs {
			anch[k], _ = s.anchors(qs[k])
		}
		for i, a := range qs {
			for j, b := range qs {
				if a.u.art.Article.ID == "a1" && strings.Contains(a.q.Text, "510") && b.u.art.Article.ID == "a2" && s.outlier(qs, i, j, anch) {
					return true
				}
			}
		}
		return false
	}
	if !held(lead...) {
		t.Error("$510 million against $180 million in three other outlets: not held")
	}
	if held(lead[:3]...) {
		t.Error("held against the figure of two other outlets only")
	}
	// a third outlet's sentence alike as a whole backs the others though
	// only one word near its figure is shared
	if !held(append(lead[:3:3], "The loom maker Varn Textiles , bought by Tolliver Mills of Lowmere on Monday , fetched $ 180 million in cash and shares , the companies said .",
		"Fishermen in Dunmore said the season was lost.", "Schools in Tarnby stayed closed for a week.", "A relief fund opened at the town hall in Brakel.")...) {
		t.Error("not held with a third outlet alike in its sentence but one word near the figure")
	}
	if held(append([]string{lead[0] + " Of the price, $ 180 million is in cash."}, lead[1:]...)...) {
		t.Error("held though its own article gives the others' value too")
	}
}

// Two running counts or estimates in one sentence retold with another
// figure dispute it; a forecast against a result does not.
func TestBothProvisionalRetold(t *testing.T) {
	count := func(want string, texts ...string) int {
		t.Helper()
		s := innerStory(t, texts...)
		n := 0
		for _, c := range s.quantityConflicts() {
			if strings.Contains(c.Summary, want) {
				n++
			}
		}
		return n
	}
	if n := count("75 boxes",
		"So far , the Kessel coast guard has seized 9 crates and 40 boxes of fireworks from smugglers at the port .",
		"So far , the Kessel coast guard has seized 9 crates and 75 boxes of fireworks from smugglers at the port ."); n != 1 {
		t.Errorf("%d conflicts of 40 and 75 boxes seized so far, want 1", n)
	}
	if n := count("412",
		"The Coastal Party is expected to win 410 seats in the Kessel assembly , the exit poll said .",
		"The Coastal Party won 412 seats in the Kessel assembly , the count showed ."); n != 0 {
		t.Errorf("%d conflicts of a forecast and a result, want 0", n)
	}
}

// Two distances from one named place are one fact when what is measured
// is told alike, whatever else the sentences give (here each gives a
// second distance, from another place); two things measured from one city
// are not.
func TestDistanceFrom(t *testing.T) {
	st := storyOf(t,
		"The quake was centred 13 miles east of Brill and 35 miles southwest of Port Kessel, the survey said.",
		"The quake was centred 71 miles southwest of Port Kessel and four miles west of Tarn, the survey said.")
	cs := conflictsOfKind(st, "quantity")
	if len(cs) != 1 || !strings.Contains(cs[0].Summary, "35 miles") || !strings.Contains(cs[0].Summary, "71 miles") {
		t.Errorf("one distance from Port Kessel, two values: %+v", st.Conflicts)
	}
	for _, texts := range [][]string{
		{"The quake was centred 35 miles southwest of Port Kessel, the survey said.",
			"The quake was centred 71 miles northeast of Tarn, the survey said."},
		{"Workers evacuated the office building, about 24km north of Port Kessel, on Monday.",
			"A motorist 50 miles north of Port Kessel spotted the car on Monday night and called police."},
	} {
		if cs := conflictsOfKind(storyOf(t, texts...), "quantity"); len(cs) != 0 {
			t.Errorf("%q: %+v", texts, cs)
		}
	}
}

func TestCompassWord(t *testing.T) {
	for w, want := range map[string]bool{"southwest": true, "north-northeast": true, "away": true, "east": true, "of": false, "the": false, "": false} {
		if got := compassWord(w); got != want {
			t.Errorf("compassWord(%q) = %v, want %v", w, got, want)
		}
	}
}
