package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// msiTable is a table exported by `msiinfo export`: rows of tab-separated columns.
type msiTable struct {
	columns []string
	rows    []map[string]string
}

// exportTable runs `msiinfo export MSI TABLE` and parses the text archive (.idt) it prints:
// column names, column types, table name and keys, then one row per line.
func exportTable(msi, table string) (*msiTable, error) {
	out, err := exec.Command("msiinfo", "export", msi, table).Output()
	if err != nil {
		return nil, fmt.Errorf("msiinfo export %s: %w", table, err)
	}
	lines := strings.Split(strings.ReplaceAll(string(out), "\r\n", "\n"), "\n")
	if len(lines) < 3 {
		return nil, fmt.Errorf("msiinfo export %s printed no table", table)
	}
	t := &msiTable{columns: strings.Split(lines[0], "\t")}
	for _, line := range lines[3:] {
		if line == "" {
			continue
		}
		cells := strings.Split(line, "\t")
		row := map[string]string{}
		for i, c := range t.columns {
			if i < len(cells) {
				row[c] = cells[i]
			}
		}
		t.rows = append(t.rows, row)
	}
	return t, nil
}

func (t *msiTable) find(column, value string) map[string]string {
	for _, r := range t.rows {
		if r[column] == value {
			return r
		}
	}
	return nil
}

// checkMSI checks the installer's tables with msiinfo and that the files it carries are the
// executables next to it.
func checkMSI(msi string, exes []string, o options) []result {
	name := filepath.Base(msi)
	if _, err := os.Stat(msi); err != nil {
		return []result{{name: name, err: fmt.Errorf("missing: %w (run make windows)", err)}}
	}
	if _, err := exec.LookPath("msiinfo"); err != nil {
		return []result{{name: name, err: fmt.Errorf("msiinfo not found: install msitools (make deps-windows)")}}
	}
	out, err := exec.Command("msiinfo", "tables", msi).Output()
	if err != nil {
		return []result{{name: name, err: fmt.Errorf("msiinfo tables: %w", err)}}
	}
	tables := strings.Fields(string(out))
	return []result{
		{name: name + ": bảng MSI", err: wantTables(tables), detail: fmt.Sprintf("%d bảng", len(tables))},
		{name: name + ": tên, phiên bản, cài cho một người dùng", err: wantProperties(msi, o)},
		{name: name + ": không cần quyền quản trị", err: wantNoElevation(msi)},
		{name: name + ": thư mục %LOCALAPPDATA%\\Programs\\HosoKhuyenCong", err: wantInstallDir(msi)},
		{name: name + ": lối tắt menu Start và màn hình", err: wantShortcuts(msi, o)},
		{name: name + ": mở tệp .hoso.json bằng ứng dụng (Open with)", err: wantDossierFileType(msi)},
		{name: name + ": bảng mã UTF-8 (65001)", err: wantCodepage(msi, "65001")},
		{name: name + ": tệp bên trong giống hệt các tệp .exe", err: wantSameFiles(msi, exes, o)},
	}
}

func wantTables(tables []string) error {
	for _, want := range []string{"Property", "Directory", "Component", "File", "Registry", "Shortcut", "Icon", "Feature", "Media", "Upgrade", "InstallExecuteSequence"} {
		found := false
		for _, t := range tables {
			found = found || t == want
		}
		if !found {
			return fmt.Errorf("table %s is missing (tables: %s)", want, strings.Join(tables, " "))
		}
	}
	return nil
}

func wantProperties(msi string, o options) error {
	props, err := exportTable(msi, "Property")
	if err != nil {
		return err
	}
	get := func(k string) string {
		if r := props.find("Property", k); r != nil {
			return r["Value"]
		}
		return ""
	}
	if v := get("ProductVersion"); v != o.version {
		return fmt.Errorf("ProductVersion is %q, want %q", v, o.version)
	}
	if v := get("ProductName"); v != o.name {
		return fmt.Errorf("ProductName is %q, want %q", v, o.name)
	}
	if v := get("ALLUSERS"); v != "" {
		return fmt.Errorf("ALLUSERS is %q: the package would install for all users and ask for administrator rights", v)
	}
	if get("ARPPRODUCTICON") == "" {
		return fmt.Errorf("ARPPRODUCTICON is not set: Apps & features would show no icon")
	}
	if get("UpgradeCode") == "" {
		return fmt.Errorf("UpgradeCode is missing: a new version could not replace this one")
	}
	return nil
}

// wantNoElevation reads the summary information's word count: bit 3 (value 8) means the package
// needs no elevated privileges, so Windows does not ask for an administrator.
func wantNoElevation(msi string) error {
	out, err := exec.Command("msiinfo", "suminfo", msi).Output()
	if err != nil {
		return fmt.Errorf("msiinfo suminfo: %w", err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		v, ok := strings.CutPrefix(line, "Source:")
		if !ok {
			continue
		}
		fields := strings.Fields(v)
		if len(fields) == 0 {
			break
		}
		n, err := strconv.Atoi(fields[0])
		if err != nil {
			return fmt.Errorf("word count %q is not a number", v)
		}
		if n&8 == 0 {
			return fmt.Errorf("word count %d lacks bit 8 (no elevation): set InstallScope=\"perUser\"", n)
		}
		return nil
	}
	return fmt.Errorf("msiinfo suminfo shows no word count (Source)")
}

func wantInstallDir(msi string) error {
	dirs, err := exportTable(msi, "Directory")
	if err != nil {
		return err
	}
	install := dirs.find("Directory", "INSTALLDIR")
	if install == nil || install["DefaultDir"] != "HosoKhuyenCong" {
		return fmt.Errorf("INSTALLDIR is not a folder named HosoKhuyenCong: %v", install)
	}
	programs := dirs.find("Directory", install["Directory_Parent"])
	if programs == nil || programs["DefaultDir"] != "Programs" || programs["Directory_Parent"] != "LocalAppDataFolder" {
		return fmt.Errorf("INSTALLDIR's parent is not LocalAppDataFolder\\Programs: %v", programs)
	}
	return nil
}

func wantShortcuts(msi string, o options) error {
	sc, err := exportTable(msi, "Shortcut")
	if err != nil {
		return err
	}
	for _, folder := range []string{"ProgramMenuFolder", "DesktopFolder"} {
		r := sc.find("Directory_", folder)
		if r == nil {
			return fmt.Errorf("no shortcut in %s", folder)
		}
		if r["Name"] != o.name {
			return fmt.Errorf("shortcut in %s is named %q, want %q", folder, r["Name"], o.name)
		}
		if r["Target"] != "[INSTALLDIR]HosoKhuyenCong.exe" || r["Icon_"] == "" {
			return fmt.Errorf("shortcut in %s points to %q with icon %q", folder, r["Target"], r["Icon_"])
		}
	}
	return nil
}

// wantDossierFileType checks the registration of dossier files: a ProgID whose open command
// passes the file to the app, offered for .json in "Open with", all under HKCU (Root 1).
func wantDossierFileType(msi string) error {
	reg, err := exportTable(msi, "Registry")
	if err != nil {
		return err
	}
	const command = `"[INSTALLDIR]HosoKhuyenCong.exe" "%1"`
	want := []struct{ key, name, value string }{
		{`Software\Classes\HosoKhuyenCong.Dossier\shell\open\command`, "", command},
		{`Software\Classes\.json\OpenWithProgids`, "HosoKhuyenCong.Dossier", "HosoKhuyenCong.Dossier"},
		{`Software\Classes\Applications\HosoKhuyenCong.exe\shell\open\command`, "", command},
	}
	for _, w := range want {
		found := false
		for _, r := range reg.rows {
			if r["Key"] == w.key && r["Name"] == w.name {
				found = true
				if r["Value"] != w.value || r["Root"] != "1" {
					return fmt.Errorf("HKCU\\%s [%s] = %q (root %s), want %q", w.key, w.name, r["Value"], r["Root"], w.value)
				}
			}
		}
		if !found {
			return fmt.Errorf("no registry value HKCU\\%s [%s]", w.key, w.name)
		}
	}
	return nil
}

func wantCodepage(msi, want string) error {
	out, err := exec.Command("msiinfo", "export", msi, "_ForceCodepage").Output()
	if err != nil {
		return fmt.Errorf("msiinfo export _ForceCodepage: %w", err)
	}
	fields := strings.Fields(string(out))
	if len(fields) == 0 || fields[0] != want {
		return fmt.Errorf("database code page is %q, want %s: Vietnamese names would be garbled", strings.Join(fields, " "), want)
	}
	return nil
}

// wantSameFiles extracts the MSI with msiextract and compares its files with the executables.
func wantSameFiles(msi string, exes []string, o options) error {
	dir := filepath.Join(o.work, "msiextract")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if out, err := exec.Command("msiextract", "-C", dir, msi).CombinedOutput(); err != nil {
		return fmt.Errorf("msiextract: %w: %s", err, lastLines(string(out), 3))
	}
	found := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			found[d.Name()] = p
		}
		return err
	})
	if err != nil {
		return err
	}
	for _, exe := range append(exes, "DOC-TRUOC.txt") {
		inside, ok := found[filepath.Base(exe)]
		if !ok {
			return fmt.Errorf("%s is not in the MSI", filepath.Base(exe))
		}
		if filepath.Base(exe) == "DOC-TRUOC.txt" {
			continue
		}
		if err := sameBytes(exe, inside); err != nil {
			return err
		}
	}
	return nil
}

func sameBytes(a, b string) error {
	x, err := os.ReadFile(a)
	if err != nil {
		return err
	}
	y, err := os.ReadFile(b)
	if err != nil {
		return err
	}
	if !bytes.Equal(x, y) {
		return fmt.Errorf("%s differs from the copy in the package (%d and %d bytes): rebuild with make windows", filepath.Base(a), len(x), len(y))
	}
	return nil
}
