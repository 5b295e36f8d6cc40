// Package schematest checks documents against the JSON Schemas the report packages generate
// (reports.Schema), for their tests. It implements just the keywords those schemas use.
package schematest

import (
	"strconv"
	"strings"
)

// Validate is a small JSON Schema validator for the keywords Schema emits: $ref, type, anyOf,
// properties, required, additionalProperties, items, minItems, maxItems. It returns one message
// per violation, each naming the path (at) where it occurs; none means v conforms. root is the
// whole schema (for $ref into $defs), s the part that applies at this path.
func Validate(root, s map[string]any, v any, at string) []string {
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/$defs/")
		return Validate(root, root["$defs"].(map[string]any)[name].(map[string]any), v, at)
	}
	if alts, ok := s["anyOf"].([]any); ok {
		for _, alt := range alts {
			if len(Validate(root, alt.(map[string]any), v, at)) == 0 {
				return nil
			}
		}
		return []string{at + ": matches no alternative"}
	}
	if ty, ok := s["type"]; ok {
		var types []string
		switch x := ty.(type) {
		case string:
			types = []string{x}
		case []any:
			for _, e := range x {
				types = append(types, e.(string))
			}
		}
		okType := false
		for _, tname := range types {
			switch tname {
			case "null":
				okType = okType || v == nil
			case "object":
				_, o := v.(map[string]any)
				okType = okType || o
			case "array":
				_, o := v.([]any)
				okType = okType || o
			case "string":
				_, o := v.(string)
				okType = okType || o
			case "boolean":
				_, o := v.(bool)
				okType = okType || o
			case "number":
				_, o := v.(float64)
				okType = okType || o
			case "integer":
				f, o := v.(float64)
				okType = okType || o && f == float64(int64(f))
			}
		}
		if !okType {
			return []string{at + ": want " + strings.Join(types, "|")}
		}
	}
	var errs []string
	switch x := v.(type) {
	case map[string]any:
		props, _ := s["properties"].(map[string]any)
		if req, ok := s["required"].([]any); ok {
			for _, r := range req {
				if _, ok := x[r.(string)]; !ok {
					errs = append(errs, at+": missing "+r.(string))
				}
			}
		}
		for k, val := range x {
			if ps, ok := props[k]; ok {
				errs = append(errs, Validate(root, ps.(map[string]any), val, at+"."+k)...)
			} else if ap, ok := s["additionalProperties"]; ok {
				switch a := ap.(type) {
				case bool:
					if !a {
						errs = append(errs, at+": unexpected "+k)
					}
				case map[string]any:
					errs = append(errs, Validate(root, a, val, at+"."+k)...)
				}
			}
		}
	case []any:
		if it, ok := s["items"].(map[string]any); ok {
			for i, e := range x {
				errs = append(errs, Validate(root, it, e, at+"["+strconv.Itoa(i)+"]")...)
			}
		}
		if mx, ok := s["maxItems"].(float64); ok && float64(len(x)) > mx {
			errs = append(errs, at+": too many items")
		}
		if mn, ok := s["minItems"].(float64); ok && float64(len(x)) < mn {
			errs = append(errs, at+": too few items")
		}
	}
	return errs
}
