package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/parallaxnews/parallax"
)

// notifier posts the library's new events (a story gained an outlet or a
// conflict) to a webhook as JSON, oldest first, retrying with exponential
// backoff. Events seen before it started are not sent; events a webhook
// did not take are sent again after the next poll, so none is lost while
// watch runs.
type notifier struct {
	url      string
	client   *http.Client
	sleep    func(ctx context.Context, d time.Duration) error
	attempts int           // tries per batch
	backoff  time.Duration // before the second try; doubled each time after
	last     int64         // the newest event sent
	log      io.Writer
}

// notifyBatch is the most events one request carries.
const notifyBatch = 200

// webhookEvent is one event as the webhook receives it.
type webhookEvent struct {
	ID      int64  `json:"id"`
	Story   string `json:"story"`
	Kind    string `json:"kind"` // "outlet", "conflict" or "moved"
	Subject string `json:"subject"`
	Summary string `json:"summary"`
	Title   string `json:"title"`
	At      string `json:"at"`
}

// webhookBody is what one POST carries.
type webhookBody struct {
	Events []webhookEvent `json:"events"`
}

func newNotifier(url string, sleep func(context.Context, time.Duration) error, log io.Writer) *notifier {
	return &notifier{url: url, client: &http.Client{Timeout: 15 * time.Second}, sleep: sleep, attempts: 5, backoff: 2 * time.Second, log: log}
}

// start skips the events already in the library.
func (n *notifier) start(ctx context.Context, st parallax.Store) error {
	evs, err := st.Events(ctx, parallax.EventFilter{Limit: 1})
	if err != nil {
		return err
	}
	if len(evs) > 0 {
		n.last = evs[0].ID
	}
	return nil
}

// send posts every event after the last one sent, oldest first, in
// batches of notifyBatch.
func (n *notifier) send(ctx context.Context, st parallax.Store) error {
	evs, err := st.Events(ctx, parallax.EventFilter{AfterID: n.last, Limit: 1 << 20})
	if err != nil {
		return err
	}
	for len(evs) > 0 {
		// Events come newest first: the oldest are at the end.
		k := max(0, len(evs)-notifyBatch)
		batch := evs[k:]
		evs = evs[:k]
		body := webhookBody{}
		for i := len(batch) - 1; i >= 0; i-- {
			e := batch[i]
			body.Events = append(body.Events, webhookEvent{ID: e.ID, Story: "s" + strconv.FormatInt(e.StoryID, 10), Kind: e.Kind,
				Subject: e.Subject, Summary: e.Summary, Title: e.Title, At: e.At.UTC().Format(time.RFC3339)})
		}
		if err := n.post(ctx, body); err != nil {
			return err
		}
		n.last = batch[0].ID
		fmt.Fprintf(n.log, "notify: sent %s to %s\n", plural(len(body.Events), "event", "events"), n.url)
	}
	return nil
}

// post sends one batch, retrying a network error, a 5xx, a 408 or a 429
// after 2 s, 4 s, 8 s, …; any other refusal is final.
func (n *notifier) post(ctx context.Context, body webhookBody) error {
	b, err := json.Marshal(body)
	if err != nil {
		return err
	}
	wait := n.backoff
	var last error
	for attempt := 1; attempt <= n.attempts; attempt++ {
		if attempt > 1 {
			if err := n.sleep(ctx, wait); err != nil {
				return err
			}
			wait *= 2
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.url, bytes.NewReader(b))
		if err != nil {
			return parallax.Errorf(parallax.EINVALID, "notify %s: %v", n.url, err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("User-Agent", "parallax-watch")
		resp, err := n.client.Do(req)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			last = fmt.Errorf("notify %s: %v", n.url, err)
			continue
		}
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		switch {
		case resp.StatusCode >= 200 && resp.StatusCode < 300:
			return nil
		case resp.StatusCode >= 500, resp.StatusCode == http.StatusRequestTimeout, resp.StatusCode == http.StatusTooManyRequests:
			last = fmt.Errorf("notify %s: %s", n.url, resp.Status)
		default:
			return parallax.Errorf(parallax.EINVALID, "notify %s: refused with %s; the events stay queued", n.url, resp.Status)
		}
	}
	return fmt.Errorf("%w (gave up after %d tries; the events stay queued for the next poll)", last, n.attempts)
}
