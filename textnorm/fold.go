package textnorm

import "strings"

// Letters that read as ASCII letters: Latin letters with diacritics (the
// pinyin tone marks jiǎnféi, and café), small capitals and the pinyin
// letters ɑ and ɡ, Cyrillic letters drawn like Latin ones (jiаnfеi with
// Cyrillic а and е), and the styled letters of "fancy text": mathematical
// (𝐣𝐢𝐚𝐧), circled (ⓙⓘⓐⓝ), parenthesised (⒥⒤⒜⒩) and squared (🄹🄸🄰🄽,
// 🅹🅸🅰🅽). Full-width letters are folded with the rest of full-width ASCII
// (see classify). A folded letter is a letter like any other: it joins
// letter runs and pinyin matching, and nothing else changes.
//
// Regional indicators (🇨🇳 is two of them) are not folded: a flag is an
// emoji, not two letters. Greek letters are not folded either: α, β and γ
// are written as themselves (α-硫辛酸).

// latinFolds lists, after each ASCII letter and a colon, the lower-case
// letters that fold to it (classify lower-cases a rune first).
const latinFolds = `
a:àáâãäåāăąǎǟǡǻȁȃȧạảấầẩẫậắằẳẵặɑᴀаӑӓ
b:ḃḅḇʙ
c:çćĉċčᴄс
d:ďđḋḍḏᴅԁ
e:èéêëēĕėęěȅȇȩẹẻẽếềểễệᴇеѐё
f:ḟꜰ
g:ĝğġģǥǧǵɡɢ
h:ĥħḣḥḧẖʜһ
i:ìíîïĩīĭįǐȉȋịỉıɪіїӏ
j:ĵǰȷᴊј
k:ķǩḱḳḵᴋ
l:ĺļľŀłḷḹḻʟ
m:ḿṁṃᴍ
n:ñńņňǹṅṇṉɴ
o:òóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱọỏốồổỗộớờởỡợᴏоӧ
p:ṕṗᴘр
q:ԛ
r:ŕŗřȑȓṙṛṝṟʀ
s:śŝşšșṡṣꜱѕ
t:ţťŧțṫṭṯẗᴛ
u:ùúûüũūŭůűųưǔǖǘǚǜȕȗụủứừửữựᴜ
v:ṽṿᴠ
w:ŵẁẃẅẇẉẘᴡԝ
x:ẋẍх
y:ýÿŷȳẏẙỳỵỷỹʏуӱ
z:źżžƶẑẓẕᴢ
`

// letterlike are the letters of the Letterlike Symbols block that fill
// the holes of the mathematical alphabets (ℎ is italic h), in the order
// of letterlikeTo.
const (
	letterlike   = "ℂℊℋℌℍℎℐℑℒℓℕℙℚℛℜℝℤℨℬℭℯℰℱℳℴ"
	letterlikeTo = "cghhhhiillnpqrrrzzbceefmo"
)

// folds maps the runes of latinFolds and letterlike to their letters.
var folds map[rune]byte

// loadFolds builds folds; loadTables calls it before it classifies.
func loadFolds() {
	folds = make(map[rune]byte, 400)
	for line := range strings.Lines(latinFolds) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		for _, r := range line[2:] {
			folds[r] = line[0]
		}
	}
	to := letterlikeTo
	for _, r := range letterlike {
		folds[r] = to[0]
		to = to[1:]
	}
}

// foldLetter returns the ASCII letter that r, a lower-cased rune, reads
// as, or 0.
func foldLetter(r rune) byte {
	switch {
	case r < 0xC0:
		return 0
	case r >= 0x1D400 && r <= 0x1D6A3: // mathematical A-Z a-z, 13 styles
		k := byte((r - 0x1D400) % 52)
		if k >= 26 {
			k -= 26
		}
		return 'a' + k
	case r == 0x1D6A4: // mathematical italic dotless i
		return 'i'
	case r == 0x1D6A5: // mathematical italic dotless j
		return 'j'
	case r >= 0x249C && r <= 0x24B5: // ⒜-⒵
		return 'a' + byte(r-0x249C)
	case r >= 0x24B6 && r <= 0x24CF: // Ⓐ-Ⓩ
		return 'a' + byte(r-0x24B6)
	case r >= 0x24D0 && r <= 0x24E9: // ⓐ-ⓩ
		return 'a' + byte(r-0x24D0)
	case r >= 0x1F110 && r <= 0x1F129: // 🄐-🄩 parenthesised
		return 'a' + byte(r-0x1F110)
	case r >= 0x1F130 && r <= 0x1F149: // 🄰-🅉 squared
		return 'a' + byte(r-0x1F130)
	case r >= 0x1F150 && r <= 0x1F169: // 🅐-🅩 negative circled
		return 'a' + byte(r-0x1F150)
	case r >= 0x1F170 && r <= 0x1F189: // 🅰-🆉 negative squared
		return 'a' + byte(r-0x1F170)
	case r < 0x2150 || (r >= 0xA720 && r <= 0xA7FF): // the blocks of folds
		return folds[r]
	}
	return 0
}
