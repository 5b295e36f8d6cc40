package usptoxml

import "encoding/xml"

// entities maps the named character entities USPTO documents may use to their text: the HTML 4
// set (xml.HTMLEntity) plus the ISO 8879 names of the USPTO DTDs' entity sets that HTML lacks
// (Greek "gr" names, ISOamsr relations, ISOnum punctuation …). Only character entities are
// known: entity declarations inside a document are never read, and external entities are never
// fetched (encoding/xml does neither), so an undeclared or external entity is a parse error of
// that document.
var entities = buildEntities()

var extraEntities = map[string]string{
	// ISOnum
	"half": "½", "frac13": "⅓", "frac23": "⅔", "frac15": "⅕", "frac25": "⅖", "frac35": "⅗",
	"frac45": "⅘", "frac16": "⅙", "frac56": "⅚", "frac18": "⅛", "frac38": "⅜", "frac58": "⅝",
	"frac78": "⅞", "ohm": "Ω", "angst": "Å", "num": "#", "dollar": "$", "percnt": "%",
	"commat": "@", "excl": "!", "quest": "?", "ast": "*", "sol": "/", "bsol": `\`, "colon": ":",
	"semi": ";", "equals": "=", "plus": "+", "lpar": "(", "rpar": ")", "comma": ",",
	"period": ".", "hyphen": "-", "lsqb": "[", "rsqb": "]", "lcub": "{", "rcub": "}",
	"verbar": "|", "lowbar": "_", "horbar": "―", "dash": "‐", "grave": "`", "sung": "♪",
	"flat": "♭", "natur": "♮", "sharp": "♯", "check": "✓", "cross": "✗", "star": "☆",
	"starf": "★", "phone": "☎", "female": "♀", "male": "♂", "squ": "□", "square": "□",
	"rect": "▭", "marker": "▮", "blank": "␣", "caret": "⁁", "dagger": "†", "Dagger": "‡",
	"hellip": "…", "nldr": "‥", "mldr": "…", "bull": "•", "lsquor": "‚", "ldquor": "„",
	"rsquor": "’", "rdquor": "”", "incare": "℅", "copysr": "℗", "telrec": "⌕", "hairsp": "\u200a",
	"emsp13": "\u2004", "emsp14": "\u2005", "numsp": "\u2007", "puncsp": "\u2008", "ensp": "\u2002",
	"emsp": "\u2003", "thinsp": "\u2009",
	// ISOtech / ISOamsr / ISOamsb / ISOamso
	"ap": "≈", "sime": "≃", "sim": "∼", "bsim": "∽", "lE": "≦", "gE": "≧", "les": "⩽",
	"ges": "⩾", "lsim": "≲", "gsim": "≳", "Lt": "≪", "Gt": "≫", "nlt": "≮", "ngt": "≯",
	"nle": "≰", "nge": "≱", "npr": "⊀", "nsc": "⊁", "pr": "≺", "sc": "≻", "cong": "≅",
	"ncong": "≇", "nequiv": "≢", "nap": "≉", "nsim": "≁", "bump": "≎", "bumpe": "≏",
	"esdot": "≐", "colone": "≔", "ecolon": "≕", "compfn": "∘", "mnplus": "∓", "minus": "−",
	"plusdo": "∔", "setmn": "∖", "ssetmn": "∖", "times": "×", "divide": "÷", "middot": "·",
	"sdot": "⋅", "Verbar": "‖", "par": "∥", "npar": "∦", "mid": "∣", "nmid": "∤",
	"perp": "⊥", "prop": "∝", "vprop": "∝", "infin": "∞", "inodot": "ı", "angle": "∠",
	"ang": "∠", "angmsd": "∡", "conint": "∮", "Integral": "∫", "int": "∫", "nabla": "∇",
	"part": "∂", "prime": "′", "Prime": "″", "tprime": "‴", "bprime": "‵", "radic": "√",
	"Sqrt": "√", "there4": "∴", "becaus": "∵", "wedge": "∧", "vee": "∨", "cap": "∩",
	"cup": "∪", "sub": "⊂", "sup": "⊃", "sube": "⊆", "supe": "⊇", "nsub": "⊄", "nsup": "⊅",
	"isin": "∈", "notin": "∉", "ni": "∋", "empty": "∅", "emptyv": "∅", "exist": "∃",
	"nexist": "∄", "forall": "∀", "oplus": "⊕", "otimes": "⊗", "odot": "⊙", "ominus": "⊖",
	"osol": "⊘", "uplus": "⊎", "sqcap": "⊓", "sqcup": "⊔", "sqsub": "⊏", "sqsup": "⊐",
	"sqsube": "⊑", "sqsupe": "⊒", "xcirc": "◯", "cir": "○", "circ": "ˆ", "deg": "°",
	"micro": "µ", "permil": "‰", "pertenk": "‱", "ohgr": "ω", "larr": "←", "rarr": "→",
	"uarr": "↑", "darr": "↓", "harr": "↔", "varr": "↕", "lArr": "⇐", "rArr": "⇒",
	"hArr": "⇔", "uArr": "⇑", "dArr": "⇓", "xlArr": "⟸", "xrArr": "⟹", "xhArr": "⟺",
	"rlarr2": "⇄", "lrarr2": "⇆", "nrarr": "↛", "nlarr": "↚", "map": "↦", "loz": "◊",
	"lozf": "⧫", "utri": "▵", "utrif": "▴", "dtri": "▿", "dtrif": "▾", "ltri": "◃",
	"ltrif": "◂", "rtri": "▹", "rtrif": "▸", "quot": `"`, "apos": "'", "amp": "&", "lt": "<",
	"gt": ">", "le": "≤", "ge": "≥", "ne": "≠", "equiv": "≡", "plusmn": "±", "ell": "ℓ",
	"weierp": "℘", "image": "ℑ", "real": "ℜ", "aleph": "ℵ", "beth": "ℶ", "planck": "ℏ",
	"hbar": "ℏ", "sgr": "σ",
	// ISOgrk1 (Greek letters by transliteration) and ISOgrk3 variants
	"agr": "α", "bgr": "β", "ggr": "γ", "dgr": "δ", "egr": "ε", "zgr": "ζ", "eegr": "η",
	"thgr": "θ", "igr": "ι", "kgr": "κ", "lgr": "λ", "mgr": "μ", "ngr": "ν", "xgr": "ξ",
	"ogr": "ο", "pgr": "π", "rgr": "ρ", "sfgr": "ς", "tgr": "τ", "ugr": "υ", "phgr": "φ",
	"khgr": "χ", "psgr": "ψ", "Agr": "Α", "Bgr": "Β", "Ggr": "Γ", "Dgr": "Δ", "Egr": "Ε",
	"Zgr": "Ζ", "EEgr": "Η", "THgr": "Θ", "Igr": "Ι", "Kgr": "Κ", "Lgr": "Λ", "Mgr": "Μ",
	"Ngr": "Ν", "Xgr": "Ξ", "Ogr": "Ο", "Pgr": "Π", "Rgr": "Ρ", "Sgr": "Σ", "Tgr": "Τ",
	"Ugr": "Υ", "PHgr": "Φ", "KHgr": "Χ", "PSgr": "Ψ", "OHgr": "Ω", "epsi": "ε", "epsiv": "ϵ",
	"epsis": "ϵ", "thetas": "θ", "thetav": "ϑ", "phis": "φ", "phiv": "ϕ", "piv": "ϖ",
	"sigmav": "ς", "gammad": "ϝ", "kappav": "ϰ", "rhov": "ϱ", "upsi": "υ", "Upsi": "ϒ",
	// ISOlat1/ISOlat2 names HTML does not define
	"Amacr": "Ā", "amacr": "ā", "Abreve": "Ă", "abreve": "ă", "Aogon": "Ą", "aogon": "ą",
	"Cacute": "Ć", "cacute": "ć", "Ccaron": "Č", "ccaron": "č", "Ccirc": "Ĉ", "ccirc": "ĉ",
	"Cdot": "Ċ", "cdot": "ċ", "Dcaron": "Ď", "dcaron": "ď", "Dstrok": "Đ", "dstrok": "đ",
	"Emacr": "Ē", "emacr": "ē", "Ecaron": "Ě", "ecaron": "ě", "Edot": "Ė", "edot": "ė",
	"Eogon": "Ę", "eogon": "ę", "Gbreve": "Ğ", "gbreve": "ğ", "Gcedil": "Ģ", "gcirc": "ĝ",
	"Gcirc": "Ĝ", "Gdot": "Ġ", "gdot": "ġ", "Hcirc": "Ĥ", "hcirc": "ĥ", "Hstrok": "Ħ",
	"hstrok": "ħ", "Idot": "İ", "Imacr": "Ī", "imacr": "ī", "Iogon": "Į", "iogon": "į",
	"Itilde": "Ĩ", "itilde": "ĩ", "IJlig": "Ĳ", "ijlig": "ĳ", "Jcirc": "Ĵ", "jcirc": "ĵ",
	"Kcedil": "Ķ", "kcedil": "ķ", "kgreen": "ĸ", "Lacute": "Ĺ", "lacute": "ĺ", "Lcaron": "Ľ",
	"lcaron": "ľ", "Lcedil": "Ļ", "lcedil": "ļ", "Lmidot": "Ŀ", "lmidot": "ŀ", "Lstrok": "Ł",
	"lstrok": "ł", "Nacute": "Ń", "nacute": "ń", "Ncaron": "Ň", "ncaron": "ň", "Ncedil": "Ņ",
	"ncedil": "ņ", "napos": "ŉ", "ENG": "Ŋ", "eng": "ŋ", "Odblac": "Ő", "odblac": "ő",
	"Omacr": "Ō", "omacr": "ō", "Racute": "Ŕ", "racute": "ŕ", "Rcaron": "Ř", "rcaron": "ř",
	"Rcedil": "Ŗ", "rcedil": "ŗ", "Sacute": "Ś", "sacute": "ś", "Scedil": "Ş", "scedil": "ş",
	"Scirc": "Ŝ", "scirc": "ŝ", "Tcaron": "Ť", "tcaron": "ť", "Tcedil": "Ţ", "tcedil": "ţ",
	"Tstrok": "Ŧ", "tstrok": "ŧ", "Ubreve": "Ŭ", "ubreve": "ŭ", "Udblac": "Ű", "udblac": "ű",
	"Umacr": "Ū", "umacr": "ū", "Uogon": "Ų", "uogon": "ų", "Uring": "Ů", "uring": "ů",
	"Utilde": "Ũ", "utilde": "ũ", "Wcirc": "Ŵ", "wcirc": "ŵ", "Ycirc": "Ŷ", "ycirc": "ŷ",
	"Zacute": "Ź", "zacute": "ź", "Zcaron": "Ž", "zcaron": "ž", "Zdot": "Ż", "zdot": "ż",
	"gacute": "ǵ",
}

func buildEntities() map[string]string {
	m := make(map[string]string, len(xml.HTMLEntity)+len(extraEntities))
	for k, v := range xml.HTMLEntity {
		m[k] = v
	}
	for k, v := range extraEntities {
		if _, ok := m[k]; !ok {
			m[k] = v
		}
	}
	return m
}
