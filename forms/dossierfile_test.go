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
		{"overlong string", strings.Replace(string(good), `"title": "Hỗ trợ`, `"title": "`+strings.Repeat("a", MaxStringRunes+1), 1), []string{"project.title", "dài quá"}},
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
