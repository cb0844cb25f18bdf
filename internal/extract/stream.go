package extract

import (
	"bytes"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/parallaxnews/parallax/internal/dates"
)

// go-trafilatura checks a page's paragraphs by concatenating their text
// one <p> at a time (paragraphText += TextContent(p)), so its time and
// garbage grow with the number of paragraphs times the text: a page of
// 16,000 one-line paragraphs took seconds and a gigabyte, one of a
// million, minutes and gigabytes. A page with more than maxCost of that
// product, or more than maxElements elements in all, is read by
// streamHTML instead, in one pass of the tokenizer, without building a
// document tree. A long article (600 paragraphs, 300 KB of text) is
// below both, and takes go-trafilatura about 0.2 s.
const (
	maxCost     = 1 << 29
	maxElements = 50_000
)

// tooBig reports whether a page is beyond what go-trafilatura reads in
// reasonable time and memory, counting its elements, paragraphs and text
// bytes (script and style excluded) in one pass of the tokenizer.
func tooBig(data []byte) bool {
	var elements, paragraphs, text int64
	skip := 0
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return paragraphs*text > maxCost
		case html.TextToken:
			if skip == 0 {
				text += int64(len(z.Raw()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			if elements++; elements > maxElements {
				return true
			}
			name, _ := z.TagName()
			switch a := atom.Lookup(name); {
			case a == atom.P:
				paragraphs++
			case skipped[a]:
				skip++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); skipped[atom.Lookup(name)] && skip > 0 {
				skip--
			}
		}
	}
}

// skipped elements hold no article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Math: true, atom.Iframe: true, atom.Object: true,
}

// boilerplate elements hold site furniture: menus, footers, forms.
var boilerplate = map[atom.Atom]bool{
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Button: true,
	atom.Select: true, atom.Menu: true, atom.Dialog: true,
}

// streamHTML extracts the article from a page in one pass of the
// tokenizer, in time and memory linear in its size. The text is that of
// the first <article> when it holds enough, else of <main>, else of the
// body, without scripts, menus, footers and forms, one line per block; the
// metadata comes from <title>, <meta> and <link rel=canonical>.
func streamHTML(data []byte, pageURL *url.URL) (*Result, error) {
	type part struct {
		b     strings.Builder
		depth int // open elements of its kind; -1 once closed for good
	}
	var article, main, body part
	parts := []*part{&article, &main, &body}
	body.depth = 1
	var title, h1 strings.Builder
	inTitle, inH1, h1Done := false, false, false // h1: the headline, when no <meta> gives it
	skip, boiler, header := 0, 0, 0
	meta := map[string]string{}
	lang, canonicalURL := "", ""

	newline := func() {
		for _, p := range parts {
			if p.depth > 0 && p.b.Len() > 0 {
				p.b.WriteByte('\n')
			}
		}
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.TextToken:
			text := z.Text()
			switch {
			case inTitle:
				title.Write(text)
				continue
			case skip > 0 || boiler > 0 || header > 0:
				continue
			case inH1:
				h1.Write(text)
			}
			for _, p := range parts {
				if p.depth > 0 {
					p.b.Write(text)
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			start := tt != html.EndTagToken
			var attrs map[string]string
			if start && hasAttr && (a == atom.Html || a == atom.Meta || a == atom.Link) {
				attrs = map[string]string{}
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					attrs[string(k)] = string(v)
				}
			}
			switch {
			case skipped[a]:
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			case boilerplate[a]:
				if tt == html.StartTagToken {
					boiler++
				} else if tt == html.EndTagToken && boiler > 0 {
					boiler--
				}
				continue
			}
			switch a {
			case atom.Title:
				inTitle = tt == html.StartTagToken && title.Len() == 0
			case atom.H1:
				if tt == html.StartTagToken && !h1Done {
					inH1 = true
				} else if tt == html.EndTagToken && inH1 {
					inH1, h1Done = false, true
				}
			case atom.Header:
				// A page header is furniture; an article's holds its headline.
				if article.depth <= 0 && main.depth <= 0 {
					if tt == html.StartTagToken {
						header++
					} else if tt == html.EndTagToken && header > 0 {
						header--
					}
				}
			case atom.Html:
				if start && lang == "" {
					lang = attrs["lang"]
				}
			case atom.Meta:
				key := strings.ToLower(attrs["property"] + attrs["name"] + attrs["itemprop"] + attrs["http-equiv"])
				if _, seen := meta[key]; !seen && key != "" {
					meta[key] = attrs["content"]
				}
			case atom.Link:
				if strings.EqualFold(attrs["rel"], "canonical") && canonicalURL == "" {
					canonicalURL = attrs["href"]
				}
			case atom.Article, atom.Main:
				p := &article
				if a == atom.Main {
					p = &main
				}
				switch {
				case tt == html.StartTagToken && p.depth >= 0:
					newline()
					p.depth++
				case tt == html.EndTagToken && p.depth > 0:
					newline()
					if p.depth--; p.depth == 0 {
						p.depth = -1 // only the first is read
					}
				}
				continue
			}
			if blocks[a.String()] || a == atom.Br {
				newline()
			}
		}
	}

	text := ""
	for _, p := range parts {
		if t := cleanLines(p.b.String()); utf8.RuneCountInString(t) >= enoughText || p == &body {
			text = t
			break
		}
	}
	res := &Result{
		Title:       firstOf(meta["og:title"], meta["twitter:title"], h1.String(), title.String()),
		Author:      firstOf(meta["author"], meta["article:author"]),
		SiteName:    firstOf(meta["og:site_name"], meta["application-name"]),
		Description: firstOf(meta["description"], meta["og:description"]),
		Language:    LanguageCode(firstOf(meta["content-language"], lang, meta["og:locale"], meta["language"])),
		URL:         canonical(firstOf(canonicalURL, meta["og:url"]), pageURL),
	}
	res.Text = text
	if utf8.RuneCountInString(strings.TrimSpace(strings.TrimPrefix(text, res.Title))) < minText {
		return nil, ErrNoText
	}
	for _, k := range []string{"article:published_time", "datepublished", "og:published_time", "date", "pubdate", "dc.date.issued", "publishdate"} {
		if t, ok := parseMetaDate(meta[k]); ok {
			res.Published = t
			break
		}
	}
	if d, sp, ok := dates.Dateline(text); ok {
		switch {
		case res.Published.IsZero():
			res.Published, res.PublishedSpan = d, sp
		case res.Published.Format("2006-01-02") == d.Format("2006-01-02"):
			res.PublishedSpan = sp
		}
	}
	return res, nil
}

// firstOf returns the first of ss that is not blank, on one line.
func firstOf(ss ...string) string {
	for _, s := range ss {
		if s = oneLine(s); s != "" {
			return s
		}
	}
	return ""
}

// cleanLines collapses white space within each line, trims it and drops
// the empty lines.
func cleanLines(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for line := range strings.SplitSeq(s, "\n") {
		space := false
		start := b.Len()
		for _, r := range line {
			if unicode.IsSpace(r) {
				space = b.Len() > start
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
		if b.Len() > start {
			b.WriteByte('\n')
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// parseMetaDate reads the date forms publication metadata uses.
func parseMetaDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil && t.Year() >= 1900 && t.Year() < 2200 {
			return t, true
		}
	}
	return time.Time{}, false
}
