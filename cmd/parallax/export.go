package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"

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
	DatePublish  string   `json:"date_publish,omitempty"`
	SourceDomain string   `json:"source_domain"`
	Language     string   `json:"language,omitempty"`
	Authors      []string `json:"authors,omitempty"`
	// ours
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

func (c *ExportCommand) Run(ctx context.Context, args []string) error {
	m := c.Main
	if len(args) == 0 || (args[0] != "articles" && args[0] != "stories") {
		fmt.Fprintln(m.Stderr, "usage: parallax export articles --format jsonl|csv | parallax export stories --format jsonl")
		return errSilent{2}
	}
	what := args[0]
	fs := flag.NewFlagSet("parallax export "+what, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	db := fs.String("db", DefaultDBPath(), "library database (or $PARALLAX_DB)")
	format := fs.String("format", "jsonl", "jsonl, or csv for articles")
	out := fs.String("o", "", "write to this file instead of standard output")
	if err := fs.Parse(args[1:]); err != nil {
		return errSilent{2}
	}
	if *format != "jsonl" && !(what == "articles" && *format == "csv") {
		return parallax.Errorf(parallax.EINVALID, "export %s: unknown format %q (jsonl%s)", what, *format, map[bool]string{true: " or csv"}[what == "articles"])
	}
	var w io.Writer = m.Stdout
	var file *outputFile
	if *out != "" {
		var err error
		if file, err = createOutput(*out); err != nil {
			return err
		}
		defer file.Close()
		w = file
	}
	bw := bufio.NewWriter(w)
	err := withStore(ctx, *db, func(st parallax.Store) error {
		if what == "stories" {
			return exportStories(ctx, st, bw)
		}
		if *format == "csv" {
			return exportCSV(ctx, st, bw)
		}
		enc := json.NewEncoder(bw)
		return st.EachArticle(ctx, func(r *parallax.Record) error {
			return enc.Encode(exportArticle(r))
		})
	})
	if err == nil {
		err = bw.Flush()
	}
	if err == nil && file != nil {
		err = file.Commit()
	}
	return err
}

func exportArticle(r *parallax.Record) exportedArticle {
	a := ingest.Analysis(r)
	e := exportedArticle{URL: r.URL, Title: r.Title, Maintext: r.Text, SourceDomain: r.Outlet, Language: a.Language,
		ID: fmt.Sprintf("a%d", r.ID), Source: r.Source, Hash: r.Hash, Added: stamp(r.Created),
		Entities: []exportedEntity{}, Quotes: []exportedQuote{}, Quantities: []json.RawMessage{}, Dates: []json.RawMessage{}}
	if !r.Published.IsZero() {
		e.DatePublish = r.Published.UTC().Format("2006-01-02 15:04:05")
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
		return cw.Write([]string{e.ID, e.URL, e.SourceDomain, e.Title, e.DatePublish, e.Language, e.Story, e.DuplicateOf, e.Hash, e.Maintext})
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
