package read

import (
	"bytes"
	"errors"
	"net/url"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/extract"
)

// HTML makes an article of a web page. The headline leads the text — put
// there when the extracted text does not already start with it — so that
// TitleSpan points into Text. The outlet is the registrable domain of the
// page's canonical URL, else its site name, else the file's name stem.
func HTML(source string, data []byte, pageURL *url.URL) (*parallax.Article, error) {
	res, err := extract.HTML(bytes.NewReader(data), pageURL)
	if err != nil {
		if errors.Is(err, extract.ErrNoText) {
			return nil, parallax.Errorf(parallax.EINVALID, "read %q: no article text found in the page", source)
		}
		return nil, parallax.Errorf(parallax.EINVALID, "read %q: %s", source, strings.ReplaceAll(err.Error(), "\n", " "))
	}
	a := &parallax.Article{
		Source:       source,
		Received:     data,
		ReceivedType: "text/html",
		URL:          res.URL,
		Author:       res.Author,
		Language:     res.Language,
		Text:         res.Text,
		Title:        res.Title,
		Published:    res.Published,
	}
	shift := 0
	if t := res.Title; t != "" {
		if !strings.HasPrefix(res.Text, t) {
			a.Text = t + "\n" + res.Text
			shift = len(t) + 1
		}
		a.TitleSpan = parallax.Span{Start: 0, End: len(t)}
	}
	if res.PublishedSpan.Len() > 0 {
		a.PublishedEvidence = parallax.Span{Start: res.PublishedSpan.Start + shift, End: res.PublishedSpan.End + shift}
	}
	switch {
	case OutletFromURL(res.URL) != "":
		a.Outlet = OutletFromURL(res.URL)
	case res.SiteName != "":
		a.Outlet = res.SiteName
	default:
		a.Outlet = stem(source)
	}
	return a, nil
}
