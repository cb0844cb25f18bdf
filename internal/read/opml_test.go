package read

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
)

const subscriptions = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My subscriptions</title></head>
  <body>
    <outline text="News" title="News">
      <outline text="Local">
        <outline type="rss" text="The Harbour Herald" xmlUrl="https://www.harbourherald.example/feed.xml" htmlUrl="https://www.harbourherald.example/"/>
        <outline type="rss" text="Valley News (text)" title="Valley News" xmlUrl="https://valleynews.example/feed.json?format=json&amp;full=1"/>
      </outline>
      <outline type="rss" text="Wire" xmlurl="http://wire.example/rss"/>
    </outline>
    <outline type="rss" text="Top level" xmlUrl="https://top.example/atom"/>
    <outline type="rss" text="Duplicate" xmlUrl="https://top.example/atom"/>
    <outline type="rss" text="Mail" xmlUrl="mailto:someone@example.com"/>
    <outline type="link" text="Just a link" url="https://blog.example/"/>
  </body>
</opml>`

func TestParseOPML(t *testing.T) {
	feeds, skipped, err := ParseOPML("subs.opml", strings.NewReader(subscriptions))
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(feeds)
	want := fmt.Sprint([]OPMLFeed{
		{URL: "https://www.harbourherald.example/feed.xml", Title: "The Harbour Herald", Site: "https://www.harbourherald.example/", Folders: []string{"News", "Local"}},
		{URL: "https://valleynews.example/feed.json?format=json&full=1", Title: "Valley News", Folders: []string{"News", "Local"}},
		{URL: "http://wire.example/rss", Title: "Wire", Folders: []string{"News"}},
		{URL: "https://top.example/atom", Title: "Top level"},
	})
	if got != want {
		t.Errorf("feeds:\n got %s\nwant %s", got, want)
	}
	if len(skipped) != 1 {
		t.Fatalf("skipped = %v", skipped)
	}
	checkError(t, skipped[0], parallax.EINVALID, `read "subs.opml": "Mail": feed address "mailto:someone@example.com" is not an http or https URL`)
	if f := feeds[0].Feed(); f.URL != feeds[0].URL || f.Title != "The Harbour Herald" {
		t.Errorf("Feed() = %+v", f)
	}
}

func TestParseOPMLSloppy(t *testing.T) {
	// Latin-1, a bare "&" in a URL, an HTML entity, an unclosed outline.
	latin1 := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<opml><body>" +
		"<outline text=\"Caf\xe9 &eacute;dition\" xmlUrl=\"https://cafe.example/rss?a=1&b=2\">" +
		"</body></opml>"
	feeds, _, err := ParseOPML("latin1.opml", strings.NewReader(latin1))
	if err != nil {
		t.Fatal(err)
	}
	if len(feeds) != 1 || feeds[0].Title != "Café édition" || feeds[0].URL != "https://cafe.example/rss?a=1&b=2" {
		t.Errorf("feeds = %+v", feeds)
	}

	// Cut short: the feeds before the break are kept.
	cut := `<opml><body><outline xmlUrl="https://a.example/f"/><outline xmlUrl="https://b.example/f"/><outline xmlUrl="htt`
	feeds, skipped, err := ParseOPML("cut.opml", strings.NewReader(cut))
	if err != nil || len(feeds) != 2 || len(skipped) != 1 {
		t.Errorf("cut short: %v, %v, %v", feeds, skipped, err)
	}

	for _, tt := range []struct{ data, want string }{
		{"", `read "x.opml": not an OPML file`},
		{"not xml at all", `read "x.opml": not an OPML file`},
		{`<rss version="2.0"><channel/></rss>`, `read "x.opml": not an OPML file (its root element is <rss>)`},
		{strings.Repeat("<outline>", 10), `read "x.opml": not an OPML file (its root element is <outline>)`},
		{"<opml><body>" + strings.Repeat("<outline text='x'>", 100), `read "x.opml": outlines nested more than 64 deep`},
	} {
		_, _, err := ParseOPML("x.opml", strings.NewReader(tt.data))
		checkError(t, err, parallax.EINVALID, tt.want)
	}
}

func TestWriteOPML(t *testing.T) {
	feeds := []parallax.Feed{
		{URL: "https://www.harbourherald.example/feed.xml", Title: "The Harbour Herald"},
		{URL: "https://valleynews.example/feed?a=1&b=2", Title: `Valley "News" <& more>`},
		{URL: "https://untitled.example/rss"},
	}
	var b bytes.Buffer
	if err := WriteOPML(&b, feeds); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		`<?xml version="1.0" encoding="UTF-8"?>`,
		`<opml version="2.0">`,
		`<title>Parallax feeds</title>`,
		`<outline type="rss" text="The Harbour Herald" title="The Harbour Herald" xmlUrl="https://www.harbourherald.example/feed.xml"></outline>`,
		`xmlUrl="https://valleynews.example/feed?a=1&amp;b=2"`,
		`<outline type="rss" text="https://untitled.example/rss" xmlUrl="https://untitled.example/rss"></outline>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	back, skipped, err := ParseOPML("out.opml", &b)
	if err != nil || len(skipped) != 0 || len(back) != 3 {
		t.Fatalf("read back: %v, %v, %v", back, skipped, err)
	}
	for i, f := range back {
		title := feeds[i].Title
		if title == "" {
			title = feeds[i].URL
		}
		if f.URL != feeds[i].URL || f.Title != title {
			t.Errorf("feed %d read back as %+v", i, f)
		}
	}
	// No feeds: still a valid, empty list.
	b.Reset()
	if err := WriteOPML(&b, nil); err != nil {
		t.Fatal(err)
	}
	if back, _, err := ParseOPML("empty.opml", &b); err != nil || len(back) != 0 {
		t.Errorf("empty list read back: %v, %v", back, err)
	}
}

func FuzzParseOPML(f *testing.F) {
	f.Add([]byte(subscriptions))
	f.Add([]byte(`<opml><body><outline xmlUrl="https://a.example/f?x=1&y=2" title="A &amp; B"/></body></opml>`))
	f.Add([]byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><opml><body><outline text=\"\xe9\" xmlURL=\"http://x.example/\"><outline"))
	f.Add([]byte(`<OPML><Body><Outline XMLURL="http://a.example/"></Outline></Body></OPML>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feeds, skipped, err := ParseOPML("f.opml", bytes.NewReader(data))
		if err != nil {
			checkErr(t, err)
			return
		}
		for _, e := range skipped {
			checkErr(t, e)
		}
		seen := map[string]bool{}
		for _, fd := range feeds {
			if webURL(fd.URL, nil) == nil || seen[fd.URL] {
				t.Fatalf("feed URL %q: not a web URL, or repeated", fd.URL)
			}
			seen[fd.URL] = true
		}
		// What is written reads back the same.
		var subs []parallax.Feed
		for _, fd := range feeds {
			subs = append(subs, fd.Feed())
		}
		var b bytes.Buffer
		if err := WriteOPML(&b, subs); err != nil {
			t.Fatal(err)
		}
		back, skipped, err := ParseOPML("back.opml", &b)
		if err != nil || len(skipped) != 0 || len(back) != len(feeds) {
			t.Fatalf("read back %d of %d feeds: %v %v\n%s", len(back), len(feeds), skipped, err, b.String())
		}
		for i := range back {
			if back[i].URL != feeds[i].URL {
				t.Fatalf("URL %q read back as %q", feeds[i].URL, back[i].URL)
			}
		}
	})
}
