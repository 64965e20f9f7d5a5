package forms

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// maxChanges bounds the list of changes kept with a revision.
const maxChanges = 30

// ignoredPaths change on every save and say nothing to the user.
var ignoredPaths = map[string]bool{"updated_at": true, "created_at": true, "format_version": true, "id": true, "client_id": true}

// DescribeChanges compares two dossiers' JSON and lists, in Vietnamese, what changed: one entry per
// changed answer ("Điện thoại (enterprise.phone)") and per list whose length changed
// ("Dòng dự toán (budget.lines): 3 → 4 dòng").
func DescribeChanges(prev, cur []byte) []string {
	var a, b any
	if err := decodeNumbers(prev, &a); err != nil {
		return []string{"Không so sánh được với bản lưu trước (bản trước không đọc được)"}
	}
	if err := decodeNumbers(cur, &b); err != nil {
		return []string{"Không so sánh được với bản lưu trước"}
	}
	var def *ProgrammeDef
	if m, ok := b.(map[string]any); ok {
		if p, ok := m["programme"].(string); ok {
			def = Definition(Programme(p))
		}
	}
	d := differ{labels: fieldLabels(def)}
	d.walk("", a, b)
	if len(d.out) == 0 {
		return []string{"Không có thay đổi"}
	}
	if len(d.out) > maxChanges {
		more := len(d.out) - maxChanges
		d.out = append(d.out[:maxChanges], fmt.Sprintf("… và %d thay đổi khác", more))
	}
	return d.out
}

func decodeNumbers(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(v)
}

type differ struct {
	labels map[string]string
	out    []string
}

func (d *differ) walk(path string, a, b any) {
	if ignoredPaths[path] {
		return
	}
	am, aIsMap := a.(map[string]any)
	bm, bIsMap := b.(map[string]any)
	if aIsMap && bIsMap {
		keys := make([]string, 0, len(am)+len(bm))
		for k := range am {
			keys = append(keys, k)
		}
		for k := range bm {
			if _, ok := am[k]; !ok {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			d.walk(joinPath(path, k), am[k], bm[k])
		}
		return
	}
	as, aIsList := asList(a)
	bs, bIsList := asList(b)
	if aIsList && bIsList {
		if len(as) != len(bs) {
			d.out = append(d.out, fmt.Sprintf("%s: %d → %d dòng", d.label(path), len(as), len(bs)))
		}
		for i := 0; i < len(as) && i < len(bs); i++ {
			d.walk(path+"["+strconv.Itoa(i)+"]", as[i], bs[i])
		}
		return
	}
	if !sameJSON(a, b) {
		d.out = append(d.out, d.label(path))
	}
}

// asList treats null and absent as an empty list, so that adding the first row reads "0 → 1 dòng".
func asList(v any) ([]any, bool) {
	switch v := v.(type) {
	case []any:
		return v, true
	case nil:
		return nil, true
	}
	return nil, false
}

func sameJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// label names a path for people: "Điện thoại (enterprise.phone)", or
// "Danh mục máy móc thiết bị, dòng 3, Tên máy (project.machines[2].name)".
func (d *differ) label(path string) string {
	segs := strings.Split(path, ".")
	var parts []string
	generic := ""
	for i, seg := range segs {
		name, index, hasIndex := strings.Cut(seg, "[")
		generic = joinPath(generic, name)
		if !hasIndex && i < len(segs)-1 {
			continue
		}
		if l, ok := d.labels[generic]; ok {
			parts = append(parts, l)
		}
		if n, err := strconv.Atoi(strings.TrimSuffix(index, "]")); hasIndex && err == nil {
			parts = append(parts, "dòng "+strconv.Itoa(n+1))
		}
	}
	if len(parts) == 0 {
		return path
	}
	return strings.Join(parts, ", ") + " (" + path + ")"
}

// fieldLabels maps generic paths ("project.machines.name") to Vietnamese labels.
func fieldLabels(def *ProgrammeDef) map[string]string {
	labels := map[string]string{
		"budget.lines":             "Dòng dự toán",
		"attachments":              "Tài liệu kèm theo",
		"enterprise":               "Thông tin doanh nghiệp",
		"signer":                   "Người ký",
		"letter":                   "Công văn đề nghị",
		"status":                   "Trạng thái hồ sơ",
		"programme":                "Nội dung hỗ trợ",
		"year":                     "Năm",
		"fund":                     "Nguồn kinh phí",
		"commitments":              "Cam kết",
		"rule_pack":                "Bộ quy định áp dụng",
		"budget.lines.cost_type":   "Loại chi phí",
		"budget.lines.description": "Nội dung",
		"budget.lines.unit":        "Đơn vị tính",
		"budget.lines.quantity":    "Số lượng",
		"budget.lines.unit_price":  "Đơn giá",
		"budget.lines.note":        "Ghi chú",
		"attachments.file":         "Tệp",
		"attachments.paper":        "Nộp bản giấy",
	}
	if def == nil {
		return labels
	}
	var add func(prefix string, fields []Field)
	add = func(prefix string, fields []Field) {
		for _, f := range fields {
			p := joinPath(prefix, f.Path)
			if f.Label != "" {
				labels[p] = f.Label
			}
			add(p, f.Columns)
		}
	}
	for _, s := range def.Steps {
		add("", s.Fields)
	}
	return labels
}
