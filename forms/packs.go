package forms

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
)

//go:embed rules/*.json
var embeddedPacks embed.FS

var (
	defaultOnce  sync.Once
	defaultPacks []*RulePack
)

// DefaultPacks returns the rule packs embedded in the program: the national pack and the default
// local pack. Each call returns fresh copies that the caller may change.
func DefaultPacks() []*RulePack {
	defaultOnce.Do(func() {
		entries, err := embeddedPacks.ReadDir("rules")
		if err != nil {
			panic("embedded rule packs missing: " + err.Error())
		}
		for _, e := range entries {
			data, err := embeddedPacks.ReadFile("rules/" + e.Name())
			if err != nil {
				panic(err)
			}
			p, err := ParsePack(data)
			if err != nil {
				panic(fmt.Sprintf("embedded rule pack %s is invalid: %v", e.Name(), err))
			}
			defaultPacks = append(defaultPacks, p)
		}
	})
	out := make([]*RulePack, len(defaultPacks))
	for i, p := range defaultPacks {
		out[i] = p.Clone()
	}
	return out
}

// Clone returns a deep copy of the pack.
func (p *RulePack) Clone() *RulePack {
	data, err := json.Marshal(p)
	if err != nil {
		panic(err)
	}
	var c RulePack
	if err := json.Unmarshal(data, &c); err != nil {
		panic(err)
	}
	return &c
}

// Key identifies a pack version: "national@2018.1".
func (p *RulePack) Key() string { return p.ID + "@" + p.Version }

// HasUnverified reports whether any value of the pack is flagged as not verified in a source.
func (p *RulePack) HasUnverified() bool {
	for _, pr := range p.Programmes {
		for _, c := range pr.Criteria {
			if c.Unverified {
				return true
			}
		}
		for _, s := range pr.Scopes {
			for _, c := range s.Caps {
				if c.Unverified {
					return true
				}
			}
			for _, r := range s.CostTypes {
				if r.Unverified {
					return true
				}
			}
		}
	}
	return false
}

// MarshalPack writes the pack as indented JSON, for export and editing.
func MarshalPack(p *RulePack) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(p); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// PackError lists everything wrong with a rule pack.
type PackError struct{ Problems []string }

func (e *PackError) Error() string {
	return "gói quy định không hợp lệ:\n- " + strings.Join(e.Problems, "\n- ")
}

// ParsePack decodes and validates a rule pack. Unknown keys are refused so that a typing mistake
// in an edited pack does not silently drop a rule.
func ParsePack(data []byte) (*RulePack, error) {
	if len(data) > 4<<20 {
		return nil, &PackError{Problems: []string{"tệp lớn hơn 4 MB, không phải gói quy định"}}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	packType := reflect.TypeOf(RulePack{})
	if p := strictScanKnown(data, packType); p != nil {
		l, c := lineCol(data, p.Offset)
		return nil, &PackError{Problems: []string{packProblem(&FileError{Line: l, Column: c, Path: p.Path, Msg: p.Msg})}}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var p RulePack
	if err := dec.Decode(&p); err != nil {
		var fe *FileError
		if errors.As(decodeErrorFrom(data, err, packType), &fe) {
			return nil, &PackError{Problems: []string{packProblem(fe)}}
		}
		return nil, &PackError{Problems: []string{err.Error()}}
	}
	multiline := func(path string) bool { return path == "notes" || path == "citation" }
	if err := normaliseWith(reflectValueOf(&p), "", multiline); err != nil {
		var fe *FileError
		if errors.As(err, &fe) {
			return nil, &PackError{Problems: []string{packProblem(fe)}}
		}
		return nil, &PackError{Problems: []string{err.Error()}}
	}
	if err := ValidatePack(&p); err != nil {
		return nil, err
	}
	return &p, nil
}

// packProblem words a decoding error of a pack: where it is (line, column, JSON path) and what.
func packProblem(fe *FileError) string {
	if where := fe.where("mục"); where != "" {
		return where + ": " + fe.Msg
	}
	return fe.Msg
}

var (
	packIDPattern      = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	packVersionPattern = regexp.MustCompile(`^[0-9]+(\.[0-9]+)*$`)
)

// validatePackID checks the id and version of a pack: they name its file in the rules folder, so
// they hold only lower-case letters, digits and single hyphens (id) or digits and single dots
// (version); an id "local-NN" belongs to the local fund of province NN.
func validatePackID(p *RulePack, add func(string, ...any)) {
	switch {
	case p.ID == "":
		add("thiếu mã gói (id)")
	case len(p.ID) > 40 || !packIDPattern.MatchString(p.ID):
		add("mã gói (id) %q không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, bắt đầu bằng chữ, tối đa 40 ký tự (ví dụ local-79)", p.ID)
	case strings.HasPrefix(p.ID, "local-"):
		code, _, _ := strings.Cut(strings.TrimPrefix(p.ID, "local-"), "-")
		if p.Fund != FundLocal {
			add("mã gói %q là gói khuyến công địa phương nhưng nguồn kinh phí (fund) là %q; hãy ghi \"fund\": \"local\"", p.ID, p.Fund)
		} else if code != p.Province {
			add("mã gói %q chỉ tỉnh có mã %s nhưng mã tỉnh (province) là %q; hãy sửa cho khớp (ví dụ id local-79 với province \"79\")", p.ID, code, p.Province)
		}
	}
	switch {
	case p.Version == "":
		add("thiếu phiên bản (version)")
	case len(p.Version) > 20 || !packVersionPattern.MatchString(p.Version):
		add("phiên bản (version) %q không hợp lệ: chỉ dùng chữ số và dấu chấm, ví dụ 2026.1", p.Version)
	}
}

// ValidatePack checks a pack against the programme registry: every programme, scope, cost type and
// criterion must be known, every eligible cost type needs a rate, every cap a positive amount, and
// every number a citation.
func ValidatePack(p *RulePack) error {
	var probs []string
	add := func(format string, a ...any) { probs = append(probs, fmt.Sprintf(format, a...)) }
	validatePackID(p, add)
	if Clean(p.Title) == "" {
		add("thiếu tên gói (title)")
	}
	switch p.Fund {
	case FundNational:
	case FundLocal:
		if p.Province != "" {
			if _, ok := ProvinceByCode(p.Province); !ok {
				add("mã tỉnh %q không thuộc 34 tỉnh, thành phố", p.Province)
			}
		}
	default:
		add("nguồn kinh phí (fund) phải là \"national\" hoặc \"local\", không phải %q", p.Fund)
	}
	if p.EffectiveFrom.IsZero() {
		add("thiếu ngày hiệu lực (effective_from)")
	}
	if !p.EffectiveTo.IsZero() && p.EffectiveTo.Before(p.EffectiveFrom) {
		add("ngày hết hiệu lực %s trước ngày hiệu lực %s", p.EffectiveTo, p.EffectiveFrom)
	}
	if len(p.Programmes) == 0 {
		add("gói không có chương trình nào (programmes)")
	}
	progs := make([]string, 0, len(p.Programmes))
	for k := range p.Programmes {
		progs = append(progs, string(k))
	}
	sort.Strings(progs)
	for _, pk := range progs {
		prog := Programme(pk)
		rules := p.Programmes[prog]
		def := Definition(prog)
		if def == nil {
			add("chương trình %q không tồn tại (chọn equipment, cleaner-production hoặc trade-fair)", pk)
			continue
		}
		if rules == nil {
			add("%s: trống", pk)
			continue
		}
		for _, sc := range def.Scopes {
			if _, ok := rules.Scopes[sc.Value]; !ok {
				add("%s: thiếu quy định cho nội dung %q (%s)", pk, sc.Value, sc.Label)
			}
		}
		scopes := make([]string, 0, len(rules.Scopes))
		for k := range rules.Scopes {
			scopes = append(scopes, k)
		}
		sort.Strings(scopes)
		for _, sk := range scopes {
			sr := rules.Scopes[sk]
			where := pk + "/" + sk
			if !hasChoice(def.Scopes, sk) {
				add("%s: nội dung %q không tồn tại trong chương trình", where, sk)
				continue
			}
			if sr == nil {
				add("%s: trống", where)
				continue
			}
			cts := make([]string, 0, len(sr.CostTypes))
			for k := range sr.CostTypes {
				cts = append(cts, k)
			}
			sort.Strings(cts)
			for _, ck := range cts {
				cr := sr.CostTypes[ck]
				w := where + "/" + ck
				if _, ok := def.CostType(ck); !ok {
					add("%s: loại chi phí %q không tồn tại trong chương trình", w, ck)
					continue
				}
				if cr == nil {
					add("%s: trống", w)
					continue
				}
				if cr.Eligible && cr.RateBP == 0 {
					add("%s: thiếu tỷ lệ hỗ trợ (rate_bp, ví dụ 5000 = 50%%)", w)
				}
				if cr.RateBP < 0 || cr.RateBP > 10000 {
					add("%s: tỷ lệ hỗ trợ %d ngoài khoảng 0–10000 (phần vạn)", w, cr.RateBP)
				}
				if cr.CapPerLine < 0 {
					add("%s: mức trần mỗi dòng âm (%s)", w, cr.CapPerLine)
				}
				if Clean(cr.Citation) == "" {
					add("%s: thiếu căn cứ pháp lý (citation)", w)
				}
			}
			for i, c := range sr.Caps {
				w := fmt.Sprintf("%s/caps[%d] (mức trần %s)", where, i, capLabel(c))
				switch c.Per {
				case CapPerProject, CapPerEstablishment, CapPerYear:
				case CapPerCostType:
					if _, ok := def.CostType(c.CostType); !ok {
						add("%s: mức trần theo loại chi phí cần cost_type hợp lệ, không phải %q", w, c.CostType)
					}
				default:
					add("%s: loại mức trần (per) %q không hợp lệ (project, establishment, year, cost-type)", w, c.Per)
				}
				if c.Amount <= 0 {
					add("%s: mức trần phải lớn hơn 0, không phải %s", w, c.Amount)
				}
				if Clean(c.Citation) == "" {
					add("%s: thiếu căn cứ pháp lý (citation)", w)
				}
			}
		}
		for i, c := range rules.Criteria {
			w := fmt.Sprintf("%s/criteria[%d]", pk, i)
			if _, ok := criteria[c.ID]; !ok {
				add("%s: tiêu chí %q không tồn tại (có: %s)", w, c.ID, strings.Join(CriterionIDs(), ", "))
			}
			if Clean(c.Citation) == "" {
				add("%s: thiếu căn cứ pháp lý (citation)", w)
			}
			for _, k := range c.Kinds {
				if k.Label() == string(k) {
					add("%s: loại hình %q không hợp lệ", w, k)
				}
			}
			for _, s := range c.SizeClasses {
				if s.Label() == SizeUnknown.Label() {
					add("%s: quy mô %q không hợp lệ", w, s)
				}
			}
			for _, in := range c.Industries {
				if _, ok := IndustryByCode(in); !ok {
					add("%s: ngành %q không hợp lệ", w, in)
				}
			}
			if c.ID == "foreign-fairs" && c.Max <= 0 {
				add("%s: cần số lần tối đa (max) lớn hơn 0", w)
			}
		}
	}
	if len(probs) > 0 {
		return &PackError{Problems: probs}
	}
	return nil
}

// capLabel names a cap in a refusal: "mỗi đề án", "loại chi phí machinery" …
func capLabel(c Cap) string {
	switch c.Per {
	case CapPerProject:
		return "mỗi đề án"
	case CapPerEstablishment:
		return "mỗi cơ sở"
	case CapPerYear:
		return "mỗi năm"
	case CapPerCostType:
		return fmt.Sprintf("loại chi phí %q", c.CostType)
	}
	return fmt.Sprintf("per %q", c.Per)
}

func hasChoice(cs []Choice, v string) bool {
	for _, c := range cs {
		if c.Value == v {
			return true
		}
	}
	return false
}

// ReplacesShipped says how an imported pack would stand in for a pack shipped with the program, or
// "" when it does not: it has the id of a shipped pack, or it is a national pack (PackFor would
// choose it for every national dossier in force after it), or a local pack without a province (it
// would replace the default local pack).
func ReplacesShipped(p *RulePack) string {
	for _, s := range DefaultPacks() {
		if s.ID == p.ID {
			return fmt.Sprintf("mã gói %q là mã của gói có sẵn trong ứng dụng", p.ID)
		}
	}
	switch {
	case p.Fund == FundNational:
		return "gói thuộc nguồn kinh phí quốc gia (fund \"national\") sẽ thay mức hỗ trợ quốc gia có sẵn"
	case p.Fund == FundLocal && p.Province == "":
		return "gói khuyến công địa phương không ghi mã tỉnh (province) sẽ thay gói địa phương mặc định"
	}
	return ""
}

// CheckImport refuses an imported pack that would stand in for a shipped pack unless override is
// set; with override it marks the pack (Override) so that every computation with it says so.
func CheckImport(p *RulePack, override bool) error {
	why := ReplacesShipped(p)
	if why == "" {
		p.Override = false
		return nil
	}
	if !override {
		return &PackError{Problems: []string{why + "; gói nhập vào không được thay gói có sẵn. Hãy đặt mã riêng và ghi tỉnh (ví dụ id \"local-79\", fund \"local\", province \"79\"); nếu thật sự muốn thay, nhập lại với --override (mọi dự toán tính theo gói này sẽ ghi rõ điều đó)"}}
	}
	p.Override = true
	return nil
}

// OverrideNote is what a check, a draft and a budget say when they use a pack imported with
// --override.
func OverrideNote(p *RulePack) string {
	return fmt.Sprintf("Dự toán tính theo gói quy định %s do người dùng nhập với --override, thay cho gói có sẵn của ứng dụng (%s); đối chiếu với Sở Công Thương trước khi nộp", p.Key(), ReplacesShipped(p))
}

// OverrideNoteEN is OverrideNote in English.
func OverrideNoteEN(p *RulePack) string {
	why := "it has the id of a pack shipped with the application"
	switch {
	case !isShippedID(p.ID) && p.Fund == FundNational:
		why = "a pack of the national fund replaces the shipped national rates"
	case !isShippedID(p.ID) && p.Fund == FundLocal && p.Province == "":
		why = "a local pack without a province replaces the default local pack"
	}
	return fmt.Sprintf("The budget follows the rules %s, imported by the user with --override in place of the rules shipped with the application (%s); check with the Department of Industry and Trade before submitting", p.Key(), why)
}

func isShippedID(id string) bool {
	for _, s := range DefaultPacks() {
		if s.ID == id {
			return true
		}
	}
	return false
}

// LoadPacks returns the embedded packs plus every valid *.json pack in dir (a missing dir is fine).
// Invalid files are reported, not loaded; so is a pack that stands in for a shipped pack without
// having been imported with --override.
func LoadPacks(dir string) ([]*RulePack, []error) {
	packs := DefaultPacks()
	if dir == "" {
		return packs, nil
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return packs, []error{err}
	}
	sort.Strings(files)
	var errs []error
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", filepath.Base(f), err))
			continue
		}
		p, err := ParsePack(data)
		if err == nil {
			err = CheckImport(p, p.Override)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", filepath.Base(f), err))
			continue
		}
		packs = append(packs, p)
	}
	return packs, errs
}

// ReferenceDate is the date whose rules apply to the application: the letter's date, else the
// project's start, else 1 January of the plan year.
func ReferenceDate(app *Application) Date {
	if !app.Letter.Date.IsZero() {
		return app.Letter.Date
	}
	if !app.Project.StartDate.IsZero() {
		return app.Project.StartDate
	}
	if app.Year > 0 {
		return Date{app.Year, 1, 1}
	}
	return Date{}
}

// PackFor chooses the rule pack of the application: the pack named in app.RulePack when set;
// otherwise, for a local fund, the province's own pack, else the default local pack; for the
// national fund, the national pack. Among candidates, the one in force on the reference date with
// the latest effective date wins.
func PackFor(app *Application, packs []*RulePack) (*RulePack, error) {
	if app.RulePack != "" {
		for _, p := range packs {
			if p.ID == app.RulePack || p.Key() == app.RulePack {
				return p, nil
			}
		}
		return nil, errorEN(fmt.Sprintf("không tìm thấy gói quy định %q: hãy nhập gói này hoặc chọn gói khác", app.RulePack),
			fmt.Sprintf("the rules %q are not found: import them or choose other rules", app.RulePack))
	}
	ref := ReferenceDate(app)
	pick := func(match func(*RulePack) bool) *RulePack {
		var best *RulePack
		for _, p := range packs {
			if !match(p) {
				continue
			}
			if !ref.IsZero() && (ref.Before(p.EffectiveFrom) || (!p.EffectiveTo.IsZero() && p.EffectiveTo.Before(ref))) {
				continue
			}
			if best == nil || best.EffectiveFrom.Before(p.EffectiveFrom) {
				best = p
			}
		}
		return best
	}
	if app.Fund.Kind == FundLocal {
		if p := pick(func(p *RulePack) bool {
			return p.Fund == FundLocal && p.Province != "" && p.Province == app.Fund.Province
		}); p != nil {
			return p, nil
		}
		if p := pick(func(p *RulePack) bool { return p.Fund == FundLocal && p.Province == "" }); p != nil {
			return p, nil
		}
		return nil, errorEN(fmt.Sprintf("không có gói quy định khuyến công địa phương có hiệu lực ngày %s", ref),
			fmt.Sprintf("no local industrial promotion rules are in force on %s", ref))
	}
	if p := pick(func(p *RulePack) bool { return p.Fund == FundNational }); p != nil {
		return p, nil
	}
	return nil, errorEN(fmt.Sprintf("không có gói quy định khuyến công quốc gia có hiệu lực ngày %s", ref),
		fmt.Sprintf("no national industrial promotion rules are in force on %s", ref))
}
