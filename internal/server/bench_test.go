package server

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
)

// The story page and the story API, in-process, on the ferry-fire story
// (six articles, three conflicts): what one request costs the server.

// benchGet serves GET path over and over, failing on any status but 200.
func benchGet(b *testing.B, h http.Handler, path string) {
	b.Helper()
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		if w.Code != 200 {
			b.Fatalf("GET %s: status %d", path, w.Code)
		}
		b.SetBytes(int64(w.Body.Len()))
	}
}

func BenchmarkStoryPage(b *testing.B) {
	s, l := newTestServer(b)
	benchGet(b, s.Handler(), fmt.Sprintf("/stories/%d", l.fire))
}

// BenchmarkStoryPageUncached renders the page every time: the story's
// report decoded, its articles read, the template executed.
func BenchmarkStoryPageUncached(b *testing.B) {
	l := sharedLibrary(b)
	s := New(Config{Addr: "127.0.0.1:8080", Store: l.db, Now: now, StoryPageCache: -1})
	benchGet(b, s.Handler(), fmt.Sprintf("/stories/%d", l.fire))
}

func BenchmarkStoryAPI(b *testing.B) {
	s, l := newTestServer(b)
	benchGet(b, s.Handler(), fmt.Sprintf("/api/v1/stories/%d", l.fire))
}

func BenchmarkArticlePage(b *testing.B) {
	s, l := newTestServer(b)
	benchGet(b, s.Handler(), fmt.Sprintf("/articles/%d", l.articles[0]))
}
