package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/view"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The fixture is a small fictional story: a ferry fire in Westerhaven told
// by three outlets, plus an article about another fire that joins no story.

const (
	gazetteText = "Ferry fire at Pier 4 injures 14\n\n" +
		"A fire broke out aboard the ferry Marigold Star at Pier 4 in Westerhaven on March 3, 2026. " +
		"Fourteen people were injured, the fire service said.\n\n" +
		"\"This was the worst morning our harbour has seen in a generation,\" said Mayor Helena Varga. " +
		"The ferry was carrying 134 passengers.\n\n" +
		"A CTSB inspection in November 2025 found two fire doors that did not close."
	clarionText = "Inferno horror at Westerhaven\n\n" +
		"A terrifying inferno tore through the Marigold Star at Pier 4 on Tuesday. 41 people were injured. " +
		"\"It was the worst morning this harbour has seen in a generation,\" Varga said. " +
		"The operator called its safety record \"exemplary\"."
	wireText = "Ferry fire in Westerhaven\n\n" +
		"A fire reportedly broke out on the ferry Marigold Star on Tuesday, March 3, 2026, with dozens of passengers on board. " +
		"At least 14 people were hurt, officials said. " +
		"\"The crew did exactly what they were trained to do,\" fire chief Daniel Okafor said. " +
		"\"Smoke everywhere,\" one passenger wrote online."
	heraldText = "Cargo ferry blaze at Dunmore Quay\n\nA fire on the cargo ferry Northern Wren was put out on January 18, 2026."
)

func fixtureArticles() map[string]*parallax.Article {
	day := func(d string) time.Time {
		t, _ := time.Parse("2006-01-02", d)
		return t
	}
	return map[string]*parallax.Article{
		"a1": {ID: "a1", Source: "examples/harbor-gazette.txt", Outlet: "Harbor Gazette", Title: "Ferry fire at Pier 4 injures 14", Published: day("2026-03-03"), Language: "en", Text: gazetteText},
		"a2": {ID: "a2", Source: "examples/evening-clarion.txt", Outlet: "Evening Clarion", Title: "Inferno horror at Westerhaven", Published: day("2026-03-04"), Language: "en", Text: clarionText},
		"a3": {ID: "a3", Source: "https://meridian.example/ferry-fire", URL: "https://meridian.example/ferry-fire", Outlet: "Meridian Wire", Title: "Ferry fire in Westerhaven", Published: day("2026-03-03"), Language: "en", Text: wireText},
		"a4": {ID: "a4", Source: "examples/lisgarrow-herald.txt", Outlet: "Lisgarrow Herald", Title: "Cargo ferry blaze at Dunmore Quay", Published: day("2026-01-19"), Language: "en", Text: heraldText},
	}
}

// ev is the evidence for the first occurrence of words in article id.
func ev(t testing.TB, arts map[string]*parallax.Article, id, words string) parallax.Evidence {
	t.Helper()
	i := strings.Index(arts[id].Text, words)
	if i < 0 {
		t.Fatalf("%s has no %q", id, words)
	}
	return parallax.Evidence{Article: id, Text: words, Start: i, End: i + len(words)}
}

func info(a *parallax.Article) parallax.ArticleInfo {
	return parallax.ArticleInfo{ID: a.ID, Source: a.Source, Outlet: a.Outlet, Title: a.Title,
		Published: a.PublishedDate(), Language: a.Language, Words: len(strings.Fields(a.Text))}
}

func quote(t testing.TB, arts map[string]*parallax.Article, id, words, speaker, cue string, scare bool) parallax.StoryQuote {
	e := ev(t, arts, id, words)
	return parallax.StoryQuote{Article: id, Text: words, Speaker: speaker, Cue: cue, Scare: scare, Start: e.Start, End: e.End}
}

func num(f float64) *float64 { return &f }

func fixture(t testing.TB) (*parallax.Report, map[string]*parallax.Article) {
	arts := fixtureArticles()
	e := func(id, words string) parallax.Evidence { return ev(t, arts, id, words) }
	mayor := "This was the worst morning our harbour has seen in a generation"
	st := parallax.Story{
		ID:       "s1",
		Title:    "Fire aboard the ferry Marigold Star at Pier 4 in Westerhaven",
		Articles: []parallax.ArticleInfo{info(arts["a1"]), info(arts["a2"]), info(arts["a3"])},
		Outlets:  []string{"Harbor Gazette", "Evening Clarion", "Meridian Wire"},
		Entities: []parallax.StoryEntity{
			{Name: "Marigold Star", Type: parallax.Work, Aliases: nil, Articles: []string{"a1", "a2", "a3"}, Mentions: 3},
			{Name: "Helena Varga", Type: parallax.Person, Aliases: []string{"Varga"}, Articles: []string{"a1", "a2"}, Mentions: 2},
		},
		Quotes: []parallax.StoryQuote{
			quote(t, arts, "a1", mayor, "Helena Varga", "said Mayor Helena Varga", false),
			quote(t, arts, "a2", "It was the worst morning this harbour has seen in a generation", "Helena Varga", "Varga said", false),
			quote(t, arts, "a2", "exemplary", "", "", true),
			quote(t, arts, "a3", "The crew did exactly what they were trained to do,", "Daniel Okafor", "fire chief Daniel Okafor said", false),
			quote(t, arts, "a3", "Smoke everywhere,", "", "", false),
		},
		Speakers: []parallax.Speaker{
			{Name: "Helena Varga", Quotes: []parallax.QuoteGroup{{
				Text:     mayor,
				Variants: []parallax.Evidence{e("a1", mayor), e("a2", "It was the worst morning this harbour has seen in a generation")},
				Outlets:  []string{"Harbor Gazette", "Evening Clarion"},
			}}},
			{Name: "Daniel Okafor", Quotes: []parallax.QuoteGroup{{
				Text:     "The crew did exactly what they were trained to do,",
				Variants: []parallax.Evidence{e("a3", "The crew did exactly what they were trained to do,")},
				Outlets:  []string{"Meridian Wire"},
			}}},
		},
		Quantities: []parallax.StoryQuantity{
			{Article: "a1", Text: "134 passengers", Value: num(134), Unit: "passengers", Start: e("a1", "134 passengers").Start, End: e("a1", "134 passengers").End},
			{Article: "a3", Text: "dozens of passengers", Low: num(24), Unit: "passengers", Approx: true, Start: e("a3", "dozens of passengers").Start, End: e("a3", "dozens of passengers").End},
		},
		Dates: []parallax.StoryDate{
			{Article: "a1", Text: "March 3, 2026", Date: "2026-03-03", Start: e("a1", "March 3, 2026").Start, End: e("a1", "March 3, 2026").End},
			{Article: "a2", Text: "on Tuesday", Date: "2026-03-03", Relative: true, Start: e("a2", "on Tuesday").Start, End: e("a2", "on Tuesday").End},
		},
		Facts: []parallax.Fact{
			{ID: "f1", Summary: "Fire aboard the Marigold Star", Kind: "event", Articles: []string{"a1", "a2", "a3"},
				Outlets: []string{"Harbor Gazette", "Evening Clarion", "Meridian Wire"}, Omitted: []string{},
				Evidence: []parallax.Evidence{e("a1", "A fire broke out aboard the ferry Marigold Star"), e("a2", "A terrifying inferno tore through the Marigold Star"), e("a3", "A fire reportedly broke out on the ferry Marigold Star")}},
			{ID: "f2", Summary: "The fire was on March 3, 2026", Kind: "date", Articles: []string{"a1", "a3"},
				Outlets: []string{"Harbor Gazette", "Meridian Wire"}, Omitted: []string{"Evening Clarion"},
				Evidence: []parallax.Evidence{e("a1", "on March 3, 2026"), e("a3", "on Tuesday, March 3, 2026")}},
			{ID: "f3", Summary: "A CTSB inspection in November 2025 found faulty fire doors", Kind: "event", Articles: []string{"a1"},
				Outlets: []string{"Harbor Gazette"}, Omitted: []string{"Evening Clarion", "Meridian Wire"}, Exclusive: true,
				Evidence: []parallax.Evidence{e("a1", "A CTSB inspection in November 2025 found two fire doors that did not close.")}},
		},
		Conflicts: []parallax.Conflict{{
			Kind: "quantity", Subject: "people injured", Summary: "14 injured or 41 injured",
			Sides: [][]parallax.Evidence{
				{e("a1", "Fourteen people were injured"), e("a3", "At least 14 people were hurt")},
				{e("a2", "41 people were injured")},
			},
		}},
		Framing: []parallax.OutletFraming{
			{Outlet: "Harbor Gazette", Article: "a1", Words: info(arts["a1"]).Words, AttributedShare: 0.4, QuoteCount: 1, TopEntities: []string{"Marigold Star", "Helena Varga"}},
			{Outlet: "Evening Clarion", Article: "a2", Words: info(arts["a2"]).Words, AttributedShare: 0.25, QuoteCount: 2,
				Loaded: []parallax.Evidence{e("a2", "horror"), e("a2", "inferno"), e("a2", "terrifying")}, TopEntities: []string{"Marigold Star"}},
			{Outlet: "Meridian Wire", Article: "a3", Words: info(arts["a3"]).Words, AttributedShare: 0.75, QuoteCount: 2,
				Hedges: []parallax.Evidence{e("a3", "reportedly"), e("a3", "At least")}, TopEntities: []string{"Marigold Star", "Daniel Okafor"}},
		},
		Timeline: []parallax.TimelineEntry{
			{Date: "2025-11", Summary: "CTSB inspection finds faulty fire doors", Evidence: []parallax.Evidence{e("a1", "in November 2025")}},
			{Date: "2026-03-03", Summary: "Fire aboard the Marigold Star at Pier 4", Evidence: []parallax.Evidence{e("a1", "on March 3, 2026"), e("a2", "on Tuesday")}},
		},
		Digest: []parallax.DigestLine{
			{Text: "A fire broke out aboard the ferry Marigold Star at Pier 4 in Westerhaven on March 3, 2026.", Cites: []string{"a1", "a2", "a3"},
				Evidence: []parallax.Evidence{e("a1", "A fire broke out aboard the ferry Marigold Star at Pier 4 in Westerhaven on March 3, 2026.")}},
			{Text: "Fourteen people were injured, the fire service said.", Cites: []string{"a1", "a3"},
				Evidence: []parallax.Evidence{e("a1", "Fourteen people were injured, the fire service said.")}, Disputed: "Evening Clarion reports 41 injured"},
		},
	}
	rep := &parallax.Report{
		Generator:  "parallax test",
		Stories:    []parallax.Story{st},
		Unassigned: []string{"a4"},
		Articles:   []parallax.ArticleInfo{info(arts["a1"]), info(arts["a2"]), info(arts["a3"]), info(arts["a4"])},
		Errors:     []parallax.InputError{{Input: "examples/missing.txt", Problem: "no such file"}},
	}
	return rep, arts
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./internal/report -update and review the diff\n%s", name, firstDiff(string(want), string(got)))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\nwant: " + w + "\ngot:  " + g
		}
	}
	return ""
}

func render(t *testing.T, f func(*bytes.Buffer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f(&buf); err != nil {
		t.Fatal(err)
	}
	// Rendering twice must give the same bytes.
	var again bytes.Buffer
	if err := f(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Fatal("output differs between two runs")
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	rep, arts := fixture(t)
	golden(t, "report.json", render(t, func(b *bytes.Buffer) error { return JSON(b, rep) }))
	golden(t, "report.txt", render(t, func(b *bytes.Buffer) error { return Text(b, rep, TextOptions{}) }))
	golden(t, "report-narrow.txt", render(t, func(b *bytes.Buffer) error { return Text(b, rep, TextOptions{Width: 50}) }))
	golden(t, "report-color.txt", render(t, func(b *bytes.Buffer) error { return Text(b, rep, TextOptions{Width: 100, Color: true}) }))
	golden(t, "report.md", render(t, func(b *bytes.Buffer) error { return Markdown(b, rep) }))
	golden(t, "report.html", render(t, func(b *bytes.Buffer) error { return HTML(b, rep, arts) }))
	golden(t, "report-no-articles.html", render(t, func(b *bytes.Buffer) error { return HTML(b, rep, nil) }))
}

func TestJSONSpeakerNullAndEmptyLists(t *testing.T) {
	rep, _ := fixture(t)
	rep.Stories[0].Timeline = nil
	rep.Stories[0].Entities[0].Aliases = nil
	var buf bytes.Buffer
	if err := JSON(&buf, rep); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	var got struct {
		Stories []struct {
			Quotes []struct {
				Text    string  `json:"text"`
				Speaker *string `json:"speaker"`
			} `json:"quotes"`
		} `json:"stories"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	qs := got.Stories[0].Quotes
	if qs[0].Speaker == nil || *qs[0].Speaker != "Helena Varga" {
		t.Errorf("named speaker: got %v", qs[0].Speaker)
	}
	if qs[4].Speaker != nil {
		t.Errorf("unnamed speaker: got %q, want null", *qs[4].Speaker)
	}
	if !strings.Contains(out, `"speaker": null`) || strings.Contains(out, `"speaker": ""`) {
		t.Error(`a quote nobody can be named for must print "speaker": null`)
	}
	if strings.Count(out, ": null") != strings.Count(out, `"speaker": null`) {
		t.Error("a null other than a speaker; nil lists must print []")
	}
	if !strings.Contains(out, `"timeline": []`) || !strings.Contains(out, `"aliases": []`) {
		t.Error("a nil list did not print []")
	}
	if !strings.HasPrefix(out, "{\n  \"generator\"") {
		t.Errorf("not indented by two spaces, or fields out of order: %.40q", out)
	}
	// The caller's report is left as it was.
	if rep.Stories[0].Timeline != nil || rep.Stories[0].Entities[0].Aliases != nil {
		t.Error("JSON changed the report it was given")
	}
	// The output reads back into the same report, nil lists aside.
	var back parallax.Report
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Stories[0].Quotes[4] != rep.Stories[0].Quotes[4] || back.Stories[0].Facts[2].Evidence[0] != rep.Stories[0].Facts[2].Evidence[0] {
		t.Error("round trip lost data")
	}
}

// TestJSONMirrorsReport fails when report.go gains, loses or reorders a
// field that the JSON mirror types do not follow.
func TestJSONMirrorsReport(t *testing.T) {
	pairs := []struct{ theirs, ours reflect.Type }{
		{reflect.TypeFor[parallax.Report](), reflect.TypeFor[jsonReport]()},
		{reflect.TypeFor[parallax.Story](), reflect.TypeFor[jsonStory]()},
		{reflect.TypeFor[parallax.StoryQuote](), reflect.TypeFor[jsonQuote]()},
	}
	for _, p := range pairs {
		if p.theirs.NumField() != p.ours.NumField() {
			t.Errorf("%s has %d fields, %s %d: update json.go", p.theirs, p.theirs.NumField(), p.ours, p.ours.NumField())
			continue
		}
		for i := 0; i < p.theirs.NumField(); i++ {
			a, b := p.theirs.Field(i), p.ours.Field(i)
			if a.Name != b.Name || a.Tag.Get("json") != b.Tag.Get("json") {
				t.Errorf("%s field %d is %s %q, %s has %s %q: update json.go", p.theirs, i, a.Name, a.Tag.Get("json"), p.ours, b.Name, b.Tag.Get("json"))
			}
		}
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{
		"text": FormatText, "TXT": FormatText, "json": FormatJSON, " JSON ": FormatJSON,
		"markdown": FormatMarkdown, "md": FormatMarkdown, "html": FormatHTML, "htm": FormatHTML,
	} {
		got, err := ParseFormat(in)
		if err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "pdf", "xml"} {
		_, err := ParseFormat(in)
		if err == nil {
			t.Errorf("ParseFormat(%q) gave no error", in)
			continue
		}
		var perr *parallax.Error
		if !errors.As(err, &perr) || perr.Code != parallax.EINVALID {
			t.Errorf("ParseFormat(%q): error %v is not an EINVALID *parallax.Error", in, err)
		}
		for _, f := range Formats() {
			if !strings.Contains(err.Error(), string(f)) {
				t.Errorf("ParseFormat(%q): error %q does not list %s", in, err, f)
			}
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, Format("pdf"), &parallax.Report{}, Options{}); err == nil {
		t.Error("Write accepted an unknown format")
	}
	for _, f := range Formats() {
		buf.Reset()
		if err := Write(&buf, f, nil, Options{}); err != nil || buf.Len() == 0 {
			t.Errorf("Write(%s, nil report): %v, %d bytes", f, err, buf.Len())
		}
	}
}

// hostile is the fixture with markup and script in every string an article
// supplies: outlet, title, text, quotes, evidence, URL.
func hostile(t *testing.T) (*parallax.Report, map[string]*parallax.Article) {
	rep, arts := fixture(t)
	const bad = `<script>alert(1)</script>`
	const attr = `" onmouseover="alert(2)`
	a := arts["a2"]
	a.Title = bad + " headline " + attr
	a.Outlet = "Clarion <b>" + attr
	a.URL = "javascript:alert(3)"
	a.Source = "javascript:alert(4)"
	a.Text = a.Title + "\n\nHe shouted \"" + bad + "\" and " + attr + " then left. 41 people were injured."
	st := &rep.Stories[0]
	inf := info(a)
	st.Articles[1] = inf
	rep.Articles[1] = inf
	st.Outlets[1] = a.Outlet
	q := quote(t, arts, "a2", bad, "Mallory "+attr, "", false)
	st.Quotes = append(st.Quotes, q)
	st.Speakers = append(st.Speakers, parallax.Speaker{Name: "Mallory " + attr, Quotes: []parallax.QuoteGroup{{
		Text: bad, Variants: []parallax.Evidence{ev(t, arts, "a2", bad)}, Outlets: []string{a.Outlet}}}})
	st.Conflicts[0].Sides[1] = []parallax.Evidence{ev(t, arts, "a2", "41 people were injured")}
	st.Conflicts[0].Summary = attr
	st.Facts[0].Evidence[1] = ev(t, arts, "a2", attr)
	st.Facts[0].Outlets[1] = a.Outlet
	st.Framing[1].Outlet = a.Outlet
	st.Framing[1].Loaded = []parallax.Evidence{ev(t, arts, "a2", attr)}
	st.Timeline[1].Evidence = []parallax.Evidence{ev(t, arts, "a2", bad)}
	st.Digest[0].Text = bad + attr
	st.Title = bad
	rep.Errors = append(rep.Errors, parallax.InputError{Input: bad, Problem: attr})
	return rep, arts
}

func TestHTMLEscapes(t *testing.T) {
	rep, arts := hostile(t)
	var buf bytes.Buffer
	if err := HTML(&buf, rep, arts); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, m := range regexp.MustCompile(`(?i)href="([^"]*)"`).FindAllStringSubmatch(out, -1) {
		if !strings.HasPrefix(m[1], "#") && !strings.HasPrefix(m[1], "https://") {
			t.Errorf("link to %q", m[1])
		}
	}
	for _, bad := range []string{"<script", "</script", "<b>", `" onmouseover`, `"onmouseover`, "alert(3)"} {
		if strings.Contains(strings.ToLower(out), strings.ToLower(bad)) {
			i := strings.Index(strings.ToLower(out), strings.ToLower(bad))
			t.Errorf("HTML output holds %q unescaped: …%s…", bad, out[max(0, i-80):min(len(out), i+80)])
		}
	}
	if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the script tag is not shown, escaped, as text")
	}
	if !strings.Contains(out, "&#34; onmouseover=&#34;alert(2)") {
		t.Error("the attribute injection is not shown, escaped, as text")
	}
	checkAnchors(t, out)
}

func TestMarkdownEscapes(t *testing.T) {
	rep, _ := hostile(t)
	var buf bytes.Buffer
	if err := Markdown(&buf, rep); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "<script>") || strings.Contains(out, "<b>") {
		t.Error("Markdown output holds raw HTML from an article")
	}
	if !strings.Contains(out, `\<script\>alert(1)\</script\>`) {
		t.Error("the script tag is not escaped as text")
	}
	// A table row must keep its cells: an article's | is escaped.
	if md("a | b") != `a \| b` {
		t.Errorf("md(%q) = %q", "a | b", md("a | b"))
	}
}

// checkAnchors checks that every in-page link has its target, that ids are
// unique, and that the marks nest.
func checkAnchors(t *testing.T, page string) {
	t.Helper()
	ids := map[string]int{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		ids[m[1]]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q used %d times", id, n)
		}
	}
	links := regexp.MustCompile(` href="#([^"]*)"`).FindAllStringSubmatch(page, -1)
	if len(links) == 0 {
		t.Error("no in-page links")
	}
	for _, m := range links {
		if ids[m[1]] == 0 {
			t.Errorf("link to #%s has no target", m[1])
		}
	}
	depth := 0
	for _, m := range regexp.MustCompile(`<(/?)mark\b`).FindAllStringSubmatch(page, -1) {
		if m[1] == "" {
			depth++
		} else {
			depth--
		}
		if depth < 0 {
			t.Fatal("a </mark> closes no mark")
		}
	}
	if depth != 0 {
		t.Errorf("%d marks left open", depth)
	}
}

func TestHTMLLinksEveryEvidence(t *testing.T) {
	rep, arts := fixture(t)
	var buf bytes.Buffer
	if err := HTML(&buf, rep, arts); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	checkAnchors(t, out)
	// Every piece of evidence in the report has a span to link to.
	for _, st := range rep.Stories {
		var all []parallax.Evidence
		for _, f := range st.Facts {
			all = append(all, f.Evidence...)
		}
		for _, c := range st.Conflicts {
			for _, s := range c.Sides {
				all = append(all, s...)
			}
		}
		for _, sp := range st.Speakers {
			for _, g := range sp.Quotes {
				all = append(all, g.Variants...)
			}
		}
		for _, fr := range st.Framing {
			all = append(all, fr.Hedges...)
			all = append(all, fr.Loaded...)
		}
		for _, e := range all {
			n := map[string]int{"a1": 1, "a2": 2, "a3": 3}[e.Article]
			id := spanID(n, e.Start, e.End)
			if !strings.Contains(out, `id="`+id+`"`) || !strings.Contains(out, `href="#`+id+`"`) {
				t.Errorf("evidence %q (%s) is not both anchored and linked", e.Text, id)
			}
		}
	}
	if !strings.Contains(out, `<a href="https://meridian.example/ferry-fire">`) {
		t.Error("an https article URL is not a link")
	}
	if strings.Contains(out, "<script") || strings.Contains(out, "<link") || strings.Contains(out, " src=") {
		t.Error("the page loads scripts or external assets")
	}
}

func TestHighlightOverlaps(t *testing.T) {
	text := "abcdefghij"
	spans := map[[2]int]*hspan{
		{1, 5}: {start: 1, end: 5, kinds: map[string]bool{"fact": true}},
		{3, 8}: {start: 3, end: 8, kinds: map[string]bool{"quote": true}},
		{3, 4}: {start: 3, end: 4, kinds: map[string]bool{"hedge": true}},
		{6, 8}: {start: 6, end: 8, kinds: map[string]bool{"loaded": true, "conflict": true}},
	}
	var b strings.Builder
	for _, p := range highlight(text, spans, 7) {
		switch {
		case p.Open && p.ID != "":
			b.WriteString("<" + p.ID + " " + p.Class + ">")
		case p.Open:
			b.WriteString("<+" + p.Class + ">")
		case p.Close:
			b.WriteString("</>")
		default:
			b.WriteString(p.Text)
		}
	}
	want := "a<ev-7-1-5 k-fact>bc<ev-7-3-8 k-quote><ev-7-3-4 k-hedge>d</>e</></><+k-quote>f<ev-7-6-8 k-loaded k-conflict>gh</></>ij"
	if b.String() != want {
		t.Errorf("got  %s\nwant %s", b.String(), want)
	}
}

func TestSentenceAround(t *testing.T) {
	text := "First one. He said \"no\" twice. Last!\nNext line here."
	i := strings.Index(text, "no")
	before, after := view.SentenceAround(text, i, i+2, 100)
	if before != `He said "` || after != `" twice.` {
		t.Errorf("got %q / %q", before, after)
	}
	i = strings.Index(text, "Next")
	before, after = view.SentenceAround(text, i, i+4, 100)
	if before != "" || after != " line here." {
		t.Errorf("got %q / %q", before, after)
	}
	long := strings.Repeat("word ", 100) + "X" + strings.Repeat(" word", 100)
	i = strings.Index(long, "X")
	before, after = view.SentenceAround(long, i, i+1, 20)
	if !strings.HasPrefix(before, "…") || !strings.HasSuffix(after, "…") || len(before) > 30 || len(after) > 30 {
		t.Errorf("long sentence not cut: %q / %q", before, after)
	}
}

func TestTextWraps(t *testing.T) {
	rep, _ := fixture(t)
	for _, width := range []int{40, 50, 80, 120} {
		for _, color := range []bool{false, true} {
			var buf bytes.Buffer
			if err := Text(&buf, rep, TextOptions{Width: width, Color: color}); err != nil {
				t.Fatal(err)
			}
			if !color && strings.Contains(buf.String(), "\x1b[") {
				t.Error("colour codes without Color")
			}
			if color && !strings.Contains(buf.String(), "\x1b[") {
				t.Error("no colour codes with Color")
			}
			for _, line := range strings.Split(buf.String(), "\n") {
				// A single word longer than the width may stick out; none here is.
				if w := visibleWidth(line); w > width {
					t.Errorf("width %d: line of %d: %q", width, w, line)
				}
			}
		}
	}
}

func TestTextShowsEverySection(t *testing.T) {
	rep, _ := fixture(t)
	var buf bytes.Buffer
	if err := Text(&buf, rep, TextOptions{Width: 100}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"AGREED", "DISPUTED", "ONLY IN", "QUOTES BY SPEAKER", "FRAMING", "TIMELINE", "DIGEST",
		"Only in Harbor Gazette", "“41 people were injured”", "Helena Varga", "(worded differently)",
		"[Harbor Gazette] [Evening Clarion] [Meridian Wire]", "NOT IN ANY STORY", "Lisgarrow Herald",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q", want)
		}
	}
}

// TestSparseReport renders a story the pipeline filled in only partly: no
// outlet list, no speaker groups, facts without outlets, evidence whose
// offsets are stale. Nothing may panic and the gaps are filled from what
// is there.
func TestSparseReport(t *testing.T) {
	arts := fixtureArticles()
	stale := ev(t, arts, "a2", "41 people were injured")
	stale.Start, stale.End = 1, 5 // the words are found again by their text
	rep := &parallax.Report{Stories: []parallax.Story{{
		ID:       "s1",
		Articles: []parallax.ArticleInfo{info(arts["a1"]), info(arts["a2"])},
		Facts: []parallax.Fact{
			{ID: "f1", Summary: "injuries", Evidence: []parallax.Evidence{ev(t, arts, "a1", "Fourteen people were injured"), stale}},
			{ID: "f2", Summary: "inspection", Evidence: []parallax.Evidence{{Article: "a1", Text: "words that are not there", Start: 5000, End: 5010}}},
		},
		Quotes: []parallax.StoryQuote{quote(t, arts, "a1", "This was the worst morning our harbour has seen in a generation", "Helena Varga", "", false)},
	}}}
	for _, f := range Formats() {
		var buf bytes.Buffer
		if err := Write(&buf, f, rep, Options{Articles: arts}); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out := buf.String()
		for _, want := range []string{"Harbor Gazette", "Evening Clarion", "Helena Varga"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s output lacks %q", f, want)
			}
		}
		if f == FormatHTML {
			checkAnchors(t, out)
			i := strings.Index(clarionText, "41 people were injured")
			if !strings.Contains(out, `href="#`+spanID(2, i, i+len("41 people were injured"))+`"`) {
				t.Error("stale offsets: the evidence was not found again by its words")
			}
		}
		if f == FormatText && !strings.Contains(out, "Only in Harbor Gazette · left out by Evening Clarion") {
			t.Errorf("text: the exclusive is not shown against the outlets taken from the articles:\n%s", out)
		}
	}
}

// An over-long article analysed only in part says so in every format a
// reader sees; a whole one says nothing.
func TestUnanalysedShown(t *testing.T) {
	rep, _ := fixture(t)
	rep.Stories[0].Articles[1].Unanalysed = 4096
	for _, f := range []Format{"text", "markdown", "json"} {
		var buf bytes.Buffer
		if err := Write(&buf, f, rep, Options{}); err != nil {
			t.Fatal(err)
		}
		want := "4096 bytes not analysed"
		if f == "json" {
			want = `"unanalysed": 4096`
		}
		out := strings.Join(strings.Fields(buf.String()), " ") // the text wraps
		if n := strings.Count(out, want); n != 1 {
			t.Errorf("%s: %q %d times, want once", f, want, n)
		}
	}
}
