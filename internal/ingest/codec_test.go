package ingest

import (
	"reflect"
	"testing"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/pipeline"
)

const story = `Dam leak floods Ashby
A leak at the Ashby dam flooded 40 homes on Monday, March 2, 2026, the Ashby Water Board (AWB) said. Engineer Paula Mertz, who is accused of opening the wrong valve, was arrested. "We acted within the hour," said Mayor Ivo Stanek. The board will pay $3 million for repairs.`

func TestCodecRoundTrip(t *testing.T) {
	art := &parallax.Article{ID: "a1", Text: story, Title: "Dam leak floods Ashby"}
	a := pipeline.NewAnalyzer().Analyze(art)
	if len(a.Entities) == 0 || len(a.Quotes) == 0 || len(a.Quantities) == 0 || len(a.Dates) == 0 || len(a.Signals) == 0 {
		t.Fatalf("fixture too thin to test the codec: %+v", a)
	}
	b, err := encodeAnalysis(a)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := decodeAnalysis(b, art)
	if !ok {
		t.Fatalf("decode failed: %s", b)
	}
	got.Article, a.Article = nil, nil
	if !reflect.DeepEqual(got, a) {
		t.Errorf("round trip changed the analysis:\n got %+v\nwant %+v", got, a)
	}
}

func TestCodecRejects(t *testing.T) {
	art := &parallax.Article{Text: "short"}
	for _, b := range []string{"", "{", `{"v":99}`, `{"v":1,"sentences":[{"s":[0,999]}]}`} {
		if _, ok := decodeAnalysis([]byte(b), art); ok {
			t.Errorf("decodeAnalysis(%q) accepted", b)
		}
	}
}

func TestHash(t *testing.T) {
	if Hash("Dam  leak\nfloods") != Hash("dam leak floods") {
		t.Error("white space and case should not change the hash")
	}
	if Hash("dam leak floods") == Hash("dam leak flooded") {
		t.Error("different texts share a hash")
	}
}
