package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"text/tabwriter"
	"time"

	"khuyencong/assets"
	"khuyencong/forms"
	"khuyencong/forms/boltstore"
	"khuyencong/forms/handoff"
	"khuyencong/forms/library"
)

// dbSubcommand is one "hoso db" subcommand.
type dbSubcommand struct {
	name, brief string
	run         func(args []string, stdout, stderr io.Writer) int
}

func dbSubcommands() []dbSubcommand {
	return []dbSubcommand{
		{"list", "liệt kê hồ sơ (lọc theo tên, mã số thuế, chương trình, năm, trạng thái)", runDBList},
		{"import", "nhập tệp .hoso.json hoặc gói hồ sơ .zip vào thư viện", runDBImport},
		{"export", "xuất một hồ sơ thành gói bàn giao .zip hoặc tệp .hoso.json", runDBExport},
		{"show", "in hồ sơ (JSON), hoặc một bản lưu cũ", runDBShow},
		{"history", "liệt kê các bản lưu của một hồ sơ và điều đã thay đổi", runDBHistory},
		{"delete", "chuyển hồ sơ hoặc khách hàng vào thùng rác", runDBDelete},
		{"trash", "xem thùng rác; --restore ID lấy lại; --empty xóa hẳn", runDBTrash},
		{"check", "kiểm tra tính toàn vẹn của tệp dữ liệu", runDBCheck},
		{"backup", "sao lưu ngay; --list liệt kê các bản sao lưu", runDBBackup},
		{"restore", "thay tệp dữ liệu bằng một bản sao lưu (đóng ứng dụng trước)", runDBRestore},
		{"copy", "chép cả thư viện sang thư viện khác (tệp ↔ máy chủ PostgreSQL), kiểm tra số lượng và mã SHA-256", runDBCopy},
	}
}

// runDB runs "hoso db SUBCOMMAND ...". Exit codes: 0 ok, 1 failure, 2 usage.
func runDB(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		w := stderr
		if len(args) > 0 {
			w = stdout
		}
		fmt.Fprintln(w, "Cách dùng: hoso db LỆNH [tùy chọn] [--db TỆP_DỮ_LIỆU]")
		fmt.Fprintln(w, "")
		for _, c := range dbSubcommands() {
			fmt.Fprintf(w, "  %-8s %s\n", c.name, c.brief)
		}
		fmt.Fprintln(w, "")
		fmt.Fprintf(w, "Tệp dữ liệu mặc định: biến môi trường %s, nếu không thì HosoKhuyenCong/hoso.db trong thư mục dữ liệu người dùng.\n", boltstore.EnvPath)
		fmt.Fprintln(w, "Thư viện dùng chung trên máy chủ PostgreSQL: --db postgres://người_dùng@máy_chủ/tên (mật khẩu trong ~/.pgpass hoặc PGPASSWORD; tên người sửa: HOSO_USER).")
		fmt.Fprintln(w, "")
		fmt.Fprintln(w, "Ví dụ:")
		fmt.Fprintln(w, "  hoso db list --year 2027")
		fmt.Fprintln(w, "  hoso db import --merge ho-so/*.hoso.json goi-ban-giao.zip")
		fmt.Fprintln(w, "  hoso db export 3f9c2a7b1e0d4c58 -o phuoc-hung.zip")
		fmt.Fprintln(w, "")
		fmt.Fprintln(w, "Xem hướng dẫn từng lệnh: hoso db LỆNH -h")
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range dbSubcommands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "hoso db: lệnh %q không tồn tại; xem \"hoso db -h\"\n", args[0])
	return 2
}

// dbFlags makes the flag set of a subcommand, with --db.
func dbFlags(name, synopsis, example string, stderr io.Writer) (*flag.FlagSet, *string) {
	fs := newFlags("db "+name, "db "+synopsis, example, stderr)
	db := fs.String("db", "", "tệp dữ liệu, hoặc thư viện dùng chung trên máy chủ: postgres://người_dùng@máy_chủ/tên hay host=... dbname=... (mặc định: $"+boltstore.EnvPath+" hoặc thư mục dữ liệu người dùng)")
	return fs, db
}

// dbPath resolves --db.
func dbPath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	return boltstore.DefaultPath()
}

// openDB opens the library for a command that writes, printing a Vietnamese explanation on
// failure. A damaged library is refused (nothing is written to it).
func openDB(cmd, flagValue string, stderr io.Writer) (*boltstore.Store, bool) {
	return openBolt(cmd, flagValue, stderr, false)
}

// openDBToRead opens the library for a command that only reads: a library with damaged records
// opens read-only, after a warning on stderr that says what is damaged and how to restore.
func openDBToRead(cmd, flagValue string, stderr io.Writer) (*boltstore.Store, bool) {
	return openBolt(cmd, flagValue, stderr, true)
}

func openBolt(cmd, flagValue string, stderr io.Writer, readOnlyOK bool) (*boltstore.Store, bool) {
	path, err := dbPath(flagValue)
	if err != nil {
		fmt.Fprintf(stderr, "hoso db %s: %v\n", cmd, err)
		return nil, false
	}
	if note, err := boltstore.RecoverRestore(path); note != "" && err == nil {
		fmt.Fprintf(stderr, "hoso db %s: %s\n", cmd, note)
	}
	s, err := boltstore.Open(path, boltstore.Options{ReadOnlyIfDamaged: readOnlyOK})
	if err != nil {
		fmt.Fprintf(stderr, "hoso db %s: %v\n", cmd, err)
		return nil, false
	}
	if d := s.Damage(); d != nil {
		fmt.Fprintf(stderr, "hoso db %s: %v\n", cmd, d)
	}
	return s, true
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func localTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("02/01/2006 15:04")
}

func runDBList(args []string, stdout, stderr io.Writer) int {
	fs, db := dbFlags("list", "list [--search CHỮ] [--programme P] [--year NĂM] [--status S] [--client ID] [--json]",
		"  hoso db list\n  hoso db list --search \"dong thap\" --year 2027\n  hoso db list --status submitted --json", stderr)
	asJSON := fs.Bool("json", false, "in dạng JSON")
	search := fs.String("search", "", "tìm theo tên, tên viết tắt, mã số thuế, tên dự án (không phân biệt dấu, hoa thường)")
	programme := fs.String("programme", "", "chương trình: equipment, cleaner-production, trade-fair")
	year := fs.Int("year", 0, "năm kế hoạch")
	status := fs.String("status", "", "trạng thái: draft, ready, submitted, approved, rejected")
	client := fs.String("client", "", "mã khách hàng")
	pos, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(pos) > 0 {
		fs.Usage()
		return 2
	}
	if *programme != "" && !forms.Programme(*programme).Valid() {
		fmt.Fprintf(stderr, "hoso db list: chương trình %q không tồn tại; chọn equipment, cleaner-production hoặc trade-fair\n", *programme)
		return 2
	}
	s, ok := openLibraryToRead("list", *db, stderr)
	if !ok {
		return 1
	}
	defer s.Close()
	sums, err := s.Applications(forms.Query{Text: *search, ClientID: *client, Programme: forms.Programme(*programme), Year: *year, Status: forms.Status(*status)})
	if err != nil {
		fmt.Fprintln(stderr, "hoso db list:", err)
		return 1
	}
	if *asJSON {
		if sums == nil {
			sums = []forms.ApplicationSummary{}
		}
		if err := printJSON(stdout, sums); err != nil {
			fmt.Fprintln(stderr, "hoso db list:", err)
			return 1
		}
		return 0
	}
	printSummaries(stdout, sums)
	return 0
}

func printSummaries(w io.Writer, sums []forms.ApplicationSummary) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "MÃ\tKHÁCH HÀNG\tCHƯƠNG TRÌNH\tNĂM\tTRẠNG THÁI\tHOÀN THÀNH\tCẬP NHẬT")
	for _, s := range sums {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%d%%\t%s\n", s.ID, s.ClientName, s.Programme.ShortLabel(), s.Year, s.Status.Label(), s.Completeness, localTime(s.UpdatedAt))
	}
	tw.Flush()
	fmt.Fprintf(w, "%d hồ sơ\n", len(sums))
}

func runDBImport(args []string, stdout, stderr io.Writer) int {
	fs, db := dbFlags("import", "import [--merge|--copy] TỆP.hoso.json|GÓI.zip ...",
		"  hoso db import maymoc.hoso.json\n  hoso db import --merge ho-so/*.hoso.json\n  hoso db import --copy goi-ban-giao.zip\n\n"+
			"Khi đã có khách hàng cùng mã số thuế, hãy chọn --merge (gộp hồ sơ vào khách hàng đó) hoặc --copy (tạo khách hàng mới).\n"+
			"Tệp đính kèm của gói .zip được giải nén vào thư mục ho-so/ cạnh tệp dữ liệu.", stderr)
	merge := fs.Bool("merge", false, "gộp vào khách hàng đã có cùng mã số thuế")
	copyClient := fs.Bool("copy", false, "tạo khách hàng mới (bản sao) dù đã có khách hàng cùng mã số thuế")
	pos, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(pos) == 0 {
		fs.Usage()
		return 2
	}
	if *merge && *copyClient {
		fmt.Fprintln(stderr, "hoso db import: chọn một trong --merge hoặc --copy")
		return 2
	}
	mode := forms.ImportAsk
	switch {
	case *merge:
		mode = forms.ImportMerge
	case *copyClient:
		mode = forms.ImportCopy
	}
	newLibrary := false
	if path, err := dbPath(*db); err == nil && !library.IsServer(path) {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			newLibrary = true
		}
	}
	s, ok := openLibrary("import", *db, stderr)
	if !ok {
		return 1
	}
	done, asked, refused := 0, 0, 0
	defer func() {
		s.Close()
		if newLibrary && done == 0 {
			os.Remove(s.Path()) // a refused import creates nothing
		}
	}()
	for _, path := range pos {
		id, client, err := importOne(s, path, mode)
		if err != nil {
			var fe *forms.FileError
			switch {
			case errors.Is(err, forms.ErrClientExists):
				asked++
			case errors.As(err, &fe) || errors.Is(err, handoff.ErrRefused):
				refused++ // the input itself is refused (unreadable, beyond a limit, unsafe): exit 2
			}
			fmt.Fprintf(stderr, "hoso db import: %s: %v\n", path, err)
			continue
		}
		done++
		fmt.Fprintf(stdout, "%s → hồ sơ %s (khách hàng %s)\n", path, id, client)
	}
	fmt.Fprintf(stdout, "Đã nhập %d/%d tệp.\n", done, len(pos))
	if asked > 0 {
		fmt.Fprintf(stderr, "%d tệp chưa nhập vì đã có khách hàng cùng mã số thuế: chạy lại với --merge hoặc --copy.\n", asked)
	}
	if refused > 0 {
		return 2
	}
	if done < len(pos) {
		return 1
	}
	return 0
}

// importOne imports a dossier file or a hand-off package and returns the dossier's ID and client name.
func importOne(s forms.Store, path string, mode forms.ImportMode) (id, client string, err error) {
	app, clientID, err := handoff.ImportInto(s, path, mode, time.Now())
	if err != nil {
		return "", "", err
	}
	name := app.Enterprise.Name
	if c, err := s.Client(clientID); err == nil {
		name = c.Enterprise.Name
	}
	return app.ID, name, nil
}

func runDBExport(args []string, stdout, stderr io.Writer) int {
	fs, db := dbFlags("export", "export MÃ_HỒ_SƠ -o TỆP.zip|TỆP.hoso.json",
		"  hoso db export 3f9c2a7b1e0d4c58 -o phuoc-hung.zip        (gói bàn giao: hồ sơ, tệp đính kèm, mã SHA-256)\n"+
			"  hoso db export 3f9c2a7b1e0d4c58 -o phuoc-hung.hoso.json  (chỉ tệp hồ sơ)", stderr)
	out := fs.String("o", "", "tệp ghi ra; đuôi .hoso.json cho tệp hồ sơ, còn lại là gói .zip")
	pos, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(pos) != 1 || *out == "" {
		fs.Usage()
		return 2
	}
	s, ok := openLibraryToRead("export", *db, stderr)
	if !ok {
		return 1
	}
	defer s.Close()
	if err := handoff.ExportFrom(s, pos[0], *out, assets.Version(), time.Now()); err != nil {
		fmt.Fprintln(stderr, "hoso db export:", err)
		return 1
	}
	fmt.Fprintln(stdout, *out)
	return 0
}

func runDBShow(args []string, stdout, stderr io.Writer) int {
	fs, db := dbFlags("show", "show MÃ_HỒ_SƠ [--revision SỐ]",
		"  hoso db show 3f9c2a7b1e0d4c58 > ban-sao.hoso.json\n  hoso db show 3f9c2a7b1e0d4c58 --revision 2", stderr)
	rev := fs.Uint64("revision", 0, "số bản lưu cũ (xem hoso db history)")
	pos, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(pos) != 1 {
		fs.Usage()
		return 2
	}
	s, ok := openLibraryToRead("show", *db, stderr)
	if !ok {
		return 1
	}
	defer s.Close()
	var app *forms.Application
	var err error
	if *rev > 0 {
		app, err = s.Revision(pos[0], *rev)
	} else {
		app, err = s.Application(pos[0])
	}
	if err == nil {
		err = forms.EncodeApplication(stdout, app)
	}
	if err != nil {
		fmt.Fprintln(stderr, "hoso db show:", err)
		return 1
	}
	return 0
}

func runDBHistory(args []string, stdout, stderr io.Writer) int {
	fs, db := dbFlags("history", "history MÃ_HỒ_SƠ [--json]", "  hoso db history 3f9c2a7b1e0d4c58", stderr)
	asJSON := fs.Bool("json", false, "in dạng JSON")
	pos, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(pos) != 1 {
		fs.Usage()
		return 2
	}
	s, ok := openLibraryToRead("history", *db, stderr)
	if !ok {
		return 1
	}
	defer s.Close()
	revs, err := s.Revisions(pos[0])
	if err != nil {
		fmt.Fprintln(stderr, "hoso db history:", err)
		return 1
	}
	if *asJSON {
		if revs == nil {
			revs = []forms.RevisionInfo{}
		}
		if err := printJSON(stdout, revs); err != nil {
			fmt.Fprintln(stderr, "hoso db history:", err)
			return 1
		}
		return 0
	}
	for _, r := range revs {
		fmt.Fprintf(stdout, "#%d  %s  %s\n", r.ID, localTime(r.At), r.Reason)
		for _, c := range r.Changes {
			fmt.Fprintf(stdout, "     – %s\n", c)
		}
	}
	fmt.Fprintf(stdout, "%d bản lưu\n", len(revs))
	return 0
}

func runDBDelete(args []string, stdout, stderr io.Writer) int {
	fs, db := dbFlags("delete", "delete MÃ_HỒ_SƠ|MÃ_KHÁCH_HÀNG ...",
		"  hoso db delete 3f9c2a7b1e0d4c58\n\nHồ sơ (hoặc khách hàng cùng mọi hồ sơ của họ) vào thùng rác; lấy lại bằng hoso db trash --restore MÃ.", stderr)
	pos, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(pos) == 0 {
		fs.Usage()
		return 2
	}
	s, ok := openLibrary("delete", *db, stderr)
	if !ok {
		return 1
	}
	defer s.Close()
	exit := 0
	for _, id := range pos {
		err := s.DeleteApplication(id)
		what := "hồ sơ"
		if errors.Is(err, forms.ErrNotFound) {
			err, what = s.DeleteClient(id), "khách hàng"
		}
		if errors.Is(err, forms.ErrNotFound) {
			err = fmt.Errorf("không có hồ sơ hay khách hàng nào mã %q (xem hoso db list)", id)
		}
		if err != nil {
			fmt.Fprintln(stderr, "hoso db delete:", err)
			exit = 1
			continue
		}
		fmt.Fprintf(stdout, "Đã chuyển %s %s vào thùng rác.\n", what, id)
	}
	return exit
}

func runDBTrash(args []string, stdout, stderr io.Writer) int {
	fs, db := dbFlags("trash", "trash [--restore MÃ] [--empty] [--json]",
		"  hoso db trash\n  hoso db trash --restore 3f9c2a7b1e0d4c58\n  hoso db trash --empty      (xóa hẳn, không lấy lại được)", stderr)
	empty := fs.Bool("empty", false, "xóa hẳn mọi thứ trong thùng rác")
	restore := fs.String("restore", "", "lấy lại hồ sơ hoặc khách hàng có mã này")
	asJSON := fs.Bool("json", false, "in dạng JSON")
	pos, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(pos) > 0 || (*empty && *restore != "") {
		fs.Usage()
		return 2
	}
	s, ok := openLibrary("trash", *db, stderr)
	if !ok {
		return 1
	}
	defer s.Close()
	switch {
	case *restore != "":
		if err := s.Restore(*restore); err != nil {
			fmt.Fprintln(stderr, "hoso db trash:", err)
			return 1
		}
		fmt.Fprintf(stdout, "Đã lấy lại %s từ thùng rác.\n", *restore)
		return 0
	case *empty:
		if err := s.EmptyTrash(); err != nil {
			fmt.Fprintln(stderr, "hoso db trash:", err)
			return 1
		}
		fmt.Fprintln(stdout, "Đã dọn sạch thùng rác.")
		return 0
	}
	clients, err := s.Clients(forms.Query{Deleted: true})
	if err != nil {
		fmt.Fprintln(stderr, "hoso db trash:", err)
		return 1
	}
	apps, err := s.Applications(forms.Query{Deleted: true})
	if err != nil {
		fmt.Fprintln(stderr, "hoso db trash:", err)
		return 1
	}
	if *asJSON {
		if clients == nil {
			clients = []forms.Client{}
		}
		if apps == nil {
			apps = []forms.ApplicationSummary{}
		}
		if err := printJSON(stdout, map[string]any{"clients": clients, "applications": apps}); err != nil {
			fmt.Fprintln(stderr, "hoso db trash:", err)
			return 1
		}
		return 0
	}
	if len(clients) > 0 {
		fmt.Fprintln(stdout, "Khách hàng trong thùng rác:")
		for _, c := range clients {
			fmt.Fprintf(stdout, "  %s  %s  (xóa lúc %s)\n", c.ID, c.Enterprise.Name, localTime(c.DeletedAt))
		}
	}
	fmt.Fprintln(stdout, "Hồ sơ trong thùng rác:")
	printSummaries(stdout, apps)
	return 0
}

func runDBCheck(args []string, stdout, stderr io.Writer) int {
	fs, db := dbFlags("check", "check [--json]", "  hoso db check\n\nMã thoát: 0 tệp tốt; 1 có vấn đề (xem báo cáo).", stderr)
	asJSON := fs.Bool("json", false, "in báo cáo dạng JSON")
	pos, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(pos) > 0 {
		fs.Usage()
		return 2
	}
	if code, done := checkServer(*db, *asJSON, stdout, stderr); done {
		return code
	}
	s, ok := openDBToRead("check", *db, stderr)
	if !ok {
		return 1
	}
	defer s.Close()
	r, err := s.Check()
	if err != nil {
		fmt.Fprintln(stderr, "hoso db check:", err)
		return 1
	}
	if *asJSON {
		if r.Problems == nil {
			r.Problems = []string{}
		}
		printJSON(stdout, r)
	} else {
		fmt.Fprintf(stdout, "Tệp dữ liệu: %s (%s)\n", r.Path, humanSize(r.FileSize))
		fmt.Fprintf(stdout, "Phiên bản cấu trúc: %d\n", r.SchemaVersion)
		fmt.Fprintf(stdout, "Khách hàng: %d, hồ sơ: %d, bản lưu: %d, trong thùng rác: %d\n", r.Clients, r.Applications, r.Revisions, r.InTrash)
		if bs, err := boltstore.Backups(r.Path); err == nil && len(bs) > 0 {
			fmt.Fprintf(stdout, "Bản sao lưu mới nhất: %s (%s)\n", bs[0].Path, localTime(bs[0].Time))
		}
		if r.OK() {
			fmt.Fprintln(stdout, "Kết quả: tốt, không phát hiện vấn đề.")
		} else {
			fmt.Fprintf(stdout, "Kết quả: phát hiện %d vấn đề:\n", len(r.Problems))
			for _, p := range r.Problems {
				fmt.Fprintf(stdout, "  – %s\n", p)
			}
			if d := s.Damage(); d != nil && d.Backup != "" {
				fmt.Fprintf(stdout, "Bản sao lưu tốt gần nhất: %s\nLệnh khôi phục: hoso db restore --db %q %q\n", d.Backup, r.Path, d.Backup)
			} else {
				fmt.Fprintln(stdout, "Hãy khôi phục từ bản sao lưu (hoso db backup --list, hoso db restore) hoặc liên hệ người hỗ trợ.")
			}
		}
	}
	if !r.OK() {
		return 1
	}
	return 0
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " byte"
}

func runDBBackup(args []string, stdout, stderr io.Writer) int {
	fs, db := dbFlags("backup", "backup [--list]",
		"  hoso db backup\n  hoso db backup --list\n\nỨng dụng tự sao lưu mỗi ngày một lần và giữ bản sao lưu của 7 ngày gần nhất trong thư mục backups/ cạnh tệp dữ liệu.", stderr)
	list := fs.Bool("list", false, "liệt kê các bản sao lưu, mới nhất trước")
	pos, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(pos) > 0 {
		fs.Usage()
		return 2
	}
	if *list && refuseServer("backup --list", *db, stderr) {
		return 1
	}
	if *list {
		path, err := dbPath(*db)
		if err != nil {
			fmt.Fprintln(stderr, "hoso db backup:", err)
			return 1
		}
		bs, err := boltstore.Backups(path)
		if err != nil {
			fmt.Fprintln(stderr, "hoso db backup:", err)
			return 1
		}
		for _, b := range bs {
			verdict := "tốt"
			if err := boltstore.CheckFile(b.Path); err != nil {
				verdict = "HỎNG: " + err.Error()
			}
			fmt.Fprintf(stdout, "%s  %s  %s  [%s]\n", localTime(b.Time), humanSize(b.Size), b.Path, verdict)
		}
		fmt.Fprintf(stdout, "%d bản sao lưu trong %s\n", len(bs), boltstore.BackupDir(path))
		return 0
	}
	s, ok := openLibrary("backup", *db, stderr)
	if !ok {
		return 1
	}
	defer s.Close()
	p, err := s.Backup()
	if err != nil {
		fmt.Fprintln(stderr, "hoso db backup:", err)
		return 1
	}
	fmt.Fprintln(stdout, p)
	return 0
}

func runDBRestore(args []string, stdout, stderr io.Writer) int {
	fs, db := dbFlags("restore", "restore BẢN_SAO_LƯU",
		"  hoso db backup --list\n  hoso db restore ~/.config/HosoKhuyenCong/backups/hoso-20270104-083000.db\n\n"+
			"Đóng ứng dụng trước. Tệp dữ liệu hiện tại được giữ lại bên cạnh với đuôi .truoc-khoi-phuc-….", stderr)
	pos, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(pos) != 1 {
		fs.Usage()
		return 2
	}
	if refuseServer("restore", *db, stderr) {
		return 1
	}
	path, err := dbPath(*db)
	if err != nil {
		fmt.Fprintln(stderr, "hoso db restore:", err)
		return 1
	}
	kept, err := boltstore.RestoreBackup(pos[0], path)
	if err != nil {
		fmt.Fprintln(stderr, "hoso db restore:", err)
		return 1
	}
	fmt.Fprintf(stdout, "Đã khôi phục %s từ %s.\n", path, pos[0])
	if kept != "" {
		fmt.Fprintf(stdout, "Tệp cũ được giữ lại: %s\n", kept)
	}
	return 0
}
