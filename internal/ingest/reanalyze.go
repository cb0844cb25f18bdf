package ingest

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/pipeline"
)

// reanalyzeBatch is how many articles are analysed at a time, in parallel.
const reanalyzeBatch = 64

// Reanalyze analyses every stored article again, stores the new analyses,
// and recompares every story that holds one: how a library catches up with
// changed analysis rules or an older analysis format. Placements stay as
// they are. The grouping index, made of the old analyses, is dropped
// first, so that a run stopped half-way leaves none behind, and built
// again from the new ones at the end, as a library's first start builds
// it (from the articles within the window before now). On a store several
// processes share, no other may be placing articles meanwhile: that is an
// ECONFLICT error; Reanalyze holds the placement lock from the start to
// the last comparison, so that no process places articles with an index
// half built or compares a story with analyses half replaced. A story
// whose analyses changed is out of date (Store.StaleStories) until it is
// compared again, so that a run stopped half-way leaves the next placer
// the stories to compare. It returns how many articles and stories it
// redid; progress, when not nil, hears the count of articles done so far.
func Reanalyze(ctx context.Context, st parallax.Store, now func() time.Time, progress func(done int)) (articles, stories int, err error) {
	lock, err := lockPlacement(ctx, st)
	if err != nil {
		return 0, 0, err
	}
	if lock != nil {
		defer lock.Unlock()
	}
	if err := st.SaveGroupState(ctx, parallax.GroupWrite{Reset: true}); err != nil {
		return 0, 0, fmt.Errorf("drop the grouping index: %w", err)
	}
	touched := map[int64]bool{}
	var batch []*parallax.Record
	flush := func() error {
		arts := make([]*parallax.Article, len(batch))
		for i, r := range batch {
			a := r.Article
			a.ID = pipeline.ArticleID(r.ID)
			arts[i] = &a
		}
		for i, a := range pipeline.AnalyzeAll(arts, 0) {
			enc, err := pipeline.EncodeAnalysis(a)
			if err != nil {
				return fmt.Errorf("encode analysis of %s: %w", arts[i].ID, err)
			}
			if err := st.SetAnalysis(ctx, batch[i].ID, enc); err != nil {
				return fmt.Errorf("store analysis of %s: %w", arts[i].ID, err)
			}
			if batch[i].StoryID != 0 {
				touched[batch[i].StoryID] = true
			}
		}
		articles += len(batch)
		batch = batch[:0]
		if progress != nil {
			progress(articles)
		}
		return ctx.Err()
	}
	err = st.EachArticle(ctx, func(r *parallax.Record) error {
		batch = append(batch, r)
		if len(batch) == reanalyzeBatch {
			return flush()
		}
		return nil
	})
	if err == nil && len(batch) > 0 {
		err = flush()
	}
	if err != nil {
		return articles, 0, err
	}
	ing, err := New(ctx, st, Options{Now: now, Lock: lock})
	if err != nil {
		return articles, 0, fmt.Errorf("build the grouping index again: %w", err)
	}
	ing.Close()
	ids := make([]int64, 0, len(touched))
	for id := range touched {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return articles, stories, err
		}
		if lock != nil {
			if err := lock.Check(ctx); err != nil {
				return articles, stories, err
			}
		}
		if err := Recompare(ctx, st, id, now()); err != nil {
			return articles, stories, err
		}
		stories++
	}
	return articles, stories, nil
}

// lockPlacement takes the placement lock of a store that has one, without
// waiting: another process placing articles is an ECONFLICT error.
func lockPlacement(ctx context.Context, st parallax.Store) (parallax.PlacementLock, error) {
	l, ok := st.(parallax.PlacementLocker)
	if !ok {
		return nil, nil
	}
	lock, err := l.LockPlacement(ctx, false)
	if err != nil {
		return nil, fmt.Errorf("take the placement lock: %w", err)
	}
	if lock == nil {
		return nil, parallax.Errorf(parallax.ECONFLICT, "another process places articles in stories: stop it (serve, ingest, work) and reanalyse again")
	}
	return lock, nil
}
