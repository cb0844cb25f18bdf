package read

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"

	"github.com/parallaxnews/parallax"
)

// OPMLFeed is a feed listed in an OPML file.
type OPMLFeed struct {
	URL   string // the feed's address (xmlUrl)
	Title string // its title, or its text when it has no title
	Site  string // the site's home page (htmlUrl), "" when not given
	// Folders are the titles of the outlines it is nested in, outermost
	// first: the reader's folders ("News", "Local").
	Folders []string
}

// Feed is the subscription the listed feed makes.
func (f OPMLFeed) Feed() parallax.Feed { return parallax.Feed{URL: f.URL, Title: f.Title} }

// maxOPMLDepth bounds the nesting of outlines.
const maxOPMLDepth = 64

// ParseOPML reads an OPML subscription list: every outline with an xmlUrl,
// at any depth, is a feed; the outlines around it are its folders. A feed
// listed twice is kept once. Outlines whose xmlUrl is no http or https URL
// are left out and reported in skipped, one error each; err is set only
// when the file is not OPML at all. The parser is lenient where exporters
// are sloppy: attribute names in any case, bare "&" in URLs, HTML entities,
// declared legacy encodings.
func ParseOPML(name string, r io.Reader) (feeds []OPMLFeed, skipped []error, err error) {
	dec := xml.NewDecoder(bufio.NewReader(r))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = charset.NewReaderLabel
	seen := map[string]bool{}
	var folders []string // titles of the open outlines; "" for a feed's own
	root := false
	for {
		tok, terr := dec.Token()
		if terr != nil {
			if errors.Is(terr, io.EOF) {
				break
			}
			if !root {
				return nil, nil, parallax.Errorf(parallax.EINVALID, "read %q: not an OPML file: %s", name, oneLine(terr.Error()))
			}
			// A list cut short still gives the feeds before the break.
			skipped = append(skipped, parallax.Errorf(parallax.EINVALID, "read %q: invalid XML: %s", name, oneLine(terr.Error())))
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			local := strings.ToLower(t.Name.Local)
			if !root {
				if local != "opml" {
					return nil, nil, parallax.Errorf(parallax.EINVALID, "read %q: not an OPML file (its root element is <%s>)", name, t.Name.Local)
				}
				root = true
				continue
			}
			if local != "outline" {
				continue
			}
			if len(folders) >= maxOPMLDepth {
				return feeds, skipped, parallax.Errorf(parallax.EINVALID, "read %q: outlines nested more than %d deep", name, maxOPMLDepth)
			}
			var xmlURL, htmlURL, title, text string
			for _, a := range t.Attr {
				switch strings.ToLower(a.Name.Local) {
				case "xmlurl":
					xmlURL = strings.TrimSpace(a.Value)
				case "htmlurl":
					htmlURL = strings.TrimSpace(a.Value)
				case "title":
					title = oneLine(a.Value)
				case "text":
					text = oneLine(a.Value)
				}
			}
			if title == "" {
				title = text
			}
			if xmlURL == "" {
				folders = append(folders, title)
				continue
			}
			folders = append(folders, "")
			u := webURL(xmlURL, nil)
			if u == nil {
				what := title
				if what == "" {
					what = "outline"
				}
				skipped = append(skipped, parallax.Errorf(parallax.EINVALID, "read %q: %q: feed address %q is not an http or https URL", name, what, oneLine(xmlURL)))
				continue
			}
			f := OPMLFeed{URL: u.String(), Title: title}
			if s := webURL(htmlURL, nil); s != nil {
				f.Site = s.String()
			}
			for _, p := range folders[:len(folders)-1] {
				if p != "" {
					f.Folders = append(f.Folders, p)
				}
			}
			if !seen[f.URL] {
				seen[f.URL] = true
				feeds = append(feeds, f)
			}
		case xml.EndElement:
			if strings.EqualFold(t.Name.Local, "outline") && len(folders) > 0 {
				folders = folders[:len(folders)-1]
			}
		}
	}
	if !root {
		return nil, nil, parallax.Errorf(parallax.EINVALID, "read %q: not an OPML file", name)
	}
	return feeds, skipped, nil
}

// WriteOPML writes feeds as an OPML 2.0 subscription list that feed readers
// import: one outline per feed, titled by its title or else its URL.
func WriteOPML(w io.Writer, feeds []parallax.Feed) error {
	type outline struct {
		Type   string `xml:"type,attr"`
		Text   string `xml:"text,attr"`
		Title  string `xml:"title,attr,omitempty"`
		XMLURL string `xml:"xmlUrl,attr"`
	}
	type doc struct {
		XMLName  xml.Name  `xml:"opml"`
		Version  string    `xml:"version,attr"`
		Title    string    `xml:"head>title"`
		Outlines []outline `xml:"body>outline"`
	}
	d := doc{Version: "2.0", Title: "Parallax feeds", Outlines: []outline{}}
	for _, f := range feeds {
		o := outline{Type: "rss", Text: oneLine(f.Title), Title: oneLine(f.Title), XMLURL: f.URL}
		if o.Text == "" {
			o.Text = f.URL
		}
		d.Outlines = append(d.Outlines, o)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(d); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// opmlError is what reading an OPML file as articles gives: it lists feeds,
// and reading them needs the network.
func opmlError(name string) error {
	return parallax.Errorf(parallax.EINVALID,
		"read %q: an OPML file lists feeds, not articles; subscribe to them with \"parallax feeds import-opml %s\"", name, shellQuote(name))
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("_-./:@%+=,", c) >= 0) {
			return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
		}
	}
	if s == "" {
		return "''"
	}
	return s
}
