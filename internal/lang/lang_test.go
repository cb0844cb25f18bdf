package lang

import (
	"bytes"
	"compress/gzip"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Every data file says where its entries come from and under which licence.
func TestProvenance(t *testing.T) {
	names, err := files()
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 20 {
		t.Fatalf("only %d data files", len(names))
	}
	for _, n := range names {
		if strings.HasPrefix(path.Base(n), "LICENSE") {
			continue
		}
		b, err := data.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(n, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s: %v", n, err)
			}
			if b, err = io.ReadAll(zr); err != nil {
				t.Fatalf("%s: %v", n, err)
			}
		}
		head := string(b[:min(len(b), 2000)])
		if !strings.Contains(head, "\n# source: ") || !strings.Contains(head, "\n# licence: ") {
			t.Errorf("%s: no '# source:' and '# licence:' header lines", n)
		}
	}
}

func TestWords(t *testing.T) {
	sv := Words("speech_verbs", "en")
	for _, w := range []string{"said", "says", "told", "added", "wrote", "insisted", "quipped", "acknowledged", "warned", "asked"} {
		if !sv.Has(w) {
			t.Errorf("speech_verbs lacks %q", w)
		}
	}
	for _, w := range []string{"will", "make", "the", "bridge"} {
		if sv.Has(w) {
			t.Errorf("speech_verbs has %q", w)
		}
	}
	if !Words("speech_verbs", "es").Has("afirmó") || Words("speech_verbs", "es").Has("said") {
		t.Error("Spanish speech verbs are not Spanish")
	}
	if !Words("speech_verbs").Has("afirmó") || !Words("speech_verbs").Has("said") {
		t.Error("the union over languages misses entries")
	}
	h := Words("hedges", "en")
	if n := h.Match([]string{"believed", "to", "be", "hiding"}); n != 3 {
		t.Errorf("Match(believed to be …) = %d, want 3", n)
	}
	if n := h.Match([]string{"believed", "them"}); n != 0 {
		t.Errorf("Match(believed them) = %d, want 0", n)
	}
	if n := h.Match([]string{"allegedly"}); n != 1 {
		t.Errorf("Match(allegedly) = %d, want 1", n)
	}
}

func TestWordsUnknownPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("an unknown list did not panic")
		}
	}()
	Words("no_such_list")
}

func TestCalendar(t *testing.T) {
	cases := []struct {
		lang, w string
		month   int
	}{
		{"en", "january", 1}, {"en", "sept", 9}, {"en", "dec", 12}, {"es", "septiembre", 9}, {"es", "ene", 1},
		{"pt", "março", 3}, {"fr", "août", 8}, {"de", "märz", 3}, {"it", "giugno", 6}, {"", "diciembre", 12},
	}
	for _, c := range cases {
		if m, ok := Month(c.lang, c.w); !ok || m != c.month {
			t.Errorf("Month(%q, %q) = %d, %v; want %d", c.lang, c.w, m, ok, c.month)
		}
	}
	if _, ok := Month("en", "mayo"); ok {
		t.Error("'mayo' is an English month")
	}
	if d, ok := Weekday("es", "miércoles"); !ok || d != 3 {
		t.Errorf("Weekday(es, miércoles) = %d, %v", d, ok)
	}
	if d, ok := Weekday("en", "sunday"); !ok || d != 7 {
		t.Errorf("Weekday(en, sunday) = %d, %v", d, ok)
	}
}

func TestNounClasses(t *testing.T) {
	cases := map[string]string{"ministry": ClassGroup, "senator": ClassPerson, "bridge": ClassArtifact,
		"ministries": ClassGroup, "senators": ClassPerson, "county": ClassLocation}
	for w, c := range cases {
		if !HasClass(w, c) {
			t.Errorf("%s: classes %v lack %s", w, NounClasses(w), c)
		}
	}
	if NounClasses("xyzzyq") != nil {
		t.Error("a made-up word has classes")
	}
}

func BenchmarkWordsHas(b *testing.B) {
	sv := Words("speech_verbs")
	for i := 0; i < b.N; i++ {
		sv.Has("said")
	}
}

func TestSameOffice(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"judge", "Justice", true},
		{"CEO", "chief executive officer", true},
		{"CEO", "Chief Executive", true},
		{"prosecutor", "Attorney", true},
		{"Chief Deputy City Attorney", "prosecutor", true},
		{"governor", "senator", false},
		{"bishop", "archbishop", true}, // an archbishop is a bishop: the more general title is no dispute
		{"general", "admiral", false},
	}
	for _, tt := range tests {
		if got := SameOffice(tt.a, tt.b); got != tt.want {
			t.Errorf("SameOffice(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestExpandTitle(t *testing.T) {
	for in, want := range map[string]string{"lt. gov": "lieutenant governor", "gov": "governor", "governor": "governor", "sgt": "sergeant"} {
		if got := ExpandTitle(in); got != want {
			t.Errorf("ExpandTitle(%q) = %q, want %q", in, got, want)
		}
	}
	if !SameOffice("gov", "governor") || !SameOffice("sgt", "sergeant") || SameOffice("gov", "sen") {
		t.Error("SameOffice does not read abbreviated titles")
	}
}

func TestUnion(t *testing.T) {
	mk := func(entries ...string) *Set {
		s := &Set{words: map[string]bool{}, first: map[string][][]string{}}
		for _, e := range entries {
			s.add(e)
		}
		return s
	}
	a, b := mk("alpha", "so called"), mk("beta", "so very much", "gamma ray")
	u := Union(a, b, nil)
	for _, w := range []string{"alpha", "beta", "so", "gamma", "ray", "called", "delta", "so called"} {
		if got, want := u.Has(w), a.Has(w) || b.Has(w); got != want {
			t.Errorf("Has(%q) = %v, want %v", w, got, want)
		}
		if got, want := u.Starts(w), a.Starts(w) || b.Starts(w); got != want {
			t.Errorf("Starts(%q) = %v, want %v", w, got, want)
		}
	}
	for _, c := range []struct {
		words []string
		want  int
	}{
		{[]string{"so", "very", "much", "more"}, 3},
		{[]string{"so", "called", "it"}, 2},
		{[]string{"so", "what"}, 0},
		{[]string{"beta"}, 1},
	} {
		if got := u.Match(c.words); got != c.want {
			t.Errorf("Match(%q) = %d, want %d", c.words, got, c.want)
		}
	}
}

func TestProperAdjective(t *testing.T) {
	if of, ok := ProperAdjective("Afghan"); !ok || !slices.Contains(of, "Afghanistan") {
		t.Errorf("ProperAdjective(Afghan) = %v, %v, want Afghanistan", of, ok)
	}
	if _, ok := ProperAdjective("islamic"); !ok {
		t.Error("ProperAdjective(islamic) = false")
	}
	if _, ok := ProperAdjective("Table"); ok {
		t.Error("ProperAdjective(Table) = true: not written with a capital")
	}
}

// numericTables are the word → number tables read with Values; each must
// load in every language that has it.
var numericTables = []string{"small_numbers_folded", "multipliers_folded", "scale_words",
	"number_words", "number_multipliers", "number_scales", "number_hundreds",
	"fraction_numerators", "fraction_nouns", "fraction_part_ordinals", "fraction_every_ordinals", "relative_days"}

func TestValues(t *testing.T) {
	names, err := files()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, n := range names {
		for _, tab := range numericTables {
			if path.Base(n) == tab+".tsv" {
				l := path.Base(path.Dir(n))
				if len(Values(tab, l)) == 0 {
					t.Errorf("%s: empty table", n)
				}
				seen[tab]++
			}
		}
	}
	for _, tab := range numericTables {
		if seen[tab] == 0 {
			t.Errorf("no language has the table %s", tab)
		}
	}
	if v := Values("multipliers_folded", "en")["million"]; v != 1e6 {
		t.Errorf("en million = %v, want 1e6", v)
	}
	defer func() {
		if recover() == nil {
			t.Error("a missing table did not panic")
		}
	}()
	Values("no_such_table", "en")
}

// Every list loads in its language, and every word → word table too.
func TestEveryListLoads(t *testing.T) {
	names, err := files()
	if err != nil {
		t.Fatal(err)
	}
	pairTables := map[string]bool{"rate_phrases": true, "named_counts": true, "vague_plurals": true, "date_modifiers": true, "date_units": true, "irregular_plurals": true, "heads_en": true, "head_synonyms": true}
	for _, n := range names {
		l, base := path.Base(path.Dir(n)), path.Base(n)
		switch {
		case strings.HasSuffix(base, ".txt"):
			Words(strings.TrimSuffix(base, ".txt"), l) // panics when unreadable
		case pairTables[strings.TrimSuffix(base, ".tsv")]:
			if len(Pairs(strings.TrimSuffix(base, ".tsv"), l)) == 0 {
				t.Errorf("%s: empty table", n)
			}
		}
	}
	if Pairs("irregular_plurals", "en")["women"] != "woman" {
		t.Error(`irregular_plurals: "women" is not "woman"`)
	}
}

func TestMonthNames(t *testing.T) {
	for l, want := range map[string][2]string{"en": {"may", "september"}, "es": {"mayo", "septiembre"}, "pt": {"maio", "setembro"}} {
		got := MonthNames(l)
		if got[4] != want[0] || got[8] != want[1] {
			t.Errorf("MonthNames(%s) = %v; want %s and %s for May and September", l, got, want[0], want[1])
		}
		for i, w := range got {
			if w == "" {
				t.Errorf("MonthNames(%s): no name for month %d", l, i+1)
			}
		}
	}
}

func TestSameAct(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"arrested", "arrest", true},
		{"arrested", "apprehended", true},
		{"met", "meeting", true},
		{"seized", "seize", true},
		{"Stopped", "stop", true},
		{"died", "die", true}, // a short lemma ("di" + "e")
		{"died", "death", true},
		{"tied", "tie", true},
		{"arrested", "met", false},
		{"killed", "elected", false},
		{"arrested", "blorfed", false},
	} {
		if got := SameAct(c.a, c.b); got != c.want {
			t.Errorf("SameAct(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
	if ActSenses("the") != nil {
		t.Errorf("ActSenses(the) = %v, want nil", ActSenses("the"))
	}
}

func TestPronounGender(t *testing.T) {
	cases := []struct {
		l, w string
		uses []string
		want byte
	}{
		{"en", "he", []string{"personal"}, 'M'},
		{"en", "her", []string{"possessive"}, 'F'},
		{"en", "his", []string{"personal"}, 0}, // a possessive, not asked for
		{"en", "he's", []string{"personal", "contraction"}, 'M'},
		{"", "ella", []string{"personal"}, 'F'},
		{"en", "ella", []string{"personal"}, 0}, // Spanish, not English
		{"", "they", []string{"personal"}, 0},
	}
	for _, c := range cases {
		if g := PronounGender(c.l, c.w, c.uses...); g != c.want {
			t.Errorf("PronounGender(%q, %q, %v) = %q, want %q", c.l, c.w, c.uses, g, c.want)
		}
	}
}

func TestUnaccent(t *testing.T) {
	for in, want := range map[string]string{"février": "fevrier", "março": "marco", "août": "aout", "march": "march", "Ñandú": "Nandu"} {
		if got := Unaccent(in); got != want {
			t.Errorf("Unaccent(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRegionalMonths(t *testing.T) {
	if n := RegionalMonths("es")["setiembre"]; n != 9 {
		t.Errorf("RegionalMonths(es)[setiembre] = %d, want 9", n)
	}
	if _, ok := RegionalMonths("es")["septiembre"]; ok {
		t.Error("the standard name is among the regional ones")
	}
	if RegionalMonths("xx") != nil {
		t.Error("a language with no data has regional months")
	}
}

func TestWeekdayNames(t *testing.T) {
	want := map[string][7]string{
		"en": {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"},
		"es": {"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"},
		"pt": {"segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"},
	}
	for l, w := range want {
		if got := WeekdayNames(l); got != w {
			t.Errorf("WeekdayNames(%s) = %v, want %v", l, got, w)
		}
	}
}

func TestMonthAbbreviations(t *testing.T) {
	en := MonthAbbreviations("en")
	if en["jan"] != 1 || en["sept"] != 9 {
		t.Errorf("MonthAbbreviations(en) = %v", en)
	}
	if _, ok := en["january"]; ok {
		t.Error("a full name is among the abbreviations")
	}
	if _, ok := en["may"]; ok {
		t.Error("'may', a full name, is among the abbreviations")
	}
	// a calendar outside Languages is read too, without joining Month("", …)
	if MonthNames("hu")[2] != "március" {
		t.Errorf("MonthNames(hu) = %v", MonthNames("hu"))
	}
	if _, ok := Month("", "maart"); ok {
		t.Error("Dutch joined the languages Month searches")
	}
}

func TestGroups(t *testing.T) {
	g := Groups("office_classes", "en")
	if len(g) < 3 || g[0][0] != "president" || g[1][0] != "gov" {
		t.Fatalf("Groups(office_classes) = %v", g)
	}
	for _, class := range g {
		for _, e := range class {
			if strings.Contains(e, "\t") || e == "" {
				t.Errorf("bad entry %q", e)
			}
		}
	}
}

func TestOrdinals(t *testing.T) {
	for _, c := range []struct {
		text, lang string
		want       []int
	}{
		{"She was elected the 267th pope, the 3rd from the order, on the 21st.", "en", []int{267, 3, 21}},
		{"The 4th-largest port; 12 boats; 5.3 tons; 1,000th visitor; A4th", "en", []int{4}},
		{"Es el 267.º papa y el 3º de su orden.", "es", []int{267, 3}},
		{"Le 12e arrondissement et le 1er mai.", "fr", []int{12, 1}},
		{"Der 267. Papst.", "de", nil},
	} {
		var got []int
		for _, o := range Ordinals(c.text, c.lang) {
			got = append(got, o.Value)
			if _, err := strconv.Atoi(c.text[o.Start : o.Start+1]); err != nil {
				t.Errorf("%q: ordinal span %q does not start on its digits", c.text, c.text[o.Start:o.End])
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Ordinals(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestOppositeActs(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"acquitted", "convicted", true},
		{"won", "lost", true},
		{"rejected", "accepted", true},
		{"rose", "fell", false},   // motions: most often two happenings
		{"began", "ended", false}, // the start and the end of one thing
		{"won", "arrested", false},
		{"convicted", "sentenced", false},
		{"lost", "lost", false},
		{"upheld", "overturned", true}, // appeals (appeal_outcomes.tsv)
		{"upheld", "quashed", true},
		{"upheld", "reversed", true},
		{"upheld", "convicted", false},
	} {
		if got := OppositeActs(c.a, c.b); got != c.want {
			t.Errorf("OppositeActs(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
