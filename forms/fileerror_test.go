package forms

import "testing"

// TestFileErrorWording pins how a dossier file's and a rule pack's decoding errors say where they are.
func TestFileErrorWording(t *testing.T) {
	at := &FileError{Line: 2, Column: 5, Path: "project.name", Msg: "x"}
	nowhere := &FileError{Msg: "x"}
	for _, c := range []struct{ got, want string }{
		{at.Error(), "tệp hồ sơ không đọc được (dòng 2, cột 5, trường project.name): x"},
		{nowhere.Error(), "tệp hồ sơ không đọc được: x"},
		{(&FileError{Path: "year", Msg: "x"}).Error(), "tệp hồ sơ không đọc được (trường year): x"},
		{packProblem(at), "dòng 2, cột 5, mục project.name: x"},
		{packProblem(nowhere), "x"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
