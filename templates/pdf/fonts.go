package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"golang.org/x/image/font/sfnt"
)

// FontSet is the four styles of the font the dossier is printed in.
type FontSet struct {
	Name       string // "Times New Roman", "Liberation Serif", "Liberation Serif (go-fonts)" ...
	Source     string // the file (or module) the regular style came from
	Regular    []byte
	Bold       []byte
	Italic     []byte
	BoldItalic []byte
}

// vietnameseLetters are every letter of Vietnamese, lower and upper case: a font must have them all.
const vietnameseLetters = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ" +
	"AÀẢÃÁẠĂẰẲẴẮẶÂẦẨẪẤẬBCDĐEÈẺẼÉẸÊỀỂỄẾỆGHIÌỈĨÍỊKLMNOÒỎÕÓỌÔỒỔỖỐỘƠỜỞỠỚỢPQRSTUÙỦŨÚỤƯỪỬỮỨỰVXYỲỶỸÝỴ"

// fontCandidate is a font family as four files.
type fontCandidate struct {
	name                            string
	regular, bold, italic, boldItal string
}

var (
	fontMu    sync.Mutex
	fontCache = map[string]*FontSet{}
)

// ResolveFonts finds the font to print with, in this order: the font the user picked
// (opts.FontPath, a regular-style TTF whose bold and italic siblings are found by name, or a
// directory in opts.FontDir), the system's Times New Roman, Liberation Serif or Tinos, and last
// the Liberation Serif built into the program (Go module github.com/go-fonts/liberation), so that
// printing never fails for want of a font. A font is taken
// only if it has every Vietnamese letter. The result is cached per process. The returned notes say
// why a picked font was passed over.
func ResolveFonts(opts Options) (*FontSet, []string) {
	key := opts.FontPath + "\x00" + opts.FontDir
	fontMu.Lock()
	defer fontMu.Unlock()
	if fs, ok := fontCache[key]; ok {
		return fs, nil
	}
	var notes []string
	var cands []fontCandidate
	if opts.FontPath != "" {
		cands = append(cands, siblings(opts.FontPath))
	}
	if opts.FontDir != "" {
		cands = append(cands, familiesIn(opts.FontDir)...)
	}
	picked := len(cands)
	cands = append(cands, systemCandidates()...)
	for i, c := range cands {
		fs, err := loadCandidate(c)
		if err == nil {
			fontCache[key] = fs
			return fs, notes
		}
		if i < picked {
			notes = append(notes, fmt.Sprintf("Không dùng được phông chữ đã chọn (%s): %v; dùng phông chữ khác", c.regular, err))
		}
	}
	fs := builtinFonts()
	fontCache[key] = fs
	return fs, notes
}

// siblings guesses the bold and italic files of a regular-style font file:
// times.ttf → timesbd.ttf, timesi.ttf, timesbi.ttf; X-Regular.ttf → X-Bold.ttf ...; else the same file.
func siblings(path string) fontCandidate {
	dir, base := filepath.Split(path)
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	c := fontCandidate{name: stem, regular: path, bold: path, italic: path, boldItal: path}
	try := func(names ...string) string {
		for _, n := range names {
			p := filepath.Join(dir, n+ext)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p
			}
		}
		return path
	}
	if s, ok := strings.CutSuffix(stem, "-Regular"); ok {
		c.name = s
		c.bold, c.italic, c.boldItal = try(s+"-Bold"), try(s+"-Italic"), try(s+"-BoldItalic")
		return c
	}
	c.bold, c.italic, c.boldItal = try(stem+"bd", stem+"-Bold", stem+" Bold"), try(stem+"i", stem+"-Italic", stem+" Italic"), try(stem+"bi", stem+"z", stem+"-BoldItalic", stem+" Bold Italic")
	return c
}

// familiesIn lists the known families found in a directory.
func familiesIn(dir string) []fontCandidate {
	return append([]fontCandidate(nil), knownFamilies(dir)...)
}

func knownFamilies(dir string) []fontCandidate {
	j := func(n string) string { return filepath.Join(dir, n) }
	return []fontCandidate{
		{"Times New Roman", j("times.ttf"), j("timesbd.ttf"), j("timesi.ttf"), j("timesbi.ttf")},
		{"Times New Roman", j("Times New Roman.ttf"), j("Times New Roman Bold.ttf"), j("Times New Roman Italic.ttf"), j("Times New Roman Bold Italic.ttf")},
		{"Times New Roman", j("Times_New_Roman.ttf"), j("Times_New_Roman_Bold.ttf"), j("Times_New_Roman_Italic.ttf"), j("Times_New_Roman_Bold_Italic.ttf")},
		{"Liberation Serif", j("LiberationSerif-Regular.ttf"), j("LiberationSerif-Bold.ttf"), j("LiberationSerif-Italic.ttf"), j("LiberationSerif-BoldItalic.ttf")},
		{"Tinos", j("Tinos-Regular.ttf"), j("Tinos-Bold.ttf"), j("Tinos-Italic.ttf"), j("Tinos-BoldItalic.ttf")},
	}
}

// systemCandidates are the places Times New Roman and its metric twins live on each system.
func systemCandidates() []fontCandidate {
	var dirs []string
	switch runtime.GOOS {
	case "windows":
		win := os.Getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		dirs = append(dirs, filepath.Join(win, "Fonts"))
		if local := os.Getenv("LOCALAPPDATA"); local != "" {
			dirs = append(dirs, filepath.Join(local, "Microsoft", "Windows", "Fonts"))
		}
	case "darwin":
		dirs = append(dirs, "/Library/Fonts", "/System/Library/Fonts/Supplemental", "/System/Library/Fonts")
		if home, err := os.UserHomeDir(); err == nil {
			dirs = append(dirs, filepath.Join(home, "Library", "Fonts"))
		}
	default:
		dirs = append(dirs, "/usr/share/fonts/truetype/msttcorefonts", "/usr/share/fonts/truetype/liberation2",
			"/usr/share/fonts/truetype/liberation", "/usr/share/fonts/liberation-serif", "/usr/share/fonts/liberation",
			"/usr/share/fonts/truetype/croscore", "/usr/share/fonts/google-croscore")
		if home, err := os.UserHomeDir(); err == nil {
			dirs = append(dirs, filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts"))
		}
	}
	var out []fontCandidate
	// Times New Roman first wherever it is, then its metric-compatible twins.
	for _, want := range []string{"Times New Roman", "Liberation Serif", "Tinos"} {
		for _, d := range dirs {
			for _, c := range knownFamilies(d) {
				if c.name == want {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// loadCandidate reads the four files and checks they are TrueType fonts with every Vietnamese letter.
func loadCandidate(c fontCandidate) (*FontSet, error) {
	fs := &FontSet{Name: c.name, Source: c.regular}
	for _, f := range []struct {
		path string
		dst  *[]byte
	}{{c.regular, &fs.Regular}, {c.bold, &fs.Bold}, {c.italic, &fs.Italic}, {c.boldItal, &fs.BoldItalic}} {
		data, err := os.ReadFile(f.path)
		if err != nil {
			return nil, err
		}
		if err := checkVietnamese(data); err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(f.path), err)
		}
		*f.dst = data
	}
	return fs, nil
}

// checkVietnamese reports whether a TrueType font has a glyph for every Vietnamese letter.
func checkVietnamese(data []byte) error {
	f, err := sfnt.Parse(data)
	if err != nil {
		return fmt.Errorf("không phải tệp phông chữ TrueType đọc được (%w)", err)
	}
	var buf sfnt.Buffer
	var missing []rune
	for _, r := range vietnameseLetters {
		if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
			missing = append(missing, r)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("thiếu %d chữ cái tiếng Việt (ví dụ %q)", len(missing), string(missing[:min(len(missing), 5)]))
	}
	return nil
}

// builtinFonts is the last resort: Liberation Serif (metric-compatible with Times New Roman, with
// every Vietnamese letter) from a Go module made for fonts, compiled into the program.
func builtinFonts() *FontSet {
	return &FontSet{
		Name:       "Liberation Serif (go-fonts)",
		Source:     "github.com/go-fonts/liberation",
		Regular:    liberationserifregular.TTF,
		Bold:       liberationserifbold.TTF,
		Italic:     liberationserifitalic.TTF,
		BoldItalic: liberationserifbolditalic.TTF,
	}
}
