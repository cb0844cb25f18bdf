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
// common exporters use. Fields are raw so that a null, a number or a list
// where a string was expected costs that field, not the whole record.
type record struct {
	URL          json.RawMessage `json:"url"`
	Title        json.RawMessage `json:"title"`
	Maintext     json.RawMessage `json:"maintext"`
	Text         json.RawMessage `json:"text"`
	Content      json.RawMessage `json:"content"`
	Body         json.RawMessage `json:"body"`
	DatePublish  json.RawMessage `json:"date_publish"`
	Published    json.RawMessage `json:"published"`
	Date         json.RawMessage `json:"date"`
	PubDate      json.RawMessage `json:"pubDate"`
	SourceDomain json.RawMessage `json:"source_domain"`
	Language     json.RawMessage `json:"language"`
	Authors      json.RawMessage `json:"authors"`
	Author       json.RawMessage `json:"author"`
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

// JSON reads a .json file: an array of records like JSON Lines', or JSON
// Lines under another name. Records of an array are numbered from 1 in
// errors and sources. A syntax error in an array ends it, as nothing after
// it can be trusted.
func JSON(ctx context.Context, name string, r io.Reader, opt Options, fn Func) error {
	br := bufio.NewReaderSize(r, 64<<10)
	first := byte(0)
	for {
		c, err := br.ReadByte()
		if err != nil {
			return fn(nil, emptyError(name))
		}
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != 0xef && c != 0xbb && c != 0xbf {
			first = c
			_ = br.UnreadByte()
			break
		}
	}
	if first != '[' {
		return JSONLines(ctx, name, br, opt, fn)
	}
	dec := json.NewDecoder(br)
	if _, err := dec.Token(); err != nil {
		return fn(nil, parallax.Errorf(parallax.EINVALID, "%s: invalid JSON: %s", name, errText(err)))
	}
	for i := 1; dec.More(); i++ {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
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
		Source:   where,
		URL:      str(rec.URL),
		Title:    strings.TrimSpace(str(rec.Title)),
		Text:     text,
		Language: extract.LanguageCode(str(rec.Language)),
		Author:   authors(rec.Authors, rec.Author),
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

// str is a raw JSON string's value, "" for null or any other type.
func str(raw json.RawMessage) string {
	if len(raw) == 0 || raw[0] != '"' {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

// first is the first of the fields that holds a non-blank string.
func first(raws ...json.RawMessage) string {
	for _, r := range raws {
		if s := str(r); strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// authors joins news-please's list of authors, or takes a single author
// string.
func authors(list, one json.RawMessage) string {
	var names []string
	if len(list) > 0 && list[0] == '[' {
		var raw []json.RawMessage
		if json.Unmarshal(list, &raw) == nil {
			for _, r := range raw {
				if s := strings.TrimSpace(str(r)); s != "" {
					names = append(names, s)
				}
			}
		}
	} else if s := strings.TrimSpace(str(list)); s != "" {
		names = append(names, s)
	}
	if len(names) == 0 {
		if s := strings.TrimSpace(str(one)); s != "" {
			names = append(names, s)
		}
	}
	return strings.Join(names, ", ")
}
