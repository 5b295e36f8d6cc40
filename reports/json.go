package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/patnav/patnav/landscape"
)

// MacroJSON writes m as indented JSON (two spaces, fields in struct order, map keys sorted, a
// final newline): the machine-readable twin of the reports. Validate it with
// Schema(landscape.Macro{}).
func MacroJSON(w io.Writer, m *landscape.Macro) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("reports: macro JSON: %w", err)
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

// SchemaDraft is the JSON Schema dialect Schema generates.
const SchemaDraft = "https://json-schema.org/draft/2020-12/schema"

// Schema generates a JSON Schema (draft 2020-12) for the JSON encoding of v's type by reflection:
// struct types become objects under $defs (referenced with $ref) whose properties follow the json
// tags, and whose required list holds every field without omitempty/omitzero; pointers, slices and
// maps are nullable (encoding/json writes nil as null); slices and arrays become arrays (fixed
// length for arrays), maps objects with additionalProperties, time.Time a date-time string. The
// output is indented and deterministic.
func Schema(v any) ([]byte, error) {
	t := reflect.TypeOf(v)
	if t == nil {
		return nil, fmt.Errorf("reports: schema of nil")
	}
	g := &schemaGen{defs: map[string]map[string]any{}, names: map[reflect.Type]string{}, refs: map[string]int{}}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	root := g.schema(t)
	if ref, ok := root["$ref"].(string); ok {
		// Inline the root struct; keep its definition only when something refers back to it.
		name := strings.TrimPrefix(ref, "#/$defs/")
		root = g.defs[name]
		if g.refs[name] <= 1 {
			delete(g.defs, name)
		}
	}
	doc := map[string]any{"$schema": SchemaDraft, "title": t.String()}
	for k, v := range root {
		doc[k] = v
	}
	if len(g.defs) > 0 {
		defs := map[string]any{}
		for k, v := range g.defs {
			defs[k] = v
		}
		doc["$defs"] = defs
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("reports: schema: %w", err)
	}
	return buf.Bytes(), nil
}

type schemaGen struct {
	defs  map[string]map[string]any
	names map[reflect.Type]string
	refs  map[string]int
}

var (
	timeType      = reflect.TypeOf(time.Time{})
	marshalerType = reflect.TypeOf((*json.Marshaler)(nil)).Elem()
	textType      = reflect.TypeOf((*interface{ MarshalText() ([]byte, error) })(nil)).Elem()
)

func nullable(s map[string]any) map[string]any {
	if ty, ok := s["type"].(string); ok && len(s) == 1 {
		return map[string]any{"type": []string{ty, "null"}}
	}
	if ty, ok := s["type"].(string); ok {
		out := map[string]any{}
		for k, v := range s {
			out[k] = v
		}
		out["type"] = []string{ty, "null"}
		return out
	}
	return map[string]any{"anyOf": []any{s, map[string]any{"type": "null"}}}
}

// defName gives a struct type a unique $defs name: its type name, qualified by its package when
// two packages use the same name.
func (g *schemaGen) defName(t reflect.Type) string {
	if n, ok := g.names[t]; ok {
		return n
	}
	name := t.Name()
	for other, n := range g.names {
		if n == name && other != t {
			name = strings.ReplaceAll(t.PkgPath(), "/", ".") + "." + t.Name()
		}
	}
	g.names[t] = name
	return name
}

func (g *schemaGen) schema(t reflect.Type) map[string]any {
	switch {
	case t == timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	case t.Kind() != reflect.Pointer && t.Implements(marshalerType):
		return map[string]any{} // custom encoding: any value
	case t.Kind() != reflect.Pointer && t.Implements(textType):
		return map[string]any{"type": "string"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return nullable(g.schema(t.Elem()))
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return map[string]any{"type": "integer"}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return map[string]any{"type": "integer", "minimum": 0}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return map[string]any{"type": []string{"string", "null"}, "contentEncoding": "base64"}
		}
		return map[string]any{"type": []string{"array", "null"}, "items": g.schema(t.Elem())}
	case reflect.Array:
		return map[string]any{"type": "array", "items": g.schema(t.Elem()), "minItems": t.Len(), "maxItems": t.Len()}
	case reflect.Map:
		return map[string]any{"type": []string{"object", "null"}, "additionalProperties": g.schema(t.Elem())}
	case reflect.Struct:
		if t.Name() == "" {
			return g.object(t)
		}
		name := g.defName(t)
		if _, ok := g.defs[name]; !ok {
			g.defs[name] = map[string]any{} // placeholder against recursion
			g.defs[name] = g.object(t)
		}
		g.refs[name]++
		return map[string]any{"$ref": "#/$defs/" + name}
	case reflect.Interface:
		return map[string]any{}
	}
	return map[string]any{"not": map[string]any{}} // chan, func: never encoded
}

// object describes a struct's fields (embedded structs flattened, as encoding/json does).
func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if f.Anonymous && name == "" {
				ft := f.Type
				if ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if ft.Kind() == reflect.Struct {
					walk(ft)
					continue
				}
			}
			if !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			s := g.schema(f.Type)
			if hasOpt(opts, "string") {
				s = map[string]any{"type": "string"}
			}
			props[name] = s
			if !hasOpt(opts, "omitempty") && !hasOpt(opts, "omitzero") {
				required = append(required, name)
			}
		}
	}
	walk(t)
	sort.Strings(required)
	out := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		out["required"] = required
	}
	return out
}

func hasOpt(opts, want string) bool {
	for _, o := range strings.Split(opts, ",") {
		if o == want {
			return true
		}
	}
	return false
}
