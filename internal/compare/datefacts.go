package compare

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
)

// factDateConflicts: sentences of different outlets lined up as one fact
// (facts) that each date it once, and otherwise. The fact alignment says the
// sentences tell the same happening whatever subject each names; the date
// is that happening's when both date the same verb or event ("the ship
// struck the bridge on Tuesday", "a freighter struck the bridge on
// Monday"), or when the words around the two dates are the same words
// retold ("rammed their car into a jewellery store in central Paris on
// Thursday, smashing the window"), whatever verb lies further off. A date
// that bounds something ("until Wednesday", "as of Friday"), sets it for
// the future, or times when a source spoke dates no happening and is left
// out; so are two mentions written alike ("on Tuesday" in both), which only
// resolve apart by their pages' dates. A disagreement another date conflict
// already shows is left to it.
func (s *story) factDateConflicts(prev []parallax.Conflict) []parallax.Conflict {
	shown := shownPairs(prev)
	twice := s.datedTwice()
	byFact := map[int][]factDated{}
	var facts []int
	for _, u := range s.units {
		if u.fact < 0 || u.quoted {
			continue
		}
		fd, ok := s.factDate(u)
		if !ok {
			continue
		}
		fd.words = slices.DeleteFunc(fd.words, func(w string) bool { return twice[w] })
		if len(byFact[u.fact]) == 0 {
			facts = append(facts, u.fact)
		}
		byFact[u.fact] = append(byFact[u.fact], fd)
	}
	sort.Ints(facts)
	var out []parallax.Conflict
	for _, f := range facts {
		fds := byFact[f]
		var as []datedAct
		for _, fd := range fds {
			as = append(as, fd.act)
		}
		as, at := unitDates(as)
		// the acts dating the one happening, otherwise at least once
		keep := map[*unit]bool{}
		for i, x := range fds {
			for _, y := range fds[i+1:] {
				dx, okx := at[x.act.u]
				dy, oky := at[y.act.u]
				if !okx || !oky || dx == dy || s.outletOf[x.act.u.art.Article.ID] == s.outletOf[y.act.u.art.Article.ID] {
					continue
				}
				if x.text != y.text && sameHappening(x, y) && !s.otherPeople(x.act.u, y.act.u, x.act.sp, y.act.sp) {
					keep[x.act.u], keep[y.act.u] = true, true
				}
			}
		}
		if len(keep) == 0 {
			continue
		}
		// and those telling it with a date one of them gives
		for _, x := range fds {
			for _, y := range fds {
				if keep[y.act.u] && !keep[x.act.u] && at[x.act.u] == at[y.act.u] && sameHappening(x, y) {
					keep[x.act.u] = true
				}
			}
		}
		if c, ok := s.keptConflict(as, keep, shown); ok {
			out = append(out, c)
		}
	}
	return out
}

// factDated is a sentence's one date of a happening (factDate).
type factDated struct {
	act    datedAct
	text   string          // the mention as written, lower case
	words  []string        // what names the happening: "v:" verb stem, "c:" event concept
	window map[string]bool // content stems around the date
	verb   bool            // a verb stands with the date (dateVerb, verbBefore)
}

// minDateWindow is how many content stems the words around two dates
// (dateWindowWords either side) must share for the sentences to be one
// retold: "jewellery store in central Paris on Thursday, smashing the shop
// window" shares five.
const (
	minDateWindow   = 3
	dateWindowWords = 6
)

// sameHappening: the two dates date one happening — the same verb or
// event, or, when neither dates a verb of its own, the same words around
// them ("convicted … on Tuesday after a long trial" and "sentenced … on
// Wednesday … after a long trial" are two acts).
func sameHappening(x, y factDated) bool {
	for _, w := range x.words {
		if slices.Contains(y.words, w) {
			return true
		}
	}
	if x.verb || y.verb {
		return false
	}
	n := 0
	for w := range x.window {
		if y.window[w] {
			n++
		}
	}
	return n >= minDateWindow
}

// dateWindow is the content stems within n words of the mention d in u,
// less numbers and calendar names.
func dateWindow(u *unit, d parallax.DateMention, n int) map[string]bool {
	text := u.art.Article.Text
	before := words(text[u.span.Start:d.Span.Start])
	after := words(text[d.Span.End:u.span.End])
	if len(before) > n {
		before = before[len(before)-n:]
	}
	if len(after) > n {
		after = after[:n]
	}
	out := map[string]bool{}
	for _, w := range contentWords(strings.Join(append(before, after...), " ")) {
		if !isNumber(w) && !namesCalendar(w) {
			out[stem(w, u.art.Language)] = true
		}
	}
	return out
}

// words are the words of text, less marks written apart ("Gray , 16 ,"
// in a tokenised page), which would use up a window of words.
func words(text string) []string {
	return slices.DeleteFunc(strings.Fields(text), func(w string) bool {
		return !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	})
}

// factDate is the one date of u that dates a happening, with the words
// that name the happening it dates: the verb's stem, the event noun's
// concept. ok is false when u has no such date or more than one.
func (s *story) factDate(u *unit) (factDated, bool) {
	var found []factDated
	for _, di := range u.dates {
		d := u.art.Dates[di]
		if d.Published || d.Date != "" && len(d.Date) != 10 && len(d.Date) != 7 {
			continue
		}
		if deictic(d.Text) || scheduled(u, d) || boundDate(u, d) || spokenDate(u, d) {
			return factDated{}, false // the sentence's time is not (only) the happening's
		}
		date, prec := statedDate(u.art, d)
		if prec == "" {
			return factDated{}, false
		}
		fd := factDated{act: datedAct{verb: "happened", date: date, prec: prec, u: u, sp: d.Span},
			text: strings.ToLower(strings.TrimSpace(d.Text)), window: dateWindow(u, d, dateWindowWords)}
		if n, sp, ok := dateNoun(u, d); ok {
			fd.act.verb, fd.act.sp = n, sp
			fd.words = append(fd.words, "c:"+n)
		}
		v, sp, ok := dateVerb(u, d)
		if ok {
			fd.act.verb, fd.act.sp = v, sp
			fd.words = append(fd.words, "v:"+stem(v, "en"))
		}
		fd.verb = ok || verbBefore(u, d) != ""
		found = append(found, fd)
	}
	if len(found) != 1 {
		return factDated{}, false
	}
	return found[0], true
}

// verbDates are the dates of happenings in u: its one date (factDate),
// or, in a sentence that gives several, each date that has a verb of its
// own and no event noun (dateNoun): the nearest past verb before it with
// no other date or clause-ending colon between them, or the first after
// it when it opens its clause ("His body was recovered on Tuesday after
// attempts on Saturday failed"). A date that bounds, sets, times a
// source's words or counts from the writing is left out, and so are two
// dates of one verb in the sentence, which it does not tell apart.
func (s *story) verbDates(u *unit) []factDated {
	if fd, ok := s.factDate(u); ok {
		return []factDated{fd}
	}
	var out []factDated
	n := map[string]int{}
	for _, di := range u.dates {
		d := u.art.Dates[di]
		if d.Published || d.Date != "" && len(d.Date) != 10 && len(d.Date) != 7 {
			continue
		}
		if deictic(d.Text) || scheduled(u, d) || boundDate(u, d) || spokenDate(u, d) {
			continue
		}
		if _, _, ok := dateNoun(u, d); ok {
			continue // the date of an event noun ("a Friday night concert"), not of the verb before it
		}
		date, prec := statedDate(u.art, d)
		v, sp, ok := dateVerb(u, d)
		if prec == "" || !ok {
			continue
		}
		w := "v:" + stem(v, "en")
		n[w]++
		if dateWithin(u, di, sp) || clauseColonRe.MatchString(sp.Of(u.art.Article.Text)) {
			continue
		}
		out = append(out, factDated{act: datedAct{verb: v, date: date, prec: prec, u: u, sp: sp},
			text: strings.ToLower(strings.TrimSpace(d.Text)), window: dateWindow(u, d, dateWindowWords), words: []string{w}, verb: true})
	}
	return slices.DeleteFunc(out, func(fd factDated) bool { return n[fd.words[0]] > 1 })
}

// clauseColonRe is a colon that ends a clause, not one of a clock time
// ("Then came the rally: a Friday night concert", not "at 7:01 p.m.").
var clauseColonRe = regexp.MustCompile(`:\s*[^\d\s]`)

// dateWithin: another date of u than its di-th lies inside sp, between a
// date and the verb found for it: the verb is that date's.
func dateWithin(u *unit, di int, sp parallax.Span) bool {
	for _, dj := range u.dates {
		o := u.art.Dates[dj].Span
		if dj != di && o.Start >= sp.Start && o.End <= sp.End {
			return true
		}
	}
	return false
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
	ds := byOutlets(outlets)
	seenOutlet := map[string]string{}
	for _, d := range ds {
		for o := range outlets[d] {
			if seenOutlet[o] != "" {
				return parallax.Conflict{}, false
			}
			seenOutlet[o] = d
		}
	}
	return s.dateConflict("when it "+as[0].verb, ds, as, outlets), true
}

// byOutlets is the dates of outlets, the one most outlets give first (then
// in order).
func byOutlets(outlets map[string]map[string]bool) []string {
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
	return ds
}

// dateConflict writes the conflict of the acts as over the dates ds, in
// that order, whose outlets are as in outlets: one side a date, each outlet
// once on it.
func (s *story) dateConflict(subject string, ds []string, as []datedAct, outlets map[string]map[string]bool) parallax.Conflict {
	c := parallax.Conflict{Kind: "date", Subject: subject}
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
		parts = append(parts, fmt.Sprintf("%s (%s)", shownDate(d), strings.Join(names, ", ")))
	}
	c.Summary = "Outlets date it differently — " + strings.Join(parts, " vs ")
	return c
}

// shownDate writes a date of a month and day without its year ("--06-24")
// as a reader would, "June 24"; other dates as they are (ISO 8601,
// weekdays).
func shownDate(d string) string {
	if len(d) == 7 && strings.HasPrefix(d, "--") {
		if m, err := strconv.Atoi(d[2:4]); err == nil && m >= 1 && m <= 12 {
			if day, err := strconv.Atoi(d[5:]); err == nil {
				name := lang.MonthNames("en")[m-1]
				return fmt.Sprintf("%s%s %d", strings.ToUpper(name[:1]), name[1:], day)
			}
		}
	}
	return d
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
var boundWords = lang.Words("date_bounds", "en")

// boundDate: one of boundWords stands right before the date, or before the
// article and preposition that lead to it ("until early Wednesday").
func boundDate(u *unit, d parallax.DateMention) bool {
	before := strings.Fields(strings.ToLower(u.art.Article.Text[u.span.Start:d.Span.Start]))
	for k := len(before) - 1; k >= 0 && k >= len(before)-3; k-- {
		w := strings.Trim(before[k], ",.;:(")
		if boundWords.Has(w) || k > 0 && boundWords.Has(strings.Trim(before[k-1], ",.;:(")+" "+w) {
			return true
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
	return attributionVerbs.Has(verbBefore(u, d))
}

// verbBefore is the nearest past verb, of any kind, within maxDateReach
// words before the date in its sentence, or "".
func verbBefore(u *unit, d parallax.DateMention) string {
	before := strings.Fields(strings.ToLower(u.art.Article.Text[u.span.Start:d.Span.Start]))
	for k, n := len(before)-1, 0; k >= 0 && n < maxDateReach; k-- {
		w := strings.Trim(before[k], ",.;:\"“”")
		if w == "" {
			continue
		}
		n++
		if attributionVerbs.Has(w) || pageVerbs.Has(w) || pastVerb(w) {
			return w
		}
	}
	return ""
}

// actDateConflicts: outlets date one act differently, whatever subject
// each names for it ("police arrested the driver on Monday", "the driver
// was arrested on Tuesday"): two acts of one verb, in two outlets'
// sentences, date one happening when the sentences are alike (eventSim)
// or share minDateWindow content words around the verb and date; never
// when they name different people, whose acts are their own. A verb an
// article dates twice names more than one happening, and a disagreement
// another date conflict already shows is left to it.
func (s *story) actDateConflicts(prev []parallax.Conflict) []parallax.Conflict {
	shown := shownPairs(prev)
	byVerb := map[string][]datedAct{}
	var verbs []string
	acts := s.datedActs()
	twice := s.verbsDatedTwice(acts)
	for _, a := range acts {
		if a.noun || a.deictic || a.u.art.Language != "en" {
			continue // "yesterday" is only as right as its page's date
		}
		v := strings.SplitN(a.key, "|", 2)[1]
		if len(byVerb[v]) == 0 {
			verbs = append(verbs, v)
		}
		byVerb[v] = append(byVerb[v], a)
	}
	var out []parallax.Conflict
	for _, v := range verbs {
		if twice[v] {
			continue
		}
		as := atPrecision(byVerb[v])
		keep := map[*unit]bool{}
		for i, x := range as {
			for _, y := range as[i+1:] {
				if x.date != y.date && s.outletOf[x.u.art.Article.ID] != s.outletOf[y.u.art.Article.ID] && s.sameDatedAct(x, y) {
					keep[x.u], keep[y.u] = true, true
				}
			}
		}
		if len(keep) == 0 {
			continue
		}
		// and those telling it with a date one of them gives
		for _, x := range as {
			for _, y := range as {
				if keep[y.u] && !keep[x.u] && x.date == y.date && s.sameDatedAct(x, y) {
					keep[x.u] = true
				}
			}
		}
		if c, ok := s.keptConflict(as, keep, shown); ok {
			out = append(out, c)
		}
	}
	return out
}

// keptConflict writes the conflict of the acts of as whose sentences keep
// holds, each sentence once, and adds its article pairs to shown. ok is
// false when an outlet gives two of their dates or shown already holds
// the disagreement.
func (s *story) keptConflict(as []datedAct, keep map[*unit]bool, shown map[[2]string]bool) (parallax.Conflict, bool) {
	var kept []datedAct
	outlets := map[string]map[string]bool{}
	seen := map[*unit]bool{}
	for _, a := range as {
		if !keep[a.u] || seen[a.u] {
			continue
		}
		seen[a.u] = true
		kept = append(kept, a)
		if outlets[a.date] == nil {
			outlets[a.date] = map[string]bool{}
		}
		outlets[a.date][s.outletOf[a.u.art.Article.ID]] = true
	}
	c, ok := s.dateSides(kept, outlets)
	if !ok || shownAlready(c.Sides, shown) {
		return parallax.Conflict{}, false
	}
	for k, v := range shownPairs([]parallax.Conflict{c}) {
		shown[k] = v
	}
	return c, true
}

// verbsDatedTwice are the verb stems (or event words) some article dates
// twice, each time otherwise: the verb names more than one happening
// ("elected on March 6 … first elected in 2022"), whoever its subject —
// unless the two acts name different people near verb and date ("fired
// O'Brien on Wednesday … Cheeks was fired March 2"), two happenings the
// article itself tells apart.
func (s *story) verbsDatedTwice(acts []datedAct) map[string]bool {
	twice := map[string]bool{}
	seen := map[string]map[*parallax.Analysis][]datedAct{}
	for _, a := range acts {
		if a.prec == "ym" || a.deictic {
			continue // "died in December 2008" and "died Thursday" may be one day told at two precisions; "yesterday" is the page's
		}
		v := strings.SplitN(a.key, "|", 2)[1]
		if seen[v] == nil {
			seen[v] = map[*parallax.Analysis][]datedAct{}
		}
		for _, b := range seen[v][a.u.art] {
			if b.date != a.date && !s.otherPeople(a.u, b.u, a.sp, b.sp) {
				twice[v] = true
			}
		}
		seen[v][a.u.art] = append(seen[v][a.u.art], a)
	}
	return twice
}

// sameDatedAct: two acts of one verb date one happening — their sentences
// are alike, or retell the words around verb and date — and the sentences
// name no different people.
func (s *story) sameDatedAct(x, y datedAct) bool {
	if s.otherPeople(x.u, y.u, x.sp, y.sp) {
		return false
	}
	if contextSim(x.u, y.u) >= eventSim {
		return true
	}
	wx := dateWindow(x.u, parallax.DateMention{Span: x.sp}, dateWindowWords)
	n := 0
	for w := range dateWindow(y.u, parallax.DateMention{Span: y.sp}, dateWindowWords) {
		if wx[w] {
			n++
		}
	}
	return n >= minDateWindow
}

// otherPeople: the acts x and y each name people near their verb and
// date (dateWindowWords either side) and none in common: "arrested Dana
// Roe on Monday" and "arrested Mark Tull on Tuesday" are two happenings.
// People further off in the sentence may be anyone's. Two names sharing a
// word ("Page", "Betty Mae Page") may be one person the entity groups
// missed, and are not told apart.
func (s *story) otherPeople(x, y *unit, xs, ys parallax.Span) bool {
	pa, pb := s.peopleNear(x, xs), s.peopleNear(y, ys)
	if len(pa) == 0 || len(pb) == 0 {
		return false
	}
	for g, a := range pa {
		if _, ok := pb[g]; ok {
			return false
		}
		for _, b := range pb {
			if shareNameWord(a, b) {
				return false
			}
		}
	}
	return true
}

// shareNameWord: the names a and b have a word in common.
func shareNameWord(a, b string) bool {
	for _, w := range strings.Fields(strings.ToLower(a)) {
		if len(w) > 2 && slices.Contains(strings.Fields(strings.ToLower(b)), w) {
			return true
		}
	}
	return false
}

// peopleNear is the entity groups of the people u names within
// dateWindowWords words of sp, each with its name.
func (s *story) peopleNear(u *unit, sp parallax.Span) map[int]string {
	text := u.art.Article.Text
	from, to := u.span.Start, u.span.End
	before := strings.Fields(text[u.span.Start:sp.Start])
	if len(before) > dateWindowWords {
		from = sp.Start - len(strings.Join(before[len(before)-dateWindowWords:], " ")) - 1
	}
	after := strings.Fields(text[sp.End:u.span.End])
	if len(after) > dateWindowWords {
		to = sp.End + len(strings.Join(after[:dateWindowWords], " ")) + 1
	}
	out := map[int]string{}
	for i := range u.art.Entities {
		e := &u.art.Entities[i]
		if e.Type != parallax.Person {
			continue
		}
		for _, m := range e.Mentions {
			if m.End > from && m.Start < to && m.Start >= u.span.Start && m.End <= u.span.End {
				if g := s.ents.groupOf(e.Name); g >= 0 {
					out[g] = e.Name
				}
				break
			}
		}
	}
	return out
}

// otherPeopleDated: two of the acts, dated differently, are told of
// different people ("arrested Dana Roe on Monday", "arrested Mark Tull on
// Tuesday"): two happenings, whoever did them.
func (s *story) otherPeopleDated(as []datedAct) bool {
	for i, x := range as {
		for _, y := range as[i+1:] {
			if x.date != y.date && s.otherPeople(x.u, y.u, x.sp, y.sp) {
				return true
			}
		}
	}
	return false
}

// wordDateConflicts: two outlets date one act otherwise in sentences not
// lined up as one fact, told in other words ("an airplane that collided
// with a military helicopter Friday night were figure skaters" / "a jet
// collided with an Army helicopter Wednesday night while coming in to
// land"). The sentences date the same verb (factDate: the sentence's one
// date of a happening), and then they must be kept from dating two
// happenings of one verb: no article dates the verb twice otherwise; the
// sentences name no different people, near the dates or anywhere in them;
// they share a name or a content word around the dates; both full dates
// fall in the story's years (storyYears) and within maxActDrift days of
// each other, as an outlet's slip of a day or a week does, where a date
// years off is another happening; two months of two years are too. Event
// nouns recur for many happenings ("the fire", "Saturday's game") and are
// left to the fact and act checks.
func (s *story) wordDateConflicts(prev []parallax.Conflict) []parallax.Conflict {
	shown := shownPairs(prev)
	years := s.storyYears()
	byVerb := map[string][]factDated{}
	var verbs []string
	dates := map[string]map[*parallax.Analysis]string{} // the date each article gives the verb, "" when two
	var fds []factDated
	for _, u := range s.units {
		if u.art.Language != "en" {
			continue
		}
		for _, fd := range s.verbDates(u) {
			if u.quoted && quoteTouches(u.art, fd.act.sp) {
				continue // a source's words; a mostly quoted sentence keeps the reporter's verb and date before the quotation
			}
			if slices.ContainsFunc(fd.words, func(w string) bool { return strings.HasPrefix(w, "v:") }) {
				fds = append(fds, fd)
			}
		}
	}
	act := sameActClasses(fds)
	for _, fd := range fds {
		u := fd.act.u
		for _, w := range fd.words {
			if !strings.HasPrefix(w, "v:") {
				continue
			}
			w = act[fd.act.verb]
			if dates[w] == nil {
				verbs = append(verbs, w)
				dates[w] = map[*parallax.Analysis]string{}
			}
			byVerb[w] = append(byVerb[w], fd)
			if d, seen := dates[w][u.art]; !seen {
				dates[w][u.art] = fd.act.date
			} else if d != fd.act.date {
				dates[w][u.art] = ""
			}
		}
	}
	inYears := func(a datedAct) bool { return a.prec != "full" || years[a.date[:4]] }
	var out []parallax.Conflict
	for _, w := range verbs {
		fds := byVerb[w]
		if len(fds) < 2 || slices.Contains(slices.Collect(maps.Values(dates[w])), "") {
			continue
		}
		var as []datedAct
		for _, fd := range fds {
			as = append(as, fd.act)
		}
		as, at := unitDates(as)
		keep := map[*unit]bool{}
		for i, x := range fds {
			for _, y := range fds[i+1:] {
				dx, okx := at[x.act.u]
				dy, oky := at[y.act.u]
				if !okx || !oky || dx == dy || x.text == y.text || s.outletOf[x.act.u.art.Article.ID] == s.outletOf[y.act.u.art.Article.ID] {
					continue
				}
				if !inYears(x.act) || !inYears(y.act) || !(nearDates(dx, dy) && nearDates(x.act.date, y.act.date) || yearSlip(dx, dy)) {
					continue
				}
				if s.otherPeople(x.act.u, y.act.u, x.act.sp, y.act.sp) || s.otherPeople(x.act.u, y.act.u, x.act.u.span, y.act.u.span) || !s.anchored(x, y) {
					continue
				}
				keep[x.act.u], keep[y.act.u] = true, true
			}
		}
		if len(keep) == 0 {
			continue
		}
		if c, ok := s.keptConflict(as, keep, shown); ok {
			out = append(out, c)
		}
	}
	return out
}

// anchored: the two sentences name an entity in common, or share a
// content word around their dates ("helicopter").
func (s *story) anchored(x, y factDated) bool {
	if sharedGroups(x.act.u, y.act.u) > 0 {
		return true
	}
	wx := actWindow(x)
	for w := range actWindow(y) {
		if wx[w] {
			return true
		}
	}
	return false
}

// actWindow is the content stems around the act x, from its verb (or
// event noun) to its date and dateWindowWords either side: "Police were
// called by neighbours at breakfast time on Thursday" keeps "police",
// six words before the date but next to the verb.
func actWindow(x factDated) map[string]bool {
	sp := x.act.sp
	if sp.Start > sp.End || sp.Start < x.act.u.span.Start || sp.End > x.act.u.span.End {
		return x.window
	}
	w := dateWindow(x.act.u, parallax.DateMention{Span: sp}, dateWindowWords)
	maps.Copy(w, x.window)
	return w
}

// maxActDrift is how many days apart two outlets' dates of one act may
// lie when only the verb ties their sentences: a slip of a day or a week
// ("Monday" for "Thursday", "June 3" for "June 13"), not another season.
const maxActDrift = 21

// nearDates: two dates as atPrecision or statedDate write them may date
// one act told in unlike sentences: full dates or months and days within
// maxActDrift days; weekdays always; two months of two years never.
func nearDates(a, b string) bool {
	ta, ea := time.Parse("2006-01-02", strings.Replace(a, "--", "2000-", 1))
	tb, eb := time.Parse("2006-01-02", strings.Replace(b, "--", "2000-", 1))
	if ea != nil || eb != nil {
		return len(a) != 7 || len(b) != 7 || a == b
	}
	d := ta.Sub(tb).Hours() / 24
	return d <= maxActDrift && d >= -maxActDrift
}

// maxYearSlip is how many years apart two outlets may put one act they
// date by month and year: "raided the ranch in April 2008" and "in April
// 2010" is one raid misdated, the month told alike.
const maxYearSlip = 3

// yearSlip: a and b are months of different years (atPrecision "ym"),
// the same month, at most maxYearSlip years apart.
func yearSlip(a, b string) bool {
	ta, ea := time.Parse("2006-01", a)
	tb, eb := time.Parse("2006-01", b)
	if ea != nil || eb != nil || ta.Month() != tb.Month() || ta.Year() == tb.Year() {
		return false
	}
	d := ta.Year() - tb.Year()
	return d <= maxYearSlip && d >= -maxYearSlip
}

// quoteTouches: some quotation of a (not scare quotes) overlaps sp.
func quoteTouches(a *parallax.Analysis, sp parallax.Span) bool {
	for _, q := range a.Quotes {
		if !q.Scare && q.Span.Start < sp.End && sp.Start < q.Span.End {
			return true
		}
	}
	return false
}

// sameActClasses keys the verbs the sentences fds date by the act they
// name: two verbs WordNet gives a sense in common (lang.SameAct: "foiled"
// and "thwarted", "began" and "started", "struck" and "hit") are one key.
func sameActClasses(fds []factDated) map[string]string {
	key := map[string]string{}
	var verbs []string
	for _, fd := range fds {
		v := fd.act.verb
		if _, ok := key[v]; !ok {
			key[v] = "v:" + stem(v, "en")
			verbs = append(verbs, v)
		}
	}
	for i, a := range verbs {
		for _, b := range verbs[:i] {
			if key[a] != key[b] && lang.SameAct(a, b) {
				old := key[a]
				for v, k := range key {
					if k == old {
						key[v] = key[b]
					}
				}
			}
		}
	}
	return key
}

// unitDates restates the acts' dates at the precision the most of them can
// be restated at (atPrecision), with the date each act's sentence gives.
func unitDates(as []datedAct) ([]datedAct, map[*unit]string) {
	as = atPrecision(as)
	at := map[*unit]string{}
	for _, a := range as {
		at[a.u] = a.date
	}
	return as, at
}
