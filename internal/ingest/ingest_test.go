package ingest

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/pipeline"
	"github.com/parallaxnews/parallax/internal/postgres"
	"github.com/parallaxnews/parallax/internal/postgres/pgtest"
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
	an, err := pipeline.RecordAnalysis(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(an.Quotes) == 0 || an.Quotes[0].Span.Of(r.Text) != an.Quotes[0].Text {
		t.Errorf("stored analysis lost its spans: %+v", an.Quotes)
	}
}

func TestIngestPlacesUnplaced(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	// an article stored by a run that stopped before placing it
	rec := &parallax.Record{Article: *art("north-post.example", "https://north-post.example/dam", damA, day), Hash: Hash(damA)}
	enc, err := pipeline.EncodeAnalysis(pipeline.NewAnalyzer().Analyze(&rec.Article))
	if err != nil {
		t.Fatal(err)
	}
	rec.Analysis = enc
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

// A stored analysis that cannot be read stops the run with the article's
// name: it is never analysed again behind the user's back.
func TestIngestBadStoredAnalysis(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	rec := &parallax.Record{Article: *art("north-post.example", "https://north-post.example/dam", damA, day), Hash: Hash(damA),
		Analysis: []byte(`{"v":1,"language":"en"}`)}
	id, _, err := db.AddArticle(ctx, rec)
	if err != nil {
		t.Fatal(err)
	}
	_, err = New(ctx, db, Options{Now: func() time.Time { return day.Add(time.Hour) }})
	if err == nil || !strings.Contains(err.Error(), pipeline.ArticleID(id)) || !strings.Contains(err.Error(), "reanalyze") {
		t.Fatalf("New over an unreadable analysis: err = %v, want one naming a%d and the way out", err, id)
	}
	if r, _ := db.Article(ctx, id); r.StoryID != 0 || string(r.Analysis) != `{"v":1,"language":"en"}` {
		t.Errorf("the article was changed: story %d, analysis %s", r.StoryID, r.Analysis)
	}
}

func TestReanalyze(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	now := func() time.Time { return day.Add(48 * time.Hour) }
	ing, err := New(ctx, db, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := ing.Add(ctx, art("north-post.example", "https://north-post.example/dam", damA, day), 0)
	b, _ := ing.Add(ctx, art("valley-times.example", "https://valley-times.example/dam", damB, day.Add(3*time.Hour)), 0)
	if err := ing.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	// an analysis in an older format, as an older parallax stored it
	if err := db.SetAnalysis(ctx, b.ID, []byte(`{"v":1,"language":"en"}`)); err != nil {
		t.Fatal(err)
	}
	if err := ing.Recompare(ctx, a.StoryID); err == nil || !strings.Contains(err.Error(), pipeline.ArticleID(b.ID)) {
		t.Fatalf("recompare over an old analysis: %v, want an error naming a%d", err, b.ID)
	}
	later := func() time.Time { return day.Add(72 * time.Hour) }
	var seen []int
	n, s, err := Reanalyze(ctx, db, later, func(done int) { seen = append(seen, done) })
	if err != nil || n != 2 || s != 1 || len(seen) == 0 || seen[len(seen)-1] != 2 {
		t.Fatalf("Reanalyze = %d articles, %d stories, %v (progress %v); want 2, 1", n, s, err, seen)
	}
	r, _ := db.Article(ctx, b.ID)
	if an, err := pipeline.RecordAnalysis(r); err != nil || len(an.Entities) == 0 {
		t.Fatalf("after Reanalyze: %v", err)
	}
	info, _, err := db.Story(ctx, a.StoryID)
	if err != nil || !info.Updated.Equal(later().UTC()) || info.Articles != 2 {
		t.Errorf("story after Reanalyze: %+v, %v; want recompared at %v", info, err, later())
	}
}

// On a library several processes share, one places at a time: an Ingester
// that finds the lock taken only stores, and the one holding it places what
// the others stored, in queue order, waiting where a job is unfinished.
func TestPlacementShared(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	db, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := func() time.Time { return day.Add(48 * time.Hour) }
	placer, err := New(ctx, db, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	defer placer.Close()
	if !placer.Placing() {
		t.Fatal("the first Ingester does not place")
	}
	other, err := New(ctx, db, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if other.Placing() {
		t.Fatal("a second Ingester places while the first holds the lock")
	}
	res, err := other.Add(ctx, art("north-post.example", "https://north-post.example/dam", damA, day), 0)
	if err != nil || !res.New || res.StoryID != 0 {
		t.Fatalf("Add on the storing Ingester = %+v, %v; want stored, unplaced", res, err)
	}
	if n, err := other.PlacePending(ctx, 10, nil); err == nil || n != 0 {
		t.Errorf("PlacePending on the storing Ingester = %d, %v; want an error", n, err)
	}
	// Queued articles, stored out of queue order by two workers.
	s := NewStorer(db)
	b, _, err := s.StoreQueued(ctx, art("river-radio.example", "https://river-radio.example/mill", mill, day.Add(5*time.Hour)), 0, 12)
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := s.StoreQueued(ctx, art("valley-times.example", "https://valley-times.example/dam", damB, day.Add(3*time.Hour)), 0, 11)
	if err != nil {
		t.Fatal(err)
	}
	var seen []int64
	ready := func(r *parallax.Record) bool {
		seen = append(seen, r.ID)
		return r.QueueSeq < 12 // job 12 is still in a worker's hands
	}
	n, err := placer.PlacePending(ctx, 10, ready)
	if err != nil || n != 2 {
		t.Fatalf("PlacePending = %d, %v; want 2 (the unqueued article, then job 11)", n, err)
	}
	if want := []int64{res.ID, c.ID, b.ID}; !slices.Equal(seen, want) {
		t.Errorf("PlacePending looked at %v, want %v (unqueued first, then queue order)", seen, want)
	}
	if r, _ := db.Article(ctx, b.ID); r.StoryID != 0 {
		t.Error("the article of an unfinished job's successor was placed")
	}
	if n, err := placer.PlacePending(ctx, 10, nil); err != nil || n != 1 {
		t.Fatalf("PlacePending(all ready) = %d, %v; want 1", n, err)
	}
	ra, _ := db.Article(ctx, res.ID)
	rc, _ := db.Article(ctx, c.ID)
	rb, _ := db.Article(ctx, b.ID)
	if ra.StoryID == 0 || ra.StoryID != rc.StoryID || rb.StoryID == 0 || rb.StoryID == ra.StoryID {
		t.Errorf("stories: dam %d and %d, mill %d; want the dam articles together, the mill apart", ra.StoryID, rc.StoryID, rb.StoryID)
	}
	// The placer stops before comparing: the next one compares.
	placer.Close()
	next, err := New(ctx, db, Options{Now: now, WaitForLock: true})
	if err != nil {
		t.Fatal(err)
	}
	defer next.Close()
	if next.Dirty() != 2 {
		t.Errorf("the next placer has %d stories to compare, want the 2 left uncompared", next.Dirty())
	}
	if err := next.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if stale, err := db.StaleStories(ctx, 10); err != nil || len(stale) != 0 {
		t.Errorf("StaleStories after Flush = %v, %v", stale, err)
	}
}

// TestUndatedStaysUnknown: an article without a publication date does not
// get the day it was ingested, in the story's range or in its report.
func TestUndatedStaysUnknown(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	ingestDay := day.AddDate(0, 9, 0) // months after the event
	ing, err := New(ctx, db, Options{Now: func() time.Time { return ingestDay }, Window: 400 * 24 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := ing.Add(ctx, art("north-post.example", "https://north-post.example/dam", damA, day), 0)
	b, _ := ing.Add(ctx, art("valley-times.example", "https://valley-times.example/dam", damB, time.Time{}), 0)
	if b.StoryID != a.StoryID {
		t.Fatalf("the undated article joined story %d, want %d", b.StoryID, a.StoryID)
	}
	if err := ing.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	info, raw, err := db.Story(ctx, a.StoryID)
	if err != nil {
		t.Fatal(err)
	}
	if !info.First.Equal(day) || !info.Last.Equal(day) {
		t.Errorf("story range %v – %v, want the one known date %v (not the ingest day)", info.First, info.Last, day)
	}
	var rep parallax.Report
	if err := json.Unmarshal(raw, &rep); err != nil {
		t.Fatal(err)
	}
	for _, ai := range rep.Stories[0].Articles {
		if ai.Source == "https://valley-times.example/dam" && ai.Published != "" {
			t.Errorf("the undated article is dated %q in the report", ai.Published)
		}
	}
	// A story with no known date at all has no range.
	c, _ := ing.Add(ctx, art("river-radio.example", "https://river-radio.example/mill", mill, time.Time{}), 0)
	if err := ing.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if info, _, _ := db.Story(ctx, c.StoryID); !info.First.IsZero() || !info.Last.IsZero() {
		t.Errorf("an undated story has the range %v – %v, want none", info.First, info.Last)
	}
}

// TestEvents: the library records when a story gains an outlet or a
// conflict, each once.
func TestEvents(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	ing, err := New(ctx, db, Options{Now: func() time.Time { return day.Add(48 * time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	events := func() []parallax.StoryEvent {
		t.Helper()
		if err := ing.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		evs, err := db.Events(ctx, parallax.EventFilter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		return evs
	}
	a, _ := ing.Add(ctx, art("north-post.example", "https://north-post.example/dam", damA, day), 0)
	if evs := events(); len(evs) != 0 {
		t.Errorf("a lone article made events: %+v", evs)
	}
	ing.Add(ctx, art("valley-times.example", "https://valley-times.example/dam", damB, day.Add(3*time.Hour)), 0)
	evs := events()
	var outlets, conflicts []string
	for _, e := range evs {
		if e.StoryID != a.StoryID || e.Title == "" || e.At.IsZero() {
			t.Errorf("event %+v: want story %d, a title, a time", e, a.StoryID)
		}
		switch e.Kind {
		case parallax.EventOutlet:
			outlets = append(outlets, e.Subject)
		case parallax.EventConflict:
			conflicts = append(conflicts, e.Summary)
		}
	}
	if len(outlets) != 2 || len(conflicts) == 0 || !strings.Contains(strings.Join(conflicts, " "), "figures differ") {
		t.Fatalf("a second outlet: outlet events %v, conflict events %v; want both outlets and the 40/14 homes conflict", outlets, conflicts)
	}
	// A copy adds no outlet; a third outlet adds itself, and the conflicts
	// already reported are not reported again.
	copyText := strings.Replace(damA, "Dam leak floods Ashby", "Ashby dam leak floods homes", 1)
	ing.Add(ctx, art("wire-copy.example", "https://wire-copy.example/dam", copyText, day.Add(time.Hour)), 0)
	if more := events(); len(more) != len(evs) {
		t.Errorf("a wire copy made events: %+v", more[:len(more)-len(evs)])
	}
	ing.Add(ctx, art("coast-daily.example", "https://coast-daily.example/dam",
		"Ashby dam repairs begin\nRepairs began at the Ashby dam on Tuesday after the leak flooded homes, the Ashby Water Board said. Paula Mertz remains in custody.", day.Add(26*time.Hour)), 0)
	more := events()
	added := more[:len(more)-len(evs)]
	if len(added) != 1 || added[0].Kind != parallax.EventOutlet || added[0].Subject != "coast-daily.example" {
		t.Errorf("a third outlet: new events %+v, want one for coast-daily.example", added)
	}
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
	ing.Close() // the run ends
	var ids []int64
	for _, a := range []*parallax.Article{
		art("north-post.example", "https://north-post.example/dam", damA, day),
		art("valley-times.example", "https://valley-times.example/dam", damB, day.Add(time.Hour)),
	} {
		rec := &parallax.Record{Article: *a, Hash: Hash(a.Text)}
		enc, err := pipeline.EncodeAnalysis(pipeline.NewAnalyzer().Analyze(&rec.Article))
		if err != nil {
			t.Fatal(err)
		}
		rec.Analysis = enc
		id, _, err := db.AddArticle(ctx, rec)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	// The next run places them, though the index of recent coverage it
	// rebuilds does not reach them.
	next, err := New(ctx, db, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	next.Close()
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
