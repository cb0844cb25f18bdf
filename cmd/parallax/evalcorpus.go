package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/parallaxnews/parallax/internal/evalcorpus"
	"github.com/parallaxnews/parallax/internal/pipeline"
)

// EvalCorpusCommand scores the per-article analysis on public annotated
// corpora (PolNeAR quotes, CoNLL-2003 entities) read from local copies.
type EvalCorpusCommand struct {
	Main *Main
}

func (c *EvalCorpusCommand) Run(ctx context.Context, args []string) error {
	m := c.Main
	fs := flag.NewFlagSet("parallax evalcorpus", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprint(m.Stderr, `Usage: parallax evalcorpus [--polnear DIR] [--conll DIR] [--gmb PATH] [--conll2002 DIR] [--json] [--errors FILE]

Scores quotes and speakers on PolNeAR (train and dev) and typed entity
mentions on CoNLL-2003 English (eng.train and eng.testa), on a GMB-derived
NER table and on CoNLL-2002 Spanish (esp.train and esp.testa) with the
analyser the pipeline uses. The corpora are local copies; see internal/evalcorpus.

`)
		fs.PrintDefaults()
	}
	polnear := fs.String("polnear", "", "PolNeAR checkout (the directory holding data/)")
	parts := fs.String("polnear-parts", "train,dev", "PolNeAR compartments to score (test is held out)")
	conll := fs.String("conll", "", "directory holding CoNLL-2003 eng.train and eng.testa")
	gmb := fs.String("gmb", "", "GMB-derived NER table (GMB_dataset.txt, ner_dataset.csv) or a directory holding one")
	conll2002 := fs.String("conll2002", "", "directory holding CoNLL-2002 Spanish esp.train and esp.testa")
	every := fs.Int("every", 1, "score every n-th document only (a deterministic sample)")
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	errFile := fs.String("errors", "", "write every disagreement to this file as JSON lines")
	if err := fs.Parse(args); err != nil {
		return errSilent{2}
	}
	if fs.NArg() > 0 || *polnear == "" && *conll == "" && *gmb == "" && *conll2002 == "" {
		fs.Usage()
		fmt.Fprintln(m.Stderr, "\nparallax evalcorpus: give at least one of --polnear, --conll, --gmb, --conll2002 (and no other arguments)")
		return errSilent{2}
	}
	an := pipeline.NewAnalyzer()
	cfg := evalcorpus.Config{PolNeAR: *polnear, CoNLL: *conll, GMB: *gmb, CoNLL2002: *conll2002, Every: *every, Analyze: an.Analyze}
	if *polnear != "" {
		cfg.PolNeARParts = strings.Split(*parts, ",")
	}
	var errw *bufio.Writer
	var errEnc *json.Encoder
	if *errFile != "" {
		f, err := os.Create(*errFile)
		if err != nil {
			return fmt.Errorf("errors file: %w", err)
		}
		defer f.Close()
		errw = bufio.NewWriter(f)
		errEnc = json.NewEncoder(errw)
		errEnc.SetEscapeHTML(false)
		var encErr error
		cfg.Errors = func(r evalcorpus.ErrorRecord) {
			if encErr == nil {
				encErr = errEnc.Encode(r)
			}
		}
		defer func() {
			if encErr != nil {
				m.Logger.Error("writing errors", "file", *errFile, "err", encErr)
			}
		}()
	}
	rep, err := evalcorpus.Run(ctx, cfg)
	if err != nil {
		return err
	}
	if errw != nil {
		if err := errw.Flush(); err != nil {
			return fmt.Errorf("errors file %s: %w", *errFile, err)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return rep.WriteText(m.Stdout)
}
