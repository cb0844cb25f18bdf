package sqlite

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps a pool's prepared statements by their text: preparing a
// statement (an insert with its triggers above all) costs about as much as
// running it. The texts are the package's own, so the cache stays small.
//
// A statement first met inside a transaction is prepared on the
// transaction's connection for that once: the pool may have no other
// connection to prepare it on (the writer has one). It is noted, and
// prepared for the pool by flush, which runs once the transaction is over.
type stmtCache struct {
	db      *sql.DB
	mu      sync.Mutex
	m       map[string]*sql.Stmt
	pending map[string]bool
}

func newStmtCache(db *sql.DB) *stmtCache {
	return &stmtCache{db: db, m: map[string]*sql.Stmt{}, pending: map[string]bool{}}
}

// stmt returns the prepared statement for q, bound to tx when tx is not
// nil; tx must belong to the cache's pool.
func (c *stmtCache) stmt(ctx context.Context, tx *sql.Tx, q string) (*sql.Stmt, error) {
	c.mu.Lock()
	s, ok := c.m[q]
	if !ok && tx != nil {
		c.pending[q] = true
	}
	c.mu.Unlock()
	switch {
	case ok && tx != nil:
		return tx.StmtContext(ctx, s), nil
	case ok:
		return s, nil
	case tx != nil:
		return tx.PrepareContext(ctx, q)
	}
	return c.prepare(ctx, q)
}

// prepare prepares q on the pool and keeps it.
func (c *stmtCache) prepare(ctx context.Context, q string) (*sql.Stmt, error) {
	s, err := c.db.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.pending, q)
	if prev, ok := c.m[q]; ok {
		s.Close()
		return prev, nil
	}
	c.m[q] = s
	return s, nil
}

// flush prepares the statements met inside transactions. The caller must
// hold no connection of the pool.
func (c *stmtCache) flush(ctx context.Context) {
	c.mu.Lock()
	var qs []string
	for q := range c.pending {
		qs = append(qs, q)
	}
	c.mu.Unlock()
	for _, q := range qs {
		if _, err := c.prepare(ctx, q); err != nil {
			// It will be prepared in its transaction again, and fail there
			// if it must.
			c.mu.Lock()
			delete(c.pending, q)
			c.mu.Unlock()
		}
	}
}

func (c *stmtCache) exec(ctx context.Context, tx *sql.Tx, q string, args ...any) (sql.Result, error) {
	s, err := c.stmt(ctx, tx, q)
	if err != nil {
		return nil, err
	}
	return s.ExecContext(ctx, args...)
}

func (c *stmtCache) query(ctx context.Context, tx *sql.Tx, q string, args ...any) (*sql.Rows, error) {
	s, err := c.stmt(ctx, tx, q)
	if err != nil {
		return nil, err
	}
	return s.QueryContext(ctx, args...)
}

// queryRow is QueryRowContext; an error preparing q comes out of Scan.
func (c *stmtCache) queryRow(ctx context.Context, tx *sql.Tx, q string, args ...any) scanner {
	s, err := c.stmt(ctx, tx, q)
	if err != nil {
		return errRow{err}
	}
	return s.QueryRowContext(ctx, args...)
}

type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for q, s := range c.m {
		s.Close()
		delete(c.m, q)
	}
}
