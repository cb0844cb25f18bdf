package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/queue"
	"github.com/parallaxnews/parallax/internal/read"
)

// publisher sends what `ingest --queue` is given to the work queue instead
// of ingesting it: URLs to fetch; pages and single-article files as they
// are, for a worker to read; the records of JSON Lines files and the pages
// of WARC archives one job each, so that a large file spreads over every
// worker.
type publisher struct {
	m    *Main
	q    *queue.Queue
	opt  read.Options
	sent int
	// failed counts inputs, records and pages that could not be queued.
	failed int
}

func (p *publisher) fail(err error) {
	p.failed++
	fmt.Fprintln(p.m.Stderr, "parallax:", parallax.ErrorMessage(err))
}

func (p *publisher) publish(ctx context.Context, j *queue.Job) {
	if err := p.q.Publish(ctx, j); err != nil {
		p.fail(err)
		return
	}
	p.sent++
}

// input queues one INPUT: a URL, a file or a directory.
func (p *publisher) input(ctx context.Context, in string) {
	if isURL(in) {
		p.publish(ctx, &queue.Job{Kind: queue.KindURL, Source: in, URL: in})
		return
	}
	st, err := os.Stat(in)
	if err != nil {
		p.fail(parallax.Errorf(parallax.EINVALID, "read %q: %v", in, err))
		return
	}
	if !st.IsDir() {
		p.file(ctx, in)
		return
	}
	files, err := read.Files(in, func(_ *parallax.Article, err error) error {
		p.fail(err)
		return nil
	})
	if err != nil {
		p.fail(err)
	}
	for _, f := range files {
		if ctx.Err() != nil {
			return
		}
		p.file(ctx, f)
	}
}

// file queues one file: a WARC archive page by page, JSON Lines and JSON
// record by record (read here: they need no extraction), a file too large
// for one job read here too, any other file as it is.
func (p *publisher) file(ctx context.Context, path string) {
	lower := strings.ToLower(path)
	asArticles := func() {
		err := read.File(ctx, path, p.opt, func(a *parallax.Article, err error) error {
			if err != nil {
				p.fail(err)
				return nil
			}
			p.publish(ctx, &queue.Job{Kind: queue.KindArticle, Source: a.Source, Article: queue.FromArticle(a)})
			return ctx.Err()
		})
		if err != nil && ctx.Err() == nil {
			p.fail(err)
		}
	}
	switch {
	case strings.HasSuffix(lower, ".warc") || strings.HasSuffix(lower, ".warc.gz"):
		f, err := os.Open(path)
		if err != nil {
			p.fail(parallax.Errorf(parallax.EINVALID, "read %q: %v", path, err))
			return
		}
		defer f.Close()
		err = read.WARC(ctx, path, f, p.opt, func(page *read.WARCPage, err error) error {
			if err != nil {
				p.fail(err)
				return nil
			}
			source := page.URI
			if source == "" {
				source = path + ":" + strconv.Itoa(page.Record)
			}
			p.publish(ctx, &queue.Job{Kind: queue.KindInput, Source: source, URL: page.URI, Type: "text/html", Body: page.Body})
			return ctx.Err()
		})
		if err != nil && ctx.Err() == nil {
			p.fail(err)
		}
		return
	case strings.HasSuffix(lower, ".jsonl"), strings.HasSuffix(lower, ".ndjson"), strings.HasSuffix(lower, ".json"):
		asArticles()
		return
	}
	st, err := os.Stat(path)
	if err != nil {
		p.fail(parallax.Errorf(parallax.EINVALID, "read %q: %v", path, err))
		return
	}
	if st.Size() > int64(p.q.MaxJob()) {
		asArticles()
		return
	}
	f, err := os.Open(path)
	if err != nil {
		p.fail(parallax.Errorf(parallax.EINVALID, "read %q: %v", path, err))
		return
	}
	defer f.Close()
	body, err := io.ReadAll(f)
	if err != nil {
		p.fail(parallax.Errorf(parallax.EINVALID, "read %q: %v", path, err))
		return
	}
	if len(body) == 0 {
		p.fail(parallax.Errorf(parallax.EINVALID, "read %q: file is empty", path))
		return
	}
	p.publish(ctx, &queue.Job{Kind: queue.KindInput, Source: path, Body: body})
}
