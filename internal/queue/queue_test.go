package queue_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/queue"
	"github.com/parallaxnews/parallax/internal/queue/queuetest"
)

func open(t *testing.T, opt queue.Options) *queue.Queue {
	t.Helper()
	u, stream := queuetest.Stream(t)
	opt.Stream = stream
	q, err := queue.Open(context.Background(), u, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

func fetch(t *testing.T, q *queue.Queue, n int, wait time.Duration) []*queue.Delivery {
	t.Helper()
	got, bad, err := q.Fetch(context.Background(), n, wait)
	if err != nil || len(bad) > 0 {
		t.Fatalf("Fetch: %v %v", err, bad)
	}
	return got
}

func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	q := open(t, queue.Options{})
	art := &parallax.Article{Source: "https://north-post.example/dam", URL: "https://north-post.example/dam", Outlet: "north-post.example",
		Title: "Dam leak floods Ashby", Author: "Staff", Published: time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC),
		PublishedEvidence: parallax.Span{Start: 3, End: 9}, Language: "en", Text: "Dam leak floods Ashby\nA leak…",
		TitleSpan: parallax.Span{Start: 0, End: 21}, Received: []byte("<html>…</html>"), ReceivedType: "text/html"}
	jobs := []*queue.Job{
		{Kind: queue.KindArticle, Source: art.Source, Article: queue.FromArticle(art), FeedID: 3},
		{Kind: queue.KindInput, Source: "page.html", URL: "https://x.example/a", Type: "text/html", Body: []byte("<p>hi</p>")},
		{Kind: queue.KindURL, Source: "https://x.example/feed", URL: "https://x.example/feed"},
	}
	for _, j := range jobs {
		if err := q.Publish(ctx, j); err != nil {
			t.Fatal(err)
		}
	}
	// The same job again is stored once.
	if err := q.Publish(ctx, jobs[2]); err != nil {
		t.Fatal(err)
	}
	if n, err := q.Pending(ctx); err != nil || n != 3 {
		t.Errorf("Pending = %d, %v; want 3 (a duplicate publish is stored once)", n, err)
	}
	got := fetch(t, q, 10, 2*time.Second)
	if len(got) != 3 {
		t.Fatalf("fetched %d jobs, want 3", len(got))
	}
	for i, d := range got {
		if !reflect.DeepEqual(d.Job, jobs[i]) || d.Attempt != 1 {
			t.Errorf("job %d = %+v (attempt %d), want %+v", i, d.Job, d.Attempt, jobs[i])
		}
		if err := d.Done(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if back := got[0].Job.Article.Parallax(); !reflect.DeepEqual(back, art) {
		t.Errorf("article round trip:\n got %+v\nwant %+v", back, art)
	}
	if n, _ := q.Pending(ctx); n != 0 {
		t.Errorf("Pending after acks = %d, want 0", n)
	}
}

// A job its worker never acknowledges (the worker died) comes back; one
// handed back comes back; one dropped does not.
func TestRedelivery(t *testing.T) {
	ctx := context.Background()
	q := open(t, queue.Options{AckWait: time.Second})
	for _, s := range []string{"lost", "retried", "dropped"} {
		if err := q.Publish(ctx, &queue.Job{Kind: queue.KindURL, Source: s, URL: "https://x.example/" + s}); err != nil {
			t.Fatal(err)
		}
	}
	first := fetch(t, q, 3, 2*time.Second)
	if len(first) != 3 {
		t.Fatalf("fetched %d, want 3", len(first))
	}
	first[1].Retry(0)
	first[2].Drop()
	seen := map[string]int{}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) && len(seen) < 2 {
		for _, d := range fetch(t, q, 3, time.Second) {
			seen[d.Job.Source] = d.Attempt
			d.Done(ctx)
		}
	}
	if seen["lost"] != 2 || seen["retried"] != 2 || seen["dropped"] != 0 {
		t.Errorf("redelivered %v; want lost and retried on their second attempt, dropped never", seen)
	}
}

func TestTooLarge(t *testing.T) {
	ctx := context.Background()
	q := open(t, queue.Options{})
	huge := strings.Repeat("x", q.MaxJob()*2)
	err := q.Publish(ctx, &queue.Job{Kind: queue.KindInput, Source: "huge.html", Body: []byte(huge)})
	if parallax.ErrorCode(err) != parallax.ETOOLARGE || !strings.Contains(err.Error(), "huge.html") {
		t.Errorf("Publish(huge input) = %v, want ETOOLARGE naming it", err)
	}
	// An article keeps its text and loses the raw page it was read from.
	a := &parallax.Article{Source: "big-page", Text: "A short text.", Received: []byte(huge), ReceivedType: "text/html"}
	if err := q.Publish(ctx, &queue.Job{Kind: queue.KindArticle, Source: a.Source, Article: queue.FromArticle(a)}); err != nil {
		t.Fatal(err)
	}
	got := fetch(t, q, 1, 2*time.Second)
	if len(got) != 1 || got[0].Job.Article.Text != a.Text || got[0].Job.Article.Received != nil {
		t.Errorf("slimmed article: %+v", got)
	}
}

func TestOpenRefuses(t *testing.T) {
	ctx := context.Background()
	if _, err := queue.Open(ctx, queuetest.URL(t), queue.Options{Stream: "no spaces.or dots"}); parallax.ErrorCode(err) != parallax.EINVALID {
		t.Errorf("Open(bad stream name) = %v, want EINVALID", err)
	}
	if _, err := queue.Open(ctx, "nats://127.0.0.1:1", queue.Options{}); parallax.ErrorCode(err) != parallax.EINVALID || !strings.Contains(err.Error(), "127.0.0.1:1") {
		t.Errorf("Open(no server) = %v, want EINVALID naming the server", err)
	}
}
