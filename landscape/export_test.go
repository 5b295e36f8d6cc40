package landscape

// RichLake lets the external tests of this directory (package landscape_test, which may import
// landscape/enterprise without an import cycle) build the rich hand-built lake of rich_test.go.
var RichLake = richLake
