// Package read turns inputs — files, directories, JSON Lines, feeds, WARC
// archives — into articles. Every problem with one input becomes a one-line *parallax.Error
// that names it, and the other inputs are still read: a batch of a
// thousand articles should not fail for one bad file.
//
// Nothing here touches the network.
package read

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax"
)

// Default limits.
const (
	// DefaultMaxFileSize bounds a file that holds one article (text, HTML):
	// no article is 10 MB, so a bigger file is a mistake, refused before it
	// is read.
	DefaultMaxFileSize = 10 << 20
	// DefaultMaxLineSize bounds one JSON Lines record. The file as a whole
	// is streamed and has no limit.
	DefaultMaxLineSize = 16 << 20
)

// Options tunes reading. The zero value is ready to use.
type Options struct {
	// MaxFileSize is the largest single-article file read, in bytes;
	// 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// MaxLineSize is the longest JSON Lines record, in bytes; 0 means
	// DefaultMaxLineSize.
	MaxLineSize int
	// Outlet names the outlet of single-article files: a text file's,
	// unless its front matter names one, and an HTML page's, over its site
	// name. Records of JSON Lines, feeds and WARC archives keep their own.
	Outlet string
}

func (o Options) maxFile() int64 {
	if o.MaxFileSize > 0 {
		return o.MaxFileSize
	}
	return DefaultMaxFileSize
}

func (o Options) maxLine() int {
	if o.MaxLineSize > 0 {
		return o.MaxLineSize
	}
	return DefaultMaxLineSize
}

// Func receives each article, or each error, as it is read. Returning an
// error stops the walk and makes Walk return it.
type Func func(a *parallax.Article, err error) error

// Inputs reads every input in order and returns the articles, with IDs a1,
// a2, … in input order, and one error per input, line or record that could
// not be read. Both may be non-empty.
func Inputs(ctx context.Context, inputs []string, opt Options) (arts []*parallax.Article, errs []error) {
	err := Walk(ctx, inputs, opt, func(a *parallax.Article, err error) error {
		if err != nil {
			errs = append(errs, err)
		} else {
			arts = append(arts, a)
		}
		return nil
	})
	if err != nil {
		errs = append(errs, err)
	}
	return arts, errs
}

// Walk streams the articles of inputs to fn in input order, giving each the
// next ID ("a1", "a2", …) before fn sees it, so IDs are deterministic. An
// input is a file or a directory (read recursively, in name order, hidden
// files skipped); a URL is refused, as fetching belongs to ingest. Walk
// returns ctx's error when it is cancelled, or fn's.
func Walk(ctx context.Context, inputs []string, opt Options, fn Func) error {
	n := 0
	ided := func(a *parallax.Article, err error) error {
		if err == nil {
			n++
			a.ID = "a" + strconv.Itoa(n)
		}
		return fn(a, err)
	}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := input(ctx, in, opt, ided); err != nil {
			return err
		}
	}
	return nil
}

// input reads one input, reporting its own problems through fn.
func input(ctx context.Context, in string, opt Options, fn Func) error {
	if isURL(in) {
		return fn(nil, parallax.Errorf(parallax.EINVALID,
			"read %q: fetching URLs is not supported here; save the page to a file, or use ingest", in))
	}
	st, err := os.Stat(in)
	if err != nil {
		return fn(nil, openError(in, err))
	}
	if st.IsDir() {
		return Dir(ctx, in, opt, fn)
	}
	return File(ctx, in, opt, fn)
}

// Dir reads every regular file under dir, recursively and in name order,
// each by its own format. Hidden files and directories (".git", ".DS_Store")
// and a folder's README and LICENSE files are skipped (named one by one,
// they are read); symbolic links to directories are not followed, so a link
// loop cannot trap the walk.
func Dir(ctx context.Context, dir string, opt Options, fn Func) error {
	files, err := Files(dir, fn)
	if err != nil || files == nil {
		return err
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := File(ctx, f, opt, fn); err != nil {
			return err
		}
	}
	return nil
}

// Files lists the files Dir reads under dir, in name order, reporting the
// problems it meets (an unreadable folder, a directory without files)
// through fn; it returns fn's error, which ends the listing.
func Files(dir string, fn Func) ([]string, error) {
	var files []string
	var stop error // fn's error, which ends the walk
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == dir {
				return err
			}
			if stop = fn(nil, openError(path, err)); stop != nil {
				return filepath.SkipAll
			}
			return nil
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if isProjectDoc(d.Name()) {
			return nil // a folder's README or LICENSE describes it; it is not coverage
		}
		if d.Type()&fs.ModeSymlink != 0 {
			st, err := os.Stat(path)
			if err != nil || !st.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		files = append(files, path)
		return nil
	})
	if stop != nil {
		return nil, stop
	}
	if err != nil {
		return nil, fn(nil, openError(dir, err))
	}
	if len(files) == 0 {
		return nil, fn(nil, parallax.Errorf(parallax.EINVALID, "read %q: directory holds no files", dir))
	}
	sort.Strings(files) // WalkDir is lexical already; this keeps it so.
	return files, nil
}

// File reads one file by its format: JSON Lines (.jsonl, .ndjson, or
// sniffed) one article per record; a JSON array of records (.json); a feed
// (.rss, .atom, or an .xml or .json file sniffed as RSS, Atom or JSON Feed)
// one article per item; a WARC archive (.warc, .warc.gz, or sniffed),
// streamed, one article per HTML page; HTML (.html, .htm, or sniffed);
// anything else as plain text. An OPML file lists feeds rather than
// articles: it is refused with a pointer to the command that imports it.
func File(ctx context.Context, path string, opt Options, fn Func) error {
	f, err := os.Open(path)
	if err != nil {
		return fn(nil, openError(path, err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fn(nil, openError(path, err))
	}
	if st.IsDir() {
		return fn(nil, parallax.Errorf(parallax.EINVALID, "read %q: is a directory", path))
	}
	if st.Mode().IsRegular() && st.Size() == 0 {
		return fn(nil, emptyError(path))
	}

	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case ext == ".jsonl", ext == ".ndjson":
		return JSONLines(ctx, path, f, opt, fn)
	case ext == ".json":
		if st.Mode().IsRegular() && sniffFile(f) == fmtFeed {
			return Feed(ctx, path, f, opt, fn)
		}
		return JSON(ctx, path, f, opt, fn)
	case ext == ".warc", strings.HasSuffix(strings.ToLower(path), ".warc.gz"):
		return WARCArticles(ctx, path, f, opt, fn)
	case ext == ".opml":
		return fn(nil, opmlError(path))
	}

	// Every other format is one article, or a feed read whole: refuse an
	// oversized file by its size alone, before reading a byte — unless,
	// with no telling extension, it turns out to be JSON Lines or WARC,
	// which are streamed.
	max := opt.maxFile()
	if st.Mode().IsRegular() && st.Size() > max {
		if ext == "" || !knownExt[ext] {
			switch sniffFile(f) {
			case fmtJSONL:
				return JSONLines(ctx, path, f, opt, fn)
			case fmtWARC:
				return WARCArticles(ctx, path, f, opt, fn)
			case fmtFeed:
				return fn(nil, parallax.Errorf(parallax.ETOOLARGE, "read %q: feed is %s, over the %s limit",
					path, humanSize(st.Size()), humanSize(max)))
			}
		}
		return fn(nil, tooLargeError(path, st.Size(), max))
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return fn(nil, parallax.Errorf(parallax.EINVALID, "read %q: %s", path, errText(err)))
	}
	if int64(len(data)) > max {
		return fn(nil, tooLargeError(path, int64(len(data)), max))
	}

	return Data(ctx, path, data, nil, opt, fn)
}

// Data reads one input held in memory, as File reads a file: name's
// extension, or else data's first bytes, tell its format. pageURL, when
// known, is where an HTML page came from (links and the outlet are read
// against it). Workers read the inputs a queue brings with it.
func Data(ctx context.Context, name string, data []byte, pageURL *url.URL, opt Options, fn Func) error {
	if len(data) == 0 {
		return fn(nil, emptyError(name))
	}
	ext := strings.ToLower(filepath.Ext(name))
	if pageURL != nil && ext != ".html" && ext != ".htm" {
		ext = "" // a URL's path says little about its format
	}
	kind := fmtText
	switch ext {
	case ".html", ".htm", ".xhtml", ".shtml":
		kind = fmtHTML
	case ".txt", ".text", ".md", ".markdown":
	case ".rss", ".atom":
		kind = fmtFeed
	default:
		kind = sniff(data)
	}
	switch kind {
	case fmtJSONL:
		return JSONLines(ctx, name, bytes.NewReader(data), opt, fn)
	case fmtFeed:
		return feedArticles(ctx, name, data, fn)
	case fmtOPML:
		return fn(nil, opmlError(name))
	case fmtWARC:
		return WARCArticles(ctx, name, bytes.NewReader(data), opt, fn)
	}
	if isBinary(data) {
		return fn(nil, parallax.Errorf(parallax.EINVALID, "read %q: file looks binary, not text", name))
	}
	var a *parallax.Article
	var err error
	if kind == fmtHTML {
		a, err = HTML(name, data, pageURL)
	} else {
		a, err = Text(name, data)
	}
	// --outlet names the outlet a file's name would otherwise give, and
	// overrides a page's site name; a text's own front matter wins.
	if err == nil && strings.TrimSpace(opt.Outlet) != "" && (kind == fmtHTML || a.Outlet == stem(name)) {
		a.Outlet = strings.TrimSpace(opt.Outlet)
	}
	return fn(a, err)
}

// sniffFile guesses an open file's format from its first bytes and rewinds
// it; fmtText when it cannot tell.
func sniffFile(f *os.File) int {
	head := make([]byte, sniffLen)
	k, _ := io.ReadFull(f, head)
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fmtText
	}
	return sniff(head[:k])
}

var knownExt = map[string]bool{
	".txt": true, ".text": true, ".md": true, ".markdown": true,
	".html": true, ".htm": true, ".xhtml": true, ".shtml": true,
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// stem is a file's base name without its extension: the outlet of a file
// when nothing better is known, and the name the scorer knows it by.
func stem(path string) string {
	b := filepath.Base(path)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

func openError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return parallax.Errorf(parallax.EINVALID, "read %q: no such file or directory", path)
	case errors.Is(err, fs.ErrPermission):
		return parallax.Errorf(parallax.EINVALID, "read %q: permission denied", path)
	}
	return parallax.Errorf(parallax.EINVALID, "read %q: %s", path, errText(err))
}

func emptyError(name string) error {
	return parallax.Errorf(parallax.EINVALID, "read %q: file is empty", name)
}

func tooLargeError(path string, size, max int64) error {
	return parallax.Errorf(parallax.ETOOLARGE, "read %q: file is %s, over the %s limit for one article",
		path, humanSize(size), humanSize(max))
}

// errText is an error's message without the path that *PathError repeats.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return strings.ReplaceAll(err.Error(), "\n", " ")
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return strings.TrimSuffix(strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64), ".0") + " MB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// isProjectDoc: README.md, LICENSE, COPYING and the like.
func isProjectDoc(name string) bool {
	base := strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name)))
	switch base {
	case "README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "CHANGELOG":
		return true
	}
	return false
}
