package main

import (
	"context"
	"fmt"
	"os"

	"github.com/parallaxnews/parallax"
	pxserver "github.com/parallaxnews/parallax/internal/server"
)

// ServeCommand serves the library on the web: story, article and outlet
// pages, search, a page to add coverage, and the JSON API under /api/v1.
// SIGINT or SIGTERM shuts it down gracefully.
type ServeCommand struct{ Main *Main }

func (c *ServeCommand) Run(ctx context.Context, args []string) error {
	m := c.Main
	fs := newFlags(m, "serve", `Usage: parallax serve [--addr 127.0.0.1:8080] [--db PATH] [--token T] [--allow-private]

Serves the library: stories, articles, outlets, search and adding coverage
on web pages, and the JSON API under /api/v1 (see docs/API.md). Reading is
open. Adding coverage and reviewing conflicts need the token when one is
set; without a token the server listens only on a loopback address
(127.0.0.1, ::1, localhost) and refuses to start on any other.`)
	addr := fs.String("addr", pxserver.DefaultAddr, "address to listen on, host:port")
	db := dbFlag(fs)
	token := fs.String("token", os.Getenv("PARALLAX_TOKEN"), "token that adding coverage requires (or $PARALLAX_TOKEN); required unless --addr is a loopback address")
	allowPrivate := fs.Bool("allow-private", false, "let added URLs reach private, loopback and link-local addresses")
	maxUpload := fs.Int64("max-upload", pxserver.DefaultMaxUploadBytes, "largest upload of files, in bytes")
	maxBody := fs.Int64("max-body", pxserver.DefaultMaxBodyBytes, "largest form or JSON body, in bytes")
	outletsFile := fs.String("outlets", "", outletsFlag)
	if done, err := parseFlags(m, fs, args); done {
		return err
	}
	if fs.NArg() != 0 {
		return usageError(m, fs, "unexpected argument %q", fs.Arg(0))
	}
	dir, err := loadOutlets(*outletsFile)
	if err != nil {
		return err
	}
	if *token == "" && !pxserver.IsLoopback(*addr) {
		return parallax.Errorf(parallax.EINVALID,
			"serve: refusing to listen on %s without a token: anyone who can reach it could add to the library. "+
				"Set --token or $PARALLAX_TOKEN, or listen on 127.0.0.1", *addr)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	srv := pxserver.New(pxserver.Config{
		Addr:           *addr,
		Store:          st,
		Token:          *token,
		AllowPrivate:   *allowPrivate,
		Logger:         m.Logger,
		MaxUploadBytes: *maxUpload,
		MaxBodyBytes:   *maxBody,
		Outlets:        dir,
	})
	if err := srv.Open(); err != nil {
		return err
	}
	writes := "adding coverage needs the token"
	if *token == "" {
		writes = "adding coverage is open to this machine only"
	}
	fmt.Fprintf(m.Stderr, "parallax: serving %s at %s (%s; Ctrl-C stops)\n", libraryName(*db), srv.URL(), writes)
	if err := srv.Wait(ctx); err != nil {
		return err
	}
	fmt.Fprintln(m.Stderr, "parallax: server stopped")
	return nil
}
