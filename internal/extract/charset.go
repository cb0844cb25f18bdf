package extract

import (
	"bytes"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// utf8Page returns a page as UTF-8 in Unicode normalisation form C, with
// soft hyphens removed: what dom.Parse gives go-trafilatura, done on the
// whole buffer.
//
// dom.Parse streams the page through transform.Chain(NFD, remove soft
// hyphens, NFC), whose fixed 4 KB intermediate buffers fail with
// "transform: short internal buffer" on valid text that expands a lot
// under NFD: a few kilobytes of Korean (each Hangul syllable, 3 bytes,
// decomposes into 6 or 9 bytes of jamo). NFC alone composes whatever NFD
// then NFC would, so no chain is needed.
func utf8Page(data []byte) []byte {
	data = toUTF8(data)
	if bytes.Contains(data, softHyphen) {
		data = bytes.ReplaceAll(data, softHyphen, nil)
	}
	return norm.NFC.Bytes(data)
}

var softHyphen = []byte("\u00AD")

// sniffBytes bounds how much of a page the statistical charset detector
// reads: it runs some forty recognisers over its input, and the start of a
// page tells as much as the whole.
const sniffBytes = 64 << 10

// toUTF8 decodes a page to UTF-8. A byte-order mark decides; otherwise a
// page that is (mostly) valid UTF-8 is taken as such, else its <meta>
// charset, else the detector's guess over its start. Invalid bytes that
// remain become U+FFFD.
func toUTF8(data []byte) []byte {
	enc := bomEncoding(data)
	if enc == nil {
		if mostlyUTF8(data) {
			return bytes.ToValidUTF8(data, []byte("\uFFFD"))
		}
		head := data[:min(len(data), 1024)]
		e, name, _ := charset.DetermineEncoding(head, "")
		declared := bytes.Contains(bytes.ToLower(head), []byte("charset"))
		switch {
		case declared && e != nil && name != "utf-8":
			enc = e // <meta charset> or http-equiv Content-Type
		default:
			if res, err := chardet.NewHtmlDetector().DetectBest(data[:min(len(data), sniffBytes)]); err == nil {
				enc, _ = charset.Lookup(res.Charset)
			}
			if enc == nil {
				enc = e
			}
		}
	}
	if enc != nil && enc != unicode.UTF8 {
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			data = out
		}
	}
	if !utf8.Valid(data) {
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	return data
}

// bomEncoding is the encoding a byte-order mark names, or nil.
func bomEncoding(data []byte) encoding.Encoding {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8BOM
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	}
	return nil
}

// mostlyUTF8 reports whether data is UTF-8 but for a few stray bytes: at
// least ten valid multi-byte sequences for each invalid byte, or no
// invalid byte at all. Text in a legacy 8-bit encoding almost never forms
// valid multi-byte sequences ("é" in Latin-1 is one byte followed by
// ASCII), so it fails this test.
func mostlyUTF8(data []byte) bool {
	multi, invalid := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			multi++
		}
		i += n
	}
	return invalid == 0 || invalid*10 <= multi
}
