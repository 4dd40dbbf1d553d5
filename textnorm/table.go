package textnorm

import (
	_ "embed"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// A rune's class decides what the second stage does with it.
const (
	cDrop   uint8 = iota // noise: removed
	cOther               // kept as its (mapped) rune; repeats collapse
	cLetter              // ASCII letter a-z, after folding
	cDigit               // a digit of any style; val is its value (0-20, ⑳ is 20)
	cNum                 // Chinese numeral digit 零一二…九两; val is its value
	cUnit                // Chinese unit 十百千; val is the power of ten (1-3)
	cPunct               // one of . : / - % that is kept between digits
)

// entry packs a rune's class, value and mapped rune:
// bits 0-20 rune, 21-25 value, 26-31 class.
type entry uint32

func mk(cls, val uint8, r rune) entry { return entry(uint32(cls)<<26 | uint32(val)<<21 | uint32(r)) }
func (e entry) cls() uint8            { return uint8(e >> 26) }
func (e entry) val() uint8            { return uint8(e>>21) & 0x1f }
func (e entry) r() rune               { return rune(e & 0x1fffff) }

//go:embed tschars.txt
var tsData string

var (
	tableOnce sync.Once
	dense     []entry       // one entry per rune of planes 0 and 1 (BMP, emoji)
	tsMap     map[rune]rune // traditional → simplified
	ascii     [128]entry    // ASCII, built at init: the hottest path
	// keep has bit r set for the runes from U+0800 to U+FFFF that are
	// kept as they are (class other, mapped to themselves) other than 点:
	// most of CJK. At 8 KiB it stays in the cache where dense does not.
	keep [0x10000 / 64]uint64
)

func init() {
	for c := range ascii {
		ascii[c] = classifyASCII(byte(c))
	}
}

// tablesReady is set once loadTables has built the tables.
var tablesReady atomic.Bool

// ensureTables is loadTables for the hot paths: one atomic load, inlined.
func ensureTables() {
	if !tablesReady.Load() {
		loadTables()
	}
}

// loadTables builds the dense table on first use (~15 ms), so
// programs that import but do not call the package pay nothing.
func loadTables() {
	tableOnce.Do(func() {
		tsMap = make(map[rune]rune, 4200)
		for line := range strings.Lines(tsData) {
			if strings.HasPrefix(line, "#") {
				continue
			}
			k, n := utf8.DecodeRuneInString(line)
			v, _ := utf8.DecodeRuneInString(line[n:])
			tsMap[k] = v
		}
		loadFolds()
		t := make([]entry, denseSize)
		for r := range t {
			t[r] = classify(rune(r))
		}
		dense = t
		for r := rune(0x800); r < 0x10000; r++ {
			if t[r] == mk(cOther, 0, r) && r != '点' {
				keep[r>>6] |= 1 << (r & 63)
			}
		}
		tablesReady.Store(true)
	})
}

// denseSize covers the BMP and plane 1, where emoji, dingbat digits and
// mathematical digits live (512 KiB; only the parts in use get cached).
const denseSize = 0x20000

// lookup returns the entry for any rune.
func lookup(r rune) entry {
	if r < denseSize {
		return dense[r]
	}
	return classify(r)
}

func classifyASCII(c byte) entry {
	switch {
	case c >= 'a' && c <= 'z':
		return mk(cLetter, 0, rune(c))
	case c >= 'A' && c <= 'Z':
		return mk(cLetter, 0, rune(c+'a'-'A'))
	case c >= '0' && c <= '9':
		return mk(cDigit, c-'0', rune(c))
	case c == '.' || c == ':' || c == '/' || c == '%' || c == '-':
		return mk(cPunct, 0, rune(c))
	case c == '~':
		return mk(cPunct, 0, '-')
	case c == '$':
		return mk(cOther, 0, '$')
	}
	return mk(cDrop, 0, 0)
}

// Chinese numerals, after traditional → simplified mapping. Financial
// forms 伍 (队伍), 陆 (大陆) and 拾 (收拾) are left out: they are common
// in ordinary words.
var numerals = map[rune]entry{
	'零': mk(cNum, 0, '零'), '〇': mk(cNum, 0, '〇'),
	'一': mk(cNum, 1, '一'), '壹': mk(cNum, 1, '壹'),
	'二': mk(cNum, 2, '二'), '贰': mk(cNum, 2, '贰'), '两': mk(cNum, 2, '两'),
	'三': mk(cNum, 3, '三'), '叁': mk(cNum, 3, '叁'),
	'四': mk(cNum, 4, '四'), '肆': mk(cNum, 4, '肆'),
	'五': mk(cNum, 5, '五'),
	'六': mk(cNum, 6, '六'),
	'七': mk(cNum, 7, '七'), '柒': mk(cNum, 7, '柒'),
	'八': mk(cNum, 8, '八'), '捌': mk(cNum, 8, '捌'),
	'九': mk(cNum, 9, '九'), '玖': mk(cNum, 9, '玖'),
	'十': mk(cUnit, 1, '十'),
	'百': mk(cUnit, 2, '百'), '佰': mk(cUnit, 2, '佰'),
	'千': mk(cUnit, 3, '千'), '仟': mk(cUnit, 3, '仟'),
}

// styledDigit returns the value of circled, parenthesised, full-stop,
// dingbat and Roman numeral digits (①, ⑴, ⒈, ❶, ➀, ➊, ⓫, ⓵, Ⅴ, ⅴ).
func styledDigit(r rune) (uint8, bool) {
	switch {
	case r >= 0x2460 && r <= 0x2473: // ①-⑳
		return uint8(r-0x2460) + 1, true
	case r >= 0x2474 && r <= 0x2487: // ⑴-⒇
		return uint8(r-0x2474) + 1, true
	case r >= 0x2488 && r <= 0x249B: // ⒈-⒛
		return uint8(r-0x2488) + 1, true
	case r == 0x24EA || r == 0x24FF || r == 0x1F10B || r == 0x1F10C: // ⓪ ⓿ 🄋 🄌
		return 0, true
	case r >= 0x24EB && r <= 0x24F4: // ⓫-⓴
		return uint8(r-0x24EB) + 11, true
	case r >= 0x24F5 && r <= 0x24FE: // ⓵-⓾
		return uint8(r-0x24F5) + 1, true
	case r >= 0x2776 && r <= 0x2793: // ❶-❿ ➀-➉ ➊-➓
		return uint8((r-0x2776)%10) + 1, true
	case r >= 0x2160 && r <= 0x216B: // Ⅰ-Ⅻ
		return uint8(r-0x2160) + 1, true
	case r >= 0x2170 && r <= 0x217B: // ⅰ-ⅻ
		return uint8(r-0x2170) + 1, true
	case r >= 0x1F101 && r <= 0x1F10A: // 🄁-🄊 digit comma
		return uint8(r - 0x1F101), true
	}
	return 0, false
}

// decimalValue returns the value of a decimal digit (Nd) of any script:
// Unicode encodes each script's digits as a contiguous run from zero.
func decimalValue(r rune) uint8 {
	for _, rg := range unicode.Nd.R16 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return uint8((r - rune(rg.Lo)) % 10)
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return uint8((r - rune(rg.Lo)) % 10)
		}
	}
	return 0
}

// classify computes a rune's entry: width, case, letters that read as
// ASCII letters (fold.go), traditional → simplified, digit styles,
// numerals, then noise categories.
func classify(r rune) entry {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		r -= 0xFEE0
	case r == 0x3000: // ideographic space
		return mk(cDrop, 0, 0)
	case r >= 0xFFE0 && r <= 0xFFE6:
		r = []rune{'¢', '£', '¬', '¯', '¦', '¥', '₩'}[r-0xFFE0]
	case r == 0x301C || r == 0xFE63: // 〜 wave dash, ﹣ small hyphen
		r = '~'
	case r == 0xFE6A: // ﹪ small percent
		r = '%'
	case r == 0xFE52: // ﹒ small full stop
		r = '.'
	case r == 0xFE55: // ﹕ small colon
		r = ':'
	}
	if r >= 0x80 {
		r = unicode.ToLower(r)
	}
	if r < 0x80 {
		return classifyASCII(byte(r))
	}
	if c := foldLetter(r); c != 0 {
		return mk(cLetter, 0, rune(c))
	}
	if s, ok := tsMap[r]; ok {
		r = s
	}
	if e, ok := numerals[r]; ok {
		return e
	}
	if v, ok := styledDigit(r); ok {
		return mk(cDigit, v, '0'+rune(v%10))
	}
	if unicode.Is(unicode.Nd, r) {
		v := decimalValue(r)
		return mk(cDigit, v, '0'+rune(v))
	}
	if r == utf8.RuneError || isNoise(r) {
		return mk(cDrop, 0, 0)
	}
	return mk(cOther, 0, r)
}

// isNoise reports whether r is whitespace, a format or control character
// (zero-width spaces and joiners, BOM, bidi marks, tags), a combining
// mark (variation selectors, keycaps, strike-through), a symbol other
// than a currency sign (emoji, dingbats, math), or punctuation.
func isNoise(r rune) bool {
	return unicode.IsSpace(r) ||
		unicode.In(r, unicode.C, unicode.Mn, unicode.Me, unicode.Sk, unicode.So, unicode.Sm, unicode.P)
}
