package analysis

import (
	"context"
	"reflect"
	"testing"
)

// TestSubclassTrendPrefersIPC: a family's subclass in subclass_trend is its IPC subclass when its
// publication has IPC codes (family 100: IPC G05D, CPC B64C), and its CPC subclass when the
// publication has none (family 200: CPC B64U only). Both families are in scope, priority 2015.
func TestSubclassTrendPrefersIPC(t *testing.T) {
	csv := espacenetHeader +
		"1;Drone arm;SMITH JOHN [US];ACME INC [US];EP1000001A1;2015-01-01;G05D1/00;B64C39/024;2016-01-01;2016-01-01;100;EP20150000001\n" +
		"2;Drone body;DOE JANE [US];OTHER INC [US];US2016000002A1;2015-03-01;;B64U10/13;2016-02-01;2016-02-01;200;US20150000002\n"
	s := espacenetSession(t, csv, "B64C39", "B64U10")
	rows, err := SubclassTrend.All(context.Background(), s, 2000, 2030)
	if err != nil {
		t.Fatal(err)
	}
	want := []SubclassYearRow{{Subclass: "B64U", Year: 2015, N: 1}, {Subclass: "G05D", Year: 2015, N: 1}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("subclass_trend %+v, want %+v", rows, want)
	}
}
