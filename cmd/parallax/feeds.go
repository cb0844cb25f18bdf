package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/read"
)

// FeedsCommand manages subscriptions: add, list, remove, import-opml,
// export-opml. Adding a feed does not fetch it; `parallax watch` does.
type FeedsCommand struct{ Main *Main }

const feedsUsage = `Usage: parallax feeds add URL...
       parallax feeds list
       parallax feeds remove ID-OR-URL...
       parallax feeds import-opml FILE
       parallax feeds export-opml [-o FILE]

Manages the feeds (RSS, Atom, JSON Feed) that parallax watch polls. Adding
a feed does not fetch it; watch does. Run "parallax feeds add -h" for a
subcommand's flags.`

// feedsSynopsis is each subcommand's usage.
var feedsSynopsis = map[string]string{
	"add":         "Usage: parallax feeds add URL...\n\nSubscribes to feeds by their http(s) URLs.",
	"list":        "Usage: parallax feeds list\n\nLists the subscriptions: when each was polled, when it is due, its errors.",
	"remove":      "Usage: parallax feeds remove ID-OR-URL...\n\nUnsubscribes; the articles already ingested stay.",
	"import-opml": "Usage: parallax feeds import-opml FILE\n\nSubscribes to every feed an OPML file lists.",
	"export-opml": "Usage: parallax feeds export-opml [-o FILE]\n\nWrites the subscriptions as OPML.",
}

func (c *FeedsCommand) Run(ctx context.Context, args []string) error {
	m := c.Main
	if len(args) == 0 {
		fmt.Fprintln(m.Stderr, feedsUsage)
		return errSilent{2}
	}
	if wantsHelp(args[:1]) {
		fmt.Fprintln(m.Stdout, feedsUsage)
		return nil
	}
	sub := args[0]
	synopsis, ok := feedsSynopsis[sub]
	if !ok {
		fmt.Fprintf(m.Stderr, "parallax feeds: unknown subcommand %q\n\n%s\n", sub, feedsUsage)
		return errSilent{2}
	}
	fs := newFlags(m, "feeds "+sub, synopsis)
	db := dbFlag(fs)
	var out *string
	if sub == "export-opml" {
		out = fs.String("o", "", "write to this file instead of standard output")
	}
	if done, err := parseFlags(m, fs, args[1:]); done {
		return err
	}
	switch {
	case (sub == "add" || sub == "remove") && fs.NArg() == 0:
		return usageError(m, fs, "nothing to %s", sub)
	case sub == "import-opml" && fs.NArg() != 1:
		return usageError(m, fs, "want one OPML FILE")
	case (sub == "list" || sub == "export-opml") && fs.NArg() > 0:
		return usageError(m, fs, "unexpected argument %q", fs.Arg(0))
	}
	return withStore(ctx, *db, func(st parallax.Store) error {
		switch sub {
		case "add":
			for _, u := range fs.Args() {
				if !isURL(u) {
					return parallax.Errorf(parallax.EINVALID, "feeds add %q: not an http(s) URL", u)
				}
				id, created, err := st.AddFeed(ctx, &parallax.Feed{URL: u})
				if err != nil {
					return err
				}
				if created {
					fmt.Fprintf(m.Stdout, "added feed %d %s\n", id, u)
				} else {
					fmt.Fprintf(m.Stdout, "already subscribed: feed %d %s\n", id, u)
				}
			}
			return nil
		case "list":
			feeds, err := st.Feeds(ctx)
			if err != nil {
				return err
			}
			if len(feeds) == 0 {
				fmt.Fprintln(m.Stdout, "no feeds (add one with: parallax feeds add URL)")
				return nil
			}
			w := tabwriter.NewWriter(m.Stdout, 2, 8, 2, ' ', 0)
			fmt.Fprintln(w, "ID\tURL\tTITLE\tLAST POLLED\tNEXT\tERRORS")
			for _, f := range feeds {
				errs := ""
				if f.Failures > 0 {
					errs = fmt.Sprintf("%d: %s", f.Failures, clip(f.LastError, 40))
				}
				fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\n", f.ID, f.URL, clip(f.Title, 40), stamp(f.LastPolled), stamp(f.NextPoll), errs)
			}
			return w.Flush()
		case "remove":
			for _, x := range fs.Args() {
				if err := st.RemoveFeed(ctx, x); err != nil {
					return err
				}
				fmt.Fprintf(m.Stdout, "removed %s\n", x)
			}
			return nil
		case "import-opml":
			file, err := os.Open(fs.Arg(0))
			if err != nil {
				return parallax.Errorf(parallax.EINVALID, "read %q: %v", fs.Arg(0), err)
			}
			defer file.Close()
			list, skipped, err := read.ParseOPML(fs.Arg(0), file)
			if err != nil {
				return err
			}
			for _, e := range skipped {
				fmt.Fprintln(m.Stderr, "parallax:", parallax.ErrorMessage(e))
			}
			added := 0
			for _, of := range list {
				f := of.Feed()
				if _, created, err := st.AddFeed(ctx, &f); err != nil {
					return err
				} else if created {
					added++
				}
			}
			fmt.Fprintf(m.Stdout, "imported %s from %s (%d already subscribed)\n", plural(added, "feed", "feeds"), fs.Arg(0), len(list)-added)
			return nil
		case "export-opml":
			feeds, err := st.Feeds(ctx)
			if err != nil {
				return err
			}
			list := make([]parallax.Feed, len(feeds))
			for i, f := range feeds {
				list[i] = *f
			}
			var w io.Writer = m.Stdout
			var file *outputFile
			if out != nil && *out != "" {
				if file, err = createOutput(*out); err != nil {
					return err
				}
				defer file.Close()
				w = file
			}
			if err := read.WriteOPML(w, list); err != nil {
				return err
			}
			if file != nil {
				return file.Commit()
			}
			return nil
		default:
			fmt.Fprintf(m.Stderr, "parallax feeds: unknown subcommand %q\n%s\n", sub, feedsUsage)
			return errSilent{2}
		}
	})
}
