package analysis

// Queries of the minimum-data and availability checks (issue #14).
var (
	// PlaceData counts the families in the window with any applicant place (country, province
	// or city): 0 means the sources carry no place data.
	PlaceData = NewQuery[CountRow]("place_data")
)
