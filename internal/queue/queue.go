// Package queue is the work stream of distributed ingest, on NATS
// JetStream (github.com/nats-io/nats.go): `ingest --queue` and `watch
// --queue` publish jobs — pages and files to read, articles already read
// (feed items, JSON Lines records), URLs to fetch — and any number of
// `parallax worker` processes, on any machines, take them from one durable
// consumer, each job going to one worker at a time.
//
// A job is acknowledged only once what it brought is committed to the
// library; a worker that dies mid-job leaves it unacknowledged, and the
// server hands it to another worker when the ack wait ends. Adding an
// article twice adds nothing (the library knows it by URL and by content
// hash), so a job done twice is harmless.
package queue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/parallaxnews/parallax"
)

// Job kinds.
const (
	// KindInput is bytes to read as one input would be (an HTML page, a
	// text file, a small feed or JSON Lines file): Source names it, URL is
	// the page's address when known, Body holds it.
	KindInput = "input"
	// KindArticle is an article already read (a feed item, a JSON Lines
	// record, a page its publisher extracted).
	KindArticle = "article"
	// KindURL is a page or a feed for the worker to fetch.
	KindURL = "url"
)

// Job is one unit of work.
type Job struct {
	Kind   string `json:"kind"`
	Source string `json:"source"`
	URL    string `json:"url,omitempty"`
	// Type is Body's media type when known ("text/html" for an archived
	// page); without it the worker tells the format as for a file.
	Type    string   `json:"type,omitempty"`
	Body    []byte   `json:"body,omitempty"`
	Article *Article `json:"article,omitempty"`
	// FeedID is the subscribed feed the job came from, 0 when none.
	FeedID int64 `json:"feed_id,omitempty"`
}

// Article is a parallax.Article on the wire: every field, the text and
// the spans included (the domain type leaves them out of its JSON).
type Article struct {
	Source            string        `json:"source"`
	URL               string        `json:"url,omitempty"`
	Outlet            string        `json:"outlet,omitempty"`
	Title             string        `json:"title,omitempty"`
	Author            string        `json:"author,omitempty"`
	Published         time.Time     `json:"published,omitzero"`
	PublishedEvidence parallax.Span `json:"published_evidence,omitzero"`
	Language          string        `json:"language,omitempty"`
	Text              string        `json:"text"`
	TitleSpan         parallax.Span `json:"title_span,omitzero"`
	Received          []byte        `json:"received,omitempty"`
	ReceivedType      string        `json:"received_type,omitempty"`
}

// FromArticle is a's wire form.
func FromArticle(a *parallax.Article) *Article {
	return &Article{Source: a.Source, URL: a.URL, Outlet: a.Outlet, Title: a.Title, Author: a.Author,
		Published: a.Published, PublishedEvidence: a.PublishedEvidence, Language: a.Language, Text: a.Text,
		TitleSpan: a.TitleSpan, Received: a.Received, ReceivedType: a.ReceivedType}
}

// Parallax is the article again.
func (w *Article) Parallax() *parallax.Article {
	return &parallax.Article{Source: w.Source, URL: w.URL, Outlet: w.Outlet, Title: w.Title, Author: w.Author,
		Published: w.Published, PublishedEvidence: w.PublishedEvidence, Language: w.Language, Text: w.Text,
		TitleSpan: w.TitleSpan, Received: w.Received, ReceivedType: w.ReceivedType}
}

// Options name the stream. The zero value is the default, "parallax".
type Options struct {
	// Stream names the JetStream stream, its subject (<stream>.jobs) and
	// its durable consumer (<stream>-workers): several libraries can share
	// one NATS server under different names. Letters, digits, - and _.
	Stream string
	// AckWait is how long a worker may hold a job before the server hands
	// it to another; 0 means one minute. Workers report progress on long
	// jobs, so only a dead worker's jobs wait this long.
	AckWait time.Duration
	// MaxDeliver is how many times a job is tried before it is given up;
	// 0 means 10.
	MaxDeliver int
	// Publish opens the queue only to publish: the workers' consumer (and
	// its AckWait, which workers set) is left as it is.
	Publish bool
}

var streamName = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// Queue is a connection to the work stream.
type Queue struct {
	nc      *nats.Conn
	js      jetstream.JetStream
	stream  jetstream.Stream
	cons    jetstream.Consumer
	subject string
	durable string
	opt     Options
	name    string // the server URL, for messages
	max     int    // the server's largest message
}

// IsURL reports whether s names a NATS server.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "nats://") || strings.HasPrefix(s, "tls://")
}

// Open connects to the NATS server at serverURL and makes sure the stream
// and its consumer exist (creating them is idempotent, so publishers and
// workers may start in any order).
func Open(ctx context.Context, serverURL string, opt Options) (*Queue, error) {
	if opt.Stream == "" {
		opt.Stream = "parallax"
	}
	if !streamName.MatchString(opt.Stream) {
		return nil, parallax.Errorf(parallax.EINVALID, "queue: stream name %q: use letters, digits, - and _", opt.Stream)
	}
	if opt.AckWait <= 0 {
		opt.AckWait = time.Minute
	}
	if opt.MaxDeliver <= 0 {
		opt.MaxDeliver = 10
	}
	name := serverURL
	if u, err := url.Parse(serverURL); err == nil {
		name = u.Redacted()
	}
	nc, err := nats.Connect(serverURL, nats.Name("parallax"), nats.Timeout(5*time.Second),
		nats.MaxReconnects(-1), nats.ReconnectWait(time.Second))
	if err != nil {
		return nil, parallax.Errorf(parallax.EINVALID, "cannot reach the queue at %s: %v", name, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue %s: %w", name, err)
	}
	q := &Queue{nc: nc, js: js, opt: opt, name: name, subject: opt.Stream + ".jobs", durable: opt.Stream + "-workers",
		max: int(nc.MaxPayload())}
	// A work queue: a job leaves the stream once a worker acknowledges it.
	q.stream, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        opt.Stream,
		Description: "parallax ingest jobs",
		Subjects:    []string{q.subject},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Duplicates:  10 * time.Minute,
	})
	if err != nil {
		nc.Close()
		if errors.Is(err, jetstream.ErrJetStreamNotEnabled) || errors.Is(err, nats.ErrJetStreamNotEnabled) {
			return nil, parallax.Errorf(parallax.EINVALID, "queue %s: JetStream is not enabled on that server (start it with -js)", name)
		}
		return nil, fmt.Errorf("queue %s: stream %s: %w", name, opt.Stream, err)
	}
	if opt.Publish {
		return q, nil
	}
	q.cons, err = q.stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:       q.durable,
		Description:   "parallax workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       opt.AckWait,
		MaxDeliver:    opt.MaxDeliver,
		MaxAckPending: 4096,
	})
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue %s: consumer %s: %w", name, q.durable, err)
	}
	return q, nil
}

// MaxDeliver is how many times a job is tried before it is given up.
func (q *Queue) MaxDeliver() int { return q.opt.MaxDeliver }

// Name is the server's URL, its password left out.
func (q *Queue) Name() string { return q.name }

// Close drains and closes the connection: published jobs are flushed, and
// fetched but unacknowledged ones go back to the stream when AckWait ends.
func (q *Queue) Close() error {
	if q.nc.IsClosed() {
		return nil
	}
	return q.nc.Drain()
}

// Publish adds a job to the stream and waits for the server to store it.
// The same job published twice within ten minutes is stored once. A job too
// large for the server loses the raw input it carries (an article keeps its
// text); one still too large is an ETOOLARGE error naming its source.
func (q *Queue) Publish(ctx context.Context, j *Job) error {
	b, err := json.Marshal(j)
	if err != nil {
		return fmt.Errorf("queue: encode %s: %w", j.Source, err)
	}
	if len(b) > q.max-1024 && j.Article != nil && len(j.Article.Received) > 0 {
		slim := *j
		a := *j.Article
		a.Received, a.ReceivedType = nil, ""
		slim.Article = &a
		if b, err = json.Marshal(&slim); err != nil {
			return fmt.Errorf("queue: encode %s: %w", j.Source, err)
		}
	}
	if len(b) > q.max-1024 {
		return parallax.Errorf(parallax.ETOOLARGE, "%s: %d bytes, over the queue's %d-byte message limit", j.Source, len(b), q.max)
	}
	sum := sha256.Sum256(b)
	if _, err := q.js.Publish(ctx, q.subject, b, jetstream.WithMsgID(hex.EncodeToString(sum[:16]))); err != nil {
		return fmt.Errorf("queue %s: publish %s: %w", q.name, j.Source, err)
	}
	return nil
}

// MaxJob is about the largest job body the server takes.
func (q *Queue) MaxJob() int { return q.max * 3 / 4 } // base64 in JSON

// Pending is how many jobs wait in the stream, fetched but unacknowledged
// ones included.
func (q *Queue) Pending(ctx context.Context) (uint64, error) {
	info, err := q.stream.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("queue %s: %w", q.name, err)
	}
	return info.State.Msgs, nil
}

// Delivery is a job handed to this worker.
type Delivery struct {
	Job *Job
	// Attempt is 1 the first time the job is delivered, 2 the second, ….
	Attempt int
	// Seq is the job's place in the stream: the order it was queued in.
	Seq uint64
	msg jetstream.Msg
}

// Done acknowledges the job, after what it brought is committed, and
// waits for the server to record it.
func (d *Delivery) Done(ctx context.Context) error { return d.msg.DoubleAck(ctx) }

// Retry hands the job back, to be tried again after delay.
func (d *Delivery) Retry(delay time.Duration) error { return d.msg.NakWithDelay(delay) }

// Drop gives the job up for good: its input cannot be read.
func (d *Delivery) Drop() error { return d.msg.Term() }

// Working tells the server the job is still in hand, so that it is not
// handed to another worker yet.
func (d *Delivery) Working() error { return d.msg.InProgress() }

// Fetch waits up to wait for at most n jobs. A message that is not a job is
// dropped from the stream and reported in bad.
func (q *Queue) Fetch(ctx context.Context, n int, wait time.Duration) (jobs []*Delivery, bad []error, err error) {
	if q.cons == nil {
		return nil, nil, fmt.Errorf("queue %s: opened to publish only", q.name)
	}
	fctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	batch, err := q.cons.Fetch(n, jetstream.FetchContext(fctx))
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		if fctx.Err() != nil {
			return nil, nil, nil // nothing came
		}
		return nil, nil, fmt.Errorf("queue %s: fetch: %w", q.name, err)
	}
	for msg := range batch.Messages() {
		j := new(Job)
		if err := json.Unmarshal(msg.Data(), j); err != nil || j.Kind == "" {
			msg.Term()
			bad = append(bad, fmt.Errorf("queue %s: a message that is not a job (%d bytes) was dropped", q.name, len(msg.Data())))
			continue
		}
		d := &Delivery{Job: j, Attempt: 1, msg: msg}
		if md, err := msg.Metadata(); err == nil {
			d.Attempt, d.Seq = int(md.NumDelivered), md.Sequence.Stream
		}
		jobs = append(jobs, d)
	}
	if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, context.DeadlineExceeded) {
		if ctx.Err() != nil || fctx.Err() != nil {
			return jobs, bad, nil
		}
		return jobs, bad, fmt.Errorf("queue %s: fetch: %w", q.name, err)
	}
	return jobs, bad, nil
}

// Finished returns the place in the stream up to which every job is
// finished (acknowledged or given up): jobs queued after it may still be in
// a worker's hands.
func (q *Queue) Finished(ctx context.Context) (uint64, error) {
	if q.cons == nil {
		return 0, fmt.Errorf("queue %s: opened to publish only", q.name)
	}
	info, err := q.cons.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("queue %s: %w", q.name, err)
	}
	return info.AckFloor.Stream, nil
}

// DeleteStream removes the stream and every job in it, for tests and for
// starting over.
func (q *Queue) DeleteStream(ctx context.Context) error {
	return q.js.DeleteStream(ctx, q.opt.Stream)
}
