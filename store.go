package parallax

import (
	"context"
	"time"
)

// The library: articles kept with what was read, stories that grow as
// coverage arrives, and the feeds that bring it. Backends (SQLite now,
// PostgreSQL later) implement Store; internal/storetest holds the one test
// suite every backend must pass.

// Record is an article as the library keeps it.
type Record struct {
	ID int64 // assigned by the store; the report calls it "a<ID>"
	Article
	// Raw is the input exactly as received (HTML page, feed item, JSON line)
	// and RawType its media type ("text/html", "application/json", "text/plain").
	Raw     []byte
	RawType string
	// Hash identifies the extracted text (hex SHA-256 of the normalised text):
	// the same content ingested twice is the same record.
	Hash string
	// Analysis is the per-article analysis, encoded as JSON by the caller.
	Analysis []byte
	// StoryID is the story the article belongs to, 0 before it is placed.
	StoryID int64
	// DuplicateOf is the record this one copies (a wire copy, a repost), 0 when none.
	DuplicateOf int64
	// FeedID is the feed the article came from, 0 when none.
	FeedID int64
	// QueueSeq is the article's job's place in the work queue (its stream
	// sequence), 0 when it did not come through the queue. Articles are
	// placed in stories in this order, as one process would place them.
	QueueSeq int64
	Created  time.Time
}

// StoryInfo is a story as listed: its counts and dates, not its report.
type StoryInfo struct {
	ID        int64
	Title     string
	Articles  int
	Outlets   int
	Conflicts int
	First     time.Time // earliest known publication date of its articles; zero when none is known
	Last      time.Time // latest known publication date
	Updated   time.Time // when its comparison was last computed
	// Changes is the story's change counter as Story read it: every
	// placement in or out of the story and every analysis of its articles
	// replaced adds one. SaveReport clears the story's recompare flag
	// only while the counter still has this value, so that a comparison
	// of the story as it was does not hide a change made while it ran.
	Changes int64
}

// StoryFilter selects stories. Zero fields select everything.
type StoryFilter struct {
	Since  time.Time // stories with an article published or added since
	Query  string    // full-text query over the stories' articles
	Outlet string    // stories an outlet covered
	Limit  int       // at most this many (0: the store's default, 50)
	Offset int
}

// ArticleHit is a full-text search result.
type ArticleHit struct {
	ID        int64
	StoryID   int64
	Outlet    string
	Title     string
	URL       string
	Published time.Time
	Snippet   string // a few words around the match
}

// Feed is a subscribed RSS, Atom or JSON Feed.
type Feed struct {
	ID           int64
	URL          string
	Title        string
	ETag         string    // from the last 200 response, for conditional GET
	LastModified string    // likewise
	LastPolled   time.Time // zero until first polled
	NextPoll     time.Time // when it is due
	Failures     int       // consecutive errors, for exponential backoff
	LastError    string
	Created      time.Time
}

// StoryEvent is a change in a story that someone may want to be told of: it
// gained an outlet, or a conflict.
type StoryEvent struct {
	ID      int64 // assigned by the store, increasing
	StoryID int64
	Kind    string // EventOutlet, EventConflict or EventMoved
	// Subject is the outlet's name, or the conflict's key (Conflict.Key).
	Subject string
	// Summary says it in words: "harbor-gazette.example covers the story",
	// "figures differ: people injured (14 vs 41)".
	Summary string
	Title   string    // the story's title when it happened
	At      time.Time // when the library saw it
}

// Event kinds.
const (
	EventOutlet   = "outlet"
	EventConflict = "conflict"
	// EventMoved: articles were moved into the story when stories were
	// grouped again; Subject lists their IDs ("a12,a15").
	EventMoved = "moved"
)

// EventFilter selects events. Zero fields select everything.
type EventFilter struct {
	StoryID int64  // one story's events
	Query   string // events of stories with an article matching this full-text query
	AfterID int64  // events after this one (what a watcher has not seen yet)
	Limit   int    // at most this many (0: the store's default, 50)
}

// Store is the library's storage. Methods that change data either commit
// whole or change nothing.
type Store interface {
	// AddArticle stores r unless an article with the same URL (when r has
	// one) or the same Hash is already stored; it returns the stored ID and
	// whether r was new. r.ID and r.Created are set when it is.
	AddArticle(ctx context.Context, r *Record) (id int64, created bool, err error)
	// Article returns one article; an unknown id is an ENOTFOUND *Error.
	Article(ctx context.Context, id int64) (*Record, error)
	// ArticlesSince returns articles published (or, if undated, added) at or
	// after t, oldest first, at most limit (0: no limit): what an index of
	// recent coverage is rebuilt from.
	ArticlesSince(ctx context.Context, t time.Time, limit int) ([]*Record, error)
	// EachArticle calls fn for every article in ID order; fn's error stops it.
	EachArticle(ctx context.Context, fn func(*Record) error) error
	// Unplaced returns up to limit articles that are in no story yet
	// (stored by a process that left placing them to another), in the
	// order they are to be placed: by QueueSeq (none first), then by ID;
	// their Raw input is left out.
	Unplaced(ctx context.Context, limit int) ([]*Record, error)
	// SetPlacement records an article's story and the record it copies.
	SetPlacement(ctx context.Context, articleID, storyID, duplicateOf int64) error
	// GroupState returns the grouping index's stored values of one kind
	// under keys (what internal/group keeps of the index that places
	// articles in stories); keys without a value are left out.
	GroupState(ctx context.Context, kind int, keys []int64) (map[int64][]byte, error)
	// SaveGroupState saves values of the grouping index and, with them,
	// the placements of the articles it placed, in one transaction, so
	// that the index and the placements never disagree.
	SaveGroupState(ctx context.Context, w GroupWrite) error
	// SetAnalysis replaces an article's stored analysis (after the rules
	// that made it changed).
	SetAnalysis(ctx context.Context, articleID int64, analysis []byte) error

	// CreateStory starts an empty story and returns its ID.
	CreateStory(ctx context.Context) (int64, error)
	// StoryArticles returns a story's articles in ID order.
	StoryArticles(ctx context.Context, storyID int64) ([]*Record, error)
	// StaleStories returns up to limit stories, in ID order, whose
	// comparison is out of date (a process stopped between placing
	// articles and comparing): their listing does not count the articles
	// they hold, or their articles changed since their last report (one
	// moved in and one out, an analysis replaced), or they were never
	// compared, empty ones included (a placer stopped before saving a new
	// story's first placement). SaveReport brings a story up to date.
	StaleStories(ctx context.Context, limit int) ([]int64, error)
	// SaveReport stores a story's comparison (the report JSON) and its
	// listing. It brings the story up to date (see StaleStories) only when
	// info.Changes, read by Story before the comparison read the story's
	// articles, is the story's change counter still: a story changed
	// meanwhile stays out of date, its report saved all the same.
	SaveReport(ctx context.Context, info StoryInfo, report []byte) error
	// Story returns a story's listing, with its change counter, and its
	// last report.
	Story(ctx context.Context, id int64) (StoryInfo, []byte, error)
	// Stories lists stories, most recently updated first.
	Stories(ctx context.Context, f StoryFilter) ([]StoryInfo, error)

	// SetReview records a person's verdict on a conflict of a story,
	// matched by r.Key; it replaces an earlier review of the same key. A
	// review with an empty Verdict removes the one of its key. An unknown
	// story is ENOTFOUND; a verdict other than Confirmed or NotConflict is
	// EINVALID.
	SetReview(ctx context.Context, storyID int64, r Review) error
	// Reviews returns a story's reviews, oldest first.
	Reviews(ctx context.Context, storyID int64) ([]Review, error)

	// AddEvents records changes in stories; each gets its ID and, when
	// At is zero, the time now.
	AddEvents(ctx context.Context, events []StoryEvent) error
	// Events lists the events f selects, newest first.
	Events(ctx context.Context, f EventFilter) ([]StoryEvent, error)

	// Search runs a full-text query over titles and texts, best first.
	Search(ctx context.Context, query string, limit int) ([]ArticleHit, error)

	// AddFeed subscribes to a feed URL; adding one twice returns the first.
	AddFeed(ctx context.Context, f *Feed) (id int64, created bool, err error)
	// Feeds lists subscriptions in ID order.
	Feeds(ctx context.Context) ([]*Feed, error)
	// UpdateFeed saves polling state (ETag, times, failures, title).
	UpdateFeed(ctx context.Context, f *Feed) error
	// RemoveFeed unsubscribes by ID or URL; articles already ingested stay.
	RemoveFeed(ctx context.Context, idOrURL string) error

	Close() error
}

// GroupValue is one value of the grouping index; a nil Value deletes it.
type GroupValue struct {
	Kind  int
	Key   int64
	Value []byte
}

// GroupWrite is what SaveGroupState saves.
type GroupWrite struct {
	// Reset deletes every value of the grouping index first.
	Reset  bool
	Values []GroupValue
	// Placements are recorded as SetPlacement records them, in order.
	Placements []Placement
	// DeleteStories are deleted after the placements, those that hold no
	// article then (a regrouping moved every article of theirs away), with
	// their reports, reviews and events.
	DeleteStories []int64
}

// Placement is an article's story and the article it copies (0: none).
type Placement struct {
	ArticleID, StoryID, DuplicateOf int64
}

// PlacementLocker is a Store that several processes may share at once
// (PostgreSQL; an SQLite file too, one run at a time): placing articles in stories takes its lock, so that one
// process at a time places them, with every placement before it in view.
type PlacementLocker interface {
	// LockPlacement takes the lock, waiting for it when wait is set; when
	// it is not and another process holds the lock, it returns nil, nil.
	// A store whose lock is only ever held for one run (SQLite, where no
	// worker places) waits for it either way.
	LockPlacement(ctx context.Context, wait bool) (PlacementLock, error)
}

// PlacementLock is a held placement lock.
type PlacementLock interface {
	// Check returns an error when the lock was lost (its connection to the
	// database broke): its holder must stop placing.
	Check(ctx context.Context) error
	// Unlock gives the lock back. A process that dies gives it back too.
	Unlock()
}
