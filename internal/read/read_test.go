package read

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax"
)

// write creates the files of a fixture tree under a temporary directory
// and returns it.
func write(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const ferryText = `Ferry Operator Cancels Night Sailings
Posted on 12/03/2025 at 09:15
The operator of the Port Ellis ferry cancelled all night sailings on Tuesday, citing a shortage of crew.
Passengers were offered refunds or seats on the morning boats.
`

const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Storm closes the coast road</title>
<link rel="canonical" href="https://www.harbourherald.example/news/storm-closes-road">
<meta property="og:site_name" content="The Harbour Herald">
<meta property="article:published_time" content="2025-02-03T08:00:00Z">
</head><body><article><h1>Storm closes the coast road</h1>
<p>The coast road between Port Ellis and Grey Point was closed on Monday after waves threw stones and seaweed across both lanes, the county council said.</p>
<p>Engineers will inspect the sea wall once the wind drops. A diversion through the hills adds about forty minutes to the journey, and buses will follow it until further notice.</p>
<p>Residents of the headland said it was the third closure this winter, and asked when the promised repairs to the wall would begin.</p>
</article></body></html>`

func jsonl(recs ...string) string { return strings.Join(recs, "\n") + "\n" }

func TestInputsDirectory(t *testing.T) {
	dir := write(t, map[string]string{
		"a_ferry.txt":      ferryText,
		"b_storm.html":     page,
		"c_wire.jsonl":     jsonl(`{"url":"https://www.riverpost.example/x","title":"Bridge reopens","maintext":"Bridge reopens\nThe bridge reopened on Friday.","date_publish":"2025-02-07 10:00:00","source_domain":"riverpost.example","language":"en"}`, `{"url": broken`, `{"url":"https://m.valleynews.example/y","title":"Empty","maintext":"  "}`, `{"title":"No URL","text":"Text from another exporter.","published":"2025-02-08"}`),
		"d/e_notes.md":     "# Council notes\n\nThe council met and agreed nothing.\n",
		".hidden.txt":      "should be skipped\nreally",
		".git/config":      "[core]\n",
		"f_empty.txt":      "",
		"g_binary.dat":     "\x00\x01\x02\x03PNG\x00\x00",
		"h_latin1.txt":     "Caf\xe9 reopens\nThe caf\xe9 on the quay reopened.\n",
		"i_blank_line.txt": "\n\n   \n",
	})
	arts, errs := Inputs(context.Background(), []string{dir}, Options{})

	type got struct{ id, source, outlet, title, pub string }
	var gotArts []got
	for _, a := range arts {
		gotArts = append(gotArts, got{a.ID, strings.TrimPrefix(a.Source, dir+"/"), a.Outlet, a.Title, a.PublishedDate()})
		if a.TitleSpan.Len() > 0 && a.TitleSpan.Of(a.Text) != a.Title {
			t.Errorf("%s: TitleSpan %v covers %q, want %q", a.ID, a.TitleSpan, a.TitleSpan.Of(a.Text), a.Title)
		}
	}
	want := []got{
		{"a1", "a_ferry.txt", "a_ferry", "Ferry Operator Cancels Night Sailings", "2025-03-12"},
		{"a2", "b_storm.html", "harbourherald.example", "Storm closes the coast road", "2025-02-03"},
		{"a3", "https://www.riverpost.example/x", "riverpost.example", "Bridge reopens", "2025-02-07"},
		{"a4", "c_wire.jsonl:4", "c_wire", "No URL", "2025-02-08"},
		{"a5", "d/e_notes.md", "e_notes", "Council notes", ""},
		{"a6", "h_latin1.txt", "h_latin1", "Caf\uFFFD reopens", ""},
	}
	if fmt.Sprint(gotArts) != fmt.Sprint(want) {
		t.Errorf("articles:\n got %v\nwant %v", gotArts, want)
	}

	wantErrs := []string{
		`c_wire.jsonl:2: invalid JSON: `,
		`c_wire.jsonl:3: record has no text`,
		`f_empty.txt": file is empty`,
		`g_binary.dat": file looks binary`,
		`i_blank_line.txt": file is empty`,
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors = %q, want %d", errs, len(wantErrs))
	}
	for i, w := range wantErrs {
		checkError(t, errs[i], parallax.EINVALID, w)
	}
}

// checkError checks that err is a one-line *parallax.Error with code and a
// message holding want.
func checkError(t *testing.T, err error, code, want string) {
	t.Helper()
	var pe *parallax.Error
	if !errors.As(err, &pe) {
		t.Errorf("error %v (%T) is not a *parallax.Error", err, err)
		return
	}
	if pe.Code != code {
		t.Errorf("error %q has code %q, want %q", pe.Message, pe.Code, code)
	}
	if !strings.Contains(pe.Message, want) {
		t.Errorf("error %q does not contain %q", pe.Message, want)
	}
	if strings.Contains(pe.Message, "\n") {
		t.Errorf("error %q spans lines", pe.Message)
	}
}

func TestInputsOrderAndBadInputs(t *testing.T) {
	dir := write(t, map[string]string{"one.txt": "One\nFirst text.", "two.txt": "Two\nSecond text."})
	one, two := filepath.Join(dir, "one.txt"), filepath.Join(dir, "two.txt")
	missing := filepath.Join(dir, "missing.txt")
	arts, errs := Inputs(context.Background(), []string{two, missing, "https://news.example/a", one}, Options{})
	if len(arts) != 2 || arts[0].Source != two || arts[0].ID != "a1" || arts[1].Source != one || arts[1].ID != "a2" {
		t.Fatalf("articles = %+v", arts)
	}
	if len(errs) != 2 {
		t.Fatalf("errors = %v", errs)
	}
	checkError(t, errs[0], parallax.EINVALID, fmt.Sprintf("read %q: no such file or directory", missing))
	checkError(t, errs[1], parallax.EINVALID, `read "https://news.example/a": fetching URLs is not supported`)
}

func TestSourceExactlyAsGiven(t *testing.T) {
	dir := write(t, map[string]string{"x.txt": "Title\nBody."})
	t.Chdir(dir)
	for _, in := range []string{"x.txt", "./x.txt", "../" + filepath.Base(dir) + "/x.txt"} {
		arts, errs := Inputs(context.Background(), []string{in}, Options{})
		if len(errs) > 0 || len(arts) != 1 || arts[0].Source != in || arts[0].Outlet != "x" {
			t.Errorf("Inputs(%q) = %+v, %v", in, arts, errs)
		}
	}
}

func TestTooLarge(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil { // sparse: no 50 MB written
		t.Fatal(err)
	}
	f.Close()

	start := time.Now()
	arts, errs := Inputs(context.Background(), []string{big}, Options{})
	if d := time.Since(start); d > time.Second {
		t.Errorf("refusing a 50 MB file took %v; it must not be read", d)
	}
	if len(arts) != 0 || len(errs) != 1 {
		t.Fatalf("got %v, %v", arts, errs)
	}
	checkError(t, errs[0], parallax.ETOOLARGE, `big.txt": file is 50 MB, over the 10 MB limit`)

	// The limit is configurable, and applies to HTML too.
	small := write(t, map[string]string{"p.html": page, "n.txt": ferryText})
	_, errs = Inputs(context.Background(), []string{small}, Options{MaxFileSize: 100})
	if len(errs) != 2 {
		t.Fatalf("errors = %v", errs)
	}
	checkError(t, errs[0], parallax.ETOOLARGE, "over the 100 bytes limit")
}

// JSON Lines files are streamed: the single-file cap does not apply to
// them, only the per-line limit.
func TestJSONLinesStreamed(t *testing.T) {
	var b strings.Builder
	filler := strings.Repeat("The harbour was quiet. ", 400) // ~9 KB a record
	for i := range 1300 {
		fmt.Fprintf(&b, `{"url":"https://news.example/%d","title":"Item %d","maintext":%q}`+"\n", i, i, filler)
	}
	dir := write(t, map[string]string{"big.jsonl": b.String(), "big-no-ext": b.String()})
	if b.Len() <= DefaultMaxFileSize {
		t.Fatalf("fixture is %d bytes, want more than the single-file limit", b.Len())
	}
	arts, errs := Inputs(context.Background(), []string{filepath.Join(dir, "big.jsonl"), filepath.Join(dir, "big-no-ext")}, Options{})
	if len(errs) != 0 || len(arts) != 2600 {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	if arts[2599].ID != "a2600" || arts[1299].Source != "https://news.example/1299" {
		t.Errorf("last = %s %s", arts[2599].ID, arts[1299].Source)
	}
}

func TestJSONLinesLongLine(t *testing.T) {
	dir := write(t, map[string]string{"w.jsonl": jsonl(
		`{"url":"https://a.example/1","maintext":"First."}`,
		`{"url":"https://a.example/2","maintext":"`+strings.Repeat("x", 5000)+`"}`,
		`{"url":"https://a.example/3","maintext":"Third."}`,
	)})
	arts, errs := Inputs(context.Background(), []string{filepath.Join(dir, "w.jsonl")}, Options{MaxLineSize: 1000})
	if len(arts) != 2 || arts[1].Source != "https://a.example/3" {
		t.Fatalf("articles = %v", arts)
	}
	if len(errs) != 1 {
		t.Fatalf("errors = %v", errs)
	}
	checkError(t, errs[0], parallax.ETOOLARGE, "w.jsonl:2: line longer than the 1000 bytes limit")
}

func TestJSONLinesRecords(t *testing.T) {
	dir := write(t, map[string]string{"r.jsonl": jsonl(
		// news-please, title repeated after a blank line at the top of maintext
		`{"url":"https://nz.news.yahoo.com/a","title":"Vote counted","maintext":"\nVote counted\n\nThe count ended at dawn.","date_publish":"2024-07-05","source_domain":"nz.news.yahoo.com","language":"en-NZ","authors":["Ana Ruiz","Ben Cole"]}`,
		// another exporter's names, no source_domain, www. host
		`{"url":"https://www.lagaceta.example/b","title":"Llega el ferry","content":"El ferry llegó ayer a puerto.","pubDate":"Mon, 14 Apr 2025 10:30:00 GMT","author":"Redacción"}`,
		// no date field: the dateline in the text gives it
		`{"url":"https://amp.coastnews.example/c","body":"Headline\nPublicado el 14 de abril de 2025\nEl texto.","date_publish":null,"language":null}`,
		// wrong types cost only their fields
		`{"url":"https://d.example/d","title":42,"maintext":"Some text.","date":["x"],"language":7}`,
		`[1,2,3]`,
		``,
		`"just a string"`,
		`{"url":"https://e.example/e","maintext":"Caf\u00e9 \ud800 lone surrogate"}`,
	)})
	arts, errs := Inputs(context.Background(), []string{filepath.Join(dir, "r.jsonl")}, Options{})
	if len(arts) != 5 {
		t.Fatalf("got %d articles: %+v", len(arts), arts)
	}
	a := arts[0]
	if a.Outlet != "yahoo.com" || a.Language != "en" || a.Author != "Ana Ruiz, Ben Cole" || a.PublishedDate() != "2024-07-05" {
		t.Errorf("news-please record = %+v", a)
	}
	if a.TitleSpan.Of(a.Text) != "Vote counted" || a.TitleSpan.Start != 1 || a.Text != "\nVote counted\n\nThe count ended at dawn." {
		t.Errorf("title span %v in %q", a.TitleSpan, a.Text)
	}
	if a := arts[1]; a.Outlet != "lagaceta.example" || a.Text != "El ferry llegó ayer a puerto." || a.PublishedDate() != "2025-04-14" || a.Author != "Redacción" || a.TitleSpan.Len() != 0 {
		t.Errorf("second record = %+v", a)
	}
	if a := arts[2]; a.Outlet != "coastnews.example" || a.PublishedDate() != "2025-04-14" || a.PublishedEvidence.Of(a.Text) != "Publicado el 14 de abril de 2025" || a.Language != "" {
		t.Errorf("third record = %+v", a)
	}
	if a := arts[3]; a.Title != "" || a.Language != "" || !a.Published.IsZero() || a.Text != "Some text." {
		t.Errorf("fourth record = %+v", a)
	}
	if a := arts[4]; a.Text != "Café \uFFFD lone surrogate" {
		t.Errorf("fifth text = %q", a.Text)
	}
	if len(errs) != 2 {
		t.Fatalf("errors = %v", errs)
	}
	checkError(t, errs[0], parallax.EINVALID, "r.jsonl:5: invalid JSON: a record must be an object")
	checkError(t, errs[1], parallax.EINVALID, "r.jsonl:7: invalid JSON")
}

func TestJSONArray(t *testing.T) {
	dir := write(t, map[string]string{
		"arr.json":   `[{"url":"https://a.example/1","maintext":"One."}, {"maintext":""}, {"url":"https://a.example/3","maintext":"Three."}]`,
		"lines.json": jsonl(`{"url":"https://a.example/4","maintext":"Four."}`) + "{\n  \"url\": \"https://a.example/6\",\n  \"maintext\": \"Six.\"\n}\n",
		"bad.json":   `[{"url":"https://a.example/5","maintext":"Five."}, {"url": oops}]`,
	})
	arts, errs := Inputs(context.Background(), []string{dir}, Options{})
	var srcs []string
	for _, a := range arts {
		srcs = append(srcs, a.Source)
	}
	if fmt.Sprint(srcs) != "[https://a.example/1 https://a.example/3 https://a.example/5 https://a.example/4 https://a.example/6]" {
		t.Errorf("sources = %v", srcs)
	}
	if len(errs) != 2 {
		t.Fatalf("errors = %v", errs)
	}
	checkError(t, errs[0], parallax.EINVALID, "arr.json:2: record has no text")
	checkError(t, errs[1], parallax.EINVALID, "bad.json:2: invalid JSON")
}

func TestSniffed(t *testing.T) {
	dir := write(t, map[string]string{
		"page":    "\n  " + page,
		"records": jsonl(`{"url":"https://a.example/1","maintext":"One."}`),
		"notes":   "Plain notes\nwith a body.",
	})
	arts, errs := Inputs(context.Background(), []string{dir}, Options{})
	if len(errs) != 0 || len(arts) != 3 {
		t.Fatalf("got %v, %v", arts, errs)
	}
	if arts[1].Outlet != "harbourherald.example" || arts[2].Source != "https://a.example/1" || arts[0].Title != "Plain notes" {
		t.Errorf("sniffed = %+v / %+v / %+v", arts[0], arts[1], arts[2])
	}
}

func TestHTMLArticle(t *testing.T) {
	a, err := HTML("s.html", []byte(page), nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.URL != "https://www.harbourherald.example/news/storm-closes-road" || a.Outlet != "harbourherald.example" ||
		a.Language != "en" || !strings.HasPrefix(a.Text, "Storm closes the coast road\n") || a.TitleSpan.Of(a.Text) != a.Title {
		t.Errorf("article = %+v", a)
	}
	// No canonical URL: the site name; neither: the file stem. A title the
	// text lacks is put in front of it, and a dateline span moves with it.
	noURL := strings.Replace(page, `<link rel="canonical" href="https://www.harbourherald.example/news/storm-closes-road">`, "", 1)
	noURL = strings.Replace(noURL, `<h1>Storm closes the coast road</h1>`, `<p>Posted on 03/02/2025</p>`, 1)
	noURL = strings.Replace(noURL, `<meta property="article:published_time" content="2025-02-03T08:00:00Z">`, "", 1)
	a, err = HTML("dir/s2.html", []byte(noURL), nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Outlet != "The Harbour Herald" || a.TitleSpan.Of(a.Text) != "Storm closes the coast road" || a.PublishedEvidence.Of(a.Text) != "Posted on 03/02/2025" {
		t.Errorf("article = %+v, evidence %q", a, a.PublishedEvidence.Of(a.Text))
	}
	bare := strings.Replace(noURL, `<meta property="og:site_name" content="The Harbour Herald">`, "", 1)
	if a, err = HTML("dir/s3.html", []byte(bare), nil); err != nil || a.Outlet != "s3" {
		t.Errorf("article = %+v, %v", a, err)
	}
	_, err = HTML("nav.html", []byte("<html><body><nav>Home</nav></body></html>"), nil)
	checkError(t, err, parallax.EINVALID, `read "nav.html": no article text found in the page`)
}

func TestHeadline(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Headline here\nBody text.", "Headline here"},
		{"A sentence that ends.\nMore.", ""},
		{"Only one line", ""},
		{"Title then nothing\n\n  \n", ""},
		{"# Markdown title\n\nBody", "Markdown title"},
		{"## \n\nBody", ""},
		{"\n\n  Leading blank  \nBody", "Leading blank"},
		{"Title\r\nBody", "Title"},
		{"“Change begins now,” Starmer says\nBody.", "“Change begins now,” Starmer says"},
		{"He said “yes.”\nBody.", ""},
		{"Is this a question?\nBody.", "Is this a question?"},
		{strings.Repeat("word ", 50) + "\nBody.", ""},
		{"Ends with colon:\nBody.", ""},
	}
	for _, tt := range tests {
		sp, ok := headline(tt.text)
		got := ""
		if ok {
			got = tt.text[sp.Start:sp.End]
		}
		if got != tt.want {
			t.Errorf("headline(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestTextExact(t *testing.T) {
	data := "\ufeffBridge Reopens\r\nThe bridge reopened.\r\n"
	a, err := Text("in/b.txt", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != data[3:] || a.Title != "Bridge Reopens" || a.Source != "in/b.txt" || a.Outlet != "b" || a.Language != "" {
		t.Errorf("article = %+v", a)
	}
}

func TestWalkStops(t *testing.T) {
	dir := write(t, map[string]string{"a.txt": "A\nText.", "b.txt": "B\nText."})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Walk(ctx, []string{dir}, Options{}, func(*parallax.Article, error) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("Walk with a cancelled context = %v", err)
	}
	// An error from fn inside a directory ends the walk with that error.
	bad := write(t, map[string]string{"a.txt": "", "b.txt": "B\nText."})
	n := 0
	err := Walk(context.Background(), []string{bad}, Options{}, func(_ *parallax.Article, err error) error { n++; return err })
	if parallax.ErrorCode(err) != parallax.EINVALID || n != 1 {
		t.Errorf("Walk = %v after %d calls, want the empty-file error after 1", err, n)
	}
	stop := errors.New("enough")
	n = 0
	err = Walk(context.Background(), []string{dir}, Options{}, func(*parallax.Article, error) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Walk = %v after %d calls, want %v after 1", err, n, stop)
	}
	_, errs := Inputs(context.Background(), []string{write(t, map[string]string{".only-hidden": "x"})}, Options{})
	if len(errs) != 1 {
		t.Fatalf("errors = %v", errs)
	}
	checkError(t, errs[0], parallax.EINVALID, "directory holds no files")
}

func TestRegistrableDomain(t *testing.T) {
	for host, want := range map[string]string{
		"nz.news.yahoo.com":       "yahoo.com",
		"malaysia.news.yahoo.com": "yahoo.com",
		"www.bbc.co.uk":           "bbc.co.uk",
		"eu.usatoday.com":         "usatoday.com",
		"WWW.Example.COM.":        "example.com",
		"m.clarin.com.ar:443":     "clarin.com.ar",
		"amp.theguardian.com":     "theguardian.com",
		"news.abc.net.au":         "abc.net.au",
		"example.com":             "example.com",
		"localhost":               "localhost",
		"127.0.0.1":               "127.0.0.1",
		"someone.blogspot.com":    "someone.blogspot.com",
		"":                        "",
	} {
		if got := RegistrableDomain(host); got != want {
			t.Errorf("RegistrableDomain(%q) = %q, want %q", host, got, want)
		}
	}
	for host, want := range map[string]string{"www.a.example": "a.example", "m.b.example": "b.example", "amp.c.example": "c.example", "eu.usatoday.com": "eu.usatoday.com", "www.com": "www.com"} {
		if got := Host(host); got != want {
			t.Errorf("Host(%q) = %q, want %q", host, got, want)
		}
	}
	if got := OutletFromURL("not a url"); got != "" {
		t.Errorf("OutletFromURL(not a url) = %q", got)
	}
}

func TestDirSkipsProjectDocs(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"README.md":   "# About this folder\nIt holds two articles.",
		"LICENSE":     "Copyright nobody.",
		"gazette.txt": "Bridge reopens\nThe Old Mill bridge reopened on Monday after repairs.",
		"courier.txt": "Old Mill bridge open again\nTraffic crossed the Old Mill bridge on Monday.",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arts, errs := Inputs(context.Background(), []string{dir}, Options{})
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	var got []string
	for _, a := range arts {
		got = append(got, filepath.Base(a.Source))
	}
	if strings.Join(got, ",") != "courier.txt,gazette.txt" {
		t.Errorf("read %v, want the two articles only", got)
	}
	// named on its own, a README is read like any text file
	arts, _ = Inputs(context.Background(), []string{filepath.Join(dir, "README.md")}, Options{})
	if len(arts) != 1 {
		t.Errorf("README named explicitly: %d articles, want 1", len(arts))
	}
}

func TestTextFrontMatter(t *testing.T) {
	const body = "Ferry fire at Pier 4\n\nA fire broke out aboard the ferry Marigold Star on Tuesday."
	cases := []struct {
		name, in                     string
		outlet, title, date, url, lg string
		text                         string
	}{
		{"none", body, "gazette", "Ferry fire at Pier 4", "", "", "", body},
		{"outlet and date", "---\noutlet: Harbor Gazette\ndate: 2026-03-03T10:00:00Z\nurl: https://gazette.example/fire\nlanguage: EN\n---\n" + body,
			"Harbor Gazette", "Ferry fire at Pier 4", "2026-03-03T10:00:00Z", "https://gazette.example/fire", "en", body},
		{"headline given", "---\nsource_domain: gazette.example\ntitle: \"Blaze aboard the Marigold Star\"\n---\n\n" + body,
			"gazette.example", "Blaze aboard the Marigold Star", "", "", "", body},
		{"a rule is not front matter", "---\nJust a line of text with no colon\n---\n" + body,
			"gazette", "", "", "", "", "---\nJust a line of text with no colon\n---\n" + body},
		{"never closed", "---\noutlet: X\n" + body, "gazette", "", "", "", "", "---\noutlet: X\n" + body},
	}
	for _, c := range cases {
		a, err := Text("examples/gazette.txt", []byte(c.in))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		date := ""
		if !a.Published.IsZero() {
			date = a.Published.Format(time.RFC3339)
		}
		if a.Outlet != c.outlet || (c.title != "" && a.Title != c.title) || date != c.date || a.URL != c.url || a.Language != c.lg || a.Text != c.text {
			t.Errorf("%s: outlet %q title %q date %q url %q lang %q text %.30q", c.name, a.Outlet, a.Title, date, a.URL, a.Language, a.Text)
		}
		if a.TitleSpan.Len() > 0 && a.TitleSpan.Of(a.Text) != a.Title {
			t.Errorf("%s: title span %v holds %q, not the title", c.name, a.TitleSpan, a.TitleSpan.Of(a.Text))
		}
	}
	if _, err := Text("x.txt", []byte("---\ndate: last Tuesday\n---\n"+body)); err == nil || !strings.Contains(err.Error(), "x.txt") || !strings.Contains(err.Error(), "not a date") {
		t.Errorf("a bad date: %v", err)
	}
}

func TestOutletOption(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Ferry fire\n\nA fire broke out on the ferry."), 0o644)
	arts, errs := Inputs(context.Background(), []string{dir}, Options{Outlet: "Harbor Gazette"})
	if len(errs) > 0 || len(arts) != 1 || arts[0].Outlet != "Harbor Gazette" {
		t.Errorf("--outlet: %v %+v", errs, arts)
	}
}
