package quantity

// Word lists. Every key is lower case; accented Spanish words are listed both
// with and without their accents, since both spellings turn up in news text.

// Kinds of number word.
const (
	nAdd     = iota + 1 // adds to the current group: "two", "twenty", "doscientos"
	nHundred            // multiplies the current group by 100: "hundred"
	nMult               // multiplies the current group: "dozen", Spanish "mil"
	nScale              // closes the group and scales it: "thousand", "million"
)

type numWord struct {
	v    float64
	kind uint8
}

var enNumbers = map[string]numWord{
	"zero": {0, nAdd}, "one": {1, nAdd}, "two": {2, nAdd}, "three": {3, nAdd},
	"four": {4, nAdd}, "five": {5, nAdd}, "six": {6, nAdd}, "seven": {7, nAdd},
	"eight": {8, nAdd}, "nine": {9, nAdd}, "ten": {10, nAdd}, "eleven": {11, nAdd},
	"twelve": {12, nAdd}, "thirteen": {13, nAdd}, "fourteen": {14, nAdd},
	"fifteen": {15, nAdd}, "sixteen": {16, nAdd}, "seventeen": {17, nAdd},
	"eighteen": {18, nAdd}, "nineteen": {19, nAdd}, "twenty": {20, nAdd},
	"thirty": {30, nAdd}, "forty": {40, nAdd}, "fifty": {50, nAdd},
	"sixty": {60, nAdd}, "seventy": {70, nAdd}, "eighty": {80, nAdd},
	"ninety":  {90, nAdd},
	"hundred": {100, nHundred}, "dozen": {12, nMult},
	"thousand": {1e3, nScale}, "million": {1e6, nScale}, "billion": {1e9, nScale},
	"trillion": {1e12, nScale},
}

var esNumbers = map[string]numWord{
	"cero": {0, nAdd}, "uno": {1, nAdd}, "una": {1, nAdd}, "un": {1, nAdd},
	"dos": {2, nAdd}, "tres": {3, nAdd}, "cuatro": {4, nAdd}, "cinco": {5, nAdd},
	"seis": {6, nAdd}, "siete": {7, nAdd}, "ocho": {8, nAdd}, "nueve": {9, nAdd},
	"diez": {10, nAdd}, "once": {11, nAdd}, "doce": {12, nAdd}, "trece": {13, nAdd},
	"catorce": {14, nAdd}, "quince": {15, nAdd},
	"dieciséis": {16, nAdd}, "dieciseis": {16, nAdd}, "diecisiete": {17, nAdd},
	"dieciocho": {18, nAdd}, "diecinueve": {19, nAdd}, "veinte": {20, nAdd},
	"veintiuno": {21, nAdd}, "veintiún": {21, nAdd}, "veintiun": {21, nAdd}, "veintiuna": {21, nAdd},
	"veintidós": {22, nAdd}, "veintidos": {22, nAdd}, "veintitrés": {23, nAdd}, "veintitres": {23, nAdd},
	"veinticuatro": {24, nAdd}, "veinticinco": {25, nAdd}, "veintiséis": {26, nAdd}, "veintiseis": {26, nAdd},
	"veintisiete": {27, nAdd}, "veintiocho": {28, nAdd}, "veintinueve": {29, nAdd},
	"treinta": {30, nAdd}, "cuarenta": {40, nAdd}, "cincuenta": {50, nAdd},
	"sesenta": {60, nAdd}, "setenta": {70, nAdd}, "ochenta": {80, nAdd}, "noventa": {90, nAdd},
	"cien": {100, nAdd}, "ciento": {100, nAdd},
	"doscientos": {200, nAdd}, "doscientas": {200, nAdd}, "trescientos": {300, nAdd}, "trescientas": {300, nAdd},
	"cuatrocientos": {400, nAdd}, "cuatrocientas": {400, nAdd}, "quinientos": {500, nAdd}, "quinientas": {500, nAdd},
	"seiscientos": {600, nAdd}, "seiscientas": {600, nAdd}, "setecientos": {700, nAdd}, "setecientas": {700, nAdd},
	"ochocientos": {800, nAdd}, "ochocientas": {800, nAdd}, "novecientos": {900, nAdd}, "novecientas": {900, nAdd},
	"mil": {1e3, nMult}, "docena": {12, nMult}, "centenar": {100, nMult}, "millar": {1e3, nMult},
	"millón": {1e6, nScale}, "millon": {1e6, nScale}, "millones": {1e6, nScale},
	"millardo": {1e9, nScale}, "millardos": {1e9, nScale},
	"billón": {1e12, nScale}, "billon": {1e12, nScale}, "billones": {1e12, nScale},
}

// Scale words after digits: "1.5 million", "6 millones", "2,3 mil millones".
var enScaleAfter = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
}

var esScaleAfter = map[string]float64{
	"mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6,
	"millardo": 1e9, "millardos": 1e9, "billón": 1e12, "billon": 1e12, "billones": 1e12,
	"mn": 1e6, "mln": 1e6, "bn": 1e9,
}

// Scale suffixes written against the digits: "$6m", "€2.3bn", "10k". The
// lower-case "m" is resolved by context (million or metres); "t" is tonnes.
var attachedScale = map[string]float64{
	"k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "MN": 1e6,
	"b": 1e9, "B": 1e9, "bn": 1e9, "Bn": 1e9, "BN": 1e9, "bln": 1e9,
	"tn": 1e12, "trn": 1e12, "T": 1e12, "Tn": 1e12,
}

// Vague plurals: "hundreds" is at least 200 and less than a thousand.
type vagueWord struct {
	lo, hi, scale float64
}

var enVague = map[string]vagueWord{
	"dozens":    {24, 144, 12},
	"hundreds":  {200, 999, 100},
	"thousands": {2e3, 99999, 1e3},
	"millions":  {2e6, 999e6, 1e6},
	"billions":  {2e9, 999e9, 1e9},
	"trillions": {2e12, 999e12, 1e12},
}

var esVague = map[string]vagueWord{
	"decenas":    {20, 99, 10},
	"docenas":    {24, 144, 12},
	"cientos":    {200, 999, 100},
	"centenares": {200, 999, 100},
	"miles":      {2e3, 99999, 1e3},
	"millares":   {2e3, 99999, 1e3},
	"millones":   {2e6, 999e6, 1e6},
	"billones":   {2e12, 999e12, 1e12},
}

// Words that turn a following singular scale word vague: "several hundred".
var enSeveral = map[string]bool{"several": true, "few": true, "many": true}
var esSeveral = map[string]bool{"varios": true, "varias": true, "cuantos": true, "cuantas": true, "algunos": true, "algunas": true}

// Bounds and hedges written before a number.
const (
	bNone   = iota
	bLow    // "more than 200"
	bHigh   // "up to 200"
	bApprox // "about 200"
	bRange  // "between", "from": only counts when a range follows
)

type bound struct {
	words  []string
	kind   uint8
	approx bool
}

var enBounds = sortBounds([]bound{
	{[]string{"more", "than"}, bLow, false},
	{[]string{"over"}, bLow, false},
	{[]string{"at", "least"}, bLow, false},
	{[]string{"no", "fewer", "than"}, bLow, false},
	{[]string{"no", "less", "than"}, bLow, false},
	{[]string{"not", "less", "than"}, bLow, false},
	{[]string{"greater", "than"}, bLow, false},
	{[]string{"upwards", "of"}, bLow, false},
	{[]string{"upward", "of"}, bLow, false},
	{[]string{"in", "excess", "of"}, bLow, false},
	{[]string{"above"}, bLow, false},
	{[]string{"exceeding"}, bLow, false},
	{[]string{"a", "minimum", "of"}, bLow, false},
	{[]string{"just", "over"}, bLow, true},
	{[]string{"just", "above"}, bLow, true},
	{[]string{"slightly", "more", "than"}, bLow, true},
	{[]string{"just", "more", "than"}, bLow, true},
	{[]string{"a", "little", "over"}, bLow, true},
	{[]string{"a", "little", "more", "than"}, bLow, true},
	{[]string{"up", "to"}, bHigh, false},
	{[]string{"fewer", "than"}, bHigh, false},
	{[]string{"less", "than"}, bHigh, false},
	{[]string{"under"}, bHigh, false},
	{[]string{"below"}, bHigh, false},
	{[]string{"no", "more", "than"}, bHigh, false},
	{[]string{"not", "more", "than"}, bHigh, false},
	{[]string{"at", "most"}, bHigh, false},
	{[]string{"as", "many", "as"}, bHigh, false},
	{[]string{"as", "much", "as"}, bHigh, false},
	{[]string{"a", "maximum", "of"}, bHigh, false},
	{[]string{"just", "under"}, bHigh, true},
	{[]string{"just", "below"}, bHigh, true},
	{[]string{"just", "shy", "of"}, bHigh, true},
	{[]string{"nearly"}, bHigh, true},
	{[]string{"almost"}, bHigh, true},
	{[]string{"close", "to"}, bHigh, true},
	{[]string{"approaching"}, bHigh, true},
	{[]string{"about"}, bApprox, true},
	{[]string{"around"}, bApprox, true},
	{[]string{"roughly"}, bApprox, true},
	{[]string{"some"}, bApprox, true},
	{[]string{"approximately"}, bApprox, true},
	{[]string{"approx"}, bApprox, true},
	{[]string{"approx", "."}, bApprox, true},
	{[]string{"estimated"}, bApprox, true},
	{[]string{"an", "estimated"}, bApprox, true},
	{[]string{"circa"}, bApprox, true},
	{[]string{"more", "or", "less"}, bApprox, true},
	{[]string{"~"}, bApprox, true},
	{[]string{"≈"}, bApprox, true},
	{[]string{">"}, bLow, false},
	{[]string{"≥"}, bLow, false},
	{[]string{"<"}, bHigh, false},
	{[]string{"≤"}, bHigh, false},
	{[]string{"between"}, bRange, false},
	{[]string{"from"}, bRange, false},
})

var esBounds = sortBounds([]bound{
	{[]string{"más", "de"}, bLow, false},
	{[]string{"mas", "de"}, bLow, false},
	{[]string{"al", "menos"}, bLow, false},
	{[]string{"por", "lo", "menos"}, bLow, false},
	{[]string{"como", "mínimo"}, bLow, false},
	{[]string{"como", "minimo"}, bLow, false},
	{[]string{"un", "mínimo", "de"}, bLow, false},
	{[]string{"superior", "a"}, bLow, false},
	{[]string{"arriba", "de"}, bLow, false},
	{[]string{"poco", "más", "de"}, bLow, true},
	{[]string{"algo", "más", "de"}, bLow, true},
	{[]string{"hasta"}, bHigh, false},
	{[]string{"menos", "de"}, bHigh, false},
	{[]string{"no", "más", "de"}, bHigh, false},
	{[]string{"como", "máximo"}, bHigh, false},
	{[]string{"como", "maximo"}, bHigh, false},
	{[]string{"un", "máximo", "de"}, bHigh, false},
	{[]string{"inferior", "a"}, bHigh, false},
	{[]string{"poco", "menos", "de"}, bHigh, true},
	{[]string{"casi"}, bHigh, true},
	{[]string{"cerca", "de"}, bHigh, true},
	{[]string{"unos"}, bApprox, true},
	{[]string{"unas"}, bApprox, true},
	{[]string{"alrededor", "de"}, bApprox, true},
	{[]string{"aproximadamente"}, bApprox, true},
	{[]string{"en", "torno", "a"}, bApprox, true},
	{[]string{"más", "o", "menos"}, bApprox, true},
	{[]string{"unos", "aproximadamente"}, bApprox, true},
	{[]string{"~"}, bApprox, true},
	{[]string{">"}, bLow, false},
	{[]string{"<"}, bHigh, false},
	{[]string{"entre"}, bRange, false},
	{[]string{"de"}, bRange, false},
	{[]string{"del"}, bRange, false},
	{[]string{"desde"}, bRange, false},
})

// Bounds by their last word, for quick look-up.
var enBoundIndex, esBoundIndex = indexBounds(enBounds), indexBounds(esBounds)

func indexBounds(bs []bound) map[string][]bound {
	m := make(map[string][]bound)
	for _, b := range bs {
		last := b.words[len(b.words)-1]
		m[last] = append(m[last], b)
	}
	return m
}

// sortBounds puts longer phrases first so that "no more than" wins over "more than".
func sortBounds(bs []bound) []bound {
	for i := 1; i < len(bs); i++ {
		for j := i; j > 0 && len(bs[j].words) > len(bs[j-1].words); j-- {
			bs[j], bs[j-1] = bs[j-1], bs[j]
		}
	}
	return bs
}

// Verbs of change: "rose from 10 to 20" is two values, not a range.
var changeVerbs = map[string]bool{
	"rose": true, "risen": true, "rise": true, "rises": true, "rising": true,
	"fell": true, "fallen": true, "fall": true, "falls": true, "falling": true,
	"increased": true, "increase": true, "increases": true, "increasing": true,
	"decreased": true, "decrease": true, "declined": true, "decline": true, "dropped": true,
	"drop": true, "grew": true, "grown": true, "grow": true, "jumped": true, "climbed": true,
	"surged": true, "soared": true, "plunged": true, "slumped": true, "went": true, "gone": true,
	"raised": true, "cut": true, "reduced": true, "lowered": true, "slashed": true,
	"boosted": true, "doubled": true, "tripled": true, "changed": true, "moved": true,
	"up": true, "down": true,
	"subió": true, "bajó": true, "pasó": true, "pasaron": true, "creció": true, "cayó": true,
	"aumentó": true, "disminuyó": true, "redujo": true, "elevó": true,
}

// Currencies.
var currencySymbols = map[string]string{
	"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB",
	"₩": "KRW", "₪": "ILS", "₴": "UAH", "₺": "TRY", "₱": "PHP", "₦": "NGN",
}

// Letters written against "$": "US$", "C$", "R$".
var dollarPrefixes = map[string]string{
	"us": "USD", "u.s.": "USD", "usd": "USD", "c": "CAD", "ca": "CAD", "can": "CAD",
	"a": "AUD", "au": "AUD", "nz": "NZD", "hk": "HKD", "r": "BRL", "mx": "MXN",
	"s": "SGD", "nt": "TWD",
}

// ISO codes written as words: "USD 5m", "5 million EUR". Upper case only.
var currencyCodes = map[string]bool{
	"USD": true, "EUR": true, "GBP": true, "JPY": true, "CNY": true, "CHF": true,
	"CAD": true, "AUD": true, "NZD": true, "HKD": true, "SGD": true, "INR": true,
	"MXN": true, "BRL": true, "ARS": true, "COP": true, "CLP": true, "PEN": true,
	"RUB": true, "UAH": true, "TRY": true, "ZAR": true, "KRW": true, "ILS": true,
	"SEK": true, "NOK": true, "DKK": true, "PLN": true, "HUF": true, "CZK": true,
	"NGN": true, "EGP": true, "SAR": true, "AED": true, "PHP": true, "TWD": true,
	"UYU": true, "DOP": true, "VES": true, "BTC": true,
}

// Currency words. "pounds" and "libras" may also be weights and "pesos" has
// no single code: see moneyWord.
var currencyWords = map[string]string{
	"dollar": "USD", "dollars": "USD", "dólar": "USD", "dolar": "USD", "dólares": "USD", "dolares": "USD",
	"euro": "EUR", "euros": "EUR",
	"pound": "GBP", "pounds": "GBP", "sterling": "GBP", "quid": "GBP",
	"libra": "GBP", "libras": "GBP",
	"yen": "JPY", "yenes": "JPY", "yuan": "CNY", "yuanes": "CNY", "renminbi": "CNY",
	"rupee": "INR", "rupees": "INR", "rupia": "INR", "rupias": "INR",
	"rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "rublo": "RUB", "rublos": "RUB",
	"reais": "BRL", "hryvnia": "UAH", "hryvnias": "UAH", "grivnas": "UAH",
	"shekel": "ILS", "shekels": "ILS", "séquels": "ILS",
	"peso": "pesos", "pesos": "pesos",
	"bitcoin": "BTC", "bitcoins": "BTC",
	"francs": "francs", "francos": "francs", "rand": "ZAR", "naira": "NGN",
	"bolívares": "VES", "bolivares": "VES", "soles": "PEN",
}

// Nationality before "dollars" / "pesos", or after "dólares" / "pesos".
var currencyNations = map[string]map[string]string{
	"USD": {"us": "USD", "u.s.": "USD", "american": "USD", "estadounidenses": "USD", "americanos": "USD",
		"canadian": "CAD", "canadienses": "CAD", "australian": "AUD", "australianos": "AUD",
		"singapore": "SGD", "taiwan": "TWD", "taiwanese": "TWD", "zimbabwean": "ZWL"},
	"pesos": {"mexican": "MXN", "mexicanos": "MXN", "argentine": "ARS", "argentinian": "ARS",
		"argentinos": "ARS", "colombian": "COP", "colombianos": "COP", "chilean": "CLP",
		"chilenos": "CLP", "uruguayan": "UYU", "uruguayos": "UYU", "philippine": "PHP",
		"filipinos": "PHP", "dominican": "DOP", "dominicanos": "DOP", "cuban": "CUP", "cubanos": "CUP"},
	"francs": {"swiss": "CHF", "suizos": "CHF"},
}

// Measures. dim groups units that convert into each other; factor converts
// to the dimension's base unit (metre, kilogram, second, square metre, m/s,
// litre, watt).
const (
	dNone = iota
	dLength
	dMass
	dTime
	dArea
	dSpeed
	dVolume
	dPower
	dEnergy
	dTemp
)

type unitDef struct {
	name   string // canonical unit: "feet", "km", "years"
	head   string // singular: "foot", "kilometre", "year"
	dim    uint8
	factor float64
	short  bool // an abbreviation too ambiguous to read after a space ("m", "h", "in")
}

var (
	uFeet    = unitDef{"feet", "foot", dLength, 0.3048, false}
	uInches  = unitDef{"inches", "inch", dLength, 0.0254, false}
	uYards   = unitDef{"yards", "yard", dLength, 0.9144, false}
	uMiles   = unitDef{"miles", "mile", dLength, 1609.344, false}
	uKm      = unitDef{"km", "kilometre", dLength, 1000, false}
	uMetres  = unitDef{"metres", "metre", dLength, 1, false}
	uCm      = unitDef{"cm", "centimetre", dLength, 0.01, false}
	uMm      = unitDef{"mm", "millimetre", dLength, 0.001, false}
	uNmi     = unitDef{"nautical miles", "nautical mile", dLength, 1852, false}
	uTons    = unitDef{"tons", "ton", dMass, 1000, false}
	uKg      = unitDef{"kg", "kilogram", dMass, 1, false}
	uGrams   = unitDef{"grams", "gram", dMass, 0.001, false}
	uPounds  = unitDef{"pounds", "pound", dMass, 0.45359237, false}
	uOunces  = unitDef{"ounces", "ounce", dMass, 0.028349523, false}
	uDegrees = unitDef{"degrees", "degree", dTemp, 1, false}
	uSeconds = unitDef{"seconds", "second", dTime, 1, false}
	uMinutes = unitDef{"minutes", "minute", dTime, 60, false}
	uHours   = unitDef{"hours", "hour", dTime, 3600, false}
	uDays    = unitDef{"days", "day", dTime, 86400, false}
	uWeeks   = unitDef{"weeks", "week", dTime, 604800, false}
	uMonths  = unitDef{"months", "month", dTime, 2629800, false}
	uYears   = unitDef{"years", "year", dTime, 31557600, false}
	uDecades = unitDef{"decades", "decade", dTime, 315576000, false}
	uCentury = unitDef{"centuries", "century", dTime, 3155760000, false}
	uAcres   = unitDef{"acres", "acre", dArea, 4046.8564224, false}
	uHectare = unitDef{"hectares", "hectare", dArea, 1e4, false}
	uSqKm    = unitDef{"square km", "square kilometre", dArea, 1e6, false}
	uSqMiles = unitDef{"square miles", "square mile", dArea, 2589988.110336, false}
	uSqM     = unitDef{"square metres", "square metre", dArea, 1, false}
	uSqFeet  = unitDef{"square feet", "square foot", dArea, 0.09290304, false}
	uMph     = unitDef{"mph", "mile per hour", dSpeed, 0.44704, false}
	uKmh     = unitDef{"km/h", "kilometre per hour", dSpeed, 1 / 3.6, false}
	uKnots   = unitDef{"knots", "knot", dSpeed, 0.514444, false}
	uLitres  = unitDef{"litres", "litre", dVolume, 1, false}
	uGallons = unitDef{"gallons", "gallon", dVolume, 3.785411784, false}
	uBarrels = unitDef{"barrels", "barrel", dVolume, 158.987294928, false}
	uKW      = unitDef{"kW", "kilowatt", dPower, 1e3, false}
	uMW      = unitDef{"MW", "megawatt", dPower, 1e6, false}
	uGW      = unitDef{"GW", "gigawatt", dPower, 1e9, false}
	uKWh     = unitDef{"kWh", "kilowatt hour", dEnergy, 1, false}
	uMWh     = unitDef{"MWh", "megawatt hour", dEnergy, 1e3, false}
)

func short(u unitDef) unitDef { u.short = true; return u }

var units = map[string]unitDef{
	"foot": uFeet, "feet": uFeet, "ft": uFeet,
	"inch": uInches, "inches": uInches, "pulgada": uInches, "pulgadas": uInches, "in": short(uInches),
	"yard": uYards, "yards": uYards, "yd": uYards, "yds": uYards, "yarda": uYards, "yardas": uYards,
	"mile": uMiles, "miles": uMiles, "mi": short(uMiles), "milla": uMiles, "millas": uMiles,
	"kilometre": uKm, "kilometres": uKm, "kilometer": uKm, "kilometers": uKm, "km": uKm, "kms": uKm,
	"kilómetro": uKm, "kilómetros": uKm, "kilometro": uKm, "kilometros": uKm,
	"metre": uMetres, "metres": uMetres, "meter": uMetres, "meters": uMetres, "metro": uMetres,
	"metros": uMetres, "m": short(uMetres),
	"centimetre": uCm, "centimetres": uCm, "centimeter": uCm, "centimeters": uCm, "cm": uCm,
	"centímetro": uCm, "centímetros": uCm, "centimetro": uCm, "centimetros": uCm,
	"millimetre": uMm, "millimetres": uMm, "millimeter": uMm, "millimeters": uMm, "mm": uMm,
	"milímetro": uMm, "milímetros": uMm, "milimetro": uMm, "milimetros": uMm,
	"ton": uTons, "tons": uTons, "tonne": uTons, "tonnes": uTons, "tonelada": uTons, "toneladas": uTons,
	"t":        short(uTons),
	"kilogram": uKg, "kilograms": uKg, "kilogramme": uKg, "kilogrammes": uKg, "kg": uKg, "kgs": uKg,
	"kilo": uKg, "kilos": uKg, "kilogramo": uKg, "kilogramos": uKg,
	"gram": uGrams, "grams": uGrams, "gramme": uGrams, "grammes": uGrams, "gramo": uGrams, "gramos": uGrams,
	"g":  short(uGrams),
	"lb": uPounds, "lbs": uPounds, "pound": uPounds, "pounds": uPounds, "libra": uPounds, "libras": uPounds,
	"ounce": uOunces, "ounces": uOunces, "oz": uOunces, "onza": uOunces, "onzas": uOunces,
	"degree": uDegrees, "degrees": uDegrees, "grado": uDegrees, "grados": uDegrees,
	"second": uSeconds, "seconds": uSeconds, "sec": uSeconds, "secs": uSeconds, "segundo": uSeconds,
	"segundos": uSeconds, "s": short(uSeconds),
	"minute": uMinutes, "minutes": uMinutes, "mins": uMinutes, "minuto": uMinutes, "minutos": uMinutes,
	"min":  short(uMinutes),
	"hour": uHours, "hours": uHours, "hr": uHours, "hrs": uHours, "hora": uHours, "horas": uHours,
	"h":   short(uHours),
	"day": uDays, "days": uDays, "día": uDays, "días": uDays, "dia": uDays, "dias": uDays,
	"week": uWeeks, "weeks": uWeeks, "semana": uWeeks, "semanas": uWeeks,
	"month": uMonths, "months": uMonths, "mes": uMonths, "meses": uMonths,
	"year": uYears, "years": uYears, "yr": uYears, "yrs": uYears, "año": uYears, "años": uYears,
	"decade": uDecades, "decades": uDecades, "década": uDecades, "décadas": uDecades,
	"decada": uDecades, "decadas": uDecades,
	"century": uCentury, "centuries": uCentury, "siglo": uCentury, "siglos": uCentury,
	"acre": uAcres, "acres": uAcres,
	"hectare": uHectare, "hectares": uHectare, "hectárea": uHectare, "hectáreas": uHectare,
	"hectarea": uHectare, "hectareas": uHectare, "ha": short(uHectare),
	"km2": uSqKm, "km²": uSqKm, "m2": uSqM, "m²": uSqM,
	"mph": uMph, "kph": uKmh, "kmh": uKmh, "knot": uKnots, "knots": uKnots, "nudo": uKnots, "nudos": uKnots,
	"litre": uLitres, "litres": uLitres, "liter": uLitres, "liters": uLitres, "litro": uLitres,
	"litros": uLitres, "l": short(uLitres),
	"gallon": uGallons, "gallons": uGallons, "galón": uGallons, "galones": uGallons,
	"barrel": uBarrels, "barrels": uBarrels, "barril": uBarrels, "barriles": uBarrels,
	"kilowatt": uKW, "kilowatts": uKW, "kw": uKW,
	"megawatt": uMW, "megawatts": uMW, "mw": uMW, "megavatio": uMW, "megavatios": uMW,
	"gigawatt": uGW, "gigawatts": uGW, "gw": uGW, "gigavatio": uGW, "gigavatios": uGW,
	"kwh": uKWh, "mwh": uMWh,
}

// Units only in Spanish text ("pies" are pies in English).
var esUnits = map[string]unitDef{"pie": uFeet, "pies": uFeet}

// Square and nautical units written as two words.
var squareOf = map[string]unitDef{
	"km": uSqKm, "kilometre": uSqKm, "kilometres": uSqKm, "kilometer": uSqKm, "kilometers": uSqKm,
	"kilómetros": uSqKm, "kilometros": uSqKm, "kilómetro": uSqKm,
	"mile": uSqMiles, "miles": uSqMiles, "metre": uSqM, "metres": uSqM, "meter": uSqM,
	"meters": uSqM, "metros": uSqM, "metro": uSqM, "foot": uSqFeet, "feet": uSqFeet,
}

// Adjectives after a hyphenated measure: "948-foot-long".
var dimensionAdj = map[string]bool{
	"long": true, "tall": true, "high": true, "wide": true, "deep": true, "thick": true,
	"old": true, "length": true, "across": true,
}

// Words that end a measure-like hyphen compound without being a counted noun.
var notHyphenNoun = map[string]bool{
	"third": true, "thirds": true, "quarter": true, "quarters": true, "half": true, "halves": true,
	"fifth": true, "fifths": true, "sixth": true, "sixths": true, "eighth": true, "eighths": true,
	"tenth": true, "tenths": true, "hundredth": true, "thousandth": true,
	"time": true, "times": true, "way": true, "on": true, "off": true, "sided": true, "fold": true,
	"odd": true, "plus": true, "something": true, "somethings": true, "strong": true, "all": true,
	"and": true, "or": true, "to": true, "a": true, "the": true, "of": true,
	"figure": true, "figures": true, "digit": true, "digits": true,
}

// Fractions after a hyphen turn the whole expression into a non-quantity.
var fractionWords = map[string]bool{
	"third": true, "thirds": true, "quarter": true, "quarters": true, "half": true,
	"fifth": true, "fifths": true, "tenth": true, "tenths": true,
}

// Rates written after a quantity.
type perPhrase struct {
	words []string
	per   string
}

var enPer = []perPhrase{
	{[]string{"annually"}, "year"}, {[]string{"a", "year"}, "year"}, {[]string{"per", "year"}, "year"},
	{[]string{"each", "year"}, "year"}, {[]string{"every", "year"}, "year"}, {[]string{"yearly"}, "year"},
	{[]string{"per", "annum"}, "year"}, {[]string{"a", "month"}, "month"}, {[]string{"per", "month"}, "month"},
	{[]string{"each", "month"}, "month"}, {[]string{"every", "month"}, "month"}, {[]string{"monthly"}, "month"},
	{[]string{"a", "week"}, "week"}, {[]string{"per", "week"}, "week"}, {[]string{"each", "week"}, "week"},
	{[]string{"every", "week"}, "week"}, {[]string{"weekly"}, "week"},
	{[]string{"a", "day"}, "day"}, {[]string{"per", "day"}, "day"}, {[]string{"each", "day"}, "day"},
	{[]string{"every", "day"}, "day"}, {[]string{"daily"}, "day"},
	{[]string{"an", "hour"}, "hour"}, {[]string{"per", "hour"}, "hour"}, {[]string{"hourly"}, "hour"},
	{[]string{"per", "person"}, "person"}, {[]string{"per", "capita"}, "person"}, {[]string{"per", "head"}, "person"},
	{[]string{"a", "head"}, "person"}, {[]string{"/", "year"}, "year"}, {[]string{"/", "yr"}, "year"},
	{[]string{"/", "month"}, "month"}, {[]string{"/", "day"}, "day"}, {[]string{"/", "hour"}, "hour"},
}

var esPer = []perPhrase{
	{[]string{"al", "año"}, "year"}, {[]string{"por", "año"}, "year"}, {[]string{"anuales"}, "year"},
	{[]string{"anual"}, "year"}, {[]string{"cada", "año"}, "year"}, {[]string{"anualmente"}, "year"},
	{[]string{"al", "mes"}, "month"}, {[]string{"por", "mes"}, "month"}, {[]string{"mensuales"}, "month"},
	{[]string{"mensual"}, "month"}, {[]string{"cada", "mes"}, "month"},
	{[]string{"a", "la", "semana"}, "week"}, {[]string{"por", "semana"}, "week"}, {[]string{"semanales"}, "week"},
	{[]string{"al", "día"}, "day"}, {[]string{"por", "día"}, "day"}, {[]string{"al", "dia"}, "day"},
	{[]string{"por", "dia"}, "day"}, {[]string{"diarios"}, "day"}, {[]string{"diarias"}, "day"},
	{[]string{"diario"}, "day"}, {[]string{"cada", "día"}, "day"},
	{[]string{"por", "hora"}, "hour"}, {[]string{"por", "persona"}, "person"},
	{[]string{"per", "cápita"}, "person"}, {[]string{"per", "capita"}, "person"}, {[]string{"por", "cabeza"}, "person"},
}

// Rates by their first word.
var enPerIndex, esPerIndex = indexPer(enPer), indexPer(esPer)

func indexPer(ps []perPhrase) map[string][]perPhrase {
	m := make(map[string][]perPhrase)
	for _, p := range ps {
		m[p.words[0]] = append(m[p.words[0]], p)
	}
	return m
}

// Words after "a year" that make it a time, not a rate: "a year ago".
var notRateAfter = map[string]bool{
	"ago": true, "earlier": true, "later": true, "before": true, "after": true, "since": true,
	"from": true, "old": true, "into": true, "of": true, "in": true, "on": true,
}

var enMonths = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

var esMonths = map[string]bool{
	"enero": true, "febrero": true, "marzo": true, "abril": true, "mayo": true, "junio": true,
	"julio": true, "agosto": true, "septiembre": true, "setiembre": true, "octubre": true,
	"noviembre": true, "diciembre": true,
}

// Nouns after which a number is an identifier: "flight 5342", "Article 5".
var identNouns = map[string]bool{
	"no": true, "nº": true, "núm": true, "num": true, "number": true, "nos": true, "#": true,
	"flight": true, "page": true, "pages": true, "room": true, "route": true, "article": true,
	"section": true, "chapter": true, "title": true, "grade": true, "category": true, "level": true,
	"phase": true, "stage": true, "season": true, "episode": true, "game": true, "line": true,
	"platform": true, "terminal": true, "gate": true, "highway": true, "interstate": true,
	"district": true, "ward": true, "precinct": true, "exit": true, "apartment": true, "unit": true,
	"model": true, "version": true, "vol": true, "volume": true, "issue": true, "act": true,
	"resolution": true, "bill": true, "amendment": true, "pier": true, "berth": true, "lane": true,
	"tower": true, "building": true, "block": true, "row": true, "seat": true, "station": true,
	"channel": true, "code": true, "item": true, "rule": true, "paragraph": true, "clause": true,
	"figure": true, "table": true, "appendix": true, "annex": true, "sector": true, "zone": true,
	"area": true, "region": true, "pillar": true, "span": true, "bay": true, "track": true,
	"vuelo": true, "página": true, "pagina": true, "artículo": true, "articulo": true, "ley": true,
	"número": true, "numero": true, "capítulo": true, "capitulo": true, "sección": true,
	"seccion": true, "línea": true, "linea": true, "ruta": true, "puerta": true, "fase": true,
	"nivel": true, "categoría": true, "categoria": true, "temporada": true, "episodio": true,
	"calle": true, "avenida": true, "carretera": true, "autopista": true, "edición": true,
	"versión": true, "decreto": true, "expediente": true, "distrito": true, "zona": true,
	"kilómetro": true, "km": true, "sala": true, "planta": true, "piso": true, "pabellón": true,
	"muelle": true, "andén": true, "anden": true, "dársena": true, "darsena": true, "hangar": true,
	"pista": true, "grupo": true, "bloque": true, "portal": true,
}
