package server

import (
	"encoding/xml"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/parallaxnews/parallax"
)

// Alerts as Atom feeds (RFC 4287) of the library's events: a story gained
// an outlet, or a conflict. Three feeds, at stable URLs:
//
//	/feeds/events.atom                 every story
//	/stories/{id}/events.atom          one story
//	/feeds/search.atom?q=QUERY         stories with an article matching QUERY
//
// Each entry links to the story page; its id is the story page's URL with
// the event's number, so a reader never sees one event twice.

const atomEntries = 50

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID       string       `xml:"id"`
	Title    string       `xml:"title"`
	Updated  string       `xml:"updated"`
	Link     atomLink     `xml:"link"`
	Category atomCategory `xml:"category"`
	Summary  string       `xml:"summary"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// origin is the scheme and host the request came to, for absolute links.
func origin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func (s *Server) handleEventsAtom(w http.ResponseWriter, r *http.Request) {
	s.atom(w, r, parallax.EventFilter{Limit: atomEntries}, "Parallax: what changed in the stories", "/feeds/events.atom")
}

func (s *Server) handleStoryAtom(w http.ResponseWriter, r *http.Request) {
	id, err := parseID(r.PathValue("id"), "s", "story")
	if err != nil {
		s.error(w, r, err)
		return
	}
	info, _, err := s.store.Story(r.Context(), id)
	if err != nil {
		s.error(w, r, err)
		return
	}
	title := info.Title
	if title == "" {
		title = "Story s" + strconv.FormatInt(id, 10)
	}
	s.atom(w, r, parallax.EventFilter{StoryID: id, Limit: atomEntries}, "Parallax: "+oneLine(title), storyHref(id)+"/events.atom")
}

func (s *Server) handleSearchAtom(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		s.error(w, r, parallax.Errorf(parallax.EINVALID, "a search feed needs a query: /feeds/search.atom?q=WORDS"))
		return
	}
	if len(q) > 500 {
		s.error(w, r, parallax.Errorf(parallax.EINVALID, "the query is too long (at most 500 characters)"))
		return
	}
	s.atom(w, r, parallax.EventFilter{Query: q, Limit: atomEntries}, "Parallax: stories about “"+clip(q, 80)+"”",
		"/feeds/search.atom?q="+url.QueryEscape(q))
}

// atom writes the feed of the events f selects.
func (s *Server) atom(w http.ResponseWriter, r *http.Request, f parallax.EventFilter, title, self string) {
	evs, err := s.store.Events(r.Context(), f)
	if err != nil {
		s.error(w, r, err)
		return
	}
	base := origin(r)
	feed := atomFeed{ID: base + self, Title: title, Author: atomAuthor{Name: "Parallax"},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + self}, {Rel: "alternate", Type: "text/html", Href: base + "/"}}}
	updated := time.Time{}
	for _, e := range evs {
		if e.At.After(updated) {
			updated = e.At
		}
		story := base + storyHref(e.StoryID)
		link := story
		if e.Kind == parallax.EventConflict {
			link += "#conflicts"
		}
		feed.Entries = append(feed.Entries, atomEntry{
			ID:       story + "#event-" + strconv.FormatInt(e.ID, 10),
			Title:    eventTitle(e),
			Updated:  e.At.UTC().Format(time.RFC3339),
			Link:     atomLink{Rel: "alternate", Type: "text/html", Href: link},
			Category: atomCategory{Term: e.Kind},
			Summary:  oneLine(e.Summary),
		})
	}
	if updated.IsZero() {
		updated = time.Unix(0, 0)
	}
	feed.Updated = updated.UTC().Format(time.RFC3339)
	out, err := xml.MarshalIndent(feed, "", "  ")
	if err != nil {
		s.error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Write([]byte(xml.Header))
	w.Write(out)
	w.Write([]byte("\n"))
}

// eventTitle says an event in a line: "New conflict: <story>".
func eventTitle(e parallax.StoryEvent) string {
	t := oneLine(e.Title)
	if t == "" {
		t = "story s" + strconv.FormatInt(e.StoryID, 10)
	}
	switch e.Kind {
	case parallax.EventConflict:
		return "New conflict in " + t
	case parallax.EventOutlet:
		return oneLine(e.Subject) + " covers " + t
	case parallax.EventMoved:
		return "Articles moved into " + t
	}
	return t
}
