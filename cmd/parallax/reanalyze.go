package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/parallaxnews/parallax/internal/ingest"
)

// ReanalyzeCommand analyses every stored article again and recompares the
// stories: how a library catches up with new analysis rules, or with a
// stored analysis another version wrote (which parallax never re-analyses
// behind the user's back).
type ReanalyzeCommand struct{ Main *Main }

func (c *ReanalyzeCommand) Run(ctx context.Context, args []string) error {
	m := c.Main
	fs := flag.NewFlagSet("parallax reanalyze", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	db := dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return errSilent{2}
	}
	if fs.NArg() != 0 {
		fmt.Fprintf(m.Stderr, "parallax reanalyze: unexpected argument %q\n", fs.Arg(0))
		return errSilent{2}
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	last := time.Now()
	n, s, err := ingest.Reanalyze(ctx, st, time.Now, func(done int) {
		if time.Since(last) >= 5*time.Second {
			last = time.Now()
			fmt.Fprintf(m.Stderr, "reanalyze: %d articles\n", done)
		}
	})
	fmt.Fprintf(m.Stderr, "reanalysed %s, recompared %s\n", plural(n, "article", "articles"), plural(s, "story", "stories"))
	return err
}
