package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/pipeline"
	"github.com/parallaxnews/parallax/internal/view"
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
	Published   string `json:"published,omitempty"` // RFC 3339, UTC
	ID          string `json:"id"`
	Source      string `json:"source"`
	Story       string `json:"story,omitempty"`
	DuplicateOf string `json:"duplicate_of,omitempty"`
	Hash        string `json:"hash"`
	Added       string `json:"added"`
	// The analysis in the library's one codec (what the API serves too):
	// sentences, entities with mentions, quotes, quantities, dates, signals.
	*pipeline.AnalysisJSON
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
	db := dbFlag(fs)
	defFormat := map[string]string{"articles": "jsonl", "stories": "jsonl", "conflicts": "md"}[what]
	format := fs.String("format", defFormat, map[string]string{"articles": "jsonl or csv", "stories": "jsonl", "conflicts": "md or csv"}[what])
	out := fs.String("o", "", "write to this file instead of standard output")
	if done, err := parseFlags(m, fs, args[1:]); done {
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
			e, err := exportArticle(r)
			if err != nil {
				return err
			}
			return enc.Encode(e)
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

func exportArticle(r *parallax.Record) (*exportedArticle, error) {
	a, err := pipeline.RecordAnalysis(r)
	if err != nil {
		return nil, err
	}
	e := &exportedArticle{URL: r.URL, Title: r.Title, Maintext: r.Text, SourceDomain: r.Outlet, Language: a.Language,
		ID: pipeline.ArticleID(r.ID), Source: r.Source, Hash: r.Hash, Added: stamp(r.Created), AnalysisJSON: pipeline.ToJSON(a)}
	if !r.Published.IsZero() {
		e.DatePublish = r.Published.UTC().Format("2006-01-02 15:04:05")
		e.Published = r.Published.UTC().Format(time.RFC3339Nano)
	}
	if r.Author != "" {
		e.Authors = []string{r.Author}
	}
	if r.StoryID != 0 {
		e.Story = pipeline.StoryID(r.StoryID)
	}
	if r.DuplicateOf != 0 {
		e.DuplicateOf = pipeline.ArticleID(r.DuplicateOf)
	}
	return e, nil
}

func exportCSV(ctx context.Context, st parallax.Store, w io.Writer) error {
	cw := csv.NewWriter(w)
	header := []string{"id", "url", "source_domain", "title", "date_publish", "language", "story", "duplicate_of", "hash", "maintext"}
	if err := cw.Write(header); err != nil {
		return err
	}
	err := st.EachArticle(ctx, func(r *parallax.Record) error {
		e, err := exportArticle(r)
		if err != nil {
			return err
		}
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
			reviews, err := st.Reviews(ctx, info.ID)
			if err != nil {
				return err
			}
			view.AttachReviews(&rep.Stories[0], reviews)
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

// exportConflicts writes a story's conflicts as a fact-check sheet: each
// conflict with its kind, subject and summary, each side's outlets with
// the article's URL and the quoted words, and the review if any.
func exportConflicts(ctx context.Context, st parallax.Store, id int64, format string, w io.Writer) error {
	info, raw, err := st.Story(ctx, id)
	if err != nil {
		return err
	}
	var rep parallax.Report
	if len(raw) == 0 || json.Unmarshal(raw, &rep) != nil || len(rep.Stories) == 0 {
		return parallax.Errorf(parallax.EINVALID, "story s%d has not been compared yet", id)
	}
	story := &rep.Stories[0]
	reviews, err := st.Reviews(ctx, id)
	if err != nil {
		return err
	}
	view.AttachReviews(story, reviews)
	recs, err := st.StoryArticles(ctx, id)
	if err != nil {
		return err
	}
	arts := map[string]*parallax.Record{}
	for _, r := range recs {
		arts["a"+strconv.FormatInt(r.ID, 10)] = r
	}
	link := func(aid string) string {
		r := arts[aid]
		switch {
		case r == nil:
			return ""
		case r.URL != "":
			return r.URL
		case isURL(r.Source):
			return r.Source
		}
		return ""
	}
	outlet := func(aid string) string {
		if r := arts[aid]; r != nil && r.Outlet != "" {
			return r.Outlet
		}
		return aid
	}
	title := view.Title(story)
	if format == "csv" {
		cw := csv.NewWriter(w)
		cw.Write([]string{"story", "title", "conflict", "kind", "subject", "summary", "side", "outlet", "article", "url", "published",
			"quoted", "start", "end", "verdict", "note", "by", "reviewed_at", "key"})
		for i, c := range story.Conflicts {
			var verdict, note, by, at string
			if r := c.Review; r != nil {
				verdict, note, by, at = r.Verdict, r.Note, r.By, r.At.UTC().Format(time.RFC3339)
			}
			for si, side := range c.Sides {
				for _, e := range side {
					published := ""
					if r := arts[e.Article]; r != nil && !r.Published.IsZero() {
						published = r.Published.UTC().Format(time.RFC3339)
					}
					cw.Write([]string{"s" + strconv.FormatInt(id, 10), title, strconv.Itoa(i + 1), c.Kind, c.Subject, c.Summary,
						string(rune('A' + si)), outlet(e.Article), e.Article, link(e.Article), published,
						e.Text, strconv.Itoa(e.Start), strconv.Itoa(e.End), verdict, note, by, at, c.Key()})
				}
			}
		}
		cw.Flush()
		return cw.Error()
	}
	fmt.Fprintf(w, "# Fact-check sheet: %s\n\n", mdText(title))
	dates := ""
	if d, _ := view.DateRange(story.Articles); d != "" {
		dates = " · published " + d
	}
	fmt.Fprintf(w, "Story s%d · %s · %s%s · compared %s\n\n", id, plural(len(story.Conflicts), "conflict", "conflicts"),
		plural(len(story.Articles), "article", "articles"), dates, stamp(info.Updated))
	if len(story.Conflicts) == 0 {
		fmt.Fprintln(w, "No conflicts found.")
		return nil
	}
	for i, c := range story.Conflicts {
		head := view.KindLabel(c.Kind)
		if c.Subject != "" {
			head += ": " + c.Subject
		}
		fmt.Fprintf(w, "## %d. %s\n\n", i+1, mdText(head))
		if c.Summary != "" {
			fmt.Fprintf(w, "%s\n\n", mdText(c.Summary))
		}
		if c.Review != nil {
			fmt.Fprintf(w, "**Review:** %s\n\n", mdText(reviewLine(c.Review)))
		} else {
			fmt.Fprint(w, "**Review:** not checked yet\n\n")
		}
		fmt.Fprintln(w, "| Side | Outlet | Article | Quoted words |")
		fmt.Fprintln(w, "| --- | --- | --- | --- |")
		for si, side := range c.Sides {
			for _, e := range side {
				art := e.Article
				if u := link(e.Article); u != "" {
					art = "[" + e.Article + "](" + strings.ReplaceAll(u, ")", "%29") + ")"
				}
				fmt.Fprintf(w, "| %c | %s | %s | “%s” |\n", 'A'+si, mdText(outlet(e.Article)), art, mdText(e.Text))
			}
		}
		fmt.Fprintf(w, "\nKey: `%s`\n\n", strings.ReplaceAll(c.Key(), "`", "'"))
	}
	return nil
}

// mdText makes s safe as one line of Markdown text: white space folded,
// and every character that could start markup escaped.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range view.OneLine(s) {
		if r < 128 && strings.ContainsRune("\\`*_[]<>|&~#", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
