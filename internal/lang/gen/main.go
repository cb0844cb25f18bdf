// Command gen rebuilds the language layer's generated tables from offline
// data on a Debian machine: WordNet 3.0 (package wordnet-base) and CLDR
// (package unicode-cldr-core). Run it through `go generate ./internal/lang`.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/xml"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// WordNet lexicographer files used here (lexnames(5WN)).
var lexNames = map[int]string{
	4: "act", 6: "artifact", 10: "communication", 11: "event", 14: "group", 15: "location",
	17: "object", 18: "person", 26: "state", 28: "time",
}

const (
	verbCognition     = 31
	verbCommunication = 32
	frameThatClause   = 26 // "Somebody ----s that CLAUSE"
)

func main() {
	wn := flag.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 dict directory")
	cldr := flag.String("cldr", "/usr/share/unicode/cldr/common/main", "CLDR common/main directory")
	out := flag.String("o", "data", "output directory")
	flag.Parse()
	if err := speechVerbs(*wn, *out); err != nil {
		log.Fatal(err)
	}
	if err := irregularPast(*wn, *out); err != nil {
		log.Fatal(err)
	}
	if err := nounClasses(*wn, *out); err != nil {
		log.Fatal(err)
	}
	if err := pejoratives(*wn, *out); err != nil {
		log.Fatal(err)
	}
	if err := personNouns(*wn, *out); err != nil {
		log.Fatal(err)
	}
	if err := properAdjectives(*wn, *out); err != nil {
		log.Fatal(err)
	}
	if err := conceptAcronyms(*wn, *out); err != nil {
		log.Fatal(err)
	}
	if err := actSenses(*wn, *out); err != nil {
		log.Fatal(err)
	}
	if err := superlatives(*wn, *out); err != nil {
		log.Fatal(err)
	}
	if err := actAntonyms(*wn, *out); err != nil {
		log.Fatal(err)
	}
	if err := officeChangeVerbs(*wn, *out); err != nil {
		log.Fatal(err)
	}
	for _, l := range []string{"en", "es", "pt", "fr", "de", "it"} {
		if err := calendar(*cldr, l, *out); err != nil {
			log.Fatal(err)
		}
	}
	if err := placeNames(*cldr, "es", *out); err != nil {
		log.Fatal(err)
	}
}

const wnLicence = "# licence: WordNet 3.0 licence (Princeton University; free use, copy, modify, distribute with this notice), see LICENSE.wordnet"

type synset struct {
	offset  string
	lexfile int
	words   []string
	frames  map[int]bool
	ptrs    []string // "symbol offset"
	rawPtrs []string // "symbol offset pos source/target"
}

func readData(path string, verb bool) (map[string]*synset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]*synset{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, " ") {
			continue
		}
		data, _, _ := strings.Cut(line, "|")
		fs := strings.Fields(data)
		s := &synset{offset: fs[0], frames: map[int]bool{}}
		s.lexfile, _ = strconv.Atoi(fs[1])
		n, _ := strconv.ParseInt(fs[3], 16, 32)
		i := 4
		for k := 0; k < int(n); k++ {
			w := fs[i]
			if p := strings.IndexByte(w, '('); p > 0 { // adjective markers
				w = w[:p]
			}
			s.words = append(s.words, w)
			i += 2
		}
		pc, _ := strconv.Atoi(fs[i])
		i++
		for k := 0; k < pc; k++ {
			s.ptrs = append(s.ptrs, fs[i]+" "+fs[i+1])
			s.rawPtrs = append(s.rawPtrs, strings.Join(fs[i:i+4], " "))
			i += 4
		}
		if verb && i < len(fs) {
			fc, _ := strconv.Atoi(fs[i])
			i++
			for k := 0; k < fc; k++ {
				fr, _ := strconv.Atoi(fs[i+1])
				s.frames[fr] = true
				i += 3
			}
		}
		out[s.offset] = s
	}
	return out, sc.Err()
}

// speechVerbs: single-word verbs whose most frequent sense is in
// verb.communication; verbs with a verb.communication sense that takes a
// that-clause (frame 26) and is attested in SemCor (cntlist.rev); verbs whose
// most frequent sense is verb.cognition with a that-clause ("believe"). Less
// English's closed classes, which are never the verb of saying in a cue:
// auxiliaries, modals and the delexical verbs. Inflected forms are added
// (irregular ones from verb.exc).
func speechVerbs(wn, out string) error {
	syn, err := readData(filepath.Join(wn, "data.verb"), true)
	if err != nil {
		return err
	}
	attested := map[string]int{}
	cnt, err := os.ReadFile(filepath.Join(wn, "cntlist.rev"))
	if err != nil {
		return err
	}
	for _, line := range strings.Split(string(cnt), "\n") {
		f := strings.Fields(line)
		if len(f) != 3 {
			continue
		}
		lemma, key, _ := strings.Cut(f[0], "%")
		p := strings.Split(key, ":")
		n, _ := strconv.Atoi(f[2])
		if len(p) > 1 && p[0] == "2" && p[1] == strconv.Itoa(verbCommunication) {
			attested[lemma] += n
		}
	}
	idx, err := os.ReadFile(filepath.Join(wn, "index.verb"))
	if err != nil {
		return err
	}
	lemmas := map[string]bool{}
	for _, line := range strings.Split(string(idx), "\n") {
		if line == "" || strings.HasPrefix(line, " ") {
			continue
		}
		f := strings.Fields(line)
		lemma := f[0]
		n, _ := strconv.Atoi(f[2])
		if strings.ContainsAny(lemma, "_-.'") || closedClass[lemma] || n == 0 {
			continue
		}
		var senses []*synset
		for _, o := range f[len(f)-n:] {
			if s := syn[o]; s != nil {
				senses = append(senses, s)
			}
		}
		if len(senses) == 0 {
			continue
		}
		first := senses[0]
		ok := first.lexfile == verbCommunication ||
			first.lexfile == verbCognition && first.frames[frameThatClause]
		for _, s := range senses {
			if s.lexfile == verbCommunication && s.frames[frameThatClause] && attested[lemma] > 0 {
				ok = true
			}
		}
		if ok {
			lemmas[lemma] = true
		}
	}
	irregular := map[string][]string{}
	exc, err := os.ReadFile(filepath.Join(wn, "verb.exc"))
	if err != nil {
		return err
	}
	for _, line := range strings.Split(string(exc), "\n") {
		f := strings.Fields(line)
		if len(f) == 2 && lemmas[f[1]] {
			irregular[f[1]] = append(irregular[f[1]], f[0])
		}
	}
	forms := map[string]bool{}
	for l := range lemmas {
		for _, f := range inflect(l) {
			forms[f] = true
		}
		for _, f := range irregular[l] {
			forms[f] = true
		}
	}
	return writeList(filepath.Join(out, "en", "speech_verbs.txt"), []string{
		"# Verbs of saying, all inflected forms: WordNet 3.0 verbs whose most frequent sense is in verb.communication,",
		"# or that have a verb.communication sense with the that-clause frame (26) attested in SemCor (cntlist.rev),",
		"# or whose most frequent sense is verb.cognition with that frame; less auxiliaries, modals and delexical verbs.",
		"# source: WordNet 3.0 index.verb, data.verb, verb.exc, cntlist.rev; generated by internal/lang/gen",
		wnLicence,
	}, keys(forms))
}

// irregularPast writes the past forms of English verbs that do not end in
// -ed ("found", "shot", "struck"): verb.exc's forms less the present ones
// (-s, -es, -ing) and the forms of "be", "have" and "do" (auxiliaries).
func irregularPast(wn, out string) error {
	exc, err := os.ReadFile(filepath.Join(wn, "verb.exc"))
	if err != nil {
		return err
	}
	forms := map[string]bool{}
	for _, line := range strings.Split(string(exc), "\n") {
		f := strings.Fields(line)
		if len(f) != 2 || strings.Contains(f[0], "_") {
			continue
		}
		form, base := f[0], f[1]
		switch {
		case base == "be" || base == "have" || base == "do",
			strings.HasSuffix(form, "ing"), strings.HasSuffix(form, "ed"),
			strings.HasSuffix(form, "s") && (strings.HasPrefix(form, base) || strings.HasSuffix(base, "y") && strings.HasSuffix(form, "ies")):
			continue
		}
		forms[form] = true
	}
	return writeList(filepath.Join(out, "en", "irregular_past.txt"), []string{
		"# Irregular past tense and past participle forms of English verbs (those that do not end in -ed).",
		"# source: WordNet 3.0 verb.exc, less present forms and the forms of be/have/do; generated by internal/lang/gen",
		wnLicence,
	}, keys(forms))
}

// closedClass: English auxiliaries, modals and delexical ("light") verbs, a
// closed class of the grammar: "will" or "make" never carry a quotation.
var closedClass = map[string]bool{
	"be": true, "have": true, "do": true, "will": true, "shall": true, "may": true, "might": true, "can": true,
	"could": true, "would": true, "should": true, "must": true, "get": true, "make": true, "take": true,
	"give": true, "put": true, "set": true, "let": true, "go": true, "come": true, "keep": true, "hold": true,
	"see": true, "mean": true,
}

// inflect returns the lemma and its regular -s, -ed and -ing forms. It may
// produce forms that do not exist ("admited" beside "admitted"): the list is
// only ever used to recognise words, where a form nobody writes costs nothing.
func inflect(l string) []string {
	out := []string{l}
	n := len(l)
	last := l[n-1]
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	switch {
	case strings.HasSuffix(l, "s") || strings.HasSuffix(l, "x") || strings.HasSuffix(l, "z") ||
		strings.HasSuffix(l, "ch") || strings.HasSuffix(l, "sh") || strings.HasSuffix(l, "o"):
		out = append(out, l+"es")
	case last == 'y' && n > 1 && !vowel(l[n-2]):
		out = append(out, l[:n-1]+"ies")
	default:
		out = append(out, l+"s")
	}
	switch {
	case last == 'e':
		out = append(out, l+"d", l[:n-1]+"ing")
	case last == 'y' && n > 1 && !vowel(l[n-2]):
		out = append(out, l[:n-1]+"ied", l+"ing")
	default:
		out = append(out, l+"ed", l+"ing")
		if n > 2 && !vowel(last) && vowel(l[n-2]) && !vowel(l[n-3]) && strings.IndexByte("wxy", last) < 0 {
			out = append(out, l+string(last)+"ed", l+string(last)+"ing")
		}
	}
	return out
}

// nounClasses: for every noun lemma, the lexicographer classes of its senses
// (those of lexNames), most frequent sense first. Lower-case lemmas type the
// head of a name ("ministry" → group, "bridge" → artifact); capitalised ones
// are WordNet's own names ("Pentagon", "Mississippi").
func nounClasses(wn, out string) error {
	syn, err := readData(filepath.Join(wn, "data.noun"), false)
	if err != nil {
		return err
	}
	// index.noun lists senses by frequency (SemCor counts)
	f, err := os.Open(filepath.Join(wn, "index.noun"))
	if err != nil {
		return err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	caseOf := map[string]map[string]bool{} // lower lemma → surface forms in synsets
	for _, s := range syn {
		for _, w := range s.words {
			lw := strings.ToLower(w)
			if caseOf[lw] == nil {
				caseOf[lw] = map[string]bool{}
			}
			caseOf[lw][w] = true
		}
	}
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, " ") {
			continue
		}
		fs := strings.Fields(line)
		lemma := fs[0]
		sense, _ := strconv.Atoi(fs[2])
		offs := fs[len(fs)-sense:]
		var classes []string
		seen := map[string]bool{}
		upper := false
		for _, o := range offs {
			s := syn[o]
			if s == nil {
				continue
			}
			name, ok := lexNames[s.lexfile]
			if !ok {
				name = "other"
			}
			for _, w := range s.words {
				if strings.ToLower(w) == lemma && w != lemma {
					upper = true
				}
			}
			if !seen[name] {
				seen[name] = true
				classes = append(classes, name)
			}
		}
		if len(classes) == 0 || len(classes) == 1 && classes[0] == "other" {
			continue
		}
		surface := strings.ReplaceAll(lemma, "_", " ")
		// a lemma only ever written capitalised is a name
		if upper && !caseOf[lemma][lemma] {
			// Of several capitalisations ("ALGOL", "Algol") the one with
			// the fewest capitals, as prose writes a name; then the first
			// in order, so that the file is the same every run.
			best := ""
			for form := range caseOf[lemma] {
				if best == "" || capitals(form) < capitals(best) || capitals(form) == capitals(best) && form < best {
					best = form
				}
			}
			surface = strings.ReplaceAll(best, "_", " ")
		}
		if strings.ContainsAny(surface, "0123456789") {
			continue
		}
		lines = append(lines, surface+"\t"+strings.Join(classes, ","))
	}
	if err := sc.Err(); err != nil {
		return err
	}
	sort.Strings(lines)
	return writeGzip(filepath.Join(out, "en", "noun_classes.tsv.gz"), []string{
		"# Noun lemma <TAB> WordNet 3.0 lexicographer classes of its senses, most frequent sense first",
		"# (act, artifact, communication, event, group, location, object, person, state, time; other).",
		"# A capitalised lemma is a name WordNet knows (Pentagon, Mississippi).",
		"# source: WordNet 3.0 index.noun, data.noun; generated by internal/lang/gen",
		wnLicence,
	}, lines)
}

// pejoratives: lemmas of synsets that WordNet marks with the usage domains
// "disparagement" or "ethnic slur" (;u pointers): words that are themselves a
// judgement, which is what a loaded term is.
func pejoratives(wn, out string) error {
	var targets = map[string]bool{}
	nouns, err := readData(filepath.Join(wn, "data.noun"), false)
	if err != nil {
		return err
	}
	for off, s := range nouns {
		for _, w := range s.words {
			switch strings.ToLower(w) {
			case "disparagement", "ethnic_slur", "derogation":
				targets[off] = true
			}
		}
	}
	words := map[string]bool{}
	for _, file := range []string{"data.noun", "data.adj", "data.verb", "data.adv"} {
		syn, err := readData(filepath.Join(wn, file), file == "data.verb")
		if err != nil {
			return err
		}
		for _, s := range syn {
			for _, p := range s.ptrs {
				sym, off, _ := strings.Cut(p, " ")
				if sym == ";u" && targets[off] {
					for _, w := range s.words {
						if !strings.ContainsAny(w, "_") && strings.ToLower(w) == w {
							words[w] = true
						}
					}
				}
			}
		}
	}
	return writeList(filepath.Join(out, "en", "pejoratives.txt"), []string{
		"# Loaded terms: lemmas of WordNet 3.0 synsets whose usage domain is disparagement,",
		"# derogation or ethnic slur (;u pointers).",
		"# source: WordNet 3.0 data.*; generated by internal/lang/gen",
		wnLicence,
	}, keys(words))
}

// properAdjectives: the single-word adjectives WordNet writes with a
// capital ("Islamic", "Soviet", "Afghan"), lower-cased, each with the nouns
// it pertains to (its pertainym pointers: "Afghan" → Afghanistan): words of
// a people, a country, a faith or a movement that modify a noun rather than
// name a thing.
func properAdjectives(wn, out string) error {
	adj, err := readData(filepath.Join(wn, "data.adj"), false)
	if err != nil {
		return err
	}
	noun, err := readData(filepath.Join(wn, "data.noun"), false)
	if err != nil {
		return err
	}
	of := map[string]map[string]bool{}
	for _, s := range adj {
		for i, w := range s.words {
			if r := w[0]; r < 'A' || r > 'Z' || strings.Contains(w, "_") {
				continue
			}
			k := strings.ToLower(w)
			if of[k] == nil {
				of[k] = map[string]bool{}
			}
			for _, p := range s.rawPtrs {
				// "\ offset n SSTT": source word SS (0: the whole synset), target word TT
				f := strings.Fields(p)
				if len(f) != 4 || f[0] != "\\" || f[2] != "n" || len(f[3]) != 4 {
					continue
				}
				src, _ := strconv.ParseInt(f[3][:2], 16, 32)
				dst, _ := strconv.ParseInt(f[3][2:], 16, 32)
				t := noun[f[1]]
				if t == nil || src != 0 && int(src) != i+1 || int(dst) > len(t.words) {
					continue
				}
				if dst == 0 {
					dst = 1
				}
				of[k][strings.ReplaceAll(t.words[dst-1], "_", " ")] = true
			}
		}
	}
	var lines []string
	for _, k := range keys(boolKeys(of)) {
		lines = append(lines, k+"\t"+strings.Join(keys(of[k]), ","))
	}
	return writeList(filepath.Join(out, "en", "proper_adjectives.tsv"), []string{
		"# Adjectives written with a capital: single-word lemmas of WordNet 3.0 adjective synsets that",
		"# begin with an upper-case letter (\"Islamic\", \"Afghan\"), lower-cased, then the nouns they",
		"# pertain to (pertainym pointers, comma-separated; \"Afghanistan\").",
		"# source: WordNet 3.0 data.adj, data.noun; generated by internal/lang/gen",
		wnLicence,
	}, lines)
}

// conceptAcronyms: the nouns WordNet writes in capitals (three or more
// letters or digits) every sense of which is a measure, a condition or a
// time standard (noun.possession, noun.state, noun.time: "GDP", "AIDS",
// "UTC"), never a group, a place, a person or an instance of anything:
// acronyms that name no organisation.
func conceptAcronyms(wn, out string) error {
	syn, err := readData(filepath.Join(wn, "data.noun"), false)
	if err != nil {
		return err
	}
	const possession, state, time = 21, 26, 28
	ok := map[string]bool{}
	for _, s := range syn {
		concept := s.lexfile == possession || s.lexfile == state || s.lexfile == time
		for _, p := range s.ptrs {
			if strings.HasPrefix(p, "@i ") {
				concept = false
			}
		}
		for _, w := range s.words {
			if len(w) < 3 || strings.ToUpper(w) != w || strings.ToLower(w) == w || w[0] < 'A' || w[0] > 'Z' {
				continue
			}
			if v, seen := ok[w]; !seen || v {
				ok[w] = concept
			}
		}
	}
	var words []string
	for w, c := range ok {
		if c {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	return writeList(filepath.Join(out, "en", "concept_acronyms.txt"), []string{
		"# Acronyms that name no organisation: nouns WordNet 3.0 writes in capitals (three or more",
		"# characters) every sense of which is in noun.possession, noun.state or noun.time and is no",
		"# instance (\"GDP\", \"AIDS\", \"UTC\").",
		"# source: WordNet 3.0 data.noun; generated by internal/lang/gen",
		wnLicence,
	}, words)
}

func boolKeys[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// personNouns: every noun.person lemma with its synsets and their
// hypernyms up to four levels, so that titles can be compared: "judge" and
// "justice" share a synset, a "prosecutor" is a kind of "lawyer".
func personNouns(wn, out string) error {
	syn, err := readData(filepath.Join(wn, "data.noun"), false)
	if err != nil {
		return err
	}
	const person = 18
	hyper := func(off string) []string {
		var out []string
		frontier := []string{off}
		for depth := 0; depth < 4 && len(frontier) > 0; depth++ {
			var next []string
			for _, o := range frontier {
				s := syn[o]
				if s == nil {
					continue
				}
				for _, p := range s.ptrs {
					sym, target, _ := strings.Cut(p, " ")
					if sym == "@" || sym == "@i" {
						next = append(next, target)
					}
				}
			}
			out = append(out, next...)
			frontier = next
		}
		return out
	}
	own := map[string]map[string]bool{}
	up := map[string]map[string]bool{}
	for off, s := range syn {
		if s.lexfile != person {
			continue
		}
		h := hyper(off)
		for _, w := range s.words {
			w = strings.ToLower(strings.ReplaceAll(w, "_", " "))
			if own[w] == nil {
				own[w], up[w] = map[string]bool{}, map[string]bool{}
			}
			own[w][off] = true
			for _, x := range h {
				up[w][x] = true
			}
		}
	}
	var lines []string
	for w := range own {
		lines = append(lines, w+"\t"+strings.Join(keys(own[w]), ",")+"\t"+strings.Join(keys(up[w]), ","))
	}
	sort.Strings(lines)
	return writeGzip(filepath.Join(out, "en", "person_nouns.tsv.gz"), []string{
		"# noun.person lemma <TAB> its synsets <TAB> their hypernyms up to four levels (WordNet 3.0 offsets).",
		"# source: WordNet 3.0 data.noun; generated by internal/lang/gen",
		wnLicence,
	}, lines)
}

type ldml struct {
	Calendars []struct {
		Type   string `xml:"type,attr"`
		Months []struct {
			Contexts []struct {
				Type   string `xml:"type,attr"`
				Widths []struct {
					Type   string `xml:"type,attr"`
					Months []struct {
						Type string `xml:"type,attr"`
						Alt  string `xml:"alt,attr"`
						Name string `xml:",chardata"`
					} `xml:"month"`
				} `xml:"monthWidth"`
			} `xml:"monthContext"`
		} `xml:"months"`
		Days []struct {
			Contexts []struct {
				Type   string `xml:"type,attr"`
				Widths []struct {
					Type string `xml:"type,attr"`
					Days []struct {
						Type string `xml:"type,attr"`
						Name string `xml:",chardata"`
					} `xml:"day"`
				} `xml:"dayWidth"`
			} `xml:"dayContext"`
		} `xml:"days"`
	} `xml:"dates>calendars>calendar"`
}

// calendar writes month and weekday names, wide and abbreviated, from CLDR:
// "name<TAB>number" (months 1–12, weekdays 1 = Monday … 7 = Sunday).
func calendar(dir, l, out string) error {
	b, err := os.ReadFile(filepath.Join(dir, l+".xml"))
	if err != nil {
		return err
	}
	var doc ldml
	if err := xml.Unmarshal(b, &doc); err != nil {
		return fmt.Errorf("%s: %w", l, err)
	}
	months := map[string]int{}
	days := map[string]int{}
	dayNum := map[string]int{"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}
	add := func(m map[string]int, name string, n int) {
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" || n == 0 {
			return
		}
		m[name] = n
		if t := strings.TrimSuffix(name, "."); t != name && len([]rune(t)) >= 3 {
			m[t] = n
		}
	}
	for _, c := range doc.Calendars {
		if c.Type != "gregorian" {
			continue
		}
		for _, ms := range c.Months {
			for _, ctx := range ms.Contexts {
				for _, w := range ctx.Widths {
					if w.Type == "narrow" {
						continue
					}
					for _, m := range w.Months {
						n, _ := strconv.Atoi(m.Type)
						add(months, m.Name, n)
					}
				}
			}
		}
		for _, ds := range c.Days {
			for _, ctx := range ds.Contexts {
				for _, w := range ctx.Widths {
					if w.Type != "wide" && w.Type != "abbreviated" {
						continue
					}
					for _, d := range w.Days {
						add(days, d.Name, dayNum[d.Type])
					}
				}
			}
		}
	}
	hdr := func(what string) []string {
		return []string{
			"# " + what + " names, wide and abbreviated, lower case <TAB> number" + map[bool]string{true: " (1 = Monday)", false: ""}[what == "Weekday"],
			"# source: Unicode CLDR common/main/" + l + ".xml (Debian unicode-cldr-core); generated by internal/lang/gen",
			"# licence: Unicode-DFS-2016, see LICENSE.cldr",
		}
	}
	if err := writeList(filepath.Join(out, l, "months.tsv"), hdr("Month"), pairs(months)); err != nil {
		return err
	}
	return writeList(filepath.Join(out, l, "weekdays.tsv"), hdr("Weekday"), pairs(days))
}

func pairs(m map[string]int) []string {
	var out []string
	for k, v := range m {
		out = append(out, fmt.Sprintf("%s\t%d", k, v))
	}
	sort.Strings(out)
	return out
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func writeList(path string, header, lines []string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(strings.Join(append(header, lines...), "\n")+"\n"), 0o644)
}

func writeGzip(path string, header, lines []string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	zw.Write([]byte(strings.Join(append(header, lines...), "\n") + "\n"))
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// capitals counts the upper-case letters of w.
func capitals(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}
