package ingest

import (
	"bytes"
	"context"
	"net/url"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/fetch"
	"github.com/parallaxnews/parallax/internal/read"
)

// FetchURL fetches what a user named: a page becomes an article, a feed
// becomes its items (each item's page fetched when the feed carries only a
// teaser). Errors name the URL or the item; the rest is kept.
func FetchURL(ctx context.Context, fc *fetch.Client, rawURL string, opt read.Options) ([]*parallax.Article, []error) {
	resp, err := fc.Get(ctx, rawURL, fetch.Conditional{})
	if err != nil {
		return nil, []error{err}
	}
	if isFeed(resp) {
		res := feedArticles(ctx, fc, rawURL, resp.Body)
		errs := res.ItemErrors
		if res.Err != nil {
			errs = append(errs, res.Err)
		}
		return res.Articles, errs
	}
	a, err := page(rawURL, resp)
	if err != nil {
		return nil, []error{err}
	}
	return []*parallax.Article{a}, nil
}

// page makes an article of a fetched HTML page.
func page(asked string, resp *fetch.Response) (*parallax.Article, error) {
	u, _ := url.Parse(resp.FinalURL)
	a, err := read.HTML(asked, resp.Body, u)
	if err != nil {
		return nil, err
	}
	a.Source = asked
	if a.URL == "" {
		a.URL = resp.FinalURL
	}
	if a.Outlet == "" || strings.Contains(a.Outlet, "/") {
		a.Outlet = read.OutletFromURL(a.URL)
	}
	return a, nil
}

// isFeed tells a feed from a page by its media type, or failing that by
// its first bytes.
func isFeed(resp *fetch.Response) bool {
	ct := strings.ToLower(resp.ContentType)
	switch {
	case strings.Contains(ct, "rss") || strings.Contains(ct, "atom") || strings.Contains(ct, "feed+json"):
		return true
	case strings.Contains(ct, "html"):
		return false
	}
	head := bytes.ToLower(bytes.TrimSpace(resp.Body))
	if len(head) > 512 {
		head = head[:512]
	}
	return bytes.Contains(head, []byte("<rss")) || bytes.Contains(head, []byte("<feed")) ||
		bytes.Contains(head, []byte("<rdf:rdf")) || bytes.Contains(head, []byte(`"version": "https://jsonfeed.org`)) ||
		bytes.Contains(head, []byte(`"version":"https://jsonfeed.org`))
}

// PollResult is what one poll of a feed brought.
type PollResult struct {
	Articles     []*parallax.Article
	ItemErrors   []error // items that could not be read, each named
	Err          error   // the feed itself failed: network, status, not a feed
	NotModified  bool    // the server answered 304 to the conditional GET
	Title        string
	ETag         string
	LastModified string
}

// PollFeed fetches a subscribed feed with a conditional GET and reads its
// items; items with only a teaser have their page fetched.
func PollFeed(ctx context.Context, fc *fetch.Client, f *parallax.Feed) PollResult {
	resp, err := fc.Get(ctx, f.URL, fetch.Conditional{ETag: f.ETag, LastModified: f.LastModified})
	if err != nil {
		return PollResult{Err: err}
	}
	if resp.NotModified {
		return PollResult{NotModified: true, ETag: resp.ETag, LastModified: resp.LastModified}
	}
	res := feedArticles(ctx, fc, f.URL, resp.Body)
	res.ETag, res.LastModified = resp.ETag, resp.LastModified
	return res
}

func feedArticles(ctx context.Context, fc *fetch.Client, name string, body []byte) PollResult {
	doc, items, err := read.FeedItems(name, body)
	if err != nil {
		return PollResult{Err: err}
	}
	res := PollResult{Title: doc.Title}
	for i := range items {
		if ctx.Err() != nil {
			break
		}
		it := &items[i]
		if it.SummaryOnly() && it.Link != "" {
			// the feed has a teaser: the article is on its page
			if resp, err := fc.Get(ctx, it.Link, fetch.Conditional{}); err == nil {
				if a, err := page(it.Link, resp); err == nil {
					if a.Title == "" {
						a.Title = it.Title
					}
					if a.Published.IsZero() {
						a.Published = it.Published
					}
					res.Articles = append(res.Articles, a)
					continue
				}
			} else {
				res.ItemErrors = append(res.ItemErrors, err)
			}
		}
		a, err := it.Article()
		if err != nil {
			res.ItemErrors = append(res.ItemErrors, err)
			continue
		}
		res.Articles = append(res.Articles, a)
	}
	return res
}
