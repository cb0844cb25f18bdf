//go:build ignore

// gen.go rebuilds places.tsv from Debian's iso-codes package (LGPL-2.1+):
// country names in English and their translations in a few languages,
// former countries, and first-level subdivisions, these also by their
// names in CLDR (Debian unicode-cldr-core) in English and Spanish. Run: go generate ./internal/analyze/gazetteer
package main

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"log"
	"os"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/internal/analyze/gazetteer"
	"github.com/parallaxnews/parallax/internal/lang"
)

const root = "/usr/share/iso-codes/json/"

// cldr holds CLDR's subdivision names (Debian unicode-cldr-core, Unicode-DFS-2016).
const cldr = "/usr/share/unicode/cldr/common/subdivisions/"

var langs = []string{"es", "pt", "fr", "de", "it"}

func main() {
	var countries struct {
		List []map[string]string `json:"3166-1"`
	}
	readJSON(root+"iso_3166-1.json", &countries)
	var subs struct {
		List []map[string]string `json:"3166-2"`
	}
	readJSON(root+"iso_3166-2.json", &subs)

	lines := map[string]string{} // line → "en" for an English country name
	add := func(name, code, kind string, english bool) {
		name = strings.TrimSpace(name)
		if name == "" || strings.ContainsAny(name, ",()\t") || len(name) < 3 {
			return
		}
		l := name + "\t" + code + "\t" + kind
		if english {
			lines[l] = "en"
		} else if _, ok := lines[l]; !ok {
			lines[l] = ""
		}
	}
	trans := map[string]map[string]string{}
	for _, l := range langs {
		trans[l] = readMO("/usr/share/locale/" + l + "/LC_MESSAGES/iso_3166-1.mo")
	}
	for _, c := range countries.List {
		code := c["alpha_2"]
		// the formal names in the order news writes them: "Republic of the
		// Congo", and "Congo, The Democratic Republic of the" turned round
		add(c["official_name"], code, "country", false)
		if head, tail, ok := strings.Cut(c["name"], ", "); ok {
			add(tail+" "+head, code, "country", false)
		}
		for _, k := range []string{"name", "common_name"} {
			n := c[k]
			if n == "" {
				continue // no common name: and the .mo file's header is the translation of ""
			}
			if i := strings.Index(n, ","); i > 0 {
				n = n[:i]
			}
			add(n, code, "country", true)
			for _, l := range langs {
				if t := trans[l][c[k]]; t != "" {
					if i := strings.Index(t, ","); i > 0 {
						t = t[:i]
					}
					add(t, code, "country", false)
				}
			}
		}
	}
	// former countries (ISO 3166-3: "Czechoslovakia", "USSR", "Zaire"),
	// which news and archives still name
	var former struct {
		List []map[string]string `json:"3166-3"`
	}
	readJSON(root+"iso_3166-3.json", &former)
	named := map[string]bool{}
	for l := range lines {
		named[l[:strings.IndexByte(l, '\t')]] = true
	}
	for _, c := range former.List {
		n := c["name"]
		if i := strings.Index(n, ","); i > 0 {
			n = n[:i]
		}
		if !named[n] { // "Burma", "Yemen": the country of today keeps its name
			add(n, c["alpha_2"], "region", false)
		}
	}
	keep := map[string]bool{"State": true, "Province": true, "Region": true, "Country": true, "County": true,
		"Department": true, "Autonomous community": true, "Federal district": true, "Capital district": true,
		"Governorate": true, "Prefecture": true, "Nation": true, "Territory": true, "Land": true, "Canton": true}
	kept := map[string]string{} // CLDR's subdivision code ("esna") → country
	for _, s := range subs.List {
		if !keep[s["type"]] {
			continue
		}
		if generic[s["name"]] {
			continue
		}
		add(s["name"], s["code"][:2], "region", false)
		kept[strings.ToLower(strings.ReplaceAll(s["code"], "-", ""))] = s["code"][:2]
	}
	// the same subdivisions by their names in English and in Spanish
	// ("West Java", "País Vasco", "Guipúzcoa"), from CLDR
	// A one-word name that is also an ordinary word ("Este", "Nil",
	// "Unity", "Gales") or the end of a country's name ("Zealand") is left
	// out: iso-codes' own names were checked by hand in generic, these not.
	// Debian hunspell-es: its lower-case stems are ordinary words; it
	// writes names capitalised ("Navarra"), wspanish lists them in lower case
	spanish := readWords("/usr/share/hunspell/es_ES.dic")
	ordinary := func(k string) bool {
		for _, w := range []string{k, strings.TrimSuffix(k, "s"), strings.TrimSuffix(k, "es")} {
			if _, ok := lang.NounClassesExact(w); ok || spanish[w] || lang.Stopword(w) {
				return true
			}
		}
		return false
	}
	tails := map[string]bool{}
	for l := range lines {
		f := strings.Fields(gazetteer.Key(l[:strings.IndexByte(l, '\t')]))
		for i := 1; i < len(f); i++ {
			tails[strings.Join(f[i:], " ")] = true
		}
	}
	// English and Spanish only: the other languages' names add more
	// clashes ("Unità", the Italian of South Sudan's Unity, is Angola's
	// UNITA) than names their articles use
	for _, l := range []string{"en", "es"} {
		for code, name := range readSubdivisions(cldr + l + ".xml") {
			country, ok := kept[code]
			k := gazetteer.Key(name)
			if !ok || generic[name] || tails[k] || !strings.Contains(k, " ") && ordinary(unitalic(k)) {
				continue
			}
			add(name, country, "region", false)
		}
	}
	var out []string
	for l, en := range lines {
		if en != "" {
			l += "\t" + en // the English name, which names the place in reports
		}
		out = append(out, l)
	}
	sort.Strings(out)
	f, err := os.Create("places.tsv")
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "# Generated by gen.go from Debian iso-codes (LGPL-2.1-or-later) and Unicode CLDR subdivision names (Unicode-DFS-2016, see internal/lang/data/LICENSE.cldr). Do not edit.")
	for _, l := range out {
		fmt.Fprintln(w, l)
	}
	w.Flush()
	f.Close()
}

// generic subdivision names that are ordinary words in running text.
var generic = map[string]bool{"Central": true, "Centre": true, "Centro": true, "Coast": true, "East": true,
	"Eastern": true, "Gulf": true, "Lakes": true, "Norte": true, "North": true, "Northern": true, "Plateau": true,
	"Rivers": true, "South": true, "Southern": true, "West": true, "Western": true, "Bay": true, "Delta": true,
	"Savannah": true, "Capital": true, "Sud": true, "Nord": true, "Est": true, "Ouest": true, "Oriente": true,
	"Occidente": true, "Upper": true, "Lower": true, "Island": true, "Islands": true, "Security": true,
	"Independence": true, "Liberty": true, "Peace": true, "Union": true, "Amazonas": false}

func readJSON(path string, v any) {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		log.Fatal(err)
	}
}

// readSubdivisions reads a CLDR subdivisions file: code ("esna") → name,
// less CLDR's footnote marks ("Navarra²").
func readSubdivisions(path string) map[string]string {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	var doc struct {
		Names []struct {
			Type string `xml:"type,attr"`
			Name string `xml:",chardata"`
		} `xml:"localeDisplayNames>subdivisions>subdivision"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		log.Fatal(err)
	}
	m := map[string]string{}
	for _, n := range doc.Names {
		m[n.Type] = strings.TrimRight(n.Name, "¹²³⁴⁵⁶⁷⁸⁹⁰")
	}
	return m
}

// unitalic drops the grave accents that Key keeps as letters: "unità".
func unitalic(k string) string {
	return strings.NewReplacer("à", "a", "è", "e", "ì", "i", "ò", "o", "ù", "u").Replace(k)
}

// readWords reads a word list, one a line, lower-case words only, folded.
// Its first line, hunspell's count, is no word.
func readWords(path string) map[string]bool {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	m := map[string]bool{}
	for _, w := range strings.Split(string(b), "\n") {
		w, _, _ = strings.Cut(w, "/") // a hunspell stem's affix flags
		if w != "" && w == strings.ToLower(w) {
			m[gazetteer.Key(w)] = true
		}
	}
	return m
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
