package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/synth"
)

// Corpus returns n fictional records as ingestion would store them: text
// from internal/synth, a raw HTML page around it, its hash and a small
// analysis. The same seed gives the same records.
func Corpus(n int, seed int64) []*parallax.Record {
	arts := synth.Corpus(synth.Options{Articles: n, Seed: seed})
	recs := make([]*parallax.Record, len(arts))
	for i, a := range arts {
		recs[i] = fromArticle(a)
	}
	return recs
}

func fromArticle(a *parallax.Article) *parallax.Record {
	var raw strings.Builder
	raw.WriteString("<!doctype html><html><head><meta charset=utf-8><title>" + a.Title + "</title></head><body><article>")
	for _, p := range strings.Split(a.Text, "\n") {
		raw.WriteString("<p>" + p + "</p>\n")
	}
	raw.WriteString("</article></body></html>")
	return &parallax.Record{
		Article:  *a,
		Raw:      []byte(raw.String()),
		RawType:  "text/html",
		Hash:     Hash(a.Text),
		Analysis: []byte(fmt.Sprintf(`{"language":"en","entities":[{"name":%q,"type":"place"}]}`, a.Outlet)),
	}
}

// Benchmark measures a backend: AddArticle's throughput with the full-text
// index (records/s) and Search's latency over 10,000 articles, for a few
// kinds of query. open returns a new, empty store; Benchmark closes it.
//
// internal/sqlite on the project's 2-core machine: about 1,500 records/s
// (each ~2 KB of text and ~3 KB of HTML, one transaction each); over 10,000
// articles, 0.3 ms for a rare word, 6-7 ms for a word, phrase or word pair
// in a sixth of them, 20 ms for a word in all of them or a prefix.
func Benchmark(b *testing.B, open func(b *testing.B) parallax.Store) {
	b.Run("AddArticle", func(b *testing.B) {
		s := open(b)
		defer s.Close()
		ctx := context.Background()
		base := Corpus(2000, 1)
		n := 0
		start := time.Now()
		for b.Loop() {
			// Past the base corpus, variants with their own URL and text.
			r := *base[n%len(base)]
			if round := n / len(base); round > 0 {
				r.URL = fmt.Sprintf("%s?v=%d", r.URL, round)
				r.Text = fmt.Sprintf("%s\nUpdate %d.", r.Text, round)
				r.Hash = Hash(r.Text)
			}
			if _, created, err := s.AddArticle(ctx, &r); err != nil || !created {
				b.Fatalf("AddArticle: %v, created %v", err, created)
			}
			n++
		}
		b.ReportMetric(float64(n)/time.Since(start).Seconds(), "records/s")
	})

	b.Run("Search10k", func(b *testing.B) {
		s := open(b)
		defer s.Close()
		ctx := context.Background()
		recs := Corpus(10000, 2)
		for _, r := range recs {
			if _, _, err := s.AddArticle(ctx, r); err != nil {
				b.Fatal(err)
			}
		}
		// A town named in one event's articles: a handful of hits.
		town := strings.Fields(strings.SplitN(recs[5000].Title, " in ", 2)[1])[0]
		queries := []struct{ name, q string }{
			{"rare", town},
			{"common", "derailment"},
			{"everywhere", "officials"},
			{"two-words", "flood district"},
			{"phrase", `"power cut"`},
			{"prefix", "insur*"},
		}
		for _, q := range queries {
			b.Run(q.name, func(b *testing.B) {
				hits := 0
				for b.Loop() {
					h, err := s.Search(ctx, q.q, 20)
					if err != nil {
						b.Fatal(err)
					}
					hits = len(h)
				}
				if hits == 0 {
					b.Fatalf("Search(%q) found nothing", q.q)
				}
			})
		}
	})
}
