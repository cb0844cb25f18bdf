package group_test

import (
	"fmt"
	"strings"

	"github.com/parallaxnews/parallax/internal/group"
)

var exampleDocs = []group.Doc{
	{ID: "a1", Text: "Mayor Ilona Varga-Pratt said 14 people died when the river Tessel flooded Marrowfield on 3 March 2031. " +
		"The Dunmore Fire Brigade rescued families from rooftops near Cobble Lane, and 2,300 residents were evacuated."},
	{ID: "b1", Text: "Governor Tomasz Okonkwo-Lind said nine people died when the Ardent flooded Quillon Bay on 19 August 2032. " +
		"Coastguard crews from Port Elspeth reached homes along Gannet Row, and 640 residents were evacuated."},
	{ID: "a2", Language: "es", Text: "Catorce personas murieron en Marrowfield cuando el río Tessel se desbordó el 3 de marzo de 2031, " +
		"según la alcaldesa Ilona Varga-Pratt. La Dunmore Fire Brigade rescató a familias cerca de Cobble Lane y 2.300 vecinos fueron evacuados."},
	{ID: "a3", Text: "Mayor Ilona Varga-Pratt said 14 people died when the river Tessel flooded Marrowfield on 3 March 2031. " +
		"The Dunmore Fire Brigade rescued families from rooftops near Cobble Lane, and 2,300 residents were evacuated. More to follow."},
}

func ExampleStories() {
	res := group.Stories(exampleDocs, group.Options{})
	for _, c := range res.Clusters {
		fmt.Println(c.ID, strings.Join(c.Docs, " "))
	}
	for i, d := range exampleDocs {
		if res.DuplicateOf[i] != "" {
			fmt.Println(d.ID, "copies", res.DuplicateOf[i])
		}
	}
	// Output:
	// s1 a1 a2 a3
	// s2 b1
	// a3 copies a1
}

func ExampleIndex() {
	ix := group.NewIndex(group.Options{})
	for _, d := range exampleDocs {
		story, dupOf := ix.Add(d)
		if dupOf != "" {
			fmt.Println(d.ID, story, "copies", dupOf)
		} else {
			fmt.Println(d.ID, story)
		}
	}
	// Output:
	// a1 s1
	// b1 s2
	// a2 s1
	// a3 s1 copies a1
}
