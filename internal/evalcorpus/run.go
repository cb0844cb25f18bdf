package evalcorpus

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/parallaxnews/parallax"
)

// Config says which corpora to score and how.
type Config struct {
	// PolNeAR is a PolNeAR checkout (holding data/); "" skips it.
	PolNeAR string
	// PolNeARParts are the compartments scored; nil means train and dev.
	PolNeARParts []string
	// CoNLL is a directory holding eng.train and eng.testa (CoNLL-2003
	// English; testb is never read); "" skips it.
	CoNLL string
	// CoNLL2002 is a directory holding the Spanish part of CoNLL-2002
	// (esp.train and esp.testa; esp.testb is never read); "" skips it.
	CoNLL2002 string
	// GMB is a GMB-derived NER table or a directory holding one (see
	// LoadGMB); "" skips it.
	GMB string
	// Every scores every n-th document of each corpus (0 or 1: all), a
	// deterministic sample for quick runs and tests.
	Every int
	// Analyze is the analyser under test: the pipeline's, so that what is
	// measured is what ships.
	Analyze func(*parallax.Article) *parallax.Analysis
	// Errors, when set, receives every disagreement.
	Errors func(ErrorRecord)
}

// Report holds the scores of one run.
type Report struct {
	Quotes   map[string]*QuoteScores  `json:"quotes,omitempty"`
	Entities map[string]*EntityScores `json:"entities,omitempty"`
	// Seconds is the wall time spent per corpus, loading included.
	Seconds map[string]float64 `json:"seconds"`
}

// Run scores every configured corpus.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	if cfg.Analyze == nil {
		return nil, fmt.Errorf("evalcorpus: no analyser")
	}
	rep := &Report{Quotes: map[string]*QuoteScores{}, Entities: map[string]*EntityScores{}, Seconds: map[string]float64{}}
	if cfg.PolNeAR != "" {
		t0 := time.Now()
		parts := cfg.PolNeARParts
		if parts == nil {
			parts = []string{"train", "dev"}
		}
		for _, p := range parts {
			if p == "test" {
				return nil, fmt.Errorf("polnear: the test compartment is held out; score train and dev")
			}
		}
		docs, err := LoadPolNeAR(cfg.PolNeAR, parts, cfg.Every)
		if err != nil {
			return nil, err
		}
		s := &QuoteScores{}
		for i := range docs {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			ScoreQuotes(&docs[i], cfg.Analyze(docs[i].Article), s, cfg.Errors)
		}
		rep.Quotes["polnear"] = s
		rep.Seconds["polnear"] = time.Since(t0).Seconds()
	}
	if cfg.CoNLL != "" {
		t0 := time.Now()
		docs, err := LoadCoNLL([]string{filepath.Join(cfg.CoNLL, "eng.train"), filepath.Join(cfg.CoNLL, "eng.testa")}, cfg.Every)
		if err != nil {
			return nil, err
		}
		if err := scoreNER(ctx, cfg, rep, docs, []Variant{{"conll", CoNLLClass, false}, {"conll prose", CoNLLClass, true}}); err != nil {
			return nil, err
		}
		rep.Seconds["conll"] = time.Since(t0).Seconds()
	}
	if cfg.CoNLL2002 != "" {
		t0 := time.Now()
		docs, err := LoadCoNLL2002(cfg.CoNLL2002, cfg.Every)
		if err != nil {
			return nil, err
		}
		if err := scoreNER(ctx, cfg, rep, docs, []Variant{{"conll2002 es", CoNLLClass, false}}); err != nil {
			return nil, err
		}
		rep.Seconds["conll2002"] = time.Since(t0).Seconds()
	}
	if cfg.GMB != "" {
		t0 := time.Now()
		docs, err := LoadGMB(cfg.GMB, cfg.Every)
		if err != nil {
			return nil, err
		}
		if err := scoreNER(ctx, cfg, rep, docs, []Variant{{"gmb", GMBClass, false}, {"gmb+gpe", GMBClassGPE, false}}); err != nil {
			return nil, err
		}
		rep.Seconds["gmb"] = time.Since(t0).Seconds()
	}
	return rep, nil
}

// scoreNER analyses each document once and scores it under each variant;
// errors are reported for the first variant only.
func scoreNER(ctx context.Context, cfg Config, rep *Report, docs []NERDoc, variants []Variant) error {
	for _, v := range variants {
		rep.Entities[v.Name] = NewEntityScores()
	}
	for i := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		an := cfg.Analyze(docs[i].Article)
		for k, v := range variants {
			errs := cfg.Errors
			if k > 0 {
				errs = nil
			}
			ScoreEntities(&docs[i], an, v, rep.Entities[v.Name], errs)
		}
	}
	return nil
}

// WriteText prints the report as tables.
func (r *Report) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	if s := r.Quotes["polnear"]; s != nil {
		fmt.Fprintf(w, "Quotes: PolNeAR (%d docs, %d attributions, %d direct; %d gold quoted passages, %d with a judgeable source, %d with a pronoun source unresolved; %d system quotes, %d with a speaker)\n",
			s.Docs, s.Attributions, s.Direct, s.Gold, s.GoldWithSource, s.GoldUnresolved, s.System, s.SystemSpeaker)
		fmt.Fprintln(tw, "metric\tvalue\tcount\t")
		row := func(name string, v float64, a, b int) { fmt.Fprintf(tw, "%s\t%.3f\t%d/%d\t\n", name, v, a, b) }
		row("quote recall", s.QuoteRecall(), s.Found, s.Gold)
		row("attributed recall", s.AttributedRecall(), s.Attributed, s.GoldWithSource)
		row("speaker accuracy", s.SpeakerAccuracy(), s.Attributed, s.FoundSpoken)
		row("precision", s.Precision(), s.Right, s.Judged)
		row("precision_direct", s.PrecisionDirect(), s.RightDirect, s.JudgedDirect)
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	if len(r.Entities) > 0 {
		var names []string
		for n := range r.Entities {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprintln(w, "Entities: exact-span mentions (typed: person, organization, place)")
		fmt.Fprintln(tw, "corpus\tdocs\tgold\ttyped P\ttyped R\ttyped F1\tperson F1\torg F1\tplace F1\tuntyped P\tuntyped R\tuntyped F1\t")
		for _, n := range names {
			s := r.Entities[n]
			fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", n, s.Docs, s.Gold,
				s.Typed.P(), s.Typed.R(), s.Typed.F1(),
				s.PerClass[ClassPerson].F1(), s.PerClass[ClassOrg].F1(), s.PerClass[ClassPlace].F1(),
				s.Untyped.P(), s.Untyped.R(), s.Untyped.F1())
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		for _, n := range names {
			if strings.ContainsAny(n, "+ ") && n != "conll2002 es" {
				continue // a variant of a corpus shown already
			}
			fmt.Fprintf(w, "\nConfusion %s (rows gold label, columns system kind; equal spans):\n", n)
			if err := writeConfusion(w, r.Entities[n].Confusion); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeConfusion(w io.Writer, c map[string]map[string]int) error {
	rows := map[string]bool{}
	cols := map[string]bool{}
	for g, row := range c {
		rows[g] = true
		for k := range row {
			cols[k] = true
		}
	}
	order := func(m map[string]bool) []string {
		var out []string
		for k := range m {
			if k != "none" {
				out = append(out, k)
			}
		}
		sort.Strings(out)
		if m["none"] {
			out = append(out, "none")
		}
		return out
	}
	rs, cs := order(rows), order(cols)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprint(tw, "gold \\ system\t")
	for _, k := range cs {
		fmt.Fprintf(tw, "%s\t", k)
	}
	fmt.Fprintln(tw)
	for _, g := range rs {
		fmt.Fprintf(tw, "%s\t", g)
		for _, k := range cs {
			fmt.Fprintf(tw, "%d\t", c[g][k])
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}
