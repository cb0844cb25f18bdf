package group

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// syntheticCorpus generates n articles about many invented events from a
// fixed seed. Events come in kinds that share vocabulary (as ECB+ topics
// hold two events of one kind); each event has its own people, place,
// figures and date; articles mix general words, kind words, event words,
// names, numbers and dates. The ID of each article is "e<event>-<n>".
func syntheticCorpus(n int, seed uint64) []Doc {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	syl := []string{"ka", "lo", "mi", "ren", "to", "sa", "vel", "dor", "an", "es", "il", "mar", "pen", "qu", "ro",
		"tis", "ul", "ba", "cor", "den", "fa", "gri", "hol", "jun", "ke", "lim", "nor", "ost", "par", "sun"}
	word := func(k int) string {
		var b strings.Builder
		for range k {
			b.WriteString(syl[r.IntN(len(syl))])
		}
		return b.String()
	}
	words := func(count, sylls int) []string {
		out := make([]string, count)
		for i := range out {
			out[i] = word(sylls + r.IntN(2))
		}
		return out
	}
	capital := func(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
	general := words(4000, 2)
	type kind struct{ words []string }
	kinds := make([]kind, 60)
	for i := range kinds {
		kinds[i] = kind{words(25, 3)}
	}
	type event struct {
		kind    int
		names   []string
		place   string
		words   []string
		numbers []int
		date    time.Time
	}
	var events []event
	newEvent := func() int {
		e := event{kind: r.IntN(len(kinds)), place: capital(word(3))}
		for range 3 {
			e.names = append(e.names, capital(word(2))+" "+capital(word(3)))
		}
		e.words = words(12, 3)
		e.numbers = []int{2 + r.IntN(500), 1000 + r.IntN(90000)}
		e.date = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(3650))
		events = append(events, e)
		return len(events) - 1
	}
	pick := func(ws []string) string { return ws[r.IntN(len(ws))] }
	zipf := func() string { // frequent general words come up more often
		return general[int(float64(len(general))*r.Float64()*r.Float64()*r.Float64())]
	}
	docs := make([]Doc, 0, n)
	perEvent := map[int]int{}
	var open []int // events still being reported
	for len(docs) < n {
		var ev int
		if len(open) == 0 || r.IntN(5) == 0 {
			ev = newEvent()
			open = append(open, ev)
			if len(open) > 200 {
				open = open[1:]
			}
		} else {
			ev = open[r.IntN(len(open))]
		}
		e := &events[ev]
		k := &kinds[e.kind]
		var b strings.Builder
		title := capital(pick(k.words)) + " " + pick(e.words) + " in " + e.place
		b.WriteString(title + "\n\n")
		for s, sentences := 0, 5+r.IntN(6); s < sentences; s++ {
			ws := []string{capital(zipf())}
			for w, l := 0, 10+r.IntN(10); w < l; w++ {
				switch x := r.IntN(20); {
				case x < 11:
					ws = append(ws, zipf())
				case x < 14:
					ws = append(ws, pick(k.words))
				case x < 17:
					ws = append(ws, pick(e.words))
				case x < 18:
					ws = append(ws, pick(e.names))
				case x < 19:
					ws = append(ws, "in "+e.place)
				default:
					if r.IntN(2) == 0 {
						ws = append(ws, strconv.Itoa(e.numbers[r.IntN(2)]))
					} else {
						ws = append(ws, "on "+e.date.Format("2 January 2006"))
					}
				}
			}
			b.WriteString(strings.Join(ws, " ") + ".\n")
		}
		perEvent[ev]++
		docs = append(docs, Doc{
			ID:        fmt.Sprintf("e%d-%d", ev, perEvent[ev]),
			Title:     title,
			Text:      b.String(),
			Published: e.date.Add(time.Duration(r.IntN(72)) * time.Hour),
			Language:  "en",
		})
	}
	return docs
}

// syntheticBCubed scores a grouping of a synthetic corpus against its events.
func syntheticBCubed(docs []Doc, story map[string]string) float64 {
	var g devGold
	byEvent := map[string]int{}
	pred := map[string]string{}
	for _, d := range docs {
		ev := d.ID[:strings.IndexByte(d.ID, '-')]
		i, ok := byEvent[ev]
		if !ok {
			i = len(g.Stories)
			byEvent[ev] = i
			g.Stories = append(g.Stories, struct {
				Name     string   `json:"name"`
				Articles []string `json:"articles"`
			}{Name: ev})
		}
		g.Stories[i].Articles = append(g.Stories[i].Articles, d.ID)
		pred[d.ID] = story[d.ID]
	}
	_, _, f1 := bcubed(g, pred)
	return f1
}

// BenchmarkIndexAdd adds a synthetic corpus to a fresh Index and reports
// articles per second over the whole corpus and over its last tenth (which
// shows whether the per-article cost grows with what the index holds),
// with the candidate stories and posting entries read per article.
func BenchmarkIndexAdd(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			docs := syntheticCorpus(n, 1)
			tail := n - n/10
			var total, cpu, cpuLast time.Duration
			var st Stats
			story := map[string]string{}
			for b.Loop() {
				ix := NewIndex(Options{})
				cpu0 := cpuTime()
				start := time.Now()
				var cpuMark time.Duration
				for i, d := range docs {
					if i == tail {
						cpuMark = cpuTime()
					}
					story[d.ID], _ = ix.Add(d)
				}
				total += time.Since(start)
				cpu += cpuTime() - cpu0
				cpuLast += cpuTime() - cpuMark
				st = ix.Stats()
			}
			b.ReportMetric(float64(b.N*n)/total.Seconds(), "articles/s")
			b.ReportMetric(float64(b.N*n)/cpu.Seconds(), "articles/cpu-s")
			b.ReportMetric(float64(b.N*(n-tail))/cpuLast.Seconds(), "last10%-articles/cpu-s")
			b.ReportMetric(float64(st.Candidates)/float64(n), "candidates/article")
			b.ReportMetric(float64(st.Postings)/float64(n), "postings/article")
			b.ReportMetric(syntheticBCubed(docs, story), "bcubed-f1")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// cpuTime is the CPU time this process has used, garbage collection
// included; rates over it hold when other processes share the machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkStories groups a synthetic corpus in one batch.
func BenchmarkStories(b *testing.B) {
	docs := syntheticCorpus(10_000, 1)
	var res Result
	cpu0 := cpuTime()
	for b.Loop() {
		res = Stories(docs, Options{})
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(b.N*len(docs))/(cpuTime()-cpu0).Seconds(), "articles/cpu-s")
	b.ReportMetric(syntheticBCubed(docs, fromResult(docs, res).story), "bcubed-f1")
}

// TestIndexBounded checks that the work per Add stays within the bounds
// the options set however many stories the index holds.
func TestIndexBounded(t *testing.T) {
	docs := syntheticCorpus(3000, 3)
	opt := Options{}.withDefaults(DefaultIndexThreshold)
	ix := NewIndex(opt)
	maxPostings := (opt.QueryTerms + opt.QueryTerms/2) * opt.PostingCap
	var prev Stats
	for _, d := range docs {
		ix.Add(d)
		st := ix.Stats()
		if c := st.Candidates - prev.Candidates; c > opt.MaxCandidates {
			t.Fatalf("document %s: %d candidates scored, want ≤ %d", d.ID, c, opt.MaxCandidates)
		}
		if p := st.Postings - prev.Postings; p > maxPostings {
			t.Fatalf("document %s: %d postings read, want ≤ %d", d.ID, p, maxPostings)
		}
		prev = st
	}
	if st := ix.Stats(); st.Stories < 300 {
		t.Errorf("%d stories from %d documents: the synthetic corpus should hold many events", st.Stories, len(docs))
	}
}

// BenchmarkIndexAddECB adds the ECB+ dev set (real articles of about 350
// words) to a fresh Index; it is skipped when ../shared is absent.
func BenchmarkIndexAddECB(b *testing.B) {
	docs, _ := loadDev(b, devDir(b)+"/ecbplus.jsonl")
	cpu0 := cpuTime()
	for b.Loop() {
		ix := NewIndex(Options{})
		for _, d := range docs {
			ix.Add(d)
		}
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(b.N*len(docs))/(cpuTime()-cpu0).Seconds(), "articles/cpu-s")
}
