package schematest

import "testing"

func TestValidate(t *testing.T) {
	schema := map[string]any{
		"$defs": map[string]any{"Item": map[string]any{"type": "object", "required": []any{"n"},
			"properties": map[string]any{"n": map[string]any{"type": "integer"}}, "additionalProperties": false}},
		"type": "object", "required": []any{"items"},
		"properties": map[string]any{"items": map[string]any{"type": []any{"array", "null"}, "maxItems": float64(2),
			"items": map[string]any{"$ref": "#/$defs/Item"}}},
	}
	ok := map[string]any{"items": []any{map[string]any{"n": float64(1)}}}
	if errs := Validate(schema, schema, ok, "$"); len(errs) != 0 {
		t.Errorf("valid document: %v", errs)
	}
	for _, bad := range []map[string]any{
		{},
		{"items": []any{map[string]any{"n": 1.5}}},
		{"items": []any{map[string]any{"n": float64(1), "x": true}}},
		{"items": []any{map[string]any{}, map[string]any{}, map[string]any{}}},
		{"items": "no"},
	} {
		if errs := Validate(schema, schema, bad, "$"); len(errs) == 0 {
			t.Errorf("accepted %v", bad)
		}
	}
	if errs := Validate(schema, schema, map[string]any{"items": nil}, "$"); len(errs) != 0 {
		t.Errorf("null array: %v", errs)
	}
}
