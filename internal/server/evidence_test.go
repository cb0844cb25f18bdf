package server

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// node helpers over golang.org/x/net/html

func parseHTML(t testing.TB, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	walk(n, func(x *html.Node) {
		if x.Type == html.ElementNode && match(x) {
			out = append(out, x)
		}
	})
	return out
}

func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(x *html.Node) {
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
		}
	})
	return b.String()
}

func hasClass(n *html.Node, c string) bool {
	for _, x := range strings.Fields(attr(n, "class")) {
		if x == c {
			return true
		}
	}
	return false
}

var evidenceLink = regexp.MustCompile(`^/articles/(\d+)#ev-(\d+)-(\d+)$`)

// TestEvidenceAnchors follows every evidence link of the ferry-fire story
// page to its article page: there must be an element with that id, class
// "evidence", holding the evidence's words; for the conflict table's
// links, exactly those words.
func TestEvidenceAnchors(t *testing.T) {
	s, l := newTestServer(t)
	page := body(t, get(t, s, fmt.Sprintf("/stories/%d", l.fire)))
	doc := parseHTML(t, page)

	tables := find(doc, func(n *html.Node) bool { return n.Data == "table" && hasClass(n, "conflicts") })
	if len(tables) != 1 {
		t.Fatalf("%d conflict tables, want 1", len(tables))
	}
	rows := find(tables[0], func(n *html.Node) bool { return n.Data == "tr" && n.Parent.Data == "tbody" })
	if len(rows) < 2 {
		t.Errorf("the conflict table has %d rows", len(rows))
	}
	for _, id := range []string{"coverage", "conflicts", "only", "quotes", "framing", "timeline", "digest"} {
		if len(find(doc, func(n *html.Node) bool { return attr(n, "id") == id })) != 1 {
			t.Errorf("the story page has no #%s", id)
		}
	}
	matrix := find(doc, func(n *html.Node) bool { return n.Data == "table" && hasClass(n, "matrix") })
	if len(matrix) != 1 || len(find(matrix[0], func(n *html.Node) bool { return n.Data == "td" && hasClass(n, "n") })) == 0 {
		t.Error("no coverage matrix with omissions")
	}
	// Summary first: the summary, then the digest and the conflicts, then
	// the details, each collapsible.
	order := map[string]int{}
	i := 0
	walk(doc, func(n *html.Node) {
		if id := attr(n, "id"); id != "" && n.Type == html.ElementNode {
			order[id] = i
			i++
		}
	})
	for _, pair := range [][2]string{{"summary", "digest"}, {"digest", "conflicts"}, {"conflicts", "coverage"}, {"summary", "coverage"}} {
		if order[pair[0]] >= order[pair[1]] {
			t.Errorf("#%s comes after #%s", pair[0], pair[1])
		}
	}
	for _, id := range []string{"coverage", "only", "quotes", "framing", "timeline"} {
		if el := find(doc, func(n *html.Node) bool { return attr(n, "id") == id }); len(el) != 1 || el[0].Data != "details" {
			t.Errorf("#%s is not a collapsible <details>", id)
		}
	}
	summary := find(doc, func(n *html.Node) bool { return attr(n, "id") == "summary" })
	lines := find(summary[0], func(n *html.Node) bool { return n.Data == "li" })
	if len(lines) == 0 || len(lines) > 8 {
		t.Errorf("the summary has %d lines, want 1 to 8", len(lines))
	}
	for _, li := range lines {
		ok := false
		for _, a := range find(li, func(n *html.Node) bool { return n.Data == "a" }) {
			href := attr(a, "href")
			if target := strings.TrimPrefix(href, "#"); target != href {
				ok = ok || len(find(doc, func(n *html.Node) bool { return attr(n, "id") == target })) == 1
			}
		}
		if !ok {
			t.Errorf("summary line %q links to no entry on the page", strings.TrimSpace(textOf(li)))
		}
	}

	inTable := map[*html.Node]bool{}
	for _, a := range find(tables[0], func(n *html.Node) bool { return n.Data == "a" }) {
		inTable[a] = true
	}
	links := find(doc, func(n *html.Node) bool { return n.Data == "a" && strings.Contains(attr(n, "href"), "#ev-") })
	if len(links) < 50 {
		t.Fatalf("only %d evidence links on the story page", len(links))
	}
	articles := map[string]*html.Node{}
	texts := map[string]string{}
	conflictLinks := 0
	for _, a := range links {
		href := attr(a, "href")
		m := evidenceLink.FindStringSubmatch(href)
		if m == nil {
			t.Errorf("evidence link %q is not /articles/N#ev-S-E", href)
			continue
		}
		if articles[m[1]] == nil {
			articles[m[1]] = parseHTML(t, body(t, get(t, s, "/articles/"+m[1])))
			var ja jsonArticle
			decodeJSON(t, get(t, s, "/api/v1/articles/"+m[1]), &ja)
			texts[m[1]] = ja.Text
		}
		id := "ev-" + m[2] + "-" + m[3]
		els := find(articles[m[1]], func(n *html.Node) bool { return attr(n, "id") == id })
		if len(els) != 1 {
			t.Errorf("%s: %d elements with id %s on the article page", href, len(els), id)
			continue
		}
		el := els[0]
		start, _ := strconv.Atoi(m[2])
		end, _ := strconv.Atoi(m[3])
		want := texts[m[1]][start:end]
		if !hasClass(el, "evidence") {
			t.Errorf("%s: the target's class is %q, want evidence", href, attr(el, "class"))
		}
		got := textOf(el)
		if !strings.Contains(got, want) {
			t.Errorf("%s: the target holds %q, not the evidence %q", href, got, want)
		}
		if inTable[a] {
			conflictLinks++
			if got != want {
				t.Errorf("%s: a conflict's target holds %q, want exactly %q", href, got, want)
			}
			// The link shows the same words, highlighted.
			marks := find(a, func(n *html.Node) bool { return n.Data == "mark" })
			if len(marks) != 1 || strings.Join(strings.Fields(textOf(marks[0])), " ") != strings.Join(strings.Fields(want), " ") {
				t.Errorf("%s: the conflict link shows %q", href, textOf(a))
			}
		}
	}
	if conflictLinks < 4 {
		t.Errorf("%d evidence links in the conflict table", conflictLinks)
	}
}

func TestMarkupNesting(t *testing.T) {
	text := "Alpha beta gamma delta epsilon zeta eta theta."
	sp := func(s, e int, kind string, rank int) *evSpan {
		return &evSpan{start: s, end: e, kinds: map[string]bool{kind: true}, rank: rank}
	}
	spans := []*evSpan{
		sp(6, 22, "conflict", 0), // "beta gamma delta"
		sp(11, 30, "fact", 2),    // "gamma delta epsilon": crosses the conflict
		sp(0, 46, "digest", 9),   // the sentence
		sp(17, 22, "quote", 1),   // "delta", inside the conflict
		sp(40, 60, "date", 8),    // out of range: dropped
		sp(3, 3, "date", 8),      // empty: dropped
	}
	marks := []mark{{0, 5, "ent ent-person", "person: Alpha"}, {14, 31, "num", "number"}, {44, 99, "num", ""}}
	ps := markup(text, spans, marks)

	var out strings.Builder
	depth := 0
	ids := map[string]string{}
	var open []string
	var bufs []*strings.Builder
	for _, p := range ps {
		switch {
		case p.Open:
			depth++
			open = append(open, p.ID)
			bufs = append(bufs, &strings.Builder{})
			if !strings.Contains(p.Class, "evidence") {
				t.Errorf("element %s has class %q", p.ID, p.Class)
			}
		case p.Close:
			depth--
			if depth < 0 {
				t.Fatal("closes more than it opens")
			}
			ids[open[len(open)-1]] = bufs[len(bufs)-1].String()
			open, bufs = open[:len(open)-1], bufs[:len(bufs)-1]
		default:
			out.WriteString(p.Text)
			for _, b := range bufs {
				b.WriteString(p.Text)
			}
		}
	}
	if depth != 0 {
		t.Fatalf("%d elements left open", depth)
	}
	if out.String() != text {
		t.Fatalf("the text changed: %q", out.String())
	}
	want := map[string]string{
		"ev-6-22":  "beta gamma delta",
		"ev-17-22": "delta",
		"ev-0-46":  text,
		"ev-11-30": "beta gamma delta epsilon", // widened to take in the conflict
	}
	for id, w := range want {
		if ids[id] != w {
			t.Errorf("%s holds %q, want %q", id, ids[id], w)
		}
	}
	if len(ids) != len(want) {
		t.Errorf("elements %v", ids)
	}
	var wide bool
	var exact strings.Builder
	for _, p := range ps {
		if p.ID == "ev-11-30" && strings.Contains(p.Class, "evidence-wide") {
			wide = true
		}
		if strings.Contains(p.Class, "ev-exact") {
			exact.WriteString(p.Text)
		}
	}
	if !wide || exact.String() != "gamma delta epsilon" {
		t.Errorf("the widened element is not marked (wide %v, exact words %q)", wide, exact.String())
	}
}

// TestHostileContent renders every page that shows the hostile articles
// and checks that none of their markup is live: only our own script
// files, no event-handler attributes, no javascript: URLs, no injected
// elements; the words show as text.
func TestHostileContent(t *testing.T) {
	s, l := newTestServer(t)
	pages := []string{
		"/",
		"/search?q=" + url.QueryEscape("Ashby"),
		"/search?q=" + url.QueryEscape("onmouseover alert"),
		fmt.Sprintf("/stories/%d", l.hostile),
		fmt.Sprintf("/articles/%d", l.h1),
		fmt.Sprintf("/articles/%d", l.h2),
		"/outlets",
		"/outlets/" + url.PathEscape(hostileOutlet),
	}
	raw := []string{`<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`, `" onmouseover="alert(1)`, `' onmouseover='alert(1)'`, `<a href="javascript:alert(1)">`}
	for _, p := range pages {
		resp := get(t, s, p)
		b := body(t, resp)
		if resp.StatusCode != 200 {
			t.Errorf("%s: %d\n%.500s", p, resp.StatusCode, b)
			continue
		}
		for _, r := range raw {
			if strings.Contains(b, r) {
				t.Errorf("%s: the page holds %q as markup", p, r)
			}
		}
		if regexp.MustCompile(`(?i)(href|src|action)\s*=\s*["']?\s*javascript:`).MatchString(b) {
			t.Errorf("%s: a javascript: URL in an attribute", p)
		}
		doc := parseHTML(t, b)
		walk(doc, func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					t.Errorf("%s: <%s %s=%q>", p, n.Data, a.Key, a.Val)
				}
				if (a.Key == "href" || a.Key == "src" || a.Key == "action") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					t.Errorf("%s: <%s %s=%q>", p, n.Data, a.Key, a.Val)
				}
				if a.Key == "style" {
					t.Errorf("%s: inline style on <%s>", p, n.Data)
				}
			}
			switch n.Data {
			case "script":
				if src := attr(n, "src"); !strings.HasPrefix(src, "/static/") || textOf(n) != "" {
					t.Errorf("%s: a script that is not ours: src %q", p, src)
				}
			case "img", "svg", "iframe", "object", "embed", "style":
				t.Errorf("%s: an injected <%s>", p, n.Data)
			case "a":
				if h := attr(n, "href"); strings.HasPrefix(h, "http") && !strings.Contains(attr(n, "rel"), "noopener") {
					t.Errorf("%s: an outside link without rel=noopener: %q", p, h)
				}
			}
		})
	}
	// The words are there, as text.
	page := body(t, get(t, s, fmt.Sprintf("/articles/%d", l.h1)))
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(page, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Error("the hostile article's text is not shown escaped")
	}
	if strings.Contains(page, "Original:") {
		t.Error("a javascript: URL was offered as the original")
	}
	page = body(t, get(t, s, fmt.Sprintf("/articles/%d", l.h2)))
	if !strings.Contains(page, `href="https://valley.example/dam%22%20onmouseover=%22alert%281%29"`) && !strings.Contains(page, `href="https://valley.example/dam%22%20onmouseover=%22alert(1)"`) {
		t.Errorf("the http URL with quotes in it is not linked escaped:\n%s", regexp.MustCompile(`Original: <a[^>]*>`).FindString(page))
	}
	if !strings.Contains(page, `rel="noopener noreferrer nofollow"`) {
		t.Error("the original link lacks rel=noopener noreferrer nofollow")
	}
}
