package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/ingest"
)

// ExportCommand writes the library out: articles as JSON Lines (news-please
// fields plus ours) or CSV, stories as JSON Lines with their facts and
// conflicts.
type ExportCommand struct{ Main *Main }

// exportedArticle is one line of `export articles --format jsonl`.
type exportedArticle struct {
	URL          string   `json:"url"`
	Title        string   `json:"title"`
	Maintext     string   `json:"maintext"`
	DatePublish  string   `json:"date_publish,omitempty"` // news-please's form, UTC: 2006-01-02 15:04:05
	SourceDomain string   `json:"source_domain"`
	Language     string   `json:"language,omitempty"`
	Authors      []string `json:"authors,omitempty"`
	// ours
	Published   string            `json:"published,omitempty"` // RFC 3339, UTC
	ID          string            `json:"id"`
	Source      string            `json:"source"`
	Story       string            `json:"story,omitempty"`
	DuplicateOf string            `json:"duplicate_of,omitempty"`
	Hash        string            `json:"hash"`
	Added       string            `json:"added"`
	Entities    []exportedEntity  `json:"entities"`
	Quotes      []exportedQuote   `json:"quotes"`
	Quantities  []json.RawMessage `json:"quantities"`
	Dates       []json.RawMessage `json:"dates"`
}

type exportedEntity struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases,omitempty"`
}

type exportedQuote struct {
	Text    string  `json:"text"`
	Speaker *string `json:"speaker"`
}

const exportUsage = `Usage: parallax export articles [--format jsonl|csv] [-o FILE]
       parallax export stories [-o FILE]
       parallax export conflicts STORY [--format md|csv] [-o FILE]

Writes the library out. articles: every article, as JSON Lines with the
news-please fields (url, title, maintext, date_publish, source_domain,
language) and ours (id, story, duplicate_of, entities, quotes, …), or as
CSV; times are written exactly, in UTC. stories: every compared story as
JSON Lines, with its facts, conflicts and their reviews. conflicts: one
story's conflicts as a fact-check sheet, each side's outlets, URLs and
quoted words, and what a person marked it as.

Run "parallax export articles -h" for a subcommand's flags.`

func (c *ExportCommand) Run(ctx context.Context, args []string) error {
	m := c.Main
	if len(args) == 0 || wantsHelp(args[:1]) {
		if len(args) == 0 {
			fmt.Fprintln(m.Stderr, exportUsage)
			return errSilent{2}
		}
		fmt.Fprintln(m.Stdout, exportUsage)
		return nil
	}
	what := args[0]
	switch what {
	case "articles", "stories", "conflicts":
	default:
		fmt.Fprintf(m.Stderr, "parallax export: unknown subcommand %q\n\n%s\n", what, exportUsage)
		return errSilent{2}
	}
	synopsis := map[string]string{
		"articles":  "Usage: parallax export articles [--format jsonl|csv] [-o FILE]\n\nEvery article in the library, as JSON Lines (news-please fields plus ours)\nor CSV. Times are exact, in UTC.",
		"stories":   "Usage: parallax export stories [-o FILE]\n\nEvery compared story as JSON Lines: its facts, conflicts (with reviews),\nquotes, framing, timeline and digest.",
		"conflicts": "Usage: parallax export conflicts STORY [--format md|csv] [-o FILE]\n\nOne story's conflicts as a fact-check sheet: for each, its kind and subject,\neach side's outlets with their URLs and quoted words, and its review.",
	}[what]
	fs := newFlags(m, "export "+what, synopsis)
	db := fs.String("db", DefaultDBPath(), "library database (or $PARALLAX_DB)")
	defFormat := map[string]string{"articles": "jsonl", "stories": "jsonl", "conflicts": "md"}[what]
	format := fs.String("format", defFormat, map[string]string{"articles": "jsonl or csv", "stories": "jsonl", "conflicts": "md or csv"}[what])
	out := fs.String("o", "", "write to this file instead of standard output")
	if done, err := parseFlags(m, fs, reorder(args[1:])); done {
		return err
	}
	okFormat := map[string][]string{"articles": {"jsonl", "csv"}, "stories": {"jsonl"}, "conflicts": {"md", "markdown", "csv"}}[what]
	if !slices.Contains(okFormat, *format) {
		return usageError(m, fs, "unknown format %q (%s)", *format, strings.Join(okFormat, " or "))
	}
	var storyID int64
	switch {
	case what == "conflicts" && fs.NArg() != 1:
		return usageError(m, fs, "want one STORY (hint: parallax stories lists them)")
	case what == "conflicts":
		id, err := parseStoryID(fs.Arg(0))
		if err != nil {
			return err
		}
		storyID = id
	case fs.NArg() > 0:
		return usageError(m, fs, "unexpected argument %q", fs.Arg(0))
	}
	var w io.Writer = m.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("create %q: %w", *out, err)
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	return withStore(ctx, *db, func(st parallax.Store) error {
		switch what {
		case "stories":
			return exportStories(ctx, st, bw)
		case "conflicts":
			return exportConflicts(ctx, st, storyID, *format, bw)
		}
		if *format == "csv" {
			return exportCSV(ctx, st, bw)
		}
		enc := json.NewEncoder(bw)
		return st.EachArticle(ctx, func(r *parallax.Record) error {
			return enc.Encode(exportArticle(r))
		})
	})
}

func exportArticle(r *parallax.Record) exportedArticle {
	a := ingest.Analysis(r)
	e := exportedArticle{URL: r.URL, Title: r.Title, Maintext: r.Text, SourceDomain: r.Outlet, Language: a.Language,
		ID: fmt.Sprintf("a%d", r.ID), Source: r.Source, Hash: r.Hash, Added: stamp(r.Created),
		Entities: []exportedEntity{}, Quotes: []exportedQuote{}, Quantities: []json.RawMessage{}, Dates: []json.RawMessage{}}
	if !r.Published.IsZero() {
		e.DatePublish = r.Published.UTC().Format("2006-01-02 15:04:05")
		e.Published = r.Published.UTC().Format(time.RFC3339Nano)
	}
	if r.Author != "" {
		e.Authors = []string{r.Author}
	}
	if r.StoryID != 0 {
		e.Story = "s" + strconv.FormatInt(r.StoryID, 10)
	}
	if r.DuplicateOf != 0 {
		e.DuplicateOf = "a" + strconv.FormatInt(r.DuplicateOf, 10)
	}
	for _, x := range a.Entities {
		e.Entities = append(e.Entities, exportedEntity{x.Name, x.Type, x.Aliases})
	}
	for _, q := range a.Quotes {
		eq := exportedQuote{Text: q.Text}
		if q.Speaker != "" {
			s := q.Speaker
			eq.Speaker = &s
		}
		e.Quotes = append(e.Quotes, eq)
	}
	for _, q := range a.Quantities {
		b, _ := json.Marshal(q)
		e.Quantities = append(e.Quantities, b)
	}
	for _, d := range a.Dates {
		b, _ := json.Marshal(d)
		e.Dates = append(e.Dates, b)
	}
	return e
}

func exportCSV(ctx context.Context, st parallax.Store, w io.Writer) error {
	cw := csv.NewWriter(w)
	header := []string{"id", "url", "source_domain", "title", "date_publish", "language", "story", "duplicate_of", "hash", "maintext"}
	if err := cw.Write(header); err != nil {
		return err
	}
	err := st.EachArticle(ctx, func(r *parallax.Record) error {
		e := exportArticle(r)
		// The time exactly, with its zone: a spreadsheet reads RFC 3339.
		return cw.Write([]string{e.ID, e.URL, e.SourceDomain, e.Title, e.Published, e.Language, e.Story, e.DuplicateOf, e.Hash, e.Maintext})
	})
	cw.Flush()
	if err != nil {
		return err
	}
	return cw.Error()
}

func exportStories(ctx context.Context, st parallax.Store, w io.Writer) error {
	enc := json.NewEncoder(w)
	offset := 0
	for {
		list, err := st.Stories(ctx, parallax.StoryFilter{Limit: 500, Offset: offset})
		if err != nil {
			return err
		}
		for _, info := range list {
			_, raw, err := st.Story(ctx, info.ID)
			if err != nil {
				return err
			}
			var rep parallax.Report
			if err := json.Unmarshal(raw, &rep); err != nil || len(rep.Stories) == 0 {
				continue // not compared yet
			}
			line := struct {
				parallax.Story
				First   string `json:"first,omitempty"`
				Last    string `json:"last,omitempty"`
				Updated string `json:"updated,omitempty"`
			}{rep.Stories[0], day(info.First), day(info.Last), stamp(info.Updated)}
			if err := enc.Encode(line); err != nil {
				return err
			}
		}
		if len(list) < 500 {
			return nil
		}
		offset += len(list)
	}
}

// exportConflicts writes a story's conflicts as a fact-check sheet.
func exportConflicts(ctx context.Context, st parallax.Store, id int64, format string, w io.Writer) error {
	return parallax.Errorf(parallax.EINVALID, "export conflicts: not yet")
}
