package outlets

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const csvFile = `domain,name,country,language,owner,lean,labels
harbor-gazette.example,Harbor Gazette,GB,en,Tallis Media,centre,type=local paper
https://www.clarion.example/news,Evening Clarion,GB,en,Tallis Media,right,
meridian.example,Meridian Wire,US,en,Meridian Co-op,,type=agency; reach=global
`

const jsonFile = `{"harbor-gazette.example": {"name": "Harbor Gazette", "country": "GB", "labels": {"lean": "centre"}},
 "meridian.example": {"name": "Meridian Wire", "country": "US"}}`

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{"outlets.csv": csvFile, "outlets.json": jsonFile, "outlets.txt": jsonFile} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		d, err := Load(path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, q := range []string{"harbor-gazette.example", "WWW.Harbor-Gazette.example", "news.harbor-gazette.example", "Harbor Gazette"} {
			in, ok := d.Lookup(q)
			if !ok || in.Name != "Harbor Gazette" || in.Country != "GB" || in.Labels["lean"] != "centre" {
				t.Errorf("%s: Lookup(%q) = %+v, %v", name, q, in, ok)
			}
		}
		if _, ok := d.Lookup("example"); ok {
			t.Errorf("%s: a bare top-level name matched", name)
		}
		if _, ok := d.Lookup("other.example"); ok {
			t.Errorf("%s: an unknown outlet matched", name)
		}
		if d.Values("country") != 2 {
			t.Errorf("%s: %d countries, want 2", name, d.Values("country"))
		}
	}
	d, _ := Parse("o.csv", []byte(csvFile))
	if in, _ := d.Lookup("clarion.example"); in.Owner != "Tallis Media" || in.Labels["lean"] != "right" {
		t.Errorf("a domain written as a URL: %+v", in)
	}
	if in, _ := d.Lookup("meridian.example"); in.Labels["type"] != "agency" || in.Labels["reach"] != "global" {
		t.Errorf("labels column: %+v", in.Labels)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"o.csv", "name,country\nHarbor Gazette,GB\n", "no domain column"},
		{"o.csv", "domain,name\n,Harbor Gazette\n", "row 2 has no domain"},
		{"o.csv", "domain,labels\na.example,lean\n", "want key=value"},
		{"o.csv", "domain\na.example\nA.example\n", "listed twice"},
		{"o.json", `[{"domain": 3}]`, "should be string"},
		{"o.json", `[{"domain": "a.example"`, "invalid JSON"},
		{"o.csv", "  \n", "empty"},
	} {
		_, err := Parse(c.name, []byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%s, %q): %v, want an error saying %q", c.name, c.data, err, c.want)
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.csv")); err == nil || !strings.Contains(err.Error(), "missing.csv") {
		t.Errorf("a missing file: %v", err)
	}
}
