package stress

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/sharedtest"
)

// TestStressSmall runs a small stress test on the real dev stories. It
// asserts that the harness works — injections are written where they are
// recorded, counted once, drawn the same way for a seed — and prints the
// table; the quality floors are not asserted yet (`parallax bench -stress`
// measures them on every story).
func TestStressSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the stress test in -short mode")
	}
	dir := filepath.Join(sharedtest.Dir(t), "corpus", "dev")
	stories, err := Load(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) < 10 {
		t.Fatalf("%d stories read from %s, want at least 10", len(stories), dir)
	}
	// the first stories of each corpus: coverage's long ones are slow
	small := append(append([]Story{}, stories[2:5]...), stories[5:12]...)
	// and the fictional fixture, which has a place for every kind (law
	// years are rare in the first real stories)
	small = append(small, fixtureStory())
	opt := Options{Trials: 3, Seed: 1, Workers: 1}
	res, err := Run(context.Background(), small, opt)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Story{}
	for _, s := range small {
		byName[s.Name] = s
	}
	total, kinds := 0, 0
	for _, k := range res.Kinds {
		if k.Found+k.OneSided > k.Trials || k.Trials > 3*k.Stories {
			t.Errorf("%s: %d found and %d one-sided of %d trials in %d stories", k.Kind, k.Found, k.OneSided, k.Trials, k.Stories)
		}
		total += k.Trials
		if k.Trials > 0 {
			kinds++
		}
	}
	if total != len(res.Trials) {
		t.Errorf("%d trials counted, %d run", total, len(res.Trials))
	}
	for _, k := range res.Kinds {
		if k.Kind == KindLawYear && k.Trials == 0 {
			t.Errorf("no %s trial in %d stories", k.Kind, len(small))
		}
	}
	if kinds < 4 {
		t.Errorf("only %d kinds found a place to inject in %d real stories", kinds, len(small))
	}
	for _, tr := range res.Trials {
		checkInjection(t, byName[tr.Injection.Story], tr.Injection)
		checkKind(t, tr.Injection.Kind, tr.Injection)
	}

	// the same seed draws the same injections; another seed others
	again := injections(t, small, 1)
	if len(again) != len(res.Trials) {
		t.Fatalf("seed 1 drew %d injections, then %d", len(res.Trials), len(again))
	}
	for i, inj := range again {
		if r := res.Trials[i].Injection; r.Article != inj.Article || r.Span != inj.Span || r.After != inj.After {
			t.Errorf("seed 1, injection %d: %s %v %q, then %s %v %q", i, r.Article, r.Span, r.After, inj.Article, inj.Span, inj.After)
		}
	}
	other := injections(t, small, 2)
	same := len(other) == len(again)
	for i := 0; same && i < len(other); i++ {
		same = other[i].Span == again[i].Span && other[i].After == again[i].After
	}
	if same {
		t.Error("seeds 1 and 2 drew the same injections")
	}

	var b strings.Builder
	if err := res.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d stories, %d trials, %.1f s\n%s", len(small), len(res.Trials), res.Elapsed.Seconds(), b.String())
}

func injections(t *testing.T, stories []Story, seed uint64) []Injection {
	t.Helper()
	ctxs, err := analyse(context.Background(), stories, 1)
	if err != nil {
		t.Fatal(err)
	}
	var out []Injection
	for _, j := range generate(ctxs, Kinds, seed, 3) {
		out = append(out, j.inj)
	}
	return out
}
