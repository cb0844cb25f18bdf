package ingest

import (
	"context"
	"fmt"

	"github.com/parallaxnews/parallax/internal/pipeline"
)

// unplacedBatch is how many unplaced articles placeUnplaced reads at once.
const unplacedBatch = 512

// placeUnplaced places every article that a run stopped between storing
// and placing (killed) left in no story, whatever its age: the index of
// recent coverage only finds those published within the window. One
// older than the window starts a story, or joins one of the others found
// here, as the stories of its time are not in the index. They are placed
// in the order Store.Unplaced gives (queue order, then ID).
func (ing *Ingester) placeUnplaced(ctx context.Context) error {
	for {
		recs, err := ing.store.Unplaced(ctx, unplacedBatch)
		if err != nil {
			return fmt.Errorf("find unplaced articles: %w", err)
		}
		for _, r := range recs {
			// An unreadable analysis stops the run, as in New: it is never
			// analysed again behind the user's back (parallax reanalyze).
			a, err := pipeline.RecordAnalysis(r)
			if err != nil {
				return err
			}
			if _, _, err := ing.placeDoc(ctx, r.ID, a); err != nil {
				return fmt.Errorf("place a%d: %w", r.ID, err)
			}
		}
		// Each article listed is placed above and saved here, so the next
		// call lists the following ones.
		if err := ing.save(ctx); err != nil {
			return err
		}
		if len(recs) < unplacedBatch {
			return nil
		}
	}
}
