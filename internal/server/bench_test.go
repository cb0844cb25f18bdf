package server

import (
	"fmt"
	"net/http/httptest"
	"testing"
)

// The story page and the story API, in-process, on the ferry-fire story
// (six articles, three conflicts): what one request costs the server.

func BenchmarkStoryPage(b *testing.B) {
	s, l := newTestServer(b)
	path := fmt.Sprintf("/stories/%d", l.fire)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		if w.Code != 200 {
			b.Fatalf("status %d", w.Code)
		}
		b.SetBytes(int64(w.Body.Len()))
	}
}

// BenchmarkStoryPageUncached renders the page every time: the story's
// report decoded, its articles read, the template executed.
func BenchmarkStoryPageUncached(b *testing.B) {
	l := sharedLibrary(b)
	s := New(Config{Addr: "127.0.0.1:8080", Store: l.db, Now: now, StoryPageCache: -1})
	path := fmt.Sprintf("/stories/%d", l.fire)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		if w.Code != 200 {
			b.Fatalf("status %d", w.Code)
		}
		b.SetBytes(int64(w.Body.Len()))
	}
}

func BenchmarkStoryAPI(b *testing.B) {
	s, l := newTestServer(b)
	path := fmt.Sprintf("/api/v1/stories/%d", l.fire)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		if w.Code != 200 {
			b.Fatalf("status %d", w.Code)
		}
		b.SetBytes(int64(w.Body.Len()))
	}
}

func BenchmarkArticlePage(b *testing.B) {
	s, l := newTestServer(b)
	path := fmt.Sprintf("/articles/%d", l.articles[0])
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		if w.Code != 200 {
			b.Fatalf("status %d", w.Code)
		}
	}
}
