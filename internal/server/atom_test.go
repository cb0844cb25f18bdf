package server

import (
	"encoding/xml"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"
)

// atomDoc is what a reader takes from an Atom feed.
type atomDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Entries []struct {
		ID       string `xml:"id"`
		Title    string `xml:"title"`
		Updated  string `xml:"updated"`
		Summary  string `xml:"summary"`
		Category struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
		Link struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

func atomFeedOf(t *testing.T, s *Server, target string) atomDoc {
	t.Helper()
	res := get(t, s, target)
	b := body(t, res)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("%s: %d %s", target, res.StatusCode, res.Header.Get("Content-Type"))
	}
	// Valid XML through to the end, in the Atom namespace.
	dec := xml.NewDecoder(strings.NewReader(b))
	for {
		if _, err := dec.Token(); err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("%s: not well-formed XML: %v\n%s", target, err, b)
			}
			break
		}
	}
	var doc atomDoc
	if err := xml.Unmarshal([]byte(b), &doc); err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	if doc.ID == "" || doc.Title == "" {
		t.Errorf("%s: feed without id or title", target)
	}
	if _, err := time.Parse(time.RFC3339, doc.Updated); err != nil {
		t.Errorf("%s: feed updated %q: %v", target, doc.Updated, err)
	}
	for _, e := range doc.Entries {
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil || e.ID == "" || e.Title == "" || !strings.HasPrefix(e.Link.Href, "http://") {
			t.Errorf("%s: entry %+v: want an id, a title, an RFC 3339 time and an absolute link", target, e)
		}
	}
	return doc
}

// The Atom feeds of changes: every story, one story, a search; valid XML
// with the expected entries, the hostile story's markup only as text.
func TestAtomFeeds(t *testing.T) {
	s, l := newTestServer(t)
	all := atomFeedOf(t, s, "/feeds/events.atom")
	kinds := map[string]int{}
	stories := map[string]bool{}
	for _, e := range all.Entries {
		kinds[e.Category.Term]++
		stories[e.Link.Href[:strings.IndexAny(e.Link.Href+"#", "#")]] = true
	}
	if kinds["outlet"] < 6 || kinds["conflict"] < 1 {
		t.Errorf("overall feed: %v entries by kind; want the ferry fire's six outlets and its conflicts", kinds)
	}
	fire := fmt.Sprintf("http://example.com/stories/%d", l.fire)
	if !stories[fire] {
		t.Errorf("overall feed links to %v, not the ferry fire", stories)
	}
	one := atomFeedOf(t, s, fmt.Sprintf("/stories/%d/events.atom", l.fire))
	if len(one.Entries) == 0 {
		t.Fatal("the ferry fire's feed is empty")
	}
	for _, e := range one.Entries {
		if !strings.HasPrefix(e.Link.Href, fire) {
			t.Errorf("the ferry fire's feed has an entry of another story: %s", e.Link.Href)
		}
	}
	ids := map[string]bool{}
	for _, e := range all.Entries {
		if ids[e.ID] {
			t.Errorf("entry id %s twice", e.ID)
		}
		ids[e.ID] = true
	}
	search := atomFeedOf(t, s, "/feeds/search.atom?q="+url.QueryEscape("Ashby dam"))
	for _, e := range search.Entries {
		if !strings.HasPrefix(e.Link.Href, fmt.Sprintf("http://example.com/stories/%d", l.hostile)) {
			t.Errorf("the search feed for Ashby has an entry of another story: %s", e.Link.Href)
		}
		if strings.Contains(e.Title, "<script") && !strings.Contains(e.Title, "<script>alert(1)</script>") {
			t.Errorf("hostile title mangled: %q", e.Title)
		}
	}
	if len(search.Entries) == 0 {
		t.Error("the search feed for the dam leak is empty")
	}
	if res := get(t, s, "/feeds/search.atom"); res.StatusCode != 400 {
		t.Errorf("a search feed without a query: %d", res.StatusCode)
	}
	// Pages point at their feeds.
	if b := body(t, get(t, s, fmt.Sprintf("/stories/%d", l.fire))); !strings.Contains(b, fmt.Sprintf(`type="application/atom+xml" title="Changes (Atom)" href="/stories/%d/events.atom"`, l.fire)) {
		t.Error("the story page does not link its feed")
	}
}
