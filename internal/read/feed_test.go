package read

import (
	"context"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
)

// longBody is an article's worth of text: more than a teaser.
var longBody = strings.Repeat("The harbour council met on Tuesday and postponed the vote on the ferry contract again. ", 20)

var rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Harbour Herald</title>
  <link>https://www.harbourherald.example/</link>
  <description>News from the coast</description>
  <language>en-gb</language>
  <item>
    <title>Ferry vote delayed again</title>
    <link>https://www.harbourherald.example/news/ferry-vote</link>
    <guid>https://www.harbourherald.example/?p=101</guid>
    <pubDate>Wed, 12 Mar 2025 09:15:00 GMT</pubDate>
    <dc:creator>Marta Quillon</dc:creator>
    <description>The council put off the vote.</description>
    <content:encoded><![CDATA[<p>` + longBody + `</p><p>Residents &amp; traders <b>objected</b>.</p><script>track()</script>]]></content:encoded>
  </item>
  <item>
    <title>Storm closes the coast road</title>
    <link>/news/storm</link>
    <pubDate>Mon, 03 Feb 2025 08:00:00 +0000</pubDate>
    <description>&lt;p&gt;Waves threw stones across both lanes.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Only a title here</title>
    <link>https://www.harbourherald.example/news/title-only</link>
  </item>
  <item>
    <description>A note with no link.
Posted on 17/04/2025</description>
  </item>
  <item>
    <title>Bad link</title>
    <link>javascript:alert(1)</link>
    <description>Text.</description>
  </item>
  <item></item>
</channel>
</rss>`

var atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="es">
  <title>La Gaceta del Puerto</title>
  <link href="https://lagaceta.example/"/>
  <updated>2025-04-14T10:30:00Z</updated>
  <entry>
    <title type="html">Llega el &lt;em&gt;ferry&lt;/em&gt;</title>
    <link href="https://m.lagaceta.example/a/ferry"/>
    <id>tag:lagaceta.example,2025:1</id>
    <updated>2025-04-14T10:30:00Z</updated>
    <author><name>Redacción</name></author>
    <summary>El ferry llegó ayer a puerto.</summary>
  </entry>
</feed>`

var jsonFeed = `{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Valley News",
  "home_page_url": "https://valleynews.example/",
  "items": [
    {"id": "1", "url": "https://valleynews.example/bridge", "title": "Bridge reopens",
     "content_text": "Bridge reopens\nThe bridge reopened on Friday.", "date_published": "2025-02-07T10:00:00Z",
     "authors": [{"name": "Ana Ruiz"}]}
  ]
}`

func TestFeedItems(t *testing.T) {
	doc, items, err := FeedItems("herald.xml", []byte(rssFeed))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Type != "rss" || doc.Title != "The Harbour Herald" || doc.Link != "https://www.harbourherald.example/" || doc.Language != "en" || doc.Name != "herald.xml" {
		t.Errorf("doc = %+v", doc)
	}
	if len(items) != 6 {
		t.Fatalf("%d items", len(items))
	}
	it := items[0]
	if it.N != 1 || it.Link != "https://www.harbourherald.example/news/ferry-vote" || it.Title != "Ferry vote delayed again" ||
		it.Author != "Marta Quillon" || it.Published.Format("2006-01-02 15:04") != "2025-03-12 09:15" ||
		it.Summary != "The council put off the vote." || !strings.Contains(it.Content, "<b>objected</b>") || it.SummaryOnly() {
		t.Errorf("first item = %+v, summary only %v", it, it.SummaryOnly())
	}
	if !strings.HasSuffix(it.Text(), "\nResidents & traders objected.") || strings.Contains(it.Text(), "track()") {
		t.Errorf("text = %q", it.Text())
	}
	// A relative link is resolved against the site; a teaser is flagged.
	if it := items[1]; it.Link != "https://www.harbourherald.example/news/storm" || !it.SummaryOnly() || it.Text() != "Waves threw stones across both lanes." {
		t.Errorf("second item = %+v, text %q", it, it.Text())
	}
}

func TestFeedArticles(t *testing.T) {
	var arts []*parallax.Article
	var errs []error
	err := Feed(context.Background(), "herald.xml", strings.NewReader(rssFeed), Options{}, func(a *parallax.Article, err error) error {
		if err != nil {
			errs = append(errs, err)
		} else {
			arts = append(arts, a)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 3 {
		t.Fatalf("%d articles: %+v", len(arts), arts)
	}
	for _, a := range arts {
		checkArticle(t, a)
	}
	a := arts[0]
	if a.Source != "https://www.harbourherald.example/news/ferry-vote" || a.URL != a.Source || a.Outlet != "harbourherald.example" ||
		a.Title != "Ferry vote delayed again" || a.TitleSpan.Of(a.Text) != a.Title || !strings.HasPrefix(a.Text, "Ferry vote delayed again\nThe harbour council met") ||
		a.Author != "Marta Quillon" || a.PublishedDate() != "2025-03-12" || a.Language != "en" {
		t.Errorf("first article = %+v", a)
	}
	if a := arts[1]; a.Text != "Storm closes the coast road\nWaves threw stones across both lanes." || a.PublishedDate() != "2025-02-03" {
		t.Errorf("second article = %+v", a)
	}
	// No link: named after the feed and its place; no date: the dateline.
	if a := arts[2]; a.Source != "herald.xml:4" || a.URL != "" || a.Outlet != "harbourherald.example" || a.Title != "" ||
		a.PublishedDate() != "2025-04-17" || a.PublishedEvidence.Of(a.Text) != "Posted on 17/04/2025" {
		t.Errorf("third article = %+v", a)
	}
	if len(errs) != 3 {
		t.Fatalf("errors = %v", errs)
	}
	checkError(t, errs[0], parallax.EINVALID, `herald.xml: item 3 ("Only a title here"): item has a title but no text`)
	checkError(t, errs[1], parallax.EINVALID, `herald.xml: item 5 ("Bad link"): link "javascript:alert(1)" is not an http or https URL`)
	checkError(t, errs[2], parallax.EINVALID, `herald.xml: item 6: item has no title or text`)
}

func TestAtomAndJSONFeeds(t *testing.T) {
	doc, items, err := FeedItems("gaceta.atom", []byte(atomFeed))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Type != "atom" || doc.Language != "" && doc.Language != "es" || len(items) != 1 {
		t.Fatalf("doc = %+v, %d items", doc, len(items))
	}
	a, err := items[0].Article()
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Llega el ferry" || a.Text != "Llega el ferry\nEl ferry llegó ayer a puerto." || a.Outlet != "lagaceta.example" ||
		a.Author != "Redacción" || a.PublishedDate() != "2025-04-14" || a.Source != "https://m.lagaceta.example/a/ferry" {
		t.Errorf("atom article = %+v", a)
	}

	doc, items, err = FeedItems("valley.json", []byte(jsonFeed))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Type != "json" || doc.Link != "https://valleynews.example/" || len(items) != 1 {
		t.Fatalf("doc = %+v, %d items", doc, len(items))
	}
	a, err = items[0].Article()
	if err != nil {
		t.Fatal(err)
	}
	// The text already starts with the headline: it is not repeated.
	if a.Text != "Bridge reopens\nThe bridge reopened on Friday." || a.TitleSpan != (parallax.Span{Start: 0, End: 14}) ||
		a.Author != "Ana Ruiz" || a.PublishedDate() != "2025-02-07" || a.Outlet != "valleynews.example" {
		t.Errorf("json article = %+v", a)
	}
}

func TestFeedErrors(t *testing.T) {
	for _, tt := range []struct{ data, want string }{
		{"just some text", `read "f.xml": not a feed (RSS, Atom or JSON Feed)`},
		{"<rss><channel><item><title>x</title>", `read "f.xml": invalid feed: `},
		{`{"version":"https://jsonfeed.org/version/1", "items": 5}`, `read "f.xml": invalid feed: `},
	} {
		_, _, err := FeedItems("f.xml", []byte(tt.data))
		checkError(t, err, parallax.EINVALID, tt.want)
	}
	var errs []error
	_ = Feed(context.Background(), "empty.rss", strings.NewReader(`<rss version="2.0"><channel><title>T</title></channel></rss>`), Options{},
		func(_ *parallax.Article, err error) error { errs = append(errs, err); return nil })
	if len(errs) != 1 {
		t.Fatalf("errors = %v", errs)
	}
	checkError(t, errs[0], parallax.EINVALID, `read "empty.rss": the feed has no items`)
	errs = nil
	_ = Feed(context.Background(), "big.rss", strings.NewReader(rssFeed), Options{MaxFileSize: 100},
		func(_ *parallax.Article, err error) error { errs = append(errs, err); return nil })
	checkError(t, errs[0], parallax.ETOOLARGE, `read "big.rss": feed is over the 100 bytes limit`)
}

func TestHTMLText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"Plain text.", "Plain text."},
		{"Line one.\n\n  Line   two. ", "Line one.\nLine two."},
		{"Q&amp;A and AT&T", "Q&A and AT&T"},
		{"a < b and c > d", "a < b and c > d"},
		{"<p>One</p><p>Two <a href='x'>link</a></p>", "One\nTwo link"},
		{"First<br>Second<br/>Third", "First\nSecond\nThird"},
		{"<ul><li>a</li><li>b</li></ul>", "a\nb"},
		{"<p>Keep</p><script>var x = '<p>no</p>';</script><style>p{}</style><p>this</p>", "Keep\nthis"},
		{"<p>Broken <b>markup", "Broken markup"},
		{"<!-- c --><p>x</p>", "x"},
		{"caf\xe9 <p>ok</p>", "caf\uFFFD\nok"},
		{"<table><tr><td>a</td><td>b</td></tr></table>", "a b"},
	} {
		if got := htmlText(tt.in); got != tt.want {
			t.Errorf("htmlText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
