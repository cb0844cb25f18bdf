package read

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/dates"
)

// Text makes an article of a plain-text file's content. Text is the whole
// content after its front matter, if any — only a byte-order mark is
// dropped and invalid UTF-8 replaced by U+FFFD. The first line is the
// headline when it looks like one. The outlet is the front matter's, else
// the file's name stem until something better is known; the publication
// date is the front matter's, else the text's dateline.
func Text(source string, data []byte) (*parallax.Article, error) {
	text := strings.TrimPrefix(string(data), "\ufeff")
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	if strings.TrimSpace(text) == "" {
		return nil, emptyError(source)
	}
	meta, body := frontMatter(text)
	if strings.TrimSpace(body) == "" {
		return nil, parallax.Errorf(parallax.EINVALID, "read %q: front matter but no text", source)
	}
	text = body
	a := &parallax.Article{Source: source, Outlet: stem(source), Text: text, Received: data, ReceivedType: "text/plain"}
	if sp, ok := headline(text); ok {
		a.Title, a.TitleSpan = text[sp.Start:sp.End], sp
	}
	if d, sp, ok := dates.Dateline(text); ok {
		a.Published, a.PublishedEvidence = d, sp
	}
	if err := meta.apply(source, a); err != nil {
		return nil, err
	}
	return a, nil
}

// textMeta is what a text file's front matter says of it.
type textMeta map[string]string

// frontMatter splits off a block of "key: value" lines between two "---"
// lines at the very top of a text file, the front matter of Jekyll, Hugo
// and Pandoc documents; without one, meta is nil and body the whole text.
func frontMatter(text string) (meta textMeta, body string) {
	rest, ok := cutLine(text, "---")
	if !ok {
		return nil, text
	}
	meta = textMeta{}
	for {
		line, after, found := strings.Cut(rest, "\n")
		if strings.TrimSpace(line) == "---" {
			return meta, strings.TrimLeft(after, "\r\n")
		}
		if !found {
			return nil, text // never closed: not front matter
		}
		k, v, ok := strings.Cut(line, ":")
		k = strings.ToLower(strings.TrimSpace(k))
		if !ok || k == "" || strings.ContainsAny(k, " \t") {
			if strings.TrimSpace(line) != "" && !strings.HasPrefix(strings.TrimSpace(line), "#") {
				return nil, text // not key: value lines
			}
		} else {
			meta[k] = strings.Trim(strings.TrimSpace(v), `"'`)
		}
		rest = after
	}
}

// cutLine returns what follows text's first line when that line is want.
func cutLine(text, want string) (string, bool) {
	line, rest, ok := strings.Cut(text, "\n")
	if !ok || strings.TrimSpace(line) != want {
		return "", false
	}
	return rest, true
}

// apply sets what the front matter names. Keys follow the fields of
// news-please and of common static-site generators.
func (m textMeta) apply(source string, a *parallax.Article) error {
	for _, k := range []string{"outlet", "source_domain", "publisher", "site_name", "site", "source"} {
		if v := m[k]; v != "" {
			a.Outlet = v
			break
		}
	}
	for _, k := range []string{"title", "headline"} {
		if v := m[k]; v != "" {
			a.Title = v
			if i := strings.Index(a.Text, v); i >= 0 {
				a.TitleSpan = parallax.Span{Start: i, End: i + len(v)}
			} else {
				a.TitleSpan = parallax.Span{}
			}
			break
		}
	}
	if v := m["url"]; v != "" {
		a.URL = v
	}
	for _, k := range []string{"author", "byline"} {
		if v := m[k]; v != "" {
			a.Author = v
			break
		}
	}
	for _, k := range []string{"language", "lang"} {
		if v := m[k]; v != "" {
			a.Language = strings.ToLower(v)
			break
		}
	}
	for _, k := range []string{"date", "published", "date_publish"} {
		v := m[k]
		if v == "" {
			continue
		}
		d, ok := parseMetaDate(v)
		if !ok {
			return parallax.Errorf(parallax.EINVALID, "read %q: front matter %s %q is not a date (want 2026-03-03 or 2026-03-03T10:00:00Z)", source, k, v)
		}
		a.Published, a.PublishedEvidence = d, parallax.Span{}
		break
	}
	return nil
}

// parseMetaDate reads a date as front matter writes it: RFC 3339, a date
// and time, or a date.
func parseMetaDate(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// headline returns the span of the text's first line when it reads as a
// headline: short, not ending like a sentence, and followed by more text.
// A Markdown "# " marker is left outside the span.
func headline(text string) (parallax.Span, bool) {
	start := 0
	for start < len(text) && (text[start] == '\n' || text[start] == '\r' || text[start] == ' ' || text[start] == '\t') {
		start++
	}
	end := strings.IndexByte(text[start:], '\n')
	if end < 0 {
		return parallax.Span{}, false // nothing follows
	}
	end += start
	if strings.TrimSpace(text[end:]) == "" {
		return parallax.Span{}, false
	}
	line := text[start:end]
	// Markdown heading.
	if t := strings.TrimLeft(line, "#"); len(t) < len(line) && strings.HasPrefix(t, " ") {
		start += len(line) - len(strings.TrimLeft(t, " "))
		line = text[start:end]
	}
	line = strings.TrimRightFunc(line, unicode.IsSpace)
	end = start + len(line)
	if line == "" || utf8.RuneCountInString(line) > 200 || len(strings.Fields(line)) > 30 {
		return parallax.Span{}, false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(line, "\"'”’»)"))
	switch last {
	case '.', ',', ';', ':':
		return parallax.Span{}, false
	}
	return parallax.Span{Start: start, End: end}, true
}
