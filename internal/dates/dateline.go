package dates

import (
	"time"

	"github.com/parallaxnews/parallax"
)

// How far into a text a dateline may sit. Pages pasted as text carry a
// headline, a standfirst and a few bullet points before it.
const (
	datelineBytes = 1500
	datelineLines = 12
)

// Dateline returns the publication date when the text states it near its
// start ("Posted on 17/04/2025 at 11:30", "Publicado el 14 de abril de
// 2025", "Updated March 27, 2024"), with the span of the phrase, cue words
// included. A "published" or "posted" cue wins over a line that is only a
// date, which wins over "updated".
func Dateline(text string) (time.Time, parallax.Span, bool) {
	head := text
	if len(head) > datelineBytes+200 {
		head = head[:datelineBytes+200]
	}
	tp := tokPool.Get().(*[]tok)
	defer putToks(tp)
	s := scanner{text: head, toks: lex(head, lAll, (*tp)[:0])}
	*tp = s.toks
	return s.dateline()
}

type dlCand struct {
	t    time.Time
	span parallax.Span
	ok   bool
}

func (s *scanner) dateline() (time.Time, parallax.Span, bool) {
	var bare, updated dlCand
	lines, lineStart := 0, 0
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		if t.start > datelineBytes {
			break
		}
		if i == 0 || t.nl {
			lines++
			if lines > datelineLines {
				break
			}
			lineStart = i
			if !bare.ok {
				bare = s.bareDateLine(i)
			}
			if !bare.ok {
				bare = s.wireDateline(i)
			}
		}
		if t.kind != tWord || t.w.c&cCue == 0 {
			continue
		}
		kind := int(t.w.v)
		start := i
		// "Last updated", "First published"
		if p := s.word(i - 1); p != nil && i-1 >= lineStart && !s.toks[i].nl {
			if w := lower(s.text[p.start:p.end]); w == "last" || w == "first" {
				start = i - 1
			}
		}
		if !(start == lineStart || s.separatorBefore(start) || (t.upper && s.lineEnd(i)-s.toks[lineStart].start <= 160)) {
			continue
		}
		c := s.cueDate(start, i, kind)
		if !c.ok {
			continue
		}
		switch kind {
		case cuePublished, cueDate:
			return c.t, c.span, true
		case cueUpdated:
			if !updated.ok {
				updated = c
			}
		}
	}
	if bare.ok {
		return bare.t, bare.span, true
	}
	if updated.ok {
		return updated.t, updated.span, true
	}
	return time.Time{}, parallax.Span{}, false
}

// cueDate reads the full date that follows the cue word at i, past a few
// fillers ("on", "el", ":", "-"), on the same line.
func (s *scanner) cueDate(start, i, kind int) dlCand {
	q := i + 1
	colon := false
	for n := 0; n < 4 && q < len(s.toks) && !s.toks[q].nl; n++ {
		t := s.toks[q]
		if t.kind == tPunct && (t.r == ':' || t.r == '-' || t.r == '|' || t.r == '–' || t.r == '—' || t.r == ',') {
			colon = colon || t.r == ':'
			q++
			continue
		}
		if t.kind == tWord && t.w.c&(cMonth|cWeekday|cMod) == 0 {
			if datelineFillers.Has(lower(s.text[t.start:t.end])) {
				q++
				continue
			}
		}
		break
	}
	if q >= len(s.toks) || s.toks[q].nl || (kind == cueDate && !colon) {
		return dlCand{}
	}
	h, ok := s.at(q)
	if !ok || h.rel != rNone || h.y == 0 || h.prec != pDay {
		return dlCand{}
	}
	return dlCand{
		t:    time.Date(h.y, time.Month(h.m), h.d, 0, 0, 0, 0, time.UTC),
		span: parallax.Span{Start: s.toks[start].start, End: s.toks[h.j-1].end},
		ok:   true,
	}
}

// bareDateLine: a short line near the top that starts with a full date
// ("April 14, 2025", "Monday 14 April 2025 10:30 BST"), or a byline that
// carries one ("By Ana Ruiz | April 14, 2025").
func (s *scanner) bareDateLine(i int) dlCand {
	end := s.lineEnd(i)
	length := end - s.toks[i].start
	if length > 200 {
		return dlCand{}
	}
	byline := false
	if t := s.word(i); t != nil {
		w := lower(s.text[t.start:t.end])
		byline = w == "by" || w == "por"
	}
	if !byline && length > 60 {
		return dlCand{}
	}
	for k := i; k < len(s.toks) && s.toks[k].start < end; k++ {
		if k > i && !byline {
			break
		}
		h, ok := s.at(k)
		if ok && h.rel == rNone && h.y > 0 && h.prec == pDay {
			return dlCand{
				t:    time.Date(h.y, time.Month(h.m), h.d, 0, 0, 0, 0, time.UTC),
				span: parallax.Span{Start: s.toks[h.i].start, End: s.toks[h.j-1].end},
				ok:   true,
			}
		}
	}
	return dlCand{}
}

// lineEnd is the byte offset where the line holding token i ends.
func (s *scanner) lineEnd(i int) int {
	for k := i + 1; k < len(s.toks); k++ {
		if s.toks[k].nl {
			return s.toks[k-1].end
		}
	}
	return s.toks[len(s.toks)-1].end
}

// separatorBefore reports whether token i follows a separator such as "|"
// or "·", as in "By Ana Ruiz | Published April 14, 2025".
func (s *scanner) separatorBefore(i int) bool {
	if i == 0 || s.toks[i-1].kind != tPunct {
		return false
	}
	switch s.toks[i-1].r {
	case '|', '•', '·', '-', '–', '—', '/', ',', ':', '(', '[':
		return true
	}
	return false
}

// wireDateline reads the agency dateline that opens a story's first
// paragraph: "WESTERHAVEN, March 3, 2026 —", "BALTIMORE, Md., Tuesday,
// March 26, 2024 (AP) —". The place is in capitals; a dash or an opening
// bracket follows the date. The span covers the date.
func (s *scanner) wireDateline(i int) dlCand {
	k := i
	caps := 0
	for k < len(s.toks) && caps < 4 && s.toks[k].kind == tWord && isAllCaps(s.text[s.toks[k].start:s.toks[k].end]) {
		caps++
		k++
	}
	if caps == 0 {
		return dlCand{}
	}
	// optional ", Md." style state, then a comma
	for n := 0; n < 4 && k < len(s.toks) && !s.toks[k].nl; n++ {
		if s.toks[k].kind == tPunct && s.toks[k].r == ',' {
			k++
			break
		}
		k++
	}
	for n := 0; n < 4 && k < len(s.toks) && !s.toks[k].nl; n++ {
		h, ok := s.at(k)
		if ok && h.rel == rNone && h.y > 0 && h.prec == pDay {
			if h.j < len(s.toks) && s.toks[h.j].kind == tPunct {
				switch s.toks[h.j].r {
				case '—', '–', '-', '(':
					return dlCand{
						t:    time.Date(h.y, time.Month(h.m), h.d, 0, 0, 0, 0, time.UTC),
						span: parallax.Span{Start: s.toks[h.i].start, End: s.toks[h.j-1].end},
						ok:   true,
					}
				}
			}
			return dlCand{}
		}
		k++
	}
	return dlCand{}
}

func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' || r > 127 {
			letters++
		}
	}
	return letters >= 2
}
