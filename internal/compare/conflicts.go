package compare

import (
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/analyze/gazetteer"
	"github.com/parallaxnews/parallax/internal/lang"
	"github.com/parallaxnews/parallax/internal/quantity"
)

// conflicts finds where outlets disagree: incompatible figures for the
// same thing, one name spelt two ways, and the same people asserted guilty
// by one outlet and described as accused, or as having no record, by another.
func (s *story) conflicts() []parallax.Conflict {
	var out []parallax.Conflict
	out = append(out, s.quantityConflicts()...)
	out = append(out, s.nameConflicts()...)
	// a verdict is no dispute with words written before it (laterStage);
	// a group called criminals without a verdict keeps both sides
	out = append(out, slices.DeleteFunc(s.hedgeConflicts(), func(c parallax.Conflict) bool {
		return s.laterStage(c) && hasVerdict(c.Sides[0][0].Text)
	})...)
	out = append(out, s.personConflicts()...)
	members := s.membershipConflicts()
	out = append(out, members...)
	out = append(out, s.dateConflicts()...)
	out = append(out, s.dateSlotConflicts(out)...)
	out = append(out, s.factDateConflicts(out)...)
	out = append(out, s.actDateConflicts(out)...)
	out = append(out, s.wordDateConflicts(out)...)
	out = append(out, s.denialConflicts()...)
	out = append(out, s.claimConflicts()...)
	out = append(out, s.namedYearConflicts()...)
	out = append(out, s.eventConflicts()...)
	out = append(out, s.recordConflicts()...)
	out = append(out, s.selfConflicts()...)
	out = append(out, s.outcomeConflicts()...)
	out = append(out, s.partsConflicts()...)
	// a named person's case moves on: "convicted" after "accused" (figures
	// and groups of people are no one's case and keep both sides)
	// a hedge on a membership ("an alleged gang member") is that
	// membership's conflict, told once with its group
	out = append(out, slices.DeleteFunc(s.modalityConflicts(), func(c parallax.Conflict) bool {
		return s.laterStage(c) || sameEvidence(c, members)
	})...)
	for i := range out {
		if out[i].Label == "" {
			out[i].Label = parallax.LabelContradiction
			if out[i].Kind == "characterization" {
				out[i].Label = parallax.LabelCharacterization
			}
		}
	}
	out = dropRedundant(out)
	// the conflicts most outlets take part in first
	sort.SliceStable(out, func(i, j int) bool { return out[i].Outlets() > out[j].Outlets() })
	return out
}

// sameEvidence: another conflict cites, on two of its sides, words that
// overlap c's on two of c's sides, in the same articles.
func sameEvidence(c parallax.Conflict, others []parallax.Conflict) bool {
	overlaps := func(xs, ys []parallax.Evidence) bool {
		for _, x := range xs {
			for _, y := range ys {
				if x.Article == y.Article && x.Start < y.End && y.Start < x.End {
					return true
				}
			}
		}
		return false
	}
	for _, o := range others {
		hits := 0
		for _, cs := range c.Sides {
			for _, os := range o.Sides {
				if overlaps(cs, os) {
					hits++
					break
				}
			}
		}
		if hits >= 2 {
			return true
		}
	}
	return false
}

// dropRedundant drops a conflict that another of the same kind and
// subject already holds: it cites some of the same words, and its articles
// all stand in the other, each on a side apart from the articles it
// disputes ("three people" / "five people" and, from a headline, "three
// people" / "five hurt"). One disagreement is shown once.
func dropRedundant(cs []parallax.Conflict) []parallax.Conflict {
	sideOf := func(c parallax.Conflict) map[string]int {
		m := map[string]int{}
		for i, side := range c.Sides {
			for _, e := range side {
				m[e.Article] = i
			}
		}
		return m
	}
	within := func(b, a parallax.Conflict) bool {
		if a.Kind != b.Kind || a.Subject != b.Subject || a.Label != b.Label {
			return false
		}
		// and one of its statements is the other's: the same words of one
		// article (two figures disputed by the same outlets in other
		// sentences are two disagreements)
		same := false
		for _, side := range b.Sides {
			for _, e := range side {
				for _, sa := range a.Sides {
					for _, f := range sa {
						same = same || e.Article == f.Article && e.Start == f.Start && e.End == f.End
					}
				}
			}
		}
		if !same {
			return false
		}
		sa, sb := sideOf(a), sideOf(b)
		for x, i := range sb {
			if _, ok := sa[x]; !ok {
				return false
			}
			for y, j := range sb {
				if i != j && sa[x] == sa[y] {
					return false
				}
			}
		}
		return true
	}
	var out []parallax.Conflict
	for i, b := range cs {
		redundant := false
		for j, a := range cs {
			// of two that hold each other, the first stays
			if i != j && within(b, a) && (!within(a, b) || j < i) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, b)
		}
	}
	return out
}

// anchors are the entities a figure is about: a name right after it ("40-
// year-old Miguel Luna", "948-foot-long container ship named Dali") or the
// nearest name before it in its clause ("Labour had 412 seats and the
// Tories 121": Labour for 412, the Tories for 121).
func (s *story) anchors(q qref) (map[int]bool, bool) {
	a := q.u.art
	text := a.Article.Text
	out := map[int]bool{}
	bestBefore, bestDist := -1, 1<<30
	attached := -1
	for i := range a.Entities {
		g := s.ents.groupOf(a.Entities[i].Name)
		if g < 0 {
			continue
		}
		for _, sp := range a.Entities[i].Mentions {
			if sp.Start < q.u.span.Start || sp.End > q.u.span.End {
				continue
			}
			if sp.Start >= q.q.Span.End {
				// not across a conjunction: in "412 seats and the Tories 121"
				// the Tories begin the next figure's clause
				// nor across a preposition: "16 points for the Tar Heels" are
				// a player's points, not the team's
				if between := text[q.q.Span.End:sp.Start]; len(strings.Fields(between)) <= 4 && !strings.ContainsAny(between, ",;:.") && !hasWord(between, conjunctions...) && !hasPreposition(between) {
					out[g] = true
				}
				continue
			}
			if sp.End <= q.q.Span.Start {
				between := text[sp.End:q.q.Span.Start]
				if strings.TrimSpace(between) == "," {
					attached = g // "Winston Blackmore, 52,": the figure in apposition
					continue
				}
				if relClause(between) && len(strings.Fields(between)) <= 8 {
					// "Garrard, who completed 28 passes": the name is the
					// relative clause's subject
				} else if strings.ContainsAny(between, ",;:") || hasWord(between, conjunctions...) || len(strings.Fields(between)) > 8 {
					continue
				}
				if d := q.q.Span.Start - sp.End; d < bestDist {
					bestBefore, bestDist = g, d
				}
			}
		}
	}
	// a figure written onto a name ("40-year-old Miguel Luna") is about
	// that name alone, not also about one named earlier in the clause
	if len(out) == 0 && attached >= 0 {
		out[attached] = true
	}
	if len(out) > 0 {
		return out, true // written onto the name: "40-year-old Miguel Luna", "Blackmore, 52,"
	}
	if bestBefore >= 0 {
		out[bestBefore] = true
	}
	return out, false
}

// relClause: the words between a name and a figure open a relative clause
// on the name (", who won 28 seats", ", which employs 300 people").
func relClause(between string) bool {
	t := strings.TrimSpace(between)
	if !strings.HasPrefix(t, ",") {
		return false
	}
	rest := strings.TrimSpace(t[1:])
	w := strings.Fields(strings.ToLower(rest))
	return len(w) > 0 && relativePronouns.Has(w[0]) && !strings.ContainsAny(rest, ",;:")
}

var relativePronouns = lang.Words("relative_pronouns")

// hasPreposition: a word of s is a preposition.
func hasPreposition(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if prepositions.Has(w) {
			return true
		}
	}
	return false
}

// conjunctions that start another clause or conjunct, which a figure's
// name does not reach across.
var conjunctions = lang.Words("conjunct_boundaries", "en").Entries()

func hasWord(s string, words ...string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		for _, x := range words {
			if w == x {
				return true
			}
		}
	}
	return false
}

// window returns the content-word stems around a figure, unit words excluded.
func figureWindow(q qref, n int) map[string]bool {
	text := q.u.art.Article.Text
	before := strings.Fields(text[q.u.span.Start:q.q.Span.Start])
	after := strings.Fields(text[q.q.Span.End:q.u.span.End])
	if len(before) > n {
		before = before[len(before)-n:]
	}
	if len(after) > n {
		after = after[:n]
	}
	unit := map[string]bool{}
	for _, w := range contentWords(q.q.Text) {
		unit[stem(w, q.u.art.Language)] = true
	}
	out := map[string]bool{}
	for _, w := range contentWords(strings.Join(append(before, after...), " ")) {
		if st := stem(w, q.u.art.Language); !unit[st] && !isNumber(w) {
			out[st] = true
		}
	}
	return out
}

func isNumber(w string) bool {
	for _, r := range w {
		if (r < '0' || r > '9') && r != '.' && r != ',' {
			return false
		}
	}
	return w != ""
}

// compatible: the figures can both be true; measures within 1% are one
// figure rounded two ways (984 and 985 feet).
func compatible(a, b *parallax.Quantity) bool {
	if quantity.Compatible(*a, *b) {
		return true
	}
	if isCount(a) || a.Value == nil || b.Value == nil || a.Unit != b.Unit {
		return false
	}
	x, y := *a.Value, *b.Value
	return x > 0 && y > 0 && (x-y)/x < 0.01 && (y-x)/y < 0.01 && a.Unit != "years"
}

// aboutKey: two figures are about the same thing — they share what they
// are about (the key is that entity group), or, with nothing named, the
// words around them (the key is "").
func (s *story) aboutKey(a, b qref, aa, ab map[int]bool) (string, bool) {
	best := -1
	for g := range aa {
		if ab[g] && (best < 0 || g < best) {
			best = g
		}
	}
	if best >= 0 {
		return strconv.Itoa(best), contextSim(a.u, b.u) >= minAnchoredSim
	}
	if len(aa) > 0 && len(ab) > 0 {
		return "", false // each about something else named
	}
	if isCount(a.q) || isCount(b.q) {
		// a count about nothing named: when both count the same event
		// ("14 injured" and "41 people were injured"), or the same thing
		// in sentences that tell the same ("23 pirates", "59 Somali pirates")
		if p := predicate(a); p != "" && p == predicate(b) {
			return "pred:" + p, contextSim(a.u, b.u) >= minCountSim
		}
		if h := a.q.Head; h != "" && h == b.q.Head && predicate(a) == "" && predicate(b) == "" {
			return "head:" + h, contextSim(a.u, b.u) >= minLooseSim
		}
		return "", false
	}
	wa, wb := figureWindow(a, 6), figureWindow(b, 6)
	shared := 0
	for w := range wa {
		if wb[w] {
			shared++
		}
	}
	return "", shared >= 2 && contextSim(a.u, b.u) >= minLooseSim
}

// sharedWindow counts the content stems that the six words either side of
// two figures share: "Bush missed four games" and "Bush played in 10 games"
// share only the name; the same fact retold shares its verb and its object.
func sharedWindow(a, b qref) int { return sharedNear(a, b, 6) }

// sharedNear counts the content stems that the n words either side of two
// figures share.
func sharedNear(a, b qref, n int) int {
	wa, wb := figureWindow(a, n), figureWindow(b, n)
	shared := 0
	for w := range wa {
		if wb[w] {
			shared++
		}
	}
	return shared
}

var (
	minSharedWindow  = 4
	weakAnchorCredit = 0 // a name before the figure in its clause lowers the need by this much
	eventCredit      = 3 // and so does counting the same kind of event
)

// How alike two sentences must be for their figures to be one fact: about
// the same named thing, a count of the same event, or neither. Precision
// first: set on the conflict stress test's unperturbed stories, where
// every conflict raised is a false alarm candidate.
var (
	minAnchoredSim = 0.05
	minCountSim    = 0.1
	minLooseSim    = 0.25
)

// provisionalMarkers say a figure is a forecast or a running count;
// finalMarkers that the writer presents it as the result.
var (
	provisionalMarkers = lang.Words("provisional_markers")
	finalMarkers       = lang.Words("final_markers")
)

var partialCount = regexp.MustCompile(`(?i)\b(\d[\d,]*) (?:election )?results (?:have been |had been )?(?:declared|counted|in)\b|\b(\d[\d,]*) (?:of|out of) (?:the )?(\d[\d,]*)\b[^.]{0,40}\b(?:declared|counted|reported)\b`)

// nearlyAll is the share of a count past which it is read as the result.
const nearlyAll = 0.99

// runningCount: the article says its count is partial ("With 545 results
// declared", "after 648 of the 650 seats had been declared"); its counts are
// snapshots, not claims to hold against final figures.
func runningCount(text string) bool {
	for _, m := range partialCount.FindAllStringSubmatch(text, -1) {
		if m[1] != "" {
			return true
		}
		if n, err := strconv.Atoi(strings.ReplaceAll(m[2], ",", "")); err == nil {
			// a count all but complete ("648 of the 650 seats declared")
			// is the result for any figure it gives: two missing seats
			// cannot move a party's total by more than two
			if total, err := strconv.Atoi(strings.ReplaceAll(m[3], ",", "")); err == nil && float64(n) < nearlyAll*float64(total) {
				return true
			}
		}
	}
	return false
}

// farApart: figures more than three times apart are seldom one figure
// misreported ("410 seats" and "three seats" count different things;
// a 38-year-old and a 9-year-old are two people). Precision first.
func farApart(a, b *parallax.Quantity) bool {
	la, ha, oka := a.Bounds()
	lb, hb, okb := b.Bounds()
	if !oka || !okb {
		return false
	}
	mid := func(lo, hi float64) float64 {
		if lo == 0 && hi < math.MaxFloat64/2 {
			return hi // "up to 8GB"
		}
		return (lo + min(hi, lo*10)) / 2
	}
	x, y := mid(la, ha), mid(lb, hb)
	if x <= 0 || y <= 0 {
		return false
	}
	if x < y {
		x, y = y, x
	}
	return x/y > 3
}

// isThreshold: "the 326 seats needed for a majority" is a bar, not a result.
func isThreshold(q qref) bool {
	text := q.u.art.Article.Text
	after := strings.Fields(strings.ToLower(text[q.q.Span.End:q.u.span.End]))
	for i := 0; i < len(after) && i < 3; i++ {
		if thresholdWords.Has(strings.Trim(after[i], ",.;:")) {
			return true // "270 electoral votes needed"
		}
	}
	before := strings.Fields(strings.ToLower(text[q.u.span.Start:q.q.Span.Start]))
	n := len(before)
	// "needed nine points", or with a function word between: "needed just nine points"
	return n > 0 && thresholdWords.Has(before[n-1]) ||
		n > 1 && thresholdWords.Has(before[n-2]) && len(contentWords(before[n-1])) == 0
}

var thresholdWords = lang.Words("threshold_words")

func headOf(q *parallax.Quantity) string {
	if q.Head != "" {
		return q.Head
	}
	return q.Unit
}

// isProvisional: the clause that gives the figure marks it as a forecast,
// or its sentence as a running count.
func isProvisional(q qref) bool {
	low := strings.ToLower(clause(q.u.art.Article.Text, q.u.span, q.q.Span, 14).Of(q.u.art.Article.Text))
	final := false
	for _, m := range finalMarkers.Entries() {
		if strings.Contains(low, m) {
			final = true // "Final figures show Labour is expected to win 410": claimed final
		}
	}
	for _, m := range provisionalMarkers.Entries() {
		if strings.Contains(low, m) && !final {
			return true
		}
	}
	sent := strings.ToLower(q.u.span.Of(q.u.art.Article.Text))
	for _, m := range sentenceMarkers.Entries() {
		if strings.Contains(sent, m) {
			return true
		}
	}
	return false
}

// sentenceMarkers scope over their whole sentence: "As of noon, …".
var sentenceMarkers = lang.Words("running_count_markers")

// isDenominator: "412 of the 650 seats": 650 is the whole, not a result.
func isDenominator(q qref) bool {
	text := q.u.art.Article.Text
	before := strings.Fields(strings.ToLower(text[q.u.span.Start:q.q.Span.Start]))
	if len(before) == 0 {
		return false
	}
	k := len(before) - 1
	if before[k] == "the" || before[k] == "all" {
		k--
	}
	if k < 0 || before[k] != "of" {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if w := strings.Trim(before[j], ",."); isNumber(w) && !yearLike(w) {
			return true // a year is no part: "the 1967 slayings of two women"
		}
	}
	return false
}

// yearLike: four digits that read as a year (1800–2100).
func yearLike(w string) bool {
	if len(w) != 4 {
		return false
	}
	n, err := strconv.Atoi(w)
	return err == nil && n >= 1800 && n <= 2100
}

// isDuration: a span of time that is not an age.
func isDuration(q *parallax.Quantity) bool {
	switch q.Unit {
	case "years", "days", "months", "weeks", "hours", "minutes", "seconds", "decades":
		return q.Head != "age"
	}
	return false
}

// differentPredicates: "64 people on board" and "67 people killed" count
// different things; the concept words right after a figure tell.
func differentPredicates(a, b qref) bool {
	ca, cb := predicate(a), predicate(b)
	return ca != cb && (ca != "" || cb != "")
}

// severity is the grade a count of the hurt is narrowed to ("seriously"
// in "dozens of others were seriously injured"), "" when none: "dozens
// seriously injured" and "250 injured" count different sets.
func severity(q qref) string {
	text := q.u.art.Article.Text
	after := strings.Fields(strings.ToLower(text[q.q.Span.End:q.u.span.End]))
	if len(after) > 4 {
		after = after[:4]
	}
	before := strings.Fields(strings.ToLower(text[q.u.span.Start:q.q.Span.Start]))
	if len(before) > 2 {
		before = before[len(before)-2:]
	}
	for _, w := range append(strings.Fields(strings.ToLower(q.q.Text)), append(before, after...)...) {
		if w = strings.Trim(w, ",.;:"); severityWords.Has(w) {
			return strings.TrimSuffix(w, "ly")
		}
	}
	return ""
}

var severityWords = lang.Words("severity_words", "en")

func predicate(q qref) string {
	text := q.u.art.Article.Text
	after := strings.Fields(text[q.q.Span.End:q.u.span.End])
	if len(after) > 3 {
		after = after[:3]
	}
	before := strings.Fields(text[q.u.span.Start:q.q.Span.Start])
	if len(before) > 2 {
		before = before[len(before)-2:]
	}
	words := append(contentWords(q.q.Text), contentWords(strings.Join(append(before, after...), " "))...)
	for _, w := range words {
		if c := lang.Concept(w); eventConcepts[c] {
			return c
		}
	}
	return ""
}

func (s *story) quantityConflicts() []parallax.Conflict {
	qs := s.quantitiesWith(func(q *parallax.Quantity) bool { return informative(q) || countOfTwo(q) })
	qs = slices.DeleteFunc(qs, func(q qref) bool { return quantity.SplitPiece(q.u.art.Article.Text, q.q.Span) })
	anch := make([]map[int]bool, len(qs))
	strong := make([]bool, len(qs)) // the figure is written onto its name
	for i := range qs {
		anch[i], strong[i] = s.anchors(qs[i])
	}
	// conflicting pairs, keyed by what they are about, so that a conflict
	// holds figures about one thing only
	groups := map[string][]int{}
	var order []string
	add := func(key string, i int) {
		if _, ok := groups[key]; !ok {
			order = append(order, key)
		}
		for _, x := range groups[key] {
			if x == i {
				return
			}
		}
		groups[key] = append(groups[key], i)
	}
	provisional := make([]bool, len(qs))
	running := map[*parallax.Analysis]bool{}
	for _, a := range s.arts {
		running[a] = runningCount(a.Article.Text)
	}
	tentative := make([]bool, len(qs)) // provisional by a marker of its clause or article, not a bar or a whole
	for i := range qs {
		q := qs[i].q
		tentative[i] = isProvisional(qs[i]) || running[qs[i].u.art] && (isCount(q) || q.Unit == "percent")
		provisional[i] = tentative[i] || isThreshold(qs[i]) || isDenominator(qs[i])
	}
	slots := s.functionalSlots(qs, anch, provisional)
	storyYears := s.storyYears()
	// figures found to be one fact pair by pair share one group
	retoldKey := map[int]string{}
	link := func(prefix string, i, j int) {
		key := prefix + strconv.Itoa(i)
		if k, ok := retoldKey[j]; ok {
			key = k
		}
		if k, ok := retoldKey[i]; ok {
			key = k
		}
		retoldKey[i], retoldKey[j] = key, key
		add(key, i)
		add(key, j)
	}
	best := map[bestKey]*unit{}
	for i := range qs {
		for j := i + 1; j < len(qs); j++ {
			a, b := qs[i], qs[j]
			if s.sameSource(a.u.art, b.u.art) || !quantity.SameThing(*a.q, *b.q) || compatible(a.q, b.q) {
				continue
			}
			if a.q.Value == nil && b.q.Value == nil {
				continue // vague figures are not claims to hold against others
			}
			if provisional[i] || provisional[j] {
				// nor are provisional ones, unless both are and one
				// sentence is retold with another figure: one estimate or
				// running count ("so far", "estimated") given two ways
				if !(tentative[i] && tentative[j] && retold(a, b, anch[i], anch[j])) {
					continue
				}
			}
			if partOf(a, b) || partOf(b, a) {
				continue // "$281m in cash and $53m in stock" are the parts of "$334 million"
			}
			if (additive(a) || additive(b)) && !sameAddition(a, b, anch[i], anch[j]) {
				continue // "three other rifles" counts an addition, not the set
			}
			if isCount(a.q) && (differentPredicates(a, b) || severity(a) != severity(b)) || !eraAgrees(a.u, b.u, storyYears) && !yearAside(a, b, anch[i], anch[j], strong[i], strong[j], storyYears) || farApart(a.q, b.q) {
				continue
			}
			if isDuration(a.q) && contextSim(a.u, b.u) < minLooseSim {
				continue // a span of time is one fact only in sentences that tell the same
			}
			if (countOfTwo(a.q) || countOfTwo(b.q)) && !retold(a, b, anch[i], anch[j]) && (a.u.fact < 0 || a.u.fact != b.u.fact) &&
				!s.pairedFact(a, b, anch[i], anch[j], best) {
				// two is a common count of many things in a story ("two
				// people rescued", "two boats"): it is held against another
				// figure only in a sentence lined up as the same fact, or
				// paired with it (pairedFact)
				continue
			}
			if retold(a, b, anch[i], anch[j]) {
				// one sentence retold with another figure: one fact,
				// whatever the words around the figures
				link("retold:", i, j)
				continue
			}
			if sk, named, ok := s.sharedSlot(a, b, anch[i], anch[j], slots); ok && s.slotContext(a, b, named) {
				key := "slot:" + sk + "|" + headOf(a.q)
				add(key, i)
				add(key, j)
				continue
			}
			if s.pairedFact(a, b, anch[i], anch[j], best) || s.leftOver(a, b, anch[i], anch[j], best) {
				// one fact told in two outlets' matching sentences
				link("paired:", i, j)
				continue
			}
			if s.outlier(qs, i, j, anch) || s.outlier(qs, j, i, anch) {
				// one outlet's figure against the one several others give
				// in words alike
				link("outlier:", i, j)
				continue
			}
			if s.sameDistanceFrom(a, b) {
				// "35 miles southwest of Bandar Abbas": one place's
				// distance from another named place
				link("from:", i, j)
				continue
			}
			if s.samePersonAge(a, b, anch[i], anch[j], strong[i], strong[j]) {
				link("age:", i, j)
				continue
			}
			if s.exclusivePair(qs, i, j, anch) {
				link("excl:", i, j)
				continue
			}
			key, ok := s.aboutKey(a, b, anch[i], anch[j])
			// the same fact: the two sentences were lined up as one fact,
			// or the words around the figures say the same
			// the words around the figures must say the same, the more so
			// the less the figures are tied to a name
			need := minSharedWindow
			switch {
			case strong[i] && strong[j] && key != "":
				need = 0
			case strings.HasPrefix(key, "pred:"):
				need = minSharedWindow - eventCredit // both count one kind of event: the dead, the injured
			case key != "" && !strings.HasPrefix(key, "head:"):
				need = minSharedWindow - weakAnchorCredit
			case contextSim(a.u, b.u) >= alikeSim(a) && onlyOfKind(a) && onlyOfKind(b) && (a.q.Head != "age" || nounAfter(a) == nounAfter(b)):
				// sentences that tell much the same, each with one figure
				// of this kind: the figure is that fact's whatever the
				// words right around it ("about 14 miles north-northeast of");
				// ages of the same kind of person only ("the 36-year-old
				// driver", "a 66-year-old woman")
				need = minSlotWindow
			}
			if !ok || sharedWindow(a, b) < need {
				continue
			}
			if key == "" {
				key = fmt.Sprintf("q%d", i)
			}
			key += "|" + headOf(a.q)
			add(key, i)
			add(key, j)
		}
	}
	order = dropSubsumed(order, groups)
	var out []parallax.Conflict
	for _, r := range order {
		// sides: compatible values together
		var sides [][]qref
		for _, i := range groups[r] {
			placed := false
			for k := range sides {
				if compatible(sides[k][0].q, qs[i].q) {
					if !hasArticle(sides[k], qs[i]) {
						sides[k] = append(sides[k], qs[i])
					}
					placed = true
					break
				}
			}
			if !placed {
				sides = append(sides, []qref{qs[i]})
			}
		}
		if len(sides) < 2 || splitArticle(sides) || sidesGiveEachOther(sides) {
			continue
		}
		isUpdate := updated(sides) || s.agedBetween(sides) // may put the sides in time order
		c := parallax.Conflict{Kind: "quantity"}
		var parts []string
		for _, side := range sides {
			var ev []parallax.Evidence
			var names []string
			for _, q := range side {
				sp := clause(q.u.art.Article.Text, q.u.span, q.q.Span, 40)
				ev = append(ev, s.evidence(q.u.art, sp))
				names = append(names, s.outletOf[q.u.art.Article.ID])
			}
			c.Sides = append(c.Sides, ev)
			parts = append(parts, fmt.Sprintf("%q (%s)", side[0].q.Text, strings.Join(names, ", ")))
		}
		subject := describeQuantity(sides[0][0].q)
		if g, err := strconv.Atoi(strings.SplitN(r, "|", 2)[0]); err == nil {
			subject = s.ents.groupName(g) + ": " + strings.ToLower(strings.TrimPrefix(subject, "Figure for "))
		}
		c.Subject = subject
		c.Summary = "Outlets give different figures — " + strings.Join(parts, " vs ")
		if isUpdate {
			c.Label = parallax.LabelUpdated
			c.Summary = "The figure changed over time — " + strings.Join(parts, " then ")
		}
		out = append(out, c)
	}
	return out
}

// sameDistanceFrom: two distances measure from the same named place, the
// name right after the figure past compass words, "of" or "from" and up to
// four words ("35 miles southwest of Bandar Abbas", "71 miles from the port
// of Bandar Abbas"). A story's place is mostly
// measured from one landmark once (an epicentre, a crash site); an article
// giving two distances from it is left out.
func (s *story) sameDistanceFrom(a, b qref) bool {
	if !quantity.IsLength(*a.q) || !quantity.IsLength(*b.q) {
		return false
	}
	ga, gb := s.distanceFrom(a), s.distanceFrom(b)
	if ga < 0 || ga != gb || !measuresAlike(a, b, s.ents.groupName(ga)) {
		return false
	}
	return s.oneDistanceFrom(a.u.art, ga) && s.oneDistanceFrom(b.u.art, gb)
}

// measuresAlike: the words around two distances, the place and the bearing
// left out, share a content word: what is measured is one thing ("the
// quake was centred"), not two from one city ("the office, 24km north of
// Kessel", "a motorist 50 miles north of Kessel").
func measuresAlike(a, b qref, place string) bool {
	skip := map[string]bool{}
	for _, w := range contentWords(place) {
		skip[stem(w, a.u.art.Language)] = true
	}
	wa, wb := figureWindow(a, 8), figureWindow(b, 8)
	for w := range wa {
		if wb[w] && !skip[w] && !compassWord(w) {
			return true
		}
	}
	return false
}

// distanceFrom is the entity group a distance is measured from, -1 when
// none is named right after it.
func (s *story) distanceFrom(q qref) int {
	text := q.u.art.Article.Text
	end := q.q.Span.End
	rest := text[end:q.u.span.End]
	ws := strings.Fields(rest)
	off := 0
	for k := 0; k < len(ws) && k < 5; k++ {
		w := strings.ToLower(strings.Trim(ws[k], ",."))
		off = strings.Index(rest, ws[k]) + len(ws[k])
		if w == "of" || w == "from" {
			at := end + off
			for i := range q.u.art.Entities {
				e := &q.u.art.Entities[i]
				for _, m := range e.Mentions {
					if m.Start > at && len(strings.Fields(text[at:m.Start])) <= 4 && !strings.ContainsAny(text[at:m.Start], ",;.") {
						return s.ents.groupOf(e.Name)
					}
				}
			}
			return -1
		}
		if !compassWord(w) {
			return -1
		}
	}
	return -1
}

// compassWord: a bearing between a distance and its "of"/"from" ("north",
// "south-southwest", "northeast"), or "away".
func compassWord(w string) bool {
	for _, part := range strings.Split(w, "-") {
		p := part
		for _, d := range []string{"north", "south", "east", "west"} {
			p = strings.ReplaceAll(p, d, "")
		}
		if p != "" && part != "away" {
			return false
		}
	}
	return w != ""
}

// oneDistanceFrom: the article measures no two different distances from
// the place g.
func (s *story) oneDistanceFrom(a *parallax.Analysis, g int) bool {
	var seen *parallax.Quantity
	for _, u := range s.units {
		if u.art != a {
			continue
		}
		for _, qi := range u.qtys {
			q := &a.Quantities[qi]
			if !quantity.IsLength(*q) || s.distanceFrom(qref{u: u, q: q, i: qi}) != g {
				continue
			}
			if seen != nil && !compatible(seen, q) {
				return false
			}
			seen = q
		}
	}
	return true
}

// countOfTwo: a count of exactly two ("two crew members").
func countOfTwo(q *parallax.Quantity) bool {
	return q.Value != nil && *q.Value == 2 && isCount(q)
}

// updated: the figures are one count told at different times, not a
// dispute — a count of a running kind (the dead, the injured, arrests,
// evacuations) whose values follow publication time, every article giving
// the later value published after every one giving the earlier; or an
// article that says its figure revised the other ("originally rated 4.4").
// Sides are then put in time order.
func updated(sides [][]qref) bool {
	for k, side := range sides {
		for _, q := range side {
			if revises(q, sides) {
				// the revising side is the later one
				last := sides[k]
				copy(sides[k:], sides[k+1:])
				sides[len(sides)-1] = last
				return true
			}
		}
	}
	for _, side := range sides {
		for _, q := range side {
			if !eventConcepts[predicate(q)] || q.u.art.Article.Published.IsZero() {
				return false
			}
		}
	}
	type span struct{ first, last time.Time }
	spans := make([]span, len(sides))
	for k, side := range sides {
		for _, q := range side {
			t := q.u.art.Article.Published
			if spans[k].first.IsZero() || t.Before(spans[k].first) {
				spans[k].first = t
			}
			if t.After(spans[k].last) {
				spans[k].last = t
			}
		}
	}
	idx := make([]int, len(sides))
	for k := range idx {
		idx[k] = k
	}
	sort.Slice(idx, func(i, j int) bool { return spans[idx[i]].first.Before(spans[idx[j]].first) })
	for k := 1; k < len(idx); k++ {
		if !spans[idx[k-1]].last.Before(spans[idx[k]].first) {
			return false // the values overlap in time: outlets disagree at one moment
		}
	}
	sorted := make([][]qref, len(sides))
	for k, i := range idx {
		sorted[k] = sides[i]
	}
	copy(sides, sorted)
	return true
}

// maxAgedYears is the most years an age may move between an arrest and a
// verdict told by different articles (trials of US state courts mostly end
// within two years of the charge).
const maxAgedYears = 3

// agedBetween: two sides are one person's age told at two times, the
// older age in the later article: articles published as many years apart
// as the ages differ, or, without publication times, an article reporting
// a verdict against one that does not (a verdict comes after the arrest:
// "Roe, 27," when charged, "Roe, 29," when convicted). Sides are then put in
// time order.
func (s *story) agedBetween(sides [][]qref) bool {
	if len(sides) != 2 {
		return false
	}
	for _, side := range sides {
		for _, q := range side {
			if q.q.Head != "age" || q.q.Value == nil {
				return false
			}
		}
	}
	young, old := 0, 1
	if *sides[1][0].q.Value < *sides[0][0].q.Value {
		young, old = 1, 0
	}
	gap := *sides[old][0].q.Value - *sides[young][0].q.Value
	if gap < 1 || gap > maxAgedYears {
		return false
	}
	later := func(after, before []qref) bool {
		dated := true
		for _, x := range append(slices.Clone(after), before...) {
			dated = dated && !x.u.art.Article.Published.IsZero()
		}
		if dated {
			for _, x := range after {
				for _, y := range before {
					if years := x.u.art.Article.Published.Sub(y.u.art.Article.Published).Hours() / (24 * 365.25); years <= 0 || gap > years+1 {
						return false
					}
				}
			}
			return true
		}
		for _, x := range after {
			if !s.reportsVerdict(x.u.art.Article.ID) {
				return false
			}
		}
		for _, y := range before {
			if s.reportsVerdict(y.u.art.Article.ID) {
				return false
			}
		}
		return true
	}
	if !later(sides[old], sides[young]) {
		return false
	}
	sides[0], sides[1] = sides[young], sides[old]
	return true
}

// revises: q's clause marks a revision ("originally", "revised from") and
// gives a value of another side.
func revises(q qref, sides [][]qref) bool {
	text := q.u.art.Article.Text
	sent := strings.ToLower(q.u.span.Of(text))
	marked := false
	for _, m := range revisionMarkers.Entries() {
		if containsWord(sent, m) {
			marked = true
			break
		}
	}
	if !marked {
		return false
	}
	for _, side := range sides {
		if compatible(side[0].q, q.q) || side[0].q.Value == nil {
			continue
		}
		if num := strconv.FormatFloat(*side[0].q.Value, 'f', -1, 64); containsWord(sent, num) {
			return true
		}
	}
	return false
}

// revisionMarkers say a figure replaced an earlier one.
var revisionMarkers = lang.Words("revision_markers")

// containsWord: w occurs in s between non-letters.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		a, b := i+j, i+j+len(w)
		if (a == 0 || !isWordByte(s[a-1])) && (b == len(s) || !isWordByte(s[b])) {
			return true
		}
		i = a + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}

// slotKey is what a figure counts or measures, with the event it counts
// ("crew member|", "person|death") and, given, the one name it is tied to.
func slotKey(q qref, anchors map[int]bool) string {
	k := headOf(q.q) + "|" + predicate(q)
	if len(anchors) == 1 {
		for g := range anchors {
			k += "|" + strconv.Itoa(g) // whose: "Labour had 412 seats"
		}
	}
	return k
}

// sharedSlot is the functional slot two figures fill alike: the slot of
// one name ("Labour|seats") when both are tied to it, or else the bare slot
// ("crew members") unless each is tied to a different name (two players'
// passes). named says the slot has a name.
func (s *story) sharedSlot(a, b qref, aa, ab map[int]bool, slots map[string]bool) (string, bool, bool) {
	if len(aa) == 1 && len(ab) == 1 && s.nearName(a, aa) && s.nearName(b, ab) {
		if k := slotKey(a, aa); k == slotKey(b, ab) && slots[k] {
			return k, true, true
		}
	}
	if otherAnchors(aa, ab) || isDuration(a.q) || len(aa) == 0 && aboutPronoun(a) || len(ab) == 0 && aboutPronoun(b) {
		// two names; a span of time, seldom the story's one figure
		// ("five minutes remaining"); a figure about someone unnamed
		// ("He completed his first 17 passes")
		return "", false, false
	}
	k := slotKey(a, nil)
	if k == slotKey(b, nil) && slots[k] {
		return k, false, true
	}
	// a slot an article fills twice ("age": a driver's and a victim's) may
	// still be one figure's once the kind of person says which, when each
	// is the one figure of its kind in its sentence
	if w := qualifier(a); w != "" && w == qualifier(b) && onlyOfKind(a) && onlyOfKind(b) {
		k += "|~" + w
		return k, false, slots[k]
	}
	return "", false, false
}

// qualifier says which of the figures counted alike a figure is: for an
// age, the kind of person ("a 66-year-old woman", "the 36-year-old
// driver"). A past verb after a count ("6 people were killed", "2 people
// rescued") found no more injections on the stress test, so it is left out.
func qualifier(q qref) string {
	if q.q.Head != "age" {
		return ""
	}
	if w := nounAfter(q); w != "" && !lang.Stopword(w) && !isNumber(w) {
		return w
	}
	return ""
}

// aboutPronoun: a personal pronoun stands before the figure in its
// clause, so the figure is about someone the sentence does not name.
func aboutPronoun(q qref) bool {
	text := q.u.art.Article.Text
	before := text[q.u.span.Start:q.q.Span.Start]
	if i := strings.LastIndexAny(before, ",;:"); i >= 0 {
		before = before[i+1:]
	}
	for _, w := range strings.Fields(strings.ToLower(before)) {
		if pronouns.Has(w) || possessives.Has(w) {
			return true
		}
	}
	return false
}

// nearName: the figure is written onto its name, or follows it within
// four words ("Labour had 412 seats", "Labour is expected to win 410"); a name further
// back ("North Carolina's Ty Lawson also chipped in 16 points") may be
// someone else's team or party.
func (s *story) nearName(q qref, anchors map[int]bool) bool {
	text := q.u.art.Article.Text
	for i := range q.u.art.Entities {
		e := &q.u.art.Entities[i]
		if !anchors[s.ents.groupOf(e.Name)] {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start < q.u.span.Start || m.End > q.u.span.End {
				continue
			}
			if m.Start >= q.q.Span.End && len(strings.Fields(text[q.q.Span.End:m.Start])) <= 3 {
				return true
			}
			if m.End <= q.q.Span.Start && len(strings.Fields(text[m.End:q.q.Span.Start])) <= 4 {
				return true
			}
		}
	}
	return false
}

// functionalSlots are the slots that at least minSlotOutlets outlets fill
// and that no article fills with two incompatible values: the story has one
// figure for them ("four crew members", "23 pirates"), so a different value
// from another outlet disputes it even in a sentence worded otherwise. A
// slot an article fills twice ("16 points", "nine points": two players)
// counts different things, and only the sentence-level tests apply.
func (s *story) functionalSlots(qs []qref, anch []map[int]bool, provisional []bool) map[string]bool {
	type fill struct {
		vals    map[*parallax.Analysis][]*parallax.Quantity
		outlets map[string]bool
		bad     bool
	}
	fills := map[string]*fill{}
	for i, q := range qs {
		if q.q.Value == nil || provisional[i] || headOf(q.q) == "" || countOfTwo(q.q) {
			continue // two: often a part ("two of them hit the pier") of the slot's figure
		}
		keys := []string{slotKey(q, nil)}
		if w := qualifier(q); w != "" {
			keys = append(keys, keys[0]+"|~"+w)
		}
		if len(anch[i]) == 1 {
			keys = append(keys, slotKey(q, anch[i]))
		}
		for _, k := range keys {
			f := fills[k]
			if f == nil {
				f = &fill{vals: map[*parallax.Analysis][]*parallax.Quantity{}, outlets: map[string]bool{}}
				fills[k] = f
			}
			for _, v := range f.vals[q.u.art] {
				if !compatible(v, q.q) {
					f.bad = true
				}
			}
			f.vals[q.u.art] = append(f.vals[q.u.art], q.q)
			f.outlets[s.outletOf[q.u.art.Article.ID]] = true
		}
	}
	out := map[string]bool{}
	for k, f := range fills {
		if !f.bad && len(f.outlets) >= minSlotOutlets {
			out[k] = true
		}
	}
	return out
}

// A functional slot (see functionalSlots) needs this many outlets, and its
// two sentences at least this much in common: two shared content words
// near the figures, or some of the sentence. Set on the stress test: looser,
// and box scores' statistics of different players start to clash.
var (
	minSlotOutlets = 3
	minSlotWindow  = 2
	minSlotSim     = 0.2
)

// otherAnchors: both figures are tied to names, and to different ones
// ("Manning completed 17 passes", "Garrard completed 28 passes").
func otherAnchors(a, b map[int]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for g := range a {
		if b[g] {
			return false
		}
	}
	return true
}

// slotContext: the two sentences have enough in common for figures of one
// functional slot to be one fact; a slot tied to a name ("Labour's seats")
// needs less, the name already says what the figure is about.
func (s *story) slotContext(a, b qref, named bool) bool {
	win, sim := minSlotWindow, minSlotSim
	if named {
		win, sim = win-1, sim/2
	}
	return sharedWindow(a, b) >= win || contextSim(a.u, b.u) >= sim
}

// minRetoldSim: how alike two sentences must be to be one sentence retold
// (wire copy edited, a lead rewritten), so that the one figure of a kind in
// each is the same fact. Set on the stress test's unperturbed stories.
var minRetoldSim = 0.6

// minAlikeSim: how alike two sentences must be for the one figure of a
// kind in each to need only minSlotWindow words in common around it. Set on
// the stress test's unperturbed stories.
var minAlikeSim = 0.4

// minAlikeDurationSim is minAlikeSim for a span of time, which runs on with
// the story ("after four days of riots", "after eight days of riots").
var minAlikeDurationSim = 0.5

func alikeSim(q qref) float64 {
	if isDuration(q.q) {
		return minAlikeDurationSim
	}
	return minAlikeSim
}

// retold: two sentences that tell the same thing in mostly the same words,
// each with a single figure of this kind, about the same name or none and,
// for ages, the same kind of person.
func retold(a, b qref, aa, ab map[int]bool) bool {
	if contextSim(a.u, b.u) < minRetoldSim && !linedUp(a, b) || otherAnchors(aa, ab) || !(onlyOfKind(a) && onlyOfKind(b) || samePlace(a, b) || bareAside(a, b)) {
		return false
	}
	if a.q.Head == "age" && !sharesAnchor(aa, ab) && nounAfter(a) != nounAfter(b) {
		return false // "the 36-year-old driver" and "a 66-year-old woman"
	}
	return true
}

// sidesGiveEachOther: a side's sentence gives another side's value too
// (givesToo): the figures count different things.
func sidesGiveEachOther(sides [][]qref) bool {
	for k, side := range sides {
		for l, other := range sides {
			if k == l {
				continue
			}
			for _, b := range side {
				if givesToo(other[0], b) {
					return true
				}
			}
		}
	}
	return false
}

// givesToo: b's sentence gives a's value too, in another figure of the
// same unit counting the same event ("seven consecutive life sentences and
// four sentences of life without parole" against "four consecutive life
// sentences"): what b's figure counts differs from a's, b does not dispute
// a. A conversion ("seven km (4 miles)") or a count of another event ("18
// injured and 12 arrested" against "12 injured") is no such figure.
func givesToo(a, b qref) bool {
	for _, qi := range b.u.qtys {
		y := &b.u.art.Quantities[qi]
		if qi != b.i && y.Value != nil && y.Unit == a.q.Unit && quantity.SameThing(*a.q, *y) && compatible(a.q, y) &&
			predicate(qref{b.u, qi, y}) == predicate(a) {
			return true
		}
	}
	return false
}

// linedUp: the two sentences were lined up as one fact of the story and
// are alike enough for the one figure of a kind in each to be that fact's
// ("Ten fire engines were tackling the blaze" and "firefighters with 28
// fire engines fought the blaze"), short of a sentence retold.
// The sentences' other figures must agree where they count the same kind:
// "22 points and nine rebounds" against "25 points and 16 rebounds" are two
// games' lines, not one line misreported.
func linedUp(a, b qref) bool {
	return a.u.fact >= 0 && a.u.fact == b.u.fact && contextSim(a.u, b.u) >= alikeSim(a) &&
		othersAgree(a, b) && othersAgree(b, a)
}

// othersAgree: every other figure of a's sentence that b's sentence also
// gives a figure of the same kind for agrees with one of them.
func othersAgree(a, b qref) bool {
	for _, qi := range a.u.qtys {
		x := &a.u.art.Quantities[qi]
		if qi == a.i || x.Unit == "" {
			continue
		}
		kind, agree := false, false
		for _, qj := range b.u.qtys {
			y := &b.u.art.Quantities[qj]
			if qj == b.i || !quantity.SameThing(*x, *y) {
				continue
			}
			kind = true
			agree = agree || compatible(x, y)
		}
		if kind && !agree {
			return false
		}
	}
	return true
}

func sharesAnchor(a, b map[int]bool) bool {
	for g := range a {
		if b[g] {
			return true
		}
	}
	return false
}

// samePlace: two sentences retold with only this figure changed — they
// have as many figures of its kind (and bare numbers), it stands at the
// same place among them, and every other one agrees with its counterpart
// ("10 of 22 for 162 yards with two interceptions" and its copy with
// "five interceptions"). Reordered lists ("the Orioles seven years, the
// Nationals eight") and other counts of another scope ("14 rifles, 31
// magazines" against "six rifles, 12 magazines") differ in more than one.
func samePlace(a, b qref) bool {
	fa, fb := kindFigures(a), kindFigures(b)
	if len(fa) != len(fb) || len(fa) < 2 {
		return false
	}
	at := -1
	for k := range fa {
		switch x, y := fa[k], fb[k]; {
		case x == a.q || y == b.q:
			if x != a.q || y != b.q {
				return false
			}
			at = k
		case x.Value == nil || y.Value == nil:
			return false
		case x.Unit == "" && y.Unit == "":
			if *x.Value != *y.Value {
				return false
			}
		case !quantity.SameThing(*x, *y) || !compatible(x, y):
			return false
		}
	}
	return at >= 0
}

// kindFigures are the figures of a's sentence of a's kind, and its bare
// numbers, in text order.
func kindFigures(a qref) []*parallax.Quantity {
	var out []*parallax.Quantity
	for _, qi := range a.u.qtys {
		q := &a.u.art.Quantities[qi]
		if qi == a.i || q.Unit == "" || quantity.SameThing(*a.q, *q) {
			out = append(out, q)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

// onlyOfKind: no other figure of the sentence counts or measures the same
// kind of thing, or is a bare number ("Carter scored 14 points and Dahl 13").
func onlyOfKind(a qref) bool {
	for _, qi := range a.u.qtys {
		q := &a.u.art.Quantities[qi]
		if qi != a.i && (q.Unit == "" || quantity.SameThing(*a.q, *q)) {
			return false
		}
	}
	return true
}

var additiveWords = lang.Words("additive_words", "en")

// additive: an addition word sits between the number and its noun.
func additive(q qref) bool {
	for _, w := range strings.Fields(strings.ToLower(q.q.Span.Of(q.u.art.Article.Text))) {
		if additiveWords.Has(strings.Trim(w, ",.;:")) {
			return true
		}
	}
	return false
}

// nounAfter is the word right after a figure ("driver" in "the
// 36-year-old driver").
func nounAfter(q qref) string {
	text := q.u.art.Article.Text
	f := strings.Fields(text[q.q.Span.End:min(len(text), q.q.Span.End+40)])
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(strings.Trim(f[0], ",.;:"))
}

// dropSubsumed removes the groups whose figures are all in another group:
// one dispute found by two routes is shown once, with all its sides.
func dropSubsumed(order []string, groups map[string][]int) []string {
	var out []string
	for i, r := range order {
		sub := false
		for j, o := range order {
			if i == j || len(groups[o]) < len(groups[r]) || len(groups[o]) == len(groups[r]) && j > i {
				continue
			}
			if subset(groups[r], groups[o]) {
				sub = true
				break
			}
		}
		if !sub {
			out = append(out, r)
		}
	}
	return out
}

func subset(a, b []int) bool {
	in := map[int]bool{}
	for _, x := range b {
		in[x] = true
	}
	for _, x := range a {
		if !in[x] {
			return false
		}
	}
	return true
}

// partOf: p is one of some figures of its sentence, in the same unit, that
// add up to total ("$281m in cash and $53m in stock" of "$334 million").
func partOf(p, total qref) bool {
	if p.q.Value == nil || total.q.Value == nil || p.q.Unit != total.q.Unit {
		return false
	}
	var others []float64
	for _, qi := range p.u.qtys {
		q := &p.u.art.Quantities[qi]
		if q != p.q && q.Unit == p.q.Unit && q.Value != nil {
			others = append(others, *q.Value)
		}
	}
	t := *total.q.Value
	if t <= 0 || len(others) == 0 || len(others) > 10 {
		return false
	}
	// p with some of the sentence's other figures ("$281m in cash and $53m
	// in stock", beside "$35m in funding")
	for mask := 1; mask < 1<<len(others); mask++ {
		sum := *p.q.Value
		for k, v := range others {
			if mask&(1<<k) != 0 {
				sum += v
			}
		}
		if math.Abs(sum-t) <= 0.01*t {
			return true
		}
	}
	return false
}

// splitArticle: one article stands on two sides, giving two values for
// what the group takes to be one fact. Then the group holds figures about
// different things (two players' points, two laptops' screens), not a
// dispute; a figure corrected within one article is not either.
func splitArticle(sides [][]qref) bool {
	seen := map[*parallax.Analysis]int{}
	for k, side := range sides {
		for _, q := range side {
			if j, ok := seen[q.u.art]; ok && j != k {
				return true
			}
			seen[q.u.art] = k
		}
	}
	return false
}

func hasArticle(side []qref, q qref) bool {
	for _, x := range side {
		if x.u.art == q.u.art {
			return true
		}
	}
	return false
}

// nameConflicts: two spellings of what must be one person's name, from
// different outlets, that never appear together.
func (s *story) nameConflicts() []parallax.Conflict {
	type person struct {
		root  int
		name  string
		arts  map[*parallax.Analysis]bool
		first *entItem
	}
	var people []person
	for root, members := range s.ents.groups {
		it := &s.ents.items[members[0]]
		if it.ent.Type != parallax.Person {
			continue
		}
		p := person{root: root, name: s.ents.groupName(root), arts: map[*parallax.Analysis]bool{}, first: it}
		for _, m := range members {
			p.arts[s.ents.items[m].art] = true
		}
		people = append(people, p)
	}
	sort.Slice(people, func(i, j int) bool { return people[i].root < people[j].root })
	var out []parallax.Conflict
	for i := range people {
		for j := i + 1; j < len(people); j++ {
			a, b := people[i], people[j]
			if !similarNames(a.name, b.name) || spellingVariants(a.name, b.name) {
				continue
			}
			together := false
			for art := range a.arts {
				if b.arts[art] {
					together = true
				}
			}
			if together {
				continue
			}
			c := parallax.Conflict{Kind: "name", Subject: a.name,
				Summary: fmt.Sprintf("The same person is named %q by some outlets and %q by others", a.name, b.name)}
			for _, p := range []person{a, b} {
				var side []parallax.Evidence
				for _, m := range s.ents.groups[p.root] {
					it := s.ents.items[m]
					if len(it.ent.Mentions) == 0 {
						continue
					}
					sp := it.ent.Mentions[0]
					si := it.art.SentenceAt(sp.Start)
					if si >= 0 {
						sp = clause(it.art.Article.Text, it.art.Sentences[si].Span, sp, 25)
					}
					side = append(side, s.evidence(it.art, sp))
					break
				}
				c.Sides = append(c.Sides, side)
			}
			out = append(out, c)
		}
	}
	return out
}

// similarNames: same number of words, each pair alike (one edit apart, or
// one a prefix of the other), not all identical.
func similarNames(a, b string) bool {
	fa, fb := strings.Fields(foldKey(a)), strings.Fields(foldKey(b))
	if len(fa) != len(fb) || len(fa) < 2 {
		return false
	}
	same := 0
	for i := range fa {
		x, y := fa[i], fb[i]
		switch {
		case x == y:
			same++
		case len(x) >= 4 && len(y) >= 4 && (strings.HasPrefix(x, y[:4]) && strings.HasPrefix(y, x[:4])) && abs(len(x)-len(y)) <= 3:
		case len(x) >= 5 && editDistance(x, y) <= 1:
		default:
			return false
		}
	}
	return same < len(fa)
}

// spellingVariants: two spellings of a name that are one name written two
// ways, not one outlet's error: a short form ("Phil", "Philip"), or
// transliterations that sound alike ("Karolos"/"Carolos", "Ilias"/"Elias",
// "Giannis"/"Yiannis", "Lennie"/"Lenny"). Precision first: a fact-checker
// is not shown these as a dispute.
func spellingVariants(a, b string) bool {
	fa, fb := strings.Fields(gazetteer.Key(a)), strings.Fields(gazetteer.Key(b))
	if len(fa) != len(fb) {
		return false
	}
	for i := range fa {
		x, y := fa[i], fb[i]
		short := len(x) >= 3 && len(y) >= 3 && (strings.HasPrefix(x, y) || strings.HasPrefix(y, x))
		if x == y || short || soundKey(x) == soundKey(y) {
			continue
		}
		return false
	}
	return true
}

// soundKey reduces a romanised name to its consonant skeleton, with the
// letters that transliterations swap made one: c/k/q/g, ph/f, w/v/b, j/y, x/ks;
// vowels, y and h dropped; doubled letters single; a g before i and a
// vowel, or between vowels, read as y (Greek gamma).
func soundKey(w string) string {
	r := strings.NewReplacer("ph", "f", "ck", "k", "c", "k", "q", "k", "x", "ks", "w", "v", "j", "y")
	w = r.Replace(w)
	vowel := func(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }
	var b []byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == 'g' && (i+2 < len(w) && w[i+1] == 'i' && vowel(w[i+2]) || i > 0 && vowel(w[i-1]) && i+1 < len(w) && vowel(w[i+1])) {
			continue
		}
		if vowel(c) || c == 'h' {
			continue
		}
		switch c {
		case 'b':
			c = 'v' // Spanish, Greek and Persian b/v (β, ب/و)
		case 'g':
			c = 'k' // Turkic and Arabic g/k (Gurbanguly/Kurbanguly, ق)
		}
		if len(b) > 0 && b[len(b)-1] == c {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = minInt(minInt(prev[j]+1, cur[j-1]+1), prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// laterStage: a characterisation whose asserting side reports a verdict
// ("convicted", "found guilty", "sentenced") while no article on the
// hedging side does tells two stages of one case, not a dispute: the
// hedging side was written before the verdict, and a person is "accused"
// until convicted (AP style).
func (s *story) laterStage(c parallax.Conflict) bool {
	if c.Kind != "characterization" || len(c.Sides) != 2 {
		return false
	}
	verdict := func(side []parallax.Evidence) bool {
		for _, e := range side {
			if s.reportsVerdict(e.Article) {
				return true
			}
		}
		return false
	}
	return verdict(c.Sides[0]) && !verdict(c.Sides[1]) && !s.publishedAfter(c.Sides[1], c.Sides[0])
}

// publishedAfterAll: art is known to be published after every marked article.
func (s *story) publishedAfterAll(art *parallax.Analysis, as []mark) bool {
	ev := make([]parallax.Evidence, len(as))
	for i, m := range as {
		ev[i] = parallax.Evidence{Article: m.u.art.Article.ID}
	}
	return s.publishedAfter([]parallax.Evidence{{Article: art.Article.ID}}, ev)
}

// publishedAfter: every article of side a is known to be published after
// every article of side b ("accused" still written once the verdict was out).
func (s *story) publishedAfter(a, b []parallax.Evidence) bool {
	var firstA, lastB time.Time
	for _, e := range a {
		t := s.byID[e.Article].Article.Published
		if t.IsZero() {
			return false
		}
		if firstA.IsZero() || t.Before(firstA) {
			firstA = t
		}
	}
	for _, e := range b {
		t := s.byID[e.Article].Article.Published
		if t.IsZero() {
			return false
		}
		if t.After(lastB) {
			lastB = t
		}
	}
	return firstA.After(lastB)
}

var verdictTerms = lang.Words("verdict_terms")

// hasVerdict: text tells of a verdict or a plea of guilt.
func hasVerdict(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '-'
	})
	for i := range words {
		if verdictTerms.Match(words[i:]) > 0 && (i == 0 || !negations.Has(words[i-1])) {
			return true // "has not been convicted" tells no verdict
		}
	}
	return false
}

// reportsVerdict: the article tells of a verdict or a plea of guilt
// anywhere in its text.
func (s *story) reportsVerdict(id string) bool {
	if v, ok := s.verdicts[id]; ok {
		return v
	}
	v := false
	if a := s.byID[id]; a != nil {
		v = hasVerdict(a.Article.Text)
	}
	if s.verdicts == nil {
		s.verdicts = map[string]bool{}
	}
	s.verdicts[id] = v
	return v
}

// guiltTerms assert that people did wrong (one word, or a phrase that says
// as fact who did the deed); hedges and denials are the other side.
var guiltTerms = lang.Words("guilt_terms")

// unquoted returns the unit's sentence with its quotations blanked.
func unquoted(u *unit) string {
	var holes []parallax.Span
	for _, q := range u.art.Quotes {
		if !q.Scare && q.Span.Start >= u.span.Start && q.Span.End <= u.span.End {
			holes = append(holes, q.Span)
		}
	}
	return blank(u.art.Article.Text, u.span, holes)
}

// eventConcepts are what a count can count: the dead, the injured, the
// arrested, homes flooded, people evacuated.
var eventConcepts = map[string]bool{"death": true, "injury": true, "arrest": true, "flood": true, "evacuate": true}

func hasGuiltTerm(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r > 127 || r == '-')
	})
	for i := range words {
		if guiltTerms.Match(words[i:]) > 0 && (i == 0 || !negations.Has(words[i-1])) {
			return true // "pleaded not guilty" asserts nothing
		}
	}
	return false
}

// statesPossibility: the sentence, its quotations left out, says what may
// be ("could", "possibly"), not what is.
func statesPossibility(u *unit) bool {
	return hasListedWord(unquoted(u), epistemicModals, "May") // "May" as written is the month
}

// hasListedWord: a word of text, lower-cased and stripped of marks, is in
// set; a word written exactly as skip is passed over.
func hasListedWord(text string, set *lang.Set, skip string) bool {
	for _, w := range strings.Fields(text) {
		w = strings.Trim(w, ".,;:!?\"'()")
		if w != skip && set.Has(strings.ToLower(w)) {
			return true
		}
	}
	return false
}

var (
	epistemicModals = lang.Words("epistemic_modals")
	negations       = lang.Words("negations")
	prepositions    = lang.Words("prepositions")
	pronouns        = lang.Words("pronouns", "en")
	possessives     = lang.Words("possessives", "en")
	determiners     = lang.Words("determiners", "en")
	stopSubjects    = lang.Words("openers", "en")
)

// hedgeConflicts: within figures or sentences that line up, one outlet
// asserts guilt plainly while another hedges ("alleged", "accused of").
func (s *story) hedgeConflicts() []parallax.Conflict {
	var out []parallax.Conflict
	qs := s.allQuantities()
	used := map[*unit]bool{}
	for i := range qs {
		a := qs[i]
		if used[a.u] || len(a.u.hedges) > 0 || a.u.quoted {
			continue
		}
		asp := clause(a.u.art.Article.Text, a.u.span, a.q.Span, 40)
		if !hasGuiltTerm(asp.Of(a.u.art.Article.Text)) || statesPossibility(a.u) {
			continue // "the shed may have been set alight by a vandal" asserts nothing
		}
		var hedged []qref
		for j := range qs {
			b := qs[j]
			if s.sameSource(a.u.art, b.u.art) || len(b.u.hedges) == 0 || used[b.u] {
				continue
			}
			if !related(a, b) || a.q.Value == nil || b.q.Value == nil || *a.q.Value != *b.q.Value {
				continue // the same count of people
			}
			hedged = append(hedged, b)
		}
		if len(hedged) == 0 {
			continue
		}
		c := parallax.Conflict{Kind: "characterization", Subject: a.q.Text,
			Summary: fmt.Sprintf("%s asserts what %s reports as alleged", s.outletOf[a.u.art.Article.ID], s.outletOf[hedged[0].u.art.Article.ID])}
		c.Sides = append(c.Sides, []parallax.Evidence{s.evidence(a.u.art, asp)})
		var side []parallax.Evidence
		for _, b := range hedged {
			side = append(side, s.evidence(b.u.art, clause(b.u.art.Article.Text, b.u.span, b.q.Span, 40)))
			used[b.u] = true
		}
		c.Sides = append(c.Sides, side)
		used[a.u] = true
		out = append(out, c)
	}
	return out
}

// denials say that people are not what others call them.
var denials = lang.Words("denials")

func (s *story) denialConflicts() []parallax.Conflict {
	var out []parallax.Conflict
	for _, u := range s.units {
		if u.quoted {
			continue
		}
		text := strings.ToLower(u.span.Of(u.art.Article.Text))
		hit := ""
		for _, d := range denials.Entries() {
			if strings.Contains(text, d) {
				hit = d
				break
			}
		}
		if hit == "" {
			continue
		}
		// in each other outlet, the sentence most like this one that calls
		// people criminals without a hedge
		var side []parallax.Evidence
		perOutlet := map[string]int{} // sentences shown per outlet: its two closest
		type cand struct {
			v   *unit
			sim float64
		}
		var cands []cand
		for _, v := range s.units {
			if s.sameSource(u.art, v.art) || len(v.hedges) > 0 || v.words > 80 {
				continue
			}
			if !hasGuiltTerm(unquoted(v)) {
				continue // the outlet's own words, not a speaker's
			}
			cands = append(cands, cand{v, contextSim(u, v)})
		}
		sort.SliceStable(cands, func(i, j int) bool { return cands[i].sim > cands[j].sim })
		for _, c := range cands {
			o := s.outletOf[c.v.art.Article.ID]
			if perOutlet[o] >= 2 || c.sim < 0.02 {
				continue
			}
			perOutlet[o]++
			side = append(side, s.evidence(c.v.art, clause(c.v.art.Article.Text, c.v.span, c.v.span, 40)))
		}
		if len(side) == 0 {
			continue
		}
		var others []string
		for _, e := range side {
			others = appendUniq(others, s.outletOf[e.Article])
		}
		c := parallax.Conflict{Kind: "characterization", Subject: hit,
			Summary: fmt.Sprintf("%s reports %q where %s call(s) them guilty", s.outletOf[u.art.Article.ID], hit, strings.Join(others, ", "))}
		c.Sides = [][]parallax.Evidence{side, {s.evidence(u.art, clause(u.art.Article.Text, u.span, u.span, 40))}}
		out = append(out, c)
	}
	return out
}

// sameEra: figures in sentences about other years ("the deadliest since
// 2001, when 260 people died") are about other events than the story's.
func sameEra(a, b *unit) bool { return eraAgrees(a, b, nil) }

func otherYears(u *unit) map[string]bool {
	pub := ""
	if !u.art.Article.Published.IsZero() {
		pub = u.art.Article.Published.Format("2006")
	}
	out := map[string]bool{}
	for _, di := range u.dates {
		d := u.art.Dates[di].Date
		if len(d) >= 4 && d[:4] != pub && !u.art.Dates[di].Published {
			out[d[:4]] = true
		}
	}
	return out
}

// storyYears are the years the story happens in: its articles' years of
// publication, or, when none is dated (a wire archive), the year of the
// full dates ("Saturday December 13 2008") the most outlets give. A year
// alone ("the 2004 tsunami") is background more often than the story's.
func (s *story) storyYears() map[string]bool {
	out := map[string]bool{}
	outlets := map[string]map[string]bool{}
	for _, a := range s.arts {
		if !a.Article.Published.IsZero() {
			out[a.Article.Published.Format("2006")] = true
			continue
		}
		for _, d := range a.Dates {
			if len(d.Date) == len("2006-01-02") && !d.Published && !d.Relative {
				y := d.Date[:4]
				if outlets[y] == nil {
					outlets[y] = map[string]bool{}
				}
				outlets[y][s.outletOf[a.Article.ID]] = true
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	best := 1 // a year one outlet names is no story's year
	for y, os := range outlets {
		switch {
		case len(os) > best:
			best = len(os)
			clear(out)
			out[y] = true
		case len(os) == best && best > 1:
			out[y] = true
		}
	}
	return out
}

// eraAgrees is sameEra with the story's own years not counted as other
// years: an undated article's "December 13 2008" is no other event's year.
func eraAgrees(a, b *unit, story map[string]bool) bool {
	ya, yb := otherYears(a), otherYears(b)
	for y := range story {
		delete(ya, y)
		delete(yb, y)
	}
	if len(ya) == 0 && len(yb) == 0 {
		return true
	}
	for y := range ya {
		if yb[y] {
			return true
		}
	}
	return false
}

// mark is a person's mention with the words attached to it.
type mark struct {
	u  *unit
	sp parallax.Span
}

// eachPersonMention calls fn with each mention of a named person in a
// sentence outside quotations, with the person's entity group.
func (s *story) eachPersonMention(fn func(u *unit, g int, sp parallax.Span)) {
	for _, u := range s.units {
		if u.quoted {
			continue
		}
		for i := range u.art.Entities {
			e := &u.art.Entities[i]
			if e.Type != parallax.Person {
				continue
			}
			g := s.ents.groupOf(e.Name)
			for _, sp := range e.Mentions {
				if sp.Start >= u.span.Start && sp.End <= u.span.End && !insideQuote(u.art, sp) {
					fn(u, g, sp)
				}
			}
		}
	}
}

// personConflicts: one outlet calls a named person guilty in its own words
// ("the arsonist Tobias Renn"), another names the same person as accused
// ("Renn is accused of setting the fire", "the alleged arsonist, Renn").
func (s *story) personConflicts() []parallax.Conflict {
	asserted := map[int][]mark{}
	hedged := map[int][]mark{}
	seen := map[int]bool{}
	var order []int
	s.eachPersonMention(func(u *unit, g int, sp parallax.Span) {
		near := attachedWords(u, sp)
		isHedged := false
		for _, h := range u.hedges {
			if h.Span.Start >= near.Start && h.Span.Start < near.End && !strings.HasPrefix(strings.ToLower(h.Text), "according") {
				isHedged = true
			}
		}
		if !seen[g] {
			seen[g] = true
			order = append(order, g)
		}
		switch {
		case isHedged:
			hedged[g] = append(hedged[g], mark{u, near})
		case hasGuiltTerm(near.Of(u.art.Article.Text)):
			asserted[g] = append(asserted[g], mark{u, near})
		}
	})
	var out []parallax.Conflict
	for _, g := range order {
		as, hs := asserted[g], hedged[g]
		as = slices.DeleteFunc(slices.Clone(as), func(a mark) bool { return otherDeed(a, hs) })
		if len(as) == 0 || len(hs) == 0 {
			continue
		}
		var sideA, sideH []parallax.Evidence
		outA, outH := map[string]bool{}, map[string]bool{}
		for _, m := range as {
			o := s.outletOf[m.u.art.Article.ID]
			if !outA[o] {
				outA[o] = true
				sideA = append(sideA, s.evidence(m.u.art, clause(m.u.art.Article.Text, m.u.span, m.sp, 30)))
			}
		}
		verdictA := false
		for _, m := range as {
			verdictA = verdictA || s.reportsVerdict(m.u.art.Article.ID)
		}
		for _, m := range hs {
			o := s.outletOf[m.u.art.Article.ID]
			if verdictA && !s.reportsVerdict(m.u.art.Article.ID) && !s.publishedAfterAll(m.u.art, as) {
				continue // written before the verdict (laterStage)
			}
			if !tellsDeedOf(m, as) && pastMarked(m.u) {
				continue // "a long record of offences" / "a previous case in which Roe was accused of theft"
			}
			if !outH[o] && !outA[o] {
				outH[o] = true
				sideH = append(sideH, s.evidence(m.u.art, clause(m.u.art.Article.Text, m.u.span, m.sp, 30)))
			}
		}
		if len(sideH) == 0 {
			continue
		}
		name := s.ents.groupName(g)
		out = append(out, parallax.Conflict{Kind: "characterization", Subject: name,
			Summary: fmt.Sprintf("%s is called guilty by %s but described as accused by %s", name,
				strings.Join(slices.Sorted(maps.Keys(outA)), ", "), strings.Join(slices.Sorted(maps.Keys(outH)), ", ")),
			Sides: [][]parallax.Evidence{sideA, sideH}})
	}
	return out
}

// pastMarked: the sentence puts what it tells before the story ("a
// previous arrest", "the former suspect"), by the past markers of titles.
func pastMarked(u *unit) bool {
	return hasListedWord(u.span.Of(u.art.Article.Text), pastMarkers, "")
}

// tellsDeedOf: the hedged sentence shares a content word or a news-fact
// concept with one of the asserting sentences, so that both can be about
// one deed, not the person's other acts.
// otherDeed: the asserted words are a record ("convicted rapist Roe": a
// verdict word before the doer of one named crime) that none of the hedged
// sentences is about: "convicted rapist Roe escaped after pulling a gun"
// and "Roe is accused of using a smuggled gun" tell his past conviction
// and a new accusation, not one deed two ways. A hedged clause is about the
// record when it has a word of the crime's root ("rape", "murdered"), or
// when the deed it accuses ("accused of setting fire") is a verb the
// asserted clause tells too ("the convicted arsonist set fire"). Other
// words of guilt ("the arsonist", "guilty") are about the story's deed.
func otherDeed(a mark, hs []mark) bool {
	text := a.u.art.Article.Text
	// the words attached to the name may start at the doer ("arsonist
	// Vale"); the verdict word before it is read from the clause
	start := max(a.u.span.Start, a.sp.Start-24)
	words := letterWords(text[start:a.sp.End])
	var roots []string
	for i := 0; i+1 < len(words); i++ {
		if verdictTerms.Match(words[i:]) == 1 {
			if root, ok := crimeRoot(words[i+1]); ok {
				roots = append(roots, root)
			}
		}
	}
	if len(roots) == 0 {
		return false
	}
	told := map[string]bool{}
	for _, w := range letterWords(clause(text, a.u.span, a.sp, 30).Of(text)) {
		told[stem(w, "en")] = true
	}
	for _, h := range hs {
		ht := h.u.art.Article.Text
		hw := letterWords(clause(ht, h.u.span, h.sp, 30).Of(ht))
		deed := ""
		for _, w := range hw {
			for _, r := range roots {
				if strings.HasPrefix(w, r) {
					return false
				}
			}
			if deed == "" && len(w) >= 5 && strings.HasSuffix(w, "ing") {
				deed = w
			}
		}
		if deed == "" || told[stem(deed, "en")] {
			return false
		}
	}
	return true
}

// letterWords are the lower-case runs of letters of text.
func letterWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r > 127)
	})
}

// agentSuffixes make a doer of a deed ("murder-er", "arson-ist", "kill-er").
var agentSuffixes = []string{"ists", "ist", "ers", "er", "ors", "or"}

// crimeRoot is the deed an agent noun of a crime names: its root without
// the agent suffix, when WordNet knows the word as a kind of person and
// the root as a noun ("murderer" → "murder", "arsonist" → "arson",
// "rapist" → "rap", which still prefixes "rape"); false for doers named
// without a deed ("criminal", "culprit", "offender").
func crimeRoot(w string) (string, bool) {
	if !lang.IsOffice(w) {
		return "", false
	}
	for _, suf := range agentSuffixes {
		if root, ok := strings.CutSuffix(w, suf); ok && len(root) >= 3 && len(lang.NounClasses(root)) > 0 {
			return root, true
		}
	}
	return "", false
}

func tellsDeedOf(h mark, as []mark) bool {
	for _, a := range as {
		for f := range h.u.feats {
			if (strings.HasPrefix(f, "w:") || strings.HasPrefix(f, "c:")) && a.u.feats[f] > 0 {
				return true
			}
		}
	}
	return false
}

// attachedWords is the span of the words that describe the mention sp
// itself: up to three words right before it ("the alleged arsonist Renn")
// and what follows it as an apposition or a predicate ("Renn, a convicted
// arsonist", "Renn is accused of"), up to five words, stopping at a clause
// break or at another name — so a label for someone else in the sentence
// is not read as one for this person.
func attachedWords(u *unit, sp parallax.Span) parallax.Span {
	text := u.art.Article.Text
	named := func(off int) bool {
		for i := range u.art.Entities {
			for _, m := range u.art.Entities[i].Mentions {
				if m.Start <= off && off < m.End && (m.Start != sp.Start || m.End != sp.End) {
					return true
				}
			}
		}
		return false
	}
	start := sp.Start
	for k := 0; k < 3 && start > u.span.Start; k++ {
		i := start - 1
		for i > u.span.Start && text[i-1] == ' ' {
			i--
		}
		if i <= u.span.Start || strings.ContainsRune(",;:.()\"“”", rune(text[i-1])) {
			break
		}
		j := i
		for j > u.span.Start && text[j-1] != ' ' {
			j--
		}
		if named(j) || prepositions.Has(strings.ToLower(text[j:i])) {
			break // "found guilty of attacking Marta Quill": the label is the attacker's, not hers
		}
		if strings.HasSuffix(strings.ToLower(text[j:i]), "ly") {
			break // an adverb hedges the verb after it, whose subject comes before: "Ames allegedly paid Quill"
		}
		start = j
	}
	end := sp.End
	words := 0
	apposition := end < u.span.End && text[end] == ','
	if apposition {
		end++
	}
	for words < 5 && end < u.span.End {
		i := end
		for i < u.span.End && text[i] == ' ' {
			i++
		}
		j := i
		for j < u.span.End && text[j] != ' ' {
			j++
		}
		if i >= j || named(i) {
			break
		}
		w := text[i:j]
		end = j
		words++
		if strings.ContainsAny(w, ",;:.") {
			break
		}
	}
	return parallax.Span{Start: start, End: end}
}

// leadSentences is how far into an article its account of the event runs:
// the lead and the paragraphs right after it.
const leadSentences = 6

// dateConflicts: the outlets mostly agree on when the event happened (the
// date their opening sentences give); an outlet whose opening gives another
// date for the same happening, and not the common one, disagrees.
func (s *story) dateConflicts() []parallax.Conflict {
	type dated struct {
		u    *unit
		d    parallax.DateMention
		date string
	}
	byDate := map[string][]dated{}
	outletsOf := map[string]map[string]bool{}
	perOutlet := map[string]map[string]bool{} // outlet → lead dates it gives
	for _, u := range s.units {
		if u.idx >= leadSentences || u.quoted {
			continue
		}
		if labelLine(u) {
			continue // a time stamp or caption line: the page's date, not the happening's
		}
		for _, di := range u.dates {
			d := u.art.Dates[di]
			if d.Published || len(d.Date) != 10 || scheduled(u, d) {
				continue
			}
			o := s.outletOf[u.art.Article.ID]
			if yearGuessed(u.art, d) {
				d.Date = "????" + d.Date[4:] // the year was only guessed: compare month and day
			}
			byDate[d.Date] = append(byDate[d.Date], dated{u, d, d.Date})
			if outletsOf[d.Date] == nil {
				outletsOf[d.Date] = map[string]bool{}
			}
			outletsOf[d.Date][o] = true
			if perOutlet[o] == nil {
				perOutlet[o] = map[string]bool{}
			}
			perOutlet[o][d.Date] = true
		}
	}
	common := ""
	for d, os := range outletsOf {
		if len(os) >= 2 && (common == "" || len(os) > len(outletsOf[common]) || len(os) == len(outletsOf[common]) && d < common) {
			common = d
		}
	}
	if common == "" {
		return nil
	}
	// a date whose year was guessed joins the common date when month and
	// day agree, and otherwise is held against it with the common year
	for d, xs := range byDate {
		if !strings.HasPrefix(d, "????") {
			continue
		}
		full := common[:4] + d[4:]
		delete(byDate, d)
		byDate[full] = append(byDate[full], xs...)
		for _, x := range xs {
			o := s.outletOf[x.u.art.Article.ID]
			if outletsOf[full] == nil {
				outletsOf[full] = map[string]bool{}
			}
			outletsOf[full][o] = true
			perOutlet[o][full] = true
		}
	}
	// a sentence giving both dates ("his body was found July 27, but the
	// coroner said the death occurred July 24") tells two happenings on
	// those days: an outlet giving the other date alone tells the other one
	bothDates := func(d string) bool {
		in := map[*unit]bool{}
		for _, x := range byDate[d] {
			in[x.u] = true
		}
		for _, y := range byDate[common] {
			if in[y.u] {
				return true
			}
		}
		return false
	}
	var out []parallax.Conflict
	dates := make([]string, 0, len(byDate))
	for d := range byDate {
		dates = append(dates, d)
	}
	sort.Strings(dates)
	for _, d := range dates {
		if d == common || bothDates(d) {
			continue
		}
		var side []parallax.Evidence
		seen := map[string]bool{}
		for _, x := range byDate[d] {
			o := s.outletOf[x.u.art.Article.ID]
			if perOutlet[o][common] || seen[o] {
				continue // the outlet also gives the common date: a second day, not a disagreement
			}
			if x.date == x.u.art.Article.PublishedDate() {
				continue // the article's own date, stated in its text
			}
			// it must tell the same happening as some sentence giving the common date
			same := false
			for _, y := range byDate[common] {
				if x.u.words >= 8 && contextSim(x.u, y.u) >= 0.3 && s.support(x.u, y.u) >= 3 {
					same = true
					break
				}
				// two leads that name the same participants tell the same
				// happening, in any language; so do two that name one and
				// the same kind of event ("collided", "colidiram")
				if g := sharedGroups(x.u, y.u); x.u.idx < 4 && y.u.idx < 4 && (g >= 2 || g == 1 && sharedConcepts(x.u, y.u) > 0) {
					same = true
					break
				}
			}
			if !same {
				continue
			}
			seen[o] = true
			side = append(side, s.evidence(x.u.art, clause(x.u.art.Article.Text, x.u.span, x.d.Span, 30)))
		}
		if len(side) == 0 {
			continue
		}
		var other []parallax.Evidence
		seenC := map[string]bool{}
		for _, y := range byDate[common] {
			o := s.outletOf[y.u.art.Article.ID]
			if seenC[o] {
				continue
			}
			seenC[o] = true
			other = append(other, s.evidence(y.u.art, clause(y.u.art.Article.Text, y.u.span, y.d.Span, 30)))
		}
		out = append(out, parallax.Conflict{Kind: "date", Subject: "when it happened",
			Summary: fmt.Sprintf("%s give %s where %s give %s", strings.Join(outletNames(s, side), ", "), d,
				strings.Join(outletNames(s, other), ", "), common),
			Sides: [][]parallax.Evidence{side, other}})
	}
	return out
}

var scheduleMarkers = lang.Words("schedule_markers", "en")

// scheduled: the words right before the date set it for the future ("is
// set for June 17", "will be sentenced on Monday").
func scheduled(u *unit, d parallax.DateMention) bool {
	text := u.art.Article.Text
	before := strings.Fields(strings.ToLower(text[u.span.Start:d.Span.Start]))
	for k := max(0, len(before)-4); k < len(before); k++ {
		if scheduleMarkers.Match(before[k:]) > 0 {
			return true
		}
	}
	return false
}

// yearGuessed: the mention writes no year and the article has no date of
// its own, so the year the date resolver chose is a guess.
func yearGuessed(a *parallax.Analysis, d parallax.DateMention) bool {
	return a.Article.Published.IsZero() && !yearRe.MatchString(d.Text)
}

// sharedConcepts counts the concept families (lang.Concept) two sentences
// both use: the same kind of event told in any language.
func sharedConcepts(a, b *unit) int {
	n := 0
	for f := range a.feats {
		if strings.HasPrefix(f, "c:") && b.feats[f] > 0 {
			n++
		}
	}
	return n
}

// sharedGroups counts the entity groups two sentences both name.
func sharedGroups(a, b *unit) int {
	n := 0
	for g := range a.ents {
		if b.ents[g] {
			n++
		}
	}
	return n
}

func outletNames(s *story, ev []parallax.Evidence) []string {
	var out []string
	for _, e := range ev {
		out = appendUniq(out, s.outletOf[e.Article])
	}
	return out
}

// A dated act: a date and the verb it dates ("died on Tuesday", "was
// elected May 8"), with the name before the verb when there is one.
type datedAct struct {
	verb string // as written: "elected"
	key  string // name group | verb stem
	date string // as precise as the text states it (statedDate)
	prec string // "full", "md" (month and day), "ym" (month and year) or "wd" (weekday)
	u    *unit
	sp   parallax.Span
	noun bool // the date is attached to an event noun ("the March 2005 rampage"), keyed by its concept
	// deictic: the date counts from the writing ("yesterday"), only as
	// right as the page's own date
	deictic bool
}

// statedDate is a date as precise as its article makes it: the full date
// when the text or the article's own date fixes the year; month and day
// ("--01-31") when the year was only guessed; month and year ("1999-06")
// when the text names no day; the weekday ("Monday") when
// an undated article names only the day of the week (which then resolves
// to no date at all). prec is "" when the
// mention states none of these.
func statedDate(a *parallax.Analysis, d parallax.DateMention) (date, prec string) {
	if !yearGuessed(a, d) && len(d.Date) == 10 {
		return d.Date, "full"
	}
	if len(d.Date) == 7 && yearRe.MatchString(d.Text) {
		return d.Date, "ym" // "June 1999"
	}
	digits := strings.ContainsAny(d.Text, "0123456789")
	for _, w := range strings.FieldsFunc(strings.ToLower(d.Text), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if wd, ok := lang.Weekday(a.Language, w); ok && !digits {
			return time.Weekday(wd % 7).String(), "wd"
		}
	}
	if digits && len(d.Date) == 10 {
		return "--" + d.Date[5:], "md"
	}
	if md, ok := monthDay(a.Language, d.Text); ok && d.Date == "" {
		return md, "md" // "June 24" in an undated article with no year to anchor it
	}
	return "", ""
}

// monthDay reads a month name and a day of the month from a date's words
// ("June 24", "24th of June", "Jan. 3") as "--MM-DD".
func monthDay(l, text string) (string, bool) {
	month, day := 0, 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if m, ok := lang.Month(l, w); ok && month == 0 {
			month = m
			continue
		}
		if m, ok := lang.MonthAbbreviations(l)[w]; ok && month == 0 {
			month = m
			continue
		}
		n := strings.TrimRight(w, "stndrh")
		if v, err := strconv.Atoi(n); err == nil && v >= 1 && v <= 31 && day == 0 && len(n) <= 2 {
			day = v
		}
	}
	if month < 1 || month > 12 || day == 0 {
		return "", false
	}
	return fmt.Sprintf("--%02d-%02d", month, day), true
}

// atPrecision restates the acts' dates at one precision, so that "Friday"
// and "Jan. 31, 2025" compare by weekday and "Jan. 31" and "2025-01-31" by
// month and day: the precision among theirs that the most of them can be
// restated at, the coarser on a tie. An act that cannot be restated (a
// month and day against a weekday, a month and year against either) is
// left out, so that one sentence's weekday does not leave two outlets'
// "August 2006" and "August 2007" with nothing to compare.
func atPrecision(as []datedAct) []datedAct {
	best, bestN := "", -1
	for _, level := range []string{"wd", "md", "ym", "full"} { // coarsest first
		if !slices.ContainsFunc(as, func(a datedAct) bool { return a.prec == level }) {
			continue
		}
		if n := len(restated(as, level)); n > bestN {
			best, bestN = level, n
		}
	}
	if best == "" {
		return as
	}
	return restated(as, best)
}

// restated is the acts of as whose dates can be told at precision level,
// so told.
func restated(as []datedAct, level string) []datedAct {
	var out []datedAct
	for _, a := range as {
		switch {
		case a.prec == level:
		case a.prec == "full" && level == "md":
			if y := a.u.art.Article.Published; !y.IsZero() && y.Format("2006") != a.date[:4] {
				continue // a date of another year than the article's: another happening
			}
			a.date, a.prec = "--"+a.date[5:], "md"
		case a.prec == "full" && level == "ym":
			a.date, a.prec = a.date[:7], "ym"
		case a.prec == "full" && level == "wd":
			t, err := time.Parse("2006-01-02", a.date)
			if y := a.u.art.Article.Published; err != nil || !y.IsZero() && y.Year() != t.Year() {
				continue
			}
			a.date, a.prec = t.Weekday().String(), "wd"
		default:
			continue
		}
		out = append(out, a)
	}
	return out
}

// datedActs lists the story's dated acts, outside quotations, each date
// as precise as its text states it (statedDate).
func (s *story) datedActs() []datedAct {
	var out []datedAct
	for _, u := range s.units {
		if u.quoted {
			continue
		}
		for _, di := range u.dates {
			d := u.art.Dates[di]
			if d.Published || d.Date != "" && (len(d.Date) != 10 && len(d.Date) != 7 || d.Date == u.art.Article.PublishedDate()) {
				continue
			}
			date, prec := statedDate(u.art, d)
			if prec == "" || boundDate(u, d) {
				continue // a date bounding a span moves with the news ("the bridge stays shut until Friday")
			}
			if n, sp, ok := dateNoun(u, d); ok {
				out = append(out, datedAct{verb: n, key: "e|n:" + n, date: date, prec: prec, u: u, sp: sp, noun: true, deictic: deictic(d.Text)})
			}
			v, sp, ok := dateVerb(u, d)
			if !ok {
				continue
			}
			verbAt := sp.Start
			if sp.Start == d.Span.Start {
				verbAt = sp.End
			}
			g := -1
			for i := range u.art.Entities {
				e := &u.art.Entities[i]
				for _, m := range e.Mentions {
					if m.Start >= u.span.Start && m.End <= verbAt && (m.Start >= d.Span.End || m.End <= d.Span.Start) {
						g = s.ents.groupOf(e.Name) // the sentence's name before the verb
					}
				}
			}
			if g < 0 && (prec != "full" || sp.Start == d.Span.Start) {
				continue // a weekday or a date without its year, or a date before its verb, needs a named subject to say whose act it is
			}
			out = append(out, datedAct{verb: v, key: strconv.Itoa(g) + "|" + stem(v, "en"), date: date, prec: prec, u: u, sp: sp, deictic: deictic(d.Text)})
		}
	}
	return out
}

var eventHeads = lang.Words("event_heads", "en")

// eventNoun returns the kind of happening w (lower case) names, or "": its
// news-fact concept ("blaze" → "fire"), a head of named events
// ("earthquake"), or a noun whose most frequent WordNet sense is an event
// or an act ("rampage", "shooting"). Past forms are verbs, not nouns.
func eventNoun(w string) string {
	if w == "" || lang.Stopword(w) || pastVerb(w) {
		return ""
	}
	if c := lang.Concept(w); c != "" {
		return c
	}
	cs := lang.NounClasses(w)
	if eventHeads.Has(w) || len(cs) > 0 && (cs[0] == "event" || cs[0] == "act") {
		return stem(w, "en")
	}
	return ""
}

// timeWord: a piece of a clock time or a part of the day that may stand
// between a date and the noun it dates ("Tuesday's 2:09 a.m. jolt").
func timeWord(w string) bool {
	w = strings.Trim(w, ".")
	switch {
	case dayParts.Has(w), clockMarkers.Has(w), clockMarkers.Has(w + "."):
		return true
	case strings.TrimSuffix(strings.Trim(w, "'’"), "s") == "", w == "a" || w == "p" || w == "m":
		// a possessive's pieces ("Tuesday's") and a clock's "a. m."
		return true
	}
	return strings.Trim(w, "0123456789:.") == ""
}

var (
	dayParts     = lang.Words("day_parts", "en")
	clockMarkers = lang.Words("clock_markers", "en")
)

// progressiveAuxiliaries are the forms of "be" before a verb's -ing form.
var progressiveAuxiliaries = lang.Words("progressive_auxiliaries", "en")

// dateNoun finds the happening a date in u dates when it is attached to an
// event noun: the noun right after it ("the March 2005 rampage",
// "Tuesday's 2:09 a.m. jolt") or the nearest before it in its clause ("the
// blaze which broke out in the early hours of Friday morning"). The noun
// is returned as its concept, so that "quake" and "temblor" are one event.
func dateNoun(u *unit, d parallax.DateMention) (string, parallax.Span, bool) {
	text := u.art.Article.Text
	after := strings.Fields(text[d.Span.End:u.span.End])
	for n := 0; n < len(after) && n < 6; n++ {
		w := strings.ToLower(after[n])
		if strings.ContainsAny(w, ",;()") {
			break
		}
		if timeWord(w) {
			continue
		}
		if c := eventNoun(strings.Trim(w, ".")); c != "" {
			end := d.Span.End + strings.Index(text[d.Span.End:u.span.End], after[n]) + len(after[n])
			return c, parallax.Span{Start: d.Span.Start, End: end}, true
		}
		break
	}
	before := strings.Fields(text[u.span.Start:d.Span.Start])
	for k, n := len(before)-1, 0; k >= 0 && n < maxDateReach; k-- {
		w := strings.ToLower(strings.Trim(before[k], ",.;:"))
		if hasWord(w, conjunctions...) || strings.HasSuffix(before[k], ";") || strings.HasSuffix(before[k], ",") && n > 0 {
			break
		}
		if w == "" {
			continue
		}
		n++
		if strings.HasSuffix(w, "ing") && k > 0 && progressiveAuxiliaries.Has(strings.ToLower(before[k-1])) {
			break // "was leaving her car Friday": a verb, whose act the verb checks date
		}
		if c := eventNoun(w); c != "" {
			at := u.span.Start + strings.LastIndex(text[u.span.Start:d.Span.Start], before[k])
			return c, parallax.Span{Start: at, End: d.Span.End}, true
		}
	}
	return "", parallax.Span{}, false
}

// dateVerb finds the act a date in u dates: the nearest past verb before
// it in its clause, or, when the date opens its clause, the first after
// it. sp runs from the verb to the date (or the date to the verb).
func dateVerb(u *unit, d parallax.DateMention) (string, parallax.Span, bool) {
	text := u.art.Article.Text
	before := strings.Fields(text[u.span.Start:d.Span.Start])
	// the nearest past verb before the date in its clause ("died
	// on Tuesday", "passed away in Beverly Hills, Calif., on
	// Tuesday", "collided with a military helicopter Friday")
	k := len(before) - 1
	v := ""
	for n := 0; k >= 0 && n < maxDateReach; k-- {
		w := strings.ToLower(strings.Trim(before[k], ",.;:"))
		if asComplement(before, k) {
			continue // "was hired as coach on April 21": "as" of the verb's complement, no new clause
		}
		if hasWord(w, conjunctions...) || strings.HasSuffix(before[k], ";") {
			break
		}
		if w == "" {
			continue // a mark tokenised apart ("Springfield , Missouri , on") is no word
		}
		n++
		if pastVerb(w) && !(k > 0 && nounDeterminers.Has(strings.ToLower(before[k-1]))) { // "the ground" is a noun
			v = w
			break
		}
	}
	if pageVerbs.Has(v) {
		return "", parallax.Span{}, false // "Updated: June 10": the page's record, not the story's
	}
	if v != "" && raisingVerb(strings.Join(before[k:], " "), v) {
		return "", parallax.Span{}, false // "expected to appear on Monday": the act is the verb after "to"
	}
	var sp parallax.Span
	if v != "" {
		at := u.span.Start + strings.Index(text[u.span.Start:d.Span.Start], before[k])
		sp = parallax.Span{Start: at, End: d.Span.End}
	} else {
		// the date opens its clause ("On Saturday, police arrested"), or
		// stands between a named subject and its verb ("Papandreou on
		// Thursday announced"), which then follows at once
		reach := maxDateReach
		after := strings.Fields(text[d.Span.End:u.span.End])
		if !opensClause(text[u.span.Start:d.Span.Start]) {
			if !namedSubject(text[u.span.Start:d.Span.Start]) && !verbNext(after) {
				return "", parallax.Span{}, false
			}
			reach = 2 // "on Monday afternoon announced"
		}
		for n := 0; n < len(after) && n < reach; n++ {
			w := strings.ToLower(strings.Trim(after[n], ",.;:"))
			if hasWord(w, conjunctions...) {
				break
			}
			if pastVerb(w) {
				if presentPerfect(after[:n]) {
					return "", parallax.Span{}, false // "9 May 2025 Prevost has been elected": no time of the act
				}
				v = w
				end := d.Span.End + strings.Index(text[d.Span.End:u.span.End], after[n]) + len(after[n])
				sp = parallax.Span{Start: d.Span.Start, End: end}
				break
			}
		}
		if v == "" || pageVerbs.Has(v) {
			return "", parallax.Span{}, false
		}
	}
	return v, sp, true
}

var (
	pageVerbs        = lang.Words("page_verbs", "en")
	irregularPast    = lang.Words("irregular_past", "en")
	attributionVerbs = lang.Words("attribution_verbs", "en")
)

// pastVerb: a past form, regular ("arrested") or irregular ("found"), of
// a verb that is not one of attribution: when a source spoke or an outlet
// reported is each outlet's own timing, not a fact of the story.
func pastVerb(w string) bool {
	if lang.Stopword(w) || attributionVerbs.Has(w) {
		return false
	}
	return len(w) >= 4 && strings.HasSuffix(w, "ed") || irregularPast.Has(w)
}

// raisingVerb: the verb v in s is followed by "to" and a verb ("expected
// to face", "scheduled to appear"): it carries another verb's act. "To"
// before a noun is a preposition and the act is v's own ("sentenced to
// life", "returned to prison", "burned to the ground").
func raisingVerb(s, v string) bool {
	f := strings.Fields(strings.ToLower(s))
	for i := 0; i+2 < len(f); i++ {
		if strings.Trim(f[i], ",.;:") == v && f[i+1] == "to" && canBeVerb(strings.Trim(f[i+2], ",.;:\"“”")) {
			return true
		}
	}
	return false
}

// canBeVerb: w may be the bare verb of an infinitive — a word WordNet
// knows as a verb, or a function word that is no determiner ("be",
// "have"); not a noun alone ("life", "prison"), a determiner or a number.
func canBeVerb(w string) bool {
	if w == "" || determiners.Has(w) || isNumber(w) {
		return false
	}
	if lang.Stopword(w) {
		return true
	}
	for _, id := range lang.ActSenses(w) {
		if strings.HasPrefix(id, "v") {
			return true
		}
	}
	return false
}

var (
	perfectAuxiliaries = lang.Words("present_perfect_auxiliaries", "en")
	nounDeterminers    = lang.Words("noun_determiners", "en")
)

// presentPerfect: the words before a past participle end in a present
// perfect auxiliary ("has", "have been"), which takes no date of the past.
func presentPerfect(before []string) bool {
	for k := max(0, len(before)-2); k < len(before); k++ {
		ws := make([]string, 0, len(before)-k)
		for _, w := range before[k:] {
			ws = append(ws, strings.ToLower(w))
		}
		if perfectAuxiliaries.Match(ws) == len(ws) {
			return true
		}
	}
	return false
}

// verbNext: the date stands right before a past verb, with no mark
// between ("The navy patrolling the gulf on Saturday thwarted an attack"):
// it times that verb, whatever its subject.
func verbNext(after []string) bool {
	return len(after) > 0 && after[0] == strings.TrimRight(after[0], ",;:") && pastVerb(strings.ToLower(strings.Trim(after[0], ".")))
}

// asComplement: before[k] is "as" right after a past verb ("hired as
// coach", "named as its head"), the preposition of the verb's complement
// rather than a conjunction opening a clause ("as it was leaving").
func asComplement(before []string, k int) bool {
	return k > 0 && strings.ToLower(before[k]) == "as" && pastVerb(strings.ToLower(strings.Trim(before[k-1], ",.;:\"“”")))
}

// opensClause: the words before a date in its clause are at most a
// preposition ("On Saturday, …", "Saturday, …").
func opensClause(before string) bool {
	if i := strings.LastIndexAny(before, ",;:"); i >= 0 {
		before = before[i+1:]
	}
	return len(strings.Fields(before)) <= 1
}

// namedSubject: the clause before a date is a name, capitalised words
// only, and perhaps "on" ("Keir Starmer on", "HP"): the subject of a verb
// after the date.
func namedSubject(before string) bool {
	if i := strings.LastIndexAny(before, ",;:"); i >= 0 {
		before = before[i+1:]
	}
	f := strings.Fields(before)
	if n := len(f); n > 0 && f[n-1] == "on" {
		f = f[:n-1]
	}
	if len(f) == 0 || len(f) > 5 {
		return false
	}
	for _, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || lang.Stopword(strings.ToLower(w)) {
			return false
		}
	}
	return true
}

// maxDateReach is how many words before a date its verb may stand.
const maxDateReach = 10

// dateSlotConflicts: outlets date the same act differently ("was elected
// on Thursday" / "was elected on Friday"): every outlet dates it once, at
// least two give it, and no article gives it two dates (two happenings).
// A disagreement another date conflict already shows is left to it.
func (s *story) dateSlotConflicts(prev []parallax.Conflict) []parallax.Conflict {
	shown := shownPairs(prev)
	acts := s.datedActs()
	byKey := map[string][]datedAct{}
	var keys []string
	for _, a := range acts {
		if a.u.art.Language != "en" {
			continue
		}
		if len(byKey[a.key]) == 0 {
			keys = append(keys, a.key)
		}
		byKey[a.key] = append(byKey[a.key], a)
	}
	twice := s.verbsDatedTwice(acts)
	var out []parallax.Conflict
	for _, k := range keys {
		as := atPrecision(byKey[k])
		if strings.HasPrefix(k, "e|") {
			as = s.alikeAcross(as)
		}
		if twice[strings.SplitN(k, "|", 2)[1]] {
			continue
		}
		dates := map[*parallax.Analysis]string{}
		bad := false
		outlets := map[string]map[string]bool{}
		for _, a := range as {
			if d, ok := dates[a.u.art]; ok && d != a.date {
				bad = true
			}
			dates[a.u.art] = a.date
			if outlets[a.date] == nil {
				outlets[a.date] = map[string]bool{}
			}
			outlets[a.date][s.outletOf[a.u.art.Article.ID]] = true
		}
		if bad || len(outlets) < 2 || s.otherPeopleDated(as) {
			continue
		}
		ds := byOutlets(outlets)
		c := s.dateConflict("when it was "+as[0].verb, ds, as, outlets)
		if shownAlready(c.Sides, shown) {
			continue
		}
		for k, v := range shownPairs([]parallax.Conflict{c}) {
			shown[k] = v // an event noun and its verb in one sentence are one disagreement
		}
		out = append(out, c)
	}
	return out
}

// eventSim is how alike two sentences dating one event noun differently
// must be to tell one happening: event nouns recur ("Saturday's game",
// "the game on Friday") far more than a named actor's act does.
const eventSim = 0.3

// alikeAcross keeps the acts told, with another date, in a sentence alike
// enough to be the same happening (eventSim).
func (s *story) alikeAcross(as []datedAct) []datedAct {
	var out []datedAct
	for _, a := range as {
		for _, b := range as {
			if a.date != b.date && s.outletOf[a.u.art.Article.ID] != s.outletOf[b.u.art.Article.ID] &&
				(contextSim(a.u, b.u) >= eventSim || s.sameNounArgs(a, b)) {
				out = append(out, a)
				break
			}
		}
	}
	return out
}

// sameNounArgs: two event nouns written after their dates name the same
// happening by what follows them ("the June 24 murder of the clerk in
// Kessel", "his June 12 murder of the clerk"): the words after each noun,
// up to the clause's end or five words, share a name or two content words.
// A noun recurs for many happenings ("the fire", "Saturday's game"); its
// arguments tell which.
func (s *story) sameNounArgs(a, b datedAct) bool {
	if !a.noun || !b.noun || s.otherPeople(a.u, b.u, a.sp, b.sp) {
		return false
	}
	wa, ga := s.nounArgs(a)
	wb, gb := s.nounArgs(b)
	for g := range ga {
		if gb[g] {
			return true
		}
	}
	shared := 0
	for w := range wa {
		if wb[w] {
			shared++
		}
	}
	return shared >= 2
}

// nounArgs are the content stems and the names (entity groups) of the up
// to five words after a dated event noun, within its clause; none when the
// noun stands before its date.
func (s *story) nounArgs(a datedAct) (map[string]bool, map[int]bool) {
	words, groups := map[string]bool{}, map[int]bool{}
	text := a.u.art.Article.Text
	if a.sp.End <= a.sp.Start || a.sp.End > a.u.span.End {
		return words, groups
	}
	rest := text[a.sp.End:a.u.span.End]
	if i := strings.IndexAny(rest, ",;:.("); i >= 0 {
		rest = rest[:i]
	}
	f := strings.Fields(rest)
	if len(f) > 5 {
		f = f[:5]
		rest = rest[:strings.Index(rest, f[4])+len(f[4])]
	}
	if len(f) > 0 && hasWord(f[0], conjunctions...) {
		return words, groups
	}
	for _, w := range contentWords(strings.Join(f, " ")) {
		words[stem(w, a.u.art.Language)] = true
	}
	from, to := a.sp.End, a.sp.End+len(rest)
	for i := range a.u.art.Entities {
		e := &a.u.art.Entities[i]
		for _, m := range e.Mentions {
			if m.Start >= from && m.End <= to {
				if g := s.ents.groupOf(e.Name); g >= 0 {
					groups[g] = true
				}
			}
		}
	}
	return words, groups
}

// shownAlready: some pair of articles on two of the sides already stands
// on two sides of another conflict.
func shownAlready(sides [][]parallax.Evidence, shown map[[2]string]bool) bool {
	for i, x := range sides {
		for _, y := range sides[i+1:] {
			for _, a := range x {
				for _, b := range y {
					if shown[[2]string{a.Article, b.Article}] {
						return true
					}
				}
			}
		}
	}
	return false
}

// pairedFact: a and b stand in sentences of two outlets that are each
// other's one best match by words (bestMatch), near the same content words
// (within pairedWindow words either side), about no two different names,
// and neither number is a year: one fact told with two figures ("killed 67
// people" and "claimed the lives of 155 people"), whatever else the
// sentences say.
func (s *story) pairedFact(a, b qref, aa, ab map[int]bool, best map[bestKey]*unit) bool {
	if otherAnchors(aa, ab) || yearNumber(a) || yearNumber(b) || !closestOfKind(a, b) || !closestOfKind(b, a) {
		return false
	}
	if a.q.Head == "age" && !sharesAnchor(aa, ab) && nounAfter(a) != nounAfter(b) {
		return false // "the 36-year-old driver" and "a 66-year-old woman"
	}
	if givesValue(a.u, b.q) || givesValue(b.u, a.q) {
		return false // "32 million people tuning in, compared with 55.3 million a decade ago"
	}
	if listedPart(a) || listedPart(b) {
		return false // "$4.2 billion in cash and 57 million shares": a part of the price
	}
	if isDuration(a.q) && (a.q.Unit != b.q.Unit || elapsed(a) || elapsed(b)) {
		// "four weeks in hospital" and "nine days after the attack" time
		// two things; "after four days of riots" runs on with the story
		return false
	}
	if s.bestMatch(a.u, b.u.art, best) != b.u || s.bestMatch(b.u, a.u.art, best) != a.u {
		return false
	}
	return sharedNear(a, b, pairedWindow) > 0 && othersAgree(a, b) && othersAgree(b, a)
}

// closestOfKind: a is the figure of its kind in its sentence that b is
// about: the only one, or the one whose words around it share strictly more
// with b's than any other's do ("Labour had a majority of 176, with 412
// seats": the majority, against "a majority of 368").
func closestOfKind(a, b qref) bool {
	if onlyOfKind(a) {
		return true
	}
	own := sharedNear(a, b, pairedWindow)
	for _, qi := range a.u.qtys {
		q := &a.u.art.Quantities[qi]
		if qi != a.i && (q.Unit == "" || quantity.SameThing(*a.q, *q)) && sharedNear(qref{a.u, qi, q}, b, pairedWindow) >= own {
			return false
		}
	}
	return own >= 2 // with other figures about, one shared word is not enough
}

// givesValue: a figure of u, of any unit or none, has q's value.
func givesValue(u *unit, q *parallax.Quantity) bool {
	for _, qi := range u.qtys {
		y := &u.art.Quantities[qi]
		if y != q && y.Value != nil && q.Value != nil && *y.Value == *q.Value {
			return true
		}
	}
	return false
}

// listedPart: another figure stands next to q in its sentence, joined to
// it by "and" within a few words ("$4.2 billion in cash and 57 million
// shares", "two trucks and four vans"): q may be one part of a whole that
// another outlet gives entire.
func listedPart(q qref) bool {
	text := q.u.art.Article.Text
	for _, qi := range q.u.qtys {
		y := &q.u.art.Quantities[qi]
		var between string
		switch {
		case y.Span.Start >= q.q.Span.End:
			between = text[q.q.Span.End:y.Span.Start]
		case y.Span.End <= q.q.Span.Start:
			between = text[y.Span.End:q.q.Span.Start] // "two trucks and four vans"
		default:
			continue
		}
		if len(strings.Fields(between)) <= 4 && hasWord(between, "and", "plus") {
			return true
		}
	}
	return false
}

// elapsed: a span of time counted up to the telling ("after eight days of
// riots"), which grows from one article to the next.
func elapsed(q qref) bool {
	before := strings.Fields(strings.ToLower(q.u.art.Article.Text[q.u.span.Start:q.q.Span.Start]))
	return len(before) > 0 && elapsedWords.Has(before[len(before)-1])
}

var elapsedWords = lang.Words("elapsed_words")

// pairedWindow is how many words either side of two figures of one paired
// fact must hold a shared content word.
const pairedWindow = 4

type bestKey struct {
	u   *unit
	art *parallax.Analysis
}

// bestMatch is the fact sentence of art most like u by words
// (contextSim at least minLooseSim), nil when there is none or two tie.
func (s *story) bestMatch(u *unit, art *parallax.Analysis, cache map[bestKey]*unit) *unit {
	k := bestKey{u, art}
	if v, ok := cache[k]; ok {
		return v
	}
	var best *unit
	top, second := 0.0, 0.0
	for _, v := range s.units {
		if v.art != art || !factUnit(v) {
			continue
		}
		c := contextSim(u, v)
		switch {
		case c > top:
			best, top, second = v, c, top
		case c > second:
			second = c
		}
	}
	if top < minLooseSim || second >= top {
		best = nil
	}
	cache[k] = best
	return best
}

// yearNumber: the figure's number is written as a year ("in 2009").
func yearNumber(q qref) bool {
	m := digitRun.FindString(q.q.Text)
	return yearLike(m)
}

var digitRun = regexp.MustCompile(`\d+`)

// leftOver: a and b stand in two outlets' sentences that tell one fact —
// lined up as one, or each other's best match by words — and that give
// another figure alike ("for 310 yards and three touchdowns" / "for 310
// yards and 6 touchdowns"); once the figures of a's kind that agree are
// paired off, a and b are the only ones left in their sentences. The
// figure the two tellings differ on is then the one they dispute, wherever
// it stands and whatever words surround it. Not when a figure is tied to a
// name the other sentence does not give (two players' yards) or to someone
// unnamed ("with his 7.5 points"), nor when the
// figures paired by value stand in other words than the ones left ("eight
// hours on one charge, up from five hours" / "five hours on one charge and
// four hours with the faster chip").
func (s *story) leftOver(a, b qref, aa, ab map[int]bool, best map[bestKey]*unit) bool {
	if otherAnchors(aa, ab) || yearNumber(a) || yearNumber(b) || givesValue(a.u, b.q) || givesValue(b.u, a.q) ||
		!namedIn(aa, b.u) || !namedIn(ab, a.u) || converted(a) || converted(b) ||
		len(aa) == 0 && aboutPronoun(a) || len(ab) == 0 && aboutPronoun(b) {
		return false
	}
	if !(a.u.fact >= 0 && a.u.fact == b.u.fact) && (s.bestMatch(a.u, b.u.art, best) != b.u || s.bestMatch(b.u, a.u.art, best) != a.u) {
		return false
	}
	return agreeingFigure(a, b) && !otherClash(a, b) && aloneOfKind(a, b) && aloneOfKind(b, a)
}

// otherClash: once the other figures of a's and b's sentences that agree
// are paired off, one to one, each sentence still holds a figure of one
// kind the other holds too: a second disagreement, so the sentences tell
// counts of another scope ("9 crates, 40 boxes" / "three crates, 16
// boxes"), not one fact with one figure changed. A figure only one
// sentence gives is a detail the other leaves out; conversions in
// parentheses and bare numbers are left aside.
func otherClash(a, b qref) bool {
	rest := func(q qref) []qref {
		var out []qref
		for _, qi := range q.u.qtys {
			x := qref{q.u, qi, &q.u.art.Quantities[qi]}
			if qi != q.i && x.q.Unit != "" && !converted(x) && !quantity.SplitPiece(q.u.art.Article.Text, x.q.Span) {
				out = append(out, x)
			}
		}
		return out
	}
	xs, ys := rest(a), rest(b)
	used := make([]bool, len(ys))
	var left []qref
	for _, x := range xs {
		paired := false
		for k, y := range ys {
			if !used[k] && quantity.SameThing(*x.q, *y.q) && compatible(x.q, y.q) {
				used[k], paired = true, true
				break
			}
		}
		if !paired {
			left = append(left, x)
		}
	}
	for k, y := range ys {
		for _, x := range left {
			if !used[k] && quantity.SameThing(*x.q, *y.q) {
				return true
			}
		}
	}
	return false
}

// namedIn: the sentence u names every entity of anchors.
func namedIn(anchors map[int]bool, u *unit) bool {
	for g := range anchors {
		if !u.ents[g] {
			return false
		}
	}
	return true
}

// agreeingFigure: the sentences of a and b give another figure alike, of
// the same thing and value: an exact figure beyond a count of one or two,
// no year, no piece of a tokenised number.
func agreeingFigure(a, b qref) bool {
	for _, qi := range a.u.qtys {
		x := &a.u.art.Quantities[qi]
		if qi == a.i || x.Value == nil || x.Approx || *x.Value <= 2 || yearLike(strconv.FormatFloat(*x.Value, 'f', -1, 64)) ||
			quantity.SplitPiece(a.u.art.Article.Text, x.Span) {
			continue
		}
		for _, qj := range b.u.qtys {
			y := &b.u.art.Quantities[qj]
			if qj != b.i && y.Value != nil && *y.Value == *x.Value && quantity.SameThing(*x, *y) && !quantity.SplitPiece(b.u.art.Article.Text, y.Span) {
				return true
			}
		}
	}
	return false
}

// aloneOfKind: every other figure of a's sentence of a's kind agrees with
// one of b's sentence other than b, and shares with it more words around
// it than a shares with that one and b with it, where they share any; a
// conversion in parentheses ("60 miles (97 kilometres)") is its figure
// again, not another.
func aloneOfKind(a, b qref) bool {
	own := sharedNear(a, b, pairedWindow)
	for _, qi := range a.u.qtys {
		x := &a.u.art.Quantities[qi]
		xr := qref{a.u, qi, x}
		if qi == a.i || !quantity.SameThing(*a.q, *x) || converted(xr) {
			continue
		}
		agree := false
		for _, qj := range b.u.qtys {
			y := &b.u.art.Quantities[qj]
			yr := qref{b.u, qj, y}
			if qj != b.i && quantity.SameThing(*x, *y) && compatible(x, y) {
				pair, c1, c2 := sharedNear(xr, yr, pairedWindow), sharedNear(a, yr, pairedWindow), sharedNear(xr, b, pairedWindow)
				agree = agree || (pair > c1 || c1 == 0) && (pair > c2 || c2 == 0) && pair+own > 0
			}
		}
		if !agree {
			return false
		}
	}
	return true
}

// converted: q stands in parentheses right after another figure of its
// sentence in another unit of the same kind ("40 kilometres (25 miles)"):
// the conversion of that figure, not a figure of its own.
func converted(q qref) bool {
	text := q.u.art.Article.Text
	for _, qi := range q.u.qtys {
		x := &q.u.art.Quantities[qi]
		if qi == q.i || x.Span.End > q.q.Span.Start || x.Unit == q.q.Unit || !quantity.SameThing(*x, *q.q) {
			continue
		}
		if strings.TrimSpace(text[x.Span.End:q.q.Span.Start]) == "(" {
			return true
		}
	}
	return false
}

// minConsensus is how many outlets must give the figure an outlier is held
// against (see outlier).
var minConsensus = 3

// outlier: qs[i] is a figure no other outlet gives, and qs[j] the one that
// several others (minConsensus outlets) give for the same kind of thing in
// sentences that share at least minSlotWindow content words near it with
// qs[i]'s (or one, in a sentence alike as a whole), as qs[j]'s does; qs[i]'s article gives that value nowhere. One
// outlet's figure against what the others agree on, told in words alike,
// is one fact reported two ways ("will buy Varn for $510 million" against
// "agreed to buy Varn for $180 million" in three outlets), however the rest
// of the sentences differ. Spans of time, ages of unnamed people, a figure of a listed
// whole and figures tied to two names are left out.
func (s *story) outlier(qs []qref, i, j int, anch []map[int]bool) bool {
	a, b := qs[i], qs[j]
	if otherAnchors(anch[i], anch[j]) || isDuration(a.q) || a.q.Head == "age" && !sharesAnchor(anch[i], anch[j]) ||
		yearNumber(a) || yearNumber(b) || listedPart(a) || listedPart(b) || converted(a) || converted(b) ||
		!closestOfKind(a, b) || !closestOfKind(b, a) || sharedWindow(a, b) < minSlotWindow {
		return false
	}
	backers := map[string]bool{}
	for k, x := range qs {
		if k == i || !quantity.SameThing(*a.q, *x.q) {
			continue
		}
		if x.u.art == a.u.art {
			if compatible(x.q, b.q) {
				return false // the outlet gives the others' value too: another figure
			}
			continue
		}
		if compatible(x.q, a.q) {
			return false // another outlet gives a's value: no outlier
		}
		if compatible(x.q, b.q) && !compatible(x.q, a.q) && !otherAnchors(anch[i], anch[k]) && (sharedWindow(a, x) >= minSlotWindow || sharedWindow(a, x) >= 1 && contextSim(a.u, x.u) >= minLooseSim) {
			backers[s.outletOf[x.u.art.Article.ID]] = true
		}
	}
	return len(backers) >= minConsensus
}
