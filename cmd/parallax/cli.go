package main

import (
	"flag"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/outlets"
	"github.com/parallaxnews/parallax/internal/view"
)

// The conventions every command follows: -h, -help and --help print the
// command's usage on standard output and succeed; a usage mistake prints
// the problem and the usage on standard error and exits 2; errors name the
// input and say the problem in the user's words.

// newFlags makes a command's flag set. usage is the text above the flags:
// the synopsis, a blank line, what the command does.
func newFlags(m *Main, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet("parallax "+name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), strings.TrimRight(usage, "\n")+"\n")
		n := 0
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprintln(fs.Output(), "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseFlags parses args. It reports done when the command should stop
// now: help was printed (err nil) or the flags were wrong (err says so,
// the usage already printed).
func parseFlags(m *Main, fs *flag.FlagSet, args []string) (done bool, err error) {
	if wantsHelp(args) {
		fs.SetOutput(m.Stdout)
		fs.Usage()
		return true, nil
	}
	if err := fs.Parse(interleave(fs, args)); err != nil {
		return true, errSilent{2}
	}
	return false, nil
}

// interleave moves the flags among args before the positional arguments,
// so "show s3 --format json" works as well as "show --format json s3". A
// flag takes the next argument as its value unless it is boolean or
// written -flag=value; after "--" everything is positional.
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				continue
			}
		}
		if i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	if len(pos) == 0 {
		return flags
	}
	return append(append(flags, "--"), pos...)
}

// wantsHelp reports whether args ask for help before any "--".
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help", "-?":
			return true
		}
	}
	return false
}

// usageError prints a usage mistake and the usage, and exits 2.
func usageError(m *Main, fs *flag.FlagSet, format string, args ...any) error {
	fmt.Fprintf(m.Stderr, "%s: %s\n\n", fs.Name(), fmt.Sprintf(format, args...))
	fs.SetOutput(m.Stderr)
	fs.Usage()
	return errSilent{2}
}

// checkInput refuses an input that names a scheme Parallax cannot read
// (gopher://, ftp://), before it is taken for a file name; a
// file:// URL is read as the path it names. remote says whether http(s)
// URLs are welcome (ingest fetches them; compare does not).
func checkInput(in string, remote bool) (string, error) {
	i := strings.Index(in, "://")
	if i <= 0 || strings.ContainsAny(in[:i], `/\. `) {
		return in, nil // a path, maybe with "://" further on
	}
	switch scheme := strings.ToLower(in[:i]); scheme {
	case "http", "https":
		if !remote {
			return "", parallax.Errorf(parallax.EINVALID,
				"%s: compare reads files, not the web; save the page to a file, or add it to the library with: parallax ingest %s", in, in)
		}
		return in, nil
	case "file":
		u, err := url.Parse(in)
		if err != nil || u.Path == "" || (u.Host != "" && u.Host != "localhost") {
			return "", parallax.Errorf(parallax.EINVALID, "%s: not a file URL of this machine (want file:///path)", in)
		}
		return u.Path, nil
	default:
		what := "a file or a directory"
		if remote {
			what = "a file, a directory or an http(s) URL"
		}
		return "", parallax.Errorf(parallax.EINVALID, "%s: unsupported scheme %q (give %s)", in, scheme, what)
	}
}

// loadOutlets reads the outlets file named by --outlets or, without it,
// $PARALLAX_OUTLETS; nil when neither names one.
func loadOutlets(path string) (view.Directory, error) {
	if path == "" {
		path = os.Getenv("PARALLAX_OUTLETS")
	}
	if path == "" {
		return nil, nil
	}
	d, err := outlets.Load(path)
	if err != nil {
		return nil, err
	}
	return d, nil
}

// outletsFlag is the help of --outlets, the same for every command.
const outletsFlag = "outlets file (CSV or JSON: domain, name, country, language, owner, labels) for the coverage bar; or $PARALLAX_OUTLETS"
