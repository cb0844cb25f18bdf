// Package ingest grows the library: each new article is analysed, stored
// once, linked to the article it copies if any, and placed in a story
// (joining one or starting one) through an index of recent coverage, so the
// cost of placing an article does not grow with the library. The stories it
// touched have their comparison recomputed when the batch is flushed.
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
	"github.com/parallaxnews/parallax/internal/compare"
	"github.com/parallaxnews/parallax/internal/group"
	"github.com/parallaxnews/parallax/internal/pipeline"
)

// Options tune an Ingester. The zero value is ready to use.
type Options struct {
	// Window is how far back the index of recent coverage reaches, and how
	// far apart two articles of one story may be published; 0 means
	// pipeline.DefaultWindow.
	Window time.Duration
	// MaxIndexed caps how many recent articles the index is rebuilt from
	// when the Ingester starts; 0 means 200,000.
	MaxIndexed int
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Logger receives progress and problems; nil discards them.
	Logger *slog.Logger
}

// Store is what an Ingester needs of the library: parallax.Store has it all.
type Store interface {
	AddArticle(ctx context.Context, r *parallax.Record) (id int64, created bool, err error)
	ArticlesSince(ctx context.Context, t time.Time, limit int) ([]*parallax.Record, error)
	SetPlacement(ctx context.Context, articleID, storyID, duplicateOf int64) error
	CreateStory(ctx context.Context) (int64, error)
	StoryArticles(ctx context.Context, storyID int64) ([]*parallax.Record, error)
	SaveReport(ctx context.Context, info parallax.StoryInfo, report []byte) error
}

// Ingester adds articles to a Store. It is not safe for concurrent use.
type Ingester struct {
	store Store
	opt   Options
	an    *analyze.Analyzer
	index *group.Index
	// stories maps the index's story IDs to the store's.
	stories map[string]int64
	dirty   map[int64]bool
}

// Result says what happened to one article.
type Result struct {
	ID          int64
	New         bool  // false when the same URL or content was already stored
	StoryID     int64 // the story it joined or started
	DuplicateOf int64 // the article it copies, 0 when none
}

// New returns an Ingester over store, its index rebuilt from the articles
// published within the window before now.
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
	ing := &Ingester{store: store, opt: opt, an: pipeline.NewAnalyzer(),
		index: group.NewIndex(group.Options{Window: opt.Window}), stories: map[string]int64{}, dirty: map[int64]bool{}}
	recent, err := store.ArticlesSince(ctx, opt.Now().Add(-opt.Window), opt.MaxIndexed)
	if err != nil {
		return nil, fmt.Errorf("load recent articles: %w", err)
	}
	for _, r := range recent {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a := ing.analysisOf(r)
		sid, dup := ing.index.Add(doc(r.ID, a))
		if _, ok := ing.stories[sid]; !ok && r.StoryID != 0 {
			ing.stories[sid] = r.StoryID
		}
		if r.StoryID == 0 {
			// stored but never placed: a run stopped between the two steps
			if err := ing.place(ctx, r.ID, sid, dup); err != nil {
				return nil, err
			}
		}
	}
	if u, ok := store.(unplacedLister); ok {
		if err := ing.placeUnplaced(ctx, u); err != nil {
			return nil, err
		}
	}
	opt.Logger.Debug("index rebuilt", "articles", len(recent), "window", opt.Window)
	return ing, nil
}

func doc(id int64, a *parallax.Analysis) group.Doc {
	d := group.Doc{ID: articleID(id), Title: a.Article.Title, Text: a.Article.Text, Published: a.Article.Published, Language: a.Language}
	for _, e := range a.Entities {
		d.Names = append(d.Names, e.Name)
	}
	return d
}

func articleID(id int64) string { return "a" + strconv.FormatInt(id, 10) }

func parseArticleID(s string) int64 {
	n, _ := strconv.ParseInt(strings.TrimPrefix(s, "a"), 10, 64)
	return n
}

// analysisOf restores a stored article's analysis, or analyses it again
// when the stored one is missing or was written by another version.
func (ing *Ingester) analysisOf(r *parallax.Record) *parallax.Analysis { return Analysis(r) }

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

// Add stores one article and places it in a story. An article already in
// the library (same URL or same text) is left as it is.
func (ing *Ingester) Add(ctx context.Context, art *parallax.Article, feedID int64) (Result, error) {
	if strings.TrimSpace(art.Text) == "" {
		return Result{}, parallax.Errorf(parallax.EINVALID, "%s: no text", art.Source)
	}
	rec := &parallax.Record{Article: *art, Raw: art.Received, RawType: art.ReceivedType, Hash: Hash(art.Text), FeedID: feedID}
	rec.Article.Received, rec.Article.ReceivedType = nil, ""
	if rec.RawType == "" {
		rec.Raw, rec.RawType = []byte(art.Text), "text/plain"
	}
	work := rec.Article
	a := ing.an.Analyze(&work)
	enc, err := encodeAnalysis(a)
	if err != nil {
		return Result{}, fmt.Errorf("encode analysis of %s: %w", art.Source, err)
	}
	rec.Analysis = enc
	if rec.Language == "" {
		rec.Language = a.Language
	}
	id, created, err := ing.store.AddArticle(ctx, rec)
	if err != nil {
		return Result{}, fmt.Errorf("store %s: %w", art.Source, err)
	}
	if !created {
		return Result{ID: id}, nil
	}
	work.ID = articleID(id)
	sid, dup := ing.index.Add(doc(id, a))
	// Stored, the article is placed even if ctx is cancelled meanwhile (an
	// interrupt): a run stopped between the two steps would leave it out of
	// every story until the next run.
	if err := ing.place(context.WithoutCancel(ctx), id, sid, dup); err != nil {
		return Result{}, fmt.Errorf("place %s: %w", art.Source, err)
	}
	return Result{ID: id, New: true, StoryID: ing.stories[sid], DuplicateOf: parseArticleID(dup)}, nil
}

// place records that article id is in the index's story sid (starting a
// stored story for it when needed) and copies dup.
func (ing *Ingester) place(ctx context.Context, id int64, sid, dup string) error {
	storyID, ok := ing.stories[sid]
	if !ok {
		var err error
		if storyID, err = ing.store.CreateStory(ctx); err != nil {
			return fmt.Errorf("start a story: %w", err)
		}
		ing.stories[sid] = storyID
	}
	if err := ing.store.SetPlacement(ctx, id, storyID, parseArticleID(dup)); err != nil {
		return err
	}
	ing.dirty[storyID] = true
	return nil
}

// Dirty is the number of stories waiting for Flush.
func (ing *Ingester) Dirty() int { return len(ing.dirty) }

// Flush recomputes the comparison of every story that gained articles.
func (ing *Ingester) Flush(ctx context.Context) error {
	ids := make([]int64, 0, len(ing.dirty))
	for id := range ing.dirty {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := ing.Recompare(ctx, id); err != nil {
			return err
		}
		delete(ing.dirty, id)
	}
	return nil
}

// Recompare recomputes and saves one story's comparison.
func (ing *Ingester) Recompare(ctx context.Context, storyID int64) error {
	recs, err := ing.store.StoryArticles(ctx, storyID)
	if err != nil {
		return fmt.Errorf("load story %d: %w", storyID, err)
	}
	rep, info := ing.Report(storyID, recs)
	b, err := json.Marshal(rep)
	if err != nil {
		return fmt.Errorf("encode story %d: %w", storyID, err)
	}
	info.Updated = ing.opt.Now().UTC()
	if err := ing.store.SaveReport(ctx, info, b); err != nil {
		return fmt.Errorf("save story %d: %w", storyID, err)
	}
	return nil
}

// Report compares a story's stored articles: the same report `parallax
// compare` prints, for one story.
func (ing *Ingester) Report(storyID int64, recs []*parallax.Record) (*parallax.Report, parallax.StoryInfo) {
	in := compare.Input{ID: "s" + strconv.FormatInt(storyID, 10), DuplicateOf: map[string]string{}}
	info := parallax.StoryInfo{ID: storyID, Articles: len(recs)}
	outlets := map[string]bool{}
	for _, r := range recs {
		a := ing.analysisOf(r)
		in.Analyses = append(in.Analyses, a)
		if r.DuplicateOf != 0 {
			in.DuplicateOf[a.Article.ID] = articleID(r.DuplicateOf)
		} else {
			outlets[r.Outlet] = true // a copy is not another outlet's coverage
		}
		t := r.Published
		if t.IsZero() {
			t = r.Created
		}
		if info.First.IsZero() || t.Before(info.First) {
			info.First = t
		}
		if t.After(info.Last) {
			info.Last = t
		}
	}
	info.Outlets = len(outlets)
	rep := &parallax.Report{Generator: "parallax", Unassigned: []string{}, Stories: []parallax.Story{}}
	for _, a := range in.Analyses {
		rep.Articles = append(rep.Articles, compare.Info(a, in.DuplicateOf[a.Article.ID]))
	}
	if len(in.Analyses) == 0 {
		return rep, info
	}
	st := compare.Story(in)
	info.Title = st.Title
	info.Conflicts = len(st.Conflicts)
	rep.Stories = append(rep.Stories, st)
	return rep, info
}

var defaultAnalyzer = pipeline.NewAnalyzer()

// Analysis returns a stored article's analysis, decoded, or computed again
// when the stored one is missing or from another version.
func Analysis(r *parallax.Record) *parallax.Analysis {
	art := r.Article
	art.ID = articleID(r.ID)
	if a, ok := decodeAnalysis(r.Analysis, &art); ok {
		return a
	}
	return defaultAnalyzer.Analyze(&art)
}
