package read

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/klauspost/compress/flate"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zlib"
	"github.com/klauspost/compress/zstd"

	"github.com/parallaxnews/parallax"
)

// WARCPage is a web page archived in a WARC file: a response record whose
// HTTP payload is a successful HTML page, or a resource record holding one.
type WARCPage struct {
	URI      string    // WARC-Target-URI: where the page was fetched from
	Date     time.Time // WARC-Date: when it was archived
	RecordID string    // WARC-Record-ID
	// Record is the record's place in the file, from 1, and Offset where
	// it starts: the byte offset in an uncompressed file, the offset of
	// the gzip member that holds it in a compressed one (what CDX indexes
	// record).
	Record int
	Offset int64
	Status int         // the HTTP status; 200 for a resource record
	Header http.Header // the HTTP response header; nil for a resource record
	// Body is the page as served, with HTTP chunking and content encoding
	// undone: the raw HTML to keep beside the article.
	Body []byte

	name string // the WARC file, for errors
}

// WARCFunc receives each page, or each problem, as it is read. Returning an
// error stops the reading and makes WARC return it.
type WARCFunc func(p *WARCPage, err error) error

// Article extracts the page's article. Source is the page's URI, and the
// URI is the page URL links resolve against and the outlet comes from when
// the page names no canonical URL.
func (p *WARCPage) Article() (*parallax.Article, error) {
	source := p.URI
	if source == "" {
		source = p.name + ":" + strconv.Itoa(p.Record)
	}
	var pageURL *url.URL
	if u := webURL(p.URI, nil); u != nil {
		pageURL = u
	}
	a, err := HTML(source, p.Body, pageURL)
	if err != nil {
		msg := strings.TrimPrefix(parallax.ErrorMessage(err), fmt.Sprintf("read %q: ", source))
		return nil, parallax.Errorf(parallax.ErrorCode(err), "%s: %s", p.where(), msg)
	}
	return a, nil
}

func (p *WARCPage) where() string {
	s := fmt.Sprintf("%s: record %d", p.name, p.Record)
	if p.URI != "" {
		s += fmt.Sprintf(" (%s)", p.URI)
	}
	return s
}

// WARCArticles reads a WARC file and gives fn the article of each HTML page
// in it; see WARC.
func WARCArticles(ctx context.Context, name string, r io.Reader, opt Options, fn Func) error {
	return WARC(ctx, name, r, opt, func(p *WARCPage, err error) error {
		if err != nil {
			return fn(nil, err)
		}
		return fn(p.Article())
	})
}

// WARC streams the HTML pages archived in a WARC 1.0 or 1.1 file (plain,
// gzipped record by record, or gzipped whole) to fn, one at a time, without
// holding more than one record in memory. Records other than successful
// HTML responses (requests, metadata, images, redirects, revisits) are
// passed over in silence.
//
// A damaged record — a missing or wrong Content-Length, a truncated or
// corrupt gzip member, an HTTP message that does not parse, a page over
// opt.MaxFileSize — is reported to fn as an error naming the file, the
// record's number and its offset, and reading carries on from the next
// record it can find. When r can seek (a file), a corrupt gzip member is
// searched for the next member from its own start, so no record after it
// is lost.
func WARC(ctx context.Context, name string, r io.Reader, opt Options, fn WARCFunc) error {
	w := &warcReader{ctx: ctx, name: name, opt: opt, fn: fn}
	cr := &countReader{r: r}
	src := bufio.NewReaderSize(cr, 64<<10)
	if magic, _ := src.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		return w.gzipped(&source{r: r, cr: cr, src: src})
	}
	return w.stream(src, -1)
}

// warcReader holds the state of one WARC file being read.
type warcReader struct {
	ctx  context.Context
	name string
	opt  Options
	fn   WARCFunc
	n    int           // records seen
	hr   *bufio.Reader // reused to read HTTP headers
}

// countReader counts the bytes read through it.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// source is a compressed file being read: src buffers cr, which counts what
// is read from r. The gzip reader is given src itself, a *bufio.Reader,
// which it decodes fastest and reads no further than the member's end.
type source struct {
	r   io.Reader
	cr  *countReader
	src *bufio.Reader
}

// pos is the offset in the file of the next byte src gives.
func (in *source) pos() int64 { return in.cr.n - int64(in.src.Buffered()) }

// seek moves back to offset off of the file, when r can seek; base is r's
// position when reading began.
func (in *source) seek(base, off int64) bool {
	s, ok := in.r.(io.Seeker)
	if !ok || base < 0 {
		return false
	}
	if _, err := s.Seek(base+off, io.SeekStart); err != nil {
		return false
	}
	in.src.Reset(in.cr)
	in.cr.n = off
	return true
}

// errNotWARC is a gzip member whose content does not start with a record.
var errNotWARC = errors.New("not WARC")

// gzipError is a gzip member that could not be decompressed to its end, or
// that holds no WARC record.
type gzipError struct {
	where string // the record it broke, "" between records
	err   error
}

func (e *gzipError) Error() string { return e.err.Error() }

// gzipped reads a gzipped WARC member by member. Each member is read as a
// stream of records of its own, so a corrupt member costs only the records
// in it: reading resumes at the next gzip header after it.
func (w *warcReader) gzipped(in *source) error {
	base := int64(-1) // r's position when reading began, when it can seek
	if s, ok := in.r.(io.Seeker); ok {
		if p, err := s.Seek(0, io.SeekCurrent); err == nil {
			base = p - in.cr.n
		}
	}
	zr := new(gzip.Reader)
	br := bufio.NewReaderSize(zr, 64<<10)
	resyncing := false // looking for a member after a bad one: stay quiet
	for {
		b, err := in.src.Peek(1)
		if err != nil {
			return nil // the end of the file
		}
		if b[0] == 0 && skipZeros(in.src) { // padding at the end
			return nil
		}
		start := in.pos()
		var ge *gzipError
		if err := zr.Reset(in.src); err != nil {
			ge = &gzipError{err: err}
		} else {
			zr.Multistream(false)
			br.Reset(zr)
			err := w.stream(br, start)
			if !errors.As(err, &ge) {
				if err != nil {
					return err
				}
				resyncing = false
				continue
			}
		}
		if !resyncing {
			where := ge.where
			if where == "" {
				where = fmt.Sprintf("%s: gzip member at offset %d", w.name, start)
			}
			what := "corrupt gzip data (" + oneLine(ge.err.Error()) + ")"
			switch {
			case errors.Is(ge.err, errNotWARC):
				what = "the gzip member holds no WARC record"
			case errors.Is(ge.err, io.ErrUnexpectedEOF) || errors.Is(ge.err, io.EOF):
				what = "gzip data cut short"
			}
			if ferr := w.fn(nil, parallax.Errorf(parallax.EINVALID, "%s: %s; skipping to the next gzip member", where, what)); ferr != nil {
				return ferr
			}
		}
		resyncing = true
		// Look for the next member from just after this one's start when
		// the input can go back there, else from where decoding stopped.
		in.seek(base, start+1)
		if in.pos() <= start {
			_, _ = in.src.Discard(1) // never look at the same member twice
		}
		if !nextGzipMember(in.src) {
			return nil
		}
	}
}

// skipZeros discards zero bytes, reporting whether they run to the end.
func skipZeros(src *bufio.Reader) bool {
	for {
		b, err := src.Peek(max(1, src.Buffered()))
		i := 0
		for i < len(b) && b[i] == 0 {
			i++
		}
		_, _ = src.Discard(i)
		if i < len(b) {
			return false
		}
		if err != nil {
			return true
		}
	}
}

var gzipMagic = []byte{0x1f, 0x8b, 8}

// nextGzipMember skips to the next gzip header (1f 8b 08), leaving it
// unread; false at the end of the input.
func nextGzipMember(src *bufio.Reader) bool {
	for {
		b, err := src.Peek(max(3, src.Buffered()))
		if i := bytes.Index(b, gzipMagic); i >= 0 {
			_, _ = src.Discard(i)
			return true
		}
		if err != nil {
			_, _ = src.Discard(len(b))
			return false
		}
		_, _ = src.Discard(len(b) - 2) // a header may straddle the buffer's end
	}
}

// stream reads the records of one stream: a plain file (member -1) or one
// gzip member (member is its offset in the file). It returns nil at the
// stream's end, a *gzipError when decompression fails, or fn's or ctx's
// error.
func (w *warcReader) stream(br *bufio.Reader, member int64) error {
	var pos int64 // bytes of the stream consumed
	first := true // nothing but blank lines read yet
	// end turns an error that ended the stream into stream's result.
	end := func(err error, where string) error {
		if errors.Is(err, io.EOF) {
			return nil
		}
		if member >= 0 {
			return &gzipError{where: where, err: err}
		}
		return w.fn(nil, parallax.Errorf(parallax.EINVALID, "read %q: %s", w.name, errText(err)))
	}
	for {
		if w.n%64 == 63 {
			if err := w.ctx.Err(); err != nil {
				return err
			}
		}
		// The version line, after any blank lines left between records.
		line, n, err := readLine(br)
		pos += int64(n)
		for err == nil && len(bytes.TrimSpace(line)) == 0 {
			line, n, err = readLine(br)
			pos += int64(n)
		}
		if len(line) == 0 && err != nil {
			return end(err, "")
		}
		start := pos - int64(n)
		if member >= 0 && first && !bytes.HasPrefix(line, []byte("WARC/")) {
			return &gzipError{err: errNotWARC} // not a member of this WARC file
		}
		first = false
		if !bytes.HasPrefix(line, []byte("WARC/")) {
			// Not where a record starts: say so once, and look for the
			// next one.
			where := w.where(w.n+1, start, member)
			skipped, serr := resync(br)
			pos += skipped
			if ferr := w.fn(nil, parallax.Errorf(parallax.EINVALID, "%s: expected a WARC/1.x line, found %q; skipped %d bytes to the next record",
				where, clip(line, 40), int64(n)+skipped)); ferr != nil {
				return ferr
			}
			if serr != nil {
				return end(serr, "")
			}
			continue
		}
		w.n++
		rec := &warcRecord{n: w.n, where: w.where(w.n, start, member), offset: start}
		if member >= 0 {
			rec.offset = member
		}
		consumed, err := w.record(br, rec)
		pos += consumed
		var re *recordError
		if !errors.As(err, &re) {
			if err != nil {
				return err // fn's
			}
			continue
		}
		if re.readErr != nil && member >= 0 && !errors.Is(re.readErr, io.EOF) {
			// Decompression failed inside the record: one report, from
			// gzipped, for the record and its member.
			return &gzipError{where: rec.where, err: re.readErr}
		}
		if ferr := w.fn(nil, re.err); ferr != nil {
			return ferr
		}
		if re.readErr != nil {
			return end(re.readErr, rec.where)
		}
		if re.resync {
			skipped, serr := resync(br)
			pos += skipped
			if serr != nil {
				return end(serr, "")
			}
		}
	}
}

// where names a record in errors: its number and offset.
func (w *warcReader) where(n int, start, member int64) string {
	switch {
	case member < 0:
		return fmt.Sprintf("%s: record %d at offset %d", w.name, n, start)
	case start == 0:
		return fmt.Sprintf("%s: record %d (gzip member at offset %d)", w.name, n, member)
	}
	return fmt.Sprintf("%s: record %d (offset %d in the gzip member at %d)", w.name, n, start, member)
}

// resync skips to the next line that starts a record ("WARC/"), leaving it
// unread, and returns how many bytes were skipped.
func resync(br *bufio.Reader) (int64, error) {
	var skipped int64
	for {
		b, err := br.Peek(5)
		if string(b) == "WARC/" {
			return skipped, nil
		}
		if err != nil {
			d, _ := br.Discard(len(b))
			return skipped + int64(d), err
		}
		line, err := br.ReadSlice('\n') // up to and including the next newline
		skipped += int64(len(line))
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			return skipped, err
		}
	}
}

// readLine reads one header line, without its line ending; n is the bytes
// consumed. A line longer than br's buffer is consumed whole and comes
// back cut, with bufio.ErrBufferFull.
func readLine(br *bufio.Reader) (line []byte, n int, err error) {
	line, err = br.ReadSlice('\n')
	n = len(line)
	if errors.Is(err, bufio.ErrBufferFull) {
		line = append([]byte(nil), line[:min(len(line), 64)]...)
		for errors.Is(err, bufio.ErrBufferFull) {
			var more []byte
			more, err = br.ReadSlice('\n')
			n += len(more)
		}
		if err == nil {
			err = bufio.ErrBufferFull
		}
		return line, n, err
	}
	return bytes.TrimRight(line, "\r\n"), n, err
}

func clip(b []byte, n int) string {
	s := strings.ToValidUTF8(string(b), "\uFFFD")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// warcRecord is the header of the record being read.
type warcRecord struct {
	n             int
	where         string
	offset        int64
	typ           string
	uri           string
	date          string
	id            string
	contentType   string
	contentLength int64
	segment       bool // a continuation segment, which holds no page
}

// recordError is a damaged record: err is reported; then reading resumes
// at the next record (resync), or the stream ends on readErr.
type recordError struct {
	err     error
	resync  bool
	readErr error
}

func (e *recordError) Error() string { return e.err.Error() }

func (w *warcReader) damaged(rec *warcRecord, format string, args ...any) error {
	return parallax.Errorf(parallax.EINVALID, "%s: %s", rec.where, fmt.Sprintf(format, args...))
}

// maxHeaderLines bounds the named fields of one record.
const maxHeaderLines = 1024

// record reads one record after its version line: the named fields, the
// block and the two line endings that close it, giving fn the page it
// holds, if any. It returns the bytes consumed.
func (w *warcReader) record(br *bufio.Reader, rec *warcRecord) (int64, error) {
	var consumed int64
	haveLength, badLength := false, ""
	for i := 0; ; i++ {
		line, n, err := readLine(br)
		consumed += int64(n)
		if errors.Is(err, bufio.ErrBufferFull) {
			return consumed, &recordError{err: w.damaged(rec, "header line longer than %d bytes", br.Size()), resync: true}
		}
		if err != nil {
			return consumed, &recordError{err: w.damaged(rec, "the file ends inside the record header"), readErr: err}
		}
		if len(line) == 0 {
			break // the blank line that ends the header
		}
		if i >= maxHeaderLines {
			return consumed, &recordError{err: w.damaged(rec, "more than %d header lines", maxHeaderLines), resync: true}
		}
		if line[0] == ' ' || line[0] == '\t' {
			continue // a folded continuation of the previous field
		}
		k, v, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			return consumed, &recordError{err: w.damaged(rec, "header line %q is not a named field", clip(line, 40)), resync: true}
		}
		key, val := string(bytes.TrimSpace(k)), string(bytes.TrimSpace(v))
		switch {
		case strings.EqualFold(key, "Content-Length"):
			if l, perr := strconv.ParseInt(val, 10, 64); perr == nil && l >= 0 {
				rec.contentLength, haveLength = l, true
			} else {
				badLength = val
			}
		case strings.EqualFold(key, "WARC-Type"):
			rec.typ = strings.ToLower(val)
		case strings.EqualFold(key, "WARC-Target-URI"):
			rec.uri = strings.TrimSuffix(strings.TrimPrefix(val, "<"), ">")
		case strings.EqualFold(key, "WARC-Date"):
			rec.date = val
		case strings.EqualFold(key, "WARC-Record-ID"):
			rec.id = val
		case strings.EqualFold(key, "Content-Type"):
			rec.contentType = strings.ToLower(val)
		case strings.EqualFold(key, "WARC-Segment-Number"):
			rec.segment = val != "1"
		}
	}
	if badLength != "" {
		return consumed, &recordError{err: w.damaged(rec, "bad Content-Length %q", clip([]byte(badLength), 40)), resync: true}
	}
	if !haveLength {
		return consumed, &recordError{err: w.damaged(rec, "no Content-Length"), resync: true}
	}

	// The block, read only as far as it takes to tell what it holds.
	block := &io.LimitedReader{R: br, N: rec.contentLength}
	page, perr := w.payload(block, rec)
	if block.N > 0 {
		left := block.N
		d, err := discard(br, left)
		if left -= d; err != nil {
			return consumed + rec.contentLength - left, &recordError{readErr: err,
				err: w.damaged(rec, "the file ends %d bytes into a block of %d (Content-Length)", rec.contentLength-left, rec.contentLength)}
		}
	}
	consumed += rec.contentLength

	// Two line endings close the record; anything else means the
	// Content-Length was wrong.
	n, ok := recordEnd(br)
	consumed += int64(n)
	if !ok {
		return consumed, &recordError{err: w.damaged(rec, "the block does not end where its Content-Length of %d says", rec.contentLength), resync: true}
	}
	if perr != nil {
		return consumed, &recordError{err: perr}
	}
	if page != nil {
		return consumed, w.fn(page, nil)
	}
	return consumed, nil
}

// recordEnd consumes the line endings that close a record, up to two, and
// reports whether what follows may: the next record, or the stream's end.
func recordEnd(br *bufio.Reader) (n int, ok bool) {
	for ends := 0; ends < 2; ends++ {
		b, _ := br.Peek(2)
		k := 0
		switch {
		case len(b) == 2 && b[0] == '\r' && b[1] == '\n':
			k = 2
		case len(b) >= 1 && b[0] == '\n':
			k = 1
		default:
			b, _ = br.Peek(5)
			return n, len(b) == 0 || string(b) == "WARC/"
		}
		_, _ = br.Discard(k)
		n += k
	}
	return n, true
}

// discard skips n bytes of br. (io.Copy would use br's WriteTo, which
// reads a gzip member's successors too.)
func discard(br *bufio.Reader, n int64) (int64, error) {
	var done int64
	for done < n {
		d, err := br.Discard(int(min(n-done, 1<<30)))
		done += int64(d)
		if err != nil {
			return done, err
		}
	}
	return done, nil
}

// payload reads as much of the block as it takes to tell whether it holds
// an HTML page, and all of it when it does.
func (w *warcReader) payload(block *io.LimitedReader, rec *warcRecord) (*WARCPage, error) {
	if rec.segment {
		return nil, nil
	}
	page := &WARCPage{URI: rec.uri, RecordID: rec.id, Record: rec.n, Offset: rec.offset, name: w.name}
	if t, err := time.Parse(time.RFC3339Nano, rec.date); err == nil {
		page.Date = t
	}
	max := w.opt.maxFile()
	switch rec.typ {
	case "response":
		if rec.contentType != "" && !strings.HasPrefix(rec.contentType, "application/http") {
			return nil, nil
		}
	case "resource":
		if !isHTMLType(rec.contentType) {
			return nil, nil
		}
		if block.N > max {
			return nil, w.tooLarge(rec, max)
		}
		body, err := io.ReadAll(block)
		if err != nil {
			return nil, nil // reported as truncation by the caller
		}
		page.Status, page.Body = 200, body
		return page, nil
	default:
		return nil, nil
	}

	// An HTTP response: status line and header first.
	if w.hr == nil {
		w.hr = bufio.NewReaderSize(block, 16<<10)
	} else {
		w.hr.Reset(block)
	}
	if b, _ := w.hr.Peek(5); string(b) != "HTTP/" {
		if rec.contentType == "" {
			return nil, nil // not an HTTP response: some other payload
		}
		return nil, w.damaged(rec, "bad HTTP response: no status line")
	}
	resp, err := http.ReadResponse(w.hr, nil)
	if err != nil {
		return nil, w.damaged(rec, "bad HTTP response: %s", oneLine(err.Error()))
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 || resp.StatusCode == http.StatusNoContent || resp.StatusCode == http.StatusPartialContent {
		return nil, nil
	}
	page.Status, page.Header = resp.StatusCode, resp.Header
	ct := resp.Header.Get("Content-Type")
	if ct != "" && !isHTMLType(ct) {
		return nil, nil
	}
	// The raw body follows the header in w.hr; the header's own framing
	// (chunks, Content-Length) is applied here, leniently.
	raw, err := io.ReadAll(io.LimitReader(w.hr, max+64<<10))
	if err != nil {
		return nil, nil // reported as truncation by the caller
	}
	if block.N > 0 || int64(len(raw)) >= max+64<<10 {
		return nil, w.tooLarge(rec, max)
	}
	body := raw
	if isChunked(resp) {
		if b, err := io.ReadAll(httputil.NewChunkedReader(bytes.NewReader(raw))); err == nil {
			body = b
		} // else the writer stored the body de-chunked: keep it as it is
	} else if resp.ContentLength >= 0 && resp.ContentLength < int64(len(body)) {
		body = body[:resp.ContentLength]
	}
	if enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc != "" && enc != "identity" {
		body, err = decode(enc, body, max)
		if errors.Is(err, errTooLarge) {
			return nil, w.tooLarge(rec, max)
		}
		if err != nil {
			return nil, w.damaged(rec, "%s", err)
		}
	}
	if int64(len(body)) > max {
		return nil, w.tooLarge(rec, max)
	}
	if ct == "" && !isHTMLType(http.DetectContentType(body)) {
		return nil, nil
	}
	page.Body = body
	return page, nil
}

func (w *warcReader) tooLarge(rec *warcRecord, max int64) error {
	return parallax.Errorf(parallax.ETOOLARGE, "%s: page is over the %s limit for one article", rec.where, humanSize(max))
}

// isChunked reports whether the response says its body is chunked.
// http.ReadResponse records that in TransferEncoding.
func isChunked(resp *http.Response) bool {
	for _, te := range resp.TransferEncoding {
		if strings.EqualFold(te, "chunked") {
			return true
		}
	}
	return false
}

func isHTMLType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.SplitN(ct, ";", 2)[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

var errTooLarge = errors.New("too large")

// decode undoes a Content-Encoding, reading at most max bytes of output.
func decode(enc string, body []byte, max int64) ([]byte, error) {
	var r io.Reader
	switch enc {
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("bad gzip content encoding: %s", oneLine(err.Error()))
		}
		r = zr
	case "deflate":
		// Servers send zlib-wrapped deflate, or raw deflate.
		if zr, err := zlib.NewReader(bytes.NewReader(body)); err == nil {
			r = zr
		} else {
			r = flate.NewReader(bytes.NewReader(body))
		}
	case "zstd":
		zr, err := zstd.NewReader(bytes.NewReader(body), zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(uint64(max)+1<<20))
		if err != nil {
			return nil, fmt.Errorf("bad zstd content encoding: %s", oneLine(err.Error()))
		}
		defer zr.Close()
		r = zr
	default:
		return nil, fmt.Errorf("content encoding %q is not supported", enc)
	}
	out, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("bad %s content encoding: %s", enc, oneLine(err.Error()))
	}
	if int64(len(out)) > max {
		return nil, errTooLarge
	}
	return out, nil
}
