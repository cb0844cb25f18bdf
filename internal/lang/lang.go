// Package lang is Parallax's one language layer: the word lists, calendar
// names and lexical classes every analyser reads, kept as embedded data files
// per language, each with its source and licence in its header. No other
// package keeps a word list of its own.
//
// Files live in data/<language>/<name>.<ext>: ".txt" holds one entry a line
// (an entry may be a phrase of several words), ".tsv" holds "entry<TAB>value".
// Lines starting with "#" are comments; every file starts with a "# source:"
// and a "# licence:" line (a test checks). Generated tables are rebuilt with
// `go generate ./internal/lang` from Debian's wordnet-base and
// unicode-cldr-core.
package lang

//go:generate go run ./gen -o data

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed data
var data embed.FS

// Languages lists the languages that have data, English first.
var Languages = []string{"en", "es", "pt", "fr", "de", "it"}

// Set is a set of lower-case entries; an entry may be a phrase.
type Set struct {
	words map[string]bool
	// first maps a phrase's first word to the phrases it starts, longest first.
	first map[string][][]string
}

// Has reports whether w (already lower case) is a one-word entry.
func (s *Set) Has(w string) bool { return s != nil && s.words[w] }

// Len is the number of entries.
func (s *Set) Len() int {
	if s == nil {
		return 0
	}
	return len(s.words)
}

// Match returns how many of words (lower case) the longest entry starting at
// words[0] covers, or 0.
func (s *Set) Match(words []string) int {
	if s == nil || len(words) == 0 {
		return 0
	}
	for _, p := range s.first[words[0]] { // longest first
		if len(p) > len(words) {
			continue
		}
		ok := true
		for k := 1; k < len(p); k++ {
			if words[k] != p[k] {
				ok = false
				break
			}
		}
		if ok {
			return len(p)
		}
	}
	if s.words[words[0]] {
		return 1
	}
	return 0
}

// Starts reports whether some entry begins with word w: a cheap test before Match.
func (s *Set) Starts(w string) bool {
	if s == nil {
		return false
	}
	return s.words[w] || len(s.first[w]) > 0
}

// Union returns a set holding the entries of every set in sets, so that one
// lookup answers for several lists: Union(a, b).Has(w) is a.Has(w) ||
// b.Has(w), and the same for Starts and Match.
func Union(sets ...*Set) *Set {
	u := &Set{words: map[string]bool{}, first: map[string][][]string{}}
	for _, s := range sets {
		if s == nil {
			continue
		}
		for w := range s.words {
			u.words[w] = true
		}
		for f, ps := range s.first {
			u.first[f] = append(u.first[f], ps...)
		}
	}
	for _, ps := range u.first {
		sort.SliceStable(ps, func(a, b int) bool { return len(ps[a]) > len(ps[b]) })
	}
	return u
}

// MaxWords is the length in words of the longest entry.
func (s *Set) MaxWords() int {
	n := 1
	for _, ps := range s.first {
		if len(ps) > 0 && len(ps[0]) > n {
			n = len(ps[0])
		}
	}
	return n
}

// Entries returns the entries, sorted.
func (s *Set) Entries() []string {
	out := make([]string, 0, len(s.words))
	for w := range s.words {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

func (s *Set) add(entry string) {
	entry = strings.ToLower(strings.TrimSpace(entry))
	if entry == "" {
		return
	}
	s.words[entry] = true
	f := strings.Fields(entry)
	if len(f) > 1 {
		s.first[f[0]] = append(s.first[f[0]], f)
		sort.SliceStable(s.first[f[0]], func(a, b int) bool { return len(s.first[f[0]][a]) > len(s.first[f[0]][b]) })
	}
}

var (
	mu    sync.Mutex
	cache = map[string]*Set{}
)

// Words returns the union of list name over langs (all languages when none is
// given). It panics when no language has the list: names are constants in
// code, and a test loads every one.
func Words(name string, langs ...string) *Set {
	key := name + "|" + strings.Join(langs, ",")
	mu.Lock()
	defer mu.Unlock()
	if s, ok := cache[key]; ok {
		return s
	}
	if len(langs) == 0 {
		langs = Languages
	}
	s := &Set{words: map[string]bool{}, first: map[string][][]string{}}
	found := false
	for _, l := range langs {
		lines, err := readLines(path.Join("data", l, name+".txt"))
		if err != nil {
			continue
		}
		found = true
		for _, line := range lines {
			s.add(line)
		}
	}
	if !found {
		panic(fmt.Sprintf("lang: no language has the list %q", name))
	}
	cache[key] = s
	return s
}

// readLines returns the entry lines of an embedded file (gzip when it ends
// in .gz), comments and blank lines dropped.
func readLines(name string) ([]string, error) {
	b, err := data.ReadFile(name)
	if err != nil {
		b, err = data.ReadFile(name + ".gz")
		if err != nil {
			return nil, err
		}
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("lang: %s: %w", name, err)
		}
		if b, err = io.ReadAll(zr); err != nil {
			return nil, fmt.Errorf("lang: %s: %w", name, err)
		}
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out, sc.Err()
}

// table reads a .tsv file of "entry<TAB>int" lines.
func table(name string) map[string]int {
	lines, err := readLines(name)
	if err != nil {
		return nil
	}
	m := make(map[string]int, len(lines))
	for _, line := range lines {
		k, v, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			continue
		}
		m[k] = n
	}
	return m
}

// Values returns the word → number table name of language l
// (data/l/name.tsv, "entry<TAB>number" lines; keys are kept as written). It
// panics when the file is missing or a value is no number: names are
// constants in code, and a test loads every table. Callers keep the map in a
// package variable; it must not be changed.
func Values(name, l string) map[string]float64 {
	return cachedTable(valCache, name, l, func(v string) (float64, error) {
		return strconv.ParseFloat(strings.TrimSpace(v), 64)
	})
}

// Pairs returns the word → word table name of language l
// (data/l/name.tsv, "entry<TAB>value" lines, both kept as written). It
// panics when the file is missing, like Values. The map must not be changed.
func Pairs(name, l string) map[string]string {
	return cachedTable(pairCache, name, l, func(v string) (string, error) { return v, nil })
}

var (
	valMu     sync.Mutex
	valCache  = map[string]map[string]float64{}
	pairCache = map[string]map[string]string{}
)

// cachedTable reads data/l/name.tsv once into cache, parsing each value.
func cachedTable[T any](cache map[string]map[string]T, name, l string, parse func(string) (T, error)) map[string]T {
	key := l + "/" + name
	valMu.Lock()
	defer valMu.Unlock()
	if m, ok := cache[key]; ok {
		return m
	}
	lines, err := readLines(path.Join("data", l, name+".tsv"))
	if err != nil {
		panic(fmt.Sprintf("lang: no table %s: %v", key, err))
	}
	m := make(map[string]T, len(lines))
	for _, line := range lines {
		k, v, ok := strings.Cut(line, "\t")
		x, err := parse(v)
		if !ok || err != nil {
			panic(fmt.Sprintf("lang: %s: bad line %q", key, line))
		}
		m[k] = x
	}
	cache[key] = m
	return m
}

// HasList reports whether language l has the list or table name, for the
// lists only some languages need.
func HasList(name, l string) bool {
	for _, ext := range []string{".txt", ".tsv", ".txt.gz", ".tsv.gz"} {
		if _, err := fs.Stat(data, path.Join("data", l, name+ext)); err == nil {
			return true
		}
	}
	return false
}

var calOnce sync.Once
var months, weekdays map[string]map[string]int // lang → name → number

func loadCalendar() {
	months, weekdays = map[string]map[string]int{}, map[string]map[string]int{}
	// every language with a calendar, also those outside Languages that
	// only some readers use (Hungarian, Dutch); Month("", w) still
	// searches Languages only
	dirs, _ := fs.ReadDir(data, "data")
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		l := d.Name()
		months[l] = table(path.Join("data", l, "months.tsv"))
		weekdays[l] = table(path.Join("data", l, "weekdays.tsv"))
		// (an extra table adds to a calendar, never stands alone)
		for k, v := range table(path.Join("data", l, "months_extra.tsv")) {
			if months[l] != nil {
				months[l][k] = v
			}
		}
		for k, v := range table(path.Join("data", l, "weekdays_extra.tsv")) {
			if weekdays[l] != nil {
				weekdays[l][k] = v
			}
		}
	}
}

// Month returns the month (1–12) that w (lower case, without a final dot)
// names in language l, or in any language when l is "".
func Month(l, w string) (int, bool) { return calendarLookup(&months, l, w) }

// Weekday returns the weekday (1 = Monday … 7 = Sunday) that w names.
func Weekday(l, w string) (int, bool) { return calendarLookup(&weekdays, l, w) }

func calendarLookup(m *map[string]map[string]int, l, w string) (int, bool) {
	calOnce.Do(loadCalendar)
	if l != "" {
		n, ok := (*m)[l][w]
		return n, ok
	}
	for _, l := range Languages {
		if n, ok := (*m)[l][w]; ok {
			return n, true
		}
	}
	return 0, false
}

// CalendarNames returns every month (or weekday) name of language l with its number.
func CalendarNames(l string, weekday bool) map[string]int {
	calOnce.Do(loadCalendar)
	if weekday {
		return weekdays[l]
	}
	return months[l]
}

// MonthNames returns the twelve full month names of language l, January
// first: CLDR's wide forms, told from the abbreviations beside them in the
// calendar table as the names no other name of their month extends and
// that take no dot ("may" is both).
func MonthNames(l string) [12]string {
	var out [12]string
	fullNames(CalendarNames(l, false), out[:])
	return out
}

// WeekdayNames returns the seven full weekday names of language l, Monday
// first, told from the abbreviations as MonthNames does ("tuesday", not
// "tue" or "tues"; Portuguese "terça-feira").
func WeekdayNames(l string) [7]string {
	var out [7]string
	fullNames(CalendarNames(l, true), out[:])
	return out
}

// fullNames fills out[n-1] with the longest name of number n that no other
// name of n extends and that takes no dot.
func fullNames(names map[string]int, out []string) {
	for w, n := range names {
		if n < 1 || n > len(out) || strings.HasSuffix(w, ".") {
			continue
		}
		full := true
		for o, m := range names {
			if m == n && o != w && strings.HasPrefix(o, w) {
				full = false
				break
			}
		}
		if full && len(w) > len(out[n-1]) {
			out[n-1] = w
		}
	}
}

// RegionalMonths returns the month names (name → number) of language l's
// regional varieties that CLDR keeps apart from the language's own file
// ("setiembre", "jänner"), from months_regional.tsv; nil when l has none.
func RegionalMonths(l string) map[string]int {
	return table(path.Join("data", l, "months_regional.tsv"))
}

// MonthAbbreviations returns language l's month names that are no full
// name (MonthNames) and take no dot: CLDR's abbreviations ("jan", "sept").
func MonthAbbreviations(l string) map[string]int {
	full := map[string]bool{}
	for _, w := range MonthNames(l) {
		full[w] = true
	}
	out := map[string]int{}
	for w, n := range CalendarNames(l, false) {
		if !full[w] && !strings.HasSuffix(w, ".") {
			out[w] = n
		}
	}
	return out
}

// Noun classes: WordNet lexicographer classes of a noun's senses.
const (
	ClassPerson   = "person"
	ClassGroup    = "group"
	ClassLocation = "location"
	ClassArtifact = "artifact"
	ClassEvent    = "event"
	ClassAct      = "act"
	ClassComm     = "communication"
	ClassObject   = "object"
	ClassTime     = "time"
)

var nounOnce sync.Once
var nouns map[string][]string

// NounClasses returns the WordNet classes of English noun w's senses, most
// frequent first: "ministry" → [group artifact act]. A capitalised w asks for
// a name WordNet knows ("Pentagon"); a lower-case w for a common noun, whose
// plural is reduced to its singular by the regular rules.
func NounClasses(w string) []string {
	nounOnce.Do(func() {
		lines, err := readLines("data/en/noun_classes.tsv")
		if err != nil {
			panic(err)
		}
		nouns = make(map[string][]string, len(lines))
		for _, line := range lines {
			k, v, _ := strings.Cut(line, "\t")
			nouns[k] = strings.Split(v, ",")
		}
	})
	if c, ok := nouns[w]; ok {
		return c
	}
	if strings.ToLower(w) != w {
		return nil
	}
	for _, sfx := range [][2]string{{"ies", "y"}, {"es", ""}, {"s", ""}} {
		if strings.HasSuffix(w, sfx[0]) && len(w) > len(sfx[0])+2 {
			if c, ok := nouns[strings.TrimSuffix(w, sfx[0])+sfx[1]]; ok {
				return c
			}
		}
	}
	return nil
}

// NounClassesExact returns the classes of w as listed, without reducing a
// plural; ok is false when WordNet lists w itself nowhere ("ferries" is
// known only as the plural of "ferry").
func NounClassesExact(w string) ([]string, bool) {
	NounClasses(w) // loads the table
	c, ok := nouns[w]
	return c, ok
}

// HasClass reports whether noun w has a sense of class c.
func HasClass(w, c string) bool {
	for _, x := range NounClasses(w) {
		if x == c {
			return true
		}
	}
	return false
}

// files lists every embedded data file, for the provenance test.
func files() ([]string, error) {
	var out []string
	err := fs.WalkDir(data, "data", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return err
	})
	return out, err
}

// once builds a table on first use.
type once[T any] struct {
	o    sync.Once
	make func() T
	v    T
}

func newOnce[T any](f func() T) *once[T] { return &once[T]{make: f} }

func (o *once[T]) get() T {
	o.o.Do(func() { o.v = o.make() })
	return o.v
}

type personNoun struct{ own, up map[string]bool }

var personOnce = newOnce(func() map[string]personNoun {
	lines, err := readLines("data/en/person_nouns.tsv")
	if err != nil {
		panic(err)
	}
	m := make(map[string]personNoun, len(lines))
	set := func(s string) map[string]bool {
		out := map[string]bool{}
		for _, x := range strings.Split(s, ",") {
			if x != "" {
				out[x] = true
			}
		}
		return out
	}
	for _, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) == 3 {
			m[f[0]] = personNoun{set(f[1]), set(f[2])}
		}
	}
	return m
})

// personNounOf gathers the senses of a title as a whole ("attorney
// general") and of its last word ("Chief Deputy City Attorney" →
// "attorney"): news writes "Chief Executive" for a CEO, which WordNet files
// under heads of state, and the last word keeps the business sense.
func personNounOf(title string) (personNoun, bool) {
	t := ExpandTitle(strings.ToLower(strings.TrimSpace(title)))
	m := personOnce.get()
	out := personNoun{own: map[string]bool{}, up: map[string]bool{}}
	found := false
	add := func(p personNoun) {
		for x := range p.own {
			out.own[x] = true
		}
		for x := range p.up {
			out.up[x] = true
		}
		found = true
	}
	if p, ok := m[t]; ok {
		add(p)
	}
	if f := strings.Fields(t); len(f) > 1 {
		if p, ok := m[strings.Trim(f[len(f)-1], ".,")]; ok {
			add(p)
		}
	}
	return out, found
}

var titleAbbrevOnce = newOnce(func() map[string]string {
	m := map[string]string{}
	for _, l := range Languages {
		lines, err := readLines("data/" + l + "/title_abbreviations.tsv")
		if err != nil {
			continue
		}
		for _, line := range lines {
			if a, full, ok := strings.Cut(line, "\t"); ok {
				m[a] = full
			}
		}
	}
	return m
})

// ExpandTitle spells out the abbreviated words of a lower-case title
// ("lt. gov" → "lieutenant governor"); other words are kept.
func ExpandTitle(t string) string {
	m := titleAbbrevOnce.get()
	f := strings.Fields(t)
	for i, w := range f {
		if full, ok := m[strings.TrimSuffix(w, ".")]; ok {
			f[i] = full
		}
	}
	return strings.Join(f, " ")
}

// IsOffice reports whether an English title ("acting director", "lt. gov")
// names a kind of person WordNet knows, by itself or by its last word.
func IsOffice(t string) bool {
	_, ok := personNounOf(t)
	return ok
}

// SameOffice reports whether two English titles can name one office: they
// share a WordNet sense ("judge", "justice"; "CEO", "chief executive
// officer"), or one is a kind of the other ("prosecutor" is a "lawyer").
// Unknown titles are not the same office.
func SameOffice(a, b string) bool {
	pa, oka := personNounOf(a)
	pb, okb := personNounOf(b)
	if !oka || !okb {
		return false
	}
	for x := range pa.own {
		if pb.own[x] || pb.up[x] {
			return true
		}
	}
	for x := range pb.own {
		if pa.up[x] {
			return true
		}
	}
	return false
}

var properAdjOnce = newOnce(func() map[string][]string {
	lines, err := readLines("data/en/proper_adjectives.tsv")
	if err != nil {
		panic(err)
	}
	m := make(map[string][]string, len(lines))
	for _, line := range lines {
		k, v, _ := strings.Cut(line, "\t")
		var of []string
		if v != "" {
			of = strings.Split(v, ",")
		}
		m[k] = of
	}
	return m
})

// ProperAdjective reports whether WordNet lists w (any case) as an
// adjective written with a capital ("Islamic", "Afghan"), and the nouns it
// pertains to ("Afghanistan").
func ProperAdjective(w string) (of []string, ok bool) {
	m := properAdjOnce.get()
	// Lower-cased in a buffer: the lookup of a converted byte slice does
	// not allocate, and every name is looked up.
	var buf [48]byte
	if len(w) <= len(buf) {
		b := buf[:len(w)]
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= 0x80 {
				b = nil
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		if b != nil {
			of, ok = m[string(b)]
			return of, ok
		}
	}
	of, ok = m[strings.ToLower(w)]
	return of, ok
}

// genderOnce reads every language's pronoun_genders.tsv
// ("pronoun<TAB>M|F<TAB>use,use"): language → pronoun → use → sex.
var genderOnce = newOnce(func() map[string]map[string]map[string]byte {
	out := map[string]map[string]map[string]byte{}
	for _, l := range Languages {
		lines, err := readLines(path.Join("data", l, "pronoun_genders.tsv"))
		if err != nil {
			continue
		}
		m := map[string]map[string]byte{}
		for _, line := range lines {
			f := strings.Split(line, "\t")
			if len(f) != 3 || (f[1] != "M" && f[1] != "F") {
				panic(fmt.Sprintf("lang: %s/pronoun_genders.tsv: bad line %q", l, line))
			}
			if m[f[0]] == nil {
				m[f[0]] = map[string]byte{}
			}
			for _, u := range strings.Split(f[2], ",") {
				m[f[0]][u] = f[1][0]
			}
		}
		out[l] = m
	}
	return out
})

// PronounGender returns 'M' or 'F' for w (lower case), a third-person
// pronoun of language l ("" for any language) in one of uses ("personal",
// "contraction", "possessive", "reflexive"), or 0 when it is none.
func PronounGender(l, w string, uses ...string) byte {
	for ml, m := range genderOnce.get() {
		if l != "" && ml != l {
			continue
		}
		for _, u := range uses {
			if g := m[w][u]; g != 0 {
				return g
			}
		}
	}
	return 0
}

// Rows reads data/l/name.tsv as its lines split at tabs, in file order: for
// tables of more than two columns, or whose entries carry a list. It panics
// when the file is missing, like Values.
func Rows(name, l string) [][]string {
	lines, err := readLines(path.Join("data", l, name+".tsv"))
	if err != nil {
		panic(fmt.Sprintf("lang: no table %s/%s: %v", l, name, err))
	}
	out := make([][]string, 0, len(lines))
	for _, line := range lines {
		out = append(out, strings.Split(line, "\t"))
	}
	return out
}

// Groups reads data/l/name.tsv, "group<TAB>entry" lines, as the entries of
// each group in file order, the groups in the order they first appear: for
// lists whose order is part of their use. It panics when the file is
// missing or a line has no tab, like Values.
func Groups(name, l string) [][]string {
	lines, err := readLines(path.Join("data", l, name+".tsv"))
	if err != nil {
		panic(fmt.Sprintf("lang: no table %s/%s: %v", l, name, err))
	}
	var out [][]string
	at := map[string]int{}
	for _, line := range lines {
		g, e, ok := strings.Cut(line, "\t")
		if !ok {
			panic(fmt.Sprintf("lang: %s/%s: bad line %q", l, name, line))
		}
		i, seen := at[g]
		if !seen {
			i = len(out)
			at[g] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], e)
	}
	return out
}
