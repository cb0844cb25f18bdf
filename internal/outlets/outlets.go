// Package outlets reads the user's outlets file: what the user knows of
// each outlet (display name, country, language, owner, and any labels of
// their own, such as a lean), in CSV or JSON. Parallax ships no such file
// and no ratings; every value comes from the user.
//
// CSV: a header row, then one outlet a row. The columns domain, name,
// country, language and owner are read as such (domain is required); any
// other column is a label named by its header ("lean", "type"). A column
// named labels may hold more as "key=value; key=value".
//
//	domain,name,country,owner,lean
//	harbor-gazette.example,Harbor Gazette,GB,Tallis Media,centre
//
// JSON: an array of objects with the fields of parallax.OutletInfo, or an
// object of them keyed by domain.
//
// An outlet in a story is found by its name as the story gives it (a
// domain or a name), compared without regard to case: by domain (a
// subdomain matches its domain: news.example.org is example.org), then by
// display name.
package outlets

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
)

// Directory is a loaded outlets file.
type Directory struct {
	byDomain map[string]*parallax.OutletInfo
	byName   map[string]*parallax.OutletInfo
	list     []*parallax.OutletInfo
}

// maxFile bounds an outlets file: a list of every outlet in the world is
// well under this.
const maxFile = 32 << 20

// Load reads an outlets file, CSV or JSON by its extension or, failing
// that, by its first character. Problems name the file and the row.
func Load(path string) (*Directory, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, parallax.Errorf(parallax.EINVALID, "outlets file %q: no such file", path)
		}
		return nil, parallax.Errorf(parallax.EINVALID, "outlets file %q: %v", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	if err != nil {
		return nil, parallax.Errorf(parallax.EINVALID, "outlets file %q: %v", path, err)
	}
	if len(data) > maxFile {
		return nil, parallax.Errorf(parallax.ETOOLARGE, "outlets file %q: over %d MB", path, maxFile>>20)
	}
	return Parse(path, data)
}

// Parse reads an outlets file's contents; name is for messages and tells
// the format by its extension.
func Parse(name string, data []byte) (*Directory, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		return nil, parallax.Errorf(parallax.EINVALID, "outlets file %q: not UTF-8 text", name)
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, parallax.Errorf(parallax.EINVALID, "outlets file %q: empty", name)
	}
	var infos []parallax.OutletInfo
	var err error
	switch ext := strings.ToLower(filepath.Ext(name)); {
	case ext == ".json", ext != ".csv" && (trimmed[0] == '[' || trimmed[0] == '{'):
		infos, err = parseJSON(name, trimmed)
	default:
		infos, err = parseCSV(name, data)
	}
	if err != nil {
		return nil, err
	}
	return New(infos)
}

// New makes a directory of infos; a domain given twice is an error.
func New(infos []parallax.OutletInfo) (*Directory, error) {
	d := &Directory{byDomain: map[string]*parallax.OutletInfo{}, byName: map[string]*parallax.OutletInfo{}}
	for i := range infos {
		in := infos[i]
		in.Domain = normDomain(in.Domain)
		if in.Domain == "" {
			return nil, parallax.Errorf(parallax.EINVALID, "outlet %d (%q): no domain", i+1, in.Name)
		}
		if d.byDomain[in.Domain] != nil {
			return nil, parallax.Errorf(parallax.EINVALID, "outlet %q is listed twice", in.Domain)
		}
		p := &in
		d.byDomain[in.Domain] = p
		if in.Name != "" {
			if _, ok := d.byName[strings.ToLower(in.Name)]; !ok {
				d.byName[strings.ToLower(in.Name)] = p
			}
		}
		d.list = append(d.list, p)
	}
	return d, nil
}

// Len is the number of outlets.
func (d *Directory) Len() int {
	if d == nil {
		return 0
	}
	return len(d.list)
}

// Lookup describes an outlet by the name a story gives it.
func (d *Directory) Lookup(outlet string) (parallax.OutletInfo, bool) {
	if d == nil {
		return parallax.OutletInfo{}, false
	}
	key := normDomain(outlet)
	for k := key; k != ""; {
		if in := d.byDomain[k]; in != nil {
			return *in, true
		}
		i := strings.IndexByte(k, '.')
		if i < 0 || !strings.Contains(k[i+1:], ".") {
			break // never match on a bare top-level domain
		}
		k = k[i+1:]
	}
	if in := d.byName[strings.ToLower(strings.TrimSpace(outlet))]; in != nil {
		return *in, true
	}
	return parallax.OutletInfo{}, false
}

// Values is how many different values the file gives a dimension:
// "country", "owner", "language", or a label's name.
func (d *Directory) Values(dim string) int {
	if d == nil {
		return 0
	}
	seen := map[string]bool{}
	for _, in := range d.list {
		var v string
		switch dim {
		case "country":
			v = in.Country
		case "owner":
			v = in.Owner
		case "language":
			v = in.Language
		default:
			v = in.Labels[dim]
		}
		if v = strings.TrimSpace(v); v != "" {
			seen[strings.ToLower(v)] = true
		}
	}
	return len(seen)
}

// normDomain folds an outlet's domain: lower case, no scheme, no www., no
// path or port.
func normDomain(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	if i := strings.IndexAny(s, "/?#:"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimPrefix(s, "www.")
}

func parseJSON(name string, data []byte) ([]parallax.OutletInfo, error) {
	if data[0] == '{' {
		var m map[string]parallax.OutletInfo
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, parallax.Errorf(parallax.EINVALID, "outlets file %q: %v", name, jsonProblem(err))
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		out := make([]parallax.OutletInfo, 0, len(m))
		for _, k := range keys {
			in := m[k]
			if in.Domain == "" {
				in.Domain = k
			}
			out = append(out, in)
		}
		return out, nil
	}
	var out []parallax.OutletInfo
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, parallax.Errorf(parallax.EINVALID, "outlets file %q: %v", name, jsonProblem(err))
	}
	return out, nil
}

func jsonProblem(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("invalid JSON at byte %d", se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("field %q should be %s", te.Field, te.Type)
	}
	return err.Error()
}

func parseCSV(name string, data []byte) ([]parallax.OutletInfo, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	head, err := r.Read()
	if err != nil {
		return nil, parallax.Errorf(parallax.EINVALID, "outlets file %q: no header row: %v", name, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	if _, ok := col["domain"]; !ok {
		return nil, parallax.Errorf(parallax.EINVALID, "outlets file %q: the header has no domain column (columns: domain, name, country, language, owner, and any labels)", name)
	}
	var out []parallax.OutletInfo
	for row := 2; ; row++ {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, parallax.Errorf(parallax.EINVALID, "outlets file %q: row %d: %v", name, row, err)
		}
		get := func(k string) string {
			if i, ok := col[k]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		in := parallax.OutletInfo{Domain: get("domain"), Name: get("name"), Country: get("country"), Language: get("language"), Owner: get("owner")}
		if in.Domain == "" {
			if strings.TrimSpace(strings.Join(rec, "")) == "" {
				continue // a blank line
			}
			return nil, parallax.Errorf(parallax.EINVALID, "outlets file %q: row %d has no domain", name, row)
		}
		for i, h := range head {
			k := strings.ToLower(strings.TrimSpace(h))
			if i >= len(rec) || strings.TrimSpace(rec[i]) == "" {
				continue
			}
			switch k {
			case "domain", "name", "country", "language", "owner", "":
			case "labels":
				for _, kv := range strings.Split(rec[i], ";") {
					k2, v, ok := strings.Cut(kv, "=")
					if !ok || strings.TrimSpace(k2) == "" {
						return nil, parallax.Errorf(parallax.EINVALID, "outlets file %q: row %d: labels %q: want key=value; key=value", name, row, rec[i])
					}
					setLabel(&in, strings.TrimSpace(k2), strings.TrimSpace(v))
				}
			default:
				setLabel(&in, k, strings.TrimSpace(rec[i]))
			}
		}
		out = append(out, in)
	}
}

func setLabel(in *parallax.OutletInfo, k, v string) {
	if in.Labels == nil {
		in.Labels = map[string]string{}
	}
	in.Labels[k] = v
}
