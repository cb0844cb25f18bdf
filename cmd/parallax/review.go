package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/user"
	"strconv"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/view"
)

// ReviewCommand marks a conflict of a story confirmed or not a conflict,
// with a note and who marked it. The mark names the conflict by its key,
// so it stays with the same conflict when the story is compared again.
type ReviewCommand struct{ Main *Main }

func (c *ReviewCommand) Run(ctx context.Context, args []string) error {
	m := c.Main
	fs := newFlags(m, "review", `Usage: parallax review [flags] STORY CONFLICT

Marks a conflict of a story, numbered as parallax show prints them (1, 2,
…): --confirm (the outlets do disagree) or --reject (not a conflict), with
a --note and who marks it (--by, else $USER). --clear removes the mark.
With no mark flag it lists the story's conflicts and their marks.`)
	db := dbFlag(fs)
	confirm := fs.Bool("confirm", false, "mark it confirmed: the outlets do disagree")
	reject := fs.Bool("reject", false, "mark it not a conflict")
	clear := fs.Bool("clear", false, "remove the mark")
	note := fs.String("note", "", "what was checked, and against what")
	by := fs.String("by", "", "who marks it (default $USER)")
	if done, err := parseFlags(m, fs, args); done {
		return err
	}
	n := 0
	for _, b := range []bool{*confirm, *reject, *clear} {
		if b {
			n++
		}
	}
	if n > 1 {
		return usageError(m, fs, "give one of --confirm, --reject, --clear")
	}
	if fs.NArg() < 1 || (n == 1 && fs.NArg() != 2) || (n == 0 && fs.NArg() > 2) {
		return usageError(m, fs, "want STORY and, to mark one, CONFLICT (hint: parallax show STORY numbers them)")
	}
	id, err := parseStoryID(fs.Arg(0))
	if err != nil {
		return err
	}
	return withStore(ctx, *db, func(st parallax.Store) error {
		_, raw, err := st.Story(ctx, id)
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
		if n == 0 {
			return listConflicts(m, id, story, reviews)
		}
		k, err := strconv.Atoi(fs.Arg(1))
		if err != nil || k < 1 || k > len(story.Conflicts) {
			return parallax.Errorf(parallax.EINVALID, "conflict %q: story s%d has conflicts 1 to %d (parallax review s%d lists them)", fs.Arg(1), id, len(story.Conflicts), id)
		}
		r := parallax.Review{Key: story.Conflicts[k-1].Key(), Note: *note, By: *by, At: time.Now().UTC()}
		switch {
		case *confirm:
			r.Verdict = parallax.Confirmed
		case *reject:
			r.Verdict = parallax.NotConflict
		}
		if r.By == "" {
			r.By = currentUser()
		}
		if err := st.SetReview(ctx, id, r); err != nil {
			return err
		}
		what := map[string]string{parallax.Confirmed: "confirmed", parallax.NotConflict: "marked not a conflict", "": "unmarked"}[r.Verdict]
		fmt.Fprintf(m.Stdout, "s%d conflict %d %s (%s)\n", id, k, what, story.Conflicts[k-1].Summary)
		return nil
	})
}

func listConflicts(m *Main, id int64, story *parallax.Story, reviews []parallax.Review) error {
	if len(story.Conflicts) == 0 {
		fmt.Fprintf(m.Stdout, "story s%d: no conflicts\n", id)
		return nil
	}
	view.AttachReviews(story, reviews)
	for i, c := range story.Conflicts {
		mark := "unreviewed"
		if c.Review != nil {
			mark = reviewLine(c.Review)
		}
		fmt.Fprintf(m.Stdout, "%d. %s · %s\n   %s\n", i+1, c.Kind, c.Summary, mark)
	}
	return nil
}

// reviewLine says a review in one line.
func reviewLine(r *parallax.Review) string {
	s := "not a conflict"
	if r.Verdict == parallax.Confirmed {
		s = "confirmed"
	}
	if r.By != "" {
		s += " by " + r.By
	}
	if !r.At.IsZero() {
		s += " on " + r.At.UTC().Format("2006-01-02")
	}
	if r.Note != "" {
		s += ": " + r.Note
	}
	return s
}

func currentUser() string {
	if u := os.Getenv("USER"); u != "" {
		return u
	}
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return "unknown"
}
