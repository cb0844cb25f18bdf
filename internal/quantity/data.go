package quantity

//go:generate go run gen.go

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The tables below are read once, at start-up, from embedded files with
// their provenance: data/units.tsv (SI Brochure, NIST SP 811, IEC 80000-13,
// style guides) and data/currencies.tsv (ISO 4217 through Debian iso-codes,
// CLDR symbols through golang.org/x/text, news style; built by gen.go).

//go:embed data/units.tsv
var unitsTSV string

//go:embed data/currencies.tsv
var currenciesTSV string

// Dimensions of units: units of one dimension convert into each other.
const (
	dNone = iota
	dLength
	dMass
	dTime
	dArea
	dSpeed
	dVolume
	dPower
	dEnergy
	dTemp
	dTorque
	dFrequency
	dData
	dDataRate
	dCharge
	dPixels
	dLuminance
	dFuel
	dRatio
	dStat
	dDose
	dMagnitude
	dPoints // basis points, in percentage points
)

var dimNames = map[string]uint8{"length": dLength, "mass": dMass, "time": dTime, "area": dArea,
	"speed": dSpeed, "volume": dVolume, "power": dPower, "energy": dEnergy, "temp": dTemp,
	"torque": dTorque, "frequency": dFrequency, "data": dData, "datarate": dDataRate,
	"charge": dCharge, "pixels": dPixels, "luminance": dLuminance, "fuel": dFuel, "ratio": dRatio,
	"stat": dStat, "dose": dDose, "magnitude": dMagnitude, "pp": dPoints}

type unitDef struct {
	name   string // canonical unit: "feet", "km", "GB"
	head   string // singular: "foot", "kilometre", "gigabyte"
	dim    uint8
	factor float64 // to the dimension's base unit
	short  bool    // a symbol read only against the digits ("m", "h", "C")
	sym    bool    // a symbol, matched exactly
	pre    bool    // may come before the number ("magnitude 5.8")
	per    string  // a rate: "bpd" is barrels per day
}

// unitForm is one written form of a unit: one or more words ("square
// miles") or a symbol ("km/h", "m²").
type unitForm struct {
	words []string // lower-case words for word forms
	lang  string   // "" for any language
	def   *unitDef
}

var (
	// unitWords indexes word forms by their first word, longest first.
	unitWords = map[string][]unitForm{}
	// unitSyms maps exact symbols to units, per language ("" any).
	unitSyms = map[string][]unitForm{}
	// symLens holds the lengths in bytes of the symbols, longest first.
	symLens []int
	// unitSymFirst holds the first token of every unit symbol ("km" of
	// "km/h"), to turn most words away with one look-up.
	unitSymFirst = map[string]bool{}
	// moneySymLast holds the last token of every currency symbol ("$" of
	// "HK$", "RM"), for the same purpose.
	moneySymLast = map[string]bool{}
	// unitByName maps canonical names to their definition, for Compatible.
	unitByName = map[string]*unitDef{}

	uYears = unitDef{name: "years", head: "year", dim: dTime, factor: 31557600}
	uHours *unitDef
	uDeg   *unitDef
)

func init() {
	defs := map[string]*unitDef{}
	lens := map[int]bool{}
	for n, line := range strings.Split(unitsTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 8 {
			panic(fmt.Sprintf("data/units.tsv:%d: %d columns, want 8", n+1, len(c)))
		}
		dim, ok := dimNames[c[4]]
		factor, err := strconv.ParseFloat(c[5], 64)
		if !ok || err != nil {
			panic(fmt.Sprintf("data/units.tsv:%d: bad dimension %q or factor %q", n+1, c[4], c[5]))
		}
		d := unitDef{name: c[2], head: c[3], dim: dim, factor: factor}
		for _, fl := range strings.Split(c[6], ",") {
			switch {
			case fl == "short":
				d.short, d.sym = true, true
			case fl == "sym":
				d.sym = true
			case fl == "pre":
				d.pre = true
			case strings.HasPrefix(fl, "per="):
				d.per = fl[4:]
			}
		}
		key := fmt.Sprintf("%s|%s|%v|%v|%v|%s", d.name, d.head, d.short, d.sym, d.pre, d.per)
		def := defs[key]
		if def == nil {
			def = &d
			defs[key] = def
		}
		if _, ok := unitByName[def.name]; !ok {
			unitByName[def.name] = def
		}
		lang := c[1]
		if lang == "*" {
			lang = ""
		}
		if def.sym {
			unitSyms[c[0]] = append(unitSyms[c[0]], unitForm{lang: lang, def: def})
			lens[len(c[0])] = true
			continue
		}
		ws := strings.Fields(strings.ToLower(c[0]))
		unitWords[ws[0]] = append(unitWords[ws[0]], unitForm{words: ws, lang: lang, def: def})
	}
	for k := range unitWords {
		fs := unitWords[k]
		sort.SliceStable(fs, func(i, j int) bool { return len(fs[i].words) > len(fs[j].words) })
	}
	for l := range lens {
		symLens = append(symLens, l)
	}
	for sym := range unitSyms {
		unitSymFirst[firstToken(sym)] = true
	}
	sort.Sort(sort.Reverse(sort.IntSlice(symLens)))
	uHours = unitByName["hours"]
	uDeg = unitByName["degrees"]
	if uHours == nil || uDeg == nil || unitByName["years"] == nil {
		panic("data/units.tsv lacks hours, degrees or years")
	}
	uYears = *unitByName["years"]
	loadCurrencies()
}

// formFor picks the form of lang among fs: a language's own form wins over
// one for any language.
func formFor(fs []unitForm, lang string) *unitDef {
	var any *unitDef
	for i := range fs {
		switch fs[i].lang {
		case lang:
			return fs[i].def
		case "":
			if any == nil {
				any = fs[i].def
			}
		}
	}
	return any
}

// unitWordAt matches a unit written in words at token k: "km", "square
// miles", "kilómetros cuadrados"; hyphens may join the words
// ("square-metre") when hyphens is set. It returns the unit and the token
// after it.
func (f *finder) unitWordAt(k int, hyphens bool) (*unitDef, int) {
	t := f.tok(k)
	if t.kind != kWord {
		return nil, k
	}
	fs := unitWords[t.low]
	for i := range fs {
		u := &fs[i]
		if u.lang != "" && u.lang != f.lang {
			continue
		}
		p := k + 1
		ok := true
		for _, w := range u.words[1:] {
			if hyphens && f.hyphen(p) && f.adjacent(p) && f.adjacent(p+1) {
				p++
			} else if f.tok(p).nl || !f.tok(p).sp {
				ok = false
				break
			}
			if f.word(p) != w {
				ok = false
				break
			}
			p++
		}
		if ok {
			return u.def, p
		}
	}
	return nil, k
}

// unitSymAt matches a unit symbol that starts at token k and runs over
// adjacent tokens ("km/h", "m²", "Mbit/s"); it returns the unit and the
// token after it. A symbol must end where a word ends: "m" does not match
// the start of "mice".
func (f *finder) unitSymAt(k int) (*unitDef, int) {
	t := f.tok(k)
	if t.s < 0 || t.kind == kNum || !unitSymFirst[f.text[t.s:t.e]] {
		return nil, k
	}
	// The adjacent run of tokens from k, at most four.
	end := k
	for end+1 < len(f.toks) && end-k < 3 && f.adjacent(end+1) && f.toks[end+1].kind != kNum {
		end++
	}
	for p := end; p >= k; p-- {
		raw := f.text[t.s:f.toks[p].e]
		if fs, ok := unitSyms[raw]; ok {
			if d := formFor(fs, f.lang); d != nil {
				return d, p + 1
			}
		}
	}
	return nil, k
}

// Currencies.
var (
	// currencyCodes holds the ISO 4217 codes read as money when written in
	// capitals next to a number ("CHF 12", "5 million EUR").
	currencyCodes = map[string]bool{}
	// currencySymbols maps signs that are not letters ("$", "€", "₹").
	currencySymbols = map[string]string{}
	// dollarPrefixes maps the letters written against "$" ("hk" of HK$).
	dollarPrefixes = map[string]string{}
	// letterSymbols maps symbols with letters ("RM", "R", "zł", "S/").
	letterSymbols = map[string]string{}
	// currencyNames maps a language and a currency noun in the singular to
	// its qualifiers: "en" "dollar" → {"hong kong": HKD, "": USD}.
	currencyNames = map[string]map[string]map[string]string{}
	// currencyPlurals maps irregular plurals to the singular, per language.
	currencyPlurals = map[string]map[string]string{}
	// currencyWordsAny holds the words a currency name may start with.
	currencyWordsAny = map[string]map[string]bool{}
	// maxQualifier is the longest qualifier in words.
	maxQualifier = 1
	// moneySymbols maps every symbol as written ("$", "HK$", "RM", "E£",
	// "S/", "kr.") to its code.
	moneySymbols = map[string]string{}
	// spacedSymbols are letter symbols also written apart from the number
	// ("RM 3.10"); other letter symbols must touch it ("R18.40").
	spacedSymbols = map[string]bool{}
	// allCodes holds every currency code of the table, including those not
	// read from text ("TRY"), for telling money units apart.
	allCodes = map[string]bool{}
)

func loadCurrencies() {
	for n, line := range strings.Split(currenciesTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		c := strings.Split(line, "\t")
		bad := func() { panic(fmt.Sprintf("data/currencies.tsv:%d: bad row %q", n+1, line)) }
		switch c[0] {
		case "code":
			if len(c) != 2 {
				bad()
			}
			currencyCodes[c[1]] = true
			allCodes[c[1]] = true
		case "spaced":
			if len(c) != 3 {
				bad()
			}
			spacedSymbols[c[1]] = true
		case "symbol":
			if len(c) != 4 {
				bad()
			}
			sym, code := c[1], c[2]
			moneySymbols[sym] = code
			toks := tokenize(sym, nil, false)
			moneySymLast[sym[toks[len(toks)-1].s:]] = true
			allCodes[code] = true
			r, _ := utf8.DecodeRuneInString(sym)
			switch {
			case strings.HasSuffix(sym, "$") && len(sym) > 1 && isLetters(sym[:len(sym)-1]):
				dollarPrefixes[strings.ToLower(sym[:len(sym)-1])] = code
			case utf8.RuneCountInString(sym) == 1 && !unicode.IsLetter(r):
				currencySymbols[sym] = code
			default:
				letterSymbols[sym] = code
			}
		case "name":
			if len(c) != 5 {
				bad()
			}
			lang, noun, qual, code := c[1], c[2], strings.ReplaceAll(c[3], ".", ""), c[4]
			if currencyNames[lang] == nil {
				currencyNames[lang] = map[string]map[string]string{}
			}
			if currencyNames[lang][noun] == nil {
				currencyNames[lang][noun] = map[string]string{}
			}
			if prev, ok := currencyNames[lang][noun][qual]; ok && prev != code && qual != "" {
				continue // two currencies of one name: keep the first
			}
			currencyNames[lang][noun][qual] = code
			allCodes[code] = true
			if n := len(strings.Fields(qual)); n > maxQualifier {
				maxQualifier = n
			}
		case "bare":
			if len(c) != 4 {
				bad()
			}
			lang, noun, code := c[1], c[2], c[3]
			if currencyNames[lang] == nil {
				currencyNames[lang] = map[string]map[string]string{}
			}
			if currencyNames[lang][noun] == nil {
				currencyNames[lang][noun] = map[string]string{}
			}
			if _, ok := currencyNames[lang][noun][""]; !ok {
				currencyNames[lang][noun][""] = code
			}
		case "plural":
			if len(c) != 4 {
				bad()
			}
			if currencyPlurals[c[1]] == nil {
				currencyPlurals[c[1]] = map[string]string{}
			}
			currencyPlurals[c[1]][c[3]] = c[2]
		default:
			bad()
		}
	}
	// "$" alone is the US dollar (CLDR English); the table must say so.
	if currencySymbols["$"] != "USD" || dollarPrefixes["hk"] != "HKD" || !currencyCodes["EUR"] {
		panic("data/currencies.tsv lacks $, HK$ or EUR")
	}
	if maxQualifier > 3 {
		maxQualifier = 3
	}
	// Every word a currency name may start with, per language, plural forms
	// included, to turn most words away at once.
	for lang, nouns := range currencyNames {
		m := map[string]bool{}
		for noun, quals := range nouns {
			for _, suf := range [...]string{"", "s", "es", "n"} {
				m[noun+suf] = true
			}
			for q := range quals {
				if q != "" {
					m[strings.Fields(q)[0]] = true
				}
			}
		}
		for pl := range currencyPlurals[lang] {
			m[pl] = true
		}
		currencyWordsAny[lang] = m
	}
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// currencyNoun returns the singular of a currency noun of lang and its
// qualifiers, or nil: "dollars" → "dollar", "dólares" → "dólar".
func currencyNoun(lang, w string) (string, map[string]string) {
	names := currencyNames[lang]
	if names == nil {
		return "", nil
	}
	if q, ok := names[w]; ok {
		return w, q
	}
	if s, ok := currencyPlurals[lang][w]; ok {
		return s, names[s]
	}
	for _, suf := range []string{"s", "es", "n"} {
		if s := strings.TrimSuffix(w, suf); s != w {
			if q, ok := names[s]; ok {
				return s, q
			}
		}
	}
	return "", nil
}

// isCurrency reports whether a Unit is money: a currency code, or a currency
// noun left unresolved ("pesos", "francs").
func isCurrency(u string) bool {
	if allCodes[u] {
		return true
	}
	for lang := range currencyNames {
		if _, q := currencyNoun(lang, u); q != nil {
			return true
		}
	}
	return false
}

// symbolEndingAt finds a currency symbol or code whose last token is k: "$",
// "HK$", "RM", "CHF", "E£", "S/". letters is true for symbols of letters
// only, which may also be words or names.
func (f *finder) symbolEndingAt(k int) (code string, start int, letters bool) {
	t := f.tok(k)
	if t.s < 0 || t.kind == kNum {
		return "", k, false
	}
	if last := f.text[t.s:t.e]; !moneySymLast[last] && !(len(last) == 3 && currencyCodes[last]) {
		return "", k, false
	}
	for m := 3; m >= 1; m-- {
		s := k - m + 1
		if s < f.floor || s < 0 {
			continue
		}
		joined := true
		for p := s + 1; p <= k; p++ {
			if !f.adjacent(p) {
				joined = false
				break
			}
		}
		if !joined || (f.adjacent(s) && f.tok(s-1).kind != kPunct) {
			continue // "MS-13": part of a longer word
		}
		raw := f.text[f.toks[s].s:t.e]
		if m == 1 && t.kind == kWord && len(raw) == 3 && currencyCodes[raw] {
			return raw, s, true
		}
		if cc, ok := moneySymbols[raw]; ok {
			return cc, s, isLetters(raw)
		}
	}
	return "", k, false
}

// amountLike reports whether the number at token i is written as an amount
// of money rather than a model number: with decimals or thousands
// separators, or a scale ("R18.40", "R1.2bn", "P5m").
func (f *finder) amountLike(i int) bool {
	t := f.tok(i)
	if strings.ContainsAny(t.low, ".,") || len(t.low) != t.e-t.s {
		return true
	}
	n := f.tok(i + 1)
	if n.kind != kWord {
		return false
	}
	if _, ok := attachedScale[f.text[n.s:n.e]]; ok && f.adjacent(i+1) {
		return true
	}
	_, ok := enScaleAfter[n.low]
	return ok
}

// symbolAfter reads a currency symbol written after the number ("500 zł",
// "100 Kč", "200 kr."); symbols of plain ASCII letters ("Ft", "Le") are
// left out there, where they are as likely to be words.
func (f *finder) symbolAfter(k int) (code string, end int) {
	t := f.tok(k)
	if t.s < 0 || t.kind == kNum || t.low == "$" {
		return "", k
	}
	for m := 3; m >= 1; m-- {
		e := k + m - 1
		if e >= len(f.toks) {
			continue
		}
		joined := true
		for p := k + 1; p <= e; p++ {
			if !f.adjacent(p) {
				joined = false
			}
		}
		if !joined || (f.adjacent(e+1) && f.toks[e+1].kind == kWord) {
			continue
		}
		raw := f.text[t.s:f.toks[e].e]
		if cc, ok := moneySymbols[raw]; ok && !asciiLetters(raw) && !strings.Contains(raw, "$") {
			return cc, e + 1
		}
	}
	return "", k
}

func asciiLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !asciiLetter(s[i]) {
			return false
		}
	}
	return true
}

// firstToken returns the first token of a symbol as written: "km" of "km/h".
func firstToken(sym string) string {
	toks := tokenize(sym, nil, false)
	if len(toks) == 0 {
		return sym
	}
	return sym[toks[0].s:toks[0].e]
}
