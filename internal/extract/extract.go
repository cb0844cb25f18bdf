// Package extract turns a web page into the article it carries: the main
// text and the metadata a reader of the page would see (title, author,
// publication date, site name, language, canonical URL).
//
// It wraps github.com/markusmobius/go-trafilatura behind a small API so the
// extractor can be swapped without touching its callers.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-shiori/dom"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/dates"
)

// ErrNoText is returned when the page holds no article text the extractor
// can find: an index page, a paywall stub, a page built by scripts.
var ErrNoText = errors.New("no article text found in the page")

// Result is what a page yields.
type Result struct {
	// Text is the main text, one paragraph (or heading or list item) per
	// line. The page's headline is usually its first line.
	Text        string
	Title       string
	Author      string
	SiteName    string
	Description string
	// Language is the ISO 639-1 code the page declares, "" when none.
	Language string
	// URL is the page's canonical URL when it names one, else pageURL.
	URL string
	// Published is the publication date from the page's metadata or, failing
	// that, from a dateline in Text; zero when neither gives one.
	Published time.Time
	// PublishedSpan is where Text states the date ("Posted on 17/04/2025")
	// when it came from there or agrees with the metadata; zero otherwise.
	PublishedSpan parallax.Span
}

// HTML extracts the article from an HTML page read from r. pageURL is where
// the page came from, nil when unknown; it resolves relative links and
// stands in for a missing canonical URL. The page's character set is
// detected, so pages in legacy encodings come out as valid UTF-8 (in
// normalisation form C).
func HTML(r io.Reader, pageURL *url.URL) (*Result, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read HTML: %w", err)
	}
	data = utf8Page(data)
	if tooBig(data) {
		return streamHTML(data, pageURL)
	}
	// trafilatura alone first; the fallback extractors (readability, DOM
	// distiller) recover text from pages without <article> markup, common
	// among small outlets, but cost about half the speed, so they run only
	// when the first pass finds little.
	res, err := extractHTML(data, pageURL, false)
	if err != nil || utf8.RuneCountInString(res.Text) < enoughText {
		if again, err2 := extractHTML(data, pageURL, true); err2 == nil {
			return again, nil
		} else if err != nil {
			return nil, err2
		}
	}
	return res, err
}

// enoughText is the article length, in characters, above which the first
// pass is trusted without the fallback extractors.
const enoughText = 600

func extractHTML(data []byte, pageURL *url.URL, fallback bool) (*Result, error) {
	r := bytes.NewReader(data)
	opts := trafilatura.Options{
		OriginalURL:     pageURL,
		EnableFallback:  fallback,
		ExcludeComments: true,
		// Fast date mode reads <meta>, JSON-LD, URLs and ISO dates in the
		// page; the extensive mode's free-text parser is slow, and the
		// dateline scanner below covers what it would add.
		HtmlDateMode: trafilatura.Fast,
		// EnableLog stays false: the library would write to stderr through
		// its own global logger.
	}
	// Parsing here rather than in trafilatura.Extract keeps the document for
	// reading its declared language: trafilatura's own Metadata.Language
	// is a guess from the text, unreliable on short pages, and guessing is
	// the analysis stage's job.
	doc, err := html.Parse(r)
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		if strings.Contains(err.Error(), "not long enough") {
			return nil, ErrNoText
		}
		return nil, fmt.Errorf("extract: %w", err)
	}
	if res == nil || res.ContentNode == nil {
		return nil, ErrNoText
	}
	text := blockText(res.ContentNode)
	if strings.TrimSpace(text) == "" {
		text = strings.TrimSpace(res.ContentText)
	}
	m := res.Metadata
	title := oneLine(m.Title)
	if utf8.RuneCountInString(strings.TrimSpace(strings.TrimPrefix(text, title))) < minText {
		return nil, ErrNoText
	}
	out := &Result{
		Text:        text,
		Title:       title,
		Author:      oneLine(m.Author),
		SiteName:    oneLine(m.Sitename),
		Description: oneLine(m.Description),
		Language:    declaredLanguage(doc),
		URL:         canonical(m.URL, pageURL),
		Published:   m.Date,
	}
	// A dateline in the text gives the date when the metadata has none, and
	// its span serves as evidence when both agree.
	if d, sp, ok := dates.Dateline(text); ok {
		switch {
		case out.Published.IsZero():
			out.Published, out.PublishedSpan = d, sp
		case out.Published.Format("2006-01-02") == d.Format("2006-01-02"):
			out.PublishedSpan = sp
		}
	}
	return out, nil
}

// canonical returns the page's canonical URL resolved against pageURL, or
// pageURL itself when the page names none usable.
func canonical(raw string, pageURL *url.URL) string {
	if raw = strings.TrimSpace(raw); raw != "" {
		if u, err := url.Parse(raw); err == nil {
			if pageURL != nil {
				u = pageURL.ResolveReference(u)
			}
			if (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
				return u.String()
			}
		}
	}
	if pageURL != nil && pageURL.Host != "" {
		return pageURL.String()
	}
	return ""
}

// minText is the least text, in characters beyond the title, that counts as
// an article: less is a menu item or a title echoed back.
const minText = 20

// declaredLanguage is the language the page declares for itself: the
// Content-Language meta element, the <html lang> attribute, or og:locale.
func declaredLanguage(doc *html.Node) string {
	for _, sel := range []struct{ query, attr string }{
		{`meta[http-equiv="content-language" i]`, "content"},
		{"html[lang]", "lang"},
		{`meta[property="og:locale"]`, "content"},
		{`meta[name="language" i]`, "content"},
	} {
		for _, n := range dom.QuerySelectorAll(doc, sel.query) {
			if l := LanguageCode(dom.GetAttribute(n, sel.attr)); l != "" {
				return l
			}
		}
	}
	return ""
}

// LanguageCode reduces a declared language ("en-GB", "es_ES", "EN") to its
// ISO 639-1 code, or "" when it is not one.
func LanguageCode(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_ ,;"); i >= 0 {
		s = s[:i]
	}
	if len(s) != 2 || s[0] < 'a' || s[0] > 'z' || s[1] < 'a' || s[1] > 'z' {
		return ""
	}
	return s
}

// oneLine collapses runs of white space, so a title split over lines in the
// markup reads as one.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// blocks are the elements that start a new line of text.
var blocks = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"head": true, "li": true, "ul": true, "ol": true, "list": true, "item": true, "blockquote": true,
	"quote": true, "pre": true, "table": true, "tr": true, "row": true, "section": true, "article": true,
	"header": true, "footer": true, "figure": true, "figcaption": true, "dl": true, "dt": true, "dd": true,
	"main": true, "aside": true, "caption": true, "summary": true, "details": true, "hr": true, "body": true,
	"address": true, "code": false,
}

// blockText renders the extracted content with one line per block:
// trafilatura's own ContentText joins paragraphs with spaces, which loses
// the paragraph breaks that sentence splitting and headline detection use.
func blockText(root *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, pre bool)
	newline := func() {
		s := b.String()
		if len(s) > 0 && s[len(s)-1] != '\n' {
			b.WriteByte('\n')
		}
	}
	walk = func(n *html.Node, pre bool) {
		switch n.Type {
		case html.TextNode:
			if pre {
				b.WriteString(n.Data)
				return
			}
			writeCollapsed(&b, n.Data)
			return
		case html.ElementNode:
			tag := n.Data
			switch tag {
			case "br", "lb":
				newline()
				return
			case "script", "style", "noscript", "template":
				return
			case "td", "th", "cell":
				s := b.String()
				if len(s) > 0 && s[len(s)-1] != '\n' && s[len(s)-1] != ' ' {
					b.WriteByte(' ')
				}
			}
			if blocks[tag] {
				newline()
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, pre || tag == "pre")
			}
			if blocks[tag] {
				newline()
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre)
		}
	}
	walk(root, false)

	// Trim every line and drop the empty ones.
	lines := strings.Split(b.String(), "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// writeCollapsed writes s with every run of white space as one space, and
// no space at the start of a line.
func writeCollapsed(b *strings.Builder, s string) {
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			cur := b.String()
			if len(cur) > 0 && cur[len(cur)-1] != '\n' && cur[len(cur)-1] != ' ' {
				b.WriteByte(' ')
			}
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		cur := b.String()
		if len(cur) > 0 && cur[len(cur)-1] != '\n' && cur[len(cur)-1] != ' ' {
			b.WriteByte(' ')
		}
	}
}
