package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/ingest"
	"github.com/parallaxnews/parallax/internal/read"
	"github.com/parallaxnews/parallax/internal/sqlite"
)

// The tests share one library, built once: the repository's examples (the
// Marigold Star ferry fire, six outlets, conflicts; and a story of its own)
// and two hostile articles about a made-up dam leak whose titles, texts,
// quotes, outlet name and URLs carry markup meant to run. Tests that write
// make libraries of their own.

// clock is the tests' fixed now: a few days after the examples' event.
var clock = time.Date(2026, 3, 6, 12, 0, 0, 0, time.UTC)

func now() time.Time { return clock }

const (
	hostileOutlet = `evil<script>alert(1)</script>" onmouseover="alert(1).example`
	hostileA      = `<script>alert(1)</script> Dam leak floods Ashby " onmouseover="alert(1)
A leak at the Ashby dam flooded 40 homes on Monday, the Ashby Water Board said. Mayor Ivo Stanek said crews "<img src=x onerror=alert(1)> acted within the hour," he said. Engineer Paula Mertz was arrested. Details: <a href="javascript:alert(1)">here</a> and javascript:alert(1).`
	hostileB = `Homes flooded in Ashby <img src=x onerror=alert(1)>
Water from the Ashby dam flooded 14 homes on Monday, according to the Ashby Water Board. Paula Mertz is accused of opening the wrong valve. "We acted within the hour <script>alert(1)</script>," Stanek said. ' onmouseover='alert(1)' x='`
)

// library is the shared, read-only library.
type library struct {
	db       *sqlite.DB
	dir      string
	fire     int64 // the ferry-fire story (six articles, conflicts)
	hostile  int64 // the dam-leak story of the hostile articles
	h1, h2   int64 // the hostile articles
	articles []int64
}

var (
	libOnce sync.Once
	lib     *library
	libErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if lib != nil {
		lib.db.Close()
		os.RemoveAll(lib.dir)
	}
	os.Exit(code)
}

// sharedLibrary builds the shared library on first use.
func sharedLibrary(t testing.TB) *library {
	t.Helper()
	libOnce.Do(func() {
		dir, err := os.MkdirTemp("", "parallax-server-test-")
		if err != nil {
			libErr = err
			return
		}
		lib, libErr = buildLibrary(filepath.Join(dir, "lib.db"))
		if lib != nil {
			lib.dir = dir
		}
	})
	if libErr != nil {
		t.Fatal(libErr)
	}
	return lib
}

func hostileArticles() []*parallax.Article {
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	a := &parallax.Article{Source: "javascript:alert(1)", URL: "javascript:alert(1)", Outlet: hostileOutlet,
		Title: strings.SplitN(hostileA, "\n", 2)[0], Author: `<b onmouseover="alert(1)">Mallory</b>`, Text: hostileA, Published: day}
	b := &parallax.Article{Source: `https://valley.example/dam" onmouseover="alert(1)`, URL: `https://valley.example/dam" onmouseover="alert(1)`,
		Outlet: "valley.example", Title: strings.SplitN(hostileB, "\n", 2)[0], Text: hostileB, Published: day.Add(3 * time.Hour)}
	return []*parallax.Article{a, b}
}

func buildLibrary(path string) (*library, error) {
	ctx := context.Background()
	db, err := sqlite.Open(path)
	if err != nil {
		return nil, err
	}
	l := &library{db: db}
	ing, err := ingest.New(ctx, db, ingest.Options{Now: now})
	if err != nil {
		return nil, err
	}
	var addErr error
	err = read.Walk(ctx, []string{"../../examples"}, read.Options{}, func(a *parallax.Article, err error) error {
		if err != nil {
			return err
		}
		r, err := ing.Add(ctx, a, 0)
		if err != nil {
			addErr = err
		}
		l.articles = append(l.articles, r.ID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if addErr != nil {
		return nil, addErr
	}
	for i, a := range hostileArticles() {
		r, err := ing.Add(ctx, a, 0)
		if err != nil {
			return nil, err
		}
		l.articles = append(l.articles, r.ID)
		if i == 0 {
			l.h1, l.hostile = r.ID, r.StoryID
		} else {
			l.h2 = r.ID
		}
	}
	if err := ing.Flush(ctx); err != nil {
		return nil, err
	}
	list, err := db.Stories(ctx, parallax.StoryFilter{})
	if err != nil {
		return nil, err
	}
	for _, s := range list {
		if s.Articles == 6 {
			l.fire = s.ID
		}
	}
	return l, nil
}

// newTestServer serves the shared library on a loopback "address".
func newTestServer(t testing.TB) (*Server, *library) {
	t.Helper()
	l := sharedLibrary(t)
	return New(Config{Addr: "127.0.0.1:8080", Store: l.db, Now: now}), l
}

// get runs one request through s and returns the response.
func get(t testing.TB, s *Server, target string) *http.Response {
	t.Helper()
	return do(t, s, httptest.NewRequest(http.MethodGet, target, nil))
}

func do(t testing.TB, s *Server, r *http.Request) *http.Response {
	t.Helper()
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, r)
	return w.Result()
}

func body(t testing.TB, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func decodeJSON(t testing.TB, resp *http.Response, v any) {
	t.Helper()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("Content-Type %q, want JSON", ct)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("decode JSON: %v", err)
	}
}

// checkSecurityHeaders fails t when a response lacks a security header.
func checkSecurityHeaders(t testing.TB, what string, resp *http.Response) {
	t.Helper()
	want := map[string]string{
		"Content-Security-Policy":    contentSecurityPolicy,
		"X-Content-Type-Options":     "nosniff",
		"Referrer-Policy":            "no-referrer",
		"X-Frame-Options":            "DENY",
		"Cross-Origin-Opener-Policy": "same-origin",
	}
	for k, v := range want {
		if got := resp.Header.Get(k); got != v {
			t.Errorf("%s: %s = %q, want %q", what, k, got, v)
		}
	}
}
