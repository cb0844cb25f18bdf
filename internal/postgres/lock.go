package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/parallaxnews/parallax"
)

// The placement lock is a session-level advisory lock, one per schema, held
// on a connection of its own: when its holder dies, the server ends the
// session and the lock goes with it, and another worker takes over.

const lockKey = "hashtext('parallax place ' || current_schema())"

var _ parallax.PlacementLocker = (*DB)(nil)

// LockPlacement takes the library's placement lock; see
// parallax.PlacementLocker.
func (db *DB) LockPlacement(ctx context.Context, wait bool) (parallax.PlacementLock, error) {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return nil, dbError("placement lock", err)
	}
	if wait {
		_, err = conn.Exec(ctx, "SELECT pg_advisory_lock("+lockKey+")")
	} else {
		var ok bool
		if err = conn.QueryRow(ctx, "SELECT pg_try_advisory_lock("+lockKey+")").Scan(&ok); err == nil && !ok {
			conn.Release()
			return nil, nil
		}
	}
	if err != nil {
		// A cancelled wait may leave the connection mid-query: drop it.
		conn.Conn().Close(context.Background())
		conn.Release()
		return nil, dbError("placement lock", err)
	}
	l := &placementLock{db: db, conn: conn}
	db.mu.Lock()
	db.locks[l] = true
	db.mu.Unlock()
	return l, nil
}

type placementLock struct {
	db   *DB
	conn *pgxpool.Conn
}

func (l *placementLock) Check(ctx context.Context) error {
	if l.conn == nil {
		return fmt.Errorf("placement lock: already given back")
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	var held bool
	err := l.conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory'
		AND pid = pg_backend_pid() AND granted AND objid = (`+lockKey+`)::oid)`).Scan(&held)
	if err != nil {
		return dbError("placement lock", err)
	}
	if !held {
		return parallax.Errorf(parallax.ECONFLICT, "placement lock lost")
	}
	return nil
}

func (l *placementLock) Unlock() {
	l.db.mu.Lock()
	defer l.db.mu.Unlock()
	l.unlock()
}

func (l *placementLock) unlock() {
	if l.conn == nil {
		return
	}
	delete(l.db.locks, l)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := l.conn.Exec(ctx, "SELECT pg_advisory_unlock("+lockKey+")"); err != nil {
		l.conn.Conn().Close(ctx) // the session's end frees the lock
	}
	l.conn.Release()
	l.conn = nil
}
