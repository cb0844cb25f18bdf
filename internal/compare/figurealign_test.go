package compare

import (
	"strings"
	"testing"
)

// A year only one of two sentences names dates something else they tell
// when they give another figure alike; without such a tie, or with two
// different years, the sentences stay of two eras.
func TestYearAside(t *testing.T) {
	s := innerStory(t,
		"Dana Roe had her best season in 2019 with 64 catches for 912 yards and nine touchdowns for the Kessel Owls.",
		"Dana Roe set career highs of 64 receptions, 912 yards and 14 touchdowns for the Kessel Owls.",
		"Dana Roe scored 14 touchdowns for the Kessel Owls, her coach said.",
		"Dana Roe had 64 catches for 912 yards and 14 touchdowns in 2017 for the Kessel Owls.")
	ys := s.storyYears()
	a, b := s.figure(t, "a1", "nine touchdowns"), s.figure(t, "a2", "14 touchdowns")
	if eraAgrees(a.u, b.u, ys) {
		t.Fatal("fixture: the year should set the sentences apart without yearAside")
	}
	if !yearAside(a, b, nil, nil, false, false, ys) {
		t.Error("a year in one of two sentences giving 64 catches and 912 yards alike kept them apart")
	}
	if c := s.figure(t, "a3", "14 touchdowns"); yearAside(a, c, nil, nil, false, false, ys) {
		t.Error("a year in one sentence set aside with no other figure alike")
	}
	if d := s.figure(t, "a4", "14 touchdowns"); yearAside(a, d, nil, nil, false, false, ys) {
		t.Error("sentences naming two different years set in one era")
	}
}

// Two outlets counting the same addition in one sentence retold dispute it;
// an addition against a whole does not line up.
func TestSameAddition(t *testing.T) {
	s := innerStory(t,
		"Nine other crew members were found hiding in the engine room of the Kessel freighter.",
		"Four other crew members were found hiding in the engine room of the Kessel freighter.",
		"Four crew members were found hiding in the engine room of the Kessel freighter.",
		"Fishermen in Dunmore said the season was lost.",
		"Schools in Tarnby stayed closed for a week.")
	a, b, c := s.figure(t, "a1", "Nine"), s.figure(t, "a2", "Four"), s.figure(t, "a3", "Four")
	if !sameAddition(a, b, nil, nil) {
		t.Error("one addition retold with two counts not lined up")
	}
	if sameAddition(a, c, nil, nil) {
		t.Error("an addition lined up with a whole")
	}
}

// A bare number that counts nothing of the figure's kind ("before 9") does
// not keep two lined-up sentences' figures apart; one standing for the same
// kind with its noun left unsaid ("three more") does.
func TestBareAside(t *testing.T) {
	s := innerStory(t,
		"Twelve fire engines were tackling the blaze at the Kessel depot before 9 on Sunday.",
		"Crews with 30 fire engines were tackling the blaze at the Kessel depot on Sunday.",
		"Dana Roe scored six touchdowns for the Kessel Owls and added three more on returns.",
		"Dana Roe scored four touchdowns for the Kessel Owls on returns.")
	a, b := s.figure(t, "a1", "Twelve"), s.figure(t, "a2", "30")
	if !linedUp(a, b) {
		t.Fatal("fixture: the blaze sentences should be lined up")
	}
	if onlyOfKind(a) || !bareAside(a, b) {
		t.Error("a bare time kept the fire engines apart")
	}
	c, d := s.figure(t, "a3", "six"), s.figure(t, "a4", "four")
	if linedUp(c, d) && bareAside(c, d) {
		t.Error("'three more' set aside as no count of touchdowns")
	}
}

// Ages written onto one person's name, or in apposition to it, are that
// person's in every sentence; an age beside a name it is not written onto
// may be another person's.
func TestSamePersonAge(t *testing.T) {
	s := innerStory(t,
		"Dana Roe , a 41-year-old baker from Kessel , was taken to hospital after the fire .",
		"Firefighters said Dana Roe , 44 , was pulled from the burning bakery on Sunday .",
		"Dana Roe was pulled from the bakery by a 35-year-old neighbour , police said .",
		"Fishermen in Dunmore said the season was lost.")
	a, b, c := s.figure(t, "a1", "41"), s.figure(t, "a2", "44"), s.figure(t, "a3", "35")
	aa, sa := s.anchors(a)
	ab, sb := s.anchors(b)
	ac, sc := s.anchors(c)
	if !s.samePersonAge(a, b, aa, ab, sa, sb) {
		t.Error("ages in apposition to and written onto one name not lined up")
	}
	if s.samePersonAge(c, b, ac, ab, sc, sb) {
		t.Error("a neighbour's age lined up with the named person's")
	}
}

// Two outlets' one figures of a kind in sentences alike, each the closest
// of the kind in its article, and neither article giving the other's value,
// are one fact by elimination; not when the other article gives the value
// for that kind elsewhere.
func TestExclusivePair(t *testing.T) {
	pair := func(texts ...string) bool {
		t.Helper()
		s := innerStory(t, texts...)
		qs := s.quantitiesWith(informative)
		anch := make([]map[int]bool, len(qs))
		for k := range qs {
			anch[k], _ = s.anchors(qs[k])
		}
		for i, a := range qs {
			for j, b := range qs {
				if a.u.art.Article.ID == "a1" && strings.Contains(a.q.Text, "40") && b.u.art.Article.ID == "a2" && strings.Contains(b.q.Text, "95") {
					return s.exclusivePair(qs, i, j, anch)
				}
			}
		}
		t.Fatal("fixture: figures not found")
		return false
	}
	fill := []string{"Fishermen in Dunmore said the season was lost.", "Schools in Brakel stayed closed for a week.", "A relief fund opened at the town hall in Lowmere."}
	a1 := "The ferry carried 40 passengers when it ran aground near Tarnby on Sunday , the coast guard said ."
	a2 := "The ferry had 95 passengers aboard when it ran aground near Tarnby , coast guard officials said ."
	if !pair(append([]string{a1, a2}, fill...)...) {
		t.Error("the one passenger count of two alike sentences not paired")
	}
	if pair(append([]string{a1, a2 + " Another 40 passengers had left the ferry at Dunmore ."}, fill...)...) {
		t.Error("paired though the other article gives the value too")
	}
}

// A span of time is paired by elimination like any figure, unless it is
// counted up to the telling ("after six weeks of"), which grows from one
// article to the next.
func TestExclusivePairDuration(t *testing.T) {
	pair := func(x, y string) bool {
		t.Helper()
		s := innerStory(t, x, y, "Fishermen in Dunmore said the season was lost.", "Schools in Brakel stayed closed for a week.", "A relief fund opened at the town hall in Lowmere.")
		qs := s.quantitiesWith(informative)
		anch := make([]map[int]bool, len(qs))
		for k := range qs {
			anch[k], _ = s.anchors(qs[k])
		}
		for i, a := range qs {
			for j, b := range qs {
				if a.u.art.Article.ID == "a1" && strings.Contains(a.q.Text, "six") && b.u.art.Article.ID == "a2" && strings.Contains(b.q.Text, "11") {
					return s.exclusivePair(qs, i, j, anch)
				}
			}
		}
		t.Fatal("fixture: figures not found")
		return false
	}
	if !pair("The strike at the mill lasted six weeks before a pay deal was signed , the union said .",
		"The union said the strike at the mill lasted 11 weeks before a pay deal was signed .") {
		t.Error("two lengths of one strike not paired")
	}
	if pair("The pay deal at the mill was signed after six weeks of strikes , the union said .",
		"The union said the pay deal at the mill was signed after 11 weeks of strikes .") {
		t.Error("spans counted up to the telling paired")
	}
}
