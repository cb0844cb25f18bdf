package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax"
)

func TestPages(t *testing.T) {
	s, l := newTestServer(t)
	if l.fire == 0 {
		t.Fatal("no six-article ferry-fire story in the library")
	}
	fire := fmt.Sprint(l.fire)
	a := fmt.Sprint(l.articles[0])
	html, css, js := "text/html; charset=utf-8", "text/css; charset=utf-8", "text/javascript; charset=utf-8"
	cases := []struct {
		method, path string
		status       int
		ctype        string
		contains     string
	}{
		{"GET", "/", 200, html, `href="/stories/` + fire + `"`},
		{"HEAD", "/", 200, html, ""},
		{"GET", "/?offset=0", 200, html, "Marigold Star"},
		{"GET", "/?offset=100", 200, html, "No more stories"},
		{"GET", "/?offset=-1", 400, html, "offset"},
		{"GET", "/?offset=x", 400, html, "offset"},
		{"GET", "/search", 200, html, `name="q"`},
		{"GET", "/search?q=ferry", 200, html, `href="/articles/`},
		{"GET", "/search?q=zzzzqqq", 200, html, "No article matches"},
		{"GET", "/search?q=%2A%2A", 400, html, "nothing to search for"},
		{"GET", "/stories/" + fire, 200, html, `<table class="conflicts">`},
		{"GET", "/stories/s" + fire, 200, html, `id="coverage"`},
		{"GET", "/stories/999999", 404, html, "story 999999 not found"},
		{"GET", "/stories/abc", 400, html, "not a story ID"},
		{"GET", "/stories/0", 400, html, "not a story ID"},
		{"GET", "/articles/" + a, 200, html, `class="text"`},
		{"GET", "/articles/a" + a, 200, html, `class="text"`},
		{"GET", "/articles/999999", 404, html, "not found"},
		{"GET", "/articles/-3", 400, html, "not a article ID"},
		{"GET", "/outlets", 200, html, `href="/outlets/harbor-gazette"`},
		{"GET", "/outlets/harbor-gazette", 200, html, "Only here"},
		{"GET", "/outlets/HARBOR-GAZETTE", 200, html, "harbor-gazette"},
		{"GET", "/outlets/nobody.example", 404, html, "no outlet called"},
		{"GET", "/outlets/harbor-gazette?offset=z", 400, html, "offset"},
		{"GET", "/add", 200, html, `name="csrf"`},
		{"GET", "/add/results/nope", 404, html, "no such result"},
		{"GET", "/nope", 404, html, "nothing at /nope"},
		{"POST", "/search", 405, html, "not allowed"},
		{"GET", "/add/urls", 405, html, "not allowed"},
		{"GET", "/static/style.css", 200, css, ":target"},
		{"GET", "/static/app.js", 200, js, "evidence-target"},
		{"GET", "/static/htmx.min.js", 200, js, "htmx"},
		{"GET", "/static/htmx.LICENSE.txt", 200, "text/plain; charset=utf-8", "Zero-Clause BSD"},
		{"GET", "/static/nope.css", 404, "text/plain; charset=utf-8", ""},
	}
	for _, c := range cases {
		resp := do(t, s, httptest.NewRequest(c.method, c.path, nil))
		b := body(t, resp)
		what := c.method + " " + c.path
		if resp.StatusCode != c.status {
			t.Errorf("%s: status %d, want %d\n%.300s", what, resp.StatusCode, c.status, b)
		}
		if got := resp.Header.Get("Content-Type"); got != c.ctype {
			t.Errorf("%s: Content-Type %q, want %q", what, got, c.ctype)
		}
		if c.contains != "" && !strings.Contains(b, c.contains) {
			t.Errorf("%s: body lacks %q", what, c.contains)
		}
		if c.method == "HEAD" && b != "" {
			t.Errorf("%s: HEAD has a body", what)
		}
		checkSecurityHeaders(t, what, resp)
	}
}

func TestStaticCaching(t *testing.T) {
	s, _ := newTestServer(t)
	href := s.static.href("style.css")
	resp := get(t, s, href)
	if cc := resp.Header.Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("versioned asset Cache-Control %q", cc)
	}
	r := httptest.NewRequest("GET", href, nil)
	r.Header.Set("If-None-Match", resp.Header.Get("ETag"))
	if resp := do(t, s, r); resp.StatusCode != http.StatusNotModified {
		t.Errorf("conditional GET: %d, want 304", resp.StatusCode)
	}
	page := body(t, get(t, s, "/"))
	if !strings.Contains(page, `href="`+href+`"`) {
		t.Errorf("the layout does not link %s", href)
	}
}

func TestStoryAPI(t *testing.T) {
	s, l := newTestServer(t)
	var list struct {
		Stories []struct {
			ID        string  `json:"id"`
			Title     string  `json:"title"`
			Articles  int     `json:"articles"`
			Outlets   int     `json:"outlets"`
			Conflicts int     `json:"conflicts"`
			First     *string `json:"first"`
			Last      *string `json:"last"`
			Updated   *string `json:"updated"`
		} `json:"stories"`
		NextOffset *int `json:"next_offset"`
	}
	resp := get(t, s, "/api/v1/stories")
	checkSecurityHeaders(t, "stories", resp)
	decodeJSON(t, resp, &list)
	if len(list.Stories) != 3 || list.NextOffset != nil {
		t.Fatalf("stories: %d, next %v; want 3 and null", len(list.Stories), list.NextOffset)
	}
	for _, st := range list.Stories {
		if !strings.HasPrefix(st.ID, "s") || st.Updated == nil || st.First == nil || st.Articles == 0 {
			t.Errorf("story row %+v", st)
		}
		if _, err := time.Parse(time.RFC3339, *st.Updated); err != nil {
			t.Errorf("updated %q: %v", *st.Updated, err)
		}
	}

	// Pagination: one at a time, each story once, then null.
	seen := map[string]bool{}
	off := 0
	for range 5 {
		var page struct {
			Stories []struct {
				ID string `json:"id"`
			} `json:"stories"`
			NextOffset *int `json:"next_offset"`
		}
		decodeJSON(t, get(t, s, fmt.Sprintf("/api/v1/stories?limit=1&offset=%d", off)), &page)
		if len(page.Stories) != 1 {
			t.Fatalf("offset %d: %d stories", off, len(page.Stories))
		}
		seen[page.Stories[0].ID] = true
		if page.NextOffset == nil {
			break
		}
		off = *page.NextOffset
	}
	if len(seen) != 3 || off != 2 {
		t.Errorf("paging saw %v, last offset %d", seen, off)
	}

	count := func(q string) int {
		var p struct {
			Stories []any `json:"stories"`
		}
		resp := get(t, s, "/api/v1/stories?"+q)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", q, resp.StatusCode, body(t, resp))
		}
		decodeJSON(t, resp, &p)
		return len(p.Stories)
	}
	if n := count("since=2026-01-01"); n != 3 {
		t.Errorf("since a date before all: %d stories", n)
	}
	if n := count("since=2026-03-01"); n != 2 {
		t.Errorf("since 2026-03-01 (the Lisgarrow fire is of January): %d stories", n)
	}
	if n := count("since=2099-01-01"); n != 0 {
		t.Errorf("since the future: %d stories", n)
	}
	if n := count("since=" + url.QueryEscape("2026-03-04T00:00:00Z")); n == 0 || n == 3 {
		t.Errorf("since an RFC 3339 time in the middle: %d stories", n)
	}
	if n := count("since=30d"); n != 2 {
		t.Errorf("since=30d (the clock is 2026-03-06): %d stories", n)
	}
	if n := count("since=1440h"); n != 3 {
		t.Errorf("since=1440h: %d stories", n)
	}
	if n := count("q=Westerhaven"); n != 1 {
		t.Errorf("q=Westerhaven: %d stories, want the ferry fire", n)
	}
	if n := count("outlet=valley.example"); n != 1 {
		t.Errorf("outlet=valley.example: %d stories", n)
	}

	for _, bad := range []string{"limit=0", "limit=101", "limit=x", "offset=-1", "since=yesterday", "since=-5h"} {
		resp := get(t, s, "/api/v1/stories?"+bad)
		var e errorBody
		decodeJSON(t, resp, &e)
		if resp.StatusCode != 400 || e.Error.Code != parallax.EINVALID || e.Error.Message == "" {
			t.Errorf("%s: %d %+v, want 400 invalid", bad, resp.StatusCode, e)
		}
	}

	// One story: its stored report, as the contract has it.
	for _, id := range []string{fmt.Sprint(l.fire), fmt.Sprintf("s%d", l.fire)} {
		var rep parallax.Report
		resp := get(t, s, "/api/v1/stories/"+id)
		decodeJSON(t, resp, &rep)
		if resp.StatusCode != 200 || len(rep.Stories) != 1 || len(rep.Stories[0].Conflicts) == 0 || len(rep.Stories[0].Articles) != 6 {
			t.Errorf("story %s: %d, %d stories", id, resp.StatusCode, len(rep.Stories))
		}
	}
	for path, status := range map[string]int{"/api/v1/stories/999999": 404, "/api/v1/stories/x": 400, "/api/v1/stories/s": 400} {
		resp := get(t, s, path)
		var e errorBody
		decodeJSON(t, resp, &e)
		if resp.StatusCode != status || e.Error.Code == "" {
			t.Errorf("%s: %d %+v, want %d", path, resp.StatusCode, e, status)
		}
	}
}

func TestArticleAPI(t *testing.T) {
	s, l := newTestServer(t)
	var a jsonArticle
	var found bool
	for _, id := range l.articles {
		resp := get(t, s, fmt.Sprintf("/api/v1/articles/a%d", id))
		a = jsonArticle{}
		decodeJSON(t, resp, &a)
		if a.ID != fmt.Sprintf("a%d", id) || a.Text == "" || a.Link != fmt.Sprintf("/articles/%d", id) {
			t.Errorf("article %d: %+v", id, a)
		}
		for _, q := range a.Analysis.Quotes {
			if q.Speaker != nil && *q.Speaker != "" && a.Text[q.Start:q.End] != "" {
				found = true
			}
		}
		for _, e := range a.Analysis.Entities {
			for _, m := range e.Mentions {
				if a.Text[m.Start:m.End] != m.Text {
					t.Errorf("article %d: mention %+v does not point at its text", id, m)
				}
			}
		}
		if len(a.Analysis.Entities) == 0 || a.Analysis.Language == "" || len(a.Analysis.Sentences) == 0 {
			t.Errorf("article %d: thin analysis %+v", id, a.Analysis)
		}
	}
	if !found {
		t.Error("no article has a quote with its speaker")
	}
	// Empty lists are [], never null.
	resp := get(t, s, fmt.Sprintf("/api/v1/articles/%d", l.h2))
	b := body(t, resp)
	for _, k := range []string{`"signals":[`, `"dates":[`, `"aliases":[`} {
		if !strings.Contains(b, k) {
			t.Errorf("article JSON lacks %s", k)
		}
	}
	if strings.Contains(b, "<script>") {
		t.Error("article JSON carries a raw <script>: HTML characters must be escaped")
	}
	for path, status := range map[string]int{"/api/v1/articles/999999": 404, "/api/v1/articles/a": 400, "/api/v1/articles/1.5": 400} {
		if resp := get(t, s, path); resp.StatusCode != status {
			t.Errorf("%s: %d, want %d", path, resp.StatusCode, status)
		}
	}
}

func TestSearchAndOutletsAPI(t *testing.T) {
	s, _ := newTestServer(t)
	var res struct {
		Hits []searchHit `json:"hits"`
	}
	decodeJSON(t, get(t, s, "/api/v1/search?q=Marigold+Star&limit=3"), &res)
	if len(res.Hits) != 3 {
		t.Fatalf("hits: %d, want 3 (limit)", len(res.Hits))
	}
	for _, h := range res.Hits {
		if !strings.HasPrefix(h.Article, "a") || h.Story == nil || h.Snippet == "" || !strings.HasPrefix(h.Link, "/articles/") {
			t.Errorf("hit %+v", h)
		}
	}
	for _, bad := range []string{"", "q=", "q=x&limit=0", "q=x&limit=500", "q=" + strings.Repeat("a", 501), "q=%22%22"} {
		resp := get(t, s, "/api/v1/search?"+bad)
		if resp.StatusCode != 400 {
			t.Errorf("search?%.20s: %d, want 400", bad, resp.StatusCode)
		}
	}

	var outs outletsResponse
	decodeJSON(t, get(t, s, "/api/v1/outlets"), &outs)
	byName := map[string]*outletStats{}
	for _, o := range outs.Outlets {
		byName[o.Name] = o
	}
	if len(outs.Outlets) != 9 || outs.StoriesRead != 3 || outs.Partial {
		t.Errorf("outlets: %d from %d stories (partial %v)", len(outs.Outlets), outs.StoriesRead, outs.Partial)
	}
	if g := byName["harbor-gazette"]; g == nil || g.Exclusives == 0 || g.Stories != 1 {
		t.Errorf("harbor-gazette: %+v", g)
	}
	if c := byName["evening-clarion"]; c == nil || c.Conflicts == 0 || c.Omissions == 0 || c.Loaded == 0 {
		t.Errorf("evening-clarion: %+v", c)
	}
	if m := byName["meridian-wire"]; m == nil || m.Hedges == 0 {
		t.Errorf("meridian-wire: %+v", m)
	}

	var one outletResponse
	decodeJSON(t, get(t, s, "/api/v1/outlets/evening-clarion"), &one)
	if one.Outlet == nil || len(one.Stories) != 1 || len(one.Stories[0].Conflicts) == 0 || len(one.Stories[0].Omissions) == 0 || one.NextOffset != nil {
		t.Fatalf("evening-clarion: %+v", one)
	}
	for _, c := range one.Stories[0].Conflicts {
		if len(c.Own) == 0 || len(c.Other) == 0 {
			t.Errorf("conflict without both sides: %+v", c)
		}
		for _, e := range append(c.Own, c.Other...) {
			if !strings.Contains(e.Link, "#ev-") {
				t.Errorf("conflict evidence without an anchor: %+v", e)
			}
		}
	}
	resp := get(t, s, "/api/v1/outlets/"+url.PathEscape(hostileOutlet))
	if resp.StatusCode != 200 {
		t.Errorf("hostile outlet by its escaped name: %d", resp.StatusCode)
	}
	for path, status := range map[string]int{"/api/v1/outlets/nobody": 404, "/api/v1/outlets/x?limit=0": 400} {
		resp := get(t, s, path)
		var e errorBody
		decodeJSON(t, resp, &e)
		if resp.StatusCode != status {
			t.Errorf("%s: %d, want %d", path, resp.StatusCode, status)
		}
	}

	resp = get(t, s, "/api/v1/openapi.yaml")
	if b := body(t, resp); resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/yaml") || !strings.Contains(b, "/api/v1/ingest:") {
		t.Errorf("openapi.yaml: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

func TestAPIErrors(t *testing.T) {
	s, _ := newTestServer(t)
	cases := []struct {
		method, path string
		status       int
		code         string
	}{
		{"GET", "/api/v1/nope", 404, parallax.ENOTFOUND},
		{"GET", "/api/v2/stories", 404, parallax.ENOTFOUND},
		{"POST", "/api/v1/stories", 405, eMethod},
		{"DELETE", "/api/v1/stories/1", 405, eMethod},
		{"GET", "/api/v1/ingest", 405, eMethod},
	}
	for _, c := range cases {
		resp := do(t, s, httptest.NewRequest(c.method, c.path, nil))
		var e errorBody
		decodeJSON(t, resp, &e)
		if resp.StatusCode != c.status || e.Error.Code != c.code || e.Error.Message == "" {
			t.Errorf("%s %s: %d %+v, want %d %s", c.method, c.path, resp.StatusCode, e, c.status, c.code)
		}
		checkSecurityHeaders(t, c.path, resp)
	}
}

func TestErrorStatusCode(t *testing.T) {
	for code, status := range map[string]int{
		parallax.EINVALID: 400, parallax.ENOTFOUND: 404, parallax.ECONFLICT: 409, parallax.ETOOLARGE: 413,
		parallax.EINTERNAL: 500, eUnauthorized: 401, eForbidden: 403, eMethod: 405, "something else": 500,
	} {
		if got := ErrorStatusCode(code); got != status {
			t.Errorf("ErrorStatusCode(%q) = %d, want %d", code, got, status)
		}
	}
	// An internal error's details stay in the log.
	s, _ := newTestServer(t)
	w := httptest.NewRecorder()
	s.error(w, httptest.NewRequest("GET", "/api/v1/x", nil), fmt.Errorf("database on fire at /secret/path"))
	if w.Code != 500 || strings.Contains(w.Body.String(), "secret") || !strings.Contains(w.Body.String(), `"code":"internal"`) {
		t.Errorf("internal error: %d %s", w.Code, w.Body.String())
	}
	w = httptest.NewRecorder()
	s.error(w, httptest.NewRequest("GET", "/stories/1", nil), parallax.Errorf(parallax.ECONFLICT, "the library is busy"))
	if w.Code != 409 || !strings.Contains(w.Body.String(), "the library is busy") || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
		t.Errorf("conflict page: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
}

func TestPanicIsA500(t *testing.T) {
	s, _ := newTestServer(t)
	s.mux.HandleFunc("GET /api/v1/boom", func(http.ResponseWriter, *http.Request) { panic("boom") })
	resp := get(t, s, "/api/v1/boom")
	if resp.StatusCode != 500 {
		t.Errorf("panic: %d", resp.StatusCode)
	}
	checkSecurityHeaders(t, "panic", resp)
}

func TestStoryNotComparedYet(t *testing.T) {
	db := newLibrary(t)
	ctx := context.Background()
	id, err := db.CreateStory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s := New(Config{Addr: "127.0.0.1:8080", Store: db, Now: now})
	if resp := get(t, s, fmt.Sprintf("/stories/%d", id)); resp.StatusCode != 200 || !strings.Contains(body(t, resp), "not been compared yet") {
		t.Errorf("story page before its comparison: %d", resp.StatusCode)
	}
	if resp := get(t, s, fmt.Sprintf("/api/v1/stories/%d", id)); resp.StatusCode != 404 {
		t.Errorf("story API before its comparison: %d", resp.StatusCode)
	}
	// An empty library: pages say so.
	if b := body(t, get(t, s, "/outlets")); !strings.Contains(b, "No outlets yet") {
		t.Error("empty outlets page")
	}
}

func TestLifecycle(t *testing.T) {
	db := newLibrary(t)
	s := New(Config{Addr: "127.0.0.1:0", Store: db, Now: now})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- s.Wait(ctx) }()
	resp, err := http.Get(s.URL() + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("X-Frame-Options") != "DENY" {
		t.Errorf("GET /: %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Wait: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not stop")
	}
	if _, err := http.Get(s.URL() + "/"); err == nil {
		t.Error("still answering after shutdown")
	}

	// ListenAndServe, stopped by its context.
	s2 := New(Config{Addr: "127.0.0.1:0", Store: db})
	ctx2, cancel2 := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel2()
	if err := s2.ListenAndServe(ctx2); err != nil {
		t.Errorf("ListenAndServe: %v", err)
	}

	// Beyond loopback without a token: refused, with the way out.
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:8080"} {
		err := New(Config{Addr: addr, Store: db}).Open()
		if parallax.ErrorCode(err) != parallax.EINVALID || !strings.Contains(parallax.ErrorMessage(err), "--token") {
			t.Errorf("Open on %s without a token: %v", addr, err)
		}
	}
	if err := New(Config{Addr: "nonsense", Store: db, Token: "t"}).Open(); parallax.ErrorCode(err) != parallax.EINVALID {
		t.Errorf("Open on a bad address: %v", err)
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true, "127.1.2.3:1": true, "localhost": true,
		"app.localhost:8080": true, ":8080": false, "0.0.0.0:8080": false, "[::]:80": false, "example.com:80": false,
		"192.168.1.2:8080": false, "": false, "127.0.0.1.example.com:80": false,
	} {
		if got := IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v", addr, got)
		}
	}
}

func TestPublicSource(t *testing.T) {
	for in, want := range map[string]string{
		"/home/ana/leaks/memo.txt":          "memo.txt",
		"../../examples/harbor-gazette.txt": "harbor-gazette.txt",
		"https://example.org/a/b":           "https://example.org/a/b",
		"feed.jsonl:17":                     "feed.jsonl:17",
	} {
		if got := publicSource(in); got != want {
			t.Errorf("publicSource(%q) = %q, want %q", in, got, want)
		}
	}
	raw := []byte(`{"stories":[{"id":"s1","articles":[{"id":"a1","source":"/secret/dir/x.txt","outlet":"x","words":3}]}],"unassigned":[]}`)
	if out := string(publicReport(raw)); strings.Contains(out, "/secret/dir") || !strings.Contains(out, `"source":"x.txt"`) {
		t.Errorf("publicReport kept the local path: %s", out)
	}
}
