// Package ingest grows the library: each new article is analysed, stored
// once, linked to the article it copies if any, and placed in a story
// (joining one or starting one) through an index of recent coverage, kept
// in the store, so neither starting nor placing an article costs more as
// the library grows. When the batch is flushed, the articles placed since
// the last flush are grouped again with their stories and the nearest
// ones, as `parallax compare` groups a batch (Regroup), and the stories
// that changed have their comparison recomputed.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/analyze"
	"github.com/parallaxnews/parallax/internal/group"
	"github.com/parallaxnews/parallax/internal/pipeline"
	"github.com/parallaxnews/parallax/internal/view"
)

// Options tune an Ingester. The zero value is ready to use.
type Options struct {
	// Window is how far back the index of recent coverage reaches, and how
	// far apart two articles of one story may be published; 0 means
	// pipeline.DefaultWindow.
	Window time.Duration
	// MaxIndexed caps how many recent articles the index is built from
	// when the store holds none (a library made before it was kept in the
	// store); 0 means 200,000.
	MaxIndexed int
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Logger receives progress and problems; nil discards them.
	Logger *slog.Logger
	// WaitForLock makes New wait for the placement lock of a store that
	// several processes share (parallax.PlacementLocker). Without it, when
	// another process holds the lock, the Ingester only stores articles and
	// leaves placing them to that process (see Placing).
	WaitForLock bool
	// DeferUnplaced leaves the articles stored but not placed to
	// PlacePending, which places them in queue order, instead of placing
	// them as the index is rebuilt.
	DeferUnplaced bool
	// Lock is a placement lock the caller holds already (Reanalyze holds
	// it across its run): New places with it instead of taking one, and
	// Close leaves it held.
	Lock parallax.PlacementLock
}

// Store is what an Ingester needs of the library: parallax.Store has it all.
type Store interface {
	AddArticle(ctx context.Context, r *parallax.Record) (id int64, created bool, err error)
	ArticlesSince(ctx context.Context, t time.Time, limit int) ([]*parallax.Record, error)
	Unplaced(ctx context.Context, limit int) ([]*parallax.Record, error)
	SetPlacement(ctx context.Context, articleID, storyID, duplicateOf int64) error
	GroupState(ctx context.Context, kind int, keys []int64) (map[int64][]byte, error)
	SaveGroupState(ctx context.Context, w parallax.GroupWrite) error
	CreateStory(ctx context.Context) (int64, error)
	StoryArticles(ctx context.Context, storyID int64) ([]*parallax.Record, error)
	StaleStories(ctx context.Context, limit int) ([]int64, error)
	SaveReport(ctx context.Context, info parallax.StoryInfo, report []byte) error
	Story(ctx context.Context, id int64) (parallax.StoryInfo, []byte, error)
	AddEvents(ctx context.Context, events []parallax.StoryEvent) error
}

// Ingester adds articles to a Store. It is not safe for concurrent use.
type Ingester struct {
	*Storer
	opt Options
	// lock is the placement lock held, when the store has one.
	lock parallax.PlacementLock
	// index is nil when another process places the articles. It keeps its
	// state in the store, and each story's stored ID (Bind).
	index *group.Index
	// unsaved are the placements made since the last save, and the
	// stories a regrouping emptied.
	unsaved []parallax.Placement
	emptied []int64
	// regrouped is what the last Regroup did.
	regrouped group.Regrouped
	dirty     map[int64]bool
	// skip are unplaced articles that cannot be placed (their analysis is
	// unreadable), passed over until reanalysed.
	skip map[int64]bool
}

// Result says what happened to one article.
type Result struct {
	ID          int64
	New         bool  // false when the same URL or content was already stored
	StoryID     int64 // the story it joined or started
	DuplicateOf int64 // the article it copies, 0 when none
}

// New returns an Ingester over store, with the grouping index the store
// keeps: opening it reads nothing but its counts, whatever the size of the
// library. A store that has no index yet (a library made before it was
// kept there) gets one built once, from the articles published within the
// window before now. On a store several processes share, New first takes
// the placement lock (see Options.WaitForLock); Close gives it back.
func New(ctx context.Context, store Store, opt Options) (*Ingester, error) {
	if opt.Window <= 0 {
		opt.Window = pipeline.DefaultWindow
	}
	if opt.MaxIndexed <= 0 {
		opt.MaxIndexed = 200000
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	ing := &Ingester{Storer: NewStorer(store), opt: opt, dirty: map[int64]bool{}}
	if l, ok := store.(parallax.PlacementLocker); ok && opt.Lock == nil {
		lock, err := l.LockPlacement(ctx, opt.WaitForLock)
		if err != nil {
			return nil, fmt.Errorf("take the placement lock: %w", err)
		}
		if lock == nil {
			opt.Logger.Info("another process places articles in stories; this one only stores them")
			return ing, nil
		}
		ing.lock = lock
	}
	ix, ok, err := group.OpenIndex(ctx, pipeline.IndexOptions(opt.Window), store)
	if err != nil {
		ing.Close()
		return nil, err
	}
	ing.index = ix
	if !ok {
		if err := ing.build(ctx); err != nil {
			// Nothing of a build is kept but whole: Close must not save it.
			ing.index.Forget()
			ing.unsaved = nil
			ing.Close()
			return nil, err
		}
	}
	if !opt.DeferUnplaced {
		if err := ing.placeUnplaced(ctx); err != nil {
			ing.Close()
			return nil, err
		}
	}
	// Stories a stopped process placed articles in but did not compare
	// again are compared at the next Flush.
	stale, err := store.StaleStories(ctx, maxStale)
	if err != nil {
		ing.Close()
		return nil, fmt.Errorf("find stories to compare again: %w", err)
	}
	for _, id := range stale {
		ing.dirty[id] = true
	}
	opt.Logger.Debug("grouping index opened", "built", !ok, "window", opt.Window, "stale_stories", len(stale))
	return ing, nil
}

// build builds the grouping index of a store that has none from the
// articles published within the window, placing those never placed (unless
// DeferUnplaced), and saves it. Until it is saved whole, the store has no
// index: a build that is stopped starts again at the next New.
func (ing *Ingester) build(ctx context.Context) error {
	opt := ing.opt
	recent, err := ing.store.ArticlesSince(ctx, opt.Now().Add(-opt.Window), opt.MaxIndexed)
	if err != nil {
		return fmt.Errorf("load recent articles: %w", err)
	}
	// In the order they were placed (queue order, else the order they were
	// stored in, which is when ingest placed them), so that the index is
	// the one the processes that placed them had.
	sort.SliceStable(recent, func(i, j int) bool {
		if recent[i].QueueSeq != recent[j].QueueSeq {
			return recent[i].QueueSeq < recent[j].QueueSeq
		}
		return recent[i].ID < recent[j].ID
	})
	for _, r := range recent {
		if err := ctx.Err(); err != nil {
			return err
		}
		if r.StoryID == 0 && opt.DeferUnplaced {
			continue
		}
		a, err := pipeline.RecordAnalysis(r)
		if err != nil {
			return err
		}
		sid, dup, err := ing.index.Place(ctx, pipeline.Doc(a))
		if err != nil {
			return err
		}
		if ing.index.Bound(sid) == 0 && r.StoryID != 0 {
			ing.index.Bind(sid, r.StoryID)
		}
		if r.StoryID == 0 {
			// stored but never placed: a run stopped between the two steps
			storyID, err := ing.storyOf(ctx, sid)
			if err != nil {
				return err
			}
			ing.unsaved = append(ing.unsaved, parallax.Placement{ArticleID: r.ID, StoryID: storyID, DuplicateOf: parseArticleID(dup)})
			ing.dirty[storyID] = true
		}
	}
	// What a build placed is not grouped again: the stories are those the
	// library had.
	if err := ing.index.MarkRegrouped(ctx); err != nil {
		return err
	}
	// The placements go with the last chunk, the counts' chunk.
	values, reset := ing.index.Pending()
	for len(values) > 0 || reset {
		n := min(len(values), saveChunk)
		w := parallax.GroupWrite{Reset: reset, Values: groupValues(values[:n])}
		if n == len(values) {
			w.Placements = ing.unsaved
		}
		if err := ing.store.SaveGroupState(ctx, w); err != nil {
			ing.index.Forget()
			ing.unsaved = nil
			return fmt.Errorf("save the grouping index: %w", err)
		}
		values, reset = values[n:], false
	}
	ing.unsaved = nil
	opt.Logger.Info("grouping index built", "articles", len(recent), "window", opt.Window)
	return nil
}

// saveChunk is how many values of a grouping index being built are saved
// in one transaction; the counts come last, so the index is there only
// once it is whole.
const saveChunk = 20000

// groupValues converts the values an index hands back for the store.
func groupValues(vs []group.StateValue) []parallax.GroupValue {
	out := make([]parallax.GroupValue, len(vs))
	for i, v := range vs {
		out[i] = parallax.GroupValue{Kind: v.Kind, Key: v.Key, Value: v.Value}
	}
	return out
}

// maxStale bounds the stories New finds out of date; the rest are found by
// the next Ingester.
const maxStale = 10000

// Placing reports whether this Ingester places articles in stories; when
// it does not, another process holds the placement lock and places what
// this one stores.
func (ing *Ingester) Placing() bool { return ing.index != nil }

// Close saves the placements not saved yet and gives the placement lock
// back, if the Ingester holds it.
func (ing *Ingester) Close() {
	if err := ing.save(context.Background()); err != nil {
		ing.opt.Logger.Error("placements not saved; they are made again at the next start", "err", err)
	}
	if ing.lock != nil {
		ing.lock.Unlock()
		ing.lock = nil
	}
}

// checkLock returns an error when the placement lock this Ingester places
// under was lost.
func (ing *Ingester) checkLock(ctx context.Context) error {
	if l := ing.lockHeld(); l != nil {
		return l.Check(ctx)
	}
	return nil
}

func (ing *Ingester) lockHeld() parallax.PlacementLock {
	if ing.lock != nil {
		return ing.lock
	}
	return ing.opt.Lock
}

func parseArticleID(s string) int64 {
	n, _ := strconv.ParseInt(strings.TrimPrefix(s, "a"), 10, 64)
	return n
}

// Hash identifies an article's content: its text with white space and case
// folded, so a re-encoded copy of the same text is the same article.
func Hash(text string) string {
	h := sha256.New()
	space := false
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			h.Write([]byte{' '})
			space = false
		}
		var buf [4]byte
		n := copy(buf[:], string(unicode.ToLower(r)))
		h.Write(buf[:n])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Storer analyses and stores articles without placing them: what a worker
// does with the jobs it takes while another process places. It is safe for
// concurrent use.
type Storer struct {
	store Store
	an    *analyze.Analyzer
}

// NewStorer returns a Storer over store.
func NewStorer(store Store) *Storer { return &Storer{store: store, an: pipeline.NewAnalyzer()} }

// Store analyses art and stores it, unless the library has it already (same
// URL or same text). It returns the analysis of a new article, nil
// otherwise.
func (s *Storer) Store(ctx context.Context, art *parallax.Article, feedID int64) (Result, *parallax.Analysis, error) {
	return s.StoreQueued(ctx, art, feedID, 0)
}

// StoreQueued is Store for an article a job of the work queue brought:
// seq is the job's place in the queue, the order articles are placed in.
func (s *Storer) StoreQueued(ctx context.Context, art *parallax.Article, feedID, seq int64) (Result, *parallax.Analysis, error) {
	if strings.TrimSpace(art.Text) == "" {
		return Result{}, nil, parallax.Errorf(parallax.EINVALID, "%s: no text", art.Source)
	}
	rec := &parallax.Record{Article: *art, Raw: art.Received, RawType: art.ReceivedType, Hash: Hash(art.Text), FeedID: feedID, QueueSeq: seq}
	rec.Article.Received, rec.Article.ReceivedType = nil, ""
	if rec.RawType == "" {
		rec.Raw, rec.RawType = []byte(art.Text), "text/plain"
	}
	work := rec.Article
	a := s.an.Analyze(&work)
	enc, err := pipeline.EncodeAnalysis(a)
	if err != nil {
		return Result{}, nil, fmt.Errorf("encode analysis of %s: %w", art.Source, err)
	}
	rec.Analysis = enc
	if rec.Language == "" {
		rec.Language = a.Language
	}
	id, created, err := s.store.AddArticle(ctx, rec)
	if err != nil {
		return Result{}, nil, fmt.Errorf("store %s: %w", art.Source, err)
	}
	if !created {
		return Result{ID: id}, nil, nil
	}
	work.ID = pipeline.ArticleID(id)
	return Result{ID: id, New: true}, a, nil
}

// Add stores one article and places it in a story. An article already in
// the library (same URL or same text) is left as it is. When another
// process places articles (see Placing), a new one is stored unplaced, its
// StoryID 0.
func (ing *Ingester) Add(ctx context.Context, art *parallax.Article, feedID int64) (Result, error) {
	res, a, err := ing.Store(ctx, art, feedID)
	if err != nil || a == nil || ing.index == nil {
		return res, err
	}
	// Stored, the article is placed even if ctx is cancelled meanwhile (an
	// interrupt): a run stopped between the two steps would leave it out of
	// every story until the next run.
	storyID, dup, err := ing.placeDoc(context.WithoutCancel(ctx), res.ID, a)
	if err != nil {
		return Result{}, fmt.Errorf("place %s: %w", art.Source, err)
	}
	res.StoryID, res.DuplicateOf = storyID, dup
	// A regrouping that is due, unlike the placement, stops when ctx is
	// cancelled: the article stays placed and saved, and the articles wait
	// for the next regrouping, kept in the index.
	if storyID, err = ing.regroupDue(ctx, res.ID, storyID); err != nil {
		if ctx.Err() != nil {
			return res, nil
		}
		return Result{}, err
	}
	res.StoryID = storyID
	return res, nil
}

// PlacePending places up to limit articles that were stored but not placed
// (by processes that left placing them to this one), in the order
// Store.Unplaced gives, and returns how many it placed. It stops at the
// first article ready, when not nil, says is not ready to place yet (a job
// queued before it is still in a worker's hands). An article whose stored
// analysis cannot be read is reported and passed over.
func (ing *Ingester) PlacePending(ctx context.Context, limit int, ready func(*parallax.Record) bool) (int, error) {
	if ing.index == nil {
		return 0, parallax.Errorf(parallax.ECONFLICT, "another process places articles")
	}
	if err := ing.checkLock(ctx); err != nil {
		return 0, err
	}
	// What Unplaced lists must not hold articles placed but not saved.
	if err := ing.save(ctx); err != nil {
		return 0, err
	}
	recs, err := ing.store.Unplaced(ctx, limit+len(ing.skip))
	if err != nil {
		return 0, fmt.Errorf("find unplaced articles: %w", err)
	}
	placed := 0
	for _, r := range recs {
		if placed == limit {
			break
		}
		if ing.skip[r.ID] {
			continue
		}
		if ready != nil && !ready(r) {
			break
		}
		a, err := pipeline.RecordAnalysis(r)
		if err != nil {
			if ing.skip == nil {
				ing.skip = map[int64]bool{}
			}
			ing.skip[r.ID] = true
			ing.opt.Logger.Error("cannot place an article", "article", r.ID, "err", err)
			continue
		}
		storyID, _, err := ing.placeDoc(ctx, r.ID, a)
		if err != nil {
			return 0, fmt.Errorf("place a%d: %w", r.ID, err) // none of this call is saved
		}
		placed++
		if _, err := ing.regroupDue(ctx, r.ID, storyID); err != nil {
			return placed, err
		}
	}
	if err := ing.save(ctx); err != nil {
		return 0, err
	}
	return placed, nil
}

// placeDoc places the stored article id, analysed as a, in a story: the
// index's choice. The placement is saved with the index's changes, in one
// transaction, by save: every saveEvery placements, at Flush and at Close.
func (ing *Ingester) placeDoc(ctx context.Context, id int64, a *parallax.Analysis) (storyID, dupOf int64, err error) {
	sid, dup, err := ing.index.Place(ctx, pipeline.Doc(a))
	if err != nil {
		ing.unsaved = nil
		return 0, 0, err
	}
	if storyID, err = ing.storyOf(ctx, sid); err != nil {
		ing.index.Forget()
		ing.unsaved = nil
		return 0, 0, err
	}
	dupOf = parseArticleID(dup)
	ing.unsaved = append(ing.unsaved, parallax.Placement{ArticleID: id, StoryID: storyID, DuplicateOf: dupOf})
	ing.dirty[storyID] = true
	if len(ing.unsaved) >= saveEvery {
		if err := ing.save(ctx); err != nil {
			return 0, 0, err
		}
	}
	return storyID, dupOf, nil
}

// regroupDue regroups (Regroup) when RegroupEvery articles wait for it,
// and returns the story of the article id, placed in storyID, after it.
func (ing *Ingester) regroupDue(ctx context.Context, id, storyID int64) (int64, error) {
	n, err := ing.index.Unregrouped(ctx)
	if err != nil || n < pipeline.RegroupEvery {
		return storyID, err
	}
	if err := ing.Regroup(ctx); err != nil {
		return storyID, err
	}
	// The article may have moved.
	return ing.storyOf(ctx, ing.index.StoryOf(pipeline.ArticleID(id)))
}

// saveEvery is how many placements are saved in one transaction. The
// index's changes of one placement (some hundreds of document frequencies
// under hashed keys) touch pages all over its table; saving many at once
// writes each page once for all of them.
const saveEvery = 1024

// save saves the placements made since the last save, with the index's
// changes. When it fails, they are forgotten, in the index too: the
// articles are left unplaced, for the next Ingester to place.
func (ing *Ingester) save(ctx context.Context) error {
	if ing.index == nil {
		return nil
	}
	values, reset := ing.index.Pending()
	if len(values) == 0 && !reset && len(ing.unsaved) == 0 && len(ing.emptied) == 0 {
		return nil
	}
	err := ing.store.SaveGroupState(ctx, parallax.GroupWrite{Reset: reset, Values: groupValues(values), Placements: ing.unsaved, DeleteStories: ing.emptied})
	ing.unsaved, ing.emptied = nil, nil
	if err != nil {
		// The index is read again from the store, which has it as it was.
		ing.index.Forget()
		return fmt.Errorf("save placements: %w", err)
	}
	return nil
}

// Regroup groups again the articles placed since the last Regroup with the
// other articles of their stories and of the stories nearest them, as
// `parallax compare` groups a batch (group.Index.Regroup), so that the
// articles of one run make the stories compare makes of them. A story
// keeps its ID when a new group shares the most articles with it; a
// story every article left is deleted; each article moved gets an
// EventMoved in its new story. It costs what those stories hold, however
// large the library.
//
// A cancelled ctx (SIGINT, SIGTERM) stops the grouping where it is: the
// placements made before it are saved, nothing of the regrouping is, and
// the articles wait for the next Regroup (the index keeps them), so a
// stopped regrouping leaves the library as it was. Once grouped, the
// result is saved whole (one transaction), whatever ctx says.
func (ing *Ingester) Regroup(ctx context.Context) error {
	if ing.index == nil {
		return nil
	}
	// The stories' articles are read from the store: every placement must
	// be there, interrupted or not.
	if err := ing.save(context.WithoutCancel(ctx)); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	ing.opt.Logger.Info("grouping stories again")
	dups := map[string]int64{}
	before := map[string]int64{} // index story → stored story, before
	res, err := ing.index.Regroup(ctx, func(ctx context.Context, sid string) ([]group.Doc, error) {
		id := ing.index.Bound(sid)
		before[sid] = id
		if id == 0 {
			return nil, nil
		}
		recs, err := ing.store.StoryArticles(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("load story %d: %w", id, err)
		}
		docs := make([]group.Doc, 0, len(recs))
		for i, r := range recs {
			if i%64 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			a, err := pipeline.RecordAnalysis(r)
			if err != nil {
				return nil, err
			}
			d := pipeline.Doc(a)
			d.ID = pipeline.ArticleID(r.ID)
			docs = append(docs, d)
			dups[d.ID] = r.DuplicateOf
		}
		return docs, nil
	})
	if err != nil {
		return err
	}
	// Grouped: what follows is saved whole, not stopped half-way.
	ctx = context.WithoutCancel(ctx)
	ing.regrouped = res
	if res.Docs == 0 {
		return ing.save(ctx) // that nothing waits is saved
	}
	fail := func(err error) error {
		ing.index.Forget()
		ing.unsaved, ing.emptied = nil, nil
		return err
	}
	for _, sid := range res.New {
		if _, err := ing.storyOf(ctx, sid); err != nil {
			return fail(err)
		}
	}
	// One event per story that gained articles: which, and from where.
	var events []parallax.StoryEvent
	at := map[int64]int{}
	for _, m := range res.Moves {
		to := ing.index.Bound(m.To)
		a := parseArticleID(m.Doc)
		ing.unsaved = append(ing.unsaved, parallax.Placement{ArticleID: a, StoryID: to, DuplicateOf: dups[m.Doc]})
		k, ok := at[to]
		if !ok {
			k = len(events)
			at[to] = k
			events = append(events, parallax.StoryEvent{StoryID: to, Kind: parallax.EventMoved})
		}
		e := &events[k]
		if e.Subject != "" {
			e.Subject += ","
			e.Summary += ", "
		}
		e.Subject += m.Doc
		e.Summary += fmt.Sprintf("%s (from story %d)", m.Doc, before[m.From])
	}
	for i := range events {
		events[i].Summary = "moved here when stories were grouped again: " + events[i].Summary
	}
	for _, sid := range res.Stories {
		ing.dirty[ing.index.Bound(sid)] = true
	}
	for _, sid := range res.Emptied {
		id := before[sid]
		if id != 0 {
			delete(ing.dirty, id)
			ing.emptied = append(ing.emptied, id)
		}
	}
	if err := ing.save(ctx); err != nil {
		return err
	}
	ing.opt.Logger.Info("stories grouped again", "articles", res.Docs, "stories", len(res.Stories), "moved", len(res.Moves),
		"started", len(res.New), "deleted", len(res.Emptied))
	// Events of a story that was deleted meanwhile are not kept.
	if err := ing.store.AddEvents(ctx, events); err != nil && parallax.ErrorCode(err) != parallax.ENOTFOUND {
		return fmt.Errorf("record the articles moved: %w", err)
	}
	return nil
}

// Unregrouped is how many placed articles wait for the next Regroup.
func (ing *Ingester) Unregrouped(ctx context.Context) (int, error) {
	if ing.index == nil {
		return 0, nil
	}
	return ing.index.Unregrouped(ctx)
}

// Regrouped returns what the last Regroup did.
func (ing *Ingester) Regrouped() group.Regrouped { return ing.regrouped }

// FoldIndex folds the grouping index's logs (document frequencies,
// posting lists and buckets) now, as they are every some thousands of
// placements (see group.Index.Fold), and saves it: what bench -index
// times.
func (ing *Ingester) FoldIndex(ctx context.Context) error {
	if ing.index == nil {
		return nil
	}
	if err := ing.index.Fold(ctx); err != nil {
		return fmt.Errorf("fold the grouping index: %w", err)
	}
	return ing.save(ctx)
}

// IndexLog returns how many feature changes the grouping index's log of
// document frequencies holds, and how many it holds before it is folded.
func (ing *Ingester) IndexLog() (n, capacity int) {
	if ing.index == nil {
		return 0, 0
	}
	return ing.index.LogEntries()
}

// IndexValueLog returns how many posting lists and buckets the grouping
// index's value log holds, and how many it holds before it is folded.
func (ing *Ingester) IndexValueLog() (n, capacity int) {
	if ing.index == nil {
		return 0, 0
	}
	return ing.index.ValueLogEntries()
}

// storyOf returns the stored story of the index's story sid, starting one
// when it has none.
func (ing *Ingester) storyOf(ctx context.Context, sid string) (int64, error) {
	if id := ing.index.Bound(sid); id != 0 {
		return id, nil
	}
	id, err := ing.store.CreateStory(ctx)
	if err != nil {
		return 0, fmt.Errorf("start a story: %w", err)
	}
	ing.index.Bind(sid, id)
	return id, nil
}

// Dirty is the number of stories waiting for Flush.
func (ing *Ingester) Dirty() int { return len(ing.dirty) }

// Flush groups again the articles placed since the last time (Regroup),
// saves the placements and recomputes the comparison of every story that
// changed. An ingest run ends with it.
//
// A cancelled ctx stops it between two steps (see Regroup) or two stories:
// what was done is saved whole, the rest is found by the next Ingester
// (articles not regrouped in the index, stories not compared by
// Store.StaleStories).
func (ing *Ingester) Flush(ctx context.Context) error {
	if err := ing.Regroup(ctx); err != nil {
		return err
	}
	return ing.FlushPlaced(ctx)
}

// FlushPlaced is Flush without the regrouping: the articles placed since
// the last one wait for the next Flush (or the next RegroupEvery), kept in
// the index across runs. A long run calls it now and then, so that its
// stories are compared as they grow.
func (ing *Ingester) FlushPlaced(ctx context.Context) error {
	if err := ing.save(context.WithoutCancel(ctx)); err != nil {
		return err
	}
	ids := make([]int64, 0, len(ing.dirty))
	for id := range ing.dirty {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		empty, err := recompare(ctx, ing.store, id, ing.opt.Now())
		if err != nil {
			return err
		}
		if empty {
			// A story started by a placer that was stopped before it saved
			// the story's first placement: nothing will ever be placed in it.
			ing.emptied = append(ing.emptied, id)
		}
		delete(ing.dirty, id)
	}
	return ing.save(context.WithoutCancel(ctx))
}

// Recompare recomputes and saves one story's comparison, and records what
// it gained since the last one: outlets and conflicts (see Changes).
func (ing *Ingester) Recompare(ctx context.Context, storyID int64) error {
	return Recompare(ctx, ing.store, storyID, ing.opt.Now())
}

// Recompare recomputes one story's comparison from its stored articles and
// saves it as of now. A story without articles is left as it is.
func Recompare(ctx context.Context, st Store, storyID int64, now time.Time) error {
	_, err := recompare(ctx, st, storyID, now)
	return err
}

// recompare is Recompare; it reports whether the story holds no article.
//
// The story's change counter is read before its articles, and the report
// saved with it: should another process change the story meanwhile (place
// an article in it, replace an analysis), the story stays out of date for
// the next comparison (see parallax.Store.SaveReport).
func recompare(ctx context.Context, st Store, storyID int64, now time.Time) (empty bool, err error) {
	was, old, err := st.Story(ctx, storyID)
	if err != nil {
		return false, fmt.Errorf("load story %d: %w", storyID, err)
	}
	recs, err := st.StoryArticles(ctx, storyID)
	if err != nil {
		return false, fmt.Errorf("load story %d: %w", storyID, err)
	}
	if len(recs) == 0 {
		return true, nil
	}
	rep, info, err := reportCtx(ctx, storyID, recs)
	if err != nil {
		return false, fmt.Errorf("compare story %d: %w", storyID, err)
	}
	info.Changes = was.Changes
	b, err := json.Marshal(rep)
	if err != nil {
		return false, fmt.Errorf("encode story %d: %w", storyID, err)
	}
	info.Updated = now.UTC()
	if err := st.SaveReport(ctx, info, b); err != nil {
		return false, fmt.Errorf("save story %d: %w", storyID, err)
	}
	events := Changes(oldStory(old), rep, info)
	if err := st.AddEvents(ctx, events); err != nil {
		return false, fmt.Errorf("record the changes of story %d: %w", storyID, err)
	}
	return false, nil
}

// reportCtx is Report, given up when ctx ends first: comparing a story of
// hundreds of articles takes seconds, and a stop (SIGINT, SIGTERM) is to
// take less than one. The comparison then goes on in the background, and
// its result is dropped (nothing of it was saved).
func reportCtx(ctx context.Context, storyID int64, recs []*parallax.Record) (*parallax.Report, parallax.StoryInfo, error) {
	if ctx.Done() == nil {
		return Report(storyID, recs)
	}
	type result struct {
		rep  *parallax.Report
		info parallax.StoryInfo
		err  error
	}
	done := make(chan result, 1)
	go func() {
		rep, info, err := Report(storyID, recs)
		done <- result{rep, info, err}
	}()
	select {
	case r := <-done:
		return r.rep, r.info, r.err
	case <-ctx.Done():
		return nil, parallax.StoryInfo{}, ctx.Err()
	}
}

// oldStory is the story of a stored report; nil when there is none.
func oldStory(raw []byte) *parallax.Story {
	var rep parallax.Report
	if len(raw) == 0 || json.Unmarshal(raw, &rep) != nil || len(rep.Stories) == 0 {
		return nil
	}
	return &rep.Stories[0]
}

// Changes is what a story gained between two comparisons: each outlet it
// did not have (copies aside), once it is a story of two outlets or more
// (a lone article is not news of a story: when a second outlet joins, the
// first is reported too), and each conflict whose kind and subject it did
// not have. old is nil for a story's first comparison.
func Changes(old *parallax.Story, rep *parallax.Report, info parallax.StoryInfo) []parallax.StoryEvent {
	if len(rep.Stories) == 0 {
		return nil
	}
	st := &rep.Stories[0]
	title := info.Title
	outletsOf := func(s *parallax.Story) []string {
		if s == nil {
			return nil
		}
		var out []string
		seen := map[string]bool{}
		for _, a := range s.Articles {
			if a.DuplicateOf != "" || a.Outlet == "" || seen[a.Outlet] {
				continue
			}
			seen[a.Outlet] = true
			out = append(out, a.Outlet)
		}
		return out
	}
	var events []parallax.StoryEvent
	now, before := outletsOf(st), outletsOf(old)
	if len(now) >= 2 {
		had := map[string]bool{}
		if len(before) >= 2 {
			for _, o := range before {
				had[o] = true
			}
		}
		for _, o := range now {
			if !had[o] {
				events = append(events, parallax.StoryEvent{StoryID: info.ID, Kind: parallax.EventOutlet, Subject: o,
					Summary: o + " covers the story", Title: title})
			}
		}
	}
	had := map[string]bool{}
	if old != nil {
		for i := range old.Conflicts {
			had[old.Conflicts[i].Key()] = true
			had[parallax.KeyPrefix(old.Conflicts[i].Key())] = true
		}
	}
	for i := range st.Conflicts {
		c := &st.Conflicts[i]
		k := c.Key()
		if had[k] || had[parallax.KeyPrefix(k)] {
			continue
		}
		had[parallax.KeyPrefix(k)] = true
		what := view.KindLabel(c.Kind)
		if c.Subject != "" {
			what += ": " + view.OneLine(c.Subject)
		}
		if c.Summary != "" {
			what += " — " + view.OneLine(c.Summary)
		}
		events = append(events, parallax.StoryEvent{StoryID: info.ID, Kind: parallax.EventConflict, Subject: k, Summary: what, Title: title})
	}
	return events
}

// Report compares a story's stored articles: the same report `parallax
// compare` prints, for one story, and the story's listing.
func Report(storyID int64, recs []*parallax.Record) (*parallax.Report, parallax.StoryInfo, error) {
	info := parallax.StoryInfo{ID: storyID, Articles: len(recs)}
	g := pipeline.Grouping{DuplicateOf: map[string]string{}}
	var as []*parallax.Analysis
	var members []string
	outlets := map[string]bool{}
	for _, r := range recs {
		a, err := pipeline.RecordAnalysis(r)
		if err != nil {
			return nil, info, err
		}
		as = append(as, a)
		members = append(members, a.Article.ID)
		if r.DuplicateOf != 0 {
			g.DuplicateOf[a.Article.ID] = pipeline.ArticleID(r.DuplicateOf)
		} else {
			outlets[r.Outlet] = true // a copy is not another outlet's coverage
		}
		// Only known publication dates make the story's range: an undated
		// article did not happen on the day it was ingested.
		t := r.Published
		if t.IsZero() {
			continue
		}
		if info.First.IsZero() || t.Before(info.First) {
			info.First = t
		}
		if t.After(info.Last) {
			info.Last = t
		}
	}
	info.Outlets = len(outlets)
	if len(members) > 0 {
		g.Stories = []pipeline.Members{{ID: pipeline.StoryID(storyID), Articles: members}}
	}
	rep := pipeline.Compare(as, g)
	if len(rep.Stories) > 0 {
		info.Title = view.Title(&rep.Stories[0])
		info.Conflicts = len(rep.Stories[0].Conflicts)
	}
	return rep, info, nil
}
