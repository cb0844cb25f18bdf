package stress

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/dates"
	"github.com/parallaxnews/parallax/internal/lang"
)

// dates: a date written with its month's name ("26 March 2024", "March
// 26", "14 de abril") or a weekday, not the dateline, that dates a
// happening and that another outlet gives too for the same fact (sameFact)
// and, in English, the same act (actWords: "was arrested on Monday",
// "their arrest on Monday"); it is moved by 2–20 days, or to another year.
// A date of no act, a bound ("since Monday") or a plan ("set for June 17")
// is left alone: no reader could tell a moved one is a dispute.
func (sc *storyCtx) dates() []candidate {
	var out []candidate
	for i := range sc.story.Articles {
		for _, d := range sc.ds[i] {
			if d.Published || len(d.Date) < 7 || !sc.happeningDate(i, d) {
				continue
			}
			var dt dateText
			ok := false
			if d.Relative {
				dt, ok = parseWeekday(d.Text, d.Date, sc.lang(i))
			} else {
				dt, ok = parseDate(d.Text, d.Date, sc.lang(i))
			}
			if !ok {
				continue
			}
			// the date of a happening: an act stands near it (English,
			// where WordNet tells the act; other languages keep the
			// shared words alone)
			acts := sc.actWords(i, d.Span)
			english := sc.lang(i) == "en"
			if english && len(acts) == 0 {
				continue
			}
			var counter []Ref
			own := sc.factWords(i, d.Span)
			for _, j := range sc.others(i) {
				for _, d2 := range sc.ds[j] {
					if d2.Published || d2.Date != d.Date && !sameWeekday(d2, d.Date, sc.lang(j)) || !sc.sameFact(own, j, d2.Span) {
						continue
					}
					if !sc.happeningDate(j, d2) {
						continue // the other outlet's date is a page's, a source's or a bound: it dates no happening
					}
					if english && (sc.lang(j) != "en" || !sameActs(acts, sc.actWords(j, d2.Span))) {
						continue // no reader could tell the two dates date one act
					}
					counter = append(counter, sc.ref(j, d2.Span))
				}
			}
			art, old := sc.story.Articles[i], d.Date
			out = append(out, candidate{art: i, span: d.Span, rewrite: dt.rewrite, counter: counter, again: sc.restatedDates(i, d, acts),
				verify: func(inj Injection) bool { return dateMoved(inj, art, old, sc.lang(i)) }})
		}
	}
	return out
}

// restatedDates are the other mentions of article i that give the date d
// in the same words for the same act ("struck the bridge on Tuesday … the
// ship that struck it on Tuesday"): moved alike, so that the outlet tells
// one date for the act and does not contradict itself, as a real outlet
// that got the date wrong would.
func (sc *storyCtx) restatedDates(i int, d parallax.DateMention, acts []string) []restatement {
	var out []restatement
	for _, d2 := range sc.ds[i] {
		if d2.Span == d.Span || d2.Published || d2.Date != d.Date || d2.Text != d.Text || !sc.happeningDate(i, d2) {
			continue
		}
		if sc.lang(i) == "en" && !sameActs(acts, sc.actWords(i, d2.Span)) {
			continue // the same day for another act: left as it was
		}
		out = append(out, restatement{span: d2.Span, write: func(nw string) string { return nw }})
	}
	return out
}

// happeningDate: the date d of article i may date a happening of the
// story — not the page's own stamp, not when a source spoke, not a bound
// or a plan, not a date a word of saying or of the future leads to, not
// inside a quotation. A place and its counterparts alike must be such.
func (sc *storyCtx) happeningDate(i int, d parallax.DateMention) bool {
	text := sc.text(i)
	if figuresStamp(sc.story.Articles[i], d) || pageStamp(text, d) || attributed(text, d.Span) || boundOrPlanned(text, d.Span) || sc.quoted(i, d.Span) {
		return false
	}
	return sc.lang(i) != "en" || !sc.spokenOrAhead(i, d.Span)
}

// actWindow is how many words either side of a date the word naming its
// act may stand ("was arrested at his home in the north of the city on
// Monday").
const actWindow = 10

var irregularPast = lang.Words("irregular_past", "en")

// actWords are the words within actWindow words of sp, in its sentence,
// that name a happening WordNet knows: a past verb ("arrested", "struck")
// or a noun whose most frequent sense is an act or an event ("the meeting
// on 3 May"). Verbs of saying and of the page's record time no happening
// of the story.
func (sc *storyCtx) actWords(i int, sp parallax.Span) []string {
	s, ok := sc.sentenceOf(i, sp)
	if !ok {
		return nil
	}
	text := sc.text(i)
	before := wordFields(text[s.Start:max(s.Start, sp.Start)])
	after := wordFields(text[min(s.End, sp.End):max(s.End, sp.End)])
	before = before[max(0, len(before)-actWindow):]
	after = after[:min(len(after), actWindow)]
	var out []string
	for _, w := range append(before, after...) {
		w = strings.ToLower(strings.Trim(w, ".,;:!?\"'“”‘’()"))
		if w == "" || lang.Stopword(w) || attributionVerbs.Has(w) || pageVerbs.Has(w) || len(lang.ActSenses(w)) == 0 {
			continue
		}
		past := len(w) >= 4 && strings.HasSuffix(w, "ed") || irregularPast.Has(w)
		cs := lang.NounClasses(w)
		if past || len(cs) > 0 && (cs[0] == lang.ClassAct || cs[0] == lang.ClassEvent) {
			out = append(out, w)
		}
	}
	return out
}

// wordFields are the words of text, less marks written apart ("Newton
// Street , Millom , on Saturday" in a tokenised page), which would use up
// a window of words.
func wordFields(text string) []string {
	return slices.DeleteFunc(strings.Fields(text), func(w string) bool {
		return !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	})
}

var futureCues = lang.Words("future_cues", "en")

// spokenOrAhead: in the date's sentence, the nearest past verb before it
// within actWindow words is one of saying ("said at the site of the fire
// Thursday": each outlet's own timing, which compare leaves out), or a
// word of the future stands before it ("will meet Indiana State in the
// semifinals Tuesday", "plans to hold elections on December 8"): a plan,
// not a happening.
func (sc *storyCtx) spokenOrAhead(i int, sp parallax.Span) bool {
	s, ok := sc.sentenceOf(i, sp)
	if !ok {
		return false
	}
	before := strings.Fields(strings.ToLower(sc.text(i)[s.Start:max(s.Start, sp.Start)]))
	before = before[max(0, len(before)-actWindow):]
	past := false
	for k := len(before) - 1; k >= 0; k-- {
		w := strings.Trim(before[k], ".,;:!?\"'“”‘’()")
		if futureCues.Has(w) {
			return true
		}
		if !past && (len(w) >= 4 && strings.HasSuffix(w, "ed") || irregularPast.Has(w) || attributionVerbs.Has(w)) {
			past = true
			if attributionVerbs.Has(w) {
				return true
			}
		}
	}
	return false
}

// quoted: sp lies inside a quotation, a source's words, which compare
// leaves out of its date checks ("knowing that he is going to be back
// Monday").
func (sc *storyCtx) quoted(i int, sp parallax.Span) bool {
	for _, q := range sc.an[i].Quotes {
		if !q.Scare && q.Span.Start <= sp.Start && sp.End <= q.Span.End {
			return true
		}
	}
	return false
}

// sentenceOf is the span of the sentence of article i that holds sp.
func (sc *storyCtx) sentenceOf(i int, sp parallax.Span) (parallax.Span, bool) {
	a := sc.an[i]
	si := a.SentenceAt(sp.Start)
	if si < 0 {
		return parallax.Span{}, false
	}
	return a.Sentences[si].Span, true
}

// sameActs: some word of xs and some of ys name one act (lang.SameAct).
func sameActs(xs, ys []string) bool {
	for _, x := range xs {
		for _, y := range ys {
			if lang.SameAct(x, y) {
				return true
			}
		}
	}
	return false
}

// sameWeekday: d2 is a weekday an undated article names ("On Friday", Date
// "") and iso falls on it: the same day told without a date to place it.
func sameWeekday(d2 parallax.DateMention, iso, l string) bool {
	t, err := time.Parse("2006-01-02", iso)
	if d2.Date != "" || err != nil {
		return false
	}
	wd, ok := lang.Weekday(l, strings.ToLower(strings.Trim(d2.Text, ". ")))
	return ok && wd%7 == int(t.Weekday())
}

var (
	pageVerbs        = lang.Words("page_verbs", "en")
	attributionVerbs = lang.Words("attribution_verbs", "en")
	// a clock time: "8 : 44 PM", "10:24 AM", "2:35am"
	clockRe = regexp.MustCompile(`(?i)\b\d{1,2} ?: ?\d\d(?: ?[ap]\.? ?m\b\.?)?`)
)

// pageStamp: the date is the page's own record, not a date of the story —
// a label of the page's record stands before it, capitalised or with its
// colon ("Posted :", "Last Updated :", "Story Created :"), or a clock time is written onto a date
// that names its month ("Sep 18 , 2013 9 : 46 PM", "10 : 24 AM , WED 31 JUL
// 2013"). Moving it makes no disagreement a reader would see.
func pageStamp(text string, d parallax.DateMention) bool {
	before := strings.Fields(text[max(0, d.Span.Start-60):d.Span.Start])
	for k := max(0, len(before)-6); k < len(before); k++ {
		w := strings.Trim(before[k], ":,.")
		label := isCapitalised(w) || strings.HasSuffix(before[k], ":") || k+1 < len(before) && strings.HasPrefix(before[k+1], ":")
		if label && pageVerbs.Has(strings.ToLower(w)) {
			return true // "Posted : Nov 27", "Story Created : Jul 23", "Published 9 : 46 PM CDT Sep 18"
		}
	}
	if !strings.ContainsFunc(d.Text, isLetterRune) || !strings.ContainsAny(d.Text, "0123456789") {
		return false // a weekday alone: "after 8 : 30pm Tuesday night" times the happening
	}
	after := text[d.Span.End:min(len(text), d.Span.End+16)]
	if m := clockRe.FindStringIndex(after); m != nil && strings.Trim(after[:m[0]], " ,") == "" {
		return true
	}
	prev := text[max(0, d.Span.Start-16):d.Span.Start]
	for _, m := range clockRe.FindAllStringIndex(prev, -1) {
		if strings.Trim(prev[m[1]:], " ,") == "" {
			return true
		}
	}
	return false
}

// figuresStamp: the date is written in figures alone and is the page's
// own date (" date 2024-03-27 Recovery efforts remain ongoing…"): the
// page's record, which no outlet's account of the story gives.
func figuresStamp(a *parallax.Article, d parallax.DateMention) bool {
	return !strings.ContainsFunc(d.Text, isLetterRune) && d.Date != "" && d.Date == a.PublishedDate()
}

// attributed: the date times when a source spoke or an outlet reported
// ("said Friday", "told reporters on Sunday"), each outlet's own timing and
// no fact of the story (compare leaves such dates out on purpose).
func attributed(text string, sp parallax.Span) bool {
	before := strings.Fields(strings.ToLower(text[max(0, sp.Start-60):sp.Start]))
	for k := len(before) - 1; k >= 0 && k >= len(before)-4; k-- {
		w := strings.Trim(before[k], ",.;:")
		if attributionVerbs.Has(w) {
			return true
		}
		if strings.ContainsAny(before[k], ",;:") || w == "and" {
			break
		}
	}
	return false
}

var (
	dateBounds      = lang.Words("date_bounds", "en")
	scheduleMarkers = lang.Words("schedule_markers", "en")
)

// boundOrPlanned: the date bounds a span of time ("since Monday", "as of
// Friday", "until early Wednesday", "between May 1 and June 3") or sets a
// plan ("is set for June 17", "will be held Thursday"): the date of no
// happening, which compare leaves out on purpose.
func boundOrPlanned(text string, sp parallax.Span) bool {
	before := strings.Fields(strings.ToLower(text[max(0, sp.Start-60):sp.Start]))
	for k := len(before) - 1; k >= 0 && k >= len(before)-3; k-- {
		w := strings.Trim(before[k], ",.;:(")
		if dateBounds.Has(w) || k > 0 && dateBounds.Has(strings.Trim(before[k-1], ",.;:(")+" "+w) {
			return true
		}
		if w != "on" && w != "early" && w != "late" && w != "the" {
			break
		}
	}
	for k := max(0, len(before)-4); k < len(before); k++ {
		if scheduleMarkers.Match(before[k:]) > 0 {
			return true
		}
	}
	return rangeEnd(wordFields(strings.ToLower(text[max(0, sp.Start-80):sp.Start])))
}

// rangeEnd: the words before a date make it an end of a range ("between
// Nov. 1, 2004, and Oct. 8, 2008"): a bound of a span, like "since".
func rangeEnd(before []string) bool {
	n := len(before)
	if n == 0 {
		return false
	}
	switch strings.Trim(before[n-1], ",.;:(") {
	case "between":
		return true
	case "and":
		for k := n - 2; k >= 0 && k >= n-8; k-- {
			if strings.Trim(before[k], ",.;:(") == "between" {
				return true
			}
		}
	}
	return false
}

func isLetterRune(r rune) bool { return unicode.IsLetter(r) }

// dateText is a date mention taken apart into the words that write it.
type dateText struct {
	text  string
	lang  string
	date  time.Time
	day   bool // the text gives the day
	parts []datePart
}

type datePart struct {
	start, end int
	kind       byte // 'd' day, 'm' month, 'y' year, 'w' weekday
	suffix     string
}

var dateWordRe = regexp.MustCompile(`\p{L}+\.?|\d+(?:st|nd|rd|th)?`)

// parseDate reads the parts of a date mention; ok is false unless the text
// names its month and gives a day or a year to change.
func parseDate(text, iso, l string) (dateText, bool) {
	dt := dateText{text: text, lang: l}
	layout := "2006-01-02"
	if len(iso) == 7 {
		layout = "2006-01"
	}
	t, err := time.Parse(layout, iso)
	if err != nil {
		return dt, false
	}
	dt.date, dt.day = t, len(iso) == 10
	month, day, year := false, false, false
	for _, m := range dateWordRe.FindAllStringIndex(text, -1) {
		w := text[m[0]:m[1]]
		lw := strings.ToLower(strings.TrimSuffix(w, "."))
		switch {
		case isDigit(w[0]):
			num := strings.TrimRight(w, "stndrh")
			n, _ := strconv.Atoi(num)
			switch {
			case len(num) == 4 && n == t.Year():
				dt.parts = append(dt.parts, datePart{m[0], m[0] + 4, 'y', ""})
				year = true
			case len(num) <= 2 && n == t.Day() && dt.day:
				dt.parts = append(dt.parts, datePart{m[0], m[0] + len(num), 'd', w[len(num):]})
				day = true
			default:
				return dt, false // a numeric form this does not rewrite
			}
		default:
			if n, ok := lang.Month(l, lw); ok && n == int(t.Month()) {
				dt.parts = append(dt.parts, datePart{m[0], m[1], 'm', ""})
				month = true
			} else if _, ok := lang.Weekday(l, lw); ok {
				dt.parts = append(dt.parts, datePart{m[0], m[1], 'w', ""})
			}
		}
	}
	return dt, month && (day || year)
}

// parseWeekday reads a weekday standing for a date ("Tuesday"), placed by
// the publication date.
func parseWeekday(text, iso, l string) (dateText, bool) {
	t, err := time.Parse("2006-01-02", iso)
	w := strings.TrimSuffix(text, ".")
	if _, ok := lang.Weekday(l, strings.ToLower(w)); err != nil || !ok {
		return dateText{}, false
	}
	return dateText{text: text, lang: l, date: t, day: true, parts: []datePart{{0, len(w), 'w', ""}}}, true
}

// dateMoved checks the injection: the changed mention is still read as a
// date, and another one.
func dateMoved(inj Injection, a *parallax.Article, old, l string) bool {
	for _, d := range dates.Find(inj.Text, a.Published, l) {
		if overlaps(d.Span, inj.Span) {
			return d.Date != "" && d.Date != old
		}
	}
	return false
}

// rewrite moves the date and writes it in the same form.
func (dt dateText) rewrite(r *rand.Rand) string {
	hasDay, hasYear := false, false
	for _, p := range dt.parts {
		hasDay = hasDay || p.kind == 'd'
		hasYear = hasYear || p.kind == 'y'
	}
	var t time.Time
	if len(dt.parts) == 1 && dt.parts[0].kind == 'w' {
		// a weekday alone: another day of the same week
		n := 2 + r.IntN(2)
		if r.IntN(2) == 0 {
			n = -n
		}
		t = dt.date.AddDate(0, 0, n)
	} else if hasDay && (!hasYear || r.IntN(4) > 0) {
		n := 2 + r.IntN(19)
		if r.IntN(2) == 0 {
			n = -n
		}
		t = dt.date.AddDate(0, 0, n)
		if !hasYear && t.Year() != dt.date.Year() {
			t = dt.date.AddDate(0, 0, -n) // the year is not written: stay in it
		}
	} else {
		n := 1 + r.IntN(3)
		if r.IntN(2) == 0 {
			n = -n
		}
		t = dt.date.AddDate(n, 0, 0)
	}
	var b strings.Builder
	last := 0
	for _, p := range dt.parts {
		b.WriteString(dt.text[last:p.start])
		w := dt.text[p.start:p.end]
		switch p.kind {
		case 'd':
			b.WriteString(strconv.Itoa(t.Day()))
			if p.suffix != "" {
				b.WriteString(ordinalSuffix(t.Day()))
			}
		case 'y':
			b.WriteString(strconv.Itoa(t.Year()))
		case 'm':
			b.WriteString(calendarName(dt.lang, false, int(t.Month()), w))
		case 'w':
			wd := int(t.Weekday())
			if wd == 0 {
				wd = 7
			}
			b.WriteString(calendarName(dt.lang, true, wd, w))
		}
		last = p.end
	}
	b.WriteString(dt.text[last:])
	return b.String()
}

func ordinalSuffix(d int) string {
	switch {
	case d%100 >= 11 && d%100 <= 13:
		return "th"
	case d%10 == 1:
		return "st"
	case d%10 == 2:
		return "nd"
	case d%10 == 3:
		return "rd"
	}
	return "th"
}

// calendarName is the name of month (or weekday) n in language l written
// like the word it replaces: abbreviated when that was ("Jan.", "Sept"),
// in full otherwise, in the same letter case and with its final dot.
func calendarName(l string, weekday bool, n int, like string) string {
	dot := strings.HasSuffix(like, ".")
	bare := strings.TrimSuffix(like, ".")
	var names []string
	for name, k := range lang.CalendarNames(l, weekday) {
		if k == n && !strings.ContainsAny(name, ". ") {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return like
	}
	sort.Slice(names, func(i, j int) bool {
		if len(names[i]) != len(names[j]) {
			return len(names[i]) < len(names[j])
		}
		return names[i] < names[j]
	})
	long := names[len(names)-1]
	name := long
	if dot || len(bare) < len(fullName(l, weekday, bare)) {
		name = names[0]
	}
	if dot && name == long {
		dot = false // "May" has no abbreviation to dot
	}
	out := shapeLike(name, bare)
	if dot {
		out += "."
	}
	return out
}

// fullName is the longest name of the month (or weekday) that w names.
func fullName(l string, weekday bool, w string) string {
	lw := strings.ToLower(w)
	n, ok := lang.CalendarNames(l, weekday)[lw]
	if !ok {
		return w
	}
	best := lw
	for name, k := range lang.CalendarNames(l, weekday) {
		if k == n && len(name) > len(best) && !strings.ContainsAny(name, ". ") {
			best = name
		}
	}
	return best
}
