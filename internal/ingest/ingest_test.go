package ingest

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/sqlite"
)

var day = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func art(outlet, url, text string, published time.Time) *parallax.Article {
	title := strings.SplitN(text, "\n", 2)[0]
	return &parallax.Article{Source: url, URL: url, Outlet: outlet, Title: title, Text: text, Published: published,
		TitleSpan: parallax.Span{Start: 0, End: len(title)}, Received: []byte("<html>" + text + "</html>"), ReceivedType: "text/html"}
}

const (
	damA = "Dam leak floods Ashby\nA leak at the Ashby dam flooded 40 homes on Monday, the Ashby Water Board said. Mayor Ivo Stanek said crews \"acted within the hour\". Engineer Paula Mertz was arrested."
	damB = "Homes flooded in Ashby\nWater from the Ashby dam flooded 14 homes on Monday, according to the Ashby Water Board. Paula Mertz is accused of opening the wrong valve. \"We acted within the hour,\" Stanek said."
	mill = "Mill fire in Corran\nA fire destroyed the old Corran flour mill on Saturday. Fire chief Oda Brennan said nobody was hurt and the cause was unknown."
)

func open(t *testing.T) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "lib.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestIngestPlacesAndCompares(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	now := func() time.Time { return day.Add(48 * time.Hour) }
	ing, err := New(ctx, db, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	a, err := ing.Add(ctx, art("north-post.example", "https://north-post.example/dam", damA, day), 0)
	if err != nil || !a.New || a.StoryID == 0 {
		t.Fatalf("first article: %+v %v", a, err)
	}
	b, _ := ing.Add(ctx, art("valley-times.example", "https://valley-times.example/dam", damB, day.Add(3*time.Hour)), 0)
	c, _ := ing.Add(ctx, art("river-radio.example", "https://river-radio.example/mill", mill, day.Add(5*time.Hour)), 0)
	if b.StoryID != a.StoryID {
		t.Errorf("the two dam articles are in stories %d and %d", a.StoryID, b.StoryID)
	}
	if c.StoryID == a.StoryID {
		t.Errorf("the mill fire joined the dam story")
	}
	// a wire copy on another site: linked, same story
	copyText := strings.Replace(damA, "Dam leak floods Ashby", "Ashby dam leak floods homes", 1)
	d, _ := ing.Add(ctx, art("wire-copy.example", "https://wire-copy.example/dam", copyText, day.Add(time.Hour)), 0)
	if d.DuplicateOf != a.ID || d.StoryID != a.StoryID {
		t.Errorf("wire copy: %+v, want a copy of %d in story %d", d, a.ID, a.StoryID)
	}
	// the same URL again, and the same text under another URL: nothing new
	if again, _ := ing.Add(ctx, art("north-post.example", "https://north-post.example/dam", damA, day), 0); again.New || again.ID != a.ID {
		t.Errorf("same URL: %+v", again)
	}
	if again, _ := ing.Add(ctx, art("north-post.example", "https://north-post.example/dam?utm=x", damA+"\n", day), 0); again.New {
		t.Errorf("same text under another URL was added again: %+v", again)
	}
	if ing.Dirty() != 2 {
		t.Errorf("%d stories to compare, want 2", ing.Dirty())
	}
	if err := ing.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	info, raw, err := db.Story(ctx, a.StoryID)
	if err != nil {
		t.Fatal(err)
	}
	if info.Articles != 3 || info.Outlets != 2 || info.Conflicts == 0 || info.Title == "" {
		t.Errorf("story listing %+v: want 3 articles, 2 outlets (the wire copy is not a third), conflicts, a title", info)
	}
	var rep parallax.Report
	if err := json.Unmarshal(raw, &rep); err != nil || len(rep.Stories) != 1 {
		t.Fatalf("stored report: %v", err)
	}
	found := false
	for _, c := range rep.Stories[0].Conflicts {
		if c.Kind == "quantity" && strings.Contains(c.Summary, "40") && strings.Contains(c.Summary, "14") {
			found = true
		}
	}
	if !found {
		t.Errorf("no 40 vs 14 homes conflict in the stored report: %+v", rep.Stories[0].Conflicts)
	}
	for _, ai := range rep.Stories[0].Articles {
		if ai.Source == "https://wire-copy.example/dam" && ai.DuplicateOf == "" {
			t.Error("the wire copy is not marked duplicate_of in the report")
		}
	}

	// a new run over the same library finds the story again
	ing2, err := New(ctx, db, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	e, _ := ing2.Add(ctx, art("coast-daily.example", "https://coast-daily.example/dam",
		"Ashby dam repairs begin\nRepairs began at the Ashby dam on Tuesday after the leak flooded homes, the Ashby Water Board said. Paula Mertz remains in custody.", day.Add(26*time.Hour)), 0)
	if e.StoryID != a.StoryID {
		t.Errorf("after a restart the follow-up joined story %d, want %d", e.StoryID, a.StoryID)
	}
	// the raw input and the analysis are kept
	r, err := db.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if string(r.Raw) != "<html>"+damA+"</html>" || r.RawType != "text/html" {
		t.Errorf("raw input not kept: %q %q", r.Raw, r.RawType)
	}
	if an := Analysis(r); len(an.Quotes) == 0 || an.Quotes[0].Span.Of(r.Text) != an.Quotes[0].Text {
		t.Errorf("stored analysis lost its spans: %+v", an.Quotes)
	}
}

func TestIngestPlacesUnplaced(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	// an article stored by a run that stopped before placing it
	rec := &parallax.Record{Article: *art("north-post.example", "https://north-post.example/dam", damA, day), Hash: Hash(damA)}
	id, _, err := db.AddArticle(ctx, rec)
	if err != nil {
		t.Fatal(err)
	}
	ing, err := New(ctx, db, Options{Now: func() time.Time { return day.Add(time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	r, _ := db.Article(ctx, id)
	if r.StoryID == 0 {
		t.Fatal("the unplaced article was not placed on start")
	}
	if err := ing.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if info, _, err := db.Story(ctx, r.StoryID); err != nil || info.Articles != 1 {
		t.Errorf("its story: %+v %v", info, err)
	}
}

// withUnplaced gives a test store the Unplaced listing, by a scan.
type withUnplaced struct{ *sqlite.DB }

func (s withUnplaced) Unplaced(ctx context.Context, after int64, limit int) ([]*parallax.Record, error) {
	var out []*parallax.Record
	err := s.EachArticle(ctx, func(r *parallax.Record) error {
		if r.ID > after && r.StoryID == 0 && len(out) < limit {
			out = append(out, r)
		}
		return nil
	})
	return out, err
}

// An article stored but not placed (a run killed between the two steps)
// is placed by the next run even when it is older than the window, with
// a copy of it stored alike; the articles already placed keep their story.
func TestIngestPlacesOldUnplaced(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	now := func() time.Time { return day.Add(400 * 24 * time.Hour) } // a year after: beyond the window
	ing, err := New(ctx, db, Options{Now: func() time.Time { return day.Add(time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	placed, err := ing.Add(ctx, art("valley-times.example", "https://valley-times.example/mill", mill, day), 0)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, a := range []*parallax.Article{
		art("north-post.example", "https://north-post.example/dam", damA, day),
		art("valley-times.example", "https://valley-times.example/dam", damB, day.Add(time.Hour)),
	} {
		rec := &parallax.Record{Article: *a, Hash: Hash(a.Text)}
		id, _, err := db.AddArticle(ctx, rec)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	// The next run, on a store that lists unplaced articles, places them.
	if _, err := New(ctx, withUnplaced{db}, Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	var stories []int64
	for _, id := range ids {
		r, err := db.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if r.StoryID == 0 {
			t.Fatalf("article %d, a year old, is still in no story", id)
		}
		stories = append(stories, r.StoryID)
	}
	if stories[0] != stories[1] {
		t.Errorf("the two dam articles went to stories %d and %d", stories[0], stories[1])
	}
	if r, _ := db.Article(ctx, placed.ID); r.StoryID != placed.StoryID {
		t.Errorf("the placed article moved from story %d to %d", placed.StoryID, r.StoryID)
	}
}
