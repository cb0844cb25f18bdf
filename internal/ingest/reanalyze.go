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
// ECONFLICT error. It returns how many articles and stories it redid;
// progress, when not nil, hears the count of articles done so far.
func Reanalyze(ctx context.Context, st parallax.Store, now func() time.Time, progress func(done int)) (articles, stories int, err error) {
	if err := dropIndex(ctx, st); err != nil {
		return 0, 0, err
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
	ing, err := New(ctx, st, Options{Now: now, WaitForLock: true})
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
		if err := Recompare(ctx, st, id, now()); err != nil {
			return articles, stories, err
		}
		stories++
	}
	return articles, stories, nil
}

// dropIndex deletes the grouping index, under the placement lock when the
// store has one.
func dropIndex(ctx context.Context, st parallax.Store) error {
	if l, ok := st.(parallax.PlacementLocker); ok {
		lock, err := l.LockPlacement(ctx, false)
		if err != nil {
			return fmt.Errorf("take the placement lock: %w", err)
		}
		if lock == nil {
			return parallax.Errorf(parallax.ECONFLICT, "another process places articles in stories: stop it (serve, ingest, work) and reanalyse again")
		}
		defer lock.Unlock()
	}
	if err := st.SaveGroupState(ctx, parallax.GroupWrite{Reset: true}); err != nil {
		return fmt.Errorf("drop the grouping index: %w", err)
	}
	return nil
}
