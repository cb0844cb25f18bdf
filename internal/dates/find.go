package dates

import (
	"strconv"
	"sync"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
)

// Precision of a hit.
const (
	pDay = iota + 1
	pMonth
	pYear
	pWeek
)

// How a hit relates to the publication date.
const (
	rNone    = iota // absolute; the year may still be missing
	rDays           // off days from publication ("yesterday")
	rWeekday        // a weekday, resolved by off (one of the wd* modes)
	rDOM            // a weekday and a day of the month ("quarta-feira (29)")
	rWeeks          // off ISO weeks from publication ("last week")
	rMonths         // off months from publication
	rYears          // off years from publication
)

// Ways to resolve a weekday against the publication date.
const (
	wdPast    = iota + 1 // on or before publication: the default for news
	wdFuture             // on or after: "will meet on Monday"
	wdNearest            // "this Monday": whichever is closer
	wdLast               // strictly before: "last Monday"
	wdNext               // strictly after: "next Monday"
)

// hit is a match over tokens [i, j) before it is resolved to a date.
type hit struct {
	i, j    int
	y, m, d int // y is 0 when the text gives no year
	wd      int // the weekday the text states, -1 when none
	prec    uint8
	rel     uint8
	off     int
}

// now is the clock used only to place "Monday, April 14" when neither the
// article nor its text gives a year; a variable so tests can fix it.
var now = time.Now

// scanner holds one text's tokens while matching.
type scanner struct {
	text  string
	toks  []tok
	last  hit // the previous hit, for year ranges ("from 2019 to 2023")
	nhits int
}

var tokPool = sync.Pool{New: func() any { s := make([]tok, 0, 512); return &s }}

// maxPooledToks is the most tokens a buffer may hold to go back to the pool:
// a huge page's tokens (tens of megabytes) would otherwise stay alive for
// two collections after its analysis.
const maxPooledToks = 1 << 15

func putToks(tp *[]tok) {
	if cap(*tp) > maxPooledToks {
		return
	}
	*tp = (*tp)[:0]
	tokPool.Put(tp)
}

// Find returns every date mentioned in text, in order, each with its exact
// byte span. Dates are resolved against published (the zero time when
// unknown); lang (ISO 639-1, "" when unknown) picks the word lists.
//
// When published is zero the text's own dateline stands in for it. Relative
// mentions that still cannot be placed are returned with Relative set and an
// empty Date. Weeks are given as ISO weeks ("2025-W16").
func Find(text string, published time.Time, lang string) []parallax.DateMention {
	tp := tokPool.Get().(*[]tok)
	defer putToks(tp)
	s := scanner{text: text, toks: lex(text, langMask(lang), (*tp)[:0])}
	*tp = s.toks

	var hits []hit
	for i := 0; i < len(s.toks); {
		if h, ok := s.at(i); ok && (len(hits) == 0 || h.i >= hits[len(hits)-1].j) {
			hits = append(hits, h)
			s.last, s.nhits = h, s.nhits+1
			i = h.j
			continue
		}
		i++
	}
	if len(hits) == 0 {
		return nil
	}

	dl, dlSpan, hasDL := s.dateline()
	pub, hasPub := published, !published.IsZero()
	if !hasPub && hasDL {
		pub, hasPub = dl, true
	}
	anchor, hasAnchor := pub, hasPub
	if !hasAnchor {
		anchor, hasAnchor = textAnchor(hits)
	}

	out := make([]parallax.DateMention, 0, len(hits))
	urls := urlsOf(text) // "today" and "2013" in an address's slug date nothing
	for _, h := range hits {
		sp := parallax.Span{Start: s.toks[h.i].start, End: s.toks[h.j-1].end}
		if inURL(urls, sp) {
			continue
		}
		dm := parallax.DateMention{Relative: h.rel != rNone}
		if hasDL && sp.Start >= dlSpan.Start && sp.End <= dlSpan.End {
			sp, dm.Published = dlSpan, true
		}
		dm.Span, dm.Text = sp, text[sp.Start:sp.End]
		if h.rel == rNone {
			dm.Date = h.absolute(anchor, hasAnchor)
		} else if hasPub {
			dm.Date = h.relative(pub)
		}
		out = append(out, dm)
	}
	return out
}

// textAnchor stands in for a missing publication date when placing a
// year-less "April 14": the latest full date the text gives, provided no
// bare year mentioned goes beyond it — a text that only looks back (a
// birth date, then "in 2015") gives no anchor at all.
func textAnchor(hits []hit) (time.Time, bool) {
	var best time.Time
	maxYear := 0
	for _, h := range hits {
		if h.rel != rNone || h.y == 0 {
			continue
		}
		maxYear = max(maxYear, h.y)
		if h.prec == pDay {
			if t := time.Date(h.y, time.Month(h.m), h.d, 0, 0, 0, 0, time.UTC); t.After(best) {
				best = t
			}
		}
	}
	if best.IsZero() || maxYear > best.Year() {
		return time.Time{}, false
	}
	return best, true
}

// absolute formats an absolute hit, choosing the year when the text omits it.
func (h hit) absolute(anchor time.Time, ok bool) string {
	y := h.y
	if y == 0 {
		switch {
		case h.prec != pDay:
			return ""
		case ok:
			y = nearestYear(h.m, h.d, h.wd, anchor)
		case h.wd >= 0:
			y = weekdayYear(h.m, h.d, h.wd, now().Year())
		}
		if y == 0 {
			return ""
		}
	}
	switch h.prec {
	case pYear:
		return pad4(y)
	case pMonth:
		return pad4(y) + "-" + pad2(h.m)
	}
	return isoDate(y, h.m, h.d)
}

// nearestYear picks, of the year before, of and after the anchor, the one
// that puts month/day nearest the anchor — preferring years where the day
// falls on the stated weekday, since "Monday, April 14" names its year.
func nearestYear(m, d, wd int, anchor time.Time) int {
	best, bestDist, bestWD := 0, int64(-1), false
	a := dayOnly(anchor)
	for y := anchor.Year() - 1; y <= anchor.Year()+1; y++ {
		if !validDate(y, m, d) {
			continue
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		dist := int64(t.Sub(a))
		if dist < 0 {
			dist = -dist
		}
		match := wd >= 0 && int(t.Weekday()) == wd
		if best == 0 || (match && !bestWD) || (match == bestWD && dist < bestDist) {
			best, bestDist, bestWD = y, dist, match
		}
	}
	return best
}

// weekdayYear is the latest year up to max in which month/day falls on wd.
func weekdayYear(m, d, wd, max int) int {
	for y := max; y > max-28; y-- {
		if validDate(y, m, d) && int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Weekday()) == wd {
			return y
		}
	}
	return 0
}

// relative resolves a relative hit against the publication date.
func (h hit) relative(pub time.Time) string {
	p := dayOnly(pub)
	switch h.rel {
	case rDays:
		return dateString(p.AddDate(0, 0, h.off))
	case rWeekday:
		return dateString(p.AddDate(0, 0, weekdayDelta(int(p.Weekday()), h.wd, h.off)))
	case rDOM:
		return domDate(p, h.d, h.wd)
	case rWeeks:
		y, w := p.AddDate(0, 0, 7*h.off).ISOWeek()
		return pad4(y) + "-W" + pad2(w)
	case rMonths:
		t := time.Date(p.Year(), p.Month()+time.Month(h.off), 1, 0, 0, 0, 0, time.UTC)
		return pad4(t.Year()) + "-" + pad2(int(t.Month()))
	case rYears:
		return pad4(p.Year() + h.off)
	}
	return ""
}

// weekdayDelta is how many days from a publication weekday pw to the target
// weekday wd, under mode.
func weekdayDelta(pw, wd, mode int) int {
	back := (pw - wd + 7) % 7
	fwd := (wd - pw + 7) % 7
	switch mode {
	case wdFuture:
		return fwd
	case wdNearest:
		if fwd < back {
			return fwd
		}
		return -back
	case wdLast:
		if back == 0 {
			back = 7
		}
		return -back
	case wdNext:
		if fwd == 0 {
			fwd = 7
		}
		return fwd
	}
	return -back
}

// domDate finds the date nearest p whose day of the month is d, preferring
// one that falls on weekday wd.
func domDate(p time.Time, d, wd int) string {
	var best time.Time
	bestDist, bestWD := time.Duration(-1), false
	for dm := -1; dm <= 1; dm++ {
		first := time.Date(p.Year(), p.Month()+time.Month(dm), 1, 0, 0, 0, 0, time.UTC)
		if !validDate(first.Year(), int(first.Month()), d) {
			continue
		}
		t := first.AddDate(0, 0, d-1)
		dist := t.Sub(p)
		if dist < 0 {
			dist = -dist
		}
		match := wd >= 0 && int(t.Weekday()) == wd
		if bestDist < 0 || (match && !bestWD) || (match == bestWD && dist < bestDist) {
			best, bestDist, bestWD = t, dist, match
		}
	}
	if bestDist < 0 {
		return ""
	}
	return dateString(best)
}

func dayOnly(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || y < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func dateString(t time.Time) string { return isoDate(t.Year(), int(t.Month()), t.Day()) }

func isoDate(y, m, d int) string {
	var b [10]byte
	putN(b[0:4], y)
	b[4] = '-'
	putN(b[5:7], m)
	b[7] = '-'
	putN(b[8:10], d)
	return string(b[:])
}

func putN(b []byte, n int) {
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
}

func pad2(n int) string {
	var b [2]byte
	putN(b[:], n)
	return string(b[:])
}

func pad4(n int) string {
	if n > 9999 || n < 0 {
		return strconv.Itoa(n)
	}
	var b [4]byte
	putN(b[:], n)
	return string(b[:])
}

func urlsOf(text string) [][2]int                { return lang.URLs(text) }
func inURL(urls [][2]int, sp parallax.Span) bool { return lang.InURL(urls, sp.Start, sp.End) }
