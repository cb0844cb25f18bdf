package compare

import "testing"

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
