package read

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/dates"
	"github.com/parallaxnews/parallax/internal/extract"
)

// record is one article in news-please's JSON layout, with the other names
// common exporters use. Fields are untyped so that a null, a number or a
// list where a string was expected costs that field, not the whole record,
// while the record is still decoded in one pass.
type record struct {
	URL          any `json:"url"`
	Title        any `json:"title"`
	Maintext     any `json:"maintext"`
	Text         any `json:"text"`
	Content      any `json:"content"`
	Body         any `json:"body"`
	DatePublish  any `json:"date_publish"`
	Published    any `json:"published"`
	Date         any `json:"date"`
	PubDate      any `json:"pubDate"`
	SourceDomain any `json:"source_domain"`
	Language     any `json:"language"`
	Authors      any `json:"authors"`
	Author       any `json:"author"`
}

// JSONLines streams the records of a JSON Lines file to fn, one article per
// line. A broken line is reported as "name:LINE: invalid JSON: …" and the
// next line is read; so is a record with no text or a line longer than the
// limit. Lines are read with a bounded buffer, so files of any size work.
func JSONLines(ctx context.Context, name string, r io.Reader, opt Options, fn Func) error {
	br := bufio.NewReaderSize(r, 64<<10)
	max := opt.maxLine()
	var line []byte
	tooLong := false
	n := 0
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > max {
				tooLong, line = true, line[:0]
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fn(nil, parallax.Errorf(parallax.EINVALID, "read %q: %s", name, errText(err)))
		}
		if len(chunk) > 0 || len(line) > 0 || tooLong {
			n++
			var ferr error
			if tooLong {
				ferr = fn(nil, parallax.Errorf(parallax.ETOOLARGE, "%s:%d: line longer than the %s limit", name, n, humanSize(int64(max))))
			} else if l := bytes.TrimSpace(line); len(l) > 0 {
				a, rerr := recordArticle(name, n, l)
				ferr = fn(a, rerr)
			}
			if ferr != nil {
				return ferr
			}
			if n%256 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
		}
		line, tooLong = line[:0], false
		if err != nil { // io.EOF
			return nil
		}
	}
}

// JSON reads a .json file: an array of records like JSON Lines', or a
// sequence of records in any layout (JSON Lines, pretty-printed objects).
// Records are numbered from 1 in errors and sources. A syntax error ends
// the file, as nothing after it can be trusted.
func JSON(ctx context.Context, name string, r io.Reader, opt Options, fn Func) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		c, err := br.ReadByte()
		if err != nil {
			return fn(nil, emptyError(name))
		}
		// Skip white space and a byte-order mark.
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != 0xef && c != 0xbb && c != 0xbf {
			_ = br.UnreadByte()
			break
		}
	}
	first, _ := br.Peek(1)
	array := len(first) == 1 && first[0] == '['
	dec := json.NewDecoder(br)
	if array {
		if _, err := dec.Token(); err != nil {
			return fn(nil, parallax.Errorf(parallax.EINVALID, "%s: invalid JSON: %s", name, errText(err)))
		}
	}
	for i := 1; !array || dec.More(); i++ {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if !array && errors.Is(err, io.EOF) {
				return nil
			}
			return fn(nil, parallax.Errorf(parallax.EINVALID, "%s:%d: invalid JSON: %s", name, i, errText(err)))
		}
		if err := fn(recordArticle(name, i, raw)); err != nil {
			return err
		}
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
	return nil
}

// recordArticle makes an article of one record. n is its line in a JSON
// Lines file, its place in a JSON array; "name:n" names the record in errors
// and is its Source when it has no URL.
func recordArticle(name string, n int, line []byte) (*parallax.Article, error) {
	where := name + ":" + strconv.Itoa(n)
	if line[0] != '{' {
		return nil, parallax.Errorf(parallax.EINVALID, "%s: invalid JSON: a record must be an object", where)
	}
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, parallax.Errorf(parallax.EINVALID, "%s: invalid JSON: %s", where, errText(err))
	}
	// The text exactly as given: encoding/json has already replaced any
	// invalid UTF-8 with U+FFFD, and nothing else is touched so spans hold.
	text := first(rec.Maintext, rec.Text, rec.Content, rec.Body)
	if strings.TrimSpace(text) == "" {
		return nil, parallax.Errorf(parallax.EINVALID, "%s: record has no text (maintext, text, content or body)", where)
	}
	a := &parallax.Article{
		Source:       where,
		Received:     append([]byte(nil), line...),
		ReceivedType: "application/json",
		URL:          str(rec.URL),
		Title:        strings.TrimSpace(str(rec.Title)),
		Text:         text,
		Language:     extract.LanguageCode(str(rec.Language)),
		Author:       authors(rec.Authors, rec.Author),
	}
	if a.URL != "" {
		a.Source = a.URL
	}
	a.Outlet = Outlet(str(rec.SourceDomain))
	if a.Outlet == "" {
		a.Outlet = OutletFromURL(a.URL)
	}
	if a.Outlet == "" {
		a.Outlet = stem(name)
	}
	if t := a.Title; t != "" {
		lead := len(text) - len(strings.TrimLeft(text, " \t\r\n"))
		if strings.HasPrefix(text[lead:], t) {
			a.TitleSpan = parallax.Span{Start: lead, End: lead + len(t)}
		}
	}
	if d, ok := dates.Parse(first(rec.DatePublish, rec.Published, rec.Date, rec.PubDate)); ok {
		a.Published = d
	} else if d, sp, ok := dates.Dateline(text); ok {
		a.Published, a.PublishedEvidence = d, sp
	}
	return a, nil
}

// str is a field's value when it is a string, "" otherwise.
func str(v any) string {
	s, _ := v.(string)
	return s
}

// first is the first of the fields that holds a non-blank string.
func first(vs ...any) string {
	for _, v := range vs {
		if s := str(v); strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// authors joins news-please's list of authors, or takes a single author
// string.
func authors(list, one any) string {
	var names []string
	switch l := list.(type) {
	case []any:
		for _, v := range l {
			if s := strings.TrimSpace(str(v)); s != "" {
				names = append(names, s)
			}
		}
	case string:
		if s := strings.TrimSpace(l); s != "" {
			names = append(names, s)
		}
	}
	if len(names) == 0 {
		if s := strings.TrimSpace(str(one)); s != "" {
			names = append(names, s)
		}
	}
	return strings.Join(names, ", ")
}
