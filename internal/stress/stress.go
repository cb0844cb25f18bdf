// Package stress is the conflict stress test: it takes real stories covered
// by several outlets, injects one controlled disagreement into one outlet's
// copy (a figure changed beyond rounding, a date moved, a person given
// another office, an acronym expanded wrongly, a law dated to another year,
// an act asserted where it was alleged or the reverse, an event negated), at
// a place a seeded generator picks among every eligible place, runs the real
// pipeline on the perturbed story and checks whether a conflict was raised
// with the injected words on one side and the other outlet's words on
// another. On the unperturbed stories it counts the conflicts raised, every
// one of which should be a real disagreement.
//
// It measures; it asserts no quality floor. The floors of issue 8 (share
// found ≥ 0.8 per kind, ≤ 0.5 conflicts per unperturbed story) are printed
// beside the figures by `parallax bench -stress`.
package stress

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"runtime"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/pipeline"
)

// Kinds of injected disagreement, in report order.
const (
	KindNumber   = "number"
	KindDate     = "date"
	KindOffice   = "office"
	KindAcronym  = "acronym"
	KindLawYear  = "law_year"
	KindModality = "modality"
	KindNegation = "negation"
)

// Kinds lists every kind in report order.
var Kinds = []string{KindNumber, KindDate, KindOffice, KindAcronym, KindLawYear, KindModality, KindNegation}

// Floors of issue 8, printed beside the measurements.
const (
	FloorFound      = 0.8 // share of injections found with both sides' evidence, per kind
	FloorFalseAlarm = 0.5 // conflicts raised per unperturbed story, at most
)

// Ref is one place in one article: a side's evidence.
type Ref struct {
	Article string        `json:"article"` // Article.ID
	Outlet  string        `json:"outlet"`
	Span    parallax.Span `json:"span"`
	Text    string        `json:"text"`
}

// Injection is one disagreement written into one article of a story.
type Injection struct {
	Kind    string `json:"kind"`
	Story   string `json:"story"`
	Article string `json:"article"` // the perturbed article's ID
	Outlet  string `json:"outlet"`
	// Orig is the span of the replaced words in the original text, Span
	// that of the new words in the perturbed text; outside them the two
	// texts are identical.
	Orig   parallax.Span `json:"orig"`
	Span   parallax.Span `json:"span"`
	Before string        `json:"before"`
	After  string        `json:"after"`
	// Counterparts are the words of other outlets' articles that state the
	// fact as the original did: the other side a conflict should show.
	Counterparts []Ref `json:"counterparts"`
	// Restated are the same change written at the other mentions of the
	// same figure in the same article (same value, same thing counted), so
	// that the outlet does not contradict itself; Orig spans are in the
	// original text, Span ones in the perturbed text.
	Restated []Edit `json:"restated,omitempty"`
	// Text is the perturbed article's text.
	Text string `json:"-"`
}

// Edit is one changed place of an injection.
type Edit struct {
	Orig   parallax.Span `json:"orig"`
	Span   parallax.Span `json:"span"`
	Before string        `json:"before"`
	After  string        `json:"after"`
}

// Edits are every changed place of inj, the injected one first.
func (inj Injection) Edits() []Edit {
	return append([]Edit{{Orig: inj.Orig, Span: inj.Span, Before: inj.Before, After: inj.After}}, inj.Restated...)
}

// Outcome is what the pipeline made of one injection.
type Outcome int

const (
	// Missed: no conflict touches the injected words.
	Missed Outcome = iota
	// OneSided: a conflict shows the injected words, but no other side
	// shows a counterpart.
	OneSided
	// Found: a conflict shows the injected words on one side and a
	// counterpart on another.
	Found
)

func (o Outcome) String() string {
	return [...]string{"missed", "one-sided", "found"}[o]
}

// Match tells whether conflicts (of the perturbed story) hold inj with both
// sides' evidence, and returns the index of the best conflict, or -1. A
// piece of evidence covers the injection when it shares at least one byte
// with any of its edited spans in the same article: evidence is usually the clause around the words. A
// conflict that was already raised on the unperturbed story (in baseline:
// the same kind, summary and articles on each side) does not count, even
// when its evidence happens to take in the injected words.
func Match(inj Injection, conflicts, baseline []parallax.Conflict) (Outcome, int) {
	before := map[string]bool{}
	for _, c := range baseline {
		before[signature(c)] = true
	}
	edits := inj.Edits()
	best, at := Missed, -1
	for ci, c := range conflicts {
		if before[signature(c)] {
			continue
		}
		var injSides, cpSides []int
		for si, side := range c.Sides {
			inSide, cpSide := false, false
			for _, ev := range side {
				sp := parallax.Span{Start: ev.Start, End: ev.End}
				for _, e := range edits {
					if ev.Article == inj.Article && overlaps(sp, e.Span) {
						inSide = true
					}
				}
				for _, r := range inj.Counterparts {
					if ev.Article == r.Article && overlaps(sp, r.Span) {
						cpSide = true
					}
				}
			}
			if inSide {
				injSides = append(injSides, si)
			}
			if cpSide {
				cpSides = append(cpSides, si)
			}
		}
		if len(injSides) == 0 {
			continue
		}
		o := OneSided
		for _, i := range injSides {
			for _, j := range cpSides {
				if i != j {
					o = Found
				}
			}
		}
		if o > best {
			best, at = o, ci
		}
	}
	return best, at
}

// signature identifies a conflict across runs of one story: its kind,
// summary and the articles on each side (offsets move with an injection).
func signature(c parallax.Conflict) string {
	var sides []string
	for _, side := range c.Sides {
		var ids []string
		for _, ev := range side {
			ids = append(ids, ev.Article)
		}
		sides = append(sides, strings.Join(sortedUnique(ids), ","))
	}
	sort.Strings(sides)
	return c.Kind + "\x00" + c.Summary + "\x00" + strings.Join(sides, ";")
}

func overlaps(a, b parallax.Span) bool {
	return a.Start < b.End && b.Start < a.End
}

// Options tune a run. The zero value runs every story with 3 trials per
// kind and seed 1.
type Options struct {
	// Stories caps the number of stories, taken in order; 0 means all.
	Stories int
	// Trials is the number of injections per kind per story (fewer when a
	// story has fewer eligible places); 0 means 3.
	Trials int
	// Seed seeds the generator; each story and kind draws from its own
	// stream derived from it, so the first N stories get the same trials
	// whatever N is.
	Seed uint64
	// Workers run pipelines in parallel; 0 means one per CPU. Results do not
	// depend on it.
	Workers int
	// Dump, when set, receives one JSON line per conflict raised on an
	// unperturbed story, with both sides' evidence, for checking by hand.
	Dump io.Writer
	// Log, when set, receives one JSON line per trial: the injection, the
	// outcome and the conflict that matched it.
	Log io.Writer
	// Kinds, when set, limits the injections to these kinds.
	Kinds []string
}

// KindResult is the measurement for one kind.
type KindResult struct {
	Kind string `json:"kind"`
	// Stories is the number of stories with at least one eligible place.
	Stories  int `json:"stories"`
	Trials   int `json:"trials"`
	Found    int `json:"found"`
	OneSided int `json:"one_sided"`
}

// Share is the share of trials found with both sides' evidence.
func (k KindResult) Share() float64 {
	if k.Trials == 0 {
		return 0
	}
	return float64(k.Found) / float64(k.Trials)
}

// Result is the measurement of a run.
type Result struct {
	Kinds    []KindResult `json:"kinds"`
	Stories  int          `json:"stories"`
	Articles int          `json:"articles"`
	// Conflicts is the number of disputes raised on the unperturbed
	// stories; Updated the figures told as changed over time there, which
	// claim no disagreement.
	Conflicts int           `json:"conflicts"`
	Updated   int           `json:"updated"`
	Elapsed   time.Duration `json:"elapsed"`
	// Trials lists every injection with what became of it, in order.
	Trials []Trial `json:"-"`
}

// PerStory is the number of conflicts raised per unperturbed story.
func (r *Result) PerStory() float64 {
	if r.Stories == 0 {
		return 0
	}
	return float64(r.Conflicts) / float64(r.Stories)
}

// Trial is one injection and its outcome.
type Trial struct {
	Injection Injection          `json:"injection"`
	Outcome   string             `json:"outcome"`
	Conflict  *parallax.Conflict `json:"conflict,omitempty"`
	// Context is the perturbed text around the injection, for reading the
	// log by hand; Counter is the same around the first counterpart.
	Context string `json:"context"`
	Counter string `json:"counter,omitempty"`
	outcome Outcome
}

// Run measures the stories.
func Run(ctx context.Context, stories []Story, opt Options) (*Result, error) {
	start := time.Now()
	if opt.Stories > 0 && opt.Stories < len(stories) {
		stories = stories[:opt.Stories]
	}
	if opt.Trials <= 0 {
		opt.Trials = 3
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	res := &Result{Stories: len(stories)}

	ctxs, err := analyse(ctx, stories, workers)
	if err != nil {
		return nil, err
	}
	for _, sc := range ctxs {
		res.Articles += len(sc.story.Articles)
	}
	kinds := Kinds
	if len(opt.Kinds) > 0 {
		kinds = opt.Kinds
	}
	jobs := generate(ctxs, kinds, opt.Seed, opt.Trials)
	kr := map[string]*KindResult{}
	seen := map[string]map[int]bool{}
	for _, k := range Kinds {
		kr[k], seen[k] = &KindResult{Kind: k}, map[int]bool{}
	}
	for _, j := range jobs {
		seen[j.inj.Kind][j.story] = true
	}
	for _, k := range Kinds {
		kr[k].Stories = len(seen[k])
	}

	// the unperturbed stories
	base := make([][]parallax.Conflict, len(stories))
	err = parallel(ctx, len(stories), workers, func(i int) {
		base[i] = conflictsOf(stories[i].Articles)
	})
	if err != nil {
		return nil, err
	}
	for i, cs := range base {
		for _, c := range cs {
			if c.Label == parallax.LabelUpdated {
				res.Updated++
			} else {
				res.Conflicts++
			}
		}
		if opt.Dump != nil {
			if err := dumpConflicts(opt.Dump, stories[i], cs); err != nil {
				return nil, fmt.Errorf("stress: write dump: %w", err)
			}
		}
	}

	// the perturbed ones
	res.Trials = make([]Trial, len(jobs))
	err = parallel(ctx, len(jobs), workers, func(n int) {
		j := jobs[n]
		arts := perturbed(stories[j.story].Articles, j.inj)
		cs := conflictsOf(arts)
		o, at := Match(j.inj, cs, base[j.story])
		t := Trial{Injection: j.inj, Outcome: o.String(), outcome: o, Context: around(j.inj.Text, j.inj.Span, 150)}
		if cps := j.inj.Counterparts; len(cps) > 0 {
			for _, a := range stories[j.story].Articles {
				if a.ID == cps[0].Article {
					t.Counter = around(a.Text, cps[0].Span, 150)
				}
			}
		}
		if at >= 0 {
			t.Conflict = &cs[at]
		}
		res.Trials[n] = t
	})
	if err != nil {
		return nil, err
	}
	for _, t := range res.Trials {
		k := kr[t.Injection.Kind]
		k.Trials++
		switch t.outcome {
		case Found:
			k.Found++
		case OneSided:
			k.OneSided++
		}
		if opt.Log != nil {
			b, _ := json.Marshal(t)
			if _, err := fmt.Fprintf(opt.Log, "%s\n", b); err != nil {
				return nil, fmt.Errorf("stress: write log: %w", err)
			}
		}
	}
	for _, k := range kinds {
		res.Kinds = append(res.Kinds, *kr[k])
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// analyse analyses every story once, to find the eligible places.
func analyse(ctx context.Context, stories []Story, workers int) ([]*storyCtx, error) {
	ctxs := make([]*storyCtx, len(stories))
	err := parallel(ctx, len(stories), workers, func(i int) {
		ctxs[i] = newStoryCtx(stories[i])
	})
	if err != nil {
		return nil, err
	}
	pool := orgWords(ctxs)
	for _, sc := range ctxs {
		sc.pool = pool
	}
	return ctxs, nil
}

// job is one injection into story (an index of the run's stories).
type job struct {
	story int
	inj   Injection
}

// generate draws every injection, story by story and kind by kind, so
// that the trials do not depend on scheduling.
func generate(ctxs []*storyCtx, kinds []string, seed uint64, trials int) []job {
	var jobs []job
	for i, sc := range ctxs {
		for _, k := range kinds {
			for _, inj := range sc.inject(k, streamFor(seed, sc.story.Name, k), trials) {
				jobs = append(jobs, job{i, inj})
			}
		}
	}
	return jobs
}

// streamFor is the random stream of one story and kind.
func streamFor(seed uint64, story, kind string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(story))
	h.Write([]byte{0})
	h.Write([]byte(kind))
	return rand.New(rand.NewPCG(seed, h.Sum64()))
}

// conflictsOf runs the pipeline on arts as one story.
func conflictsOf(arts []*parallax.Article) []parallax.Conflict {
	rep := pipeline.Run(arts, pipeline.Options{OneStory: true, Workers: 1})
	if len(rep.Stories) == 0 {
		return nil
	}
	return rep.Stories[0].Conflicts
}

// perturbed is arts with the injected article's text replaced.
func perturbed(arts []*parallax.Article, inj Injection) []*parallax.Article {
	out := make([]*parallax.Article, len(arts))
	for i, a := range arts {
		if a.ID != inj.Article {
			out[i] = a
			continue
		}
		c := *a
		c.Text = inj.Text
		c.TitleSpan = shiftAll(a.TitleSpan, inj.Edits())
		c.PublishedEvidence = shiftAll(a.PublishedEvidence, inj.Edits())
		out[i] = &c
	}
	return out
}

// shiftAll moves each end of sp (of the original text) by the change in
// length of every edit that ends at or before it.
func shiftAll(sp parallax.Span, edits []Edit) parallax.Span {
	if sp.Len() == 0 {
		return sp
	}
	out := sp
	for _, e := range edits {
		d := e.Span.Len() - e.Orig.Len()
		if sp.Start >= e.Orig.End {
			out.Start += d
		}
		if sp.End >= e.Orig.End {
			out.End += d
		}
	}
	return out
}

// parallel runs fn(0..n-1) on workers goroutines.
func parallel(ctx context.Context, n, workers int, fn func(i int)) error {
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	var err error
	for i := 0; i < n; i++ {
		if err = ctx.Err(); err != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return err
}

// dumpLine is one conflict raised on an unperturbed story.
type dumpLine struct {
	Story   string  `json:"story"`
	Kind    string  `json:"kind"`
	Label   string  `json:"label,omitempty"`
	Subject string  `json:"subject,omitempty"`
	Summary string  `json:"summary"`
	Sides   [][]Ref `json:"sides"`
}

func dumpConflicts(w io.Writer, s Story, cs []parallax.Conflict) error {
	outlet := map[string]string{}
	for _, a := range s.Articles {
		outlet[a.ID] = a.Outlet
	}
	for _, c := range cs {
		l := dumpLine{Story: s.Name, Kind: c.Kind, Label: c.Label, Subject: c.Subject, Summary: c.Summary}
		for _, side := range c.Sides {
			var refs []Ref
			for _, ev := range side {
				refs = append(refs, Ref{Article: ev.Article, Outlet: outlet[ev.Article], Span: parallax.Span{Start: ev.Start, End: ev.End}, Text: ev.Text})
			}
			l.Sides = append(l.Sides, refs)
		}
		b, err := json.Marshal(l)
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintf(w, "%s\n", b); err != nil {
			return err
		}
	}
	return nil
}

// WriteTable prints the per-kind table and the false-alarm rate.
func (r *Result) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "kind\tstories\ttrials\tfound\tshare\tone-sided\tfloor\t")
	tot := KindResult{Kind: "all"}
	for _, k := range r.Kinds {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%d\t≥ %.1f\t\n", k.Kind, k.Stories, k.Trials, k.Found, share(k), k.OneSided, FloorFound)
		tot.Trials += k.Trials
		tot.Found += k.Found
		tot.OneSided += k.OneSided
	}
	fmt.Fprintf(tw, "%s\t\t%d\t%d\t%s\t%d\t\t\n", tot.Kind, tot.Trials, tot.Found, share(tot), tot.OneSided)
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\nunperturbed: %d conflicts on %d stories (%d articles): %.2f per story (floor ≤ %.1f)\n",
		r.Conflicts, r.Stories, r.Articles, r.PerStory(), FloorFalseAlarm)
	if err == nil && r.Updated > 0 {
		_, err = fmt.Fprintf(w, "and %d figures told as updated over time (no dispute claimed)\n", r.Updated)
	}
	return err
}

func share(k KindResult) string {
	if k.Trials == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f", k.Share())
}

// around is text within n bytes either side of sp, cut at word boundaries.
func around(text string, sp parallax.Span, n int) string {
	a, b := max(0, sp.Start-n), min(len(text), sp.End+n)
	for a > 0 && a < sp.Start && text[a-1] != ' ' {
		a++
	}
	for b < len(text) && b > sp.End && text[b] != ' ' {
		b--
	}
	return text[a:sp.Start] + "[" + text[sp.Start:sp.End] + "]" + text[sp.End:b]
}
