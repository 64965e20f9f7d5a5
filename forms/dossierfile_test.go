package forms

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestDossierFileRoundTrip(t *testing.T) {
	for _, p := range Programmes() {
		app := Sample(p)
		data, err := MarshalApplication(app)
		if err != nil {
			t.Fatal(err)
		}
		back, err := DecodeApplication(data)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		again, _ := MarshalApplication(back)
		if !bytes.Equal(data, again) {
			t.Errorf("%s: round trip changed the file", p)
		}
		for _, key := range []string{`"format_version": "1.0"`, `"programme": "` + string(p) + `"`, `"tax_code"`, `"unit_price"`, `"cost_type"`} {
			if !bytes.Contains(data, []byte(key)) {
				t.Errorf("%s: file lacks %s", p, key)
			}
		}
	}
	if data, _ := MarshalApplication(Sample(Equipment)); !bytes.Contains(data, []byte(`"scope": "machinery"`)) {
		t.Error("equipment file lacks project.scope")
	}
}

func TestDossierFileNormalisesToNFC(t *testing.T) {
	app := Sample(Equipment)
	app.Enterprise.Name = norm.NFD.String("Công ty TNHH Cơ khí Đồng Tiến")
	data, _ := MarshalApplication(app)
	back, err := DecodeApplication(data)
	if err != nil {
		t.Fatal(err)
	}
	if back.Enterprise.Name != "Công ty TNHH Cơ khí Đồng Tiến" || !norm.NFC.IsNormalString(back.Enterprise.Name) {
		t.Errorf("name not NFC: %q", back.Enterprise.Name)
	}
}

func TestDossierFileErrorsNameThePlace(t *testing.T) {
	good, _ := MarshalApplication(Sample(Equipment))
	cases := []struct {
		name string
		data string
		want []string
	}{
		{"empty", "", []string{"rỗng"}},
		{"not json", "xin chào", []string{"dòng 1"}},
		{"truncated", string(good[:len(good)/2]), []string{"cắt cụt"}},
		{"newer major version", strings.Replace(string(good), `"format_version": "1.0"`, `"format_version": "2.0"`, 1), []string{"phiên bản mới hơn", "2.0"}},
		{"no version", strings.Replace(string(good), `"format_version": "1.0",`, ``, 1), []string{"format_version"}},
		{"money as text", strings.Replace(string(good), `"unit_price": 215500000`, `"unit_price": "215.500.000"`, 1), []string{"budget.lines[0].unit_price"}},
		{"fractional money", strings.Replace(string(good), `"unit_price": 215500000`, `"unit_price": 215500000.5`, 1), []string{"số"}},
		{"string where a number goes", strings.Replace(string(good), `"year": 2027`, `"year": "hai nghìn"`, 1), []string{"year", "số nguyên"}},
		{"duplicate key", strings.Replace(string(good), `"unit_price": 215500000`, `"unit_price": 1, "unit_price": 215500000`, 1), []string{"budget.lines[0].unit_price", "hai lần"}},
		{"case-variant key", strings.Replace(string(good), `"unit_price": 215500000`, `"Unit_Price": 215500000`, 1), []string{"budget.lines[0].Unit_Price", "chữ hoa/thường", `"unit_price"`}},
		{"case-variant top key", strings.Replace(string(good), `"status": "draft"`, `"STATUS": "draft"`, 1), []string{"STATUS", "chữ hoa/thường"}},
		{"invalid UTF-8", strings.Replace(string(good), `"Giám đốc"`, "\"Gi\xe1m \xff\"", 1), []string{"UTF-8", "representative.title"}},
		{"lone high surrogate", strings.Replace(string(good), `"Giám đốc"`, `"Giám \ud800 đốc"`, 1), []string{"\\ud800", "representative.title"}},
		{"lone low surrogate", strings.Replace(string(good), `"Giám đốc"`, `"Giám \udc00"`, 1), []string{"\\udc00", "representative.title"}},
		{"high surrogate then not low", strings.Replace(string(good), `"Giám đốc"`, `"\ud83d\u0041"`, 1), []string{"\\ud83d"}},
		{"NUL", strings.Replace(string(good), `"Giám đốc"`, `"Giám\u0000đốc"`, 1), []string{"NUL", "representative.title"}},
		{"control character", strings.Replace(string(good), `"Giám đốc"`, `"Giám\u001bđốc"`, 1), []string{"U+001B", "representative.title"}},
		{"C1 control character", strings.Replace(string(good), `"Giám đốc"`, `"Giám\u0085đốc"`, 1), []string{"U+0085", "representative.title"}},
		{"line break in a one-line field", strings.Replace(string(good), `"Giám đốc"`, `"Giám\nđốc"`, 1), []string{"xuống dòng", "representative.title"}},
		{"tab in a one-line field", strings.Replace(string(good), `"Giám đốc"`, `"Giám\tđốc"`, 1), []string{"tab", "representative.title"}},
		{"unknown programme", strings.Replace(string(good), `"programme": "equipment"`, `"programme": "equipmnet"`, 1), []string{"programme", "equipmnet", "trade-fair"}},
		{"unknown status", strings.Replace(string(good), `"status": "draft"`, `"status": "done"`, 1), []string{"status", "done"}},
		{"unknown fund", strings.Replace(string(good), `"kind": "local"`, `"kind": "locl"`, 1), []string{"fund.kind", "locl"}},
		{"overlong string", strings.Replace(string(good), `"title": "Hỗ trợ`, `"title": "`+strings.Repeat("a", MaxStringRunes+1), 1), []string{"project.title", "quá giới hạn 30.000 ký tự"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := DecodeApplication([]byte(c.data))
			if err == nil {
				t.Fatal("malformed file accepted")
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Errorf("error %T is not a FileError", err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestDossierFileAcceptsWhatIsFine(t *testing.T) {
	good, _ := MarshalApplication(Sample(Equipment))
	for name, data := range map[string]string{
		"surrogate pair":                  strings.Replace(string(good), `"Giám đốc"`, `"Giám đốc \ud83d\ude00"`, 1),
		"escaped backslash before u":      strings.Replace(string(good), `"Giám đốc"`, `"C:\\ud800"`, 1),
		"line break and tab in multiline": strings.Replace(string(good), `"main_products": "Bánh tráng`, `"main_products": "Bánh\n\ttráng`, 1),
		"same key in two objects":         string(good), // every line has "unit_price"
	} {
		app, err := DecodeApplication([]byte(data))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if err := CheckLimits(app); err != nil {
			t.Errorf("%s: CheckLimits: %v", name, err)
		}
	}
}

func TestCheckLimitsMatchesTheReader(t *testing.T) {
	// Whatever CheckLimits lets through is read back; whatever it refuses the reader refuses too.
	for name, change := range map[string]func(*Application){
		"long description": func(a *Application) { a.Budget.Lines[0].Description = strings.Repeat("ạ", MaxStringRunes+1) },
		"NUL in a name":    func(a *Application) { a.Enterprise.Name = "A\x00B" },
		"newline in unit":  func(a *Application) { a.Budget.Lines[0].Unit = "bộ\nchiếc" },
		"unknown status":   func(a *Application) { a.Status = "xong" },
	} {
		app := Sample(Equipment)
		change(app)
		if err := CheckLimits(app); err == nil {
			t.Errorf("%s: CheckLimits accepted it", name)
		}
		data, _ := MarshalApplication(app)
		if _, err := DecodeApplication(data); err == nil {
			t.Errorf("%s: the reader accepted it", name)
		}
	}
	app := Sample(Equipment)
	app.Budget.Lines[0].Description = strings.Repeat("ạ", MaxStringRunes)
	if err := CheckLimits(app); err != nil {
		t.Errorf("longest description refused: %v", err)
	}
	data, _ := MarshalApplication(app)
	if _, err := DecodeApplication(data); err != nil {
		t.Errorf("longest description not read back: %v", err)
	}
}

func TestReadApplicationRefusesHugeFiles(t *testing.T) {
	huge := strings.NewReader(`{"format_version": "1.0", "x": "` + strings.Repeat("a", MaxFileBytes) + `"}`)
	if _, err := ReadApplication(huge); err == nil || !strings.Contains(err.Error(), "MB") {
		t.Errorf("huge file: %v", err)
	}
}

func FuzzDecodeApplication(f *testing.F) {
	for _, p := range Programmes() {
		data, _ := MarshalApplication(Sample(p))
		f.Add(data)
	}
	f.Add([]byte(`{"format_version":"1.0","budget":{"lines":[{"quantity":1.25,"unit_price":5}]}}`))
	f.Add([]byte(`{"format_version":"1"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		app, err := DecodeApplication(data)
		if err != nil {
			return
		}
		out, err := MarshalApplication(app)
		if err != nil {
			t.Fatalf("decoded file cannot be written back: %v", err)
		}
		if _, err := DecodeApplication(out); err != nil {
			t.Fatalf("written file cannot be read back: %v", err)
		}
		Check(app, DefaultPacks()) // must not panic on any decodable input
	})
}

func TestFieldsKeepTheLimits(t *testing.T) {
	app := Sample(Equipment)
	if err := SetField(app, "signer.title", "Giám\x00đốc"); err == nil || !strings.Contains(err.Error(), "NUL") {
		t.Errorf("NUL typed: %v", err)
	}
	if err := SetField(app, "signer.title", strings.Repeat("a", MaxStringRunes+1)); err == nil {
		t.Error("overlong answer typed")
	}
	if err := SetField(app, "signer.title", "Giám\r\nđốc\tđiều hành"); err != nil || app.Signer.Title != "Giám đốc điều hành" {
		t.Errorf("pasted lines in a one-line field: %q, %v", app.Signer.Title, err)
	}
	if err := SetField(app, "enterprise.main_products", "Bánh tráng\r\n\tbánh dẻo"); err != nil || app.Enterprise.MainProducts != "Bánh tráng\n\tbánh dẻo" {
		t.Errorf("multi-line answer: %q, %v", app.Enterprise.MainProducts, err)
	}
	if err := CheckLimits(app); err != nil {
		t.Errorf("what the fields accepted is refused: %v", err)
	}
	app.Budget.Lines = make([]BudgetLine, MaxListItems)
	if _, err := AddRow(app, "budget.lines"); err == nil {
		t.Error("a row past the list limit was added")
	}
}
