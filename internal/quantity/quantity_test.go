package quantity

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
)

// render writes a quantity compactly for table tests:
// `"232 migrants" v=232 unit=migrants head=migrant`.
func render(q parallax.Quantity) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q", q.Text)
	if q.Value != nil {
		fmt.Fprintf(&b, " v=%g", *q.Value)
	}
	if q.Low != nil {
		fmt.Fprintf(&b, " lo=%g", *q.Low)
	}
	if q.High != nil {
		fmt.Fprintf(&b, " hi=%g", *q.High)
	}
	if q.Approx {
		b.WriteString(" ~")
	}
	if q.Unit != "" {
		fmt.Fprintf(&b, " unit=%s", q.Unit)
	}
	if q.Head != "" {
		fmt.Fprintf(&b, " head=%s", q.Head)
	}
	if q.Per != "" {
		fmt.Fprintf(&b, " per=%s", q.Per)
	}
	return b.String()
}

type findCase struct {
	lang string
	in   string
	want []string
}

func runFind(t *testing.T, cases []findCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			qs := Find(tc.in, tc.lang)
			checkSpans(t, tc.in, qs)
			var got []string
			for _, q := range qs {
				got = append(got, render(q))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Find(%q, %q) =\n\t%s\nwant\n\t%s", tc.in, tc.lang,
					strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
		})
	}
}

// checkSpans verifies the invariants every result must keep.
func checkSpans(t *testing.T, text string, qs []parallax.Quantity) {
	t.Helper()
	prev := 0
	for _, q := range qs {
		s := q.Span
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("bad span %+v (previous end %d, len %d) for %q", s, prev, len(text), q.Text)
		}
		if text[s.Start:s.End] != q.Text {
			t.Fatalf("Text %q != text[span] %q", q.Text, text[s.Start:s.End])
		}
		if q.Value == nil && q.Low == nil && q.High == nil {
			t.Fatalf("%q has no number", q.Text)
		}
		prev = s.End
	}
}

func TestDigits(t *testing.T) {
	runFind(t, []findCase{
		{"en", "Officials counted 84,000 ballots.", []string{`"84,000 ballots" v=84000 unit=ballots head=ballot`}},
		{"en", "The fund holds 1.5 million acres.", []string{`"1.5 million acres" v=1.5e+06 unit=acres head=acre`}},
		{"en", "The council approved $6m for roads.", []string{`"$6m" v=6e+06 unit=USD`}},
		{"en", "The council approved $6 million for roads.", []string{`"$6 million" v=6e+06 unit=USD`}},
		{"en", "Brussels pledged €2.3bn in aid.", []string{`"€2.3bn" v=2.3e+09 unit=EUR`}},
		{"en", "The quarterly loss was $36.0M.", []string{`"$36.0M" v=3.6e+07 unit=USD`}},
		{"en", "The airport spent £1bn on a runway.", []string{`"£1bn" v=1e+09 unit=GBP`}},
		{"en", "A crowd of 1\u00a0200 people and 3\u2009400 more.", []string{`"1\u00a0200 people" v=1200 unit=people head=person`, `"3\u2009400" v=3400`}},
		{"en", "Prices rose 2.75 percent.", []string{`"2.75 percent" v=2.75 unit=percent`}},
		{"es", "La ciudad tiene 6.000 habitantes.", []string{`"6.000 habitantes" v=6000 unit=habitantes head=inhabitant`}},
		{"es", "La tasa subió un 6,5 por ciento.", []string{`"6,5 por ciento" v=6.5 unit=percent`}},
		{"es", "Se recaudaron 1.234,5 euros.", []string{`"1.234,5 euros" v=1234.5 unit=EUR`}},
		{"es", "Costó 2,3 millones de euros.", []string{`"2,3 millones de euros" v=2.3e+06 unit=EUR`}},
		{"es", "Llegaron 30 mil turistas.", []string{`"30 mil turistas" v=30000 unit=turistas head=tourist`}},
		{"es", "Se invirtieron 3 mil millones de dólares.", []string{`"3 mil millones de dólares" v=3e+09 unit=USD`}},
		{"de", "Es kamen 6.000 Menschen, 6,5 % mehr.", []string{`"6.000 Menschen" v=6000 unit=Menschen head=menschen`, `"6,5 %" v=6.5 unit=percent`}},
	})
}

func TestNumberWords(t *testing.T) {
	runFind(t, []findCase{
		{"en", "Six firefighters were hurt.", []string{`"Six firefighters" v=6 unit=firefighters head=firefighter`}},
		{"en", "The ferry carried twenty-two passengers.", []string{`"twenty-two passengers" v=22 unit=passengers head=passenger`}},
		{"en", "Police seized two dozen rifles.", []string{`"two dozen rifles" v=24 unit=rifles head=rifle`}},
		{"en", "She baked a dozen pies.", []string{`"a dozen pies" v=12 unit=pies head=pie`}},
		{"en", "Hundreds of volunteers came.", []string{`"Hundreds of volunteers" lo=200 hi=999 ~ unit=volunteers head=volunteer`}},
		{"en", "Thousands of fans cheered.", []string{`"Thousands of fans" lo=2000 hi=99999 ~ unit=fans head=fan`}},
		{"en", "It cost millions of dollars.", []string{`"millions of dollars" lo=2e+06 hi=9.99e+08 ~ unit=USD`}},
		{"en", "Tens of thousands of people marched.", []string{`"Tens of thousands of people" lo=20000 hi=99000 ~ unit=people head=person`}},
		{"en", "Several hundred residents left.", []string{`"Several hundred residents" lo=200 hi=999 ~ unit=residents head=resident`}},
		{"en", "Dozens of boats sank.", []string{`"Dozens of boats" lo=24 hi=144 ~ unit=boats head=boat`}},
		{"en", "The fund pays one hundred and twenty-five nurses.", []string{`"one hundred and twenty-five nurses" v=125 unit=nurses head=nurse`}},
		{"en", "Half a million households lost power.", []string{`"Half a million households" v=500000 unit=households head=household`}},
		{"es", "Seis bomberos resultaron heridos.", []string{`"Seis bomberos" v=6 unit=bomberos head=firefighter`}},
		{"es", "Llegaron veinte camiones.", []string{`"veinte camiones" v=20 unit=camiones head=truck`}},
		{"es", "Cientos de vecinos protestaron.", []string{`"Cientos de vecinos" lo=200 hi=999 ~ unit=vecinos head=resident`}},
		{"es", "Miles de personas marcharon.", []string{`"Miles de personas" lo=2000 hi=99999 ~ unit=personas head=person`}},
		{"es", "Hay dos millones de votantes.", []string{`"dos millones de votantes" v=2e+06 unit=votantes head=votante`}},
		{"es", "Treinta y dos alumnos y doscientos mil euros.", []string{`"Treinta y dos alumnos" v=32 unit=alumnos head=alumno`, `"doscientos mil euros" v=200000 unit=EUR`}},
	})
}

func TestBounds(t *testing.T) {
	runFind(t, []findCase{
		{"en", "More than 200 families fled.", []string{`"More than 200 families" lo=200 unit=families head=family`}},
		{"en", "The storm left over 200 homes flooded.", []string{`"over 200 homes" lo=200 unit=homes head=home`}},
		{"en", "The party won a majority, surpassing 400 seats.", []string{`"surpassing 400 seats" lo=400 unit=seats head=seat`}},
		{"en", "At least 7 hikers are missing.", []string{`"At least 7 hikers" lo=7 unit=hikers head=hiker`}},
		{"en", "The deal is worth up to six million dollars.", []string{`"up to six million dollars" lo=0 hi=6e+06 unit=USD`}},
		{"en", "The rocket fell within 20 miles of Tarnby.", []string{`"within 20 miles" lo=0 hi=20 unit=miles head=mile`}},
		{"en", "Fewer than 10 boats returned.", []string{`"Fewer than 10 boats" lo=0 hi=10 unit=boats head=boat`}},
		{"en", "Nearly 20 buildings collapsed.", []string{`"Nearly 20 buildings" hi=20 ~ unit=buildings head=building`}},
		{"en", "Almost 40 percent voted.", []string{`"Almost 40 percent" hi=40 ~ unit=percent`}},
		{"en", "Water rose between 46 and 48 inches.", []string{`"between 46 and 48 inches" lo=46 hi=48 unit=inches head=inch`}},
		{"en", "Highs of 46 to 48 degrees.", []string{`"46 to 48 degrees" lo=46 hi=48 unit=degrees head=degree`}},
		{"en", "Expect 46-48 centimetres of snow.", []string{`"46-48 centimetres" lo=46 hi=48 unit=cm head=centimetre`}},
		{"en", "About 90% agreed.", []string{`"About 90%" v=90 ~ unit=percent`}},
		{"en", "Around 90 percent, roughly 90 votes, some 90 guests, approximately 90 km.", []string{
			`"Around 90 percent" v=90 ~ unit=percent`, `"roughly 90 votes" v=90 ~ unit=votes head=vote`,
			`"some 90 guests" v=90 ~ unit=guests head=guest`, `"approximately 90 km" v=90 ~ unit=km head=kilometre`}},
		{"en", "Support fell 10%-15% and fares rose from $5 to $10.", []string{`"10%-15%" lo=10 hi=15 unit=percent`, `"$5" v=5 unit=USD`, `"$10" v=10 unit=USD`}},
		{"en", "The bill passed 52-48 in a 5-4 ruling.", nil},
		{"en", "It drew 200+ fans, >50 teams and <10 critics.", []string{`"200+ fans" lo=200 unit=fans head=fan`, `">50 teams" lo=50 unit=teams head=team`, `"<10 critics" lo=0 hi=10 unit=critics head=critic`}},
		{"en", "Two or three witnesses spoke.", []string{`"Two or three witnesses" lo=2 hi=3 ~ unit=witnesses head=witness`}},
		{"en", "It needs 500 signatures or more.", []string{`"500 signatures or more" lo=500 unit=signatures head=signature`}},
		{"en", "Sales fell from 40 to 30 percent.", []string{`"40" v=40 unit=percent`, `"30 percent" v=30 unit=percent`}},
		{"es", "Más de 60 casas ardieron.", []string{`"Más de 60 casas" lo=60 unit=casas head=house`}},
		{"es", "Al menos 12 mineros siguen atrapados.", []string{`"Al menos 12 mineros" lo=12 unit=mineros head=minero`}},
		{"es", "Recibirá hasta 3 millones de euros.", []string{`"hasta 3 millones de euros" lo=0 hi=3e+06 unit=EUR`}},
		{"es", "Unos 400 atletas compiten.", []string{`"Unos 400 atletas" v=400 ~ unit=atletas head=atleta`}},
		{"es", "Cerca de 90 familias fueron desalojadas.", []string{`"Cerca de 90 familias" hi=90 ~ unit=familias head=family`}},
		{"es", "Entre 46 y 48 grados, de 10 a 12 horas.", []string{`"Entre 46 y 48 grados" lo=46 hi=48 unit=degrees head=degree`, `"de 10 a 12 horas" lo=10 hi=12 unit=hours head=hour`}},
	})
}

func TestMoney(t *testing.T) {
	runFind(t, []findCase{
		{"en", "The country receives six million dollars annually.", []string{`"six million dollars annually" v=6e+06 unit=USD per=year`}},
		{"en", "Rent is $1,200 a month.", []string{`"$1,200 a month" v=1200 unit=USD per=month`}},
		{"en", "He earned $90,000 per year, $40 a day.", []string{`"$90,000 per year" v=90000 unit=USD per=year`, `"$40 a day" v=40 unit=USD per=day`}},
		{"en", "It raised 5 million euros and 2 billion pounds.", []string{`"5 million euros" v=5e+06 unit=EUR`, `"2 billion pounds" v=2e+09 unit=GBP`}},
		{"en", "The bag weighed 40 pounds.", []string{`"40 pounds" v=40 unit=pounds head=pound`}},
		{"en", "They paid 300 Canadian dollars and C$40.", []string{`"300 Canadian dollars" v=300 unit=CAD`, `"C$40" v=40 unit=CAD`}},
		{"en", "A fine of USD 5,000 and 200 Mexican pesos.", []string{`"USD 5,000" v=5000 unit=USD`, `"200 Mexican pesos" v=200 unit=MXN`}},
		{"en", "The sale made $2 a year ago.", []string{`"$2" v=2 unit=USD`}},
		{"en", "A $5-million grant; call 911 or dial 0800 555 0111.", []string{`"$5-million" v=5e+06 unit=USD`}},
		{"en", "It paid HK$8.6bn, RM3.10, R18.40, NT$1.3 trillion and CHF 12, not R5 or S24.", []string{`"HK$8.6bn" v=8.6e+09 unit=HKD`, `"RM3.10" v=3.1 unit=MYR`, `"R18.40" v=18.4 unit=ZAR`, `"NT$1.3 trillion" v=1.3e+12 unit=TWD`, `"CHF 12" v=12 unit=CHF`}},
		{"en", "Tex wants $21MM per year; Brazil spent 230 billion reais.", []string{`"$21MM per year" v=2.1e+07 unit=USD per=year`, `"230 billion reais" v=2.3e+11 unit=BRL`}},
		{"en", "It lost 8.6 billion Hong Kong dollars, 2.1 billion ringgit and 450 million Swiss francs.", []string{`"8.6 billion Hong Kong dollars" v=8.6e+09 unit=HKD`, `"2.1 billion ringgit" v=2.1e+09 unit=MYR`, `"450 million Swiss francs" v=4.5e+08 unit=CHF`}},
		{"es", "Pagará 500 euros al año y 20 libras.", []string{`"500 euros al año" v=500 unit=EUR per=year`, `"20 libras" v=20 unit=pounds head=pound`}},
		{"es", "Un préstamo de 6 millones de libras esterlinas y 900 pesos.", []string{`"6 millones de libras esterlinas" v=6e+06 unit=GBP`, `"900 pesos" v=900 unit=pesos`}},
		{"es", "Cobra 3.000 dólares mensuales.", []string{`"3.000 dólares mensuales" v=3000 unit=USD per=month`}},
	})
}

func TestUnitsFromTable(t *testing.T) {
	runFind(t, []findCase{
		{"en", "The 256GB model has a 5,000mAh battery, 12GB of RAM and a 3.2GHz chip.", []string{`"256GB" v=256 unit=GB head=gigabyte`, `"5,000mAh" v=5000 unit=mAh head=milliampere hour`, `"12GB" v=12 unit=GB head=gigabyte`, `"3.2GHz" v=3.2 unit=GHz head=gigahertz`}},
		{"en", "The 240-hp engine makes 320 Nm; he averaged 21.4 ppg and a 2.45 ERA.", []string{`"240-hp" v=240 unit=hp head=horsepower`, `"320 Nm" v=320 unit=Nm head=newton metre`, `"21.4 ppg" v=21.4 unit=ppg head=point per game`, `"2.45 ERA" v=2.45 unit=ERA head=earned run average`}},
		{"en", "A 3nm chip, a 1,800-square-metre hall, 55 billion cubic metres and 2 million bpd.", []string{`"3nm" v=3 unit=nm head=nanometre`, `"1,800-square-metre" v=1800 unit=square metres head=square metre`, `"55 billion cubic metres" v=5.5e+10 unit=cubic metres head=cubic metre`, `"2 million bpd" v=2e+06 unit=barrels head=barrel per=day`}},
		{"en", "A magnitude 5.8 quake; it hit 46.2C and 180 micrograms per cubic metre.", []string{`"magnitude 5.8" v=5.8 unit=magnitude head=magnitude`, `"46.2C" v=46.2 unit=degrees head=celsius`, `"180 micrograms per cubic metre" v=180 unit=µg per cubic metre head=microgram per cubic metre`}},
	})
}

func TestPercent(t *testing.T) {
	runFind(t, []findCase{
		{"en", "Turnout was about 90%.", []string{`"about 90%" v=90 ~ unit=percent`}},
		{"en", "Turnout was 90 per cent.", []string{`"90 per cent" v=90 unit=percent`}},
		{"en", "Turnout was 90 percent, up 3 percentage points.", []string{`"90 percent" v=90 unit=percent`, `"3 percentage points" v=3 unit=percentage points`}},
		{"en", "Rates rose 5% a year.", []string{`"5% a year" v=5 unit=percent per=year`}},
		{"en", "Between 5% and 7% of voters.", []string{`"Between 5% and 7%" lo=5 hi=7 unit=percent`}},
		{"es", "El 90 por ciento votó.", []string{`"90 por ciento" v=90 unit=percent`}},
		{"es", "Bajó 2 puntos porcentuales.", []string{`"2 puntos porcentuales" v=2 unit=percentage points`}},
	})
}

func TestMeasures(t *testing.T) {
	runFind(t, []findCase{
		{"en", "The 948-foot-long tanker ran aground.", []string{`"948-foot-long" v=948 unit=feet head=foot`}},
		{"en", "A 984-foot cargo ship docked.", []string{`"984-foot" v=984 unit=feet head=foot`}},
		{"en", "The 40-year-old Miguel Luna was rescued.", []string{`"40-year-old" v=40 unit=years head=age`}},
		{"en", "Ana Ruiz, 39 years old, and a man aged 52.", []string{`"39 years old" v=39 unit=years head=age`, `"aged 52" v=52 unit=years head=age`}},
		{"en", "A six-month-old puppy and a one-year-old boy.", []string{`"six-month-old" v=6 unit=months head=age`, `"one-year-old" v=1 unit=years head=age`}},
		{"en", "Voters aged 18 to 25 and a 9mm pistol.", []string{`"aged 18 to 25" lo=18 hi=25 unit=years head=age`, `"9mm" v=9 unit=mm head=millimetre`}},
		{"en", "It drove 12 km, 7 miles and 300 metres.", []string{`"12 km" v=12 unit=km head=kilometre`, `"7 miles" v=7 unit=miles head=mile`, `"300 metres" v=300 unit=metres head=metre`}},
		{"en", "The truck held 20 tons and 500 kilograms.", []string{`"20 tons" v=20 unit=tons head=ton`, `"500 kilograms" v=500 unit=kg head=kilogram`}},
		{"en", "The strike lasted 36 hours in 3 days.", []string{`"36 hours" v=36 unit=hours head=hour`, `"3 days" v=3 unit=days head=day`}},
		{"en", "Winds of 120km/h and 75 mph hit 20 square miles.", []string{`"120km/h" v=120 unit=km/h head=kilometre per hour`, `"75 mph" v=75 unit=mph head=mile per hour`, `"20 square miles" v=20 unit=square miles head=square mile`}},
		{"en", "It reached 30°C, or 86 degrees Fahrenheit.", []string{`"30°C" v=30 unit=degrees head=celsius`, `"86 degrees Fahrenheit" v=86 unit=degrees head=fahrenheit`}},
		{"en", "A 100m wall and a 12-member panel.", []string{`"100m" v=100 unit=metres head=metre`, `"12-member" v=12 unit=member head=member`}},
		{"es", "Hubo 67 personas muertas.", []string{`"67 personas muertas" v=67 unit=personas head=person`}},
		{"es", "Un hombre de 39 años y una niña de 5 años de edad.", []string{`"39 años" v=39 unit=years head=age`, `"5 años de edad" v=5 unit=years head=age`}},
		{"es", "Se ordenó a los 26 años.", []string{`"26 años" v=26 unit=years head=age`}},
		{"es", "Recorrió 15 kilómetros en 3 horas.", []string{`"15 kilómetros" v=15 unit=km head=kilometre`, `"3 horas" v=3 unit=hours head=hour`}},
	})
}

func TestCounted(t *testing.T) {
	runFind(t, []findCase{
		{"en", "The flight carried 17 violent offenders.", []string{`"17 violent offenders" v=17 unit=offenders head=offender`}},
		{"en", "There were 22 deportation flights.", []string{`"22 deportation flights" v=22 unit=flights head=flight`}},
		{"en", "Guards moved 14 alleged \"highly dangerous\" prisoners.", []string{`"14 alleged \"highly dangerous\" prisoners" v=14 unit=prisoners head=prisoner`}},
		{"en", "They held 14 alleged “highly dangerous” prisoners.", []string{`"14 alleged “highly dangerous” prisoners" v=14 unit=prisoners head=prisoner`}},
		{"en", "The court named six accused of tax fraud.", []string{`"six accused of tax fraud" v=6 unit=people head=person`}},
		{"en", "Two died and five were injured.", []string{`"Two died" v=2 unit=people head=person`, `"five were injured" v=5 unit=people head=person`}},
		{"en", "Officers detained 10 more alleged gang members.", []string{`"10 more alleged gang members" v=10 unit=gang members head=gang member`}},
		{"en", "Some 300 aid workers and 40 senior officials.", []string{`"Some 300 aid workers" v=300 ~ unit=aid workers head=aid worker`, `"40 senior officials" v=40 unit=officials head=official`}},
		{"en", "The party won 410 seats, a majority of 176.", []string{`"410 seats" v=410 unit=seats head=seat`, `"a majority of 176" v=176 unit=majority head=majority`}},
		{"en", "It moved a total of 232 migrants; 648 of the 650 Commons seats.", []string{`"a total of 232 migrants" v=232 unit=migrants head=migrant`, `"648" v=648`, `"650 Commons seats" v=650 unit=seats head=seat`}},
		{"es", "Dejó un saldo de 12 heridos.", []string{`"un saldo de 12 heridos" v=12 unit=heridos head=injured`}},
		{"en", "Reds took 412 seats and the Blues 121.", []string{`"412 seats" v=412 unit=seats head=seat`, `"121" v=121`}},
		{"en", "About 300 Guatemalans and 12 children arrived.", []string{`"About 300 Guatemalans" v=300 ~ unit=Guatemalans head=guatemalan`, `"12 children" v=12 unit=children head=child`}},
		{"en", "One person died and one man was hurt.", []string{`"One person" v=1 unit=person head=person`, `"one man" v=1 unit=man head=man`}},
		{"en", "A fire injured 14. Tobias Renn, 34, and Ana Ruiz (52) were held; Sue Lee, 19.", []string{`"14" v=14 unit=people head=person`, `"34" v=34 unit=years head=age`, `"52" v=52 unit=years head=age`, `"19" v=19 unit=years head=age`}},
		{"en", "In Paris, 34 people met; on March 3, 2026, and in Gaza, 12, were hurt.", []string{`"34 people" v=34 unit=people head=person`, `"12" v=12`}},
		{"en", "One disabled patient brought in; one inside.", []string{`"One disabled patient" v=1 unit=patient head=patient`}},
		{"en", "Ticket 112954389 and 598760 views.", []string{`"598760 views" v=598760 unit=views head=view`}},
		{"en", "Nine new cases and 3 cities.", []string{`"Nine new cases" v=9 unit=cases head=case`, `"3 cities" v=3 unit=cities head=city`}},
		{"en", "Six dead workers, two tornadoes and six are still missing.", []string{`"Six dead workers" v=6 unit=workers head=worker`, `"two tornadoes" v=2 unit=tornadoes head=tornado`, `"six are still missing" v=6 unit=people head=person`}},
		{"en", "It carried 60 passengers plus a crew of four.", []string{`"60 passengers" v=60 unit=passengers head=passenger`, `"four" v=4`}},
		{"es", "Llegaron 200 migrantes venezolanos.", []string{`"200 migrantes venezolanos" v=200 unit=migrantes head=migrant`}},
		{"es", "Dos murieron en el acto.", []string{`"Dos murieron" v=2 unit=personas head=person`}},
		{"es", "Se detuvo a 10 nuevos pandilleros.", []string{`"10 nuevos pandilleros" v=10 unit=pandilleros head=gang member`}},
	})
}

func TestNotQuantities(t *testing.T) {
	runFind(t, []findCase{
		{"en", "In 2025 the law changed, as it had since 2015.", nil},
		{"en", "He cited the 1798 Alien Enemies Act.", nil},
		{"en", "The 2024 election and the 1990s.", nil},
		{"en", "The meeting starts at 1:30 a.m., not 11:30 or 10 p.m. or 10am.", nil},
		{"en", "It happened on April 14, 2025, and again on Jan. 31 and 3 March.", nil},
		{"en", "Posted 17/04/2025 and 2025-04-17, call 555-123-4567.", nil},
		{"en", "She was the first woman and the 267th pope, in the 18th-century.", nil},
		{"en", "Members of MS-13 caught COVID-19 near an F-35 and a B-52.", nil},
		{"en", "A Boeing 737 flew as Flight 5342 from Gate 12.", nil},
		{"en", "He is the No. 1 seed and #2 overall.", nil},
		{"en", "One of the men said one was unharmed. No one knows.", nil},
		{"en", "Vision 2030, Article 50, the Big Four, AK-47s and COP29.", nil},
		{"en", "H1N1 and G7 leaders met in the 2019-2021 period; the score was 3-1.", nil},
		{"en", "Voters said 24/7 and 9/11.", nil},
		{"en", "She won 6-4, 1-6, 7-5; the hosts won 1-3 on a 5G network.", nil},
		{"en", "The 2024 UK election results and the 2020 elections.", nil},
		{"en", "Box office:\n$\n0\n", []string{`"0" v=0`}},
		{"en", "He met the Group of Seven at 10.", nil},
		// a capitalised number name is no number, nor is its last part
		{"en", "He joined the Twenty-Three Club.", nil},
		// after an opening quotation mark a sentence starts ("``" in
		// corpora written the PTB way)
		{"en", "`` Twenty-three personnel surrendered , '' the navy said .", []string{`"Twenty-three personnel" v=23 unit=personnel head=personnel`}},
		{"en", "The shop at 325 E. Dahlia Ave. and 10 Downing Street; call 745-4811 or +1 877 268 9324.", nil},
		{"en", "Kepler GT 650M graphics and the 1,000 mark.", []string{`"1,000" v=1000`}},
		// decades are no figures: not 19 fifties
		{"en", "A dance hall star of the nineteen thirties and the nineteen-eighties, now in her seventies.", nil},
		{"es", "El 14 de abril de 2025 a las 11:30 horas, en 2025.", nil},
		{"es", "Una persona y un hombre llegaron; uno de ellos habló.", nil},
		{"es", "La ley 100 y el artículo 5 desde 2019.", nil},
	})
}

func TestNegative(t *testing.T) {
	runFind(t, []findCase{
		{"en", "Weekly moves: gold +1.4%, silver -2.3%, copper −0.8%.", []string{`"+1.4%" v=1.4 unit=percent`, `"-2.3%" v=-2.3 unit=percent`, `"−0.8%" v=-0.8 unit=percent`}},
		{"en", "Lows of -5C to -8C and minus 12 degrees; plus or minus 3 points.", []string{`"-5C to -8C" lo=-8 hi=-5 unit=degrees head=celsius`, `"minus 12 degrees" v=-12 unit=degrees head=degree`, `"3 points" v=3 unit=points head=point`}},
		{"en", "Scores of 10 - 15 and MS-13 members.", []string{`"10" v=10`, `"15" v=15`}},
		{"es", "Bajaron a 5 grados bajo cero; al menos 12 mineros.", []string{`"5 grados bajo cero" v=-5 unit=degrees head=degree`, `"al menos 12 mineros" lo=12 unit=mineros head=minero`}},
	})
}

func TestFractions(t *testing.T) {
	runFind(t, []findCase{
		{"en", "Two-thirds of voters and a quarter of members agreed.", []string{`"Two-thirds" v=66.66666666666667 ~ unit=percent`, `"a quarter" v=25 ~ unit=percent`}},
		{"en", "Nearly half the staff left; sales grew by a fifth.", []string{`"Nearly half" hi=50 ~ unit=percent`, `"a fifth" v=20 ~ unit=percent`}},
		{"en", "About one in four adults and 1 in 10 homes.", []string{`"About one in four" v=25 ~ unit=percent`, `"1 in 10" v=10 ~ unit=percent`}},
		{"en", "Two out of three chiefs expect a third more.", []string{`"Two out of three" v=66.66666666666667 ~ unit=percent`, `"a third" v=33.333333333333336 ~ unit=percent`}},
		{"en", "Between a quarter and a third of the crop.", []string{`"Between a quarter and a third" lo=25 hi=33.333333333333336 ~ unit=percent`}},
		{"en", "In the first half, a third straight win, half-time, a quarter earlier, half an hour.", nil},
		{"en", "A quarter of a million people walked a third of a mile; one in a million.", []string{`"A quarter of a million people" v=250000 unit=people head=person`, `"one in a million" v=0.0001 ~ unit=percent`}},
		{"es", "La mitad de los hospitales y uno de cada cuatro jóvenes.", []string{`"La mitad" v=50 ~ unit=percent`, `"uno de cada cuatro" v=25 ~ unit=percent`}},
		{"es", "Dos tercios del total y una cuarta parte; un cuarto de hora.", []string{`"Dos tercios" v=66.66666666666667 ~ unit=percent`, `"una cuarta parte" v=25 ~ unit=percent`}},
		{"pt", "Metade dos brasileiros e um em cada cinco.", []string{`"Metade" v=50 ~ unit=percent`, `"um em cada cinco" v=20 ~ unit=percent`}},
		{"fr", "La moitié des sondés et un Français sur quatre.", []string{`"La moitié" v=50 ~ unit=percent`, `"un Français sur quatre" v=25 ~ unit=percent`}},
		{"de", "Rund die Hälfte der Befragten; jeder Vierte und zwei Drittel der Firmen.", []string{`"Rund die Hälfte" v=50 ~ unit=percent`, `"jeder Vierte" v=25 ~ unit=percent`, `"zwei Drittel" v=66.66666666666667 ~ unit=percent`}},
	})
}

func TestOtherLanguages(t *testing.T) {
	runFind(t, []findCase{
		{"fr", "Environ 2 300 personnes, soit 12,5 % de plus, ont payé 40 €.", []string{`"Environ 2 300 personnes" v=2300 ~ unit=personnes head=personne`, `"12,5 %" v=12.5 unit=percent`, `"40 €" v=40 unit=EUR`}},
		{"de", "Am 14. April 2025 kamen 300 Menschen.", []string{`"300 Menschen" v=300 unit=Menschen head=menschen`}},
		{"pt", "A empresa lucrou R$ 3,5 milhões, alta de 12,5 por cento, e 1.200 pessoas.", []string{`"R$ 3,5 milhões" v=3.5e+06 unit=BRL`, `"12,5 por cento" v=12.5 unit=percent`, `"1.200 pessoas" v=1200 unit=pessoas head=pessoa`}},
		{"fr", "Le 14 mars, 3,5 milliards d'euros et 7 420 points.", []string{`"3,5 milliards d'euros" v=3.5e+09 unit=EUR`, `"7 420 points" v=7420 unit=points head=point`}},
		{"de", "Der Umsatz stieg um 3,5 Prozent auf 2,3 Mrd. Euro.", []string{`"3,5 Prozent" v=3.5 unit=percent`, `"2,3 Mrd. Euro" v=2.3e+09 unit=EUR`}},
		{"hu", "A híd 948 láb hosszú és 30 km.", []string{`"948" v=948`, `"30 km" v=30 unit=km head=kilometre`}},
	})
}

func TestRobustText(t *testing.T) {
	runFind(t, []findCase{
		{"en", "Roughly\u00a0300\u00a0people gathered.", []string{`"Roughly\u00a0300\u00a0people" v=300 ~ unit=people head=person`}},
		{"en", "It’s 5 o’clock; they’re 20 miles away.", []string{`"20 miles" v=20 unit=miles head=mile`}},
		{"en", "bad \xff\xfe 12 bytes \xc3", []string{`"12 bytes" v=12 unit=bytes head=byte`}},
		{"en", "", nil},
		{"en", "99999999999999999999 stars", nil},
	})
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"more than 200 Venezuelan migrants", "$36.0M", "6.000 y 6,5", "between 46 and 48 degrees",
		"twenty-two", "tens of thousands of people", "17/04/2025 at 11:30", "MS-13", "\xff1\xfe",
		"1\u00a0200 people", "seis millones de dólares al año", "948-foot-long", "one or two",
		"from 10 to 20 percent", "a.m. U.S. 5", "4-5-6", "-", "$", "1,2,3,4,5,6,7,8,9,10,11",
		"HK$1.2bn", "-5C to -8C", "about one in four", "0800 555 0111", "RM3.10", "la mitad de",
		"3,5 milliards d'euros", "256GB", "240-hp", "minus 12", "between a quarter and a third",
		"(212) 555-0147", "E£5", "S/ 120", "5 grados bajo cero",
	} {
		f.Add(s, "en")
		f.Add(s, "es")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		qs := Find(text, lang)
		prev := 0
		for _, q := range qs {
			s := q.Span
			if s.Start < prev || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("bad span %+v for %q in %q", s, q.Text, text)
			}
			if text[s.Start:s.End] != q.Text {
				t.Fatalf("Text %q != %q", q.Text, text[s.Start:s.End])
			}
			if utf8.ValidString(text) && !utf8.ValidString(q.Text) {
				t.Fatalf("span cuts a character: %q", q.Text)
			}
			prev = s.End
		}
	})
}

// benchText is a fictional article of about 2,000 characters.
const benchText = `HARBOR CITY — More than 300 dock workers walked off the job on Tuesday, April 8, 2025, shutting the port's three container terminals for the first time since 2019, union leaders said.

The strike, which organisers said could last up to 10 days, began at 6:00 a.m. after talks over a $45 million pay package broke down. The Harbor City Port Authority said about 40% of scheduled sailings had been cancelled and that some 12,000 containers were waiting on the quay.

"We have been asking for a 5 per cent raise for two years," said Dana Whitfield, 52, a crane operator who has worked at the port for 23 years. "They offered 2.5 percent and a one-time bonus of $1,500."

The authority, which handled 1.8 million containers last year, said the union's demands would cost it roughly $60m annually. A spokesman said the 948-foot-long vessel Northern Star, carrying 4,200 tons of grain, had been diverted to Port Ellis, 85 miles to the south.

Hundreds of truck drivers queued along Route 9 on Tuesday afternoon. Police said two drivers were treated for heat exhaustion as temperatures reached 34 to 36 degrees. At least 17 flights carrying perishable goods were rerouted, according to the airport.

The mayor, who won re-election in 2023 with 61 percent of the vote, urged both sides to return to the table. "Every day of this strike costs the city nearly $4 million," she said at a briefing in Room 210 of City Hall.

Between 2,000 and 2,500 jobs depend directly on the port, and tens of thousands more in the region rely on it indirectly, according to a 2022 study. The last walkout, in 2019, lasted six days and ended with a 3% raise.

Talks are expected to resume on Thursday at 10 a.m. under a federal mediator, the 14th such intervention since the port opened in 1962.`

func BenchmarkFind(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Find(benchText, "en")
	}
}

// A figure in parentheses after one in another unit of its dimension is its
// conversion: rounded, and bounded as the first is.
func TestConversions(t *testing.T) {
	runFind(t, []findCase{
		{"en", "The depot lies less than 40 km (25 miles) from the coast.", []string{
			`"less than 40 km" lo=0 hi=40 unit=km head=kilometre`,
			`"25 miles" lo=0 hi=25 ~ unit=miles head=mile`}},
		{"en", "The ridge rises more than 900 metres ( 2,950 feet ) above the lake.", []string{
			`"more than 900 metres" lo=900 unit=metres head=metre`,
			`"2,950 feet" lo=2950 ~ unit=feet head=foot`}},
		{"en", "The fund holds €12 million ($13 million) in bonds.", []string{
			`"€12 million" v=1.2e+07 unit=EUR`,
			`"$13 million" v=1.3e+07 ~ unit=USD`}},
		// not a conversion: another dimension, or not in parentheses
		{"en", "The pier is 30 metres (12 boats) long.", []string{
			`"30 metres" v=30 unit=metres head=metre`,
			`"12 boats" v=12 unit=boats head=boat`}},
		{"en", "Trucks drove 40 km and then 25 miles more.", []string{
			`"40 km" v=40 unit=km head=kilometre`,
			`"25 miles" v=25 unit=miles head=mile`}},
	})
}

// ordinalWord tells ordinals from the cardinals they are built on.
func TestOrdinalWord(t *testing.T) {
	for _, w := range []string{"first", "third", "fourth", "fifth", "twelfth", "nineteenth", "twentieth", "hundredth", "millionth"} {
		if !ordinalWord(w) {
			t.Errorf("ordinalWord(%q) = false", w)
		}
	}
	for _, w := range []string{"four", "seven", "ten", "thirteen", "twenty", "hundred", "thousand", "million", "fif", "month", "path"} {
		if ordinalWord(w) {
			t.Errorf("ordinalWord(%q) = true for a word that is no ordinal", w)
		}
	}
}
