package group

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// keys returns the features of text of one family, sorted.
func keys(t *testing.T, lang, text string, prefix string) []string {
	t.Helper()
	x := newExtractor()
	x.text = map[featKey]string{}
	f := x.extract(&Doc{Text: text, Language: lang})
	var out []string
	for _, kc := range f.counts {
		if k := x.text[kc.key]; strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func has(list []string, want string) bool {
	for _, k := range list {
		if k == want {
			return true
		}
	}
	return false
}

func TestFoldTables(t *testing.T) {
	if len(latin1Fold) != 0x100-0xE0 {
		t.Errorf("latin1Fold has %d entries, want %d", len(latin1Fold), 0x100-0xE0)
	}
	if len(latinAFold) != 0x180-0x100 {
		t.Errorf("latinAFold has %d entries, want %d", len(latinAFold), 0x180-0x100)
	}
	for in, want := range map[string]string{
		"León":        "leon",
		"São Paulo":   "sao paulo",
		"Straße":      "strasse",
		"Łódź":        "lodz",
		"Őrség":       "orseg",
		"plain":       "plain",
		"MÜNCHEN":     "munchen",
		"Ærø":         "aero",
		"Leó":         "leo",
		"Škoda Čapek": "skoda capek",
	} {
		if got := foldLower(in); got != want {
			t.Errorf("foldLower(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNumbers(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       []string
		not        []string
	}{
		{"en", "The blast killed 232 migrants.", []string{"#232"}, nil},
		{"en", "About 20,000 people fled; later 20 , 000 were counted.", []string{"#20000"}, []string{"#20", "#0"}},
		{"es", "Unas 20.000 personas huyeron.", []string{"#20000"}, nil},
		{"en", "The fund holds 6 million dollars.", []string{"#6000000"}, []string{"#6"}},
		{"es", "El fondo tiene 6 millones de dólares.", []string{"#6000000"}, nil},
		{"en", "Six workers were missing.", []string{"#6"}, nil},
		{"es", "Seis trabajadores desaparecieron.", []string{"#6"}, nil},
		{"en", "A magnitude 6.1 quake, or 6 . 1 in tokenised text.", []string{"#6.1"}, []string{"#6", "#1"}},
		{"en", "It opened with $36.0M at the box office.", []string{"#36000000"}, nil},
		{"en", "The deal is worth 1.5 billion euros.", []string{"#1500000000"}, nil},
		{"en", "The meeting ended at 11:25 and again at 8 : 55 am.", nil, []string{"#11", "#25", "#8", "#55"}},
		{"en", "He was the 267th pope.", []string{"#267"}, nil},
		{"en", "In 1977 the bridge opened.", nil, []string{"#1977"}},
	} {
		got := keys(t, tc.lang, tc.text, "#")
		for _, w := range tc.want {
			if !has(got, w) {
				t.Errorf("numbers(%q) = %v, want %s among them", tc.text, got, w)
			}
		}
		for _, w := range tc.not {
			if has(got, w) {
				t.Errorf("numbers(%q) = %v, want no %s", tc.text, got, w)
			}
		}
	}
}

func TestDates(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"en", "The bridge fell on March 26, 2024.", []string{"dD03-26", "dM2024-03", "dY2024"}},
		{"en", "The bridge fell on 26 March 2024.", []string{"dD03-26", "dM2024-03", "dY2024"}},
		{"es", "El puente cayó el 26 de marzo de 2024.", []string{"dD03-26", "dM2024-03", "dY2024"}},
		{"pt", "A ponte caiu em 26 de março de 2024.", []string{"dD03-26", "dM2024-03", "dY2024"}},
		{"de", "Die Brücke stürzte am 26. März 2024 ein.", []string{"dD03-26", "dM2024-03", "dY2024"}},
		{"en", "Published 2013 - 09 - 26 by the desk.", []string{"dD09-26", "dM2013-09", "dY2013"}},
		{"en", "Posted on 27/09/2013 at noon.", []string{"dD09-27", "dM2013-09", "dY2013"}},
		{"en", "November 3rd , 2010 9 : 15 am", []string{"dD11-03", "dM2010-11", "dY2010"}},
		{"en", "Voting began on Dec.14 across the country.", []string{"dD12-14"}},
	} {
		got := keys(t, tc.lang, tc.text, "d")
		for _, w := range tc.want {
			if !has(got, w) {
				t.Errorf("dates(%q) = %v, want %s among them", tc.text, got, w)
			}
		}
	}
	// "may" the verb is no month.
	if got := keys(t, "en", "Officials said they may 12 more days.", "dD"); len(got) != 0 {
		t.Errorf("dates(may as a verb) = %v, want none", got)
	}
}

func TestNames(t *testing.T) {
	text := "Rescuers searched the Patapsco River after a ship struck the Francis Scott Key Bridge in Baltimore.\n" +
		"Officials said the Key Bridge carried 30,000 vehicles a day. Divers worked through the night.\n" +
		"Baltimore mayor Brandon Scott spoke at a briefing."
	got := keys(t, "en", text, "n")
	for _, w := range []string{"nfrancis", "nscott", "nkey", "nbridge", "nfrancis scott", "nscott key", "nkey bridge",
		"nbaltimore", "npatapsco", "npatapsco river", "nbrandon scott"} {
		if !has(got, w) {
			t.Errorf("names = %v, want %q among them", got, w)
		}
	}
	for _, w := range []string{"nrescuers", "nofficials", "ndivers", "nthe"} {
		if has(got, w) {
			t.Errorf("names = %v, want no %q (a word that only starts sentences)", got, w)
		}
	}
	// A title-cased headline names nothing by itself, but a headline word
	// that is a name in the body counts.
	got = keys(t, "en", "Massive Ship Destroys Bridge In Harbor Town\nThe harbor of Dunmore was closed after the crash, said the mayor of Dunmore.", "n")
	if has(got, "nmassive") || has(got, "ndestroys") {
		t.Errorf("names = %v, want no headline words", got)
	}
	if !has(got, "ndunmore") {
		t.Errorf("names = %v, want ndunmore", got)
	}
	// Names given by the analysis stage join those read from the text.
	x := newExtractor()
	f := x.extract(&Doc{Text: "the ship hit the bridge.", Names: []string{"Dalí Shipping"}})
	found := 0
	for _, kc := range f.counts {
		if kc.key == keyOf("ndali") || kc.key == keyOf("ndali shipping") {
			found++
		}
	}
	if found != 2 {
		t.Errorf("names from Doc.Names: found %d of ndali, ndali shipping", found)
	}
}

func TestWords(t *testing.T) {
	got := keys(t, "en", "The bridges collapsed and the bridge was collapsing.", "w")
	for _, w := range []string{"wen:bridg", "wen:collaps"} {
		if !has(got, w) {
			t.Errorf("words = %v, want %q", got, w)
		}
	}
	if has(got, "wen:the") || has(got, "wen:and") {
		t.Errorf("words = %v, want no stopwords", got)
	}
	got = keys(t, "es", "Los puentes colapsaron y el puente colapsó.", "w")
	if !has(got, "wes:puent") || has(got, "wes:los") {
		t.Errorf("Spanish words = %v, want wes:puent and no stopwords", got)
	}
	got = keys(t, "hu", "Az első amerikai pápa.", "w")
	if !has(got, "whu:papa") || !has(got, "whu:amerikai") || has(got, "whu:az") {
		t.Errorf("Hungarian words = %v, want whu:papa (folded), whu:amerikai and no stopwords", got)
	}
}

func TestURLLinesDropped(t *testing.T) {
	text := "http : / / www . example . com / news / 2011 / 11 / quake - hits\nA quake hit the town of Vell on Thursday . https://example.com/x?y=1 more"
	got := keys(t, "en", text, "")
	for _, k := range got {
		if strings.Contains(k, "example") || strings.Contains(k, "www") || strings.Contains(k, "http") {
			t.Errorf("feature %q comes from an address", k)
		}
	}
	if !has(got, "wen:quak") {
		t.Errorf("features = %v, want wen:quak", got)
	}
}

func TestGuessLang(t *testing.T) {
	x := newExtractor()
	for _, tc := range []struct{ text, want string }{
		{"The ship hit the bridge and the span fell into the river, which was closed to traffic.", "en"},
		{"El barco chocó con el puente y la estructura cayó al río, que fue cerrado por las autoridades.", "es"},
		{"O navio bateu na ponte e a estrutura caiu no rio, que foi fechado pelas autoridades.", "pt"},
		{"Das Schiff prallte gegen die Brücke und die Brücke stürzte in den Fluss, der für den Verkehr gesperrt wurde.", "de"},
	} {
		if got := x.extract(&Doc{Text: tc.text}).lang; got != tc.want {
			t.Errorf("language of %q = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// FuzzExtract checks that any text yields features without panicking and
// that every counted feature has a positive count.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"The bridge fell on March 26, 2024, killing 6 workers.",
		"http : / / www . x . com\n20 , 000 people . 6 . 1 magnitude , Dec.14 , 2013 - 09 - 26",
		"El 26 de marzo de 2024 , 6 millones. 1,5 % $36.0M 2025Robert 4th 11:25",
		"Gulf of Aden. U.S. STATE OF THE UNION. Łódź, Straße",
		"",
		"1.2.3.4 5,5,5 ... -- 31/12/1999 12/31/1999 1999/12/31",
	} {
		f.Add(s, "")
		f.Add(s, "es")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		x := newExtractor()
		feat := x.extract(&Doc{Title: text[:len(text)/3], Text: text, Language: lang, Names: []string{text[len(text)/2:]}})
		for _, kc := range feat.counts {
			if kc.n <= 0 {
				t.Fatalf("feature %x counted %d times", kc.key, kc.n)
			}
		}
		if !slices.IsSortedFunc(feat.counts, func(a, b keyCount) int { return cmp.Compare(a.key, b.key) }) {
			t.Fatal("features not sorted by key")
		}
	})
}
