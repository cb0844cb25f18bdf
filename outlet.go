package parallax

// OutletInfo is what a user's outlets file says of one outlet. Parallax
// ships no such file and no ratings: every value is the user's.
type OutletInfo struct {
	Domain   string `json:"domain"`             // the name stories give the outlet: its domain, or its name
	Name     string `json:"name,omitempty"`     // display name
	Country  string `json:"country,omitempty"`  // as the user writes it: "GB", "United Kingdom"
	Language string `json:"language,omitempty"` // ISO 639-1
	Owner    string `json:"owner,omitempty"`
	// Labels are any other properties the user tracks ("lean": "left",
	// "type": "public broadcaster").
	Labels map[string]string `json:"labels,omitempty"`
}
