package lang

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NamedYear is a year written into the name of one thing, in English: "the
// 1998 Good Friday Agreement", "his 2013 Toyota Camry", "a 1972 meeting
// with the aide", "the 1983 film Local Hero", "1999's American Pie", "the
// tsunami of 2004". The
// year dates that thing; another outlet giving another year for it is a
// disagreement a reader can see.
type NamedYear struct {
	Year                 int
	YearStart, YearEnd   int // the year's digits
	ThingStart, ThingEnd int // the words of the thing, after the year or before "of"
	// Name is the capitalised name among those words ("Toyota Camry"), ""
	// when the thing is named by a common noun only ("meeting").
	Name string
	// Head is the lower-case noun that says what the thing is ("meeting",
	// "article" in "the 2005 Vanity Fair article"), "" when none.
	Head string
	// Key lines the thing up across articles: the name in lower case with
	// the stemmed head after it, or the stemmed head words when there is no
	// name.
	Key string
}

var (
	yearTokenRe = regexp.MustCompile(`^(1[6-9]\d\d|20\d\d)(?:'s|’s)?$`)
	nyWordRe    = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}'’&.-]*[\p{L}\p{N}]|[\p{L}\p{N}]`)
	recurring   = Words("recurring_heads", "en")
	determiners = Words("determiners", "en")
	possessives = Words("possessives", "en")
	connectorsN = Words("name_connectors", "en")
)

// Span is the words of the thing and its year together.
func (ny NamedYear) Span() (start, end int) {
	return min(ny.YearStart, ny.ThingStart), max(ny.YearEnd, ny.ThingEnd)
}

// nyWord is one word of a text and whether only spaces separate it from
// the word before.
type nyWord struct {
	w          string
	start, end int
	joined     bool // nothing but spaces since the previous word
	hyphen     bool // a hyphen since the previous word ("quake - triggered")
}

// NamedYears finds the years of an English text that date a named thing:
// a determiner or a possessive, at most one word, the year, then the
// thing's name or a noun of an event, an act, a document or an object
// (WordNet's dominant senses). A year before a recurring thing ("the 2024
// election", "the 2013 NFL Draft") picks one of many and is left out, as
// are years in a list or a range ("the 2004 and 2005 awards").
func NamedYears(text string) []NamedYear {
	var ws []nyWord
	for _, m := range nyWordRe.FindAllStringIndex(text, -1) {
		gap := ""
		if len(ws) > 0 {
			gap = text[ws[len(ws)-1].end:m[0]]
		}
		j := len(ws) > 0 && strings.Trim(gap, " ") == ""
		ws = append(ws, nyWord{w: text[m[0]:m[1]], start: m[0], end: m[1], joined: j, hyphen: strings.TrimSpace(gap) == "-"})
	}
	var out []NamedYear
	for i, y := range ws {
		m := yearTokenRe.FindStringSubmatch(y.w)
		if m == nil {
			continue
		}
		possYear := len(m[0]) > len(m[1])
		if ny, ok := thingOfYear(ws, i); ok && !possYear {
			ny.Year, _ = strconv.Atoi(m[1])
			ny.YearStart, ny.YearEnd = y.start, y.start+len(m[1])
			out = append(out, ny)
			continue
		}
		if !possYear && !opensYear(ws, i) {
			continue
		}
		if i+1 >= len(ws) || !ws[i+1].joined || listed(ws, i) {
			continue
		}
		ny, ok := thingAfter(ws, i+1)
		if !ok {
			continue
		}
		ny.Year, _ = strconv.Atoi(m[1])
		ny.YearStart, ny.YearEnd = y.start, y.start+len(m[1])
		out = append(out, ny)
	}
	return out
}

// thingOfYear reads "the tsunami of 2004": a determiner, at most two
// words, a noun of an event, an act or a document, "of" and the year (word
// i), which ends its phrase. Names with "of" are laws (the Civil Rights
// Act of 1964), left to the law readers.
func thingOfYear(ws []nyWord, i int) (NamedYear, bool) {
	var ny NamedYear
	if i < 3 || !ws[i].joined || !ws[i-1].joined || strings.ToLower(ws[i-1].w) != "of" {
		return ny, false
	}
	if i+1 < len(ws) && ws[i+1].joined && !Stopword(strings.ToLower(ws[i+1].w)) {
		return ny, false // "the fall of 2005 storms": the year is no thing's end
	}
	h := ws[i-2]
	if !ws[i-2+1].joined || !isLowerWord(h.w) || len(h.w) < 3 || Stopword(h.w) || recurring.Has(h.w) || !datedNoun(h.w, false) {
		return ny, false
	}
	for k := i - 3; k >= max(0, i-5); k-- {
		if !ws[k+1].joined && !ws[k+1].hyphen {
			break
		}
		if ws[k+1].joined && opener(ws[k].w) {
			ny.ThingStart, ny.ThingEnd, ny.Head = h.start, h.end, h.w
			ny.Key = Stem(strings.ToLower(h.w), "en")
			return ny, true
		}
	}
	return ny, false
}

// opensYear: a determiner or a possessive right before the year, or one
// lower-case word before it ("a gray 2013 Toyota Camry").
func opensYear(ws []nyWord, i int) bool {
	if !ws[i].joined || i == 0 {
		return false
	}
	if opener(ws[i-1].w) {
		return true
	}
	p := ws[i-1].w
	return i >= 2 && ws[i-1].joined && isLowerWord(p) && !Stopword(p) && opener(ws[i-2].w)
}

func opener(w string) bool {
	l := strings.ToLower(w)
	if strings.HasSuffix(l, "'s") || strings.HasSuffix(l, "’s") {
		return len(l) > 2 && isCapital(w)
	}
	return (determiners.Has(l) || possessives.Has(l)) && l != "one" && !isDigits(l)
}

// listed: the year is one of several ("2004 and 2005", "2004-05", "1990 to
// 1991").
func listed(ws []nyWord, i int) bool {
	for _, k := range []int{i - 1, i + 1} {
		if k < 0 || k >= len(ws) {
			continue
		}
		switch strings.ToLower(ws[k].w) {
		case "and", "or", "to", "through", "until", "nor":
			return true
		}
	}
	return !ws[i+1].joined || i > 0 && !ws[i].joined
}

// thingAfter reads the thing's words from word k on: lower-case nouns, then
// capitalised name words, then at most one lower-case noun after the name.
func thingAfter(ws []nyWord, k int) (NamedYear, bool) {
	var ny NamedYear
	start := ws[k].start
	end := start
	var lower []string
	// up to two lower-case words: "peace deal", "film" (before a name)
	for len(lower) < 2 && k < len(ws) && ws[k].joined && isLowerWord(ws[k].w) && len(ws[k].w) > 2 && !Stopword(ws[k].w) {
		lower = append(lower, ws[k].w)
		end = ws[k].end
		k++
	}
	// the name: capitalised words, with connectors inside
	nameStart, nameEnd := -1, -1
	n := 0
	for k < len(ws) && ws[k].joined && n < 6 {
		w := ws[k].w
		if isCapital(w) && !strings.HasSuffix(w, "'s") && !strings.HasSuffix(w, "’s") {
			if nameStart < 0 {
				nameStart = ws[k].start
			}
			nameEnd = ws[k].end
			n++
			k++
			continue
		}
		if nameStart >= 0 && connectorsN.Has(w) && k+1 < len(ws) && ws[k+1].joined && isCapital(ws[k+1].w) {
			k++
			continue
		}
		break
	}
	head := ""
	switch {
	case nameStart >= 0:
		end = nameEnd
		// a noun right after the name says what is named: "the 2005 Vanity
		// Fair article"
		if k < len(ws) && ws[k].joined && isLowerWord(ws[k].w) && !Stopword(ws[k].w) && !participle(ws[k].w) && datedNoun(ws[k].w, true) {
			head = ws[k].w
			end = ws[k].end
		}
	case len(lower) > 0:
		head = lower[len(lower)-1]
		if !datedNoun(head, false) {
			return ny, false
		}
	default:
		return ny, false
	}
	var name string
	if nameStart >= 0 {
		name = strings.Join(strings.Fields(textOf(ws, nameStart, nameEnd)), " ")
		// "the 2012 Chiefs": a team of one season, one of many
		if f := strings.Fields(name); head == "" && len(lower) == 0 && strings.HasSuffix(f[len(f)-1], "s") {
			return ny, false
		}
	}
	// any word of a recurring thing: "the 2019 Tour de France", "the 2007
	// World Series MVP"
	for _, w := range append(append(lower, head), strings.Fields(name)...) {
		if recurring.Has(strings.ToLower(w)) {
			return ny, false
		}
	}
	ny.ThingStart, ny.ThingEnd, ny.Name, ny.Head = start, end, name, head
	if name != "" {
		// the name, and what of it is dated: "the 2005 Vanity Fair article"
		// is not the magazine's 2006 interview
		ny.Key = strings.ToLower(name)
		if head != "" {
			ny.Key += " " + Stem(strings.ToLower(head), "en")
		}
	} else {
		var ks []string
		for _, w := range lower {
			ks = append(ks, Stem(strings.ToLower(w), "en"))
		}
		ny.Key = strings.Join(ks, " ")
	}
	return ny, true
}

// textOf is the text from start to end, rebuilt from the words (the words
// keep their offsets; only single spaces separate joined words).
func textOf(ws []nyWord, start, end int) string {
	var parts []string
	for _, w := range ws {
		if w.start >= start && w.end <= end {
			parts = append(parts, w.w)
		}
	}
	return strings.Join(parts, " ")
}

// datedNoun: a noun whose dominant senses (WordNet's first two) are an
// event, an act or a document, or a single object ("sedan"); not a time
// ("season") nor a count of people or places ("the 2000 residents"). After
// a name only an event, an act or a document counts.
func datedNoun(w string, afterName bool) bool {
	cs := NounClasses(strings.ToLower(w))
	if len(cs) == 0 || cs[0] == ClassTime {
		return false
	}
	for i, c := range cs {
		if i == 2 {
			break
		}
		switch c {
		case ClassEvent, ClassAct, ClassComm:
			return true
		case ClassArtifact:
			// an object after a name is more often another word ("the
			// 1998 Accord still applies"); before, a single one
			if i == 0 && !afterName && !strings.HasSuffix(w, "s") {
				return true
			}
		}
	}
	return false
}

// participle: "-ing" and "-ed" words after a name are mostly verbs ("the
// 2013 Toyota Camry heading north").
func participle(w string) bool {
	return strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")
}

func isLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return true
}

func isCapital(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isDigits(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}
