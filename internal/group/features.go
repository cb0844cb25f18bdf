package group

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/spanish"
)

// Feature families. A feature key starts with its family's byte.
const (
	famWord = iota // stemmed content word, keyed by language: "wen:collaps"
	famName        // capitalised name word or pair of words: "nbaltimore", "nscott key"
	famNum         // number, normalised: "#232", "#6000000"
	famDate        // year, month-day or year-month: "dY2024", "dD03-26", "dM2024-03"
	numFamilies
)

func familyOf(key string) int {
	switch key[0] {
	case 'w':
		return famWord
	case 'n':
		return famName
	case '#':
		return famNum
	}
	return famDate
}

// featKey identifies a feature: the FNV-1a hash of its text ("wen:collaps",
// "nbaltimore", "#232", "dY2024") with the family in the top two bits.
type featKey uint64

const fnvOffset = 14695981039346656037

func hashPart(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func (k featKey) family() int { return int(k >> 62) }

// keyOf is the key of a feature's text.
func keyOf(text string) featKey {
	return featKey(hashPart(fnvOffset, text)&(1<<62-1) | uint64(familyOf(text))<<62)
}

type keyCount struct {
	key featKey
	n   int32
}

// features is what one document contributes: feature counts, its language
// and the hashes of its running words for near-duplicate detection.
type features struct {
	lang   string
	counts []keyCount
	words  []uint64 // hash of each word and number, in order
}

type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tPunct
)

type token struct {
	kind        tokKind
	text        string // as written
	low         string // lowercase; for words also accent-folded
	glued       string // letters glued after a number ("th" in "4th"), folded
	spaceBefore bool
	spaceAfter  bool
	capital     bool // starts with an upper-case letter
	allCaps     bool
	lineStart   bool
	stop        bool // a function word of the document's language
	stopEN      bool // an English function word
	short       bool // a single letter
}

// extractor turns documents into features. It keeps a stem cache, so one
// extractor must not be used by two goroutines at once.
type extractor struct {
	leadEnd int // tokens before it are in the lead
	counts  map[featKey]int32
	text    map[featKey]string // each key's text, kept only when not nil (tests)
	stemEN  map[string]string
	stemES  map[string]string
	toks    []token
	used    []bool

	// Scratch reused from one document to the next; features returned by
	// extract point into counts and words, valid until the next call.
	lines     []string
	lineOf    []int
	flags     []bool // titleLine, sentStart and candidate, one after another
	reliable  map[string]bool
	seq       []string
	countsBuf []keyCount
	wordsBuf  []uint64
	cntBuf    []uint8 // used by extractChunk
}

func newExtractor() *extractor {
	return &extractor{
		counts:   make(map[featKey]int32, 512),
		reliable: map[string]bool{},
		stemEN:   make(map[string]string, 1<<12),
		stemES:   make(map[string]string, 1<<12),
	}
}

// add counts one occurrence at token i of the feature whose text is the
// concatenation of parts; an occurrence in the lead counts leadBoost times.
func (x *extractor) add(i int, parts ...string) {
	n := int32(1)
	if i < x.leadEnd {
		n = leadBoost
	}
	x.counts[x.key(parts)] += n
}

// ensure counts the feature once unless the document already has it.
func (x *extractor) ensure(parts ...string) {
	if k := x.key(parts); x.counts[k] == 0 {
		x.counts[k] = 1
	}
}

func (x *extractor) key(parts []string) featKey {
	h := uint64(fnvOffset)
	for _, p := range parts {
		h = hashPart(h, p)
	}
	k := featKey(h&(1<<62-1) | uint64(familyOf(parts[0]))<<62)
	if x.text != nil {
		if _, ok := x.text[k]; !ok {
			x.text[k] = strings.Join(parts, "")
		}
	}
	return k
}

// The lead, the headline and about the first sentence, names the event;
// the rest of an article is often background shared with other events of
// the kind. Features in the first leadWords words count leadBoost times.
const (
	leadWords = 20
	leadBoost = 2
)

func (x *extractor) stem(lang, w string) string {
	var cache map[string]string
	switch lang {
	case "en":
		cache = x.stemEN
	case "es":
		cache = x.stemES
	default:
		return foldLower(w)
	}
	if s, ok := cache[w]; ok {
		return s
	}
	var s string
	if lang == "en" {
		s = english.Stem(foldLower(w), false)
	} else {
		s = foldLower(spanish.Stem(w, false))
	}
	if len(cache) >= 1<<16 {
		clear(cache)
	}
	cache[w] = s
	return s
}

// docLines splits a document into the lines worth reading: the title first
// when Text does not already start with it, then the text without URL
// lines and inline URLs.
func docLines(d *Doc, out []string) []string {
	out = out[:0]
	text := d.Text
	if t := strings.TrimSpace(d.Title); t != "" {
		head := text
		if len(head) > len(t)+200 {
			head = head[:len(t)+200]
		}
		if !strings.Contains(head, t) {
			out = append(out, t)
		}
	}
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || isURLLine(line) {
			continue
		}
		out = append(out, stripURLs(line))
	}
	return out
}

// isURLLine reports whether a line is a bare address, possibly tokenised
// with spaces ("http : / / www . example . com / a - b").
func isURLLine(line string) bool {
	if !strings.HasPrefix(line, "http") && !strings.HasPrefix(line, "www") {
		return false
	}
	compact := strings.ReplaceAll(line, " ", "")
	return strings.HasPrefix(compact, "http://") || strings.HasPrefix(compact, "https://") || strings.HasPrefix(compact, "www.")
}

func stripURLs(line string) string {
	for _, p := range []string{"https://", "http://", "www."} {
		for {
			i := strings.Index(line, p)
			if i < 0 {
				break
			}
			j := strings.IndexAny(line[i:], " \t")
			if j < 0 {
				line = line[:i]
			} else {
				line = line[:i] + line[i+j:]
			}
		}
	}
	return line
}

// tokenize appends the tokens of one line to x.toks.
func (x *extractor) tokenize(line string) {
	first := true
	space := true
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRuneInString(line[i:])
		switch {
		case unicode.IsSpace(r):
			if k := len(x.toks); k > 0 && !space {
				x.toks[k-1].spaceAfter = true
			}
			space = true
			i += n
			continue
		case '0' <= r && r <= '9':
			j := i
			for j < len(line) && '0' <= line[j] && line[j] <= '9' {
				j++
			}
			t := token{kind: tNum, text: line[i:j], low: line[i:j], spaceBefore: space, lineStart: first}
			k := j
			for k < len(line) {
				r2, n2 := utf8.DecodeRuneInString(line[k:])
				if !unicode.IsLetter(r2) {
					break
				}
				k += n2
			}
			// Letters glued to a number are a suffix ("4th", "25am", "$36M")
			// when short; otherwise a word ("9 May 2025Robert").
			if k > j && k-j <= 3 {
				t.glued = foldLower(line[j:k])
			} else {
				k = j
			}
			x.toks = append(x.toks, t)
			i = k
		case unicode.IsLetter(r):
			j := i + n
			for j < len(line) {
				r2, n2 := utf8.DecodeRuneInString(line[j:])
				if !unicode.IsLetter(r2) && !unicode.Is(unicode.Mn, r2) {
					break
				}
				j += n2
			}
			w := line[i:j]
			t := token{kind: tWord, text: w, low: foldLower(w), spaceBefore: space, lineStart: first}
			t.capital = unicode.IsUpper(r)
			if t.capital {
				t.allCaps = true
				for _, c := range w {
					if unicode.IsLower(c) {
						t.allCaps = false
						break
					}
				}
			}
			x.toks = append(x.toks, t)
			i = j
		default:
			x.toks = append(x.toks, token{kind: tPunct, text: line[i : i+n], low: line[i : i+n], spaceBefore: space, lineStart: first})
			i += n
		}
		first = false
		space = false
	}
	if k := len(x.toks); k > 0 {
		x.toks[k-1].spaceAfter = true
	}
}

// sentenceEnd are the marks after which a capital letter says nothing.
func sentenceEnd(p string) bool {
	switch p {
	case ".", "!", "?", ":", ";", "…", "|", "•", "·", "–", "—":
		return true
	}
	return false
}

// opener are marks that may stand between a sentence end and its first word.
func opener(p string) bool {
	switch p {
	case "\"", "'", "`", "“", "”", "‘", "’", "«", "»", "„", "(", "[", "¿", "¡", "-", "*":
		return true
	}
	return false
}

// extract computes the features of one document, in its Language or, when
// that is empty, the language its function words suggest. The counts are
// sorted by key.
func (x *extractor) extract(d *Doc) features {
	f := x.extractUnsorted(d)
	// Sorted, so that feature ids, and sums over them, do not depend on
	// map order.
	slices.SortFunc(f.counts, func(a, b keyCount) int { return cmp.Compare(a.key, b.key) })
	return f
}

// extractUnsorted is extract with the counts in no particular order.
func (x *extractor) extractUnsorted(d *Doc) features {
	lang := normLang(d.Language)
	x.toks = x.toks[:0]
	x.lines = docLines(d, x.lines)
	lineOf := x.lineOf[:0] // index of each line's first token
	for _, line := range x.lines {
		lineOf = append(lineOf, len(x.toks))
		x.tokenize(line)
	}
	x.lineOf = lineOf
	toks := x.toks
	x.leadEnd = len(toks)
	for i, words := 0, 0; i < len(toks); i++ {
		if toks[i].kind != tPunct {
			words++
			if words > leadWords {
				x.leadEnd = i
				break
			}
		}
	}
	if lang == "" {
		var lows []string
		for i := range toks {
			if toks[i].kind == tWord && len(lows) < 400 {
				lows = append(lows, strings.ToLower(toks[i].text))
			}
		}
		lang = guessLang(lows)
	}
	f := features{lang: lang, words: x.wordsBuf[:0]}
	clear(x.counts)
	for i := range toks {
		if t := &toks[i]; t.kind == tWord {
			lower := strings.ToLower(t.text)
			t.stop = isStop(lang, lower) || isStop(lang, t.low)
			t.stopEN = isStop("en", t.low)
			t.short = utf8.RuneCountInString(t.text) < 2
		}
	}

	// Title-cased lines (headlines) and sentence starts say nothing about
	// whether a capitalised word is a name; mark the trustworthy ones.
	if cap(x.flags) < 3*len(toks) {
		x.flags = make([]bool, 3*len(toks))
	}
	flags := x.flags[:3*len(toks)]
	clear(flags)
	titleLine, sentStart, candidate := flags[:len(toks)], flags[len(toks):2*len(toks)], flags[2*len(toks):]
	for li, start := range lineOf {
		end := len(toks)
		if li+1 < len(lineOf) {
			end = lineOf[li+1]
		}
		words, caps := 0, 0
		for _, t := range toks[start:end] {
			if t.kind != tWord || t.short || t.stop {
				continue
			}
			words++
			if t.capital {
				caps++
			}
		}
		// In a title-cased line nearly every word but the function words
		// is capitalised; a sentence rich in names still has lowercase verbs.
		if words >= 3 && caps*10 >= words*9 {
			for i := start; i < end; i++ {
				titleLine[i] = true
			}
		}
	}
	start := true
	for i := range toks {
		t := &toks[i]
		if t.lineStart {
			start = true
		}
		sentStart[i] = start
		switch t.kind {
		case tPunct:
			if sentenceEnd(t.text) {
				start = true
			} else if !opener(t.text) {
				start = false
			}
		default:
			start = false
		}
	}
	reliable := x.reliable
	clear(reliable)
	for i := range toks {
		t := &toks[i]
		if t.kind != tWord || !t.capital || t.short {
			continue
		}
		if !t.allCaps && (t.stop || t.stopEN) {
			continue
		}
		if _, ok := months[t.low]; ok || weekdays[t.low] {
			continue
		}
		candidate[i] = true
		if !sentStart[i] && !titleLine[i] {
			reliable[t.low] = true
		}
	}

	if cap(x.used) < len(toks) {
		x.used = make([]bool, len(toks))
	}
	used := x.used[:len(toks)]
	clear(used)
	x.dates(toks, used)

	seq := x.seq[:0]
	seqAt := 0
	flush := func() {
		for k, w := range seq {
			x.add(seqAt, "n", w)
			if k > 0 {
				x.add(seqAt, "n", seq[k-1], " ", w)
			}
		}
		seq = seq[:0]
	}
	for i := range toks {
		if toks[i].kind != tPunct {
			f.words = append(f.words, hashPart(fnvOffset, toks[i].low))
		}
	}
	prev := ""
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.kind == tPunct && sentenceEnd(t.text) {
			prev = ""
		}
		if used[i] {
			flush()
			continue
		}
		switch t.kind {
		case tNum:
			flush()
			i = x.number(toks, i, used)
		case tWord:
			if v, ok := numberWords[lang][t.low]; ok {
				flush()
				x.emitNumber(toks, i, v, used)
				continue
			}
			if candidate[i] && (reliable[t.low] || (!sentStart[i] && !titleLine[i])) {
				if len(seq) == 0 {
					seqAt = i
				}
				seq = append(seq, t.low)
			} else if len(seq) > 0 && nameConnectors.Has(t.low) && i+1 < len(toks) && candidate[i+1] && reliable[toks[i+1].low] {
				// "Gulf of Aden": keep the name going
			} else {
				flush()
			}
			if t.short || t.stop {
				continue
			}
			lw := strings.ToLower(t.text)
			st := x.stem(lang, lw)
			x.add(i, "w", lang, ":", st)
			if prev != "" { // adjacent content words, stopwords skipped: "cargo ship"
				x.add(i, "w", lang, ":", prev, "_", st)
			}
			prev = st
		default:
			if !(t.text == "-" || t.text == "'" || t.text == "’" || t.text == "." && !t.spaceAfter) {
				flush()
			}
		}
	}
	flush()
	for _, name := range d.Names {
		x.addName(name, lang)
	}
	x.seq = seq
	x.wordsBuf = f.words
	f.counts = x.countsBuf[:0]
	for k, n := range x.counts {
		f.counts = append(f.counts, keyCount{k, n})
	}
	x.countsBuf = f.counts
	return f
}

// addName adds the words of an entity name given by the analysis stage,
// unless the text already produced them.
func (x *extractor) addName(name, lang string) {
	var ws []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		lw := strings.ToLower(w)
		if utf8.RuneCountInString(w) < 2 || isStop(lang, lw) || isStop("en", lw) {
			continue
		}
		ws = append(ws, foldLower(w))
	}
	for k, w := range ws {
		x.ensure("n", w)
		if k > 0 {
			x.ensure("n", ws[k-1], " ", w)
		}
	}
}

// skippable reports whether a token may stand between a month and its day
// or year ("26 de marzo", "March 26, 2024", "26. März").
func skippable(t *token) bool {
	switch t.low {
	// (closed class: punctuation, the preposition "of" and the definite article that join a date's parts in English, Spanish, French)
	case ".", ",", "de", "del", "of", "the", "el", "le":
		return true
	}
	return false
}

func (t *token) intValue() (int, bool) {
	if t.kind != tNum || len(t.text) > 4 {
		return 0, false
	}
	v, err := strconv.Atoi(t.text)
	return v, err == nil
}

func isDay(t *token) bool {
	v, ok := t.intValue()
	return ok && v >= 1 && v <= 31 && len(t.text) <= 2 && (t.glued == "" || ordinalSuffix[t.glued])
}

func isYear(t *token) bool {
	v, ok := t.intValue()
	return ok && len(t.text) == 4 && v >= 1900 && v <= 2099 && t.glued == ""
}

// dates finds calendar dates, marks their tokens used and counts date
// features: the year ("dY2024"), month and day ("dD03-26") and year and
// month ("dM2024-03"). Bare years are counted by number().
func (x *extractor) dates(toks []token, used []bool) {
	n := len(toks)
	next := func(i int) int { // next token after i that is not skippable, within 2
		for k := i + 1; k < n && k <= i+3; k++ {
			if !skippable(&toks[k]) {
				return k
			}
		}
		return -1
	}
	prev := func(i int) int {
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			if !skippable(&toks[k]) {
				return k
			}
		}
		return -1
	}
	for i := 0; i < n; i++ {
		t := &toks[i]
		switch t.kind {
		case tWord:
			m, ok := months[t.low]
			if !ok {
				continue
			}
			if t.low == "may" && !t.capital {
				continue
			}
			if len(t.low) <= 3 && !t.capital {
				continue
			}
			day, year := -1, -1
			if k := next(i); k >= 0 && isDay(&toks[k]) {
				day = k
				if k2 := next(k); k2 >= 0 && isYear(&toks[k2]) {
					year = k2
				}
			} else if k >= 0 && isYear(&toks[k]) {
				year = k
			}
			if day < 0 {
				if k := prev(i); k >= 0 && isDay(&toks[k]) && !used[k] {
					day = k
				}
			}
			if day < 0 && year < 0 {
				continue
			}
			used[i] = true
			if day >= 0 {
				d, _ := toks[day].intValue()
				used[day] = true
				x.add(i, "dD", two(m), "-", two(d))
			}
			if year >= 0 {
				y, _ := toks[year].intValue()
				x.add(i, "dM", strconv.Itoa(y), "-", two(m))
			}
		case tNum:
			if used[i] || i+4 >= n {
				continue
			}
			s1, b, s2, c := &toks[i+1], &toks[i+2], &toks[i+3], &toks[i+4]
			if b.kind != tNum || c.kind != tNum || s1.kind != tPunct || s1.text != s2.text ||
				s1.spaceBefore != s2.spaceBefore || s1.spaceBefore != s1.spaceAfter || s1.spaceAfter != s2.spaceAfter {
				continue
			}
			if s1.text != "/" && s1.text != "-" && s1.text != "." {
				continue
			}
			av, _ := t.intValue()
			bv, _ := b.intValue()
			cv, _ := c.intValue()
			y, m, d := -1, -1, -1
			switch {
			case isYear(t) && bv >= 1 && bv <= 12 && isDay(c):
				y, m, d = av, bv, cv
			case isYear(c) && len(t.text) <= 2 && len(b.text) <= 2:
				y = cv
				switch {
				case av > 12 && av <= 31 && bv >= 1 && bv <= 12:
					m, d = bv, av
				case bv > 12 && bv <= 31 && av >= 1 && av <= 12:
					m, d = av, bv
				}
			default:
				continue
			}
			used[i], used[i+2], used[i+4] = true, true, true
			x.add(i, "dY", strconv.Itoa(y))
			if m > 0 {
				x.add(i, "dD", two(m), "-", two(d))
				x.add(i, "dM", strconv.Itoa(y), "-", two(m))
			}
		}
	}
}

func two(v int) string {
	if v < 10 {
		return "0" + strconv.Itoa(v)
	}
	return strconv.Itoa(v)
}

// number reads the number starting at toks[i], counts it and returns the
// index of its last token. Digit groups ("20,000", "20 , 000" in tokenised
// text, "20.000"), decimals ("1.5", "1,5"), multipliers ("6 million",
// "$36M") are understood; times of day ("11:25") are skipped; a bare
// four-digit number between 1900 and 2099 is a year.
func (x *extractor) number(toks []token, i int, used []bool) int {
	n := len(toks)
	t := &toks[i]
	// time of day
	if i+2 < n && toks[i+1].text == ":" && toks[i+2].kind == tNum && len(toks[i+2].text) == 2 && len(t.text) <= 2 {
		used[i+2] = true
		return i + 2
	}
	digits, decimal, groupSep := t.text, "", ""
	end := i
	isSep := func(s *token) bool { return s.kind == tPunct && (s.text == "," || s.text == ".") }
	if len(t.text) <= 3 {
		for end+2 < n && toks[end].glued == "" {
			sep, g := &toks[end+1], &toks[end+2]
			if !isSep(sep) || g.kind != tNum || len(g.text) != 3 || used[end+2] ||
				sep.spaceBefore != sep.spaceAfter || (groupSep != "" && sep.text != groupSep) {
				break
			}
			groupSep = sep.text
			digits += g.text
			end += 2
		}
	}
	if end+2 < n && toks[end].glued == "" {
		sep, g := &toks[end+1], &toks[end+2]
		// "1.5", "1,5", and "1 . 5" in tokenised text
		if isSep(sep) && g.kind == tNum && !used[end+2] && sep.text != groupSep &&
			(!sep.spaceBefore && !sep.spaceAfter || sep.text == "." && sep.spaceBefore && sep.spaceAfter) {
			decimal = g.text
			end += 2
		}
	}
	grouped := groupSep != ""
	last := &toks[end]
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil {
		return end
	}
	if decimal != "" {
		if dv, err := strconv.ParseFloat("0."+decimal, 64); err == nil {
			v += dv
		}
	}
	mult := 1.0
	if m, ok := suffixMultipliers[last.glued]; ok {
		mult = m
	} else if end+1 < n && toks[end+1].kind == tWord {
		if m, ok := multipliers[toks[end+1].low]; ok {
			mult = m
			end++
			used[end] = true
		}
	}
	if mult == 1 && !grouped && decimal == "" && isYear(t) {
		x.add(i, "dY", t.text)
		return end
	}
	x.add(i, "#", formatNumber(v*mult))
	return end
}

// emitNumber counts a number written as a word, with a multiplier after it.
func (x *extractor) emitNumber(toks []token, i int, v float64, used []bool) {
	if i+1 < len(toks) && toks[i+1].kind == tWord {
		if m, ok := multipliers[toks[i+1].low]; ok {
			v *= m
			used[i+1] = true
		}
	}
	x.add(i, "#", formatNumber(v))
}

func formatNumber(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'g', 6, 64)
}
