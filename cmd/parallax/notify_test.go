package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// twoOutletFeed is a fictional feed carrying two outlets' full articles on
// one event, disagreeing on a figure.
func twoOutletFeed() string {
	gazette := "A fire broke out aboard the ferry Marigold Star at Pier 4 in Westerhaven on Tuesday morning. Fourteen people were injured, most of them by smoke, Westerhaven Fire and Rescue said. " +
		"The fire started in the galley on the lower deck at about 7:40 a.m., shortly before the ferry was due to leave for Calloway Island. Firefighters had it under control within two hours. " +
		"Mayor Helena Varga arrived at the pier as the last passengers were led into the terminal building. She thanked harbour staff and the volunteers who handed out blankets and water on the quay. " +
		"Chief Fire Officer Daniel Okafor praised the crew for a quick and orderly evacuation of the 134 passengers and nine crew members. " +
		"The Coastal Transit Safety Board has opened an investigation. Tallis Sound Ferries, which operates the Marigold Star, said crossings to Calloway Island would run from Pier 2 on a reduced timetable until further notice, and that it would publish a full account of the morning once the board had finished its work."
	clarion := "Terrified passengers fled a raging inferno aboard the Marigold Star in Westerhaven harbour yesterday. A shocking 41 people were injured in the chaos as thick black smoke poured through the packed vessel at Pier 4. " +
		"Witnesses on the quay described scenes of panic as families scrambled down the ramp, some clutching children and luggage, while sirens wailed across the harbour front. " +
		"One passenger told this paper she had feared for her life as the smoke rolled through the lounge. Another said the alarms sounded only after the first flames were seen. " +
		"Harbour officials faced angry questions over safety checks on the ageing ferry, which was built more than thirty years ago and had its last full inspection two years ago. " +
		"The Coastal Transit Safety Board is investigating the blaze. The ferry operator, Tallis Sound Ferries, refused to say when the vessel would return to service or whether the galley had passed its last fire inspection, and would not answer questions about compensation for the passengers."
	return `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour news</title><link>https://harbour-news.example/</link>
<item><title>Ferry fire at Pier 4 injures 14</title><link>https://gazette.example/ferry-fire</link><description>` + gazette + `</description><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item>
<item><title>Ferry inferno at Pier 4: 41 hurt</title><link>https://clarion.example/ferry-inferno</link><description>` + clarion + `</description><pubDate>Tue, 03 Mar 2026 12:00:00 GMT</pubDate></item>
</channel></rss>`
}

// TestWatchNotify: watch --notify posts the events a poll brings to a
// local receiver as JSON, retrying with backoff when it fails.
func TestWatchNotify(t *testing.T) {
	feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, twoOutletFeed())
	}))
	defer feed.Close()
	var mu sync.Mutex
	var bodies []webhookBody
	calls := 0
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		calls++
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" {
			t.Errorf("webhook call %d: %s %s", calls, r.Method, r.Header.Get("Content-Type"))
		}
		if calls <= 2 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		var b webhookBody
		if err := json.NewDecoder(r.Body).Decode(&b); err != nil {
			t.Errorf("webhook body: %v", err)
		}
		bodies = append(bodies, b)
	}))
	defer receiver.Close()

	db := libDB(t)
	mustRun(t, "feeds", "add", "--db", db, feed.URL+"/feed.xml")
	var waits []time.Duration
	var stdout, stderr bytes.Buffer
	m := NewMain(&stdout, &stderr)
	wc := &WatchCommand{Main: m, Sleep: func(ctx context.Context, d time.Duration) error { waits = append(waits, d); return nil }}
	if err := wc.Run(context.Background(), []string{"--db", db, "--once", "--allow-private", "--notify", receiver.URL + "/hook"}); err != nil {
		t.Fatalf("watch: %v\n%s", err, stderr.String())
	}
	if calls != 3 || fmt.Sprint(waits) != "[2s 4s]" {
		t.Errorf("webhook called %d times with waits %v; want 3 calls, backing off 2s then 4s", calls, waits)
	}
	if len(bodies) != 1 {
		t.Fatalf("webhook received %d bodies\nstdout: %s\nstderr: %s", len(bodies), stdout.String(), stderr.String())
	}
	kinds := map[string]int{}
	last := int64(0)
	for _, e := range bodies[0].Events {
		kinds[e.Kind]++
		if e.ID <= last || e.Story == "" || e.Title == "" || e.At == "" {
			t.Errorf("event %+v: want increasing IDs, a story, a title and a time", e)
		}
		last = e.ID
	}
	if kinds["outlet"] != 2 || kinds["conflict"] < 1 {
		t.Errorf("events %v; want two outlets and the 14/41 conflict: %+v", kinds, bodies[0].Events)
	}
	if !strings.Contains(stderr.String(), "notify: sent") {
		t.Errorf("no word of the delivery: %s", stderr.String())
	}

	// A receiver that refuses for good: reported, not fatal, and what was
	// already sent is not sent again.
	calls = 0
	wc2 := &WatchCommand{Main: NewMain(&stdout, &stderr), Now: func() time.Time { return time.Now().Add(time.Hour) },
		Sleep: func(context.Context, time.Duration) error { return nil }}
	if err := wc2.Run(context.Background(), []string{"--db", db, "--once", "--allow-private", "--notify", receiver.URL + "/hook"}); err != nil {
		t.Fatal(err)
	}
	if calls != 0 {
		t.Errorf("nothing new, yet the webhook was called %d times", calls)
	}
	if _, errs, code := run(t, "watch", "--db", db, "--once", "--notify", "ftp://x.example/hook"); code != 2 || !strings.Contains(errs, "http(s) URL") {
		t.Errorf("--notify ftp://: exit %d, %q", code, errs)
	}
}
