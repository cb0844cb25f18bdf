package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"syscall"
	"time"

	"github.com/parallaxnews/parallax"
)

// The placement lock of a library file is an exclusive flock(2) on a file
// beside it (library.db-place), which the kernel gives back when its holder
// dies: two processes (an ingest while serve takes an upload, two ingests)
// never place articles at once, each opening the grouping index as the
// other saved it. Within one process, every Ingester over one DB shares
// the lock (the server runs one at a time).

var _ parallax.PlacementLocker = (*DB)(nil)

type fileLock struct {
	mu   sync.Mutex
	n    int // placement locks held through this DB
	file *os.File
}

// LockPlacement takes the library's placement lock. Unlike PostgreSQL's,
// it is waited for even when wait is not set: it is only ever held for
// one run (no worker places in an SQLite library), so an ingest started
// meanwhile places its articles once the other run ends instead of
// leaving them to a process that may never come.
func (db *DB) LockPlacement(ctx context.Context, wait bool) (parallax.PlacementLock, error) {
	l := &db.lock
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.n == 0 && db.path != ":memory:" {
		f, err := os.OpenFile(db.path+"-place", os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, parallax.Errorf(parallax.EINTERNAL, "placement lock: %v", err)
		}
		for {
			err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
			if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
				break
			}
			select {
			case <-ctx.Done():
				f.Close()
				return nil, ctx.Err()
			case <-time.After(50 * time.Millisecond):
			}
		}
		if err != nil {
			f.Close()
			return nil, parallax.Errorf(parallax.EINTERNAL, "placement lock: %v", err)
		}
		l.file = f
	}
	l.n++
	return &placementLock{l: l}, nil
}

type placementLock struct {
	l    *fileLock
	done bool
}

func (p *placementLock) Check(context.Context) error {
	if p.done {
		return fmt.Errorf("placement lock: already given back")
	}
	return nil
}

func (p *placementLock) Unlock() {
	p.l.mu.Lock()
	defer p.l.mu.Unlock()
	if p.done {
		return
	}
	p.done = true
	p.l.n--
	if p.l.n == 0 && p.l.file != nil {
		p.l.file.Close() // gives the flock back
		p.l.file = nil
	}
}
