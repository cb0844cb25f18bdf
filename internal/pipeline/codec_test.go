package pipeline

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
)

const story = `Dam leak floods Ashby
A leak at the Ashby dam flooded 40 homes on Monday, March 2, 2026, the Ashby Water Board (AWB) said. Engineer Paula Mertz, who is accused of opening the wrong valve, was arrested. "We acted within the hour," said Mayor Ivo Stanek. The board will pay $3 million for repairs.`

func analysed(t *testing.T) (*parallax.Article, *parallax.Analysis) {
	t.Helper()
	art := &parallax.Article{ID: "a1", Text: story, Title: "Dam leak floods Ashby"}
	a := NewAnalyzer().Analyze(art)
	if len(a.Sentences) == 0 || len(a.Entities) == 0 || len(a.Quotes) == 0 || len(a.Quantities) == 0 || len(a.Dates) == 0 || len(a.Signals) == 0 {
		t.Fatalf("fixture too thin to test the codec: %+v", a)
	}
	return art, a
}

// roundTrip encodes and decodes a, checking the decoded analysis points at
// its article.
func roundTrip(t *testing.T, art *parallax.Article, a *parallax.Analysis) *parallax.Analysis {
	t.Helper()
	b, err := EncodeAnalysis(a)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeAnalysis(b, art)
	if err != nil {
		t.Fatalf("decode: %v\n%s", err, b)
	}
	if got.Article != art {
		t.Error("decoded analysis does not point at its article")
	}
	return got
}

func TestCodecRoundTrip(t *testing.T) {
	art, a := analysed(t)
	got := roundTrip(t, art, a)
	got.Article, a.Article = nil, nil
	if !reflect.DeepEqual(got, a) {
		t.Errorf("round trip changed the analysis:\n got %+v\nwant %+v", got, a)
	}
}

// An analysis of the start of a long text keeps how much it left.
func TestCodecUnanalysed(t *testing.T) {
	art, a := analysed(t)
	a.Unanalysed = 40
	if got := roundTrip(t, art, a); got.Unanalysed != 40 {
		t.Errorf("Unanalysed = %d after a round trip, want 40", got.Unanalysed)
	}
	a.Unanalysed = 0
	if b, _ := EncodeAnalysis(a); strings.Contains(string(b), "unanalysed") {
		t.Errorf("a whole analysis says how much it left: %s", b)
	}
}

// The wire form is what the API serves: spans flat, mentions with their
// words, an unknown speaker null, empty lists [] rather than null.
func TestCodecShape(t *testing.T) {
	_, a := analysed(t)
	a.Quotes = append(a.Quotes, parallax.Quote{Text: "x", Span: parallax.Span{Start: 1, End: 2}})
	b, err := EncodeAnalysis(a)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		V         int `json:"v"`
		Sentences []map[string]any
		Entities  []struct {
			Name     string
			Aliases  []string
			Mentions []struct {
				Start, End int
				Text       string
			}
		}
		Quotes []map[string]any
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if m.V != CodecVersion {
		t.Errorf("v = %d, want %d", m.V, CodecVersion)
	}
	if _, ok := m.Sentences[0]["end"]; !ok {
		t.Errorf("sentence without its span: %v", m.Sentences[0])
	}
	for _, e := range m.Entities {
		if e.Aliases == nil {
			t.Errorf("entity %s: aliases null, want []", e.Name)
		}
		for _, x := range e.Mentions {
			if story[x.Start:x.End] != x.Text {
				t.Errorf("entity %s: mention %d-%d says %q, text says %q", e.Name, x.Start, x.End, x.Text, story[x.Start:x.End])
			}
		}
	}
	last := m.Quotes[len(m.Quotes)-1]
	if sp, ok := last["speaker"]; !ok || sp != nil {
		t.Errorf("quote without a speaker: speaker = %v (present %v), want null", sp, ok)
	}
	if !strings.Contains(string(b), `"start":`) {
		t.Errorf("no flat spans in %s", b)
	}
}

func TestCodecRejects(t *testing.T) {
	art, a := analysed(t)
	good, _ := EncodeAnalysis(a)
	mentionAt := strings.Index(string(good), `"mentions":[{"start":`)
	if mentionAt < 0 {
		t.Fatalf("no mention in %s", good)
	}
	cases := []struct{ name, b, want string }{
		{"empty", "", "no stored analysis"},
		{"not JSON", "{", "not valid"},
		{"old format", `{"v":1,"language":"en","sentences":[{"s":[0,5]}]}`, "format 1"},
		{"span outside", `{"v":2,"sentences":[{"start":0,"end":99999}]}`, "outside the text"},
		{"reversed span", `{"v":2,"quotes":[{"text":"x","start":9,"end":3}]}`, "outside the text"},
		{"unanalysed beyond the text", `{"v":2,"unanalysed":99999}`, "unanalysed"},
		{"mention words", `{"v":2,"entities":[{"name":"Ashby","mentions":[{"start":0,"end":3,"text":"Ash"}]}]}`, `reads "Dam"`},
	}
	for _, c := range cases {
		_, err := DecodeAnalysis([]byte(c.b), art)
		if err == nil {
			t.Errorf("%s: DecodeAnalysis(%q) accepted", c.name, c.b)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, "a1") || !strings.Contains(msg, c.want) {
			t.Errorf("%s: error %q: want it to name article a1 and say %q", c.name, msg, c.want)
		}
	}
}

func TestRecordAnalysis(t *testing.T) {
	art, a := analysed(t)
	b, _ := EncodeAnalysis(a)
	r := &parallax.Record{ID: 7, Article: *art, Analysis: b}
	got, err := RecordAnalysis(r)
	if err != nil {
		t.Fatal(err)
	}
	if got.Article.ID != "a7" || len(got.Quotes) != len(a.Quotes) {
		t.Errorf("RecordAnalysis: article %q, %d quotes; want a7, %d", got.Article.ID, len(got.Quotes), len(a.Quotes))
	}
	r.Analysis = nil
	if _, err := RecordAnalysis(r); err == nil || !strings.Contains(err.Error(), "a7") {
		t.Errorf("no analysis: err = %v, want an error naming a7", err)
	}
}
