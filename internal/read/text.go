package read

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/dates"
)

// Text makes an article of a plain-text file's content. Text is the whole
// content — only a byte-order mark is dropped and invalid UTF-8 replaced by
// U+FFFD — so spans into it are spans into the file. The first line is the
// headline when it looks like one. The outlet is the file's name stem until
// something better is known; the publication date is the text's dateline.
func Text(source string, data []byte) (*parallax.Article, error) {
	text := strings.TrimPrefix(string(data), "\ufeff")
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	if strings.TrimSpace(text) == "" {
		return nil, emptyError(source)
	}
	a := &parallax.Article{Source: source, Outlet: stem(source), Text: text, Received: data, ReceivedType: "text/plain"}
	if sp, ok := headline(text); ok {
		a.Title, a.TitleSpan = text[sp.Start:sp.End], sp
	}
	if d, sp, ok := dates.Dateline(text); ok {
		a.Published, a.PublishedEvidence = d, sp
	}
	return a, nil
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
