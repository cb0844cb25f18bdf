package quantity

import (
	"strings"

	"github.com/parallaxnews/parallax/internal/lang"
)

// digitCore reads the number at token i with its scale ("1.5 million",
// "$6m", "30 mil"). ok is false for numbers that are not amounts; skip is
// then the token to go on from. inRange is true for the second number of a
// range, which may follow a hyphen.
func (f *finder) digitCore(i int, inRange bool) (c core, ok bool, skip int) {
	t := &f.toks[i]
	skip = i + 1
	if !inRange && f.adjacent(i) {
		p := f.tok(i - 1)
		switch {
		case p.kind == kWord:
			// "H1N1", "A380", "G7" are names, "RM3.10" and "R18.40" money.
			if code, _, _ := f.moneyBeforeGlued(i); code == "" {
				return c, false, f.skipAttached(i)
			}
		case p.kind == kPunct && p.low == "#":
			return c, false, skip
		case p.kind == kPunct && (p.low == "/" || p.low == ":" || isHyphen(p.low) || p.low == "."):
			if f.adjacent(i-1) && i >= 2 {
				if pp := f.tok(i - 2); pp.kind == kWord || pp.kind == kNum {
					return c, false, f.skipAttached(i) // "MS-13", "COVID-19", "9/11"
				}
			}
		}
	}
	if !inRange {
		if e := f.phoneRun(i); e > i {
			return c, false, e
		}
		// "call 911", "llame al 112": a number to dial.
		p := f.word(i - 1)
		if p == "al" || p == "on" {
			p = f.word(i - 2)
		}
		if callVerbs[p] {
			return c, false, f.skipChain(i)
		}
	}
	m, d, valid := parseNumber(t.low, f.lang)
	if !valid {
		return c, false, skip
	}
	c = core{i: i, j: i + 1, m: m, d: d, scale: 1}
	if d == 0 && len(t.low) == 4 && m >= 1000 && m <= 2100 {
		c.yearLike = true
	}
	// Chains: "17/04/2025", "11:30", "555-123-4567", "2.3.4".
	if n := f.tok(i + 1); f.adjacent(i+1) && n.kind == kPunct {
		sep := n.low
		if (sep == "/" || sep == ":") && f.tok(i+2).kind == kNum && f.adjacent(i+2) {
			return c, false, f.skipChain(i)
		}
		if isHyphen(sep) && f.tok(i+2).kind == kNum && f.adjacent(i+2) &&
			f.hyphen(i+3) && f.adjacent(i+3) && f.tok(i+4).kind == kNum && f.adjacent(i+4) {
			return c, false, f.skipChain(i)
		}
	}
	// A scale joined by a hyphen: "a $5-million grant".
	if n := f.tok(i + 2); f.hyphen(i+1) && f.adjacent(i+1) && f.adjacent(i+2) && n.kind == kWord {
		if sc, ok := f.scales[n.low]; ok && sc >= 1e6 {
			c.scale, c.scaled, c.j, c.yearLike = sc, true, i+3, false
			return c, true, c.j
		}
	}
	// Letters against the digits: "6m", "2.3bn", "10km", "267th", "1990s", "10am".
	if n := f.tok(i + 1); f.adjacent(i+1) && n.kind == kWord {
		raw := f.text[n.s:n.e]
		switch {
		case enOrdinalSuffixes.Has(n.low) || n.low == "º" || n.low == "ª" ||
			(f.lang == "es" && esOrdinalLetters.Has(n.low)):
			return c, false, i + 2
		case isAmPm(n.low):
			return c, false, i + 2
		case n.low == "s" || n.low == "'s" || n.low == "’s":
			return c, false, i + 2
		case attachedUnits.Has(n.low):
			// percent or degrees: read as a unit
		default:
			if sc, ok := attachedScale[raw]; ok && (raw != "m" || f.mIsMillion(i)) {
				c.scale = sc
				c.scaled = true
				c.j = i + 2
				c.yearLike = false
			} else if u, _ := f.unitSymAt(i + 1); u != nil {
				c.unit = u // "256GB", "5,000mAh", "1.45C"
				c.yearLike = false
			} else if u, _ := f.unitWordAt(i+1, false); u != nil {
				c.unit = u // "10kilometres"
				c.yearLike = false
			} else if _, q := currencyNoun(f.lang, n.low); q == nil && !currencyCodes[raw] {
				return c, false, f.skipAttached(i)
			}
		}
	}
	// Scale words after a space: "1.5 million", "6 millones", "3 mil millones".
	scales := f.scales
	for n := 0; n < 2 && c.unit == nil; n++ {
		t := f.tok(c.j)
		if t.kind != kWord || t.nl {
			break
		}
		sc, ok := scales[t.low]
		if !ok {
			break
		}
		c.scale *= sc
		c.scaled, c.scaledWord = true, true
		c.of = (f.lang == "es" || f.lang == "pt" || f.lang == "fr") && sc >= 1e6
		c.yearLike = false
		c.j++
		if f.punct(c.j, ".") && f.adjacent(c.j) && deScaleAbbreviations.Has(t.low) {
			c.j++ // "2,3 Mrd. Euro"
		}
	}
	// Times: "10 p.m.", "5 o'clock".
	if n := f.word(c.j); c.scale == 1 && (isAmPm(n) || n == "o'clock" || n == "o’clock") {
		return c, false, c.j + 1
	}
	// German-style ordinals: "14. April".
	if f.lang != "en" && f.lang != "es" && c.d == 0 && f.punct(c.j, ".") && f.adjacent(c.j) && f.tok(c.j+1).kind == kWord && f.tok(c.j+1).upper {
		switch f.lang {
		case "de", "da", "no", "nb", "nn", "fi", "cs", "sk", "sl", "hr", "sr", "bs", "hu", "pl", "et", "lv", "is", "fo":
			return c, false, c.j + 1
		}
	}
	return c, true, c.j
}

// Verbs before a number to dial: "call 911", "llame al 112", "text 07700 900123".
var callVerbs = words("call_verbs", "en", "es", "pt", "fr", "de")

// phoneRun returns the end of a telephone number that starts at token i, or
// i: three or more groups of digits apart ("91 555 12 34", "+44 20 7946
// 0958"), two when one starts with 0 ("07700 900123", "0800 555 0111"),
// or an area code in brackets ("(212) 555-0147").
func (f *finder) phoneRun(i int) int {
	if n := f.tok(i + 1); (n.kind != kNum || !n.sp || n.nl) && !f.hyphen(i+1) {
		if !f.punct(i-1, "(") && !f.punct(i-1, "+") {
			return i // most numbers stand alone
		}
	}
	group := func(k int) bool {
		t := f.tok(k)
		n := len(t.low)
		return t.kind == kNum && n >= 2 && n <= 5 && n == t.e-t.s && !strings.ContainsAny(t.low, ".,")
	}
	// "+1 877 268 9324": a one-digit country code.
	if f.punct(i-1, "+") && f.tok(i).kind == kNum && len(f.toks[i].low) <= 3 && group(i+1) && f.toks[i+1].sp {
		if e := f.phoneRun(i + 1); e > i+1 {
			return e
		}
	}
	if !group(i) {
		return i
	}
	// "907-745-4811", "907 - 745 - 4811": area code, exchange and line.
	if len(f.toks[i].low) == 3 && f.hyphen(i+1) && f.hyphen(i+3) {
		if a, b := f.tok(i+2), f.tok(i+4); a.kind == kNum && len(a.low) == 3 && b.kind == kNum && len(b.low) == 4 {
			return i + 5
		}
	}
	// "at 745-4811", "call 555 - 0147": a local number of 3 and 4 digits.
	if p := f.word(i - 1); (p == "at" || p == "on" || callVerbs[p]) && len(f.toks[i].low) == 3 && f.hyphen(i+1) {
		if n := f.tok(i + 2); n.kind == kNum && len(n.low) == 4 && n.e-n.s == 4 {
			return i + 3
		}
	}
	end := i + 1
	zero := f.toks[i].low[0] == '0'
	for group(end) && f.toks[end].sp && !f.toks[end].nl && len(f.text[f.toks[end-1].e:f.toks[end].s]) == 1 {
		zero = zero || f.toks[end].low[0] == '0'
		end++
	}
	n := end - i
	bracket := f.punct(i-1, "(") && f.punct(i+1, ")") && f.tok(i+2).kind == kNum && f.tok(i+2).sp
	if bracket {
		end = i + 3
	}
	if n >= 3 || n == 2 && (zero || f.punct(i-1, "+")) || bracket {
		for f.hyphen(end) && f.adjacent(end) && f.tok(end+1).kind == kNum && f.adjacent(end+1) {
			end += 2 // "555-0147"
		}
		return end
	}
	return i
}

// skipAttached skips the run of letters, digits and joiners around token i.
func (f *finder) skipAttached(i int) int {
	k := i + 1
	for k < len(f.toks) && f.adjacent(k) {
		t := f.tok(k)
		if t.kind == kWord || t.kind == kNum || (t.kind == kPunct && (isHyphen(t.low) || t.low == "/") &&
			f.adjacent(k+1) && (f.tok(k+1).kind == kNum || f.tok(k+1).kind == kWord)) {
			k++
			continue
		}
		break
	}
	return k
}

// skipChain skips numbers joined by "/", ":", "-" or "." and a following
// "a.m."/"pm".
func (f *finder) skipChain(i int) int {
	k := i + 1
	for {
		t := f.tok(k)
		if f.adjacent(k) && t.kind == kPunct && (t.low == "/" || t.low == ":" || isHyphen(t.low) || t.low == ".") &&
			f.tok(k+1).kind == kNum && f.adjacent(k+1) {
			k += 2
			continue
		}
		break
	}
	if isAmPm(f.word(k)) || f.word(k) == "h" || f.word(k) == "hrs" || f.word(k) == "gmt" {
		k++
	}
	return k
}

func isAmPm(w string) bool { return clockMarkers[w] }

var clockMarkers = words("clock_markers", "en", "es")

// mIsMillion decides whether "m" against digits is million (money, or a
// noun counted) or metres.
func (f *finder) mIsMillion(i int) bool {
	if p := f.tok(i - 1); p.kind == kPunct {
		if _, ok := currencySymbols[p.low]; ok {
			return true
		}
	}
	n := f.tok(i + 2)
	if n.kind != kWord {
		return false
	}
	if _, q := currencyNoun(f.lang, n.low); q != nil {
		return true
	}
	if currencyCodes[f.text[n.s:n.e]] {
		return true
	}
	return f.lang == "en" && pluralEN(n.low) && !enStop[n.low]
}

// wordCore reads spelled-out numbers ("twenty-two", "two dozen", "seis",
// "dos millones") and vague ones ("hundreds", "tens of thousands", "miles").
func (f *finder) wordCore(i int) (c core, ok bool, skip int) {
	skip = i + 1
	t := &f.toks[i]
	w := t.low
	es := f.lang == "es"
	nums, vague, several := enNumbers, enVague, enSeveral
	if es {
		nums, vague, several = esNumbers, esVague, esSeveral
	}
	c = core{i: i, scale: 1, words: true}
	// Cheap rejection: most words are not numbers.
	if !mayTrigger(w) || !triggers[w] {
		return c, false, skip
	}
	// A capitalised number word inside a sentence is a name: "the Group of Seven".
	if t.upper && !f.sentStart(i) && !f.titleLine(i) {
		// and so is the rest of it: "Twenty-Three" is no 3
		for skip+1 < len(f.toks) && f.hyphen(skip) && triggers[f.word(skip+1)] {
			skip += 2
		}
		return c, false, skip
	}
	// "several hundred", "a few thousand", "varios miles", "unos cuantos cientos".
	k0 := -1
	switch {
	case several[w] && w != "few" && w != "cuantos" && w != "cuantas":
		k0 = i + 1
	case (w == "a" && f.word(i+1) == "few") || ((w == "unos" || w == "unas") && (f.word(i+1) == "cuantos" || f.word(i+1) == "cuantas")):
		k0 = i + 2
	}
	if k0 > 0 {
		sw := f.word(k0)
		var sc float64
		if nw, ok := nums[sw]; ok && nw.kind != nAdd {
			sc = nw.v
			c.of = es && sc >= 1e6
		} else if vw, ok := vague[sw]; ok {
			sc = vw.scale
			c.of = true
		}
		if sc == 0 {
			return c, false, skip
		}
		c.vague, c.lo, c.hi, c.j = true, 2*sc, 10*sc-1, k0+1
		f.vagueTail(&c)
		return c, true, c.j
	}
	if w == "tens" {
		if f.word(i+1) == "of" {
			if vw, ok := vague[f.word(i+2)]; ok && vw.scale >= 1000 {
				c.vague, c.lo, c.hi, c.j, c.of = true, 20*vw.scale, 99*vw.scale, i+3, true
				return c, true, c.j
			}
		}
		return c, false, skip
	}
	if vw, ok := vague[w]; ok {
		c.vague, c.lo, c.hi, c.j, c.of = true, vw.lo, vw.hi, i+1, true
		f.vagueTail(&c)
		return c, true, c.j
	}
	k := i
	var total, cur float64
	switch {
	case w == "a" || w == "an" || (es && (w == "un" || w == "una")):
		nw, ok := nums[f.word(i+1)]
		if !ok || nw.kind == nAdd {
			return c, false, skip
		}
		cur = 1
		k = i + 1
	case w == "half" && f.word(i+1) == "a" || esHalfWords.Has(w) ||
		w == "half" && f.hyphen(i+1) && f.word(i+2) == "a" && f.hyphen(i+3):
		n := i + 2
		if w != "half" {
			n = i + 1
		} else if f.hyphen(i + 1) {
			n = i + 4 // "half-a-dozen"
		}
		nw, ok := nums[f.word(n)]
		if !ok || nw.kind == nAdd || nw.kind == nHundred {
			return c, false, skip
		}
		c.m, c.j, c.scaled = nw.v/2, n+1, true
		c.of = es && nw.v >= 1e6
		return c, true, c.j
	case es && esApproxIndefinites.Has(w):
		return c, false, skip
	case halfWords.Has(w):
		return c, false, skip
	}
	n := 0
	last := uint8(0)
	lastWord := ""
loop:
	for k < len(f.toks) {
		lw := f.word(k)
		nw, ok := nums[lw]
		if !ok || (k > i && f.toks[k].nl) {
			break
		}
		switch nw.kind {
		case nAdd:
			if n > 0 && last == nAdd && !(cur > 0 && nw.v < place(cur)) {
				break loop
			}
			if n > 0 && (last == nMult || last == nScale) && cur == 0 && total == 0 {
				break loop
			}
			cur += nw.v
		case nHundred:
			if last == nHundred {
				break loop
			}
			if cur == 0 {
				cur = 1
			}
			cur *= 100
		case nMult:
			if cur == 0 {
				cur = 1
			}
			cur *= nw.v
		case nScale:
			if cur == 0 {
				cur = 1
			}
			total += cur * nw.v
			cur = 0
		}
		last = nw.kind
		lastWord = lw
		n++
		k++
		// Connectors inside one number: "twenty-two", "hundred and five", "treinta y dos".
		next, ok := nums[f.word(k+1)]
		if !ok || next.kind != nAdd {
			continue
		}
		switch {
		case !es && f.hyphen(k) && f.adjacent(k) && f.adjacent(k+1) && last == nAdd &&
			int(cur)%10 == 0 && int(cur)%100 != 0 && next.v < 10:
			k++
		case !es && f.word(k) == "and" && (last == nHundred || last == nScale) && next.v < 100:
			k++
		case es && f.word(k) == "y" && last == nAdd && int(cur)%10 == 0 && int(cur)%100 >= 30 && next.v < 10:
			k++
		}
	}
	if n == 0 {
		return c, false, skip
	}
	c.m = total + cur
	c.j = k
	if last == nScale || last == nMult && lastWord != "docena" && lastWord != "dozen" {
		c.scaled = true
		c.of = es && last == nScale
	}
	if es && esCollectiveNumerals.Has(lastWord) {
		c.of = true // "una docena de países"
	}
	// A scale word alone after "per" is a base, not a number: "per million
	// British thermal units", "per thousand people".
	if n == 1 && k == i+1 && (last == nScale || last == nHundred) && f.word(i-1) == "per" {
		return c, false, skip
	}
	if n == 1 && c.m == 1 && k == i+1 {
		if es {
			return c, false, skip // "un", "una", "uno" are articles and pronouns
		}
		c.one = true
	}
	// "two-thirds", "twenty-first": fractions and ordinals.
	if f.hyphen(c.j) && f.adjacent(c.j) && f.adjacent(c.j+1) {
		nw := f.word(c.j + 1)
		if fractionWords[nw] || ordinalWord(nw) || notHyphenNoun[nw] {
			return c, false, c.j + 2
		}
	}
	return c, true, c.j
}

// triggers holds every word that may start a spelled-out number, in any
// language read.
var triggers = func() map[string]bool {
	m := words("number_openers", "en", "es")
	for _, ws := range []map[string]numWord{enNumbers, esNumbers} {
		for w := range ws {
			m[w] = true
		}
	}
	for _, ws := range []map[string]vagueWord{enVague, esVague} {
		for w := range ws {
			m[w] = true
		}
	}
	for _, ws := range []map[string]bool{enSeveral, esSeveral} {
		for w := range ws {
			m[w] = true
		}
	}
	for _, ws := range fracStarts {
		for w := range ws {
			m[w] = true
		}
	}
	return m
}()

// triggerPairs marks the first two letters of every trigger word, so that
// most words are turned away without a map look-up.
var triggerPairs = func() (p [26][27]bool) {
	for w := range triggers {
		a, b := pairIndex(w)
		if a >= 0 {
			p[a][b] = true
		}
	}
	return p
}()

// pairIndex gives the bigram cell of w, or -1 when w does not start with two
// ASCII lower-case letters (or one letter alone).
func pairIndex(w string) (int, int) {
	if len(w) == 0 || w[0] < 'a' || w[0] > 'z' {
		return -1, 0
	}
	if len(w) == 1 {
		return int(w[0] - 'a'), 26
	}
	if w[1] < 'a' || w[1] > 'z' {
		return -1, 0
	}
	return int(w[0] - 'a'), int(w[1] - 'a')
}

// mayTrigger is false for words that surely start no number.
func mayTrigger(w string) bool {
	a, b := pairIndex(w)
	return a < 0 || triggerPairs[a][b]
}

// ordinalWord reports English ordinals: "first", "twenty-fifth" (its last part).
func ordinalWord(w string) bool { return enOrdinals[w] }

var enOrdinals = words("ordinals", "en")

// vagueTail reads "of thousands" after "hundreds" and "de miles" after "decenas".
func (f *finder) vagueTail(c *core) {
	vague := enVague
	of := "of"
	if f.lang == "es" {
		vague, of = esVague, "de"
	}
	if f.word(c.j) != of {
		return
	}
	vw, ok := vague[f.word(c.j+1)]
	if !ok || vw.scale < 1000 || vw.scale <= c.lo {
		return
	}
	c.lo *= vw.scale
	c.hi *= vw.scale
	c.j += 2
	// "miles de millones" is a vague billion count, and "millones" in Spanish
	// may be preceded by "de": nothing more to read.
}

// place is the value of the lowest non-zero digit place of v: 20 → 10, 100 → 100.
func place(v float64) float64 {
	p := 1.0
	n := int64(v)
	if n <= 0 {
		return 1
	}
	for n%10 == 0 && p < 1e15 {
		n /= 10
		p *= 10
	}
	return p
}

// esOrdinalLetters: the letters of a Spanish ordinal written in line after
// its digits ("1er", "2do", "3ra").
var esOrdinalLetters = lang.Words("ordinal_letters", "es")

// Closed classes of the language layer the number reader asks about; "º"
// and "ª" beside enOrdinalSuffixes are Unicode's ordinal indicators,
// characters rather than words.
var (
	enOrdinalSuffixes    = lang.Words("ordinal_suffixes", "en")    // "1st", "22nd"
	attachedUnits        = lang.Words("attached_units", "en")      // "5pc", "20ºC"
	deScaleAbbreviations = lang.Words("scale_abbreviations", "de") // "2,3 Mrd. Euro"
	esApproxIndefinites  = lang.Words("approx_indefinites", "es")  // "unos 30"
	halfWords            = lang.Words("half_words", "en", "es")    // "half", "medio", "media"
	esHalfWords          = lang.Words("half_words", "es")          // "medio millón"
	esCollectiveNumerals = lang.Words("collective_numerals", "es") // "una docena de"
)
