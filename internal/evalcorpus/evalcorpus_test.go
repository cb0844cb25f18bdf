package evalcorpus

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
)

// The fixtures in testdata are fictional texts in the corpora's formats.

func loadFixturePolNeAR(t *testing.T) *QuoteDoc {
	t.Helper()
	docs, err := LoadPolNeAR("testdata/polnear", []string{"train"}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("got %d documents, want 1", len(docs))
	}
	return &docs[0]
}

func TestLoadPolNeAR(t *testing.T) {
	d := loadFixturePolNeAR(t)
	if !strings.HasSuffix(d.AnnFile, "_1a2b.ann") {
		t.Errorf("annotation file %s, want the first by name (_1a2b)", d.AnnFile)
	}
	if d.Article.Outlet != "harbour-herald" || d.Article.PublishedDate() != "2020-03-02" {
		t.Errorf("outlet %q date %q", d.Article.Outlet, d.Article.PublishedDate())
	}
	if d.Article.Title != "Harbour Bridge “Will Reopen,” Mayor Says" {
		t.Errorf("title %q", d.Article.Title)
	}
	if len(d.Attrs) != 6 {
		t.Fatalf("%d attributions, want 6", len(d.Attrs))
	}
	var direct []bool
	for _, at := range d.Attrs {
		direct = append(direct, at.Direct)
	}
	if want := []bool{true, true, false, true, true, true}; !reflect.DeepEqual(direct, want) {
		t.Errorf("direct = %v, want %v", direct, want)
	}
	type gq struct{ text, source string }
	var got []gq
	for _, g := range d.Gold {
		if g.Span.Of(d.Article.Text) != g.Text {
			t.Errorf("gold quote %q: span covers %q", g.Text, g.Span.Of(d.Article.Text))
		}
		got = append(got, gq{g.Text, d.Attrs[g.Attr].Source})
	}
	want := []gq{
		{"We will fix the bridge by spring,", "Mayor Jane Roe"},
		{"The money is there.", "Mayor Jane Roe"},
		{"It is far too late for that,", "he"},
		{"Nobody believes the schedule any more,", ""},
		{"Work starts in the first week of March,", "engineer Ana Ruiz"},
		{"Bring boats,", "the ferry captain"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("gold quotes\n got %q\nwant %q", got, want)
	}
	he := d.Attrs[1]
	if !he.Nominal || he.Rep != "Tom Lake" || !reflect.DeepEqual(he.Chain, []string{"Tom Lake", "he"}) {
		t.Errorf("coreference of %q: nominal %v rep %q chain %q", he.Source, he.Nominal, he.Rep, he.Chain)
	}
	if roe := d.Attrs[0]; roe.Nominal {
		t.Errorf("%q taken for a nominal", roe.Source)
	}
	if port := d.Attrs[2]; !port.Nominal || port.Chain != nil {
		t.Errorf("%q: nominal %v chain %q, want nominal without chain", port.Source, port.Nominal, port.Chain)
	}
}

func TestLoadPolNeARRefusesMissingDir(t *testing.T) {
	_, err := LoadPolNeAR("testdata/nowhere", []string{"dev"}, 1)
	if err == nil || !strings.Contains(err.Error(), "testdata/nowhere") {
		t.Fatalf("err = %v, want one naming the directory", err)
	}
}

func TestParseBratErrors(t *testing.T) {
	for _, in := range []string{"T1\tSource 5\tx\n", "T1\tSource 9 3\tx\n", "E1\tAttribution:T4 Content\n"} {
		_, _, err := parseBrat(strings.NewReader(in), "f.ann")
		if err == nil || !strings.Contains(err.Error(), "f.ann:1") {
			t.Errorf("parseBrat(%q) err = %v, want one naming f.ann:1", in, err)
		}
	}
}

func TestQuotedBytes(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{`He said "yes, and “more” too" today.`, []string{`yes, and “more” too`}},
		{"It’s the ‘best deal’ and we’re done", []string{"best deal"}},
		{"“First paragraph open\n“Second,” she said.", []string{"First paragraph open", "Second,"}},
		{"«Oui» et „Ja“", []string{"Oui", "Ja"}},
	} {
		_, sps := quotedBytes(c.text)
		var got []string
		for _, sp := range sps {
			got = append(got, sp.Of(c.text))
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("quotedBytes(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestSpeakerRight(t *testing.T) {
	roe := Attribution{Source: "Mayor Jane Roe's office"}
	he := Attribution{Source: "he", Nominal: true, Chain: []string{"Tom Lake", "he"}}
	for _, c := range []struct {
		at   *Attribution
		sys  string
		want bool
	}{
		{&roe, "Jane Roe", true},
		{&roe, "Roe", true},
		{&roe, "Mayor Tom Lake", false}, // a shared title is not a shared name
		{&roe, "", false},
		{&he, "Tom Lake", true},
		{&he, "Ana Ruiz", false},
		{&Attribution{Source: ""}, "Jane Roe", false},
		{&Attribution{Source: "O'Dell"}, "Mara O’Dell", true}, // one name, two apostrophes
	} {
		if got := c.at.SpeakerRight(c.sys); got != c.want {
			t.Errorf("%q.SpeakerRight(%q) = %v, want %v", c.at.Source, c.sys, got, c.want)
		}
	}
}

// quoteAt builds a system quote over the first occurrence of inner.
func quoteAt(t *testing.T, text, inner, speaker string, scare bool) parallax.Quote {
	t.Helper()
	i := strings.Index(text, inner)
	if i < 0 {
		t.Fatalf("%q not in the text", inner)
	}
	return parallax.Quote{Text: inner, Span: parallax.Span{Start: i, End: i + len(inner)}, Speaker: speaker, Scare: scare}
}

func fixtureQuoteAnalysis(t *testing.T, d *QuoteDoc) *parallax.Analysis {
	text := d.Article.Text
	return &parallax.Analysis{Article: d.Article, Quotes: []parallax.Quote{
		quoteAt(t, text, "Will Reopen,", "Mayor Jane Roe", false),                      // no attribution: spurious
		quoteAt(t, text, "We will fix the bridge by spring,", "Jane Roe", false),       // right
		quoteAt(t, text, "The money is there.", "", false),                             // no speaker
		quoteAt(t, text, "It is far too late for that,", "Tom Lake", false),            // right through coreference
		quoteAt(t, text, "millions of dollars.", "Port Authority", false),              // inside an indirect attribution
		quoteAt(t, text, "Nobody believes the schedule any more,", "Jane Roe", false),  // source-less gold: unjudged
		quoteAt(t, text, "Work starts in the first week of March,", "Jane Roe", false), // wrong speaker
		quoteAt(t, text, "Bring boats,", "", true),                                     // scare: not a match
	}}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScoreQuotes(t *testing.T) {
	d := loadFixturePolNeAR(t)
	var s QuoteScores
	var errs []ErrorRecord
	ScoreQuotes(d, fixtureQuoteAnalysis(t, d), &s, func(r ErrorRecord) { errs = append(errs, r) })
	want := QuoteScores{Docs: 1, Attributions: 6, Direct: 5, Gold: 6, GoldWithSource: 5, Found: 5, FoundSourced: 4,
		FoundSpoken: 3, Attributed: 2, System: 7, SystemSpeaker: 6, Judged: 5, Right: 3, JudgedDirect: 5, RightDirect: 2}
	if s != want {
		t.Errorf("scores\n got %+v\nwant %+v", s, want)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"quote recall", s.QuoteRecall(), 5.0 / 6},
		{"attributed recall", s.AttributedRecall(), 2.0 / 5},
		{"speaker accuracy", s.SpeakerAccuracy(), 2.0 / 3},
		{"precision", s.Precision(), 3.0 / 5}, // the partial quote in reported speech is right
		{"precision_direct", s.PrecisionDirect(), 2.0 / 5},
	} {
		if !near(c.got, c.want) {
			t.Errorf("%s = %.4f, want %.4f", c.name, c.got, c.want)
		}
	}
	var kinds []string
	for _, e := range errs {
		kinds = append(kinds, e.Kind+":"+e.Gold+e.System)
		if e.Sentence == "" || e.Doc != "train/harbour-herald_2020-03-02_bridge-repairs" {
			t.Errorf("error %+v lacks its sentence or document", e)
		}
	}
	wantKinds := []string{
		SpeakerMissing + ":The money is there.The money is there.",
		SpeakerWrong + ":Work starts in the first week of March,Work starts in the first week of March,",
		QuoteMissed + ":Bring boats,",
		QuoteSpurious + ":Will Reopen,",
		IndirectRight + ":millions of dollars.",
	}
	if !reflect.DeepEqual(kinds, wantKinds) {
		t.Errorf("errors\n got %q\nwant %q", kinds, wantKinds)
	}
	if errs[1].GoldLabel != "engineer Ana Ruiz" || errs[1].SystemLabel != "Jane Roe" {
		t.Errorf("wrong-speaker error labels %q / %q", errs[1].GoldLabel, errs[1].SystemLabel)
	}
}

func TestLoadCoNLL(t *testing.T) {
	docs, err := LoadCoNLL([]string{"testdata/conll/eng.train", "testdata/conll/eng.testa"}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2", len(docs))
	}
	wantText := []string{
		"HARBOUR COUNCIL VOTES.\nMayor Jane Roe said the Port of Eastwick's ships (\"Sea Larks\") would leave Eastwick for $2 million.",
		"Ana Ruiz met Tom Lake in Westport Marina.\n\"We don't sail,\" she said.",
	}
	wantGold := [][]string{
		{"ORG HARBOUR COUNCIL", "PER Jane Roe", "ORG Port of Eastwick", "MISC Sea Larks", "LOC Eastwick"},
		{"PER Ana Ruiz", "PER Tom Lake", "LOC Westport", "LOC Marina"},
	}
	for i, d := range docs {
		if d.Article.Text != wantText[i] {
			t.Errorf("doc %d text\n got %q\nwant %q", i, d.Article.Text, wantText[i])
		}
		var got []string
		for _, g := range d.Gold {
			got = append(got, g.Label+" "+g.Span.Of(d.Article.Text))
		}
		if !reflect.DeepEqual(got, wantGold[i]) {
			t.Errorf("doc %d gold %q, want %q", i, got, wantGold[i])
		}
	}
	if docs[0].Name != "eng.train#1" || docs[1].Name != "eng.testa#1" {
		t.Errorf("names %q %q", docs[0].Name, docs[1].Name)
	}
}

func TestLoadCoNLLBadTag(t *testing.T) {
	_, err := readCoNLL(strings.NewReader("-DOCSTART- -X- O O\n\nword\n"), "bad.conll")
	if err == nil || !strings.Contains(err.Error(), "bad.conll:3") {
		t.Fatalf("err = %v, want one naming bad.conll:3", err)
	}
}

// entityAt builds a system entity whose mentions are the given
// occurrences (the n-th from the end when n < 0) of surface forms.
func entityAt(t *testing.T, text, name, kind string, forms ...string) parallax.Entity {
	t.Helper()
	e := parallax.Entity{Name: name, Type: kind}
	for _, f := range forms {
		last := strings.HasPrefix(f, "<")
		f = strings.TrimPrefix(f, "<")
		i := strings.Index(text, f)
		if last {
			i = strings.LastIndex(text, f)
		}
		if i < 0 {
			t.Fatalf("%q not in the text", f)
		}
		e.Mentions = append(e.Mentions, parallax.Span{Start: i, End: i + len(f)})
	}
	return e
}

func TestScoreEntities(t *testing.T) {
	docs, err := LoadCoNLL([]string{"testdata/conll/eng.train"}, 1)
	if err != nil {
		t.Fatal(err)
	}
	d := &docs[0]
	text := d.Article.Text
	an := &parallax.Analysis{Article: d.Article, Entities: []parallax.Entity{
		entityAt(t, text, "Harbour Council", parallax.Organization, "HARBOUR COUNCIL"),
		entityAt(t, text, "Jane Roe", parallax.Person, "Jane Roe"),
		entityAt(t, text, "Port of Eastwick", parallax.Place, "Port of Eastwick's"), // trimmed to the gold span; wrong type
		entityAt(t, text, "Sea Larks", parallax.Work, "\"Sea Larks\""),              // a MISC span: ignored
		entityAt(t, text, "Eastwick", parallax.Facility, "<Eastwick"),               // facility counts as place
		entityAt(t, text, "Mayor", parallax.Person, "Mayor"),                        // spurious
		entityAt(t, text, "Million", parallax.Misc, "million"),                      // untyped false positive
	}}
	s := NewEntityScores()
	var errs []ErrorRecord
	ScoreEntities(d, an, Variant{Name: "conll", Class: CoNLLClass}, s, func(r ErrorRecord) { errs = append(errs, r) })
	if s.Gold != 4 || s.Typed != (PRF{TP: 3, FP: 2, FN: 1}) || s.Untyped != (PRF{TP: 4, FP: 2, FN: 0}) {
		t.Errorf("gold %d typed %+v untyped %+v", s.Gold, s.Typed, s.Untyped)
	}
	if !near(s.Typed.F1(), 2*0.6*0.75/1.35) || !near(s.Untyped.P(), 4.0/6) || !near(s.Untyped.R(), 1) {
		t.Errorf("typed F1 %.4f untyped P %.4f R %.4f", s.Typed.F1(), s.Untyped.P(), s.Untyped.R())
	}
	wantClass := map[string]PRF{ClassPerson: {1, 1, 0}, ClassOrg: {1, 0, 1}, ClassPlace: {1, 1, 0}}
	for c, w := range wantClass {
		if *s.PerClass[c] != w {
			t.Errorf("%s: %+v, want %+v", c, *s.PerClass[c], w)
		}
	}
	wantConf := map[string]map[string]int{
		"ORG":  {"organization": 1, "place": 1},
		"PER":  {"person": 1},
		"MISC": {"work": 1},
		"LOC":  {"facility": 1},
		"none": {"person": 1, "misc": 1},
	}
	if !reflect.DeepEqual(s.Confusion, wantConf) {
		t.Errorf("confusion %v, want %v", s.Confusion, wantConf)
	}
	var kinds []string
	for _, e := range errs {
		kinds = append(kinds, e.Kind+":"+e.Gold+"|"+e.System)
	}
	want := []string{EntityType + ":Port of Eastwick|Port of Eastwick", EntitySpurious + ":|Mayor"}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("errors %q, want %q", kinds, want)
	}
	// the prose variant leaves out the headline "HARBOUR COUNCIL VOTES."
	p := NewEntityScores()
	ScoreEntities(d, an, Variant{Name: "conll prose", Class: CoNLLClass, Prose: true}, p, nil)
	if p.Gold != 3 || p.Typed != (PRF{TP: 2, FP: 2, FN: 1}) || p.Untyped != (PRF{TP: 3, FP: 2}) {
		t.Errorf("prose: gold %d typed %+v untyped %+v", p.Gold, p.Typed, p.Untyped)
	}
}

func TestIsProse(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"Liverpool 0 Sunderland 0", false},
		{"SOCCER - PSV BEAT GRONINGEN 4-1 TO PULL AWAY FROM AJAX.", false},
		{"A. Stewart b Mushtaq Ahmed 44", false},
		{"The council said on Monday that the bridge would reopen.", true},
	} {
		if got := IsProse(c.line); got != c.want {
			t.Errorf("IsProse(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

func TestTrimMention(t *testing.T) {
	text := `(“Jane Roe’s”) and Roe's, U.S. in The Hague, in eastern Quistavia, Central Quistavia`
	for _, c := range []struct {
		from, to string
		want     string
	}{
		{`(“Jane Roe’s”)`, "", "Jane Roe"},
		{"Roe's,", "", "Roe"},
		{"U.S.", "", "U.S."},
		{"The Hague", "", "Hague"},
		{"eastern Quistavia", "", "Quistavia"},
		{"Central Quistavia", "", "Central Quistavia"},
	} {
		i := strings.Index(text, c.from)
		got := trimMention(text, parallax.Span{Start: i, End: i + len(c.from)}).Of(text)
		if got != c.want {
			t.Errorf("trimMention(%q) = %q, want %q", c.from, got, c.want)
		}
	}
}

func TestRun(t *testing.T) {
	calls := 0
	fake := func(a *parallax.Article) *parallax.Analysis {
		calls++
		return &parallax.Analysis{Article: a}
	}
	rep, err := Run(context.Background(), Config{PolNeAR: "testdata/polnear", PolNeARParts: []string{"train"}, CoNLL: "testdata/conll", Analyze: fake})
	if err != nil {
		t.Fatal(err)
	}
	if calls != 3 {
		t.Errorf("analyser called %d times, want 3 (one PolNeAR, two CoNLL documents)", calls)
	}
	q := rep.Quotes["polnear"]
	if q == nil || q.Gold != 6 || q.Found != 0 || q.QuoteRecall() != 0 {
		t.Errorf("polnear scores %+v", q)
	}
	e := rep.Entities["conll"]
	if e == nil || e.Docs != 2 || e.Gold != 8 || e.Typed.FN != 8 {
		t.Errorf("conll scores %+v", e)
	}
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"attributed recall", "typed F1", "Confusion conll"} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("text report lacks %q:\n%s", w, b.String())
		}
	}
	if _, err := Run(context.Background(), Config{PolNeAR: "testdata/polnear", PolNeARParts: []string{"test"}, Analyze: fake}); err == nil {
		t.Error("the held-out test compartment was scored")
	}
	if _, err := Run(context.Background(), Config{CoNLL: filepath.Join("testdata", "nowhere"), Analyze: fake}); err == nil || !strings.Contains(err.Error(), "nowhere") {
		t.Errorf("missing CoNLL dir: err = %v", err)
	}
}

func TestLoadGMB(t *testing.T) {
	wantText := "Mayor Jane Roe visited Eastwick with Norland officials on Monday.\n\"Ships will sail,\" the Harbour Board said."
	wantGold := []string{"per Mayor Jane Roe", "geo Eastwick", "gpe Norland", "tim Monday", "org Harbour Board"}
	for _, path := range []string{"testdata/gmb", "testdata/gmb/ner_dataset.csv"} {
		docs, err := LoadGMB(path, 1)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(docs) != 1 {
			t.Fatalf("%s: %d documents, want 1", path, len(docs))
		}
		if docs[0].Article.Text != wantText {
			t.Errorf("%s: text\n got %q\nwant %q", path, docs[0].Article.Text, wantText)
		}
		var got []string
		for _, g := range docs[0].Gold {
			got = append(got, g.Label+" "+g.Span.Of(docs[0].Article.Text))
		}
		if !reflect.DeepEqual(got, wantGold) {
			t.Errorf("%s: gold %q, want %q", path, got, wantGold)
		}
	}
	if _, err := LoadGMB("testdata/conll", 1); err == nil || !strings.Contains(err.Error(), "GMB_dataset.txt") {
		t.Errorf("a directory without a GMB table: err = %v", err)
	}
	if _, err := readGMB(strings.NewReader("Word,Tag\nx,O\n"), "t.csv"); err == nil || !strings.Contains(err.Error(), "Sentence #") {
		t.Errorf("a table without a sentence column: err = %v", err)
	}
}

func TestScoreEntitiesGMBVariants(t *testing.T) {
	docs, err := LoadGMB("testdata/gmb", 1)
	if err != nil {
		t.Fatal(err)
	}
	d := &docs[0]
	text := d.Article.Text
	an := &parallax.Analysis{Article: d.Article, Entities: []parallax.Entity{
		entityAt(t, text, "Jane Roe", parallax.Person, "Jane Roe"), // gold "Mayor Jane Roe": the title is trimmed
		entityAt(t, text, "Eastwick", parallax.Place, "Eastwick"),
		entityAt(t, text, "Norland", parallax.Place, "Norland"), // gpe
		entityAt(t, text, "Monday", parallax.Misc, "Monday"),    // tim: ignored
		entityAt(t, text, "Harbour Board", parallax.Organization, "Harbour Board"),
	}}
	for _, c := range []struct {
		classOf       func(string) string
		gold          int
		typed, untype PRF
	}{
		{GMBClass, 3, PRF{TP: 3}, PRF{TP: 3}},
		{GMBClassGPE, 4, PRF{TP: 4}, PRF{TP: 4}},
	} {
		s := NewEntityScores()
		ScoreEntities(d, an, Variant{Name: "gmb", Class: c.classOf}, s, nil)
		if s.Gold != c.gold || s.Typed != c.typed || s.Untyped != c.untype {
			t.Errorf("gold %d typed %+v untyped %+v, want %d %+v %+v", s.Gold, s.Typed, s.Untyped, c.gold, c.typed, c.untype)
		}
	}
}

func TestTrimTitle(t *testing.T) {
	for _, c := range []struct {
		in, want string
		person   bool
	}{
		{"Prime Minister Manmohan Singh", "Manmohan Singh", false},
		{"Mr. Annan", "Annan", false},
		{"Information Minister Mike Mulongoti", "Mike Mulongoti", false},
		{"U.S. President George H.W. Bush", "George H.W. Bush", false},
		{"Secretary of State John Kerry", "John Kerry", false},
		{"Bank of England", "Bank of England", false},
		{"the President said", "the President said", false},
		{"President", "President", false},
		{"General Motors", "General Motors", false},
		{"Jane Roe", "Jane Roe", false},
		{"Major General Ivo Quistrand", "Ivo Quistrand", true},
		{"Staff Sergeant Ana Velmor", "Ana Velmor", true},
		{"Major General Ivo Quistrand", "Major General Ivo Quistrand", false},
		{"Major League Quistball", "Major League Quistball", false},
		{"mayor Ivo Quistrand", "Ivo Quistrand", true},
		{"mayor Ivo Quistrand", "mayor Ivo Quistrand", false},
	} {
		if got := trimTitle(c.in, parallax.Span{Start: 0, End: len(c.in)}, c.person).Of(c.in); got != c.want {
			t.Errorf("trimTitle(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestUnresolvedPronounIsNotJudged(t *testing.T) {
	raw := "“Fine,” she said. “Later,” Jane Roe said."
	a := &parallax.Article{ID: "t", Text: raw}
	// brat offsets count code points
	cp := func(s string, from int) [2]int {
		i := strings.Index(raw[from:], s) + from
		start := len([]rune(raw[:i]))
		return [2]int{start, start + len([]rune(s))}
	}
	spans := map[string]*bratSpan{
		"T1": {ID: "T1", Type: "Content", Frags: [][2]int{cp("“Fine,”", 0)}},
		"T2": {ID: "T2", Type: "Source", Frags: [][2]int{cp("she", 0)}},
		"T3": {ID: "T3", Type: "Content", Frags: [][2]int{cp("“Later,”", 0)}},
		"T4": {ID: "T4", Type: "Source", Frags: [][2]int{cp("Jane Roe", 0)}},
	}
	events := []bratEvent{
		{ID: "E1", Type: "Attribution", Args: map[string]string{"Content": "T1", "Source": "T2"}},
		{ID: "E2", Type: "Attribution", Args: map[string]string{"Content": "T3", "Source": "T4"}},
	}
	d, err := buildQuoteDoc("t", a, raw, spans, events, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Attrs[0].Unresolved || d.Attrs[0].Judgeable() || d.Attrs[1].Unresolved {
		t.Fatalf("unresolved: %v %v", d.Attrs[0].Unresolved, d.Attrs[1].Unresolved)
	}
	an := &parallax.Analysis{Article: a, Quotes: []parallax.Quote{
		quoteAt(t, raw, "Fine,", "Ana Ruiz", false),
		quoteAt(t, raw, "Later,", "Jane Roe", false),
	}}
	var s QuoteScores
	ScoreQuotes(d, an, &s, nil)
	if s.Gold != 2 || s.Found != 2 || s.GoldWithSource != 1 || s.GoldUnresolved != 1 || s.Attributed != 1 || s.Judged != 1 || s.Right != 1 {
		t.Errorf("scores %+v", s)
	}
}

func TestLoadCoNLL2002(t *testing.T) {
	docs, err := LoadCoNLL2002("testdata/conll2002", 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2 (one run from each file)", len(docs))
	}
	wantText := "La alcaldesa Marta Ruiz visitó Villanorte con el Consejo Portuario.\n¿Zarpará el Estrella?"
	if docs[0].Article.Text != wantText {
		t.Errorf("text\n got %q\nwant %q", docs[0].Article.Text, wantText)
	}
	var got []string
	for _, g := range docs[0].Gold {
		got = append(got, g.Label+" "+g.Span.Of(docs[0].Article.Text))
	}
	if want := []string{"PER Marta Ruiz", "LOC Villanorte", "ORG Consejo Portuario", "MISC Estrella"}; !reflect.DeepEqual(got, want) {
		t.Errorf("gold %q, want %q", got, want)
	}
	if docs[1].Name != "esp.testa#s1-1" {
		t.Errorf("second document named %q", docs[1].Name)
	}
	if _, err := LoadCoNLL2002("testdata/gmb", 1); err == nil || !strings.Contains(err.Error(), "esp.train") {
		t.Errorf("a directory without esp.train: err = %v", err)
	}
}

// The CoNLL-2002 distribution ships its Spanish files in ISO-8859-1: they
// are read as such when they are not UTF-8.
func TestLoadCoNLL2002Latin1(t *testing.T) {
	dir := t.TempDir()
	train := []byte("La DA O\nalcaldesa NC O\nIn\xe9s NC B-PER\nVidal NC I-PER\nvisit\xf3 VMI O\nVillanorte NC B-LOC\n. Fp O\n")
	if err := os.WriteFile(filepath.Join(dir, "esp.train"), train, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "esp.testa"), []byte("Hola NC O\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, err := LoadCoNLL2002(dir, 1)
	if err != nil {
		t.Fatal(err)
	}
	if want := "La alcaldesa Inés Vidal visitó Villanorte."; docs[0].Article.Text != want {
		t.Errorf("text %q, want %q", docs[0].Article.Text, want)
	}
	if g := docs[0].Gold; len(g) != 2 || g[0].Span.Of(docs[0].Article.Text) != "Inés Vidal" {
		t.Errorf("gold %+v", g)
	}
}

// A "he" whose coreference chain CoreNLP's NER tags nobody in as a person
// cannot be judged: the chain is a coreference error.
func TestPronounChainWithoutPerson(t *testing.T) {
	d := loadFixturePolNeAR(t)
	if he := d.Attrs[1]; he.Unresolved {
		t.Fatalf("%q with chain %q (Tom Lake tagged PERSON) taken for unresolved", he.Source, he.Chain)
	}
	dir := "testdata/polnear/data/train/"
	stem := "harbour-herald_2020-03-02_bridge-repairs"
	raw, err := os.ReadFile(dir + "corenlp/" + stem + ".txt.xml")
	if err != nil {
		t.Fatal(err)
	}
	nlp, err := parseCoreNLP(strings.NewReader(strings.ReplaceAll(string(raw), "<NER>PERSON</NER>", "<NER>ORGANIZATION</NER>")), "x.xml")
	if err != nil {
		t.Fatal(err)
	}
	text, _ := os.ReadFile(dir + "text/" + stem + ".txt")
	f, _ := os.Open(d.AnnFile)
	defer f.Close()
	spans, events, err := parseBrat(f, d.AnnFile)
	if err != nil {
		t.Fatal(err)
	}
	nd, err := buildQuoteDoc(d.Name, d.Article, string(text), spans, events, nlp)
	if err != nil {
		t.Fatal(err)
	}
	if he := nd.Attrs[1]; !he.Unresolved || he.Judgeable() {
		t.Errorf("%q with a chain naming no person: unresolved %v, want true", he.Source, he.Unresolved)
	}
	if roe := nd.Attrs[0]; roe.Unresolved {
		t.Errorf("%q: a name source is never unresolved", roe.Source)
	}
}

func TestSwappedLabels(t *testing.T) {
	for _, c := range []struct {
		source, cue string
		want        bool
	}{
		{"said", "Bolton", true},
		{"said in a statement", "Sinovic", true},
		{"According to", "Woodward", true},
		{"said", "he", false}, // a pronoun names no one to read instead
		{"Bolton", "said", false},
		{"the statement", "said", false},
		{"Read", "said", false}, // a surname that is also a verb: the cue is no name
	} {
		if got := swappedLabels(c.source, c.cue); got != c.want {
			t.Errorf("swappedLabels(%q, %q) = %v, want %v", c.source, c.cue, got, c.want)
		}
	}
}
