package analysis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/internal/duck"
)

// TestKeywordMatcherFind: the keywords found in hand-made texts, in order, as RE2's leftmost-first
// alternation (longest first) finds them: the leftmost place any keyword starts, the longest
// keyword there, the next search from its end.
func TestKeywordMatcherFind(t *testing.T) {
	words, _ := keywordMap(map[string][]string{"a": {"abcd", "bc", "b", "x", "无人机", "人机群"}})
	// words: 人机群 无人机 abcd bc b x (longest first, then by bytes)
	m := newKeywordMatcher(words)
	for _, c := range []struct{ text, want string }{
		{"abcd", "abcd"},
		{"zabcdz", "abcd"},
		{"abcz", "bc"},         // abcd fails at z: bc from the next place
		{"abz", "b"},           // neither abcd nor bc
		{"bcbcb", "bc bc b"},   // one after the other, not overlapping
		{"abcdbc", "abcd bc"},  // the second search starts after abcd
		{"abcabcd", "bc abcd"}, // bc from the first a's failure, then abcd from the second a
		{"无人机群", "无人机"},        // the leftmost place wins over a longer keyword starting later
		{"人机群", "人机群"},
		{"xx", "x x"},
		{"cd", ""},
		{"", ""},
		{"b", "b"}, // a one-byte keyword at the end (no four bytes to look at)
	} {
		var got []string
		m.find([]byte(c.text), func(w int32) { got = append(got, words[w]) })
		if strings.Join(got, " ") != c.want {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}

// TestLowerIsDuckDBs: appendLower gives DuckDB's lower() for every code point (a string of all
// of them, U+0001 to U+10FFFF without the surrogates), and keeps ASCII runs and mixed text.
func TestLowerIsDuckDBs(t *testing.T) {
	db, err := duck.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	for r := rune(1); r <= unicode.MaxRune; r++ {
		if utf8.ValidRune(r) {
			b.WriteRune(r)
		}
	}
	for _, s := range []string{b.String(), "ABC Def ÄÖÜ K İ Σ ẞ 无人机 UAV", "ONLY ASCII TEXT"} {
		var want string
		if err := db.SQL().QueryRowContext(context.Background(), "SELECT lower(?)", s).Scan(&want); err != nil {
			t.Fatal(err)
		}
		got := string(appendLower([]byte("prefix "), s))
		if got != "prefix "+want {
			g := []rune(strings.TrimPrefix(got, "prefix "))
			for i, r := range []rune(want) {
				if i >= len(g) || g[i] != r {
					t.Fatalf("lower differs first at rune %d: DuckDB %U", i, r)
				}
			}
			t.Fatalf("lower differs (length %d against %d)", len(got), len(want))
		}
	}
}

// TestKeywordMatcherIsTheRegexp: on 3,000 random titles and abstracts (keywords in any case,
// pieces of keywords, overlapping keywords, keywords across the title's end, characters whose
// lower case is ASCII such as the Kelvin sign, Han, NULLs), the keywords kw_hits' row function
// gives each row are the distinct ones the SQL expression it replaced extracts:
// list_distinct(regexp_extract_all(lower(title || ' ' || abstract), the alternation)).
func TestKeywordMatcherIsTheRegexp(t *testing.T) {
	byTarget := map[string][]string{
		"scope": {"Unmanned Aerial Vehicle", "UAV", "drone", "无人机"},
		"b1":    {"aerial vehicle", "drone swarm", "abcd", "bcde", "cd", "k", "无人机群", "机"},
		"b2":    {"c++ rotor", "a.b", "ßeta", "σήμα", "i̇x", "ai"},
	}
	words, pairs := keywordMap(byTarget)
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	pattern := strings.Join(quoted, "|")

	rng := rand.New(rand.NewPCG(29, 1))
	pieces := []string{" ", "  ", "the ", "an ", "vehicle", "aerial ", "unmanned", "UNMANNED AERIAL VEHICLE", "Drone",
		"DRONES", "drone swarms", "ab", "abc", "bcd", "cde", "\u212a", "K", "İx", "İ", "SS", "ẞETA", "ΣΉΜΑ", "c++ ROTOR",
		"a.b", "axb", "无人", "无人机", "机群", "人", "A", "I", "uav", "UaV", ",", "-", "\n"}
	words2 := func() string {
		var b strings.Builder
		for n := rng.IntN(12); n > 0; n-- {
			p := pieces[rng.IntN(len(pieces))]
			if rng.IntN(3) == 0 {
				p = words[rng.IntN(len(words))]
				if rng.IntN(2) == 0 {
					p = strings.ToUpper(p)
				}
			}
			b.WriteString(p)
		}
		return b.String()
	}
	db, err := duck.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if _, err := db.SQL().ExecContext(ctx, "CREATE TABLE patents (id INTEGER, pub_number VARCHAR, title VARCHAR, abstract VARCHAR); CREATE TABLE kwords (kw INTEGER, matched VARCHAR)"); err != nil {
		t.Fatal(err)
	}
	tx, err := db.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3000; i++ {
		var title, abstract any = words2(), words2()
		switch rng.IntN(10) {
		case 0:
			title = nil
		case 1:
			abstract = nil
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO patents VALUES (?, ?, ?, ?)", i, fmt.Sprintf("P%d", i), title, abstract); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, Q("create_rules")); err != nil {
		t.Fatal(err)
	}
	for _, p := range pairs {
		if _, err := db.SQL().ExecContext(ctx, Q("insert_kwmap"), p.word, p.target); err != nil {
			t.Fatal(err)
		}
	}
	for i, w := range words {
		if _, err := db.SQL().ExecContext(ctx, "INSERT INTO kwords VALUES (?, ?)", i, w); err != nil {
			t.Fatal(err)
		}
	}
	token, release, err := registerKeywords(ctx, db, words)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	rows, err := db.SQL().QueryContext(ctx, `
		SELECT id, coalesce(array_to_string(list_sort(list_distinct(
		           regexp_extract_all(lower(coalesce(title, '') || ' ' || coalesce(abstract, '')), ?))), chr(31)), ''),
		       coalesce(patnav_func(?, title, abstract), '')
		FROM patents ORDER BY id`, pattern, token)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n, matched, hits := 0, 0, map[string]bool{}
	for rows.Next() {
		var id int
		var re, got string
		if err := rows.Scan(&id, &re, &got); err != nil {
			t.Fatal(err)
		}
		var kws []string
		if got != "" {
			for _, f := range strings.Split(got, ",") {
				i, err := strconv.Atoi(f)
				if err != nil || i < 0 || i >= len(words) {
					t.Fatalf("row %d: %q", id, got)
				}
				kws = append(kws, words[i])
			}
		}
		if len(kws) != len(slices.Compact(slices.Sorted(slices.Values(kws)))) {
			t.Errorf("row %d: a keyword twice: %q", id, got)
		}
		slices.Sort(kws)
		if strings.Join(kws, "\x1f") != re {
			t.Errorf("row %d: %q, the regular expression %q", id, kws, strings.Split(re, "\x1f"))
		}
		n++
		if len(kws) > 0 {
			matched++
		}
		for _, k := range kws {
			hits[k] = true
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n != 3000 || matched < 2000 || len(hits) < len(words)-2 {
		t.Errorf("%d rows, %d with keywords, %d of %d keywords seen: the test's texts miss the point", n, matched, len(hits), len(words))
	}

	// The statement itself: kw_hits' (target, publication) rows are the old statement's, the
	// regular expression's matches joined with kwmap through the keywords' indices.
	if _, err := db.SQL().ExecContext(ctx, Q("kw_hits"), token); err != nil {
		t.Fatal(err)
	}
	var rowsNew, onlyNew, onlyOld int64
	err = db.SQL().QueryRowContext(ctx, `
		WITH old AS (
		    SELECT m.target, p.pub_number
		    FROM (SELECT pub_number, unnest(list_distinct(regexp_extract_all(lower(coalesce(title, '') || ' ' || coalesce(abstract, '')), ?))) AS matched
		          FROM patents) p
		    JOIN kwords USING (matched) JOIN kwmap m USING (kw))
		SELECT (SELECT count(*) FROM kw_hit),
		       (SELECT count(*) FROM (SELECT * FROM kw_hit EXCEPT ALL SELECT * FROM old)),
		       (SELECT count(*) FROM (SELECT * FROM old EXCEPT ALL SELECT * FROM kw_hit))`, pattern).Scan(&rowsNew, &onlyNew, &onlyOld)
	if err != nil {
		t.Fatal(err)
	}
	if onlyNew != 0 || onlyOld != 0 || rowsNew < 3000 {
		t.Errorf("kw_hit: %d rows, %d not in the old statement's, %d of the old statement's missing", rowsNew, onlyNew, onlyOld)
	}
}

// TestKeywordMatcherIsGosRegexp: find against Go's regexp (RE2's leftmost-first semantics) over
// random keyword sets and texts on a small alphabet of one-, two- and three-byte characters:
// keywords of one to seven bytes, prefixes and overlaps of one another, keywords at a text's
// last bytes (where the four-byte filter is not read), and sets with more three-byte keywords
// than quad takes (tri).
func TestKeywordMatcherIsGosRegexp(t *testing.T) {
	rng := rand.New(rand.NewPCG(29, 3))
	alphabet := []string{"a", "b", "c", " ", "é", "ß", "机", "人", "ÿ", "\x00"}
	str := func(n int) string {
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for set := 0; set < 300; set++ {
		seen := map[string]bool{}
		nw := 1 + rng.IntN(12)
		if set%10 == 0 {
			nw = maxThrees + 10 // more three-byte keywords than quad takes
		}
		var list []string
		for len(list) < nw {
			w := str(1 + rng.IntN(7))
			if set%10 == 0 && len(list) < maxThrees+5 { // three bytes: ASCII or one Han character
				w = alphabet[rng.IntN(3)] + alphabet[rng.IntN(3)] + alphabet[rng.IntN(3)]
				if rng.IntN(8) == 0 {
					w = alphabet[6+rng.IntN(2)]
				}
			}
			if !seen[w] {
				seen[w] = true
				list = append(list, w)
			}
		}
		words, _ := keywordMap(map[string][]string{"x": list})
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = regexp.QuoteMeta(w)
		}
		re := regexp.MustCompile(strings.Join(quoted, "|"))
		m := newKeywordMatcher(words)
		if set%10 == 0 && !m.anyTri {
			t.Fatalf("set %d: %d keywords, three-byte ones not in tri", set, len(words))
		}
		for k := 0; k < 40; k++ {
			text := str(rng.IntN(40))
			var got []string
			m.find([]byte(text), func(w int32) { got = append(got, words[w]) })
			want := re.FindAllString(text, -1)
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Fatalf("keywords %q, text %q: %q, regexp %q", words, text, got, want)
			}
		}
	}
}

// BenchmarkKeywordHits: kw_hits' pass over the texts, the row function against the regular
// expression it replaced, on 200,000 generated titles and abstracts (about 430 bytes each, the
// generated lakes' size) with the demo configuration's keywords: each sub-benchmark counts the
// (publication, keyword) pairs, which must agree.
func BenchmarkKeywordHits(b *testing.B) {
	cfg, err := config.Load("../data/navigation.yaml")
	if err != nil {
		b.Fatal(err)
	}
	byTarget := map[string][]string{"scope": cfg.Industry.Scope.Keywords.All()}
	for _, br := range cfg.Flatten() {
		byTarget[br.ID] = append(byTarget[br.ID], br.Keywords.All()...)
	}
	words, _ := keywordMap(byTarget)
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	db, err := duck.OpenMemory()
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.SQL().SetMaxOpenConns(1)
	ctx := context.Background()
	filler := []string{"the", "invention", "discloses", "a", "method", "system", "device", "comprising", "and", "of",
		"data", "control", "module", "is", "used", "to", "signal", "with", "frame", "assembly", "connected"}
	rng := rand.New(rand.NewPCG(29, 2))
	text := func(n int) string {
		var s strings.Builder
		for i := 0; i < n; i++ {
			if i > 0 {
				s.WriteByte(' ')
			}
			if rng.IntN(25) == 0 {
				s.WriteString(strings.ToTitle(words[rng.IntN(len(words))]))
			} else {
				s.WriteString(filler[rng.IntN(len(filler))])
			}
		}
		return s.String()
	}
	if _, err := db.SQL().ExecContext(ctx, "CREATE TABLE patents (pub_number VARCHAR, title VARCHAR, abstract VARCHAR)"); err != nil {
		b.Fatal(err)
	}
	err = db.Append(ctx, "patents", func(add func(values ...any) error) error {
		for i := 0; i < 200000; i++ {
			if err := add(fmt.Sprintf("CN%09dA", i), text(8), text(60)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	token, release, err := registerKeywords(ctx, db, words)
	if err != nil {
		b.Fatal(err)
	}
	defer release()
	var bytes int64
	if err := db.SQL().QueryRowContext(ctx, "SELECT sum(strlen(title) + 1 + strlen(abstract)) FROM patents").Scan(&bytes); err != nil {
		b.Fatal(err)
	}
	counts := map[string]int64{}
	for _, c := range []struct {
		name, sql string
		arg       any
	}{
		{"regexp", `SELECT count(*) FROM (SELECT pub_number, unnest(list_distinct(regexp_extract_all(lower(coalesce(title, '') || ' ' || coalesce(abstract, '')), ?))) FROM patents)`, strings.Join(quoted, "|")},
		{"go", `SELECT count(*) FROM (SELECT pub_number, unnest(string_split(patnav_func(?, title, abstract), ',')) FROM patents)`, token},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(bytes)
			for i := 0; i < b.N; i++ {
				var n int64
				if err := db.SQL().QueryRowContext(ctx, c.sql, c.arg).Scan(&n); err != nil {
					b.Fatal(err)
				}
				counts[c.name] = n
			}
		})
	}
	if len(counts) == 2 && (counts["regexp"] != counts["go"] || counts["go"] == 0) { // both ran
		b.Fatalf("pairs: %v", counts)
	}
}
