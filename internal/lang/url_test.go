package lang

import "testing"

func TestURLs(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The quake struck today, said https://quakes.example/kessel-quake-today-2031 in its report.", []string{"https://quakes.example/kessel-quake-today-2031"}},
		{"See www.kessel.example/news/2031-03-04 for more.", []string{"www.kessel.example/news/2031-03-04"}},
		{"http : / / www . kessel . example / quake - today - 2031\nThe quake struck today.", []string{"http : / / www . kessel . example / quake - today - 2031"}},
		{"The quake struck today at 4:10 a.m., the agency said.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, u := range URLs(tt.text) {
			got = append(got, tt.text[u[0]:u[1]])
		}
		if len(got) != len(tt.want) {
			t.Errorf("URLs(%q) = %q, want %q", tt.text, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("URLs(%q) = %q, want %q", tt.text, got, tt.want)
			}
		}
	}
}
