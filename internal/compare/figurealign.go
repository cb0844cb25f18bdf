package compare

import (
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/quantity"
)

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

// sameAddition: both figures count an addition ("seven other workers",
// "around 20 more people") in sentences retold as one: the same addition
// told with two counts, not an addition held against a whole.
func sameAddition(a, b qref, aa, ab map[int]bool) bool {
	return additive(a) && additive(b) && retold(a, b, aa, ab)
}

// bareAside: two sentences lined up as one fact (linedUp), each with one
// figure of this kind once bare numbers are set aside ("Ten fire engines
// were at the blaze before 9", "with 10 fire engines"), and neither giving
// the other's value anywhere: a bare number that is no count of this kind
// ("before 9", "ages 16 and 6") does not make the figure one of several.
func bareAside(a, b qref) bool {
	return linedUp(a, b) && onlyOfUnitKind(a) && onlyOfUnitKind(b) && !givesValue(a.u, b.q) && !givesValue(b.u, a.q)
}

// onlyOfUnitKind is onlyOfKind with bare numbers left out, save one
// followed by a word of addition, whose noun is left unsaid ("three more"
// after "six touchdowns"): that counts the same kind.
func onlyOfUnitKind(a qref) bool {
	for _, qi := range a.u.qtys {
		q := &a.u.art.Quantities[qi]
		if qi == a.i {
			continue
		}
		if q.Unit == "" && additiveWords.Has(nounAfter(qref{a.u, qi, q})) || q.Unit != "" && quantity.SameThing(*a.q, *q) {
			return false
		}
	}
	return true
}

// samePersonAge: a and b are ages of one person: each the one age of its
// sentence, and the person each is of (ageOwner) the same.
func (s *story) samePersonAge(a, b qref, aa, ab map[int]bool, strongA, strongB bool) bool {
	if a.q.Head != "age" || b.q.Head != "age" || !onlyOfKind(a) || !onlyOfKind(b) {
		return false
	}
	p := s.ageOwner(a, aa, strongA)
	return p >= 0 && p == s.ageOwner(b, ab, strongB)
}

// ageOwner is the person an age is of: the one name it is written onto
// ("Dana Roe, 41,", "41-year-old Dana Roe"), or the name it stands in
// apposition to with an article between ("Roe, a 41-year-old baker");
// -1 when none. An age elsewhere in a sentence that names one person may
// be another's ("the 41-year-old was arrested after Roe was shot").
func (s *story) ageOwner(q qref, anchors map[int]bool, strong bool) int {
	if strong && len(anchors) == 1 {
		for g := range anchors {
			return g
		}
	}
	text := q.u.art.Article.Text
	for i := range q.u.art.Entities {
		e := &q.u.art.Entities[i]
		if e.Type != parallax.Person {
			continue
		}
		for _, m := range e.Mentions {
			if m.End > q.q.Span.Start || m.Start < q.u.span.Start {
				continue
			}
			between := strings.Fields(strings.ToLower(text[m.End:q.q.Span.Start]))
			if len(between) == 2 && between[0] == "," && (between[1] == "a" || between[1] == "an") {
				return s.ents.groupOf(e.Name)
			}
		}
	}
	return -1
}

// exclusivePair: a and b are one fact's two figures by elimination — each
// the one figure of its kind in its sentence, the other article giving
// its value for that kind nowhere, and each the other's sentence's
// closest figure of the kind in its article (mutual best by contextSim),
// in sentences alike (minLooseSim) sharing minSlotWindow content words near
// the figures, or less alike (minCountSim) sharing three. Looser (two words
// at minCountSim, or one) raised false disputes between a game's different
// plays and other counts on the stress test's unperturbed stories. A span
// of time counted up to the telling ("after six weeks of") grows from one
// article to the next and is left out, as are spans in two units.
func (s *story) exclusivePair(qs []qref, i, j int, anch []map[int]bool) bool {
	a, b := qs[i], qs[j]
	if otherAnchors(anch[i], anch[j]) || isDuration(a.q) && (elapsed(a) || elapsed(b) || a.q.Unit != b.q.Unit) || a.q.Head == "age" && !sharesAnchor(anch[i], anch[j]) ||
		yearNumber(a) || yearNumber(b) || listedPart(a) || listedPart(b) || converted(a) || converted(b) ||
		!onlyOfKind(a) || !onlyOfKind(b) || !(sharedWindow(a, b) >= minSlotWindow && contextSim(a.u, b.u) >= minLooseSim || sharedWindow(a, b) >= 3 && contextSim(a.u, b.u) >= minCountSim) {
		return false
	}
	return closestIn(qs, i, b.u.art, j) && closestIn(qs, j, a.u.art, i)
}

// closestIn: of the figures of qs[i]'s kind in art, qs[j] stands in the
// sentence most like qs[i]'s, strictly; and none of them has qs[i]'s value.
func closestIn(qs []qref, i int, art *parallax.Analysis, j int) bool {
	a := qs[i]
	best := contextSim(a.u, qs[j].u)
	for k, x := range qs {
		if k == j || x.u.art != art || !quantity.SameThing(*a.q, *x.q) {
			continue
		}
		if compatible(x.q, a.q) || x.u != qs[j].u && contextSim(a.u, x.u) >= best {
			return false
		}
	}
	return true
}
