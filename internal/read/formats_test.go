package read

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
)

// Feeds are found by extension or by content, whatever they are called.
func TestFeedFiles(t *testing.T) {
	dir := write(t, map[string]string{
		"a.rss":       rssFeed,
		"b.xml":       rssFeed,
		"c.atom":      atomFeed,
		"d":           atomFeed,
		"e.json":      jsonFeed,
		"f.feed":      strings.ReplaceAll(jsonFeed, "\n", ""),
		"g.xml":       "<?xml version=\"1.0\"?>\n<!-- a comment -->\n<!DOCTYPE rss>\n<rss version=\"2.0\"><channel><item><title>T</title><description>Body.</description></item></channel></rss>",
		"h.json":      `[{"url":"https://a.example/1","maintext":"Still a JSON array of records."}]`,
		"subs.opml":   `<opml version="2.0"><body><outline xmlUrl="https://a.example/feed"/></body></opml>`,
		"subs-no-ext": `<?xml version="1.0"?><opml version="1.0"><body/></opml>`,
	})
	arts, errs := Inputs(context.Background(), []string{dir}, Options{})
	count := map[string]int{}
	for _, a := range arts {
		checkArticle(t, a)
		if a.URL != "" {
			count[a.Outlet]++
		} else {
			count[filepath.Base(strings.Split(a.Source, ":")[0])]++
		}
	}
	want := map[string]int{"harbourherald.example": 4, "a.rss": 1, "b.xml": 1, "lagaceta.example": 2, "valleynews.example": 2, "a.example": 1, "g.xml": 1}
	if fmt.Sprint(count) != fmt.Sprint(want) {
		t.Errorf("articles by outlet = %v, want %v", count, want)
	}
	if len(errs) != 8 {
		t.Fatalf("errors = %v", errs)
	}
	// Three broken items in each of a.rss and b.xml, then the OPML files.
	checkError(t, errs[6], parallax.EINVALID, fmt.Sprintf(`read %q: an OPML file lists feeds, not articles; subscribe to them with "parallax feeds import-opml %s"`, filepath.Join(dir, "subs-no-ext"), filepath.Join(dir, "subs-no-ext")))
	checkError(t, errs[7], parallax.EINVALID, "subs.opml\": an OPML file lists feeds")
}

// WARC files are read by extension or by content, and streamed whatever
// their size.
func TestWARCFiles(t *testing.T) {
	recs, want := mixedRecords()
	var plain, perRecord bytes.Buffer
	for _, r := range recs {
		b := r.bytes()
		plain.Write(b)
		perRecord.Write(gzipBytes(t, b))
	}
	dir := write(t, map[string]string{
		"a.warc":        plain.String(),
		"b.warc.gz":     perRecord.String(),
		"c-no-ext":      plain.String(),
		"d-gz-no-ext":   perRecord.String(),
		"e.WARC.GZ":     string(gzipBytes(t, plain.Bytes())),
		"f.tar.gz":      string(gzipBytes(t, []byte("not a warc"))),
		"g-not-warc.gz": string(gzipBytes(t, []byte("WARX/1.0"))),
	})
	opt := Options{MaxFileSize: 2500} // each page fits, no file does
	if plain.Len() <= 2500 || perRecord.Len() <= 2500 {
		t.Fatalf("fixture too small: %d, %d bytes", plain.Len(), perRecord.Len())
	}
	arts, errs := Inputs(context.Background(), []string{dir}, opt)
	if len(arts) != 5*len(want) {
		t.Errorf("%d articles, want %d", len(arts), 5*len(want))
	}
	for _, a := range arts {
		checkArticle(t, a)
	}
	if len(errs) != 2 {
		t.Fatalf("errors = %v", errs)
	}
	checkError(t, errs[0], parallax.EINVALID, `f.tar.gz": file looks binary`)
	checkError(t, errs[1], parallax.EINVALID, `g-not-warc.gz": file looks binary`)

	// A file too big for one article that is not WARC is still refused.
	path := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(path, bytes.Repeat([]byte("x"), 4000), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs = Inputs(context.Background(), []string{path}, opt)
	if len(errs) != 1 {
		t.Fatalf("errors = %v", errs)
	}
	checkError(t, errs[0], parallax.ETOOLARGE, "big.txt\": file is 3 KB, over the 2 KB limit")
}

func TestSniff(t *testing.T) {
	recs, _ := mixedRecords()
	warc := recs[2].bytes()
	for _, tt := range []struct {
		name string
		head []byte
		want int
	}{
		{"rss", []byte(rssFeed), fmtFeed},
		{"rss after prolog", []byte("\ufeff<?xml version='1.0'?>\n<?xml-stylesheet href='s.xsl'?>\n<!-- c -->\n<!DOCTYPE rss>\n<rss>"), fmtFeed},
		{"rdf", []byte(`<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">`), fmtFeed},
		{"atom", []byte(atomFeed), fmtFeed},
		{"json feed", []byte(jsonFeed), fmtFeed},
		{"json feed on one line", []byte(`{"title":"x","version": "https://jsonfeed.org/version/1","items":[]}`), fmtFeed},
		{"jsonl mentioning jsonfeed", []byte(`{"maintext":"see https://jsonfeed.org/version/1"}` + "\n"), fmtJSONL},
		{"opml", []byte(`<?xml version="1.0"?><opml version="2.0">`), fmtOPML},
		{"html", []byte(page), fmtHTML},
		{"xhtml with prolog", []byte(`<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">`), fmtHTML},
		{"warc", warc, fmtWARC},
		{"warc after blank line", append([]byte("\r\n"), warc...), fmtWARC},
		{"gzipped warc", gzipBytes(t, warc), fmtWARC},
		{"gzipped warc, head only", gzipBytes(t, warc)[:300], fmtWARC},
		{"gzipped text", gzipBytes(t, []byte("hello")), fmtText},
		{"text", []byte("Headline\nBody."), fmtText},
		{"unknown xml", []byte(`<?xml version="1.0"?><urlset>`), fmtText},
	} {
		if got := sniff(tt.head); got != tt.want {
			t.Errorf("%s: sniff = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestOPMLHint(t *testing.T) {
	for name, want := range map[string]string{
		"subs.opml":          `"parallax feeds import-opml subs.opml"`,
		"My Feeds/subs.opml": `"parallax feeds import-opml 'My Feeds/subs.opml'"`,
		"it's.opml":          `"parallax feeds import-opml 'it'\''s.opml'"`,
	} {
		checkError(t, opmlError(name), parallax.EINVALID, want)
	}
}
