// Package quantity finds quantities in news text and normalises them, so that
// "more than 200 Venezuelan migrants", "232 migrants" and "hundreds of
// migrants" from three outlets can be lined up and compared.
//
// Find reads English and Spanish; for any other language it reads digits,
// percentages, currency symbols and unit abbreviations only. Every quantity
// points at the exact words it was read from.
//
// What a quantity holds:
//
//   - Value when the text states one number ("232 migrants"), Low and/or
//     High for bounds and ranges ("more than 200" → Low 200; "up to six
//     million" → Low 0 and High 6,000,000; "between 46 and 48", "46-48" →
//     both; "two or three" → both and Approx). Hedges ("about 90%", "some
//     200") keep Value and set Approx; "nearly"/"almost"/"close to" set High
//     and Approx. Vague plurals set both bounds and Approx: "hundreds" is
//     200–999, "thousands" 2,000–99,999, "tens of thousands" 20,000–99,000.
//     "rose from 10 to 20" is two quantities, not a range.
//   - Unit: an ISO currency code for money ("USD", "EUR", "GBP"; "pesos"
//     when the country is not said), "percent" (or "percentage points"), a
//     canonical measure ("feet", "km", "metres", "tons", "kg", "degrees",
//     "hours", "days", "years", …) or the counted noun as written, in the
//     plural ("migrants", "gang members", "personas"). A number used as a
//     pronoun before a verb of harm or justice ("six accused of…", "two
//     died") counts "people". Bare numbers have no unit.
//   - Head: the lemma of the thing counted, in English when the word is
//     known ("migrant", "gang member", "person" for "personas"). Adjectives
//     between number and noun are skipped ("17 violent offenders" →
//     "offenders"); a noun modifier is kept only before vague nouns such as
//     "members", "workers", "officers" ("gang members", "police officers"),
//     so "22 deportation flights" has Unit "flights" and Head "flight".
//     Measures have the singular unit as Head ("foot", "year"), ages have
//     "age" ("40-year-old", "39 years old"); money and percentages have none.
//   - Per: the period or base of a rate ("annually", "a year", "al año" →
//     "year"; "per person").
//
// A noun that introduces the number is part of the text: "a total of 232
// migrants"; "a majority of 176" has Unit and Head "majority".
//
// Not quantities: years ("in 2025", "the 1798 Act"; a bare four-digit number
// from 1000 to 2100 counts only when a lower-case noun or unit follows),
// dates ("April 14", "14 de abril", "17/04/2025"), times ("11:30", "10
// a.m."), ordinals ("267th"), identifiers ("MS-13", "COVID-19", "Boeing
// 737", "Flight 5342", "No. 1", a number after a capitalised word), scores
// ("won 3-1"), phone numbers, digit runs of five or more without separators
// or unit (codes), "one" unless a countable noun follows, and Spanish
// "un"/"una"/"uno", which are articles and pronouns.
//
// Numbers are read with the separators of the language: "6.000" is 6000 in
// Spanish and 6 in English, "6,5" is 6.5 in both; a comma before exactly
// three digits groups thousands, as do thin and non-breaking spaces (and
// plain spaces in French, Polish and others that write "2 300").
package quantity

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
)

// Find returns the quantities of text in text order. lang is an ISO 639-1
// code ("en", "es"); "" is read as English.
func Find(text, lang string) []parallax.Quantity {
	f := finder{text: text, lang: normLang(lang)}
	f.fracLx, f.fracStart, f.scales = fracLexes[f.lang], fracStarts[f.lang], scalesFor(f.lang)
	if b, ok := boundIndex[f.lang]; ok {
		f.bounds = b
	} else {
		f.bounds = signBoundIndex
	}
	buf := tokenPool.Get().(*[]token)
	f.toks = tokenize(text, (*buf)[:0], spaceGrouped(f.lang))
	n := 0
	for k := range f.toks {
		if f.toks[k].kind == kNum {
			n++
		}
	}
	// room for every number, up to a bound: most numbers of an article
	// are quantities, but a page of half a million numbers may give a few
	f.out = make([]parallax.Quantity, 0, min(n, maxOutCap)+4)
	defer func() {
		// The tokens still point into text until they are overwritten or
		// the pool is emptied by a collection; that is all they keep alive.
		// A huge page's are not kept at all.
		if cap(f.toks) <= maxPooledTokens {
			*buf = f.toks[:0]
			tokenPool.Put(buf)
		}
	}()
	for i := 0; i < len(f.toks); {
		n := f.try(i)
		if n <= i {
			n = i + 1
		}
		i = n
	}
	markConversions(text, f.out)
	return outsideURLs(text, f.out)
}

// outsideURLs are the quantities of qs outside the web addresses of text:
// the numbers of an address are no figures.
func outsideURLs(text string, qs []parallax.Quantity) []parallax.Quantity {
	urls := lang.URLs(text)
	if urls == nil {
		return qs
	}
	return slices.DeleteFunc(qs, func(q parallax.Quantity) bool { return lang.InURL(urls, q.Span.Start, q.Span.End) })
}

// markConversions reads a figure in parentheses right after one of the same
// dimension in another unit as its conversion ("less than 25 km (15
// miles)", "€10m ($11m)"): a conversion is rounded, so it is approximate,
// and it carries the first figure's bound, which the writer does not repeat
// inside the parentheses.
func markConversions(text string, qs []parallax.Quantity) {
	for i := 1; i < len(qs); i++ {
		a, b := &qs[i-1], &qs[i]
		if a.Unit == b.Unit || b.Value == nil || !sameDimension(a.Unit, b.Unit) ||
			a.Span.End > b.Span.Start || b.Span.End > len(text) {
			continue
		}
		gap := strings.TrimSpace(text[a.Span.End:b.Span.Start])
		after := strings.TrimLeft(text[b.Span.End:], " ")
		if gap != "(" || !strings.HasPrefix(after, ")") {
			continue
		}
		v := *b.Value
		b.Approx = true
		switch {
		case a.Value != nil:
		case a.Low != nil && a.High == nil:
			b.Value, b.Low = nil, &v
		case a.High != nil && (a.Low == nil || *a.Low == 0):
			b.Value, b.Low, b.High = nil, a.Low, &v
		}
	}
}

// sameDimension: two units one converts into the other, lengths or money.
func sameDimension(a, b string) bool {
	if isCurrency(a) && isCurrency(b) {
		return true
	}
	da, oka := unitByName[a]
	db, okb := unitByName[b]
	return oka && okb && da.dim == db.dim && da.dim != dNone
}

// maxOutCap bounds the quantities Find makes room for at once, and
// maxPooledTokens the tokens a buffer may hold to go back to the pool.
const maxOutCap, maxPooledTokens = 1 << 10, 1 << 15

var tokenPool = sync.Pool{New: func() any { s := make([]token, 0, 512); return &s }}

func normLang(lang string) string {
	switch strings.ToLower(lang) {
	case "eng":
		return "en"
	case "spa":
		return "es"
	}
	if len(lang) >= 2 {
		l := strings.ToLower(lang[:2])
		switch l {
		case "en", "es":
			return l
		}
		return l
	}
	return "en"
}

type finder struct {
	text string
	lang string
	// Tables of the language, looked up once per text.
	fracLx    *fracLex
	fracStart map[string]bool
	scales    map[string]float64
	bounds    map[string][]bound
	toks      []token
	floor     int // tokens before floor belong to a quantity already found
	nums      []float64
	out       []parallax.Quantity
}

// core is a number as written: digits with their scale, or number words.
type core struct {
	i, j       int // tokens [i, j)
	m          float64
	d          int
	scale      float64
	vague      bool
	lo, hi     float64
	words      bool // spelled out
	one        bool // a lone "one"/"un"/"una"/"uno"
	frac       bool // a fraction in words, as a percentage: "a third", "one in four"
	scaledWord bool // scaled by a word after a space: "18.2 billion"
	neg        bool // written with a minus: "-2.3%", "minus 12 degrees"
	ns         int  // the token of the minus sign or word when neg
	yearLike   bool // four bare digits from 1000 to 2100
	scaled     bool // ends in a scale word: "million", "bn", "mil"
	of         bool // the thing counted follows "of"/"de": "hundreds of", "millones de"
	unit       *unitDef
}

func (c *core) val() float64 {
	if c.d < len(pow10) {
		v := c.m * c.scale / pow10[c.d]
		if c.neg {
			v = -v
		}
		return v
	}
	return 0
}

// Words for minus before a number: "minus 12 degrees", "moins 5".
var minusWords = words("minus_words", "en", "es", "fr")

// minusBefore finds a minus sign or word just before token i: "-2.3%"
// (a sign that touches the number but not the word before it, unlike the
// hyphen of "10-15" or "MS-13"), "−3°C", "minus 12". "plus or minus 3" is
// a margin, not a negative number. It returns the token of the sign or -1.
func (f *finder) minusBefore(i int) int {
	k := i - 1
	if k < f.floor || k < 0 || f.tok(i).nl {
		return -1
	}
	t := f.tok(k)
	switch {
	case t.kind == kPunct && (t.low == "-" || t.low == "−") && f.adjacent(i):
		if f.tok(k-1).kind == kNum && !f.tok(k).nl {
			return -1 // "10 - 15": a range or a difference
		}
		if f.adjacent(k) {
			if p := f.tok(k - 1); p.kind == kWord || p.kind == kNum || p.kind == kPunct && p.low != "(" {
				return -1
			}
		}
		return k
	case t.kind == kWord && minusWords[t.low] && !t.upper || t.kind == kWord && t.low == "minus":
		// (closed class: the disjunction "or" of English, German, French/Portuguese and Spanish)
		if w := f.word(k - 1); w == "or" || w == "oder" || w == "ou" || w == "o" {
			return -1
		}
		if t.low == "menos" && f.lang != "es" && f.lang != "pt" || t.low == "moins" && f.lang != "fr" {
			return -1
		}
		if b, bs := f.boundBefore(i); b.kind != bNone && bs < k {
			return -1 // "al menos 12", "au moins 5": a bound
		}
		return k
	}
	return -1
}

// Words after a temperature that make it negative: "5 grados bajo cero".
var belowZero = func() [][]string {
	var out [][]string
	for _, e := range lang.Words("below_zero", "en", "es", "pt", "fr", "de").Entries() {
		out = append(out, strings.Fields(e))
	}
	return out
}()

func (f *finder) belowZeroAt(k int) int {
outer:
	for _, ws := range belowZero {
		for n, w := range ws {
			if f.word(k+n) != w || f.tok(k+n).nl {
				continue outer
			}
		}
		return k + len(ws)
	}
	return k
}

func (f *finder) tok(k int) *token {
	if k < 0 || k >= len(f.toks) {
		return &noToken
	}
	return &f.toks[k]
}

var noToken = token{s: -1, e: -1}

// word returns the lower-case word at k, or "" when k is not a word.
func (f *finder) word(k int) string {
	t := f.tok(k)
	if t.kind != kWord {
		return ""
	}
	return t.low
}

// adjacent reports whether token k follows token k-1 with no space.
func (f *finder) adjacent(k int) bool {
	return k > 0 && k < len(f.toks) && !f.toks[k].sp
}

func (f *finder) punct(k int, s string) bool {
	t := f.tok(k)
	return t.kind == kPunct && t.low == s
}

func isHyphen(s string) bool { return s == "-" || s == "‐" || s == "‑" }

func (f *finder) hyphen(k int) bool {
	t := f.tok(k)
	return t.kind == kPunct && isHyphen(t.low)
}

// dash reports a range dash: a hyphen or en dash.
func (f *finder) dash(k int) bool {
	t := f.tok(k)
	return t.kind == kPunct && (isHyphen(t.low) || t.low == "–")
}

// sentStart reports whether token k starts a sentence or a line.
func (f *finder) sentStart(k int) bool {
	for p := k; ; p-- {
		if p <= 0 || f.toks[p].nl {
			return true
		}
		prev := &f.toks[p-1]
		if prev.kind == kPunct {
			switch prev.low {
			case ".", "!", "?", ":", ";", "…", "•", "|":
				return true
			case "\"", "“", "”", "'", "‘", "’", "(", "[", "«", "¿", "¡", "—", "–", "-", "*", "`", "``":
				continue
			}
			return false
		}
		if prev.kind == kWord && strings.HasSuffix(prev.low, ".") {
			return true
		}
		return false
	}
}

// titleLine reports whether the line of token k looks like a headline in
// title case, where capitals say nothing about names.
func (f *finder) titleLine(k int) bool {
	lo, hi := k, k
	for lo > 0 && !f.toks[lo].nl && k-lo < 40 {
		lo--
	}
	for hi+1 < len(f.toks) && !f.toks[hi+1].nl && hi-k < 40 {
		hi++
	}
	up, low := 0, 0
	for p := lo; p <= hi; p++ {
		t := &f.toks[p]
		if t.kind != kWord || t.e-t.s < 4 {
			continue
		}
		if t.upper {
			up++
		} else {
			low++
		}
	}
	return up >= 4 && up*10 >= 8*(up+low)
}

// try reads the quantity that starts at token i, if any, and returns the
// token index to go on from.
func (f *finder) try(i int) int {
	t := &f.toks[i]
	var c core
	var ok bool
	var skip int
	switch t.kind {
	case kNum:
		if fc, isFrac := f.fraction(i); isFrac {
			return f.build(fc)
		}
		c, ok, skip = f.digitCore(i, false)
	case kWord:
		if !mayTrigger(t.low) || !triggers[t.low] {
			return i + 1 // most words start no number
		}
		if fc, isFrac := f.fraction(i); isFrac {
			return f.build(fc)
		}
		if f.lang != "en" && f.lang != "es" {
			return i + 1
		}
		c, ok, skip = f.wordCore(i)
	default:
		return i + 1
	}
	if !ok {
		return skip
	}
	return f.build(c)
}

// moneyBefore looks for a currency symbol or code just before token i:
// "$", "HK$", "RM", "CHF ", "R$ ". Symbols of letters only must touch the
// number unless the press writes them apart ("RM 3.10"), and a single letter
// needs an amount written as money ("R18.40", not the model "R5").
func (f *finder) moneyBefore(i int) (code string, start int) {
	k := i - 1
	if k < f.floor || f.tok(i).nl {
		return "", i
	}
	code, s, letters := f.symbolEndingAt(k)
	if code == "" {
		return "", i
	}
	if letters {
		raw := f.text[f.toks[s].s:f.toks[k].e]
		isCode := len(raw) == 3 && currencyCodes[raw]
		switch {
		case !f.adjacent(i) && !isCode && !spacedSymbols[raw]:
			return "", i
		case utf8.RuneCountInString(raw) == 1 && !f.amountLike(i):
			return "", i
		}
	}
	return code, s
}

// moneyBeforeGlued is moneyBefore for a number that touches a word: the
// word must be a currency symbol or code.
func (f *finder) moneyBeforeGlued(i int) (code string, start int, ok bool) {
	code, start = f.moneyBefore(i)
	return code, start, code != ""
}

// boundBefore matches a bound or hedge that ends just before token k.
func (f *finder) boundBefore(k int) (b bound, start int) {
	idx := f.bounds
	bs := idx[f.tok(k-1).low]
outer:
	for _, cand := range bs {
		n := len(cand.words)
		if k-n < f.floor {
			continue
		}
		for w := 0; w < n; w++ {
			t := f.tok(k - n + w)
			if t.low != cand.words[w] {
				continue outer
			}
			if w > 0 && f.tok(k-n+w).nl {
				continue outer
			}
		}
		if f.tok(k).nl || f.adjacent(k-n) && f.hyphen(k-n-1) {
			continue // "7-under 65": part of a compound
		}
		return cand, k - n
	}
	return bound{}, k
}

// Nouns that introduce a number: "a total of 232 migrants".
var quantityNouns = words("quantity_nouns", "en", "es")

// Those that name what a bare number counts: "a majority of 176".
var namedBy = pairsOf("named_counts", "en", "es")

// Verbs after which a bare number counts people: "a fire injured 14".
var harmBefore = words("harm_verbs", "en")

var esHarmBefore = words("harm_verbs", "es")

// ageAfterName reports an age set off by commas or brackets after a name:
// "Tobias Renn, 34, was…", "Ana Ruiz (52)".
func (f *finder) ageAfterName(c *core) bool {
	if c.m < 1 || c.m > 120 || c.j != c.i+1 || c.i < 2 {
		return false
	}
	open, close := f.tok(c.i-1), f.tok(c.j)
	if open.kind != kPunct || close.kind != kPunct {
		return false
	}
	switch {
	case open.low == "," && (close.low == "," || close.low == "." || close.low == ";"):
	case open.low == "(" && close.low == ")":
	default:
		return false
	}
	name := f.tok(c.i - 2)
	if name.kind == kWord && !name.upper && c.m >= 10 && !enStop[name.low] && !esStop[name.low] && !pluralEN(name.low) {
		// "the senator, 71,", "un vecino, 45,": a person named by a noun.
		switch f.word(c.i - 3) {
		// (closed class: definite and indefinite articles of English, Spanish, Portuguese, French and German)
		case "the", "a", "an", "el", "la", "un", "una", "o", "le", "der", "die":
			return true
		}
		return false
	}
	if name.kind != kWord || !name.upper || enMonths[name.low] || esMonths[name.low] || f.sentStart(c.i-2) {
		return false
	}
	// A person's name has two capitalised words at least: "Tobias Renn",
	// not "Gaza".
	p := f.tok(c.i - 3)
	return p.kind == kWord && p.upper && !enMonths[p.low] && !esMonths[p.low]
}

// listedAge reports a number that continues a list of ages: the 31 and 45
// of "aged 24, 31 and 45".
func (f *finder) listedAge(c *core) bool {
	if len(f.out) == 0 || f.out[len(f.out)-1].Head != "age" || f.floor != c.i-1 || c.m < 1 || c.m > 120 {
		return false
	}
	switch f.tok(c.i - 1).low {
	// (closed class: the coordinators "and" and "or" of the languages read)
	case ",", "and", "y", "e", "et", "und", "or", "o":
		return true
	}
	return false
}

// Range kinds.
const (
	rNone   = iota
	rRange  // "between 46 and 48", "46-48"
	rApprox // "two or three"
	rChange // "rose from 10 to 20": two values
	rSkip   // "2019-2021", "3-1": not a quantity
)

// rangeAfter reads the second half of a range after c.
func (f *finder) rangeAfter(c *core, b bound, bs int, money string) (c2 core, kind int, pct bool) {
	k := c.j
	if f.punct(k, "%") {
		pct = true
		k++
	} else if c.unit != nil && f.adjacent(k) {
		if _, e := f.unitSymAt(k); e > k {
			k = e // "-5C to -8C": the unit is read after the second number
		}
	}
	t := f.tok(k)
	if t.s < 0 || t.nl {
		return c2, rNone, pct
	}
	es := f.lang == "es"
	first := ""
	if b.kind == bRange {
		first = b.words[0]
	}
	conn := ""
	switch {
	case f.dash(k):
		if isHyphen(t.low) && (!f.adjacent(k) || !f.adjacent(k+1)) {
			return c2, rNone, pct
		}
		if f.tok(k + 1).nl {
			return c2, rNone, pct
		}
		conn = "-"
	case t.kind == kWord:
		switch t.low {
		case "to":
			if !es {
				conn = "to"
			}
		case "and":
			if !es && first == "between" {
				conn = "and"
			}
		case "or":
			if !es {
				conn = "or"
			}
		case "a", "al":
			// (closed class: the Spanish prepositions of a range's start, "de", "del", "desde")
			if es && (first == "de" || first == "del" || first == "desde") {
				conn = "to"
			}
		case "y":
			if es && first == "entre" {
				conn = "and"
			}
		case "o":
			if es {
				conn = "or"
			}
		}
	}
	if conn == "" {
		return c2, rNone, pct
	}
	k2 := k + 1
	// The second number may repeat the currency ("HK$16.50 to HK$18.80"),
	// the Spanish article ("entre un 30% y un 40%") or carry a minus
	// ("-5C to -8C").
	if money != "" {
		for m := 1; m <= 3; m++ {
			if f.tok(k2+m).kind == kNum {
				if cc, s, _ := f.symbolEndingAt(k2 + m - 1); cc != "" && s == k2 {
					k2 += m
				}
				break
			}
		}
	}
	if es && (f.word(k2) == "un" || f.word(k2) == "una") && f.tok(k2+1).kind == kNum {
		k2++
	}
	neg := false
	if conn != "-" && f.tok(k2+1).kind == kNum && f.minusBefore(k2+1) == k2 && (f.tok(k2).kind == kPunct || c.neg) {
		neg = true
		k2++
	}
	if f.tok(k2).nl {
		return c2, rNone, pct
	}
	var ok bool
	switch f.tok(k2).kind {
	case kNum:
		c2, ok, _ = f.digitCore(k2, conn == "-")
		c2.neg = neg
	case kWord:
		if c2, ok = f.fraction(k2); ok {
			break // "between a quarter and a third"
		}
		if es || f.lang == "en" {
			c2, ok, _ = f.wordCore(k2)
		}
	}
	if !ok || c2.vague {
		return c2, rNone, pct
	}
	if c.yearLike && (c2.yearLike || (conn == "-" && c2.d == 0 && c2.scale == 1 && len(f.tok(k2).low) == 2)) {
		return c2, rSkip, pct
	}
	// "fell 3% to 289 million units": a change and a level, not a range.
	if pct && !f.punct(c2.j, "%") && !f.punct(c2.j, "％") && f.word(c2.j) != "percent" && f.word(c2.j) != "per" {
		return c2, rNone, pct
	}
	v1, v2 := c.val(), c2.val()
	if c.scale == 1 && c2.scale > 1 && !c.scaled && v1*c2.scale <= v2 {
		c.scale = c2.scale
		c.scaled = true
		v1 = c.val()
	}
	// (closed class: the prepositions of a range's start, English "from" and Spanish "de", "del", "desde")
	if (first == "from" || first == "de" || first == "del" || first == "desde") && conn != "or" && conn != "-" {
		if changeVerbs[f.word(bs-1)] {
			return c2, rChange, pct
		}
	}
	if conn == "-" && f.scoreLike(c, &c2) {
		return c2, rSkip, pct
	}
	if conn == "-" && !(v2 > v1) {
		if isHyphen(t.low) {
			return c2, rSkip, pct // scores and codes: "3-1", "50-50"
		}
		return c2, rNone, pct
	}
	// Below zero a range may run downwards: "lows of -5C to -8C".
	if !(v2 > v1) && !(v1 < 0 && v2 < v1) {
		return c2, rNone, pct
	}
	// "fell 3% to 289 million units": a change and a level, not a range.
	if pct && !f.punct(c2.j, "%") && !f.punct(c2.j, "％") && f.word(c2.j) != "percent" && f.word(c2.j) != "per" {
		return c2, rNone, pct
	}
	if conn == "or" {
		if v2 > 1000 || c.scaled != c2.scaled {
			return c2, rNone, pct
		}
		return c2, rApprox, pct
	}
	return c2, rRange, pct
}

// Words before a score: "won 3-1".
var scoreWords = words("score_words", "en", "es")

// scoreLike reports a hyphenated pair that is a score: "won 3-1", "6-4, 1-6".
func (f *finder) scoreLike(c, c2 *core) bool {
	if c.d != 0 || c2.d != 0 || c.m > 200 || c2.m > 200 {
		return false
	}
	if scoreWords[f.word(c.i-1)] || scoreWords[f.word(c.i-2)] {
		return true
	}
	pair := func(k int) bool { // a number-hyphen-number at k
		return f.tok(k).kind == kNum && f.hyphen(k+1) && f.adjacent(k+1) && f.tok(k+2).kind == kNum && f.adjacent(k+2)
	}
	if f.punct(c2.j, ",") && pair(c2.j+1) {
		return true
	}
	return f.punct(c.i-1, ",") && pair(c.i-4)
}

// suffixBound reads "or more", "or so", "-plus", "o más" at k.
func (f *finder) suffixBound(k int) (kind uint8, approx bool, end int) {
	if f.punct(k, "+") && f.adjacent(k) && f.tok(k+1).kind != kNum {
		return bLow, false, k + 1 // "200+ people"
	}
	w := f.word(k)
	l := "en"
	if f.lang == "es" {
		l = "es"
	}
	if b, ok := boundSuffixes[l][w+" "+f.word(k+1)]; ok {
		return b, b == bApprox, k + 2
	}
	if l == "es" {
		return bNone, false, k
	}
	switch {
	case w == "plus" && !f.tok(k).nl && !f.tok(k).upper:
		if n := f.tok(k + 1); n.kind == kNum || f.word(k+1) != "" && enNumbers[f.word(k+1)].kind != 0 ||
			n.kind != kWord && moneySymLast[n.low] || currencyCodes[f.text[max(n.s, 0):max(n.e, 0)]] {
			return bNone, false, k // "five plus two", "€70m plus €10m"
		}
		return bLow, false, k + 1
	case f.hyphen(k) && f.adjacent(k) && f.adjacent(k+1):
		switch f.word(k + 1) {
		case "plus":
			return bLow, false, k + 2
		case "odd":
			return bApprox, true, k + 2
		}
	}
	return bNone, false, k
}

// boundSuffixes are the bounds written after a number, per language:
// "or more", "or so", "o más".
var boundSuffixes = func() map[string]map[string]uint8 {
	kinds := map[string]uint8{"low": bLow, "high": bHigh, "approx": bApprox}
	m := map[string]map[string]uint8{}
	for _, l := range [...]string{"en", "es"} {
		m[l] = map[string]uint8{}
		for p, k := range lang.Pairs("bound_suffixes", l) {
			b, ok := kinds[k]
			if !ok {
				panic("quantity: bound_suffixes: unknown kind " + k)
			}
			m[l][p] = b
		}
	}
	return m
}()

// Verbs of a level moving up, after which "up to" names the new level
// ("edged up to 4.3 percent"), not a bound as after other verbs ("moved up
// to 3 tonnes").
var upVerbs = words("change_up_verbs", "en")

// Words before "over" that keep it a bound before a duration: "for over
// 18 months", "lasted over a year".
var lastingBefore = words("duration_words", "en")

// Words before a four-digit number that make it a year whatever follows.
var yearBefore = words("year_context", "en", "es")

// Determiners before a four-digit number that make it a year unless a
// lower-case plural follows: "the 2024 election", "the 2020 elections".
var yearDeterminers = words("year_determiners", "en", "es")

// identifier reports whether the number at token i names something rather
// than counting: "Boeing 737", "Flight 5342", "No. 1".
func (f *finder) identifier(i int) bool {
	if i == 0 {
		return false
	}
	t := f.tok(i)
	p := f.tok(i - 1)
	if t.nl {
		return false
	}
	if p.kind == kPunct && p.low == "." && i >= 2 {
		return referenceAbbrevs[f.word(i-2)]
	}
	if p.kind != kWord {
		return false
	}
	if identNouns[p.low] {
		return true
	}
	if !p.upper && !camelCase(f.text[p.s:p.e]) || f.sentStart(i-1) || f.titleLine(i) {
		return false // "iPhone 15" and "eBay 2" are names like "Boeing 737"
	}
	w := p.low
	if possessive(w) {
		// "the company's 65 stores", but "the FBI's 10 Most Wanted list".
		n := f.tok(i + 1)
		return n.kind == kWord && n.upper && !n.nl && !f.sentStart(i+1)
	}
	if enStop[w] || esStop[w] || enMonths[w] || esMonths[w] || yearBefore[w] {
		return false
	}
	if strings.HasSuffix(w, "s") {
		// "the Tories 121", "Democrats 212"; but "Windows 11 Pro" is a name.
		n := f.tok(i + 1)
		return n.kind == kWord && n.upper && !n.nl && !f.sentStart(i+1)
	}
	if _, ok := enNumbers[w]; ok {
		return false
	}
	return true
}

// addressAfter reports a house number: the number at token k-1 is followed
// by capitalised words or initials and a street type ("325 E. Dahlia Ave.").
func (f *finder) addressAfter(k int) bool {
	for n := 0; n < 5; n++ {
		t := f.tok(k)
		if t.kind == kPunct && t.low == "." && n > 0 {
			k++
			continue
		}
		if t.kind != kWord || !t.upper || t.nl {
			return false
		}
		if n > 0 && streetTypes[t.low] {
			return true
		}
		k++
	}
	return false
}

// decadeAfter reports a decade word at token k, or after a hyphen there:
// "(nineteen) fifties", "nineteen-nineties".
func (f *finder) decadeAfter(k int) bool {
	if f.hyphen(k) && f.adjacent(k+1) {
		k++
	}
	t := f.tok(k)
	return t.kind == kWord && decadeWords[t.low]
}

// decadeWords are the plurals of the English tens ("fifties"), which name
// a decade or a decade of life, never a count: made from the number words.
var decadeWords = func() map[string]bool {
	m := map[string]bool{}
	for w, n := range enNumbers {
		if n.kind == nAdd && n.v >= 20 && n.v <= 90 && int(n.v)%10 == 0 && strings.HasSuffix(w, "y") {
			m[strings.TrimSuffix(w, "y")+"ies"] = true
		}
	}
	return m
}()

// camelCase reports a word with a capital after its first letter:
// "iPhone", "eBay", "PlayStation".
func camelCase(w string) bool {
	for i, r := range w {
		if i > 0 && r >= 'A' && r <= 'Z' {
			return true
		}
	}
	return false
}

// dateDay reports whether the number of c is a day or year next to a month:
// "April 14", "Jan. 31", "14 de abril", "14 April", "March 2025".
func (f *finder) dateDay(c *core) bool {
	if c.d != 0 || c.scale != 1 || c.unit != nil {
		return false
	}
	p := c.i - 1
	if f.punct(p, ".") && f.adjacent(p) {
		p--
	}
	if pt := f.tok(p); pt.kind == kWord && !f.tok(c.i).nl {
		if (enMonths[pt.low] && pt.upper) || esMonths[pt.low] || (f.lang != "en" && f.lang != "es" && otherMonths[pt.low]) {
			if c.m <= 31 || c.yearLike {
				return true
			}
		}
	}
	if c.m < 1 || c.m > 31 {
		return false
	}
	nt := f.tok(c.j)
	if nt.kind != kWord || nt.nl {
		return false
	}
	n := nt.low
	if enMonths[n] && nt.upper && n != "may" && n != "march" || (n == "may" || n == "march") && nt.upper && !f.sentStart(c.j) {
		return true
	}
	if (n == "of" || n == "de") && (enMonths[f.word(c.j+1)] && f.tok(c.j+1).upper || esMonths[f.word(c.j+1)]) {
		return true
	}
	if (n == "de" || n == "of") && f.lang != "en" && otherMonths[f.word(c.j+1)] {
		return true
	}
	return f.lang == "es" && esMonths[n] || f.lang != "en" && f.lang != "es" && otherMonths[n]
}

// build reads everything around the number c and records the quantity.
func (f *finder) build(c core) int {
	start := c.i
	money, ms := f.moneyBefore(c.i)
	if money != "" {
		start = ms
	} else if !c.words {
		if k := f.minusBefore(c.i); k >= 0 {
			c.neg, c.ns, start = true, k, k
		} else if k := c.i - 1; k >= f.floor && f.punct(k, "+") && f.adjacent(c.i) && !f.adjacent(k) {
			start = k // "+1.4%": the sign is part of the words
		}
	}
	// Spanish writes an article before percentages: "entre un 30% y un 40%".
	if f.lang == "es" && (f.word(start-1) == "un" || f.word(start-1) == "una") && start-1 >= f.floor &&
		(f.punct(c.j, "%") || f.word(c.j) == "por") {
		if b, _ := f.boundBefore(start - 1); b.kind != bNone {
			start--
		}
	}
	start0 := start
	b, bs := f.boundBefore(start)
	if b.kind == bHigh && len(b.words) == 2 && b.words[0] == "up" && upVerbs[f.word(bs-1)] {
		b, bs = bound{}, start // "edged up to 4.3 percent": a level, not a bound
	}
	hedged := b.kind != bNone && b.kind != bRange
	if hedged {
		start = bs
	}
	if money == "" && !hedged {
		if !c.words && !c.scaledWord && f.identifier(c.i) {
			return c.j
		}
		if !c.words && !c.scaled && c.d == 0 && f.addressAfter(c.j) {
			return c.j
		}
		if !c.words && f.dateDay(&c) {
			return c.j
		}
		if f.decadeAfter(c.j) {
			return c.j // "the nineteen thirties": a decade, not 19 of anything
		}
	}

	// A range, or two values of a change.
	end := c.j
	var c2 core
	rk, pct := rNone, false
	if !c.vague {
		c2, rk, pct = f.rangeAfter(&c, b, bs, money)
	}
	switch rk {
	case rSkip:
		return c2.j
	case rChange:
		u := f.unitAfter(&c2, c2.j, money)
		e := c.j
		if pct {
			e++
			u = unitRes{kind: uPercent, unit: "percent"}
		}
		f.emit(c, start, e, bound{}, false, nil, u, "", bNone, false)
		return e
	case rRange, rApprox:
		end = c2.j
		c.one = false
		if b.kind == bRange {
			start = bs
		}
	}
	last := &c
	if rk == rRange || rk == rApprox {
		last = &c2
	}
	if rk == rNone && pct {
		end = c.j // the percent sign is read as the unit below
	}

	sk, sApprox, k := f.suffixBound(end)
	u := f.unitAfter(last, k, money)
	if c.frac {
		u = unitRes{kind: uPercent, unit: "percent", end: k}
		sApprox = true
	}
	if u.kind == uReject {
		return u.end
	}
	if pct && u.kind != uPercent {
		u = unitRes{kind: uPercent, unit: "percent", end: k}
	}
	stop := max(u.end, k)
	// "5 grados bajo cero", "10 degrees below zero".
	if u.kind == uMeasure && u.def != nil && u.def.dim == dTemp && !c.neg {
		if e := f.belowZeroAt(stop); e > stop {
			c.neg, stop = true, e
		}
	}
	// A unit written before the number: "magnitude 5.8", "magnitud 6,1".
	if u.kind == uNone && money == "" && start-1 >= f.floor {
		if d, e := f.unitWordAt(start-1, false); d != nil && d.pre && e == start {
			start--
			u = unitRes{kind: uMeasure, unit: d.name, head: d.head, def: d, end: stop}
		}
	}
	// "over" and "under" are places in time or in a sequence, not bounds,
	// before a duration ("buy back shares over 18 months") and right after
	// another quantity ("3,492 km over 21 stages"); "for over 18 months"
	// keeps the bound.
	if b.kind != bNone && len(b.words) == 1 && (b.words[0] == "over" || b.words[0] == "under") {
		duration := u.kind == uMeasure && u.def != nil && u.def.dim == dTime && u.head != "age" && !lastingBefore[f.word(bs-1)]
		if duration || f.floor == bs && bs > 0 && len(f.out) > 0 {
			b, hedged, start = bound{}, false, start0
		}
	}
	if sk == bNone && u.kind != uNone && (f.word(stop) == "or" || f.word(stop) == "o") {
		if k2, a2, e2 := f.suffixBound(stop); k2 != bNone {
			sk, sApprox, stop = k2, a2, e2
		}
	}
	per := ""
	if u.kind != uNone {
		if p, e := f.perAfter(stop); p != "" {
			per, stop = p, e
		} else if u.def != nil && u.def.per != "" {
			per = u.def.per // "bpd" is barrels per day
		}
	}

	// Ages: "aged 39", "de 39 años".
	if u.kind == uMeasure && u.def != nil && u.def.dim == dTime && u.head != "age" && rk == rNone {
		switch w := f.word(start - 1); {
		case ageWords[w]:
			if start-1 >= f.floor {
				u.head = "age"
				start--
			}
		case w == "de":
			if b.kind == bRange && u.def.name == "years" {
				u.head = "age"
			}
		case w == "los":
			if f.word(start-2) == "a" && u.def.name == "years" {
				u.head = "age" // "a los 26 años"
			}
		}
	}

	if u.kind == uNone && !c.words && start-1 >= f.floor &&
		(f.word(start-1) == "aged" || f.word(start-1) == "age" && f.word(start-2) == "at") {
		start--
		u = unitRes{kind: uMeasure, unit: "years", head: "age", def: &uYears, end: k}
	}
	// "a majority of 176", "a total of 232 migrants", "un saldo de 67 muertos".
	if !hedged && money == "" && b.kind != bRange || (b.kind == bRange && rk == rNone && f.lang == "es" && b.words[0] == "de") {
		of := start - 1
		if w := f.word(of); (w == "of" && f.lang == "en" || w == "de" && f.lang == "es") && of-1 >= f.floor {
			if n := f.word(of - 1); quantityNouns[n] {
				s := of - 1
				// (closed class: English and Spanish articles)
				if d := f.word(s - 1); (d == "a" || d == "the" || d == "un" || d == "una" || d == "el" || d == "la") && s-1 >= f.floor {
					s--
				}
				start = s
				if u.kind == uNone && namedBy[n] != "" {
					u = unitRes{kind: uCount, unit: n, head: namedBy[n], end: k}
				}
			}
		}
	}
	// Years, pronouns and times.
	if c.yearLike && rk == rNone && money == "" {
		prev := f.word(c.i - 1)
		switch {
		case yearBefore[prev] && !hedged:
			return c.j
		case u.kind == uNone || u.kind == uPeople:
			return c.j
		case u.kind == uCount && (yearDeterminers[prev] || f.tok(u.end-1).upper || f.tok(c.j).upper):
			return c.j
		}
	}
	if u.kind == uNone && money == "" && !hedged && rk == rNone && sk == bNone && c.d == 0 && c.scale == 1 {
		switch {
		case f.listedAge(&c):
			u = unitRes{kind: uMeasure, unit: "years", head: "age", def: &uYears, end: c.j}
		case f.word(c.i-1) == "at" && deathWords[f.word(c.i-2)] && c.m >= 1 && c.m <= 120:
			u = unitRes{kind: uMeasure, unit: "years", head: "age", def: &uYears, end: c.j} // "dies at 91"
		case f.ageAfterName(&c):
			u = unitRes{kind: uMeasure, unit: "years", head: "age", def: &uYears, end: c.j}
		case f.lang == "en" && harmBefore[f.word(c.i-1)] && !c.yearLike:
			u = unitRes{kind: uPeople, unit: "people", head: "person", end: c.j}
		case f.lang == "es" && esHarmBefore[f.word(c.i-1)] && !c.yearLike:
			u = unitRes{kind: uPeople, unit: "personas", head: "person", end: c.j}
		}
	}
	// A scale letter against the digits with nothing counted names a format
	// or a model, not an amount: "8K video", "a 4K screen".
	if u.kind == uNone && money == "" && c.scaled && c.j == c.i+2 && f.adjacent(c.i+1) && f.tok(c.i+1).kind == kWord &&
		len(f.tok(c.i+1).low) == 1 && rk == rNone {
		return c.j
	}
	// Long digit strings without separators are codes: "11765", "598760".
	if u.kind == uNone && money == "" && !hedged && rk == rNone && !c.words && c.d == 0 && c.scale == 1 &&
		len(f.toks[c.i].low) >= 5 && c.m >= 10000 && !strings.ContainsAny(f.toks[c.i].low, ".,") &&
		f.toks[c.i].e-f.toks[c.i].s == len(f.toks[c.i].low) && !strings.ContainsAny(f.toks[c.i].low, " \u00a0\u2009\u202f") {
		return c.j
	}
	if c.one && (u.kind == uNone || u.kind == uPeople || f.word(c.i-1) == "no" ||
		(u.kind == uCount && pluralEN(lower(u.unit))) ||
		(u.kind == uMeasure && u.def != nil && u.def.dim == dTime && !hedged && u.head != "age")) {
		return c.j
	}
	if (u.kind == uNone || u.def == uHours || u.unit == "hours") && money == "" && !hedged && rk == rNone && sk == bNone {
		prev := f.word(c.i - 1)
		// (closed class: the prepositions and articles before a clock time, "at", Spanish "las", "la")
		if (prev == "at" || prev == "las" || prev == "la") && f.clockLike(&c) {
			return max(c.j, stop)
		}
	}
	f.emit(c, start, stop, b, rk != rNone, &c2, u, per, sk, sApprox || rk == rApprox)
	return stop
}

// Words before "at" + a number that make it an age: "dies at 91".
var deathWords = words("death_words", "en", "es", "pt", "fr", "de")

// clockLike reports whether c may be an hour: "at 10", "at 12.30", "at 1100
// hours"; "at 7,512" is not.
func (f *finder) clockLike(c *core) bool {
	raw := f.toks[c.i].low
	switch {
	case c.scale != 1 || strings.Contains(raw, ","):
		return false
	case c.d == 0 && len(raw) == 4 && int(c.m)/100 < 24 && int(c.m)%100 < 60:
		w := f.word(c.j)
		return w == "hours" || w == "hrs" || w == "h" || c.m <= 24
	case c.d == 0:
		return c.m <= 24
	case c.d == 2:
		return c.m < 2400 && int(c.m)%100 < 60
	}
	return false
}

// num returns a pointer to v, from a block shared by the quantities of one
// text, to save an allocation per number.
func (f *finder) num(v float64) *float64 {
	if len(f.nums) == cap(f.nums) {
		f.nums = make([]float64, 0, 32)
	}
	f.nums = append(f.nums, v)
	return &f.nums[len(f.nums)-1]
}

// emit records the quantity that covers tokens [start, end).
func (f *finder) emit(c core, start, end int, b bound, isRange bool, c2 *core, u unitRes, per string, sk uint8, approx bool) {
	if end <= start || start < 0 || end > len(f.toks) {
		return
	}
	q := parallax.Quantity{Span: parallax.Span{Start: f.toks[start].s, End: f.toks[end-1].e}}
	q.Text = f.text[q.Span.Start:q.Span.End]
	v := c.val()
	switch {
	case isRange:
		lo, hi := v, c2.val()
		if hi < lo {
			lo, hi = hi, lo
		}
		q.Low, q.High = f.num(lo), f.num(hi)
		q.Approx = b.approx
	case c.vague:
		q.Low, q.High = f.num(c.lo), f.num(c.hi)
		q.Approx = true
	case b.kind == bLow || sk == bLow:
		q.Low = f.num(v)
		q.Approx = b.approx
	case b.kind == bHigh || sk == bHigh:
		q.High = f.num(v)
		q.Approx = b.approx
		if !b.approx {
			q.Low = f.num(0) // "up to 10" allows anything from none to 10
		}
	case b.kind == bApprox || sk == bApprox:
		q.Value = f.num(v)
		q.Approx = true
	default:
		q.Value = f.num(v)
	}
	if approx {
		q.Approx = true
	}
	if u.kind != uNone {
		q.Unit = u.unit
		q.Head = u.head
	}
	q.Per = per
	f.out = append(f.out, q)
	f.floor = end
}
