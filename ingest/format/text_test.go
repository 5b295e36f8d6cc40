package format

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/patnav/patnav/internal/realdata"
)

func TestDetectEncoding(t *testing.T) {
	zh := "公开号,名称,申请人\nCN104968889A,一种无人机的飞行控制方法,深圳市大疆创新科技有限公司\n"
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(zh)
	// Latin text with a few accented letters, as Lens's 2016 exports write it (MacRoman).
	latin := strings.Repeat("Doppelstocktrogbeute Für Die Zweivölkerbetriebsweise Zur Gänzlichen Schwarmunterbindung,MARKOWETZ FRANZ\n", 20)
	mac, _ := charmap.Macintosh.NewEncoder().String(latin)
	// UTF-8 read as Windows-1252 and saved as MacRoman, as in Lens's drones_tac export: "ü"
	// became "Ã" (0xCC in MacRoman) plus "_" for the unencodable "¼".
	moji := strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(latin, "ü", "\xcc_"), "ö", "\xcc\xb6"), "ä", "\xcc\xa7")
	for _, c := range []struct{ name, in, want string }{
		{"utf-8", zh, "utf-8"}, {"gbk", gbk, "gb18030"}, {"macroman", mac, "macroman"}, {"mojibake", moji, "macroman"},
		{"ascii", "a,b\n1,2\n", "utf-8"},
	} {
		if got := DetectEncoding([]byte(c.in)); got != c.want {
			t.Errorf("%s: DetectEncoding = %s, want %s", c.name, got, c.want)
		}
	}
}

func TestDecodeTextLineEndingsAndBOM(t *testing.T) {
	ti, err := DecodeText(strings.NewReader("\uFEFFa,b\rc,d\r\ne,f\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(ti)
	if string(b) != "a,b\nc,d\ne,f\n" || !ti.BOM || ti.Encoding != "utf-8" {
		t.Errorf("got %q bom=%v enc=%s", b, ti.BOM, ti.Encoding)
	}
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("名称\r无人机\r")
	ti, _ = DecodeText(strings.NewReader(gbk), "gbk")
	b, _ = io.ReadAll(ti)
	if string(b) != "名称\n无人机\n" {
		t.Errorf("gbk: %q", b)
	}
	if _, err := DecodeText(strings.NewReader("x"), "klingon"); err == nil {
		t.Error("unknown encoding accepted")
	}
}

func TestDetectEncodingRealLens(t *testing.T) {
	dir := realdata.Require(t, "lens")
	for f, want := range map[string]string{"drones_tac_1606_families.csv": "macroman", "pizza_lens_1000_raw.csv": "macroman", "lens-export.csv": "utf-8"} {
		b, err := ReadHead(filepath.Join(dir, f), sniffSize)
		if err != nil {
			t.Fatal(err)
		}
		if got := DetectEncoding(b); got != want {
			t.Errorf("%s: %s, want %s", f, got, want)
		}
	}
}
