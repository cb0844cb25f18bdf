//go:build ignore

// gen.go rebuilds data/currencies.tsv, the currencies the finder reads:
//
//   - ISO 4217 codes and English names from Debian iso-codes
//     (/usr/share/iso-codes, LGPL-2.1-or-later), Spanish names from its
//     gettext catalogue;
//   - currency symbols from CLDR through golang.org/x/text/currency (Unicode
//     License): the English symbol of every currency, the symbol each
//     territory's own locale uses for its currency, and the English narrow
//     symbol; a symbol that two currencies share at the same level is left
//     out ("kr", "Rs"), one level wins over the next ("$" is USD in English
//     although es-MX writes it for MXN);
//   - data/currency_news.tsv: news-style forms with their sources, which win
//     over CLDR ("C$" is CAD in news copy, NIO in CLDR).
//
// Codes that are common English words are left out, so that a capitalised
// headline word before a number is not read as money ("TOP 10", "ALL 3"): a
// word is common when WordNet 3.0 (Debian wordnet-base) writes it in lower
// case and its senses were tagged at least once in the SemCor counts of
// cntlist.rev, and no sense is a monetary unit. That drops ALL, COP, CUP,
// MAD, MOP, PEN, RUB, TOP and TRY and keeps CAD, GEL or BAM.
//
// Run: go generate ./internal/quantity
package main

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/parallaxnews/parallax/internal/lang"
)

const isoRoot = "/usr/share/iso-codes/json/"

// ISO 4217 entries that are funds, precious metals or test codes, not
// currencies a news text prices things in.
var notMoney = map[string]bool{"BOV": true, "CHE": true, "CHW": true, "CLF": true, "COU": true,
	"MXV": true, "USN": true, "UYI": true, "UYW": true, "XAG": true, "XAU": true, "XBA": true,
	"XBB": true, "XBC": true, "XBD": true, "XDR": true, "XPD": true, "XPT": true, "XSU": true,
	"XTS": true, "XUA": true, "XXX": true, "VED": true, "SLE": true}

func main() {
	var iso struct {
		List []map[string]string `json:"4217"`
	}
	readJSON(isoRoot+"iso_4217.json", &iso)
	// Translations of the ISO names: Spanish, Portuguese and French put the
	// noun first ("dólar de Hong Kong"), German last ("Hongkong-Dollar").
	trans := map[string]map[string]string{}
	for _, l := range []string{"es", "pt", "fr", "de"} {
		trans[l] = readMO("/usr/share/locale/" + l + "/LC_MESSAGES/iso_4217.mo")
	}
	words := wordnetWords("/usr/share/wordnet/")
	counts := semcorCounts("/usr/share/wordnet/cntlist.rev")
	common := map[string]bool{} // lemmas with a sense other than money tagged in SemCor
	for w, n := range counts {
		if n > 0 {
			common[w] = true
		}
	}

	var rows []string
	add := func(cols ...string) { rows = append(rows, strings.Join(cols, "\t")) }
	codes := map[string]bool{}
	for _, c := range iso.List {
		code, name := c["alpha_3"], c["name"]
		if notMoney[code] {
			continue
		}
		codes[code] = true
		if money, ok := words[strings.ToLower(code)]; !ok || money || counts[strings.ToLower(code)] == 0 {
			add("code", code)
		}
		if n, q, ok := splitEN(name); ok {
			add("name", "en", n, q, code)
		}
		for _, l := range []string{"es", "pt", "fr"} {
			if t := trans[l][name]; t != "" {
				if n, q, ok := splitES(t); ok {
					add("name", l, n, q, code)
				}
			}
		}
		if t := trans["de"][name]; t != "" {
			if n, q, ok := splitEN(strings.ReplaceAll(t, "-", " ")); ok {
				add("name", "de", n, q, code)
			}
		}
	}

	// Symbols by level: 0 English symbol, 1 own territory's locale, 2 English narrow.
	type cand struct{ codes map[string]bool }
	levels := [3]map[string]map[string]bool{{}, {}, {}}
	note := func(level int, sym, code string) {
		sym = strings.TrimSpace(sym)
		if sym == "" || sym == code || strings.ContainsAny(sym, " \t0123456789") || !visible(sym) {
			return
		}
		if levels[level][sym] == nil {
			levels[level][sym] = map[string]bool{}
		}
		levels[level][sym][code] = true
	}
	en := message.NewPrinter(language.English)
	for code := range codes {
		u, err := currency.ParseISO(code)
		if err != nil {
			continue
		}
		note(0, en.Sprint(currency.Symbol(u)), code)
		note(2, en.Sprint(currency.NarrowSymbol(u)), code)
	}
	var regions struct {
		List []map[string]string `json:"3166-1"`
	}
	readJSON(isoRoot+"iso_3166-1.json", &regions)
	for _, r := range regions.List {
		reg, err := language.ParseRegion(r["alpha_2"])
		if err != nil {
			continue
		}
		u, ok := currency.FromRegion(reg)
		if !ok || !codes[u.String()] {
			continue
		}
		base, _ := language.Make("und-" + reg.String()).Base()
		tag, err := language.Parse(base.String() + "-" + reg.String())
		if err != nil {
			continue
		}
		note(1, message.NewPrinter(tag).Sprint(currency.Symbol(u)), u.String())
	}
	news := readNews("data/currency_news.tsv")
	symbols := map[string]string{}
	for l := 2; l >= 0; l-- {
		for sym, cs := range levels[l] {
			if len(cs) == 1 {
				for c := range cs {
					symbols[sym] = fmt.Sprintf("%s\tcldr level %d", c, l)
				}
			} else {
				delete(symbols, sym) // shared at a higher level: ambiguous
			}
		}
	}
	for _, r := range news {
		switch r[0] {
		case "symbol":
			symbols[r[2]] = r[3] + "\t" + r[4]
		case "name": // form is "noun" or "noun|qualifier"
			noun, qual, _ := strings.Cut(r[2], "|")
			add("name", r[1], noun, qual, r[3])
		case "plural":
			add("plural", r[1], r[2], r[3])
		case "spaced": // a letter symbol also written apart from the number
			add("spaced", r[2], r[3])
		}
	}
	for sym, v := range symbols {
		add("symbol", sym, v)
	}
	// A currency noun alone names its currency when one currency has it and
	// it is no common English word: "ringgit", "won", "rand" alone are money,
	// "mark" and "real" are not ("the 1,000 mark").
	owners := map[string]map[string]bool{}
	for _, r := range rows {
		c := strings.Split(r, "\t")
		if c[0] == "name" && c[1] == "en" {
			if owners[c[2]] == nil {
				owners[c[2]] = map[string]bool{}
			}
			owners[c[2]][c[4]] = true
		}
	}
	for noun, codes := range owners {
		money, known := words[noun]
		if len(codes) == 1 && (!known || money && counts[noun] == 0 || money && !common[noun]) {
			for code := range codes {
				add("bare", "en", noun, code)
			}
		}
	}
	sort.Strings(rows)
	out, err := os.Create("data/currencies.tsv")
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(out)
	fmt.Fprintln(w, "# Generated by gen.go from Debian iso-codes 4.x (ISO 4217 codes and names; LGPL-2.1-or-later),")
	fmt.Fprintln(w, "# CLDR symbols via golang.org/x/text/currency (Unicode License) and data/currency_news.tsv (CC0). Do not edit.")
	fmt.Fprintln(w, "# code CODE | symbol FORM CODE SOURCE | name LANG NOUN QUALIFIER CODE | plural LANG SINGULAR PLURAL | spaced FORM CODE | bare LANG NOUN CODE")
	for _, r := range rows {
		fmt.Fprintln(w, r)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := out.Close(); err != nil {
		log.Fatal(err)
	}
}

// splitEN splits an English ISO name into its noun and qualifier: "Hong
// Kong Dollar" → "dollar", "hong kong". Names that put the noun first
// ("Pound Sterling", "Peso Uruguayo") or are not plain names are skipped.
func splitEN(name string) (noun, qual string, ok bool) {
	if strings.ContainsAny(name, "()") {
		return "", "", false
	}
	raw := strings.Fields(name)
	if len(raw) == 0 || len(raw) > 4 || strings.ToUpper(raw[len(raw)-1]) == raw[len(raw)-1] {
		return "", "", false // "CFA Franc BCEAO": no noun last
	}
	ws := strings.Fields(strings.ToLower(strings.ReplaceAll(name, "’", "'")))
	if nounFirst.Has(ws[0]) && len(ws) > 1 {
		return "", "", false
	}
	q := ws[:len(ws)-1]
	for len(q) > 0 && newWords[q[0]] {
		q = q[1:] // "New Taiwan Dollar" is a Taiwan dollar
	}
	return ws[len(ws)-1], strings.Join(q, " "), true
}

// newWords are the adjectives "new" that some ISO names carry before the
// noun or the country ("New Taiwan Dollar", "nuevo sol"); text leaves them out.
var newWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range lang.Words("new_adjectives", "en", "es", "pt", "fr", "de").Entries() {
		m[w] = true
	}
	return m
}()

// nounFirst are the currency nouns ISO's English names write first ("Peso
// Uruguayo", "Rial Omani").
var nounFirst = lang.Words("iso_noun_first_currencies", "en")

// splitES splits a Spanish name, noun first: "dólar de Hong Kong" → "dólar",
// "de hong kong".
func splitES(name string) (noun, qual string, ok bool) {
	if strings.ContainsAny(name, "()") {
		return "", "", false
	}
	ws := strings.Fields(strings.ToLower(name))
	if len(ws) > 1 && newWords[ws[0]] {
		ws = ws[1:] // "nuevo sol" is a sol
	}
	if len(ws) == 0 || len(ws) > 5 {
		return "", "", false
	}
	return ws[0], strings.Join(ws[1:], " "), true
}

// wordnetWords maps every word WordNet writes in lower case ("top", "try",
// "mop", not the acronyms "INR" or "NAD") to whether one of its senses is a
// monetary unit.
func wordnetWords(dir string) map[string]bool {
	out := map[string]bool{}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		f, err := os.Open(dir + "data." + pos)
		if err != nil {
			log.Fatalf("WordNet (Debian wordnet-base) is needed: %v", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<16), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, " ") {
				continue
			}
			fs := strings.Fields(line)
			if len(fs) < 5 {
				continue
			}
			var n int
			fmt.Sscanf(fs[3], "%x", &n)
			money := strings.Contains(line, "monetary unit") || strings.Contains(line, "unit of money") || strings.Contains(line, "currency")
			for k := 0; k < n && 4+2*k < len(fs); k++ {
				w := fs[4+2*k]
				if w != strings.ToLower(w) {
					continue
				}
				out[w] = out[w] || money
			}
		}
		f.Close()
	}
	return out
}

// semcorCounts sums the SemCor tag counts of every lemma in cntlist.rev.
func semcorCounts(path string) map[string]int {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatalf("WordNet (Debian wordnet-base) is needed: %v", err)
	}
	out := map[string]int{}
	for _, line := range strings.Split(string(b), "\n") {
		fs := strings.Fields(line)
		if len(fs) != 3 {
			continue
		}
		lemma, _, _ := strings.Cut(fs[0], "%")
		var n int
		fmt.Sscan(fs[2], &n)
		out[lemma] += n
	}
	return out
}

// visible reports whether a symbol has a letter or a currency sign, not only
// marks or invisible characters.
func visible(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.Is(unicode.Sc, r) {
			return true
		}
	}
	return false
}

func readNews(path string) [][]string {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	var out [][]string
	for i, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 5 {
			log.Fatalf("%s:%d: %d columns, want 5", path, i+1, len(cols))
		}
		out = append(out, cols)
	}
	return out
}

func readJSON(path string, v any) {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		log.Fatal(err)
	}
}

// readMO reads a GNU gettext catalogue: msgid → msgstr.
func readMO(path string) map[string]string {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if bo.Uint32(b) != 0x950412de {
		bo = binary.BigEndian
	}
	n := int(bo.Uint32(b[8:]))
	orig, tr := int(bo.Uint32(b[12:])), int(bo.Uint32(b[16:]))
	m := map[string]string{}
	str := func(table, i int) string {
		l := int(bo.Uint32(b[table+8*i:]))
		off := int(bo.Uint32(b[table+8*i+4:]))
		return string(b[off : off+l])
	}
	for i := 0; i < n; i++ {
		m[str(orig, i)] = str(tr, i)
	}
	return m
}
