package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/parallaxnews/parallax/internal/postgres"
	"github.com/parallaxnews/parallax/internal/postgres/pgtest"
	"github.com/parallaxnews/parallax/internal/synth"
)

// The library end to end, through the real commands, a real SQLite file
// and a local web server playing the web. Nothing leaves the machine.

func libDB(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "lib", "parallax.db")
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errs, code := run(t, args...)
	if code != 0 {
		t.Fatalf("parallax %s: exit %d\n%s", strings.Join(args, " "), code, errs)
	}
	return out
}

// backends runs fn on a new library of each kind: an SQLite file, and a
// PostgreSQL schema when $PARALLAX_TEST_POSTGRES names a server.
func backends(t *testing.T, fn func(t *testing.T, db string)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, libDB(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, pgtest.DSN(t)) })
}

func TestLibraryFiles(t *testing.T) { backends(t, testLibraryFiles) }

func testLibraryFiles(t *testing.T, db string) {
	_, errs, code := run(t, "ingest", "--db", db, "--no-progress", "../../examples")
	if code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "ingested 7 new articles") {
		t.Errorf("summary line: %q", errs)
	}
	// the same files again add nothing
	_, errs, _ = run(t, "ingest", "--db", db, "--no-progress", "../../examples")
	if !strings.Contains(errs, "ingested 0 new articles (7 articles already in the library") {
		t.Errorf("re-ingest is not idempotent: %q", errs)
	}
	var list []struct {
		ID        string `json:"id"`
		Title     string `json:"title"`
		Articles  int    `json:"articles"`
		Outlets   int    `json:"outlets"`
		Conflicts int    `json:"conflicts"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "stories", "--db", db, "--format", "json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		t.Fatalf("stories = %+v, want the ferry fire and the other fire", list)
	}
	var fire string
	for _, s := range list {
		if s.Articles == 6 {
			fire = s.ID
			if s.Outlets != 6 || s.Conflicts == 0 {
				t.Errorf("ferry story listing %+v: want 6 outlets and conflicts", s)
			}
		}
	}
	if fire == "" {
		t.Fatalf("no story with the six ferry-fire articles: %+v", list)
	}
	// show: the same report as compare
	rep := decode(t, mustRun(t, "show", fire, "--db", db, "--format", "json"))
	if len(rep.Stories) != 1 || len(rep.Stories[0].Conflicts) == 0 || len(rep.Stories[0].Facts) == 0 {
		t.Errorf("show %s: %+v", fire, rep.Stories)
	}
	if html := mustRun(t, "show", "--db", db, "--format", "html", fire); !strings.Contains(html, "Marigold Star") {
		t.Error("show --format html lacks the story")
	}
	if _, _, code := run(t, "show", "--db", db, "s999"); code == 0 {
		t.Error("show of an unknown story succeeded")
	}
	// filters
	if out := mustRun(t, "stories", "--db", db, "--query", "Dunmore"); !strings.Contains(out, "Northern Wren") {
		t.Errorf("--query Dunmore should find the other fire:\n%s", out)
	}
	if out := mustRun(t, "stories", "--db", db, "--outlet", "evening-clarion"); strings.Contains(out, "Northern Wren") || !strings.Contains(out, "s") {
		t.Errorf("--outlet evening-clarion:\n%s", out)
	}
	// search
	if out := mustRun(t, "search", "--db", db, "galley"); !strings.Contains(out, "galley") {
		t.Errorf("search galley:\n%s", out)
	}
	if out := mustRun(t, "search", "--db", db, `"unbalanced AND (`); strings.Contains(out, "SQL") {
		t.Errorf("a malformed query leaked an SQL error: %s", out)
	}
	// export
	lines := strings.Split(strings.TrimSpace(mustRun(t, "export", "articles", "--db", db)), "\n")
	if len(lines) != 7 {
		t.Fatalf("export articles: %d lines, want 7", len(lines))
	}
	var first map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"url", "title", "maintext", "source_domain", "language", "id", "story", "entities", "quotes", "sentences", "signals"} {
		if _, ok := first[k]; !ok {
			t.Errorf("exported article lacks %q", k)
		}
	}
	if csv := mustRun(t, "export", "articles", "--db", db, "--format", "csv"); strings.Count(csv, "\n") < 8 {
		t.Errorf("export csv too short:\n%s", csv)
	}
	// reanalyze: every article again, every story recompared, the same stories
	if _, errs, code := run(t, "reanalyze", "--db", db); code != 0 || !strings.Contains(errs, "reanalysed 7 articles, recompared 2 stories") {
		t.Errorf("reanalyze: exit %d: %s", code, errs)
	}
	stories := strings.Split(strings.TrimSpace(mustRun(t, "export", "stories", "--db", db)), "\n")
	if len(stories) != 2 || !strings.Contains(stories[0]+stories[1], `"conflicts"`) {
		t.Errorf("export stories: %d lines", len(stories))
	}
	checkIntegrity(t, db)
}

func checkIntegrity(t *testing.T, path string) {
	t.Helper()
	if postgres.IsURL(path) {
		return
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Errorf("integrity_check = %q, %v", res, err)
	}
}

// web is a small news site: pages, a feed answering conditional requests,
// robots.txt, redirects.
type web struct {
	*httptest.Server
	feedHits, notModified atomic.Int32
	lastIfNoneMatch       atomic.Value
}

const pageTmpl = `<!doctype html><html lang="en"><head><title>%s</title>
<meta property="og:site_name" content="%s"><link rel="canonical" href="%s"></head>
<body><nav>Home | World | Sport</nav><article><h1>%s</h1>%s</article><footer>© Example</footer></body></html>`

func para(ps ...string) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("<p>" + p + "</p>\n")
	}
	return b.String()
}

func newWeb(t *testing.T) *web {
	w := &web{}
	mux := http.NewServeMux()
	// each page names its outlet's own address as canonical, as news sites do
	page := func(path, site, title string, ps ...string) {
		canonical := "https://" + strings.ToLower(strings.ReplaceAll(site, " ", "-")) + ".example" + path
		mux.HandleFunc(path, func(rw http.ResponseWriter, r *http.Request) {
			rw.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(rw, pageTmpl, title, site, canonical, title, para(ps...))
		})
	}
	page("/news/quarry-blast.html", "Valley Times", "Blast at Orrin quarry injures nine workers",
		"An explosion at the Orrin quarry injured nine workers on Monday, the Orrin Mining Company said.",
		"Site manager Lena Okoro said the blast happened during routine work. \"We have stopped all blasting until we know what went wrong,\" Okoro said.",
		"The Regional Safety Office has opened an investigation into the explosion at the quarry.")
	page("/news/quarry-blast-2.html", "Northern Post", "Nine hurt in Orrin quarry explosion",
		"Nine workers were injured when an explosion tore through the Orrin quarry on Monday.",
		"\"We have stopped all blasting until we know what went wrong,\" said Lena Okoro, the site manager.",
		"Investigators from the Regional Safety Office arrived at the Orrin quarry on Tuesday.")
	page("/private/secret.html", "Valley Times", "Not for robots", "This page is disallowed by robots.txt and must not be fetched.")
	mux.HandleFunc("/robots.txt", func(rw http.ResponseWriter, r *http.Request) {
		fmt.Fprint(rw, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/old-link", func(rw http.ResponseWriter, r *http.Request) {
		http.Redirect(rw, r, "/news/quarry-blast.html", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/feed.xml", func(rw http.ResponseWriter, r *http.Request) {
		w.feedHits.Add(1)
		w.lastIfNoneMatch.Store(r.Header.Get("If-None-Match"))
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.notModified.Add(1)
			rw.WriteHeader(http.StatusNotModified)
			return
		}
		rw.Header().Set("Content-Type", "application/rss+xml")
		rw.Header().Set("ETag", `"v1"`)
		fmt.Fprintf(rw, `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Times</title><link>%[1]s/</link>
<item><title>Blast at Orrin quarry injures nine workers</title><link>%[1]s/news/quarry-blast.html</link><description>An explosion at the Orrin quarry...</description><pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate></item>
<item><title>Nine hurt in Orrin quarry explosion</title><link>%[1]s/news/quarry-blast-2.html</link><description>Nine workers were injured...</description><pubDate>Mon, 02 Mar 2026 12:00:00 GMT</pubDate></item>
</channel></rss>`, w.URL)
	})
	w.Server = httptest.NewServer(mux)
	t.Cleanup(w.Close)
	return w
}

func TestLibraryWeb(t *testing.T) { backends(t, testLibraryWeb) }

func testLibraryWeb(t *testing.T, db string) {
	w := newWeb(t)
	// a loopback address is refused unless allowed
	_, errs, code := run(t, "ingest", "--db", db, "--no-progress", w.URL+"/news/quarry-blast.html")
	if code == 0 || !strings.Contains(errs, "private") {
		t.Errorf("fetching from 127.0.0.1 without --allow-private: exit %d, %q", code, errs)
	}
	// a page, through a redirect
	_, errs, code = run(t, "ingest", "--db", db, "--no-progress", "--allow-private", w.URL+"/old-link")
	if code != 0 || !strings.Contains(errs, "ingested 1 new article") {
		t.Fatalf("ingest page via redirect: exit %d, %s", code, errs)
	}
	// robots.txt is honoured
	_, errs, code = run(t, "ingest", "--db", db, "--no-progress", "--allow-private", w.URL+"/private/secret.html")
	if code == 0 || !strings.Contains(strings.ToLower(errs), "robots") {
		t.Errorf("robots-disallowed page: exit %d, %q", code, errs)
	}
	// a feed: its items' pages; the one already stored is not added again
	_, errs, code = run(t, "ingest", "--db", db, "--no-progress", "--allow-private", w.URL+"/feed.xml")
	if code != 0 || !strings.Contains(errs, "ingested 1 new article (1 article already") {
		t.Fatalf("ingest feed: exit %d, %s", code, errs)
	}
	rep := decode(t, mustRun(t, "show", "--db", db, "--format", "json", "s1"))
	if len(rep.Stories) != 1 || len(rep.Stories[0].Articles) != 2 {
		t.Fatalf("the two quarry articles should be one story: %+v", rep.Stories)
	}
	var okoro bool
	for _, sp := range rep.Stories[0].Speakers {
		okoro = okoro || sp.Name == "Lena Okoro" && len(sp.Quotes) > 0 && len(sp.Quotes[0].Outlets) == 2
	}
	if !okoro {
		t.Errorf("Lena Okoro's quote not grouped across the two outlets: %+v", rep.Stories[0].Speakers)
	}
	checkIntegrity(t, db)
}

func TestFeedsAndWatch(t *testing.T) { backends(t, testFeedsAndWatch) }

func testFeedsAndWatch(t *testing.T, db string) {
	w := newWeb(t)
	dir := t.TempDir()
	opml := filepath.Join(dir, "subs.opml")
	os.WriteFile(opml, []byte(fmt.Sprintf(`<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>
<outline text="News"><outline type="rss" text="Valley Times" xmlUrl="%s/feed.xml"/></outline>
<outline type="rss" text="bad" xmlUrl="ftp://example.invalid/feed"/></body></opml>`, w.URL)), 0o644)
	out := mustRun(t, "feeds", "import-opml", "--db", db, opml)
	if !strings.Contains(out, "imported 1 feed") {
		t.Errorf("import-opml: %s", out)
	}
	if out := mustRun(t, "feeds", "add", "--db", db, w.URL+"/feed.xml"); !strings.Contains(out, "already subscribed") {
		t.Errorf("adding a feed twice: %s", out)
	}
	if out := mustRun(t, "feeds", "list", "--db", db); !strings.Contains(out, "/feed.xml") {
		t.Errorf("feeds list: %s", out)
	}
	// first poll: both items
	out = mustRun(t, "watch", "--db", db, "--once", "--allow-private")
	if !strings.Contains(out, "2 new") {
		t.Errorf("first poll: %q", out)
	}
	// the next poll is not due yet: nothing is fetched
	hits := w.feedHits.Load()
	mustRun(t, "watch", "--db", db, "--once", "--allow-private")
	if w.feedHits.Load() != hits {
		t.Errorf("a feed polled before it was due")
	}
	// once due, the conditional GET gets a 304
	m := NewMain(&bytes.Buffer{}, &bytes.Buffer{})
	var outb bytes.Buffer
	m.Stdout = &outb
	wc := &WatchCommand{Main: m, Now: func() time.Time { return time.Now().Add(time.Hour) }}
	if err := wc.Run(context.Background(), []string{"--db", db, "--once", "--allow-private"}); err != nil {
		t.Fatal(err)
	}
	if w.notModified.Load() != 1 || !strings.Contains(outb.String(), "not modified") {
		t.Errorf("conditional GET: %d 304s, output %q, If-None-Match %v", w.notModified.Load(), outb.String(), w.lastIfNoneMatch.Load())
	}
	// export and remove
	if out := mustRun(t, "feeds", "export-opml", "--db", db); !strings.Contains(out, "xmlUrl") || !strings.Contains(out, "/feed.xml") {
		t.Errorf("export-opml: %s", out)
	}
	mustRun(t, "feeds", "remove", "--db", db, w.URL+"/feed.xml")
	if out := mustRun(t, "feeds", "list", "--db", db); strings.Contains(out, "/feed.xml") {
		t.Errorf("feed still listed after remove: %s", out)
	}
	if out := mustRun(t, "stories", "--db", db); !strings.Contains(out, "quarry") {
		t.Errorf("articles ingested by watch are gone after the feed was removed: %s", out)
	}
}

// writeWARC writes response records, one gzip member each, and one record
// whose Content-Length lies.
func writeWARC(t *testing.T, path string, pages map[string]string, corrupt bool) {
	t.Helper()
	var buf bytes.Buffer
	n := 0
	rec := func(uri, html string, lie bool) {
		n++
		body := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
		length := len(body)
		if lie {
			length += 5000
		}
		head := fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2026-03-02T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n", uri, n, length)
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(head + body + "\r\n\r\n"))
		zw.Close()
	}
	for uri, html := range pages {
		rec(uri, html, false)
	}
	if corrupt {
		rec("https://broken.example/x", "<html><body><p>cut short</p></body></html>", true)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIngestWARC(t *testing.T) {
	dir := t.TempDir()
	warc := filepath.Join(dir, "crawl.warc.gz")
	writeWARC(t, warc, map[string]string{
		"https://valley-times.example/quarry": fmt.Sprintf(pageTmpl, "Blast at Orrin quarry", "Valley Times", "https://valley-times.example/quarry", "Blast at Orrin quarry injures nine",
			para("An explosion at the Orrin quarry injured nine workers on Monday, the Orrin Mining Company said.", "Site manager Lena Okoro said all blasting had stopped.")),
		"https://northern-post.example/quarry": fmt.Sprintf(pageTmpl, "Nine hurt at Orrin quarry", "Northern Post", "https://northern-post.example/quarry", "Nine hurt in Orrin quarry explosion",
			para("Nine workers were injured when an explosion tore through the Orrin quarry on Monday.", "Lena Okoro, the site manager, said all blasting had stopped.")),
	}, true)
	db := libDB(t)
	_, errs, code := run(t, "ingest", "--db", db, "--no-progress", warc)
	if !strings.Contains(errs, "ingested 2 new articles") {
		t.Errorf("WARC ingest: %s", errs)
	}
	if code == 0 || !strings.Contains(errs, "record") {
		t.Errorf("the corrupt record should be reported with where it came from; exit %d: %s", code, errs)
	}
	out := mustRun(t, "stories", "--db", db, "--format", "json")
	if !strings.Contains(out, `"articles": 2`) {
		t.Errorf("the two quarry pages should form one story: %s", out)
	}
	var raw []byte
	sqldb, _ := sql.Open("sqlite", db)
	defer sqldb.Close()
	if err := sqldb.QueryRow("SELECT raw FROM articles LIMIT 1").Scan(&raw); err != nil || !bytes.Contains(raw, []byte("<article>")) {
		t.Errorf("the raw page is not kept: %v %q", err, raw)
	}
}

// TestCrashSafety kills an ingest midway, then checks that the database is
// sound and that every article it had committed is intact.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the crash test in -short mode")
	}
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	arts := synth.Corpus(synth.Options{Articles: 3000, Seed: 3})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	byURL := map[string]string{}
	for _, a := range arts {
		enc.Encode(map[string]string{"url": a.URL, "title": a.Title, "maintext": a.Text, "language": "en",
			"date_publish": a.Published.Format("2006-01-02 15:04:05")})
		byURL[a.URL] = a.Text
	}
	os.WriteFile(corpus, buf.Bytes(), 0o644)
	db := filepath.Join(dir, "crash.db")

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperIngest$")
	cmd.Env = append(os.Environ(), "PARALLAX_HELPER_INGEST=1", "PARALLAX_DB="+db, "PARALLAX_HELPER_INPUT="+corpus)
	cmd.Stderr, cmd.Stdout = &bytes.Buffer{}, &bytes.Buffer{}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// wait until a few hundred articles are committed, then kill -9
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if countArticles(db) >= 300 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	n := countArticles(db)
	if n < 300 || n >= len(arts) {
		t.Fatalf("killed with %d articles stored; the test wants a kill midway (stderr: %s)", n, cmd.Stderr)
	}
	checkIntegrity(t, db)
	sqldb, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := sqldb.Query("SELECT url, text FROM articles")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for rows.Next() {
		var url, text string
		if err := rows.Scan(&url, &text); err != nil {
			t.Fatal(err)
		}
		if byURL[url] != text {
			t.Errorf("article %s damaged", url)
		}
		checked++
	}
	rows.Close()
	sqldb.Close()
	t.Logf("killed after %d of %d articles; all %d intact", n, len(arts), checked)
	// the library opens and a new run picks up where the last one stopped
	_, errs, code := run(t, "ingest", "--db", db, "--no-progress", corpus)
	if code != 0 || !strings.Contains(errs, fmt.Sprintf("ingested %d new articles", len(arts)-n)) {
		t.Errorf("resuming: exit %d: %s", code, errs)
	}
	checkIntegrity(t, db)
}

func countArticles(path string) int {
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	db, err := sql.Open("sqlite", path+"?mode=ro")
	if err != nil {
		return 0
	}
	defer db.Close()
	var n int
	db.QueryRow("SELECT count(*) FROM articles").Scan(&n)
	return n
}

// TestHelperIngest is the child process of TestCrashSafety.
func TestHelperIngest(t *testing.T) {
	if os.Getenv("PARALLAX_HELPER_INGEST") != "1" {
		t.Skip("helper process for TestCrashSafety")
	}
	m := NewMain(os.Stdout, os.Stderr)
	m.Run(context.Background(), []string{"ingest", "--no-progress", os.Getenv("PARALLAX_HELPER_INPUT")})
}

// TestWatchStops: a signal during the wait between polls ends watch
// cleanly, with what it ingested kept.
func TestWatchStops(t *testing.T) {
	w := newWeb(t)
	db := libDB(t)
	mustRun(t, "feeds", "add", "--db", db, w.URL+"/feed.xml")
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb bytes.Buffer
	m := NewMain(&out, &errb)
	slept := 0
	wc := &WatchCommand{Main: m, Sleep: func(ctx context.Context, d time.Duration) error {
		slept++
		cancel() // SIGINT arrives while watch waits for the next poll
		<-ctx.Done()
		return ctx.Err()
	}}
	done := make(chan error, 1)
	go func() { done <- wc.Run(ctx, []string{"--db", db, "--allow-private", "--interval", "1m"}) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("watch returned %v after a stop signal", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("watch did not stop")
	}
	if slept != 1 || !strings.Contains(errb.String(), "stopped") {
		t.Errorf("slept %d times; stderr %q", slept, errb.String())
	}
	if out := mustRun(t, "stories", "--db", db); !strings.Contains(out, "quarry") {
		t.Errorf("what watch ingested before the signal is gone:\n%s", out)
	}
	checkIntegrity(t, db)
}

// TestStoriesNotCompared: a story placed but stopped before its
// comparison is listed as waiting for one, not as an empty row.
func TestStoriesNotCompared(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lib.db")
	ctx := context.Background()
	st, err := openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateStory(ctx); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if out := mustRun(t, "stories", "--db", db); !strings.Contains(out, "not compared yet") {
		t.Errorf("stories:\n%s", out)
	}
}
