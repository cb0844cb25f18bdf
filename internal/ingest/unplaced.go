package ingest

import (
	"context"
	"fmt"

	"github.com/parallaxnews/parallax"
)

// unplacedLister lists the articles stored but in no story, of any age,
// with IDs above after, in ID order (Store.Unplaced where the store has it).
type unplacedLister interface {
	Unplaced(ctx context.Context, after int64, limit int) ([]*parallax.Record, error)
}

// placeUnplaced places every article that a run stopped between storing
// and placing (killed) left in no story, whatever its age: the index of
// recent coverage only finds those published within the window. One
// older than the window starts a story, or joins one of the others found
// here, as the stories of its time are not in the index.
func (ing *Ingester) placeUnplaced(ctx context.Context, u unplacedLister) error {
	var after int64
	for {
		recs, err := u.Unplaced(ctx, after, 512)
		if err != nil {
			return fmt.Errorf("find unplaced articles: %w", err)
		}
		for _, r := range recs {
			after = r.ID
			sid, dup := ing.index.Add(doc(r.ID, ing.analysisOf(r)))
			if err := ing.place(ctx, r.ID, sid, dup); err != nil {
				return fmt.Errorf("place a%d: %w", r.ID, err)
			}
		}
		if len(recs) < 512 {
			return nil
		}
	}
}
