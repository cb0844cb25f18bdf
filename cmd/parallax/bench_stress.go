package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/parallaxnews/parallax/internal/stress"
)

// stressOptions are the flags of `parallax bench -stress`.
type stressOptions struct {
	corpus  string
	stories int
	trials  int
	seed    uint64
	dump    string
	log     string
	kinds   string
}

// stress runs the conflict stress test (issue 8): controlled disagreements
// injected into real multi-outlet stories, and the conflicts raised on the
// stories as they are.
func (c *BenchCommand) stress(ctx context.Context, o stressOptions) error {
	m := c.Main
	for _, name := range stress.Corpora {
		for _, f := range []string{name + ".jsonl", name + ".gold.json"} {
			if _, err := os.Stat(filepath.Join(o.corpus, f)); err != nil {
				fmt.Fprintf(m.Stderr, "parallax bench -stress: %s not found in %s; give -corpus DIR, the folder of the dev sets (../shared/corpus/dev)\n", f, o.corpus)
				return errSilent{2}
			}
		}
	}
	stories, err := stress.Load(ctx, o.corpus)
	if err != nil {
		return err
	}
	opt := stress.Options{Stories: o.stories, Trials: o.trials, Seed: o.seed}
	if o.kinds != "" {
		for _, k := range strings.Split(o.kinds, ",") {
			if k = strings.TrimSpace(k); !slices.Contains(stress.Kinds, k) {
				fmt.Fprintf(m.Stderr, "parallax bench -stress: unknown kind %q (kinds: %s)\n", k, strings.Join(stress.Kinds, ", "))
				return errSilent{2}
			}
			opt.Kinds = append(opt.Kinds, k)
		}
	}
	if o.dump != "" {
		f, err := os.Create(o.dump)
		if err != nil {
			return fmt.Errorf("bench -stress: %w", err)
		}
		defer f.Close()
		opt.Dump = f
	}
	if o.log != "" {
		f, err := os.Create(o.log)
		if err != nil {
			return fmt.Errorf("bench -stress: %w", err)
		}
		defer f.Close()
		opt.Log = f
	}
	res, err := stress.Run(ctx, stories, opt)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "conflict stress test: %d stories, up to %d injections per kind and story, seed %d\n\n", res.Stories, opt.Trials, o.seed)
	if err := res.WriteTable(m.Stdout); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "%.0f s\n", res.Elapsed.Seconds())
	return nil
}
