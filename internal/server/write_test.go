package server

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/fetch"
	"github.com/parallaxnews/parallax/internal/sqlite"
)

// newLibrary is an empty library of the test's own.
func newLibrary(t testing.TB) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "lib.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// multipartBody builds an upload: fields first, then files.
func multipartBody(t testing.TB, fields [][2]string, files map[string]string) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, f := range fields {
		mw.WriteField(f[0], f[1])
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	// deterministic order
	for i := 0; i < len(names); i++ {
		for j := i + 1; j < len(names); j++ {
			if names[j] < names[i] {
				names[i], names[j] = names[j], names[i]
			}
		}
	}
	for _, n := range names {
		w, err := mw.CreateFormFile("files", n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[n]))
	}
	mw.Close()
	return &buf, mw.FormDataContentType()
}

func exampleFiles(t testing.TB, names ...string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("../../examples", n))
		if err != nil {
			t.Fatal(err)
		}
		out[n] = string(b)
	}
	return out
}

func jsonIngest(target, body string) *http.Request {
	r := httptest.NewRequest("POST", target, strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	r.Host = "127.0.0.1:8080"
	return r
}

func TestWriteAuthorization(t *testing.T) {
	db := newLibrary(t)
	public := New(Config{Addr: "0.0.0.0:8080", Store: db, Token: "s3cret-token", Now: now})
	open := New(Config{Addr: "0.0.0.0:8080", Store: db, Now: now}) // as if started anyway
	local := New(Config{Addr: "127.0.0.1:8080", Store: db, Now: now})
	localToken := New(Config{Addr: "127.0.0.1:8080", Store: db, Token: "s3cret-token", Now: now})

	empty := `{"urls": []}` // passes authorization, then fails as 400
	cases := []struct {
		name   string
		s      *Server
		auth   string
		host   string
		header [2]string
		status int
		code   string
	}{
		{"public, no token sent", public, "", "", [2]string{}, 401, eUnauthorized},
		{"public, wrong token", public, "Bearer nope", "", [2]string{}, 403, eForbidden},
		{"public, token of another scheme", public, "Basic czNjcmV0LXRva2Vu", "", [2]string{}, 401, eUnauthorized},
		{"public, right token", public, "Bearer s3cret-token", "", [2]string{}, 400, parallax.EINVALID},
		{"public, right token, lower-case scheme", public, "bearer s3cret-token", "", [2]string{}, 400, parallax.EINVALID},
		{"public without a token configured", open, "", "", [2]string{}, 403, eForbidden},
		{"public without a token configured, any token", open, "Bearer x", "", [2]string{}, 403, eForbidden},
		{"loopback, no token needed", local, "", "", [2]string{}, 400, parallax.EINVALID},
		{"loopback, named through localhost", local, "", "localhost:8080", [2]string{}, 400, parallax.EINVALID},
		{"loopback, but a rebound name", local, "", "evil.example:8080", [2]string{}, 403, eForbidden},
		{"loopback, browser cross-site", local, "", "", [2]string{"Sec-Fetch-Site", "cross-site"}, 403, eForbidden},
		{"loopback, foreign Origin", local, "", "", [2]string{"Origin", "https://evil.example"}, 403, eForbidden},
		{"loopback with a token: required", localToken, "", "", [2]string{}, 401, eUnauthorized},
		{"loopback with a token: given", localToken, "Bearer s3cret-token", "", [2]string{}, 400, parallax.EINVALID},
	}
	for _, c := range cases {
		r := jsonIngest("/api/v1/ingest", empty)
		if c.host != "" {
			r.Host = c.host
		}
		if c.auth != "" {
			r.Header.Set("Authorization", c.auth)
		}
		if c.header[0] != "" {
			r.Header.Set(c.header[0], c.header[1])
		}
		resp := do(t, c.s, r)
		var e errorBody
		decodeJSON(t, resp, &e)
		if resp.StatusCode != c.status || e.Error.Code != c.code {
			t.Errorf("%s: %d %+v, want %d %s", c.name, resp.StatusCode, e, c.status, c.code)
		}
		if c.status == 401 && !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("%s: 401 without WWW-Authenticate", c.name)
		}
		checkSecurityHeaders(t, c.name, resp)
	}

	// The HTML forms: the csrf field, then the token field.
	form := func(s *Server, v url.Values) *http.Response {
		r := httptest.NewRequest("POST", "/add/urls", strings.NewReader(v.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Host = "127.0.0.1:8080"
		return do(t, s, r)
	}
	formCases := []struct {
		name   string
		s      *Server
		v      url.Values
		status int
	}{
		{"no csrf field", local, url.Values{"urls": {"x"}}, 403},
		{"wrong csrf field", local, url.Values{"csrf": {"nope"}, "urls": {"x"}}, 403},
		{"right csrf, no URLs", local, url.Values{"csrf": {local.csrf}}, 400},
		{"public: csrf but no token", public, url.Values{"csrf": {public.csrf}}, 401},
		{"public: csrf, wrong token", public, url.Values{"csrf": {public.csrf}, "token": {"nope"}}, 403},
		{"public: csrf and token, no URLs", public, url.Values{"csrf": {public.csrf}, "token": {"s3cret-token"}}, 400},
		{"another server's csrf", local, url.Values{"csrf": {public.csrf}}, 403},
	}
	for _, c := range formCases {
		resp := form(c.s, c.v)
		b := body(t, resp)
		if resp.StatusCode != c.status || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Errorf("form, %s: %d %s, want %d\n%.300s", c.name, resp.StatusCode, resp.Header.Get("Content-Type"), c.status, b)
		}
	}

	// The Add page asks for the token when there is one, and says when
	// the server takes nothing.
	if b := body(t, get(t, public, "/add")); !strings.Contains(b, `name="token"`) || !strings.Contains(b, public.csrf) {
		t.Error("the Add page of a server with a token has no token field")
	}
	if b := body(t, get(t, local, "/add")); strings.Contains(b, `name="token"`) {
		t.Error("the Add page of a loopback server without a token asks for one")
	}
	if b := body(t, get(t, open, "/add")); strings.Contains(b, `<form action="/add/urls"`) || !strings.Contains(b, "takes no additions") {
		t.Error("the Add page of a server that takes nothing shows its forms")
	}

	// Uploads are refused before any file is stored.
	buf, ct := multipartBody(t, [][2]string{{"csrf", public.csrf}}, exampleFiles(t, "harbor-gazette.txt"))
	r := httptest.NewRequest("POST", "/add/files", buf)
	r.Header.Set("Content-Type", ct)
	if resp := do(t, public, r); resp.StatusCode != 401 {
		t.Errorf("upload without the token: %d", resp.StatusCode)
	}
	if list, _ := db.Stories(t.Context(), parallax.StoryFilter{}); len(list) != 0 {
		t.Errorf("refused writes stored %d stories", len(list))
	}
}

func TestBodyLimits(t *testing.T) {
	db := newLibrary(t)
	s := New(Config{Addr: "127.0.0.1:8080", Store: db, Now: now, MaxBodyBytes: 1024, MaxUploadBytes: 4096})

	big := `{"urls": ["https://example.org/` + strings.Repeat("a", 2000) + `"]}`
	resp := do(t, s, jsonIngest("/api/v1/ingest", big))
	var e errorBody
	decodeJSON(t, resp, &e)
	if resp.StatusCode != 413 || e.Error.Code != parallax.ETOOLARGE || !strings.Contains(e.Error.Message, "1 KB") {
		t.Errorf("oversized JSON: %d %+v", resp.StatusCode, e)
	}

	v := url.Values{"csrf": {s.csrf}, "urls": {strings.Repeat("https://example.org/x ", 100)}}
	r := httptest.NewRequest("POST", "/add/urls", strings.NewReader(v.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Host = "127.0.0.1:8080"
	resp = do(t, s, r)
	if b := body(t, resp); resp.StatusCode != 413 || !strings.Contains(b, "larger than") {
		t.Errorf("oversized form: %d", resp.StatusCode)
	}

	files := exampleFiles(t, "harbor-gazette.txt", "meridian-wire.txt", "bayline-radio.txt")
	buf, ct := multipartBody(t, [][2]string{{"csrf", s.csrf}}, files)
	r = httptest.NewRequest("POST", "/add/files", buf)
	r.Header.Set("Content-Type", ct)
	r.Host = "127.0.0.1:8080"
	if resp := do(t, s, r); resp.StatusCode != 413 {
		t.Errorf("oversized upload (page): %d", resp.StatusCode)
	}
	buf, ct = multipartBody(t, nil, files)
	r = httptest.NewRequest("POST", "/api/v1/ingest", buf)
	r.Header.Set("Content-Type", ct)
	r.Host = "127.0.0.1:8080"
	resp = do(t, s, r)
	decodeJSON(t, resp, &e)
	if resp.StatusCode != 413 || e.Error.Code != parallax.ETOOLARGE {
		t.Errorf("oversized upload (API): %d %+v", resp.StatusCode, e)
	}

	// Malformed bodies are 400s that say what was wanted.
	for _, b := range []string{`{"urls": "x"}`, `{"url": ["x"]}`, `[1]`, `{"urls":["https://a.example"]} {}`, `{`} {
		resp := do(t, s, jsonIngest("/api/v1/ingest", b))
		decodeJSON(t, resp, &e)
		if resp.StatusCode != 400 || e.Error.Code != parallax.EINVALID {
			t.Errorf("body %s: %d %+v", b, resp.StatusCode, e)
		}
	}
	r = jsonIngest("/api/v1/ingest", "urls=x")
	r.Header.Set("Content-Type", "text/plain")
	if resp := do(t, s, r); resp.StatusCode != 400 {
		t.Errorf("text/plain ingest: %d", resp.StatusCode)
	}
	many := `{"urls": [` + strings.TrimSuffix(strings.Repeat(`"https://a.example/",`, 60), ",") + `]}`
	s2 := New(Config{Addr: "127.0.0.1:8080", Store: db, Now: now})
	if resp := do(t, s2, jsonIngest("/api/v1/ingest", many)); resp.StatusCode != 400 {
		t.Errorf("60 URLs: %d, want 400 (at most 50)", resp.StatusCode)
	}
}

type ingestReply struct {
	Results []struct {
		Source string  `json:"source"`
		ID     *string `json:"id"`
		New    bool    `json:"new"`
		Story  *string `json:"story"`
		Error  *string `json:"error"`
	} `json:"results"`
	Stories []string `json:"stories"`
	Added   int      `json:"added"`
	Failed  int      `json:"failed"`
}

func TestIngestAPI(t *testing.T) {
	db := newLibrary(t)
	// A local "web": one article page and one feed. Reaching it needs
	// AllowPrivate, as it would on the command line.
	page := `<!DOCTYPE html><html><head><title>Ferry fire at Pier 4</title>
<link rel="canonical" href="https://courier.example/ferry-fire"></head><body><article><h1>Ferry fire at Pier 4</h1>
<p>WESTERHAVEN — A fire broke out aboard the passenger ferry Marigold Star at Pier 4 in Westerhaven on Tuesday morning, injuring 14 people, the fire service said.</p>
<p>"It was the worst morning this harbour has seen in a generation," Mayor Helena Varga said. Police charged Tobias Renn, 34, with arson.</p>
<p>The Coastal Transit Safety Board has opened an investigation into the fire at Westerhaven.</p></article></body></html>`
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/ferry":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page)
		default:
			http.NotFound(w, r)
		}
	}))
	defer web.Close()
	fc := fetch.New(fetch.Options{AllowPrivate: true, PerHostDelay: -1, IgnoreRobots: true})
	s := New(Config{Addr: "127.0.0.1:8080", Store: db, Now: now, Fetch: fc})

	// Files.
	buf, ct := multipartBody(t, nil, exampleFiles(t, "harbor-gazette.txt", "meridian-wire.txt", "evening-clarion.txt"))
	r := httptest.NewRequest("POST", "/api/v1/ingest", buf)
	r.Header.Set("Content-Type", ct)
	r.Host = "127.0.0.1:8080"
	var rep ingestReply
	resp := do(t, s, r)
	decodeJSON(t, resp, &rep)
	if resp.StatusCode != 200 || rep.Added != 3 || rep.Failed != 0 || len(rep.Stories) != 1 {
		t.Fatalf("upload: %d %+v", resp.StatusCode, rep)
	}
	for _, it := range rep.Results {
		if it.ID == nil || it.Story == nil || !it.New || it.Error != nil || !strings.HasSuffix(it.Source, ".txt") || strings.Contains(it.Source, os.TempDir()) {
			t.Errorf("upload result %+v", it)
		}
	}
	story := rep.Stories[0]
	var list storiesResponse
	decodeJSON(t, get(t, s, "/api/v1/stories"), &list)
	if len(list.Stories) != 1 || list.Stories[0].ID != story || list.Stories[0].Outlets != 3 || list.Stories[0].Conflicts == 0 {
		t.Errorf("after the upload: %+v", list.Stories)
	}
	// The outlet is the file's name stem, as with `parallax ingest`.
	if resp := get(t, s, "/api/v1/outlets/harbor-gazette"); resp.StatusCode != 200 {
		t.Errorf("outlet of an uploaded file: %d", resp.StatusCode)
	}

	// The same files again: nothing new.
	buf, ct = multipartBody(t, nil, exampleFiles(t, "harbor-gazette.txt"))
	r = httptest.NewRequest("POST", "/api/v1/ingest", buf)
	r.Header.Set("Content-Type", ct)
	r.Host = "127.0.0.1:8080"
	rep = ingestReply{}
	decodeJSON(t, do(t, s, r), &rep)
	if len(rep.Results) != 1 || rep.Results[0].New || rep.Results[0].Story == nil || *rep.Results[0].Story != story {
		t.Errorf("re-upload: %+v", rep)
	}

	// URLs: a page, a missing page, and what is no web address at all.
	body := fmt.Sprintf(`{"urls": [%q, %q, "javascript:alert(1)", "ftp://example.org/x"]}`, web.URL+"/ferry", web.URL+"/gone")
	rep = ingestReply{}
	resp = do(t, s, jsonIngest("/api/v1/ingest", body))
	decodeJSON(t, resp, &rep)
	if resp.StatusCode != 200 || rep.Added != 1 || rep.Failed != 3 || len(rep.Results) != 4 {
		t.Fatalf("urls: %d %+v", resp.StatusCode, rep)
	}
	if it := rep.Results[0]; it.ID == nil || it.Story == nil || *it.Story != story || it.Source != web.URL+"/ferry" {
		t.Errorf("the fetched page did not join the ferry story: %+v", it)
	}
	for _, it := range rep.Results[1:] {
		if it.Error == nil || *it.Error == "" || it.ID != nil {
			t.Errorf("failed URL without its error: %+v", it)
		}
	}

	// A server without AllowPrivate refuses to fetch from loopback.
	strict := New(Config{Addr: "127.0.0.1:8080", Store: db, Now: now})
	rep = ingestReply{}
	decodeJSON(t, do(t, strict, jsonIngest("/api/v1/ingest", fmt.Sprintf(`{"urls": [%q]}`, web.URL+"/ferry?again"))), &rep)
	if rep.Failed != 1 || rep.Results[0].Error == nil {
		t.Errorf("a loopback URL without --allow-private: %+v", rep)
	}
}

func TestAddForms(t *testing.T) {
	db := newLibrary(t)
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Dam news</title><link>https://dam.example/</link>
<item><title>Dam leak floods Ashby</title><link>https://dam.example/a</link><pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate>
<description>A leak at the Ashby dam flooded 40 homes on Monday, the Ashby Water Board said. Mayor Ivo Stanek said crews acted within the hour. Engineer Paula Mertz was arrested after the leak at the Ashby dam, the board said on Monday evening in Ashby.</description></item>
</channel></rss>`
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, feed)
	}))
	defer web.Close()
	fc := fetch.New(fetch.Options{AllowPrivate: true, PerHostDelay: -1, IgnoreRobots: true})
	s := New(Config{Addr: "127.0.0.1:8080", Store: db, Now: now, Fetch: fc})

	follow := func(resp *http.Response) string {
		t.Helper()
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("form: %d, want 303\n%.500s", resp.StatusCode, body(t, resp))
		}
		loc := resp.Header.Get("Location")
		if !strings.HasPrefix(loc, "/add/results/") {
			t.Fatalf("redirect to %q", loc)
		}
		res := get(t, s, loc)
		b := body(t, res)
		if res.StatusCode != 200 {
			t.Fatalf("result page: %d", res.StatusCode)
		}
		return b
	}

	buf, ct := multipartBody(t, [][2]string{{"csrf", s.csrf}}, exampleFiles(t, "harbor-gazette.txt", "coastline-courier.txt"))
	r := httptest.NewRequest("POST", "/add/files", buf)
	r.Header.Set("Content-Type", ct)
	r.Host = "127.0.0.1:8080"
	b := follow(do(t, s, r))
	if !strings.Contains(b, "2 new articles") || !strings.Contains(b, `href="/stories/`) || !strings.Contains(b, "harbor-gazette.txt") {
		t.Errorf("upload result page:\n%s", b)
	}

	v := url.Values{"csrf": {s.csrf}, "url": {web.URL + "/feed.xml"}}
	r = httptest.NewRequest("POST", "/add/feed", strings.NewReader(v.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Host = "127.0.0.1:8080"
	b = follow(do(t, s, r))
	if !strings.Contains(b, "Subscribed to feed") || !strings.Contains(b, "1 new article") {
		t.Errorf("feed result page:\n%s", b)
	}
	feeds, err := db.Feeds(t.Context())
	if err != nil || len(feeds) != 1 || feeds[0].Title != "Dam news" || feeds[0].LastPolled.IsZero() || feeds[0].NextPoll.IsZero() {
		t.Errorf("the feed's state after the first read: %+v %v", feeds, err)
	}

	v = url.Values{"csrf": {s.csrf}, "urls": {"not-a-url\nhttps://\n"}}
	r = httptest.NewRequest("POST", "/add/urls", strings.NewReader(v.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Host = "127.0.0.1:8080"
	b = follow(do(t, s, r))
	if !strings.Contains(b, "2 problems") || !strings.Contains(b, "is not an http or https URL") {
		t.Errorf("bad URLs result page:\n%s", b)
	}
}

// A story's page is kept rendered until the story is compared again.
func TestStoryPageCache(t *testing.T) {
	db := newLibrary(t)
	s := New(Config{Addr: "127.0.0.1:8080", Store: db, Now: now})
	upload := func(names ...string) ingestReply {
		buf, ct := multipartBody(t, nil, exampleFiles(t, names...))
		r := httptest.NewRequest("POST", "/api/v1/ingest", buf)
		r.Header.Set("Content-Type", ct)
		r.Host = "127.0.0.1:8080"
		var rep ingestReply
		decodeJSON(t, do(t, s, r), &rep)
		if len(rep.Stories) != 1 {
			t.Fatalf("upload %v: %+v", names, rep)
		}
		return rep
	}
	story := "/stories/" + strings.TrimPrefix(upload("harbor-gazette.txt", "meridian-wire.txt").Stories[0], "s")
	first := body(t, get(t, s, story))
	if again := body(t, get(t, s, story)); again != first {
		t.Error("the same story rendered twice differs")
	}
	if strings.Contains(first, "evening-clarion") {
		t.Fatal("the Clarion is in the story before it was added")
	}
	if got := "/stories/" + strings.TrimPrefix(upload("evening-clarion.txt").Stories[0], "s"); got != story {
		t.Fatalf("the Clarion joined %s, not %s", got, story)
	}
	if b := body(t, get(t, s, story)); !strings.Contains(b, "evening-clarion") || !strings.Contains(b, `<table class="conflicts">`) {
		t.Error("the story page was not rendered again after its story was compared again")
	}
}
