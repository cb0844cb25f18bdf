package compare

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
)

// factDateConflicts: sentences of different outlets lined up as one fact
// (facts) that each date it once, and not alike. The fact alignment says the
// sentences tell the same happening whatever verb or subject each uses ("the
// ship slammed into the pillar Friday", "the ship collided with the bridge on
// Tuesday"), so their one date is that happening's. A date that bounds
// something ("until Wednesday", "as of Friday"), sets it for the future, or
// times when a source spoke dates no happening and is left out. A
// disagreement another date conflict already shows is left to it.
func (s *story) factDateConflicts(prev []parallax.Conflict) []parallax.Conflict {
	shown := shownPairs(prev)
	twice := s.datedTwice()
	byAct := map[string][]datedAct{} // fact and act word → the acts
	var keys []string
	for _, u := range s.units {
		if u.fact < 0 || u.quoted {
			continue
		}
		a, words, ok := s.factDate(u)
		if !ok {
			continue
		}
		for _, w := range words {
			if twice[w] {
				continue
			}
			k := strconv.Itoa(u.fact) + "|" + w
			if len(byAct[k]) == 0 {
				keys = append(keys, k)
			}
			byAct[k] = append(byAct[k], a)
		}
	}
	sort.Strings(keys)
	var out []parallax.Conflict
	for _, k := range keys {
		as := atPrecision(byAct[k])
		outlets := map[string]map[string]bool{}
		for _, a := range as {
			if outlets[a.date] == nil {
				outlets[a.date] = map[string]bool{}
			}
			outlets[a.date][s.outletOf[a.u.art.Article.ID]] = true
		}
		if len(outlets) < 2 {
			continue
		}
		c, ok := s.dateSides(as, outlets)
		if !ok || shownAlready(c.Sides, shown) {
			continue
		}
		out = append(out, c)
		for k, v := range shownPairs([]parallax.Conflict{c}) {
			shown[k] = v
		}
	}
	return out
}

// factDate is the one date of u that dates a happening, as a dated act,
// with the words that name the happening it dates: the verb's stem and
// concept, the event noun's concept. ok is false when u has no such date,
// more than one, or none of those words.
func (s *story) factDate(u *unit) (datedAct, []string, bool) {
	var found []datedAct
	var words []string
	for _, di := range u.dates {
		d := u.art.Dates[di]
		if d.Published || d.Date != "" && len(d.Date) != 10 && len(d.Date) != 7 {
			continue
		}
		if deictic(d.Text) || scheduled(u, d) || boundDate(u, d) || spokenDate(u, d) {
			return datedAct{}, nil, false // the sentence's time is not (only) the happening's
		}
		date, prec := statedDate(u.art, d)
		if prec == "" {
			return datedAct{}, nil, false
		}
		a := datedAct{verb: "happened", date: date, prec: prec, u: u, sp: d.Span}
		if n, sp, ok := dateNoun(u, d); ok {
			a.verb, a.sp = n, sp
			words = append(words, "c:"+n)
		}
		if v, sp, ok := dateVerb(u, d); ok {
			a.verb, a.sp = v, sp
			words = append(words, "v:"+stem(v, "en"))
		}
		found = append(found, a)
	}
	if len(found) != 1 || len(words) == 0 {
		return datedAct{}, nil, false
	}
	return found[0], words, true
}

// datedTwice are the act words (factDate) some article dates twice, each
// time otherwise: the verb or event names more than one happening ("elected
// on March 6 … first elected on March 4, 2022"). Two sentences lined up with
// two different facts already tell their happenings apart.
func (s *story) datedTwice() map[string]bool {
	twice := map[string]bool{}
	seen := map[string]map[*parallax.Analysis][]datedAct{}
	for _, a := range s.datedActs() {
		if a.prec == "ym" {
			continue // "died in December 2008" and "died Thursday" may be one day told at two precisions
		}
		w := "v:" + strings.SplitN(a.key, "|", 2)[1]
		if a.noun {
			w = "c:" + a.verb
		}
		if seen[w] == nil {
			seen[w] = map[*parallax.Analysis][]datedAct{}
		}
		for _, b := range seen[w][a.u.art] {
			if b.date != a.date && !(a.u.fact >= 0 && b.u.fact >= 0 && a.u.fact != b.u.fact) {
				twice[w] = true
			}
		}
		seen[w][a.u.art] = append(seen[w][a.u.art], a)
	}
	return twice
}

// dateSides writes the conflict of the acts as, whose dates the outlets
// give as in outlets: the date most outlets give first. ok is false when an
// outlet gives two of the dates.
func (s *story) dateSides(as []datedAct, outlets map[string]map[string]bool) (parallax.Conflict, bool) {
	var ds []string
	for d := range outlets {
		ds = append(ds, d)
	}
	sort.Slice(ds, func(i, j int) bool {
		if len(outlets[ds[i]]) != len(outlets[ds[j]]) {
			return len(outlets[ds[i]]) > len(outlets[ds[j]])
		}
		return ds[i] < ds[j]
	})
	seenOutlet := map[string]string{}
	for _, d := range ds {
		for o := range outlets[d] {
			if seenOutlet[o] != "" {
				return parallax.Conflict{}, false
			}
			seenOutlet[o] = d
		}
	}
	c := parallax.Conflict{Kind: "date", Subject: "when it " + as[0].verb}
	var parts []string
	for _, d := range ds {
		var side []parallax.Evidence
		seen := map[string]bool{}
		for _, a := range as {
			o := s.outletOf[a.u.art.Article.ID]
			if a.date != d || seen[o] {
				continue
			}
			seen[o] = true
			side = append(side, s.evidence(a.u.art, clause(a.u.art.Article.Text, a.u.span, a.sp, 30)))
		}
		c.Sides = append(c.Sides, side)
		var names []string
		for o := range outlets[d] {
			names = append(names, o)
		}
		sort.Strings(names)
		parts = append(parts, fmt.Sprintf("%s (%s)", d, strings.Join(names, ", ")))
	}
	c.Summary = "Outlets date it differently — " + strings.Join(parts, " vs ")
	return c, true
}

// shownPairs are the article pairs on two sides of a date conflict.
func shownPairs(cs []parallax.Conflict) map[[2]string]bool {
	shown := map[[2]string]bool{}
	for _, c := range cs {
		if c.Kind != "date" {
			continue
		}
		for i, x := range c.Sides {
			for _, y := range c.Sides[i+1:] {
				for _, a := range x {
					for _, b := range y {
						shown[[2]string{a.Article, b.Article}] = true
						shown[[2]string{b.Article, a.Article}] = true
					}
				}
			}
		}
	}
	return shown
}

// deictic: the mention counts from the moment of writing ("today", "this
// morning", "yesterday") and names no day, month or number of its own; it
// is only as right as the page's publication date, which is often the
// time of an update.
func deictic(text string) bool {
	return !strings.ContainsFunc(text, unicode.IsDigit) && !namesCalendar(text)
}

// namesCalendar: some word of text is a month or a weekday name.
func namesCalendar(text string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		for _, l := range lang.Languages {
			if _, ok := lang.Weekday(l, w); ok {
				return true
			}
			if _, ok := lang.Month(l, w); ok {
				return true
			}
		}
	}
	return false
}

// boundWords before a date make it a bound of a span of time or of a
// status ("as of Friday evening", "since Monday", "by Friday lunchtime"),
// not the time of a happening.
var boundWords = []string{"as of", "since", "by", "until", "till", "through", "before", "after"}

// boundDate: one of boundWords stands right before the date, or before the
// article and preposition that lead to it ("until early Wednesday").
func boundDate(u *unit, d parallax.DateMention) bool {
	before := strings.Fields(strings.ToLower(u.art.Article.Text[u.span.Start:d.Span.Start]))
	for k := len(before) - 1; k >= 0 && k >= len(before)-3; k-- {
		w := strings.Trim(before[k], ",.;:(")
		for _, b := range boundWords {
			if bf := strings.Fields(b); len(bf) == 2 {
				if k > 0 && strings.Trim(before[k-1], ",.;:(") == bf[0] && w == bf[1] {
					return true
				}
			} else if w == b {
				return true
			}
		}
		if w != "on" && w != "early" && w != "late" && w != "the" {
			break
		}
	}
	return false
}

// spokenDate: the nearest verb before the date is one of attribution
// ("said Tuesday", "told reporters on Sunday", "said at a news conference
// on Thursday"): the date times the speaking, each outlet's own.
func spokenDate(u *unit, d parallax.DateMention) bool {
	before := strings.Fields(strings.ToLower(u.art.Article.Text[u.span.Start:d.Span.Start]))
	for k, n := len(before)-1, 0; k >= 0 && n < maxDateReach; k-- {
		w := strings.Trim(before[k], ",.;:\"“”")
		if w == "" {
			continue
		}
		n++
		if attributionVerbs.Has(w) {
			return true
		}
		if pastVerb(w) {
			return false
		}
	}
	return false
}
