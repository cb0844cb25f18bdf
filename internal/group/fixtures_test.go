package group

// Fictional articles: two floods of the same kind in different towns, each
// told by three outlets, a wire copy, a Spanish version of the first flood
// and an unrelated piece. Every name, place and figure is invented.

var floodMarrowfield1 = Doc{
	ID:    "marrow-herald",
	Title: "Fourteen dead as the Tessel bursts its banks in Marrowfield",
	Text: `Fourteen dead as the Tessel bursts its banks in Marrowfield

At least 14 people died and 2,300 were evacuated after the river Tessel burst its banks in Marrowfield on 3 March 2031, officials said.
Mayor Ilona Varga-Pratt said the water rose nearly four metres overnight and swept through the old mill district near Cobble Lane.
"We have never seen the Tessel move this fast," Varga-Pratt told reporters at the town hall on Tuesday morning.
Rescue crews from the Dunmore Fire Brigade used boats to reach families trapped on rooftops in the mill district.
The regional weather office said 180 millimetres of rain fell on the Harwick Hills in two days, twice the monthly average.
Emergency shelters were opened at St Aldric School and the Marrowfield sports centre, where volunteers handed out blankets and hot food.
Varga-Pratt asked residents to stay away from the river banks until engineers had inspected the Kestrel Bridge.`,
}

var floodMarrowfield2 = Doc{
	ID:    "valley-post",
	Title: "Marrowfield counts the cost after deadly Tessel flood",
	Text: `Marrowfield counts the cost after deadly Tessel flood

The death toll from the flood in Marrowfield has risen to 14, Mayor Ilona Varga-Pratt said, as the Tessel began to fall back on Wednesday.
About 2,300 residents left their homes when the river overflowed on 3 March 2031, most of them from the mill district around Cobble Lane.
Crews of the Dunmore Fire Brigade pulled more than 60 people from flooded houses, according to the brigade.
Engineers closed the Kestrel Bridge after cracks were found in one of its piers.
Forecasters blamed 180 millimetres of rain over the Harwick Hills, upstream of the town.
Shop owners in the old mill district said the water had reached the ceilings of their ground floors.
"It will take months to rebuild Marrowfield," Varga-Pratt said.`,
}

var floodMarrowfield3 = Doc{
	ID:    "national-wire",
	Title: "Town of Marrowfield flooded, 14 killed",
	Text: `Town of Marrowfield flooded, 14 killed

Floodwater from the Tessel killed 14 people in the town of Marrowfield, where 2,300 residents were moved to shelters at St Aldric School and the sports centre.
The river rose after 180 millimetres of rain fell on the Harwick Hills, the weather office said.
Mayor Ilona Varga-Pratt thanked the Dunmore Fire Brigade, whose boats reached dozens of families in the mill district on 3 March 2031.
The Kestrel Bridge stays closed until engineers finish their inspection, the mayor said.
The national government promised emergency funds for Marrowfield and the villages along the Tessel.`,
}

// floodMarrowfieldCopy is floodMarrowfield1 as another site reposted it:
// a new headline, one sentence dropped, a line added at the end.
var floodMarrowfieldCopy = Doc{
	ID:    "repost-daily",
	Title: "Marrowfield flood: 14 dead",
	Text: `Marrowfield flood: 14 dead

At least 14 people died and 2,300 were evacuated after the river Tessel burst its banks in Marrowfield on 3 March 2031, officials said.
Mayor Ilona Varga-Pratt said the water rose nearly four metres overnight and swept through the old mill district near Cobble Lane.
"We have never seen the Tessel move this fast," Varga-Pratt told reporters at the town hall on Tuesday morning.
Rescue crews from the Dunmore Fire Brigade used boats to reach families trapped on rooftops in the mill district.
The regional weather office said 180 millimetres of rain fell on the Harwick Hills in two days, twice the monthly average.
Varga-Pratt asked residents to stay away from the river banks until engineers had inspected the Kestrel Bridge.
Follow our live page for updates.`,
}

var floodMarrowfieldES = Doc{
	ID:       "diario-sur",
	Language: "es",
	Title:    "Catorce muertos por la crecida del río Tessel en Marrowfield",
	Text: `Catorce muertos por la crecida del río Tessel en Marrowfield

Al menos 14 personas murieron y 2.300 fueron evacuadas cuando el río Tessel se desbordó en Marrowfield el 3 de marzo de 2031, según las autoridades.
La alcaldesa Ilona Varga-Pratt dijo que el agua subió casi cuatro metros durante la noche en el antiguo barrio del molino, cerca de Cobble Lane.
Los equipos de la Dunmore Fire Brigade rescataron con botes a familias atrapadas en los tejados.
Según la oficina meteorológica, cayeron 180 milímetros de lluvia sobre las colinas de Harwick Hills en dos días.
El puente Kestrel Bridge permanece cerrado hasta que los ingenieros terminen la inspección.`,
}

var floodQuillon1 = Doc{
	ID:    "coast-times",
	Title: "Nine dead as the Ardent floods Quillon Bay",
	Text: `Nine dead as the Ardent floods Quillon Bay

Nine people were killed and 640 evacuated when the Ardent overflowed into Quillon Bay on 19 August 2032, Governor Tomasz Okonkwo-Lind said.
A summer storm dropped 95 millimetres on the Selwyn Moors overnight and the harbour streets filled within an hour.
Okonkwo-Lind spoke at the ferry terminal, where the Port Elspeth coastguard had set up its command post.
Lifeboats took residents of Gannet Row to the Brightwater Academy, which is serving as a shelter.
Fishing boats were torn from their moorings and two were found wrecked against the breakwater.
The governor said the Ardent dam had held but would be checked before anyone could return.`,
}

var floodQuillon2 = Doc{
	ID:    "bay-observer",
	Title: "Quillon Bay flood toll rises to nine",
	Text: `Quillon Bay flood toll rises to nine

Governor Tomasz Okonkwo-Lind confirmed on Saturday that nine people died in Quillon Bay, among them a ferry worker swept off the quay.
Some 640 residents spent two nights at the Brightwater Academy after the storm of 19 August 2032.
The Port Elspeth coastguard said its lifeboats brought 35 people out of Gannet Row.
Inspectors are examining the Ardent dam; the Selwyn Moors received 95 millimetres in one night.
"Quillon Bay will need help for a long time," Okonkwo-Lind said.`,
}

var floodQuillon3 = Doc{
	ID:    "island-radio",
	Title: "Storm floods harbour town of Quillon Bay",
	Text: `Storm floods harbour town of Quillon Bay

The Ardent broke into the harbour of Quillon Bay on 19 August 2032, leaving nine dead and forcing 640 people out of their homes.
Okonkwo-Lind, the governor, praised the Port Elspeth coastguard crews working along Gannet Row.
The Brightwater Academy has become the main shelter, and the ferry service is suspended.`,
}

var gadgetLaunch = Doc{
	ID:    "tech-weekly",
	Title: "Pellucid unveils folding reader at Vantor Expo",
	Text: `Pellucid unveils folding reader at Vantor Expo

The electronics maker Pellucid showed a folding e-reader called the Lumen Fold at the Vantor Expo in Brennick on Thursday.
Chief executive Odile Marchetti said the device weighs 210 grams and will cost 349 euros when it ships in the spring.
Analysts at Corvane Research said the screen hinge was the thinnest they had seen, but questioned the battery life.
Pellucid shares rose 4 percent after the presentation.`,
}

// fixtureDocs is the batch the table tests group, in this order.
var fixtureDocs = []Doc{
	floodMarrowfield1, floodQuillon1, gadgetLaunch, floodMarrowfield2, floodQuillon2,
	floodMarrowfieldCopy, floodMarrowfield3, floodMarrowfieldES, floodQuillon3,
}
