package quantity

import (
	"strings"

	"github.com/parallaxnews/parallax/internal/lang"
)

// Kinds of unit.
const (
	uNone = iota
	uMoney
	uPercent
	uMeasure
	uCount
	uPeople // a number used as a pronoun: "six accused of…"
	uReject // the whole expression is not a quantity ("two-thirds")
)

type unitRes struct {
	kind       uint8
	unit, head string
	def        *unitDef
	end        int // token index just past the unit; the start index when none
}

func isQuote(s string) bool {
	switch s {
	case "\"", "“", "”", "'", "‘", "’", "«", "»", "„":
		return true
	}
	return false
}

// unitAfter reads what a number counts, starting at token k.
func (f *finder) unitAfter(c *core, k int, money string) unitRes {
	none := unitRes{end: k}
	t := f.tok(k)
	if t.kind == noToken.kind && t.s < 0 {
		if money != "" {
			return unitRes{kind: uMoney, unit: money, end: k}
		}
		return none
	}
	if t.nl && money == "" {
		return none
	}
	if money != "" {
		// "$6 million", "US$5bn": a code or currency word after is part of it.
		if t.kind == kWord && (currencyCodes[f.text[t.s:t.e]] && f.text[t.s:t.e] == money) {
			return unitRes{kind: uMoney, unit: money, end: k + 1}
		}
		return unitRes{kind: uMoney, unit: money, end: k}
	}
	// Percent.
	if t.kind == kPunct && (t.low == "%" || t.low == "％") {
		return unitRes{kind: uPercent, unit: "percent", end: k + 1}
	}
	if t.kind == kWord {
		// "5pc": the British abbreviation counts only written on the figure
		if t.low == "pc" && !t.sp {
			return unitRes{kind: uPercent, unit: "percent", end: k + 1}
		}
		if unit, n := f.percentPhrase(k); n > 0 {
			return unitRes{kind: uPercent, unit: unit, end: k + n}
		}
	}
	// Degrees: "30°C", "30 ºC", "86 °F".
	if (t.kind == kPunct && t.low == "°") || (t.kind == kWord && (t.low == "ºc" || t.low == "ºf" || t.low == "º")) {
		r := unitRes{kind: uMeasure, unit: "degrees", head: "degree", def: uDeg, end: k + 1}
		scale := t.low
		if t.kind == kPunct {
			if n := f.tok(k + 1); f.adjacent(k+1) && n.kind == kWord {
				scale = "º" + n.low
				r.end = k + 2
			}
		}
		switch scale {
		case "ºc":
			r.head = "celsius"
		case "ºf":
			r.head = "fahrenheit"
		}
		return r
	}
	// A currency sign or code after the number: "6 €", "5 million USD".
	if t.kind == kPunct {
		if cur, ok := currencySymbols[t.low]; ok && t.low != "$" {
			return unitRes{kind: uMoney, unit: cur, end: k + 1}
		}
	}
	if t.kind == kWord && currencyCodes[f.text[t.s:t.e]] {
		return unitRes{kind: uMoney, unit: f.text[t.s:t.e], end: k + 1}
	}
	if code, e := f.symbolAfter(k); code != "" {
		return unitRes{kind: uMoney, unit: code, end: e}
	}
	if r, ok := f.moneyWord(c, k); ok {
		return r
	}
	// Measures.
	if r, ok := f.measure(c, k); ok {
		return r
	}
	switch f.lang {
	case "es":
		return f.nounES(c, k)
	case "en":
		return f.nounEN(c, k)
	case "pt", "fr", "de":
		return f.nounOther(c, k)
	}
	return none
}

// nounOther reads the noun a number counts in Portuguese, French and
// German: the next word when it is a noun in the plural ("1 200 postes",
// "1.200 pessoas") or, in German, any capitalised word ("5.000 Stellen").
// The head is the singular for Portuguese and French and the word itself
// in lower case for German, whose plurals take no rule.
func (f *finder) nounOther(c *core, k int) unitRes {
	none := unitRes{end: k}
	p := k
	if w := f.word(p); c.of && (w == "de" || w == "des") {
		p++ // "milhões de pessoas"; "milliers d'habitants" elides into one token
	}
	t := f.tok(p)
	if t.kind != kWord || t.nl {
		return none
	}
	raw := f.text[t.s:t.e]
	w := t.low
	for _, el := range [...]string{"d'", "d’", "l'", "l’"} {
		if strings.HasPrefix(w, el) {
			w = w[len(el):]
			raw = raw[len(el):]
			break
		}
	}
	if len(w) < 3 || otherStop[w] || otherMonths[w] {
		return none
	}
	single := c.m == 1 && c.d == 0 && c.scale == 1 && !c.vague
	var head string
	switch f.lang {
	case "de":
		if !t.upper {
			return none
		}
		if n := f.tok(p + 1); n.kind == kWord && n.upper && !n.nl && !f.sentStart(p+1) && !otherStop[n.low] {
			return none // "300 Deutsche Bank": a name
		}
		head = w
	default:
		if t.upper && !f.titleLine(p) {
			return none
		}
		if !single && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "x") {
			return none
		}
		head = lemmaRomance(f.lang, w)
	}
	return unitRes{kind: uCount, unit: raw, head: head, end: p + 1}
}

// lemmaRomance returns the singular of a Portuguese or French plural.
func lemmaRomance(lang, w string) string {
	switch {
	case lang == "pt" && strings.HasSuffix(w, "ões"):
		return strings.TrimSuffix(w, "ões") + "ão"
	case lang == "pt" && strings.HasSuffix(w, "ns"):
		return strings.TrimSuffix(w, "ns") + "m"
	case lang == "pt" && (strings.HasSuffix(w, "res") || strings.HasSuffix(w, "zes")):
		return strings.TrimSuffix(w, "es")
	case lang == "fr" && strings.HasSuffix(w, "aux"):
		return strings.TrimSuffix(w, "aux") + "al"
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x"):
		return w[:len(w)-1]
	}
	return w
}

// moneyWord reads a currency named in words after the number, from the ISO
// 4217 names of data/currencies.tsv: "dollars", "US dollars", "8.6 billion
// Hong Kong dollars", "ringgit", "millones de dólares", "pesos mexicanos",
// "milliards d'euros", "Milliarden Euro".
func (f *finder) moneyWord(c *core, k int) (unitRes, bool) {
	if currencyNames[f.lang] == nil {
		return unitRes{}, false
	}
	var wbuf [4]string
	var ebuf [4]int
	ws, ends := f.wordsAt(k, 1, c.scaled || c.of, wbuf[:0], ebuf[:0])
	if len(ws) == 0 || !currencyWordsAny[f.lang][ws[0]] {
		return unitRes{}, false // most words name no currency
	}
	ws, ends = f.wordsAt(k, maxQualifier+1, c.scaled || c.of, wbuf[:0], ebuf[:0])
	nounFirst := f.lang != "en" && f.lang != "de"
	var noun, code, written string
	end, qualified := -1, false
	if nounFirst {
		sing, quals := currencyNoun(f.lang, ws[0])
		if quals == nil {
			return unitRes{}, false
		}
		noun, written, end = sing, ws[0], ends[0]
		for n := min(len(ws)-1, maxQualifier); n >= 1; n-- {
			if cc, ok := matchQualifier(quals, ws[1:n+1]); ok {
				code, end, qualified = cc, ends[n], true
				break
			}
		}
		if code == "" {
			code = quals[""]
		}
	} else {
		for n := min(len(ws)-1, maxQualifier); n >= 0; n-- {
			sing, quals := currencyNoun(f.lang, ws[n])
			if quals == nil {
				continue
			}
			if n > 0 {
				if cc, ok := quals[strings.Join(ws[:n], " ")]; ok {
					noun, written, code, end, qualified = sing, ws[n], cc, ends[n], true
					break
				}
				continue
			}
			noun, written, end = sing, ws[0], ends[0]
			code = quals[""]
		}
	}
	if end < 0 {
		return unitRes{}, false
	}
	if code == "" && currencyPlurals[f.lang][written] != "" {
		// An irregular plural is the currency's own word: "reais".
		qs := quals(f.lang, noun)
		for _, cc := range qs {
			if len(qs) == 1 {
				code = cc
			}
		}
	}
	if code == "" {
		if len(quals(f.lang, noun)) < 2 {
			return unitRes{}, false // "the 1,000 mark": a word that names one currency only with its country
		}
		code = written // a currency of many countries, none said: "pesos"
	}
	// A pound or a libra is a weight unless it is clearly money.
	if d, _ := f.unitWordAt(k, false); !qualified && d != nil && d.dim == dMass && noun != "" {
		switch w := f.word(end); {
		case sterlingWords.Has(w):
			return unitRes{kind: uMoney, unit: "GBP", end: end + 1}, true
		case w == "of" || w == "de":
			return unitRes{}, false
		}
		if !c.scaled {
			return unitRes{}, false
		}
	}
	if noun == "sterling" && !c.scaled {
		return unitRes{}, false
	}
	return unitRes{kind: uMoney, unit: code, end: end}, true
}

// wordsAt returns up to n lower-case words from token k on, the token after
// each, skipping "of"/"de" first when of is set and the French elision
// "d'" ("milliards d'euros"); hyphens may join words ("US-Dollar").
func (f *finder) wordsAt(k, n int, of bool, ws []string, ends []int) ([]string, []int) {
	p := k
	if of {
		switch f.word(p) {
		// (closed class: the preposition "of" and its contractions with the article in English, Spanish, Portuguese and French)
		case "of", "de", "do", "da", "des", "dos", "du":
			p++
		}
	}
	for len(ws) < n {
		t := f.tok(p)
		if t.kind != kWord || (p > k && t.nl) {
			break
		}
		w := strings.ReplaceAll(t.low, ".", "")
		if len(ws) == 0 && p == k && (strings.HasPrefix(w, "d'") || strings.HasPrefix(w, "d’")) {
			w = strings.TrimPrefix(strings.TrimPrefix(w, "d'"), "d’")
		}
		ws = append(ws, w)
		ends = append(ends, p+1)
		p++
		if f.hyphen(p) && f.adjacent(p) && f.adjacent(p+1) {
			p++
		}
	}
	return ws, ends
}

// matchQualifier finds the currency of qualifier words written after the
// noun, singular or plural: "mexicanos" → "mexicano", "de hong kong".
func matchQualifier(quals map[string]string, ws []string) (string, bool) {
	var try func(i int, acc []string) (string, bool)
	try = func(i int, acc []string) (string, bool) {
		if i == len(ws) {
			cc, ok := quals[strings.Join(acc, " ")]
			return cc, ok
		}
		w := ws[i]
		for _, v := range [...]string{w, strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "es")} {
			if cc, ok := try(i+1, append(acc, v)); ok {
				return cc, true
			}
			if !strings.HasSuffix(w, "s") {
				break
			}
		}
		return "", false
	}
	return try(0, make([]string, 0, len(ws)))
}

// measure reads units of measure from data/units.tsv: "948-foot-long", "39
// years old", "10km", "320 Nm", "46 to 48 degrees", "20 square miles",
// "1,800-square-metre", "180 micrograms per cubic metre".
func (f *finder) measure(c *core, k int) (unitRes, bool) {
	t := f.tok(k)
	// Hyphenated: "948-foot", "240-hp", "40-year-old", "a 12-member panel".
	if f.hyphen(k) && f.adjacent(k) && f.adjacent(k+1) && f.tok(k+1).kind == kWord {
		w := f.word(k + 1)
		def, e := f.unitWordAt(k+1, true)
		if def == nil {
			if d, e2 := f.unitSymAt(k + 1); d != nil && !d.short {
				def, e = d, e2
			}
		}
		if def != nil {
			r := unitRes{kind: uMeasure, unit: def.name, head: def.head, def: def, end: e}
			// "40-year-old", "15-year-olds", "948-foot-long".
			if f.hyphen(e) && f.adjacent(e) && f.adjacent(e+1) {
				if a := f.word(e + 1); dimensionAdj[a] || a == "olds" {
					if a == "old" || a == "olds" {
						if def.dim != dTime {
							return r, true
						}
						r.head = "age"
					}
					r.end = e + 2
				}
			}
			return r, true
		}
		if fractionWords[w] || ordinalWord(w) || ordinalWord(strings.TrimSuffix(w, "s")) ||
			golfScoreWords.Has(w) {
			return unitRes{kind: uReject, end: k + 2}, true // "7-under" is a golf score
		}
		if f.lang == "en" && !f.tok(k+1).upper && !notHyphenNoun[w] && !adjectiveLike(w) && !enStop[w] {
			if _, isNum := enNumbers[w]; !isNum && len(w) > 2 {
				end := k + 2
				// "a 12-member panel": the thing counted is the member.
				return unitRes{kind: uCount, unit: f.text[f.toks[k+1].s:f.toks[k+1].e], head: lemmaEN(w), end: end}, true
			}
		}
		return unitRes{}, false
	}
	if t.kind != kWord || (t.nl && t.sp) {
		return unitRes{}, false
	}
	def, e := f.unitWordAt(k, false)
	if def == nil {
		def, e = f.unitSymAt(k)
		if def != nil && def.short && t.sp {
			def = nil
		}
	}
	if def == nil {
		return unitRes{}, false
	}
	r := unitRes{kind: uMeasure, unit: def.name, head: def.head, def: def, end: e}
	// A unit per a unit of length, area or volume: "micrograms per cubic
	// metre". Rates per a unit of time are read as Per.
	if f.word(e) == "per" && !f.tok(e).nl {
		if d2, e2 := f.unitWordAt(e+1, false); d2 != nil && d2.dim != dTime {
			return unitRes{kind: uMeasure, unit: def.name + " per " + d2.head, head: def.head + " per " + d2.head, end: e2}, true
		}
	}
	n := f.word(r.end)
	switch {
	case def.dim == dTime && n == "old" && !f.tok(r.end).nl:
		r.head = "age"
		r.end++
	case def.dim == dTime && n == "of" && f.word(r.end+1) == "age":
		r.head = "age"
		r.end += 2
	case def.dim == dTime && n == "de" && f.word(r.end+1) == "edad":
		r.head = "age"
		r.end += 2
	case def.dim == dLength && dimensionAdj[n] && n != "old" && !f.tok(r.end).nl:
		r.end++
	case def.dim == dTemp:
		switch {
		case n == "fahrenheit" || n == "f":
			r.head = "fahrenheit"
			r.end++
		case celsiusWords.Has(n):
			r.head = "celsius"
			r.end++
		}
	}
	return r, true
}

// nounEN reads the English noun phrase a number counts: "17 violent
// offenders", "hundreds of gang-affiliated migrants", "10 more alleged gang
// members", "17 alleged "extremely dangerous" criminals".
func (f *finder) nounEN(c *core, k int) unitRes {
	none := unitRes{end: k}
	if r, ok := f.partitiveEN(c, k); ok {
		return r
	}
	p := k
	if c.of {
		if f.word(p) != "of" {
			return f.people(c, k)
		}
		p++
	}
	content := 0
	lastS, lastE := -1, -1 // the last content word before the head
	for steps := 0; steps < 10 && p < len(f.toks); steps++ {
		t := &f.toks[p]
		if p > k && t.nl {
			break
		}
		if t.kind == kPunct {
			if isQuote(t.low) {
				p++
				continue
			}
			break
		}
		if t.kind != kWord {
			break
		}
		e := f.compoundEnd(p)
		lw := t.low
		if e > p+1 {
			lw = strings.ToLower(f.text[t.s:f.toks[e-1].e])
		}
		lastPart := f.toks[e-1].low
		if e == p+1 && (enStop[lw] || enMonths[lw] && t.upper) {
			break
		}
		if _, isNum := enNumbers[lw]; isNum && e == p+1 {
			break
		}
		if f.toks[e-1].kind == kWord && pluralEN(lastPart) && !(e == p+1 && adjectiveLike(lw) && !pluralEN(lw)) {
			// "650 Commons seats": a plural noun used as a modifier.
			if n := f.tok(e); n.kind == kWord && !n.upper && !n.nl && e == p+1 && pluralEN(n.low) &&
				!enStop[n.low] && !adjectiveLike(n.low) && f.compoundEnd(e) == e+1 {
				content++
				lastS, lastE = p, e
				p = e
				continue
			}
			if t.upper && !f.titleLine(p) {
				// "the 1798 Alien Enemies Act": a name, not a count.
				if n := f.tok(e); n.kind == kWord && n.upper && !n.nl {
					return none
				}
			}
			start := p
			head := lemmaEN(lw)
			if e > p+1 {
				head = lw[:len(lw)-len(lastPart)] + lemmaEN(lastPart)
			}
			if vagueHeads[lw] && lastS >= 0 && lastE == p && lastE == lastS+1 {
				mod := f.toks[lastS].low
				if !adjectiveLike(mod) && !enAdjWords[mod] && !enStop[mod] {
					start = lastS
					head = mod + " " + head
				}
			}
			return unitRes{kind: uCount, unit: f.text[f.toks[start].s:f.toks[e-1].e], head: head, end: e}
		}
		if content > 0 && (peopleVerbs[lw] || enVerbs[lw] || pastVerbs[lw] || strings.HasSuffix(lw, "ed")) {
			// A verb ends the phrase unless more of the phrase follows:
			// "one person died and…", but "10 more alleged gang members".
			if n := f.tok(e); n.kind != kWord || n.nl || enStop[n.low] || peopleVerbs[lw] && !adjectiveLike(n.low) && !pluralEN(n.low) {
				break
			}
		}
		content++
		if content > 4 {
			break
		}
		lastS, lastE = p, e
		p = e
	}
	if content > 0 && c.m == 1 && c.d == 0 && !c.vague && c.scale == 1 && lastS >= 0 && content <= 3 {
		w := f.toks[lastS].low
		if lastE == lastS+1 && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ly") && !enAdjWords[w] && !peopleVerbs[w] && !notCountable[w] &&
			!f.toks[lastS].upper {
			start := lastS
			head := w
			if vagueHeads[w] && lastS-1 >= k && f.tok(lastS-1).kind == kWord {
				mod := f.toks[lastS-1].low
				if !adjectiveLike(mod) && !enAdjWords[mod] && !enStop[mod] {
					start = lastS - 1
					head = mod + " " + w
				}
			}
			return unitRes{kind: uCount, unit: f.text[f.toks[start].s:f.toks[lastS].e], head: head, end: lastE}
		}
	}
	return f.people(c, k)
}

// partitiveEN reads the plural a number takes a part of: "12 of his
// senior colleagues", "four of the judges" count colleagues and judges.
// Only a definite determiner or a possessive may stand between: "12 of 20"
// is a score and "two of them" names no thing.
func (f *finder) partitiveEN(c *core, k int) (unitRes, bool) {
	if c.of || c.d != 0 || c.scale != 1 || f.word(k) != "of" || !partitiveDeterminers[f.word(k+1)] || f.tok(k+1).nl {
		return unitRes{}, false
	}
	r := f.nounEN(&core{m: c.m, scale: 1}, k+2)
	if _, measure := unitByName[r.unit]; measure || r.kind != uCount || r.head == "" || !pluralEN(strings.ToLower(lastWord(r.unit))) {
		return unitRes{}, false
	}
	return r, true
}

func lastWord(s string) string {
	if i := strings.LastIndexAny(s, " -"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// partitiveDeterminers are the definite determiners and possessives of a
// partitive "of" phrase (a closed class of the grammar).
var partitiveDeterminers = words("partitive_determiners", "en")

// Verbs that end a noun phrase: "one person said".
var enVerbs = words("count_verbs", "en")

// Irregular past tenses.
var pastVerbs = words("irregular_past_counted", "en")

// Singular nouns after "one" that do not make it a count.
var notCountable = words("not_countable", "en")

// compoundEnd returns the end of the hyphenated word that starts at p:
// "gang-affiliated", "MS-13".
func (f *finder) compoundEnd(p int) int {
	e := p + 1
	for f.hyphen(e) && f.adjacent(e) && f.adjacent(e+1) && (f.tok(e+1).kind == kWord || f.tok(e+1).kind == kNum) {
		e += 2
	}
	return e
}

// people reads a number used as a pronoun: "six accused of child
// molestation", "two died", "dos murieron".
func (f *finder) people(c *core, k int) unitRes {
	none := unitRes{end: k}
	if c.vague && f.lang == "en" && f.word(k) == "of" {
		return none
	}
	t := f.tok(k)
	if t.kind != kWord || t.upper || t.nl || c.d != 0 {
		return none
	}
	w := t.low
	if f.lang == "es" {
		if esPeopleVerbs[w] {
			return unitRes{kind: uPeople, unit: "personas", head: "person", end: k + 1}
		}
		return none
	}
	end := -1
	switch {
	case peopleVerbs[w]:
		end = k + 1
	case enAux[w]:
		p := k + 1
		if f.word(p) == "still" {
			p++
		}
		n := f.word(p)
		if peopleVerbs[n] {
			end = p + 1
		}
	}
	if end < 0 {
		return none
	}
	// "accused of child molestation", "charged with murder".
	switch f.word(end) {
	case "of", "with":
		e, n := end+1, 0
		for n < 4 {
			nt := f.tok(e)
			if nt.kind != kWord || nt.nl {
				break
			}
			if enStop[nt.low] && nt.low != "the" && nt.low != "a" && nt.low != "an" && nt.low != "their" {
				break
			}
			e++
			n++
		}
		if n > 0 && f.tok(e-1).kind == kWord && !enStop[f.tok(e-1).low] {
			end = e
		}
	}
	return unitRes{kind: uPeople, unit: "people", head: "person", end: end}
}

// nounES reads the Spanish noun a number counts: "67 personas muertas",
// "cientos de migrantes", "dos millones de personas".
func (f *finder) nounES(c *core, k int) unitRes {
	none := unitRes{end: k}
	p := k
	if c.of {
		if f.word(p) != "de" {
			return f.people(c, k)
		}
		p++
	}
	for n := 0; n < 2 && esPreAdj[f.word(p)] && !f.tok(p).nl; n++ {
		p++
	}
	t := f.tok(p)
	if t.kind != kWord || (p > k && t.nl) {
		return f.people(c, k)
	}
	w := t.low
	if esStop[w] || esMonths[w] {
		return f.people(c, k)
	}
	if _, isNum := esNumbers[w]; isNum {
		return none
	}
	single := c.m == 1 && c.d == 0 && c.scale == 1 && !c.vague
	if !single && !pluralES(w) {
		return f.people(c, k)
	}
	if esPeopleVerbs[w] {
		return f.people(c, k)
	}
	if t.upper && !f.titleLine(p) {
		if n := f.tok(p + 1); n.kind == kWord && n.upper && !n.nl {
			return none
		}
	}
	end := p + 1
	// A participle or adjective after the noun: "personas muertas", "migrantes venezolanos".
	if a := f.tok(end); a.kind == kWord && !a.upper && !a.nl && !esStop[a.low] && esAdjLike(a.low) {
		end++
	}
	head := headES(w)
	if single {
		head = w
		if en, ok := esToEn[w]; ok {
			head = en
		}
	}
	return unitRes{kind: uCount, unit: f.text[t.s:t.e], head: head, end: end}
}

var esAdjSuffixes = lang.Words("adjective_suffixes", "es").Entries()

var (
	sterlingWords  = lang.Words("sterling_words", "en")   // "pounds sterling", "libras esterlinas"
	golfScoreWords = lang.Words("golf_score_words", "en") // "7-under"
	celsiusWords   = lang.Words("celsius_words", "en")    // "degrees Celsius"
)

func esAdjLike(w string) bool {
	for _, s := range esAdjSuffixes {
		if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// perAfter reads a rate's period after token k: "annually", "a year", "al año".
func (f *finder) perAfter(k int) (per string, end int) {
	idx := enPerIndex
	switch f.lang {
	case "es":
		idx = esPerIndex
	case "en":
	default:
		return "", k
	}
	ps := idx[f.tok(k).low]
outer:
	for _, pp := range ps {
		for w, word := range pp.words {
			t := f.tok(k + w)
			if t.low != word || t.nl {
				continue outer
			}
		}
		n := len(pp.words)
		if n == 2 && (pp.words[0] == "a" || pp.words[0] == "an") && notRateAfter[f.word(k+n)] {
			continue
		}
		return pp.per, k + n
	}
	return "", k
}

// quals returns the qualifiers of a currency noun of lang.
func quals(lang, noun string) map[string]string {
	return currencyNames[lang][noun]
}

// percentPhrases maps the percent sign written in words in any language
// read ("per cent", "por ciento", "Prozentpunkte") to the unit it makes;
// percentStarts holds their first words, percentLen the most words one
// takes.
var percentPhrases, percentStarts, percentLen = func() (map[string]string, map[string]bool, int) {
	m, first, n := map[string]string{}, map[string]bool{}, 1
	for _, l := range lang.Languages {
		if !lang.HasList("percent_phrases", l) {
			continue
		}
		for p, u := range lang.Pairs("percent_phrases", l) {
			m[p] = u
			f := strings.Fields(p)
			first[f[0]] = true
			n = max(n, len(f))
		}
	}
	return m, first, n
}()

// percentPhrase returns the unit of the longest written-out percent sign
// at token k and how many words it takes, or 0.
func (f *finder) percentPhrase(k int) (string, int) {
	if !percentStarts[f.word(k)] {
		return "", 0
	}
	ws := make([]string, 0, percentLen)
	for j := k; j < k+percentLen; j++ {
		w := f.word(j)
		if w == "" {
			break
		}
		ws = append(ws, w)
	}
	for n := len(ws); n > 0; n-- {
		if u, ok := percentPhrases[strings.Join(ws[:n], " ")]; ok {
			return u, n
		}
	}
	return "", 0
}
