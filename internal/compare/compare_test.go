package compare

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/analyze"
	"github.com/parallaxnews/parallax/internal/dates"
	"github.com/parallaxnews/parallax/internal/quantity"
)

func TestSimilarNames(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Dominique Mamberti", "Dominic Lamberti", true},
		{"Elena Vossberg", "Elena Vassberg", true},
		{"Elena Voss", "Elena Voss", false},
		{"Elena Voss", "Marta Quill", false},
		{"Voss", "Vass", false}, // one word: too little to tell
	}
	for _, tt := range tests {
		if got := similarNames(tt.a, tt.b); got != tt.want {
			t.Errorf("similarNames(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSamePerson(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Maynor Suazo Sandoval", "Maynor Yassir Suazo Sandoval", true},
		{"maynor yasir suazo sandoval", "maynor yasir suazo sandova", true},
		{"Maynor Suazo", "Maynor Yasir Suazo Sandoval", true},
		{"Ana Ruiz", "Ana Lindqvist", false},
		{"Ana Ruiz", "Marta Ruiz", false},
	}
	for _, tt := range tests {
		if got := samePerson(foldKey(tt.a), foldKey(tt.b)); got != tt.want {
			t.Errorf("samePerson(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestRunningCount(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"With 545 election results declared, the Greens had 4 seats.", true},
		{"After 600 of the 650 seats had been declared, the majority was 176.", true},
		{"After 648 of the 650 seats had been declared, the majority was 176.", false}, // all but complete: the result
		{"All 650 of the 650 seats were declared by noon.", false},
		{"The council has 50 seats.", false},
	}
	for _, tt := range tests {
		if got := runningCount(tt.text); got != tt.want {
			t.Errorf("runningCount(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestFoldKey(t *testing.T) {
	if foldKey("Maynor Yassir") != foldKey("Maynor Yasir") {
		t.Errorf("doubled letters should fold: %q vs %q", foldKey("Maynor Yassir"), foldKey("Maynor Yasir"))
	}
	if foldKey("Donald J. Trump") != foldKey("Donald Trump") {
		t.Errorf("middle initials should fold: %q", foldKey("Donald J. Trump"))
	}
	if foldKey("Renn") == foldKey("Rennet") {
		t.Error("different names folded together")
	}
}

// A small fictional story told by three outlets.
var tale = []struct{ outlet, text string }{
	{"north-post.example", `Dam leak floods Ashby
A leak at the Ashby dam flooded 40 homes on Monday, the Ashby Water Board (AWB) said. Engineer Paula Mertz, who caused the leak, was arrested. "We acted within the hour," said Mayor Ivo Stanek. The board will pay $3 million for repairs. A 2019 inspection had found cracks in the north wall.`},
	{"valley-times.example", `Homes flooded in Ashby
Water from the Ashby dam flooded 40 homes on Monday, according to the Ashby Water Board. Paula Mertz is accused of opening the wrong valve. "We acted within the hour," Stanek said. Repairs will cost 3 million dollars.`},
	{"river-radio.example", `Ashby dam leak: 14 homes hit
The Ashby dam leaked on Monday and flooded 14 homes, the Ashby Water Board said. Mayor Ivo Stanek said crews "acted within the hour". The board estimated repairs at $3m.`},
}

func taleStory(t *testing.T) parallax.Story {
	t.Helper()
	an := testAnalyzer()
	var in Input
	for i, x := range tale {
		a := &parallax.Article{ID: "a" + string(rune('1'+i)), Outlet: x.outlet, Source: x.outlet, Text: x.text, Language: "en",
			Title: strings.SplitN(x.text, "\n", 2)[0]}
		a.TitleSpan = parallax.Span{Start: 0, End: len(a.Title)}
		in.Analyses = append(in.Analyses, an.Analyze(a))
	}
	in.ID = "s1"
	return Story(in)
}

func TestStory(t *testing.T) {
	st := taleStory(t)
	if len(st.Outlets) != 3 {
		t.Fatalf("outlets = %v", st.Outlets)
	}
	var kinds []string
	quantityConflict, guilt := false, false
	for _, c := range st.Conflicts {
		kinds = append(kinds, c.Kind+": "+c.Summary)
		if c.Kind == "quantity" && strings.Contains(c.Summary, "40") && strings.Contains(c.Summary, "14") {
			quantityConflict = true
		}
		if c.Kind == "characterization" && c.Subject == "Paula Mertz" {
			guilt = true
		}
		if strings.Contains(c.Summary, "3 million") || strings.Contains(c.Summary, "$3m") {
			t.Errorf("compatible money figures reported as a conflict: %s", c.Summary)
		}
		for _, side := range c.Sides {
			for _, e := range side {
				if len(strings.Fields(e.Text)) > 80 {
					t.Errorf("evidence longer than 80 words: %q", e.Text)
				}
			}
		}
	}
	if !quantityConflict {
		t.Errorf("no conflict 40 vs 14 homes; conflicts: %v", kinds)
	}
	if !guilt {
		t.Errorf("no characterization conflict about Paula Mertz (caused vs accused); conflicts: %v", kinds)
	}
	// the money is one shared figure
	money := false
	for _, f := range st.Facts {
		if f.Kind == "quantity" && strings.Contains(f.Summary, "$3m") && strings.Contains(f.Summary, "3 million dollars") && len(f.Outlets) == 3 {
			money = true
		}
	}
	if !money {
		t.Errorf("$3 million / 3 million dollars / $3m not lined up as one shared figure")
	}
	// the inspection is one outlet's alone
	excl := false
	for _, f := range st.Facts {
		if f.Exclusive && strings.Contains(f.Evidence[0].Text, "inspection") {
			excl = true
			if len(f.Omitted) != 2 {
				t.Errorf("exclusive omitted by %v, want the two other outlets", f.Omitted)
			}
		}
	}
	if !excl {
		t.Error("the 2019 inspection is not shown as an exclusive")
	}
	// the mayor's quote, three wordings, one speaker
	var mayor *parallax.Speaker
	for i := range st.Speakers {
		if st.Speakers[i].Name == "Ivo Stanek" {
			mayor = &st.Speakers[i]
		}
	}
	if mayor == nil || len(mayor.Quotes) == 0 || len(mayor.Quotes[0].Outlets) < 2 {
		t.Errorf("the mayor's quote is not grouped across outlets: %+v", st.Speakers)
	}
	// entities merge across outlets: "Stanek" and "Mayor Ivo Stanek"
	for _, e := range st.Entities {
		if e.Name == "Stanek" {
			t.Errorf("surname not merged with the full name: %+v", e)
		}
	}
	for _, d := range st.Digest {
		if len(d.Cites) == 0 || len(d.Evidence) == 0 {
			t.Errorf("digest line without sources: %q", d.Text)
		}
	}
}

func TestDateConflict(t *testing.T) {
	an := testAnalyzer()
	texts := []struct{ outlet, text string }{
		{"a.example", "Ashby dam leak\nThe Ashby dam leaked on March 2, 2026, flooding homes along the Ashby river, the Ashby Water Board said."},
		{"b.example", "Leak at Ashby dam\nThe Ashby dam leaked on March 2, 2026 and flooded homes along the Ashby river, according to the Ashby Water Board."},
		{"c.example", "Ashby flooding\nThe Ashby dam leaked on March 3, 2026, flooding homes along the Ashby river, the Ashby Water Board said."},
	}
	var in Input
	for i, x := range texts {
		a := &parallax.Article{ID: "a" + string(rune('1'+i)), Outlet: x.outlet, Text: x.text, Language: "en"}
		in.Analyses = append(in.Analyses, an.Analyze(a))
	}
	st := Story(in)
	var got []string
	for _, c := range st.Conflicts {
		got = append(got, c.Kind+": "+c.Summary)
		if c.Kind == "date" && strings.Contains(c.Summary, "2026-03-03") && strings.Contains(c.Summary, "2026-03-02") {
			if len(c.Sides) != 2 || len(c.Sides[0]) != 1 || c.Sides[0][0].Article != "a3" || len(c.Sides[1]) != 2 {
				t.Errorf("date conflict sides: %+v", c.Sides)
			}
			return
		}
	}
	t.Errorf("no date conflict March 3 vs March 2; conflicts: %v", got)
}

// testAnalyzer is the pipeline's analyser, built here because the pipeline
// package imports this one.
func testAnalyzer() *analyze.Analyzer {
	return &analyze.Analyzer{Quantities: quantity.Find, Dates: func(text string, a *parallax.Article, lang string) []parallax.DateMention {
		return dates.Find(text, a.Published, lang)
	}}
}

// TestStoryDeterministic: the same articles give the same story every time,
// down to which of two identical sentences is cited (Go's maps iterate in
// a new order on every range).
func TestStoryDeterministic(t *testing.T) {
	an := testAnalyzer()
	texts := []string{
		"Ashby dam leak\nThe Ashby dam leaked on March 2, 2026, flooding 40 homes, the Ashby Water Board said. Crews from Dunmore and Kessel worked overnight. The Ashby dam leaked on March 2, 2026, flooding 40 homes, the Ashby Water Board said.",
		"Leak at Ashby dam\nThe Ashby dam leaked on March 2, 2026 and flooded 40 homes, according to the Ashby Water Board. Mayor Ilse Varga visited Kessel.",
		"Ashby flooding\nThe dam at Ashby leaked on March 3, 2026, flooding 42 homes, the Ashby Water Board said. The Order of St Brendan sent volunteers.",
	}
	var in Input
	for i, x := range texts {
		a := &parallax.Article{ID: "a" + string(rune('1'+i)), Outlet: "o" + string(rune('1'+i)) + ".example", Text: x, Language: "en"}
		in.Analyses = append(in.Analyses, an.Analyze(a))
	}
	first, err := json.Marshal(Story(in))
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		again, _ := json.Marshal(Story(in))
		if !bytes.Equal(first, again) {
			t.Fatalf("two comparisons of the same articles differ:\n%s\n%s", first, again)
		}
	}
}
