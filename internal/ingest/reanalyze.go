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
// they are. It returns how many articles and stories it redid; progress,
// when not nil, hears the count of articles done so far.
func Reanalyze(ctx context.Context, st parallax.Store, now func() time.Time, progress func(done int)) (articles, stories int, err error) {
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
