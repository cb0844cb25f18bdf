package dates

import (
	"strings"

	"github.com/parallaxnews/parallax/internal/lang"
)

// The matchers. Each looks at the tokens from index i on and reports a hit
// when a date expression starts there. They prefer the longest reading:
// "this Monday, April 14" is one mention, not a weekday and a date.

// at tries every pattern that can start at token i.
func (s *scanner) at(i int) (hit, bool) {
	t := &s.toks[i]
	switch t.kind {
	case tWord:
		c := t.w.c
		if c == 0 {
			return hit{}, false
		}
		if c&cMod != 0 {
			if h, ok := s.modifier(i); ok {
				return h, true
			}
		}
		if c&(cWeekday|cPtDay) != 0 {
			if h, ok := s.weekday(i, i, 0); ok {
				return h, true
			}
		}
		if c&cMonth != 0 {
			if h, ok := s.monthFirst(i, i); ok {
				return h, true
			}
		}
		if c&cRel != 0 {
			if h, ok := s.relWord(i); ok {
				return h, true
			}
		}
		if c&cUnit != 0 {
			if h, ok := s.unitMod(i); ok {
				return h, true
			}
		}
		if c&cNumWord != 0 {
			if h, ok := s.ago(i, i); ok {
				return h, true
			}
		}
		if c&cHace != 0 && s.isNumber(i+1) {
			if h, ok := s.ago(i, i+1); ok {
				return h, true
			}
		}
	case tNum:
		if h, ok := s.numeric(i); ok {
			return h, true
		}
		if h, ok := s.dayFirst(i, i); ok {
			return h, true
		}
		if h, ok := s.year(i); ok {
			return h, true
		}
		if h, ok := s.ago(i, i); ok {
			return h, true
		}
	}
	return hit{}, false
}

// Token helpers; all are safe past either end.

func (s *scanner) word(i int) *tok {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != tWord {
		return nil
	}
	return &s.toks[i]
}

func (s *scanner) has(i int, c cat) bool {
	t := s.word(i)
	return t != nil && t.w.c&c != 0
}

func (s *scanner) punct(i int, r rune) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].kind == tPunct && s.toks[i].r == r
}

// glued reports whether token i touches the one before it.
func (s *scanner) glued(i int) bool { return i > 0 && i < len(s.toks) && !s.toks[i].sp }

func (s *scanner) num(i int) *tok {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != tNum {
		return nil
	}
	return &s.toks[i]
}

func (s *scanner) isNumber(i int) bool { return s.num(i) != nil || s.has(i, cNumWord) }

// sentenceStart reports whether token i begins a sentence or a line.
func (s *scanner) sentenceStart(i int) bool {
	if i == 0 || s.toks[i].nl {
		return true
	}
	p := s.toks[i-1]
	if p.kind != tPunct {
		return false
	}
	switch p.r {
	case '.', '!', '?', ':', ';', '"', '“', '”', '(', '-', '–', '—', '|', '¡', '¿', '«':
		return true
	}
	return false
}

// month reads a month name at k: its number and the index after it (past an
// abbreviation's dot). English names count only when capitalised, so "may"
// and "march" stay verbs.
func (s *scanner) month(k int) (m, j int, ok bool) {
	t := s.word(k)
	if t == nil || t.w.c&cMonth == 0 {
		return 0, 0, false
	}
	if t.w.c&cCap != 0 && !t.upper {
		return 0, 0, false
	}
	j = k + 1
	if t.w.c&cAgo != 0 && s.has(k-1, cUnit) {
		return 0, 0, false // "two years ago. 14 people…": English, not "ago." for August
	}
	if t.w.c&cAbbr != 0 {
		if s.punct(j, '.') && s.glued(j) {
			j++
		} else if t.w.c&cAgo != 0 && !t.upper {
			return 0, 0, false // "two years ago 14 people…"
		}
		// An abbreviation must be followed by a number to be a month.
		if s.num(j) == nil {
			return 0, 0, false
		}
	}
	return int(t.w.v), j, true
}

// day reads a day of the month at k, with an ordinal suffix when present.
func (s *scanner) day(k int) (d, j int, ok bool) {
	t := s.num(k)
	if t == nil || t.nd > 2 || t.num < 1 || t.num > 31 {
		return 0, 0, false
	}
	j = k + 1
	// "14:30" and "1.5" are not days.
	if (s.punct(j, ':') || s.punct(j, '.') || s.punct(j, ',')) && s.glued(j) && s.num(j+1) != nil && s.glued(j+1) {
		return 0, 0, false
	}
	if s.has(j, cOrd) && s.glued(j) {
		j++
	} else if s.word(j) != nil && s.glued(j) {
		return 0, 0, false // "14km"
	}
	return t.num, j, true
}

// yearAt reads a four-digit year at k that stands alone: not "2,000",
// "2025s" or "2025%".
func (s *scanner) yearAt(k int) (y int, ok bool) {
	t := s.num(k)
	if t == nil || t.nd != 4 || t.num < 1000 || t.num > 2199 {
		return 0, false
	}
	n := k + 1
	if n < len(s.toks) && s.glued(n) {
		nt := s.toks[n]
		switch {
		case nt.kind == tWord:
			return 0, false
		case nt.kind == tPunct && (nt.r == '%' || nt.r == '/'):
			return 0, false
		case nt.kind == tPunct && (nt.r == ',' || nt.r == '.' || nt.r == ':') && s.num(n+1) != nil && s.glued(n+1):
			return 0, false
		}
	}
	if p := k - 1; p >= 0 && s.glued(k) && s.toks[p].kind == tPunct {
		switch s.toks[p].r {
		case '$', '€', '£', '#', '.', ',', '/', '+':
			return 0, false
		}
	}
	return t.num, true
}

// yearAfter reads an optional ", 2025", " 2025", " de 2025" or " of 2025"
// at k.
func (s *scanner) yearAfter(k int, comma bool) (y, j int, ok bool) {
	if comma && s.punct(k, ',') {
		k++
	} else if s.has(k, cOf) {
		k++
	}
	if y, ok := s.yearAt(k); ok {
		return y, k + 1, true
	}
	return 0, 0, false
}

// monthFirst: "April 14", "April 14, 2025", "Jan. 31", "Sept 12th",
// "April 2025", "abril de 2025".
func (s *scanner) monthFirst(start, k int) (hit, bool) {
	m, j, ok := s.month(k)
	if !ok {
		return hit{}, false
	}
	if d, j2, ok := s.day(j); ok && s.toks[j].sp || ok && j > k+1 {
		if !validDate(2000, m, d) { // 2000 is a leap year: allows February 29
			return hit{}, false
		}
		h := hit{i: start, j: j2, m: m, d: d, wd: -1, prec: pDay}
		if y, j3, ok := s.yearAfter(j2, true); ok {
			if !validDate(y, m, d) {
				return hit{}, false
			}
			h.y, h.j = y, j3
		}
		return h, true
	}
	if y, j2, ok := s.yearAfter(j, true); ok {
		return hit{i: start, j: j2, y: y, m: m, wd: -1, prec: pMonth}, true
	}
	return hit{}, false
}

// dayFirst: "14 April 2025", "14th of April", "14 de abril de 2025".
func (s *scanner) dayFirst(start, k int) (hit, bool) {
	if p := k - 1; p >= 0 && s.glued(k) && s.toks[p].kind != tWord {
		if s.toks[p].kind == tNum || s.toks[p].r != '(' {
			return hit{}, false // "3.14", "10:14", "$14"
		}
	}
	d, j, ok := s.day(k)
	if !ok {
		return hit{}, false
	}
	if s.has(j, cOf) && !s.has(j, cMonth) {
		j++
	}
	m, j, ok := s.month(j)
	if !ok || !validDate(2000, m, d) {
		return hit{}, false
	}
	h := hit{i: start, j: j, m: m, d: d, wd: -1, prec: pDay}
	if y, j2, ok := s.yearAfter(j, true); ok {
		if !validDate(y, m, d) {
			return hit{}, false
		}
		h.y, h.j = y, j2
	}
	return h, true
}

// numeric: "2025-04-14", "2025/04/14", "17/04/2025", "17.04.2025",
// "17-04-2025". Day and month are read day-first unless that is impossible
// ("04/17/2025"): numeric dates in running text are rare in US copy and the
// norm nearly everywhere else.
func (s *scanner) numeric(i int) (hit, bool) {
	a := s.num(i)
	if a == nil || i+4 >= len(s.toks) {
		return hit{}, false
	}
	sep := s.toks[i+1]
	if sep.kind != tPunct || (sep.r != '-' && sep.r != '/' && sep.r != '.') || !s.glued(i+1) ||
		!s.punct(i+3, sep.r) || !s.glued(i+2) || !s.glued(i+3) || !s.glued(i+4) {
		return hit{}, false
	}
	b, c := s.num(i+2), s.num(i+4)
	if b == nil || c == nil || b.nd > 2 {
		return hit{}, false
	}
	// Not part of a longer chain: "1.2.2025.3", "10-04-2025-x".
	if p := i - 1; p >= 0 && s.glued(i) && s.toks[p].kind != tWord && s.toks[p].r != '(' {
		return hit{}, false
	}
	if n := i + 5; n < len(s.toks) && s.glued(n) && s.toks[n].kind == tPunct && s.num(n+1) != nil && s.glued(n+1) && s.toks[n].r != ':' {
		return hit{}, false
	}
	var y, m, d int
	switch {
	case a.nd == 4 && c.nd <= 2:
		y, m, d = a.num, b.num, c.num
	case a.nd <= 2 && c.nd == 4:
		y, d, m = c.num, a.num, b.num
		if m > 12 && d <= 12 {
			d, m = m, d
		}
	default:
		return hit{}, false
	}
	if y < 1000 || y > 2199 || !validDate(y, m, d) {
		return hit{}, false
	}
	return hit{i: i, j: i + 5, y: y, m: m, d: d, wd: -1, prec: pDay}, true
}

// year: a bare four-digit year only after a word that makes it one ("in
// 2023", "since 2015", "the Rebellion of 1798"), and only when no noun
// follows ("in 2000 cases"), so counts are never read as years.
func (s *scanner) year(i int) (hit, bool) {
	y, ok := s.yearAt(i)
	if !ok {
		return hit{}, false
	}
	p := i - 1
	// "mid-2023"
	if s.punct(p, '-') && s.glued(i) && s.has(p-1, cYearCue) && s.glued(p) {
		p--
	} else if !s.toks[i].sp {
		return hit{}, false
	}
	cue := false
	switch {
	case s.nhits > 0 && s.last.prec == pYear && s.last.rel == rNone && s.last.j == p &&
		(s.has(p, cFunc) || s.punct(p, '-') || s.punct(p, '–')):
		cue = true // the second year of "from 2019 to 2023"
	case s.has(p, cYearCue):
		cue = true
		// "of" and "de" make years only after a name or a time word:
		// "the Rebellion of 1798", "summer of 2023", not "a total of 2000".
		if s.has(p, cOf) {
			q := s.word(p - 1)
			cue = q != nil && ((q.upper && !s.sentenceStart(p-1)) || q.w.c&(cYearCue|cUnit|cMonth) != 0)
		}
	}
	if !cue && s.punct(i+1, '-') && s.glued(i+1) && s.glued(i+2) {
		// "the 1977-built bridge", "a 2019-founded firm": a year glued to a
		// past participle dates the thing it describes
		if w := s.word(i + 2); w != nil && pastParticiple(strings.ToLower(s.text[w.start:w.end])) {
			return hit{i: i, j: i + 1, y: y, wd: -1, prec: pYear}, true
		}
	}
	if !cue {
		return hit{}, false
	}
	// A noun after the number makes it a count ("in 2000 cases"), except
	// after "since" or "desde", which no count can follow.
	if n := s.word(i + 1); n != nil && (!n.upper && n.w.c&cFunc == 0 && !s.has(p, cYearStrong) || n.w.c&cTZ != 0) {
		return hit{}, false
	}
	return hit{i: i, j: i + 1, y: y, wd: -1, prec: pYear}, true
}

// weekday: "Monday", "Monday, April 14", "el lunes 14 de abril", "lunes
// pasado", "quarta-feira (29)". mod is the modifier before it, if any.
func (s *scanner) weekday(start, k, mod int) (hit, bool) {
	t := s.word(k)
	if t == nil {
		return hit{}, false
	}
	wd, j := int(t.w.v), k+1
	needDate := false
	switch {
	case t.w.c&cPtDay != 0:
		if !(s.punct(j, '-') && s.glued(j) && s.has(j+1, cFeira) && s.glued(j+1)) {
			return hit{}, false
		}
		j += 2
	case t.w.c&cWeekday == 0:
		return hit{}, false
	case t.w.c&cCap != 0:
		if !t.upper {
			return hit{}, false
		}
		if t.w.c&cAbbr != 0 {
			needDate = true // "Sun", "Sat", "Wed" only as in "Mon, 14 Apr 2025"
			if s.punct(j, '.') && s.glued(j) {
				j++
			}
		}
		// "Black Friday", "Super Tuesday", "the Sunday Times".
		if mod == 0 {
			if p := s.word(k - 1); p != nil && p.upper && p.w.c&cHolidayPre != 0 {
				return hit{}, false
			}
		}
		if n := s.word(j); n != nil && n.upper && n.w.c&cNameNext != 0 {
			return hit{}, false
		}
	default:
		// Spanish and Portuguese weekdays are lower case; a capitalised
		// "Domingo" inside a sentence is a name unless a date follows.
		// "Domingo Perón" is a name even at the start of a sentence.
		if t.upper && mod == 0 {
			if n := s.word(j); !s.sentenceStart(k) || n != nil && n.upper && n.w.c&cMonth == 0 {
				needDate = true
			}
		}
	}

	// An explicit date after the weekday makes one mention of the whole.
	q := j
	if s.punct(q, ',') {
		q++
	}
	if h, ok := s.monthFirst(start, q); ok {
		h.wd = wd
		return h, true
	}
	if h, ok := s.dayFirst(start, q); ok {
		h.wd = wd
		return h, true
	}
	// A day of the month alone: "quarta-feira (29)", "el lunes 14".
	if s.punct(j, '(') {
		if d, _, ok := s.day(j + 1); ok && s.punct(j+2, ')') {
			return hit{i: start, j: j + 3, d: d, wd: wd, rel: rDOM, prec: pDay}, true
		}
	}
	if t.w.c&cCap == 0 {
		if d, j2, ok := s.day(j); ok && s.toks[j].sp {
			if n := s.word(j2); n == nil || n.w.c&cFunc != 0 {
				return hit{i: start, j: j2, d: d, wd: wd, rel: rDOM, prec: pDay}, true
			}
		}
	}
	if needDate {
		return hit{}, false
	}

	mode := 0
	switch mod {
	case modThis:
		mode = wdNearest
	case modNext:
		mode = wdNext
	case modLast:
		mode = wdLast
	}
	// "lunes pasado", "sábado próximo"
	if n := s.word(j); mode == 0 && n != nil && n.w.c&cModAfter != 0 {
		switch n.w.v {
		case modLast:
			mode, j = wdLast, j+1
		case modNext:
			mode, j = wdNext, j+1
		}
	}
	if mode == 0 {
		mode = s.tense(k)
	}
	return hit{i: start, j: j, wd: wd, rel: rWeekday, off: mode, prec: pDay}, true
}

// tense guesses whether a bare weekday at k points forward: news reports the
// past unless a future cue stands near it in the same sentence.
func (s *scanner) tense(k int) int {
	for i, n := k-1, 0; i >= 0 && n < 12; i, n = i-1, n+1 {
		if s.boundary(i + 1) {
			break
		}
		if s.future(i) {
			return wdFuture
		}
		if s.has(i, cPast) {
			break
		}
	}
	for i, n := k+1, 0; i < len(s.toks) && n < 10; i, n = i+1, n+1 {
		if s.boundary(i) {
			break
		}
		if s.future(i) {
			return wdFuture
		}
		if t := s.word(i); t != nil && (t.w.c&(cPast|cClause) != 0 || endsWith(s.text[t.start:t.end], "ed")) {
			break
		}
	}
	return wdPast
}

// boundary reports whether a sentence ends just before token i.
func (s *scanner) boundary(i int) bool {
	if i <= 0 || i >= len(s.toks) {
		return true
	}
	if s.toks[i].nl {
		return true
	}
	p := s.toks[i-1]
	if p.kind != tPunct {
		return false
	}
	if p.r == '.' {
		// "a.m.", "U.S.", "Jan.": a dot after a short word ends no sentence.
		w := s.word(i - 2)
		return w == nil || !s.glued(i-1) || w.end-w.start > 3
	}
	return p.r == '!' || p.r == '?'
}

// future reports whether token i is a future cue: a listed word, or a
// Spanish or Portuguese future-tense verb ("viajará", "reunirán").
func (s *scanner) future(i int) bool {
	t := s.word(i)
	if t == nil {
		return false
	}
	if t.w.c&cFuture != 0 {
		return true
	}
	w := s.text[t.start:t.end]
	return endsWith(w, "rá") || endsWith(w, "rán") || endsWith(w, "rão")
}

func endsWith(s, suffix string) bool {
	return len(s) > len(suffix)+1 && s[len(s)-len(suffix):] == suffix
}

// modifier: "this Monday", "next week", "last year", "this past Sunday",
// "el próximo lunes", "last night", "this morning".
func (s *scanner) modifier(i int) (hit, bool) {
	t := s.word(i)
	mod, j := int(t.w.v), i+1
	if t.w.lang&lEN != 0 && s.has(j, cMod) && s.word(j).w.v == modLast {
		mod, j = modLast, j+1 // "this past Monday"
	}
	if s.has(j, cWeekday|cPtDay) {
		if n := s.word(j); n.w.c&cAbbr == 0 {
			return s.weekday(i, j, mod)
		}
	}
	u := s.word(j)
	if u == nil || u.w.c&cUnit == 0 || u.w.c&cPl != 0 {
		return hit{}, false
	}
	// "the last week of March", "the next year", "past year": spans of
	// time or narrative time, not calendar periods.
	if s.has(j+1, cOf) || s.isPast(i) || s.isThe(i-1) {
		return hit{}, false
	}
	off := 0
	switch mod {
	case modNext:
		off = 1
	case modLast:
		off = -1
	}
	h := hit{i: i, j: j + 1}
	switch u.w.v {
	case uWeek:
		h.rel, h.prec, h.off = rWeeks, pWeek, off
	case uMonth:
		h.rel, h.prec, h.off = rMonths, pMonth, off
	case uYear:
		h.rel, h.prec, h.off = rYears, pYear, off
	case uNight:
		if mod != modLast {
			return hit{}, false
		}
		h.rel, h.prec, h.off = rDays, pDay, -1
	case uMorning:
		if mod != modThis {
			return hit{}, false
		}
		h.rel, h.prec = rDays, pDay
	default:
		return hit{}, false
	}
	return h, true
}

// isPast reports whether modifier token i is the English "past", which
// before a unit means a span ("the past week"), not a calendar period.
func (s *scanner) isPast(i int) bool {
	t := s.toks[i]
	w := s.text[t.start:t.end]
	return len(w) == 4 && (w[0]|0x20) == 'p' && t.w.lang&lEN != 0
}

// isThe reports whether token i is the English article "the".
func (s *scanner) isThe(i int) bool {
	t := s.word(i)
	if t == nil || t.end-t.start != 3 {
		return false
	}
	w := s.text[t.start:t.end]
	return (w[0]|0x20) == 't' && (w[1]|0x20) == 'h' && (w[2]|0x20) == 'e'
}

// unitMod: Spanish and Portuguese order, "semana pasada", "año próximo".
func (s *scanner) unitMod(i int) (hit, bool) {
	u := s.word(i)
	n := s.word(i + 1)
	if n == nil || n.w.c&cModAfter == 0 || u.w.c&cPl != 0 {
		return hit{}, false
	}
	off := 0
	switch n.w.v {
	case modLast:
		off = -1
	case modNext:
		off = 1
	default:
		return hit{}, false
	}
	h := hit{i: i, j: i + 2, off: off}
	switch u.w.v {
	case uWeek:
		h.rel, h.prec = rWeeks, pWeek
	case uMonth:
		h.rel, h.prec = rMonths, pMonth
	case uYear:
		h.rel, h.prec = rYears, pYear
	default:
		return hit{}, false
	}
	return h, true
}

// relWord: "yesterday", "today", "ayer", "hoy", "mañana", "ontem".
func (s *scanner) relWord(i int) (hit, bool) {
	t := s.word(i)
	h := hit{i: i, j: i + 1, rel: rDays, off: int(t.w.v), prec: pDay}
	p := s.word(i - 1)
	if t.w.v == 1 && t.w.lang&lES != 0 && t.w.lang&lEN == 0 && p != nil {
		// "mañana" after "esta" is this morning, after "pasado" the day
		// after tomorrow, after "la", "por la", "cada" just a morning.
		lw := lower(s.text[p.start:p.end])
		switch {
		case lw == "esta":
			h.i, h.off = i-1, 0
			return h, true
		case lw == "pasado":
			h.i, h.off = i-1, 2
			return h, true
		case p.w.c&cNotRel != 0:
			return hit{}, false
		}
	}
	if p != nil && p.w.c&cNotRel != 0 && p.upper {
		return hit{}, false // "USA Today"
	}
	// "hoy en día", "hoje em dia": nowadays.
	if n := s.word(i + 1); t.w.v == 0 && n != nil && (n.w.c&cYearCue != 0) && s.has(i+2, cUnit) && s.word(i+2).w.v == uDay {
		return hit{}, false
	}
	return h, true
}

// ago: "two days ago", "3 weeks ago", "hace dos días", "há três anos".
// start is where the mention begins, k the number.
func (s *scanner) ago(start, k int) (hit, bool) {
	n := 0
	if t := s.num(k); t != nil {
		if t.nd > 2 {
			return hit{}, false
		}
		n = t.num
	} else if t := s.word(k); t != nil && t.w.c&cNumWord != 0 {
		n = int(t.w.v)
	} else {
		return hit{}, false
	}
	u := s.word(k + 1)
	if u == nil || u.w.c&cUnit == 0 {
		return hit{}, false
	}
	j := k + 2
	if start == k { // English: the number comes first, "ago" last
		if !s.has(j, cAgo) {
			return hit{}, false
		}
		j++
	} else if s.word(start).w.lang&lEN != 0 {
		return hit{}, false
	}
	h := hit{i: start, j: j}
	switch u.w.v {
	case uDay:
		h.rel, h.prec, h.off = rDays, pDay, -n
	case uWeek:
		h.rel, h.prec, h.off = rWeeks, pWeek, -n
	case uMonth:
		h.rel, h.prec, h.off = rMonths, pMonth, -n
	case uYear:
		h.rel, h.prec, h.off = rYears, pYear, -n
	default:
		return hit{}, false
	}
	return h, true
}

// lower lower-cases a short ASCII-or-not word; only for the rare checks
// outside the dictionary.
func lower(w string) string {
	b := []byte(w)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c | 0x20
		}
	}
	return string(b)
}

// pastParticiple: a regular English past participle (-ed) or one of the
// irregular ones that describe when a thing was made or began.
func pastParticiple(w string) bool {
	if len(w) > 4 && strings.HasSuffix(w, "ed") {
		return true
	}
	return datingParticiples.Has(w)
}

var datingParticiples = lang.Words("dating_participles", "en")
