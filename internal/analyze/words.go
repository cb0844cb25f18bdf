package analyze

import "strings"

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// startWords are capitalised at the start of a sentence only because they
// start it; they never begin a name.
var startWords = set(`the a an this that these those it its he she they we i you his her their our my your
in on at for from with without by after before during since until as while when where what why how who whom whose which
if but and or nor so yet also still however meanwhile although though because despite over under about among between
last next earlier later today tonight yesterday tomorrow now then there here some many most all both each every several
few other another one two three four five six seven eight nine ten such not no yes do does did is are was were be been
has have had will would can could should may might must just only even more less like unlike once instead already again
indeed perhaps sometimes often never always thus therefore hence read watch see click related filed posted published
updated photo video image source via share advertisement breaking live update editor note recently according additionally
furthermore moreover overall finally first second third new local officials critics authorities witnesses residents experts
analysts supporters opponents sources reports rescue emergency following amid around within across against toward towards
upon per whether either neither nor none nothing something someone everyone anyone everything what's it's that's there's
let let's please thank thanks dear hello welcome good great big many much very well yes ok
el la los las un una unos unas en de del por para con sin según pero y o que como cuando donde este esta estos estas ese esa
su sus al lo se tras durante desde hasta sobre entre ante no sí ya también además aunque mientras porque si le les nos
der die das ein eine und in im mit von zu auf für nach bei aus den dem des es er sie wir ich
le les des une et dans pour avec sur par il elle ils nous
o os as um uma em no na do da dos das com para pelo pela ao`)

// connectors may sit inside a name: "Tren de Aragua", "Secretary of State".
var connectors = set(`of for de del la las los the y da do dos das von van der di du le al el`)

// roleWords are titles that precede a person's name.
var roleWords = set(`president vice secretary minister senator sen congresswoman congressman representative rep governor gov
mayor chief director commissioner judge general gen admiral captain capt officer sheriff spokesman spokeswoman spokesperson
ambassador chancellor premier pope cardinal bishop archbishop protodeacon king queen prince princess sir dame lord mr mrs ms
dr prof professor sgt lt col cmdr deputy prime leader ceo chairman chairwoman chair coach pilot attorney detective lieutenant
sergeant colonel commander father rev reverend speaker superintendent inspector agent trooper constable master
skipper rear engineer lawyer doctor nurse teacher professor economist analyst researcher
manager owner founder minister
presidente presidenta ministro ministra secretario secretaria alcalde alcaldesa gobernador gobernadora papa cardenal obispo
arzobispo rey reina don doña señor señora senador senadora diputado diputada canciller
präsident bundeskanzler kanzler minister président ministre presidente`)

// calendar words are not names.
var calendarWords = set(`monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre
setiembre octubre noviembre diciembre montag dienstag mittwoch donnerstag freitag samstag sonntag`)

// labels are all-capitals page furniture, not names.
var labels = set(`source breaking update watch video photos photo live read more news exclusive opinion analysis editor
note related advertisement update updated developing share tags tag file ok tv am pm`)

var facilityHeads = set(`center centre prison house base airport bridge hospital stadium office port station palace cathedral
chapel basilica square hall tower building camp jail penitentiary field park street avenue road highway terminal
harbor harbour dam plant mall school church embassy consulate capitol pentagon pier quay wharf dock`)

var orgHeads = set(`department ministry agency administration party court congress senate parliament council committee
university college corporation corp inc company group news times post journal press association organization organisation
international bank police guard army navy force forces union commission board service institute foundation network
airlines airways church conference club team federation league bureau authority government cabinet assembly tribune
herald gazette daily reuters media channel radio television tv broadcasting coalition alliance movement front
ferries lines shipping railways railway motors airways brigade rescue
ministerio departamento agencia partido corte tribunal congreso senado gobierno policía ejército fuerza`)

var lawHeads = set(`act law bill amendment treaty accord constitution code statute decree ley`)

var eventHeads = set(`war election elections olympics games summit cup championship conference tournament festival crisis`)

var placeHeads = set(`river mountains mountain lake sea ocean island islands county state province city valley canyon
coast bay gulf peninsula desert strait region`)

// vehicleNouns come before the name of a ship, plane or train: "the ferry Marigold Star".
var vehicleNouns = set(`ship ferry vessel boat tanker freighter yacht liner trawler tug barge aircraft plane jet airliner
helicopter train locomotive rocket spacecraft satellite submarine carrier frigate destroyer buque barco avión`)
