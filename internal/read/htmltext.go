package read

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// htmlText renders an HTML fragment (a feed item's content or summary) as
// plain text: one line per paragraph, heading or list item, entities
// decoded, scripts and styles dropped, runs of white space collapsed. Text
// that holds no markup keeps its own line breaks. The result is valid UTF-8
// with no blank lines.
func htmlText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if !hasMarkup(s) {
		return joinLines(strings.Split(html.UnescapeString(s), "\n"))
	}
	var b strings.Builder
	newline := func() {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
	}
	skip := 0 // inside script, style and the like
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return joinLines(strings.Split(b.String(), "\n"))
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch tag {
			case "script", "style", "noscript", "template", "iframe", "svg", "math":
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case "br", "hr":
				newline()
			case "td", "th":
				b.WriteByte(' ')
			default:
				if textBlocks[tag] {
					newline()
				}
			}
		}
	}
}

// textBlocks are the elements that begin and end a line of text.
var textBlocks = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true, "blockquote": true,
	"pre": true, "table": true, "tr": true, "section": true, "article": true, "header": true,
	"footer": true, "figure": true, "figcaption": true, "main": true, "aside": true, "caption": true,
	"address": true, "details": true, "summary": true, "body": true,
}

// hasMarkup reports whether s holds an HTML tag, comment or declaration:
// a "<" followed by a letter, "/" or "!".
func hasMarkup(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		c := s[i+1]
		if c == '/' || c == '!' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return true
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// joinLines collapses the white space inside each line, drops the empty
// lines and joins the rest with "\n".
func joinLines(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		f := strings.FieldsFunc(l, unicode.IsSpace)
		if len(f) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		for i, w := range f {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
	}
	return b.String()
}

// oneLine is s on one line, white space collapsed.
func oneLine(s string) string { return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ") }
