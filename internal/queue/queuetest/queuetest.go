// Package queuetest gives tests a work stream of their own on the NATS
// server $PARALLAX_TEST_NATS names (nats://127.0.0.1:4222 when unset), so
// tests run side by side on one server; a test is skipped with a message
// when no server answers.
package queuetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/parallaxnews/parallax/internal/queue"
)

// Env is the variable that names the test server.
const Env = "PARALLAX_TEST_NATS"

// URL returns the test server's URL, or skips the test when none answers.
func URL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(Env)
	if u == "" {
		u = "nats://127.0.0.1:4222"
	}
	nc, err := nats.Connect(u, nats.Timeout(2*time.Second), nats.MaxReconnects(0))
	if err != nil {
		t.Skipf("NATS tests skipped: no NATS server at %s (%v); start nats-server -js, or set %s", u, err, Env)
	}
	defer nc.Close()
	if _, err := nc.JetStream(); err != nil {
		t.Skipf("NATS tests skipped: %s has no JetStream (%v)", u, err)
	}
	return u
}

// Stream returns the URL and a new stream name, the stream deleted when
// the test ends.
func Stream(t testing.TB) (serverURL, stream string) {
	t.Helper()
	serverURL = URL(t)
	var b [6]byte
	rand.Read(b[:])
	stream = "parallax_test_" + hex.EncodeToString(b[:])
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		q, err := queue.Open(ctx, serverURL, queue.Options{Stream: stream})
		if err != nil {
			t.Errorf("delete stream %s: %v", stream, err)
			return
		}
		defer q.Close()
		if err := q.DeleteStream(ctx); err != nil {
			t.Errorf("delete stream %s: %v", stream, err)
		}
	})
	return serverURL, stream
}
