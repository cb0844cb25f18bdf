// Command parallax compares how news outlets cover the same events.
//
//	parallax compare [flags] INPUT...
//
// main is thin: it wires signals, standard streams and the exit status to
// Main, which tests run as the real program.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/parallaxnews/parallax"
)

func main() { os.Exit(runMain(os.Args[1:])) }

// stopGrace is how long a command has, after SIGINT or SIGTERM, to stop
// by itself before the program stops it.
const stopGrace = 700 * time.Millisecond

// signalsReady, when set (by tests), is called once the signals are wired.
var signalsReady func()

// runMain runs one command with the signals wired and returns the exit
// status. The first SIGINT or SIGTERM cancels the command's context: every
// command then stops at the next article, record or request, and says
// so. One still busy after stopGrace (in one long computation) is stopped
// there: whatever it committed to the library is whole (each article and
// each story's report is one transaction), output files are written whole
// or not at all, and the exit status is 130. A second signal ends the
// program at once.
func runMain(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if signalsReady != nil {
		signalsReady()
	}
	// PARALLAX_CPUPROFILE=file writes a CPU profile of the run, for
	// developers chasing speed (go tool pprof file).
	if path := os.Getenv("PARALLAX_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			if pprof.StartCPUProfile(f) == nil {
				defer pprof.StopCPUProfile()
			}
		}
	}
	m := NewMain(os.Stdout, os.Stderr)
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, args) }()
	select {
	case err := <-done:
		return exitCode(err)
	case <-ctx.Done():
	}
	stop() // from now on a signal has its default effect
	select {
	case err := <-done:
		var silent errSilent
		if err != nil && !errors.As(err, &silent) {
			// Whatever failed, failed because of the interrupt.
			err = context.Canceled
		}
		return exitCode(err)
	case <-time.After(stopGrace):
		removePending()
		fmt.Fprintln(os.Stderr, "parallax: interrupted before the command finished; what it had committed is kept whole")
		return 130
	}
}

// Main is the program: its streams and logger, so tests can run it whole.
type Main struct {
	Stdout io.Writer
	Stderr io.Writer
	Logger *slog.Logger
}

// NewMain returns a Main writing to the given streams.
func NewMain(stdout, stderr io.Writer) *Main {
	return &Main{Stdout: stdout, Stderr: stderr,
		Logger: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: logLevel}))}
}

// logLevel is the least level the logger writes (tests lower it to follow
// a command's steps).
var logLevel = slog.LevelWarn

// errSilent is returned when the problem was already reported to the user.
type errSilent struct{ code int }

func (e errSilent) Error() string { return fmt.Sprintf("exit status %d", e.code) }

const usage = `parallax compares how news outlets cover the same events.

Usage:
  parallax compare [flags] INPUT...   group articles into stories and compare the outlets
  parallax ingest [flags] INPUT...    add files, directories, pages, feeds, WARC to the library
                                      (--queue nats://… hands them to workers instead)
  parallax stories [--since --query --outlet] [--format text|json]
                                      list the library's stories
  parallax show STORY [--format text|json|md|html]
                                      one story's comparison
  parallax search QUERY               full-text search over the library's articles
  parallax review STORY [CONFLICT --confirm|--reject --note N --by B]
                                      mark a conflict checked, or list the marks
  parallax export articles|stories [--format jsonl|csv]
  parallax export conflicts STORY [--format md|csv]
                                      a story's conflicts as a fact-check sheet
  parallax feeds add|list|remove|import-opml|export-opml
  parallax watch [--interval 15m] [--once]
                                      poll the subscribed feeds and ingest new items
  parallax serve [--addr 127.0.0.1:8080] [--token T]
                                      story pages and a JSON API over the library
  parallax worker --db postgres://… --nats nats://…
                                      take ingest jobs from NATS JetStream (ingest --queue,
                                      watch --queue publish them); as many as you like
  parallax reanalyze                  analyse every stored article again, recompare the stories
  parallax bench [-n 10000]           measure analysis and grouping speed on a generated corpus
  parallax bench -stress [-stories N] [-trials K] [-kinds K,…] [-dump FILE]
                                      the conflict stress test on the dev stories (../shared)
  parallax help                       this text

An INPUT is a text, HTML, JSON Lines (news-please fields), feed or WARC
file, or a directory of them. The library lives in --db, else
$PARALLAX_DB, else the user's data directory: an SQLite file, or a
PostgreSQL database named by a postgres:// URL. Run "parallax CMD -h" (or
"parallax help CMD") for a command's usage and flags.
`

// Run parses args and runs one command.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return errSilent{2}
	}
	switch args[0] {
	case "compare":
		return (&CompareCommand{Main: m}).Run(ctx, args[1:])
	case "ingest":
		return (&IngestCommand{Main: m}).Run(ctx, args[1:])
	case "stories":
		return (&StoriesCommand{Main: m}).Run(ctx, args[1:])
	case "show":
		return (&ShowCommand{Main: m}).Run(ctx, args[1:])
	case "search":
		return (&SearchCommand{Main: m}).Run(ctx, args[1:])
	case "export":
		return (&ExportCommand{Main: m}).Run(ctx, args[1:])
	case "review":
		return (&ReviewCommand{Main: m}).Run(ctx, args[1:])
	case "feeds":
		return (&FeedsCommand{Main: m}).Run(ctx, args[1:])
	case "watch":
		return (&WatchCommand{Main: m}).Run(ctx, args[1:])
	case "serve":
		return (&ServeCommand{Main: m}).Run(ctx, args[1:])
	case "worker":
		return (&WorkerCommand{Main: m}).Run(ctx, args[1:])
	case "reanalyze":
		return (&ReanalyzeCommand{Main: m}).Run(ctx, args[1:])
	case "bench":
		return (&BenchCommand{Main: m}).Run(ctx, args[1:])
	case "evalcorpus":
		return (&EvalCorpusCommand{Main: m}).Run(ctx, args[1:])
	case "help", "-h", "-help", "--help":
		// "parallax help CMD" is "parallax CMD --help".
		if args[0] == "help" && len(args) > 1 && args[1] != "help" && !wantsHelp(args[1:2]) {
			return m.Run(ctx, []string{args[1], "--help"})
		}
		fmt.Fprint(m.Stdout, usage)
		return nil
	default:
		fmt.Fprintf(m.Stderr, "parallax: unknown command %q\n\n%s", args[0], usage)
		return errSilent{2}
	}
}

// exitCode maps an error to the process exit status: 0 success, 1 some
// input or the run failed, 2 usage.
func exitCode(err error) int {
	if err == nil {
		return 0
	}
	if e, ok := err.(errSilent); ok {
		return e.code
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(os.Stderr, "parallax: interrupted; what was committed is kept")
		return 130
	}
	if parallax.ErrorCode(err) == parallax.EINTERNAL {
		// An unexpected failure: the wrapped chain says where; hiding it
		// helps nobody at a terminal.
		fmt.Fprintln(os.Stderr, "parallax: internal error:", err)
		return 1
	}
	fmt.Fprintln(os.Stderr, "parallax:", parallax.ErrorMessage(err))
	if parallax.ErrorCode(err) == parallax.EINVALID {
		return 2
	}
	return 1
}
