package read

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/dates"
	"github.com/parallaxnews/parallax/internal/extract"
)

// FeedDoc is a news feed (RSS, Atom or JSON Feed) as a whole.
type FeedDoc struct {
	Name        string // the file or URL it was read from, as given
	Type        string // "rss", "atom" or "json"
	Title       string
	Link        string // the site's home page, when the feed names it
	Description string
	Language    string    // ISO 639-1, "" when the feed declares none
	Updated     time.Time // zero when the feed does not say
}

// FeedItem is one entry of a feed.
type FeedItem struct {
	N         int    // its place in the feed, from 1
	GUID      string // the feed's own identifier for it, "" when none
	Link      string // the article's URL, absolute; "" when the item has none
	Title     string // plain text
	Published time.Time
	Author    string
	// Summary and Content are as the feed gives them, usually HTML:
	// Summary a teaser (RSS description, Atom summary, JSON Feed summary),
	// Content the article (content:encoded, Atom content, content_html or
	// content_text).
	Summary string
	Content string

	doc     *FeedDoc
	badLink string // a link that is no web address
}

// FeedItems parses a feed document. name is what errors call it and what
// articles without a link are named by. The items come back in feed order,
// all of them: Article reports those that cannot be read as articles.
func FeedItems(name string, data []byte) (*FeedDoc, []FeedItem, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, nil, parallax.Errorf(parallax.EINVALID, "read %q: not a feed (RSS, Atom or JSON Feed)", name)
		}
		return nil, nil, parallax.Errorf(parallax.EINVALID, "read %q: invalid feed: %s", name, oneLine(err.Error()))
	}
	doc := &FeedDoc{
		Name:        name,
		Type:        f.FeedType,
		Title:       oneLine(htmlText(f.Title)),
		Description: htmlText(f.Description),
		Language:    extract.LanguageCode(f.Language),
	}
	base := webURL(f.Link, nil)
	if base != nil {
		doc.Link = base.String()
	}
	if f.UpdatedParsed != nil {
		doc.Updated = *f.UpdatedParsed
	} else if f.PublishedParsed != nil {
		doc.Updated = *f.PublishedParsed
	}
	items := make([]FeedItem, 0, len(f.Items))
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		fi := FeedItem{
			N:       i + 1,
			GUID:    strings.TrimSpace(it.GUID),
			Title:   oneLine(htmlText(it.Title)),
			Summary: it.Description,
			Content: it.Content,
			doc:     doc,
		}
		link := strings.TrimSpace(it.Link)
		if link == "" && len(it.Links) > 0 {
			link = strings.TrimSpace(it.Links[0])
		}
		if link == "" && isWebURL(fi.GUID) { // RSS guids are often the permalink
			link = fi.GUID
		}
		if link != "" {
			if u := webURL(link, base); u != nil {
				fi.Link = u.String()
			} else {
				fi.badLink = link
			}
		}
		switch {
		case it.PublishedParsed != nil:
			fi.Published = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			fi.Published = *it.UpdatedParsed
		default:
			if d, ok := dates.Parse(firstNonBlank(it.Published, it.Updated)); ok {
				fi.Published = d
			}
		}
		var names []string
		for _, p := range it.Authors {
			if p != nil && strings.TrimSpace(p.Name) != "" {
				names = append(names, oneLine(p.Name))
			}
		}
		if len(names) == 0 && it.DublinCoreExt != nil {
			for _, c := range it.DublinCoreExt.Creator {
				if c = oneLine(c); c != "" {
					names = append(names, c)
				}
			}
		}
		fi.Author = strings.Join(names, ", ")
		items = append(items, fi)
	}
	return doc, items, nil
}

// Text is the item's text: its content, or failing that its summary, as
// plain text with one line per paragraph.
func (it *FeedItem) Text() string {
	if t := htmlText(it.Content); t != "" {
		return t
	}
	return htmlText(it.Summary)
}

// fullTextWords is the fewest words an item's text needs to be taken for the
// article rather than a teaser.
const fullTextWords = 150

// SummaryOnly reports whether the item carries only a teaser of the article
// — fewer than 150 words of text — so that a caller with the network should
// fetch the page at Link for the whole of it.
func (it *FeedItem) SummaryOnly() bool {
	return len(strings.Fields(it.Text())) < fullTextWords
}

// where names the item in errors: the feed, its place and its title.
func (it *FeedItem) where() string {
	name := "feed"
	if it.doc != nil {
		name = it.doc.Name
	}
	s := name + ": item " + strconv.Itoa(it.N)
	if t := it.Title; t != "" {
		if utf8.RuneCountInString(t) > 60 {
			r := []rune(t)
			t = strings.TrimSpace(string(r[:57])) + "…"
		}
		s += fmt.Sprintf(" (%q)", t)
	}
	return s
}

// Article makes an article of the item. The headline leads the text, as
// for a web page, so that TitleSpan points into Text. Source and URL are
// the item's link ("feed:N" without one); the outlet is the registrable
// domain of the link, else of the feed's site, else the feed's title or
// name. An item with no text, or a link that is no web address, is an
// error naming the feed and the item.
func (it *FeedItem) Article() (*parallax.Article, error) {
	if it.badLink != "" {
		return nil, parallax.Errorf(parallax.EINVALID, "%s: link %q is not an http or https URL", it.where(), oneLine(it.badLink))
	}
	body := it.Text()
	if body == "" {
		if it.Title == "" {
			return nil, parallax.Errorf(parallax.EINVALID, "%s: item has no title or text", it.where())
		}
		return nil, parallax.Errorf(parallax.EINVALID, "%s: item has a title but no text", it.where())
	}
	doc := it.doc
	if doc == nil {
		doc = &FeedDoc{Name: "feed"}
	}
	a := &parallax.Article{
		Source:    it.Link,
		URL:       it.Link,
		Title:     it.Title,
		Author:    it.Author,
		Published: it.Published,
		Language:  doc.Language,
		Text:      body,
	}
	if a.Source == "" {
		a.Source = doc.Name + ":" + strconv.Itoa(it.N)
	}
	if t := it.Title; t != "" {
		if !strings.HasPrefix(body, t) {
			a.Text = t + "\n" + body
		}
		a.TitleSpan = parallax.Span{Start: 0, End: len(t)}
	}
	if a.Published.IsZero() {
		if d, sp, ok := dates.Dateline(a.Text); ok {
			a.Published, a.PublishedEvidence = d, sp
		}
	}
	for _, o := range []string{OutletFromURL(it.Link), OutletFromURL(doc.Link), doc.Title, stem(doc.Name)} {
		if o != "" {
			a.Outlet = o
			break
		}
	}
	return a, nil
}

// Feed reads a feed document from r and gives fn one article per item,
// in feed order; an item that cannot be read is reported to fn as an error
// naming the feed and the item, and the others are still read. Items that
// carry only a teaser give short articles: FeedItems tells them apart for
// a caller that can fetch the pages.
func Feed(ctx context.Context, name string, r io.Reader, opt Options, fn Func) error {
	max := opt.maxFile()
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return fn(nil, parallax.Errorf(parallax.EINVALID, "read %q: %s", name, errText(err)))
	}
	if int64(len(data)) > max {
		return fn(nil, parallax.Errorf(parallax.ETOOLARGE, "read %q: feed is over the %s limit", name, humanSize(max)))
	}
	return feedArticles(ctx, name, data, fn)
}

func feedArticles(ctx context.Context, name string, data []byte, fn Func) error {
	_, items, err := FeedItems(name, data)
	if err != nil {
		return fn(nil, err)
	}
	if len(items) == 0 {
		return fn(nil, parallax.Errorf(parallax.EINVALID, "read %q: the feed has no items", name))
	}
	for i := range items {
		if i%256 == 255 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := fn(items[i].Article()); err != nil {
			return err
		}
	}
	return nil
}

// webURL parses raw as an http or https URL, resolved against base when it
// is relative; nil when it is neither.
func webURL(raw string, base *url.URL) *url.URL {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil
	}
	if base != nil && !u.IsAbs() {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	return u
}

func isWebURL(s string) bool { return webURL(s, nil) != nil }

func firstNonBlank(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
