package ingest

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"log/slog"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/group"
	"github.com/parallaxnews/parallax/internal/pipeline"
	"github.com/parallaxnews/parallax/internal/postgres"
	"github.com/parallaxnews/parallax/internal/postgres/pgtest"
	"github.com/parallaxnews/parallax/internal/sqlite"
	"github.com/parallaxnews/parallax/internal/synth"
)

// partition is a grouping as sets: each article's fellow members, by
// source, whatever the stories' IDs.
func partition(t *testing.T, s parallax.Store, sources map[int64]string) map[string]string {
	t.Helper()
	members := map[int64][]string{}
	of := map[string]int64{}
	for id, src := range sources {
		r, err := s.Article(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if r.StoryID == 0 {
			t.Fatalf("%s was not placed", src)
		}
		members[r.StoryID] = append(members[r.StoryID], src)
		of[src] = r.StoryID
	}
	out := map[string]string{}
	for src, st := range of {
		m := members[st]
		first := m[0]
		for _, x := range m {
			first = min(first, x)
		}
		out[src] = first
	}
	return out
}

// inMemory places arts with one group.Index that never stops, as the
// Ingester did before it kept the index in the store, and returns the same
// partition.
func inMemory(as []*parallax.Analysis) map[string]string {
	ix := group.NewIndex(group.Options{Window: pipeline.DefaultWindow})
	members := map[string][]string{}
	of := map[string]string{}
	for _, a := range as {
		sid, _ := ix.Add(pipeline.Doc(a))
		members[sid] = append(members[sid], a.Article.Source)
		of[a.Article.Source] = sid
	}
	out := map[string]string{}
	for src, sid := range of {
		first := members[sid][0]
		for _, x := range members[sid] {
			first = min(first, x)
		}
		out[src] = first
	}
	return out
}

// testIndexKept ingests synthetic coverage in several runs, each a new
// Ingester over the same store: the stories must be those one index that
// never stopped makes. Then the index is dropped, as in a library made
// before it was kept: the next Ingester builds it once, from the recent
// articles, and places the rest as before.
func testIndexKept(t *testing.T, db parallax.Store) {
	ctx := context.Background()
	start := day
	arts := synth.Corpus(synth.Options{Articles: 600, PerEvent: 6, Seed: 3, Start: start})
	now := func() time.Time { return start.Add(12 * 24 * time.Hour) } // all within the window
	var as []*parallax.Analysis
	an := pipeline.NewAnalyzer()
	for _, a := range arts {
		c := *a
		as = append(as, an.Analyze(&c))
	}
	want := inMemory(as)

	sources := map[int64]string{}
	var logs bytes.Buffer
	run := func(arts []*parallax.Article) {
		t.Helper()
		ing, err := New(ctx, db, Options{Now: now, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
		if err != nil {
			t.Fatal(err)
		}
		defer ing.Close()
		for _, a := range arts {
			res, err := ing.Add(ctx, a, 0)
			if err != nil || !res.New {
				t.Fatalf("%s: %+v, %v", a.Source, res, err)
			}
			sources[res.ID] = a.Source
		}
	}
	for i := 0; i < 400; i += 100 {
		run(arts[i : i+100])
	}
	if n := strings.Count(logs.String(), "grouping index built"); n != 1 {
		t.Errorf("the index was built %d times in four runs, want once (the first, on an empty library)", n)
	}
	// A library from before the index was kept: none in the store.
	if err := db.SaveGroupState(ctx, parallax.GroupWrite{Reset: true}); err != nil {
		t.Fatal(err)
	}
	logs.Reset()
	run(arts[400:500])
	run(arts[500:])
	if n := strings.Count(logs.String(), "grouping index built"); n != 1 {
		t.Errorf("the dropped index was built %d times in two runs, want once", n)
	}
	got := partition(t, db, sources)
	diff := 0
	for src, w := range want {
		if got[src] != w {
			diff++
			if diff <= 5 {
				t.Errorf("%s: with %s in the kept index, with %s in one that never stopped", src, got[src], w)
			}
		}
	}
	stories := map[string]bool{}
	for _, w := range want {
		stories[w] = true
	}
	t.Logf("%d articles, %d stories, the same with the kept index", len(want), len(stories))
	if len(stories) < 10 || diff > 0 {
		t.Fatalf("%d of %d articles placed otherwise; %d stories", diff, len(want), len(stories))
	}
}

func TestIndexKeptSQLite(t *testing.T) { testIndexKept(t, open(t)) }

func TestIndexKeptPostgres(t *testing.T) { testIndexKept(t, openPostgres(t)) }

// failingSave is a store whose SaveGroupState fails.
type failingSave struct{ parallax.Store }

func (failingSave) SaveGroupState(context.Context, parallax.GroupWrite) error {
	return errors.New("disk full")
}

// cancelling cancels a context once the recent articles are read: a start
// interrupted while it builds the index.
type cancelling struct {
	parallax.Store
	cancel func()
}

func (c cancelling) ArticlesSince(ctx context.Context, t time.Time, limit int) ([]*parallax.Record, error) {
	defer c.cancel()
	return c.Store.ArticlesSince(ctx, t, limit)
}

// A build that is interrupted or cannot be saved leaves no index behind: the next start
// builds it again, whole.
func TestIndexBuildNotSavedIsRedone(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	now := func() time.Time { return day.Add(48 * time.Hour) }
	ing, err := New(ctx, db, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := ing.Add(ctx, art("north-post.example", "https://north-post.example/dam", damA, day), 0)
	b, _ := ing.Add(ctx, art("river-radio.example", "https://river-radio.example/mill", mill, day.Add(5*time.Hour)), 0)
	ing.Close()
	if err := db.SaveGroupState(ctx, parallax.GroupWrite{Reset: true}); err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithCancel(ctx)
	if _, err := New(cctx, cancelling{db, cancel}, Options{Now: now}); err == nil {
		t.Fatal("New went on building after an interrupt")
	}
	if m, err := db.GroupState(ctx, group.StateMeta, []int64{0}); err != nil || len(m) != 0 {
		t.Fatalf("after an interrupted build the store holds an index: %v, %v", m, err)
	}
	if _, err := New(ctx, failingSave{db}, Options{Now: now}); err == nil {
		t.Fatal("New saved its build on a store that cannot save")
	}
	if m, err := db.GroupState(ctx, group.StateMeta, []int64{0}); err != nil || len(m) != 0 {
		t.Fatalf("after a failed build the store holds an index: %v, %v", m, err)
	}
	var logs bytes.Buffer
	ing, err = New(ctx, db, Options{Now: now, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer ing.Close()
	if !strings.Contains(logs.String(), "grouping index built") {
		t.Error("the index was not built again")
	}
	c, err := ing.Add(ctx, art("valley-times.example", "https://valley-times.example/dam", damB, day.Add(3*time.Hour)), 0)
	if err != nil || c.StoryID != a.StoryID || c.StoryID == b.StoryID {
		t.Errorf("after the rebuild the second dam article is in story %d (%v); the dam story is %d, the mill's %d", c.StoryID, err, a.StoryID, b.StoryID)
	}
}

// indexSnapshot reads the kept grouping index's counts, stories and
// documents (what its counts enumerate), as stored.
func indexSnapshot(t *testing.T, db parallax.Store) map[[2]int64]string {
	t.Helper()
	ctx := context.Background()
	out := map[[2]int64]string{}
	m, err := db.GroupState(ctx, group.StateMeta, []int64{0})
	if err != nil || len(m) == 0 {
		t.Fatalf("no index kept: %v", err)
	}
	docs, n := binary.Uvarint(m[0])
	stories, _ := binary.Uvarint(m[0][n:])
	out[[2]int64{group.StateMeta, 0}] = strconv.Itoa(int(docs)) + "/" + strconv.Itoa(int(stories))
	for kind, count := range map[int]uint64{group.StateStory: stories, group.StateDoc: docs} {
		var keys []int64
		for k := range count {
			keys = append(keys, int64(k)+1)
		}
		vs, err := db.GroupState(ctx, kind, keys)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range vs {
			out[[2]int64{int64(kind), k}] = string(v)
		}
	}
	return out
}

// Reanalyze drops the grouping index made of the old analyses and builds
// it again from the new ones: the index is the one a first start builds
// over the reanalysed library.
func TestReanalyzeRebuildsIndex(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	now := func() time.Time { return day.Add(48 * time.Hour) }
	ing, err := New(ctx, db, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i, text := range []string{damA, damB, mill} {
		res, err := ing.Add(ctx, art("outlet"+strconv.Itoa(i)+".example", "https://outlet.example/"+strconv.Itoa(i), text, day.Add(time.Duration(i)*time.Hour)), 0)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, res.ID)
	}
	if err := ing.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	ing.Close()
	// Analyses as an older analyser made them, without entities, and the
	// index made of them.
	for _, id := range ids {
		r, err := db.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		a, err := pipeline.RecordAnalysis(r)
		if err != nil {
			t.Fatal(err)
		}
		a.Entities = nil
		enc, err := pipeline.EncodeAnalysis(a)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SetAnalysis(ctx, id, enc); err != nil {
			t.Fatal(err)
		}
	}
	rebuild := func() {
		t.Helper()
		if err := db.SaveGroupState(ctx, parallax.GroupWrite{Reset: true}); err != nil {
			t.Fatal(err)
		}
		ing, err := New(ctx, db, Options{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		ing.Close()
	}
	rebuild()
	old := indexSnapshot(t, db)
	if _, _, err := Reanalyze(ctx, db, now, nil); err != nil {
		t.Fatal(err)
	}
	got := indexSnapshot(t, db)
	rebuild()
	want := indexSnapshot(t, db)
	if !maps.Equal(got, want) {
		t.Errorf("after Reanalyze the index holds %d values, %d of them as built from the new analyses", len(got), countSame(got, want))
	}
	if maps.Equal(old, want) {
		t.Error("weak test: the old analyses make the same index")
	}
}

func countSame(a, b map[[2]int64]string) int {
	n := 0
	for k, v := range a {
		if w, ok := b[k]; ok && w == v {
			n++
		}
	}
	return n
}

// testRegroupKept ingests synthetic coverage in runs, each a new Ingester
// ending with Flush, which groups the run's articles again, but one that
// is killed after saving its placements: its articles are grouped again at
// the next run's end. The stories must be those of one index in memory
// that never stopped, regrouping at the same points.
func testRegroupKept(t *testing.T, db parallax.Store) {
	ctx := context.Background()
	start := day
	arts := synth.Corpus(synth.Options{Articles: 600, PerEvent: 6, Seed: 5, Start: start})
	now := func() time.Time { return start.Add(12 * 24 * time.Hour) }
	an := pipeline.NewAnalyzer()
	ix := group.NewIndex(group.Options{Window: pipeline.DefaultWindow})
	storyOf := map[string]string{}
	var docs []group.Doc
	regroup := func() int {
		res, err := ix.Regroup(ctx, func(_ context.Context, sid string) ([]group.Doc, error) {
			var out []group.Doc
			for _, d := range docs {
				if storyOf[d.ID] == sid {
					out = append(out, d)
				}
			}
			return out, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range res.Moves {
			storyOf[m.Doc] = m.To
		}
		return len(res.Moves)
	}
	moves := 0
	for i, a := range arts {
		c := *a
		d := pipeline.Doc(an.Analyze(&c))
		d.ID = c.Source
		docs = append(docs, d)
		storyOf[d.ID], _ = ix.Add(d)
		if i == 149 || i == 449 || i == len(arts)-1 {
			moves += regroup()
		}
	}
	want := map[string]string{}
	for _, d := range docs {
		want[d.ID] = storyOf[d.ID]
	}

	sources := map[int64]string{}
	run := func(arts []*parallax.Article, killed bool) {
		t.Helper()
		ing, err := New(ctx, db, Options{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			res, err := ing.Add(ctx, a, 0)
			if err != nil || !res.New {
				t.Fatalf("%s: %+v, %v", a.Source, res, err)
			}
			sources[res.ID] = a.Source
		}
		if killed {
			// Placements saved, stories compared, not grouped again; then
			// gone without a word.
			if err := ing.FlushPlaced(ctx); err != nil {
				t.Fatal(err)
			}
			if ing.lock != nil {
				ing.lock.Unlock()
			}
			return
		}
		if err := ing.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		ing.Close()
	}
	run(arts[:150], false)
	run(arts[150:300], true)
	run(arts[300:450], false)
	run(arts[450:], false)
	got := partition(t, db, sources)
	wantP := map[string]string{}
	for src, s := range want {
		first := src
		for x, s2 := range want {
			if s2 == s && x < first {
				first = x
			}
		}
		wantP[src] = first
	}
	diff := 0
	for src, w := range wantP {
		if got[src] != w {
			diff++
			if diff <= 5 {
				t.Errorf("%s: with %s in the library, with %s in one index that never stopped", src, got[src], w)
			}
		}
	}
	t.Logf("%d articles, %d moved by regrouping", len(want), moves)
	if diff > 0 || moves == 0 {
		t.Fatalf("%d of %d articles placed otherwise; %d moves", diff, len(want), moves)
	}
	// Each move is recorded in the story the article went to.
	evs, err := db.Events(ctx, parallax.EventFilter{Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	recorded := 0
	for _, e := range evs {
		if e.Kind == parallax.EventMoved {
			recorded += strings.Count(e.Subject, ",") + 1
		}
	}
	if recorded == 0 {
		t.Error("no move recorded")
	}
	// Each story's listing counts its articles.
	ids, err := db.StaleStories(ctx, 100)
	if err != nil || len(ids) != 0 {
		t.Errorf("stories not compared after the last run: %v, %v", ids, err)
	}
}

func TestRegroupKeptSQLite(t *testing.T) { testRegroupKept(t, open(t)) }

func TestRegroupKeptPostgres(t *testing.T) { testRegroupKept(t, openPostgres(t)) }

// On a shared library, Reanalyze does not drop the index from under a
// process that places articles with it.
func TestReanalyzeWhilePlacingPostgres(t *testing.T) {
	ctx := context.Background()
	db, err := postgres.Open(ctx, pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := func() time.Time { return day.Add(48 * time.Hour) }
	ing, err := New(ctx, db, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ing.Add(ctx, art("north-post.example", "https://north-post.example/dam", damA, day), 0); err != nil {
		t.Fatal(err)
	}
	if err := ing.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	held := indexSnapshot(t, db)
	if _, _, err := Reanalyze(ctx, db, now, nil); parallax.ErrorCode(err) != parallax.ECONFLICT {
		t.Errorf("Reanalyze while another places: %v, want ECONFLICT", err)
	}
	if got := indexSnapshot(t, db); !maps.Equal(got, held) {
		t.Error("Reanalyze changed the index of the process placing")
	}
	ing.Close()
	// While Reanalyze runs, with the index dropped and analyses half
	// replaced, a process that starts does not place articles.
	checked := false
	progress := func(int) {
		if checked {
			return
		}
		checked = true
		other, err := New(ctx, db, Options{Now: now})
		if err != nil {
			t.Errorf("New while Reanalyze runs: %v", err)
			return
		}
		defer other.Close()
		if other.Placing() {
			t.Error("a process started while Reanalyze runs places articles")
		}
	}
	if _, _, err := Reanalyze(ctx, db, now, progress); err != nil {
		t.Errorf("Reanalyze once the lock is free: %v", err)
	}
	if !checked {
		t.Error("Reanalyze reported no progress")
	}
	if ids, err := db.StaleStories(ctx, 10); err != nil || len(ids) != 0 {
		t.Errorf("stories out of date after Reanalyze: %v, %v", ids, err)
	}
}

// kill stops an Ingester as SIGKILL would: nothing it has not saved is
// saved, and its placement lock goes (the server ends a dead process's
// session).
func kill(ing *Ingester) {
	ing.unsaved, ing.emptied = nil, nil
	if ing.lock != nil {
		ing.lock.Unlock()
		ing.lock = nil
	}
}

// nextRun is the run after a kill: a placer that places nothing new and
// ends as an ingest does.
func nextRun(t *testing.T, db parallax.Store, now func() time.Time) {
	t.Helper()
	ing, err := New(context.Background(), db, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if err := ing.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	ing.Close()
}

// A placer is killed after it started a story (committed at once) and
// before it saved the story's first placement. The next placer places the
// article again, in a story of its own making, and deletes the empty one;
// in the end every article is placed, every story compared and none empty.
func testKilledPlacerStory(t *testing.T, db parallax.Store) {
	ctx := context.Background()
	now := func() time.Time { return day.Add(48 * time.Hour) }
	ing, err := New(ctx, db, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	a, err := ing.Add(ctx, art("north-post.example", "https://north-post.example/dam", damA, day), 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := ing.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	m, err := ing.Add(ctx, art("river-radio.example", "https://river-radio.example/mill", mill, day.Add(5*time.Hour)), 0)
	if err != nil || m.StoryID == 0 || m.StoryID == a.StoryID {
		t.Fatalf("the mill article: %+v, %v; want a story of its own", m, err)
	}
	kill(ing)
	if r, err := db.Article(ctx, m.ID); err != nil || r.StoryID != 0 {
		t.Fatalf("after the kill the mill article is in story %d (%v); want none saved", r.StoryID, err)
	}
	if _, _, err := db.Story(ctx, m.StoryID); err != nil {
		t.Fatalf("the story started before the kill: %v", err)
	}

	nextRun(t, db, now)
	if _, _, err := db.Story(ctx, m.StoryID); parallax.ErrorCode(err) != parallax.ENOTFOUND {
		t.Errorf("the empty story the killed placer started: %v, want ENOTFOUND", err)
	}
	r, err := db.Article(ctx, m.ID)
	if err != nil || r.StoryID == 0 || r.StoryID == a.StoryID {
		t.Fatalf("the mill article after the next run: story %d (%v), want a story of its own", r.StoryID, err)
	}
	if ids, err := db.StaleStories(ctx, 10); err != nil || len(ids) != 0 {
		t.Errorf("stories not compared after the next run: %v, %v", ids, err)
	}
	list, err := db.Stories(ctx, parallax.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		t.Errorf("%d stories, want 2 (the dam's and the mill's): %+v", len(list), list)
	}
	for _, s := range list {
		if s.Articles == 0 {
			t.Errorf("story %d holds no article", s.ID)
		}
	}
}

func TestKilledPlacerStorySQLite(t *testing.T) { testKilledPlacerStory(t, open(t)) }

func TestKilledPlacerStoryPostgres(t *testing.T) { testKilledPlacerStory(t, openPostgres(t)) }

// The worst moment to kill a placer: a regrouping has saved the articles
// it moved, the stories they left and joined are not compared yet. The
// next placer finds them out of date, those that lost as many articles as
// they gained too (the recompare flag), and in the end every story's
// report lists exactly the articles it holds.
func testRegroupKilled(t *testing.T, db parallax.Store) {
	ctx := context.Background()
	start := day
	arts := synth.Corpus(synth.Options{Articles: 400, PerEvent: 6, Seed: 11, Start: start})
	now := func() time.Time { return start.Add(12 * 24 * time.Hour) }
	ing, err := New(ctx, db, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range arts {
		if _, err := ing.Add(ctx, a, 0); err != nil {
			t.Fatal(err)
		}
		if i == len(arts)/2 {
			if err := ing.Flush(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := ing.FlushPlaced(ctx); err != nil {
		t.Fatal(err)
	}
	if err := ing.Regroup(ctx); err != nil {
		t.Fatal(err)
	}
	moved := len(ing.Regrouped().Moves)
	if moved == 0 {
		t.Fatal("the regrouping moved nothing: nothing to test")
	}
	kill(ing)

	nextRun(t, db, now)
	stories, err := db.Stories(ctx, parallax.StoryFilter{Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	placed := 0
	for _, s := range stories {
		recs, err := db.StoryArticles(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		placed += len(recs)
		var held []string
		for _, r := range recs {
			held = append(held, pipeline.ArticleID(r.ID))
		}
		_, raw, err := db.Story(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		var rep parallax.Report
		if err := json.Unmarshal(raw, &rep); err != nil || len(rep.Stories) != 1 {
			t.Fatalf("story %d: report %q: %v", s.ID, raw, err)
		}
		var listed []string
		for _, a := range rep.Stories[0].Articles {
			listed = append(listed, a.ID)
		}
		slices.Sort(held)
		slices.Sort(listed)
		if !slices.Equal(held, listed) {
			t.Errorf("story %d holds %v, its report lists %v", s.ID, held, listed)
		}
	}
	if placed != len(arts) {
		t.Errorf("%d articles in stories, want %d", placed, len(arts))
	}
	t.Logf("%d stories, %d articles moved by the regrouping before the kill", len(stories), moved)
}

func TestRegroupKilledSQLite(t *testing.T) { testRegroupKilled(t, open(t)) }

func TestRegroupKilledPostgres(t *testing.T) { testRegroupKilled(t, openPostgres(t)) }

// Two processes place articles in one SQLite file at once (two handles on
// it, as two processes have): each waits for the other's run, so that it
// opens the grouping index as the other saved it. Without the lock each
// saved its own counts over the other's, and the index lost articles.
func TestTwoPlacersOneSQLiteFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "lib.db")
	arts := synth.Corpus(synth.Options{Articles: 200, PerEvent: 5, Seed: 3, Start: day})
	now := func() time.Time { return day.Add(12 * 24 * time.Hour) }
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := sqlite.Open(path)
			if err != nil {
				errs[i] = err
				return
			}
			defer db.Close()
			ing, err := New(ctx, db, Options{Now: now})
			if err != nil {
				errs[i] = err
				return
			}
			defer ing.Close()
			for _, a := range arts[i*100 : (i+1)*100] {
				if _, err := ing.Add(ctx, a, 0); err != nil {
					errs[i] = err
					return
				}
			}
			errs[i] = ing.Flush(ctx)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	m, err := db.GroupState(ctx, group.StateMeta, []int64{0})
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := binary.Uvarint(m[0])
	if docs != uint64(len(arts)) {
		t.Errorf("the grouping index holds %d articles, want %d", docs, len(arts))
	}
	unplaced, err := db.Unplaced(ctx, 10)
	if err != nil || len(unplaced) != 0 {
		t.Errorf("%d articles unplaced (%v)", len(unplaced), err)
	}
	if ids, err := db.StaleStories(ctx, 10); err != nil || len(ids) != 0 {
		t.Errorf("stories not compared: %v, %v", ids, err)
	}
}

// openPostgres opens the test database (the test skips without one).
func openPostgres(t *testing.T) *postgres.DB {
	t.Helper()
	db, err := postgres.Open(context.Background(), pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
