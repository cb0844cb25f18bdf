package server

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/parallaxnews/parallax"
)

func TestRank(t *testing.T) {
	now := time.Date(2026, 3, 6, 12, 0, 0, 0, time.UTC)
	stories := []parallax.StoryInfo{
		{ID: 1, Outlets: 2, Last: now.Add(-time.Hour)},                       // fresh, small: 2 + ~10
		{ID: 2, Outlets: 19, Conflicts: 3, Last: now.AddDate(-1, 0, 0)},      // wide, disputed, old: 28
		{ID: 3, Outlets: 5, Last: now.AddDate(0, 0, -2)},                     // 5 + 5
		{ID: 4, Outlets: 5, Last: now.AddDate(0, 0, -20)},                    // 5 + ~0
		{ID: 5, Outlets: 3, Conflicts: 9, Last: now.AddDate(0, 0, -30)},      // conflicts capped: 3 + 15
		{ID: 6, Outlets: 5, Updated: now.Add(-time.Hour), Last: time.Time{}}, // no known date: compared time
	}
	var got []int64
	for _, s := range Rank(stories, now) {
		got = append(got, s.ID)
	}
	want := []int64{2, 5, 6, 1, 3, 4}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Rank order %v, want %v", got, want)
	}
}

// homeLinks is the story links of the ranked table and of the list of
// single articles, in page order.
func homeLinks(t *testing.T, page string) (ranked, single []string) {
	t.Helper()
	doc := parseHTML(t, page)
	for _, tbl := range find(doc, func(n *html.Node) bool { return n.Data == "table" && hasClass(n, "stories") }) {
		for _, a := range find(tbl, func(n *html.Node) bool { return n.Data == "a" }) {
			ranked = append(ranked, attr(a, "href"))
		}
	}
	for _, sec := range find(doc, func(n *html.Node) bool { return attr(n, "id") == "unmatched" }) {
		for _, a := range find(sec, func(n *html.Node) bool { return n.Data == "a" }) {
			single = append(single, attr(a, "href"))
		}
	}
	return ranked, single
}

func TestHome(t *testing.T) {
	s, l := newTestServer(t)
	fire, dam := fmt.Sprintf("/stories/%d", l.fire), fmt.Sprintf("/stories/%d", l.hostile)
	ranked, single := homeLinks(t, body(t, get(t, s, "/")))
	if len(ranked) != 2 || ranked[0] != fire || ranked[1] != dam {
		t.Errorf("ranked stories %v, want the ferry fire (6 outlets, conflicts) then the dam leak (2 outlets)", ranked)
	}
	if len(single) != 1 {
		t.Errorf("not yet matched: %v, want the one Lisgarrow article", single)
	}
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"?outlet=valley.example", []string{dam}},
		{"?q=Marigold", []string{fire}},
		{"?q=Marigold&outlet=valley.example", nil},
		{"?conflicts=1&q=ferry", []string{fire}},
	} {
		page := body(t, get(t, s, "/"+c.query))
		ranked, single := homeLinks(t, page)
		if fmt.Sprint(ranked) != fmt.Sprint(c.want) {
			t.Errorf("%s: ranked %v, want %v", c.query, ranked, c.want)
		}
		if strings.Contains(c.query, "conflicts") && len(single) > 0 {
			t.Errorf("%s: single articles listed, though they have no conflicts", c.query)
		}
		if c.want == nil && !strings.Contains(page, "No story matches") {
			t.Errorf("%s: no word that nothing matched", c.query)
		}
	}
	// The Updated column differs from story to story: it is the newest
	// article's publication, not the time of the last comparison.
	page := body(t, get(t, s, "/"))
	if !strings.Contains(page, "2 days ago") || !strings.Contains(page, "4 days ago") {
		t.Errorf("the Updated column does not show the stories' own dates")
	}
}
