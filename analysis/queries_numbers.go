package analysis

// Queries of the minimum-data and availability checks (issue #14).
var (
	// PlaceData counts the families in the window with any applicant place (country, province
	// or city): 0 means the sources carry no place data; and those with an applicant of the
	// region's country stating a province, a city (the levels a province or city region needs).
	// Arguments: country, country, from, to.
	PlaceData = NewQuery[PlaceDataRow]("place_data")
)

// PlaceDataRow is how far the families in the window can be placed.
type PlaceDataRow struct {
	N            int `db:"n"`             // families with any applicant place
	WithProvince int `db:"with_province"` // with an applicant of the region's country stating a province
	WithCity     int `db:"with_city"`     // with an applicant of the region's country stating a city
}
