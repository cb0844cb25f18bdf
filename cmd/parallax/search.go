package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/parallaxnews/parallax"
)

// SearchCommand runs a full-text query over the library's articles.
type SearchCommand struct{ Main *Main }

func (c *SearchCommand) Run(ctx context.Context, args []string) error {
	m := c.Main
	fs := newFlags(m, "search", `Usage: parallax search [flags] QUERY

Full-text search over the library's articles, best match first. QUERY
takes words, "exact phrases", prefix* and OR.`)
	db := dbFlag(fs)
	limit := fs.Int("limit", 20, "at most this many results")
	format := fs.String("format", "text", "text or json")
	if done, err := parseFlags(m, fs, args); done {
		return err
	}
	q := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(q) == "" {
		return usageError(m, fs, "no QUERY given")
	}
	if *format != "text" && *format != "json" {
		return usageError(m, fs, "unknown format %q (text or json)", *format)
	}
	return withStore(ctx, *db, func(st parallax.Store) error {
		hits, err := st.Search(ctx, q, *limit)
		if err != nil {
			return err
		}
		if *format == "json" {
			type row struct {
				Article   string `json:"article"`
				Story     string `json:"story,omitempty"`
				Outlet    string `json:"outlet"`
				Title     string `json:"title"`
				URL       string `json:"url,omitempty"`
				Published string `json:"published,omitempty"`
				Snippet   string `json:"snippet"`
			}
			rows := []row{}
			for _, h := range hits {
				r := row{Article: fmt.Sprintf("a%d", h.ID), Outlet: h.Outlet, Title: h.Title, URL: h.URL, Published: day(h.Published), Snippet: h.Snippet}
				if h.StoryID != 0 {
					r.Story = fmt.Sprintf("s%d", h.StoryID)
				}
				rows = append(rows, r)
			}
			enc := json.NewEncoder(m.Stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(rows)
		}
		if len(hits) == 0 {
			fmt.Fprintf(m.Stdout, "no articles match %q\n", q)
			return nil
		}
		for _, h := range hits {
			// Only what is known: an empty field leaves no separator behind.
			head := []string{fmt.Sprintf("a%d", h.ID)}
			for _, f := range []string{h.Outlet, day(h.Published)} {
				if f != "" {
					head = append(head, f)
				}
			}
			if h.StoryID != 0 {
				head = append(head, fmt.Sprintf("story s%d", h.StoryID))
			}
			fmt.Fprintln(m.Stdout, strings.Join(head, " · "))
			for _, line := range []string{strings.Join(strings.Fields(h.Title), " "), strings.Join(strings.Fields(h.Snippet), " ")} {
				if line != "" {
					fmt.Fprintln(m.Stdout, "  "+line)
				}
			}
		}
		return nil
	})
}
