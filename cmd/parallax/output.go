package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// outputFile is a file written whole or not at all: the text goes to a
// temporary file beside it, renamed into place by Commit, so an interrupt
// or an error never leaves half a report where the user asked for one.
type outputFile struct {
	*os.File
	path      string
	committed bool
}

// pending are the temporary files not yet committed, removed by
// removePending when the program is stopped before it finishes.
var pending sync.Map // temporary path → struct{}

// createOutput starts writing path.
func createOutput(path string) (*outputFile, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("create %q: %w", path, err)
	}
	pending.Store(f.Name(), struct{}{})
	return &outputFile{File: f, path: path}, nil
}

// Commit closes the file and moves it into place.
func (o *outputFile) Commit() error {
	if err := o.File.Close(); err != nil {
		return fmt.Errorf("write %q: %w", o.path, err)
	}
	if err := os.Chmod(o.Name(), 0o644); err != nil {
		return fmt.Errorf("write %q: %w", o.path, err)
	}
	if err := os.Rename(o.Name(), o.path); err != nil {
		return fmt.Errorf("write %q: %w", o.path, err)
	}
	pending.Delete(o.Name())
	o.committed = true
	return nil
}

// Close removes the file unless it was committed.
func (o *outputFile) Close() {
	if o.committed {
		return
	}
	o.File.Close()
	os.Remove(o.Name())
	pending.Delete(o.Name())
}

// removePending removes the temporary files of outputs never committed.
func removePending() {
	pending.Range(func(k, _ any) bool {
		os.Remove(k.(string))
		return true
	})
}
