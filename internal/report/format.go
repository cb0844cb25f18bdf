// Package report renders a *parallax.Report for people and programs: JSON
// (the contract the scorer reads), a terminal report, Markdown, and one
// self-contained HTML file that can be mailed.
//
// Every renderer is deterministic: the same report gives the same bytes.
// Renderers never reorder what the report lists; they only group it.
package report

import (
	"io"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/view"
)

// Format is an output format.
type Format string

// The formats.
const (
	FormatText     Format = "text"
	FormatJSON     Format = "json"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
)

// Formats lists every format, in the order help texts show them.
func Formats() []Format {
	return []Format{FormatText, FormatJSON, FormatMarkdown, FormatHTML}
}

// aliases are the other names ParseFormat accepts.
var aliases = map[string]Format{
	"txt":      FormatText,
	"terminal": FormatText,
	"md":       FormatMarkdown,
	"htm":      FormatHTML,
}

// ParseFormat reads a format name as a user types it ("json", "md", "HTML").
// The error is a parallax.EINVALID *parallax.Error that lists the formats.
func ParseFormat(s string) (Format, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	for _, f := range Formats() {
		if name == string(f) {
			return f, nil
		}
	}
	if f, ok := aliases[name]; ok {
		return f, nil
	}
	names := make([]string, 0, len(Formats()))
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	if name == "" {
		return "", parallax.Errorf(parallax.EINVALID,
			"no output format given: use one of %s", strings.Join(names, ", "))
	}
	return "", parallax.Errorf(parallax.EINVALID,
		"unknown output format %q: use one of %s (or md for markdown)", s, strings.Join(names, ", "))
}

// Options are the settings a caller may give Write; each renderer uses the
// ones that concern it.
type Options struct {
	Text TextOptions
	// Articles are the full articles keyed by Article.ID. HTML uses them to
	// show each piece of evidence inside its sentence and each article's text
	// with its evidence highlighted; without them it shows the evidence alone.
	Articles map[string]*parallax.Article
	// Directory describes the outlets (the user's outlets file) for the
	// coverage bar and display names; nil shows neither.
	Directory view.Directory
}

// Write renders rep in format f.
func Write(w io.Writer, f Format, rep *parallax.Report, opts Options) error {
	switch f {
	case FormatText:
		t := opts.Text
		if t.Directory == nil {
			t.Directory = opts.Directory
		}
		return Text(w, rep, t)
	case FormatJSON:
		return JSON(w, rep)
	case FormatMarkdown:
		return markdown(w, rep, opts.Directory)
	case FormatHTML:
		return html(w, rep, opts.Articles, opts.Directory)
	}
	_, err := ParseFormat(string(f))
	return err
}
