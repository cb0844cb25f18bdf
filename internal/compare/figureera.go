package compare

// yearAside: only one of two sentences names a year other than the
// story's, and the two are otherwise plainly one fact — they give another
// figure alike (agreeingFigure: "59 catches for 1,098 yards in 2008" and
// "59 receptions, 1,098 yards"), they were lined up as one fact
// (linedUp), or both figures are written onto the same name ("Dana Roe,
// 41, will start in 2031" and "41-year-old Dana Roe"). The year then
// dates something else the sentence tells, not the figure: the sentences
// are of one era. Two sentences naming different years stay two eras.
func yearAside(a, b qref, aa, ab map[int]bool, strongA, strongB bool, story map[string]bool) bool {
	ya, yb := otherYears(a.u), otherYears(b.u)
	for y := range story {
		delete(ya, y)
		delete(yb, y)
	}
	if (len(ya) == 0) == (len(yb) == 0) {
		return false
	}
	return agreeingFigure(a, b) || linedUp(a, b) || strongA && strongB && sharesAnchor(aa, ab)
}
