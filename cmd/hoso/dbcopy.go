package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"khuyencong/forms/library"
)

func runDBCopy(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("db copy", "db copy --from THƯ_VIỆN --to THƯ_VIỆN_TRỐNG [--json]",
		"  hoso db copy --from ~/.config/HosoKhuyenCong/hoso.db --to postgres://lan@may-chu/hoso\n"+
			"  hoso db copy --from \"host=may-chu dbname=hoso user=lan\" --to ban-sao.db\n\n"+
			"Chép mọi khách hàng, hồ sơ (cả thùng rác) và bản lưu, giữ nguyên mã và thời gian; sau đó đọc lại\n"+
			"cả hai thư viện và so số lượng, mã SHA-256 của từng loại bản ghi. Thư viện đích phải trống.\n"+
			"Mật khẩu: đặt trong tệp .pgpass hoặc biến PGPASSWORD, không ghi vào dòng lệnh.", stderr)
	from := fs.String("from", "", "thư viện nguồn: tệp .db hoặc chuỗi kết nối PostgreSQL")
	to := fs.String("to", "", "thư viện đích (trống): tệp .db mới hoặc cơ sở dữ liệu mới trên máy chủ")
	asJSON := fs.Bool("json", false, "in báo cáo dạng JSON")
	pos, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(pos) > 0 || *from == "" || *to == "" {
		fs.Usage()
		return 2
	}
	fromLoc, err := library.Resolve(*from)
	if err == nil && fromLoc != "" {
		var toLoc string
		toLoc, err = library.Resolve(*to)
		if err == nil && toLoc == fromLoc {
			fmt.Fprintln(stderr, "hoso db copy: nguồn và đích là cùng một thư viện")
			return 2
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "hoso db copy:", err)
		return 1
	}
	src, ok := openLibrary("copy", *from, stderr)
	if !ok {
		return 1
	}
	defer src.Close()
	dst, ok := openLibrary("copy", *to, stderr)
	if !ok {
		return 1
	}
	defer dst.Close()
	report, err := library.Copy(src, dst, nil)
	if report != nil {
		if *asJSON {
			printJSON(stdout, map[string]any{"from": library.Describe(*from), "to": library.Describe(*to), "ok": err == nil, "counts": report.Counts, "missing": report.Missing})
		} else {
			fmt.Fprintf(stdout, "Đã chép %s → %s\n", library.Describe(*from), library.Describe(*to))
			tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "LOẠI\tNGUỒN\tĐÍCH\tSHA-256 NGUỒN\tSHA-256 ĐÍCH\tKẾT QUẢ")
			for _, c := range report.Counts {
				verdict := "khớp"
				if !c.OK() {
					verdict = "KHÁC"
				}
				fmt.Fprintf(tw, "%s\t%d\t%d\t%s…\t%s…\t%s\n", c.Kind, c.From, c.To, c.FromSHA256[:16], c.ToSHA256[:16], verdict)
			}
			tw.Flush()
			for _, m := range report.Missing {
				fmt.Fprintln(stdout, "không chép được:", m)
			}
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "hoso db copy:", err)
		return 1
	}
	return 0
}
