package forms

import "time"

// Sample returns a complete, valid example dossier for the programme, with Vietnamese content that
// uses every letter and tone mark. It backs `hoso sample`, the tests and the screenshots.
// The returned application is fresh: callers may change it.
func Sample(p Programme) *Application {
	switch p {
	case Equipment:
		return sampleEquipment()
	case CleanerProduction:
		return sampleCleaner()
	case TradeFair:
		return sampleTradeFair()
	}
	return nil
}

var sampleTime = time.Date(2027, 1, 4, 8, 30, 0, 0, time.UTC)

func sampleEnterprise(name, short, abbr, tax string, kind EnterpriseKind, addr Address, rep Person) Enterprise {
	return Enterprise{
		Name: name, ShortName: short, Abbreviation: abbr, TaxCode: tax, Kind: kind, Address: addr,
		Representative: rep, Phone: "0912 345 678", Email: "lienhe@example.vn",
		BankAccount: "1234 5678 9012", BankName: "Ngân hàng Nông nghiệp và Phát triển Nông thôn, chi nhánh Vũng Tàu",
		FoundedOn: Date{2015, 3, 12}, Employees: 38, InsuredEmployees: 32,
		Revenue: 18_750_000_000, Capital: 9_600_000_000, Sector: SectorIndustry,
	}
}

func sampleCommon(app *Application) {
	app.FormatVersion = FormatVersion
	app.Year = 2027
	app.Status = StatusDraft
	app.Fund = Fund{Kind: FundLocal, Province: app.Enterprise.Address.Province}
	app.Project.StartDate = Date{2027, 3, 1}
	app.Project.EndDate = Date{2027, 10, 31}
	app.Letter = Letter{Number: "15/CV-" + app.Enterprise.Abbreviation, Recipient: "Sở Công Thương Thành phố Hồ Chí Minh", Date: Date{2027, 1, 5}}
	app.Signer = Person{Name: app.Enterprise.Representative.Name, Title: app.Enterprise.Representative.Title}
	app.Commitments = Commitments{Counterpart: true, NoOtherFunding: true, Truthful: true}
	app.CreatedAt = sampleTime
	app.UpdatedAt = sampleTime
	app.Project.Schedule = []Task{
		{Name: "Khảo sát, lựa chọn nhà cung cấp, ký hợp đồng", Start: Date{2027, 3, 1}, End: Date{2027, 4, 15}, Responsible: "Ban giám đốc"},
		{Name: "Tiếp nhận, lắp đặt, chạy thử và đào tạo vận hành", Start: Date{2027, 4, 16}, End: Date{2027, 7, 31}, Responsible: "Nhà cung cấp, tổ kỹ thuật"},
		{Name: "Sản xuất thử, đánh giá hiệu quả, nghiệm thu và quyết toán", Start: Date{2027, 8, 1}, End: Date{2027, 10, 31}, Responsible: "Cơ sở phối hợp Trung tâm Khuyến công"},
	}
	app.Project.Organisation = "Giám đốc chịu trách nhiệm chung; tổ kỹ thuật gồm 05 người tiếp nhận, vận hành máy; kế toán theo dõi, thanh quyết toán kinh phí theo đúng quy định."
}

func sampleEquipment() *Application {
	app := &Application{Programme: Equipment}
	app.Enterprise = sampleEnterprise(
		"Công ty TNHH Chế biến Nông sản Phước Hưng", "Phước Hưng", "PH", "0701234567", KindEnterprise,
		Address{Street: "Số 15 Đường Đoàn Thị Điểm, khu phố Bến Đình", Commune: "Phường Vũng Tàu", Province: "79"},
		Person{Name: "Nguyễn Thị Ngọc Hường", Title: "Giám đốc", IDNumber: "077185001234", Gender: GenderFemale},
	)
	app.Enterprise.FormerAddress = "Số 15 Đoàn Thị Điểm, Phường 1, Thành phố Vũng Tàu, Tỉnh Bà Rịa - Vũng Tàu"
	app.Enterprise.Industry = "a"
	app.Enterprise.MainProducts = "Bánh tráng phơi sương, bánh tráng dẻo, hạt điều rang muối; công suất hiện nay khoảng 1,2 tấn sản phẩm/ngày."
	app.Enterprise.WomenOwned = true
	sampleCommon(app)
	app.Project.Title = "Hỗ trợ ứng dụng máy móc thiết bị tiên tiến vào khâu tráng, sấy bánh tráng tại Công ty TNHH Chế biến Nông sản Phước Hưng"
	app.Project.Location = "Số 15 Đường Đoàn Thị Điểm, Phường Vũng Tàu, Thành phố Hồ Chí Minh"
	app.Project.Scope = "machinery"
	app.Project.CurrentProduction = "Cơ sở sản xuất bánh tráng thủ công bán cơ giới với 38 lao động, sản lượng 1,2 tấn/ngày. Khâu tráng và phơi bánh làm bằng tay, phụ thuộc thời tiết; mùa mưa sản lượng giảm gần một nửa, chất lượng không đồng đều."
	app.Project.CurrentEquipment = []EquipmentItem{
		{Name: "Nồi hơi đốt củi 200 kg hơi/giờ", Quantity: QuantityOf(1), Year: 2016, Condition: "Đã cũ, hiệu suất thấp"},
		{Name: "Máy xay bột gạo", Quantity: QuantityOf(2), Year: 2018, Condition: "Hoạt động bình thường"},
	}
	app.Project.Problem = "Khâu tráng và phơi thủ công quyết định năng suất và vệ sinh an toàn thực phẩm. Đầu tư máy tráng bánh tự động và máy sấy giúp chủ động sản xuất quanh năm, giảm bụi bẩn, ổn định chất lượng để đáp ứng đơn hàng của siêu thị."
	app.Project.Objectives = "Nâng năng suất từ 1,2 lên 2,5 tấn sản phẩm/ngày; giảm 30% điện năng và 25% củi đốt trên mỗi tấn sản phẩm; tạo thêm 12 việc làm cho lao động nữ ở địa phương."
	app.Project.Scale = "Một hệ thống tráng - hấp - sấy liên tục gồm 02 máy tráng bánh tự động và 01 máy sấy nhiệt khí nóng, công suất thiết kế 300 kg bánh/giờ."
	app.Project.Improvements = "Thay khâu tráng tay và phơi nắng bằng dây chuyền khép kín: năng suất tăng gấp đôi, bánh mỏng đều, độ ẩm ổn định, không phụ thuộc thời tiết, giảm khói bụi."
	app.Project.Machines = []Machine{
		{Name: "Máy tráng bánh tự động", Model: "PH-TB300", Origin: "Việt Nam", Specifications: "Công suất 300 kg/giờ; khổ bánh 22 cm; động cơ 3 kW; inox SUS304 tiếp xúc thực phẩm", Quantity: QuantityOf(2), New: true, Supplier: "Công ty Cổ phần Cơ khí Bình Dương Xanh", Quotations: "Báo giá số 112/BG-BDX ngày 02/12/2026"},
		{Name: "Máy sấy bánh tráng nhiệt khí nóng", Model: "SĐ-1200", Origin: "Việt Nam", Specifications: "Buồng sấy 12 khay; nhiệt độ 40–80 °C điều khiển tự động; tiết kiệm 30% điện năng", Quantity: QuantityOf(1), New: true, Supplier: "Công ty TNHH Thiết bị Nhiệt Đức Thành", Quotations: "Báo giá số 45/2026/ĐT ngày 05/12/2026"},
	}
	app.Project.Effects = "Doanh thu dự kiến tăng 35%/năm; giảm ô nhiễm khói bụi; mô hình có thể nhân rộng cho các cơ sở làm bánh tráng trong phường và vùng lân cận."
	app.Budget.Lines = []BudgetLine{
		{CostType: "machinery", Description: "Máy tráng bánh tự động PH-TB300, xuất xứ Việt Nam", Unit: "cái", Quantity: QuantityOf(2), UnitPrice: 215_500_000, Note: "Báo giá số 112/BG-BDX"},
		{CostType: "machinery", Description: "Máy sấy bánh tráng nhiệt khí nóng SĐ-1200", Unit: "cái", Quantity: QuantityOf(1), UnitPrice: 187_350_000, Note: "Báo giá số 45/2026/ĐT"},
		{CostType: "installation", Description: "Vận chuyển, lắp đặt, chạy thử", Unit: "gói", Quantity: QuantityOf(1), UnitPrice: 18_750_000},
		{CostType: "other", Description: "Hội thảo giới thiệu mô hình, quản lý đề án", Unit: "gói", Quantity: QuantityOf(1), UnitPrice: 12_345_678},
	}
	app.Attachments = []Attachment{
		{ID: "registration", Paper: true},
		{ID: "quotations", Paper: true},
		{ID: "specifications", Paper: true},
		{ID: "financial", Paper: true},
	}
	return app
}

func sampleCleaner() *Application {
	app := &Application{Programme: CleanerProduction}
	app.Enterprise = sampleEnterprise(
		"Hợp tác xã Dệt thổ cẩm và Nhuộm màu tự nhiên Ê Đê Buôn Đôn", "HTX Thổ cẩm Buôn Đôn", "HTXTC", "1803456786", KindCooperative,
		Address{Street: "Thôn Trí A", Commune: "Xã Buôn Đôn", Province: "66"},
		Person{Name: "H’Yuôn Niê", Title: "Chủ nhiệm", IDNumber: "066190004321", Gender: GenderFemale},
	)
	app.Enterprise.Industry = "dd"
	app.Enterprise.MainProducts = "Vải thổ cẩm dệt tay, khăn choàng, túi xách nhuộm màu lá rừng; sản lượng 8.000 m² vải/năm."
	app.Enterprise.EthnicMinority = true
	app.Enterprise.Employees, app.Enterprise.InsuredEmployees = 26, 12
	app.Enterprise.Revenue, app.Enterprise.Capital = 2_450_000_000, 1_800_000_000
	sampleCommon(app)
	app.Letter.Recipient = "Sở Công Thương tỉnh Đắk Lắk"
	app.Signer.Title = "Chủ nhiệm"
	app.Project.Title = "Hỗ trợ tư vấn đánh giá và áp dụng sản xuất sạch hơn trong khâu nhuộm, giặt vải thổ cẩm"
	app.Project.Location = "Thôn Trí A, Xã Buôn Đôn, Tỉnh Đắk Lắk"
	app.Project.Scope = "assessment"
	app.Project.CurrentProduction = "HTX có 26 thành viên, dệt 8.000 m² vải/năm. Khâu nhuộm dùng bếp củi hở, nước giặt xả thẳng ra suối; tiêu hao nhiều nước, củi và thuốc nhuộm."
	app.Project.Problem = "Nước thải nhuộm chưa qua xử lý gây ô nhiễm suối Ea Súp; chi phí củi và nước ngày càng tăng. Cần đánh giá sản xuất sạch hơn để tìm giải pháp tiết kiệm và giảm thải."
	app.Project.Assessment = Assessment{Kind: "rapid", Consultant: "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp Đắk Lắk", Date: Date{2026, 11, 20}, Report: "Báo cáo số 27/BC-TTKC", Findings: "Ba dòng thải chính: nước giặt xả sau nhuộm (70%), khói bếp củi, bã lá nhuộm. Tiềm năng tiết kiệm 35% nước và 40% củi."}
	app.Project.Indicators = []Indicator{
		{Name: "Nước sạch", Unit: "m³/100 m² vải", Baseline: 450, Target: 290},
		{Name: "Củi đốt", Unit: "kg/100 m² vải", Baseline: 18_000, Target: 10_800},
		{Name: "Điện năng", Unit: "kWh/100 m² vải", Baseline: 1_250, Target: 1_075},
		{Name: "Chất thải rắn (bã lá nhuộm)", Unit: "kg/100 m² vải", Baseline: 2_500, Target: 1_500},
	}
	app.Project.Solutions = []Solution{
		{Name: "Thay bếp củi hở bằng bếp đun cải tiến có ống khói", Investment: 48_600_000, Savings: "Giảm 40% củi, giảm khói"},
		{Name: "Bể lắng lọc và tuần hoàn nước giặt xả", Investment: 96_250_000, Savings: "Giảm 35% nước, nước thải đạt QCVN"},
		{Name: "Ủ bã lá nhuộm làm phân hữu cơ", Investment: 15_000_000, Savings: "Giảm 40% chất thải rắn"},
	}
	app.Project.Objectives = "Giảm 35% lượng nước, 40% củi đốt, 14% điện năng trên mỗi 100 m² vải; nước thải đạt quy chuẩn trước khi ra suối."
	app.Project.Scale = "Đánh giá nhanh sản xuất sạch hơn toàn bộ khâu nhuộm, giặt; lập kế hoạch thực hiện 03 giải pháp ưu tiên."
	app.Project.Effects = "Tiết kiệm khoảng 85 triệu đồng/năm chi phí nhiên liệu và nước; cải thiện môi trường buôn làng; giữ gìn nghề dệt truyền thống của đồng bào Ê Đê."
	app.Budget.Lines = []BudgetLine{
		{CostType: "consultancy", Description: "Tư vấn đánh giá nhanh sản xuất sạch hơn", Unit: "gói", Quantity: QuantityOf(1), UnitPrice: 68_500_000},
		{CostType: "equipment", Description: "Bếp đun cải tiến có ống khói", Unit: "cái", Quantity: QuantityOf(3), UnitPrice: 16_200_000},
		{CostType: "training", Description: "Tập huấn sản xuất sạch hơn cho thành viên HTX", Unit: "lớp", Quantity: QuantityOf(1), UnitPrice: 9_875_000},
	}
	app.Attachments = []Attachment{
		{ID: "registration", Paper: true},
		{ID: "assessment-report", Paper: true},
		{ID: "consumption-records", Paper: true},
		{ID: "quotations", Paper: true},
		{ID: "financial", Paper: true},
	}
	return app
}

func sampleTradeFair() *Application {
	app := &Application{Programme: TradeFair}
	app.Enterprise = sampleEnterprise(
		"Công ty Cổ phần Gốm sứ Mỹ nghệ Lái Thiêu Xưa", "Gốm Lái Thiêu Xưa", "GLT", "3709876547", KindEnterprise,
		Address{Street: "Số 27 Đường Phan Đình Phùng", Commune: "Phường Lái Thiêu", Province: "79"},
		Person{Name: "Trần Quốc Khải", Title: "Tổng giám đốc", IDNumber: "074083009876", Gender: GenderMale},
	)
	app.Enterprise.FormerAddress = "Số 27 Phan Đình Phùng, Phường Lái Thiêu, Thành phố Thuận An, Tỉnh Bình Dương"
	app.Enterprise.Industry = "dd"
	app.Enterprise.MainProducts = "Gốm sứ mỹ nghệ men lam, bình hoa, chén đĩa vẽ tay; xuất khẩu sang Nhật Bản và châu Âu."
	sampleCommon(app)
	app.Signer.Title = "Tổng giám đốc"
	app.Project.Title = "Hỗ trợ tham gia Hội chợ Quốc tế Hàng thủ công mỹ nghệ, quà tặng và trang trí nội thất Việt Nam năm 2027"
	app.Project.Location = "Trung tâm Hội chợ và Triển lãm Sài Gòn (SECC), Phường Tân Mỹ, Thành phố Hồ Chí Minh"
	app.Project.Scope = "domestic"
	app.Project.StartDate, app.Project.EndDate = Date{2027, 3, 1}, Date{2027, 5, 31}
	app.Project.Schedule = []Task{
		{Name: "Đăng ký gian hàng, chọn mẫu và chuẩn bị sản phẩm trưng bày", Start: Date{2027, 3, 1}, End: Date{2027, 4, 10}, Responsible: "Phòng kinh doanh"},
		{Name: "Dàn dựng gian hàng, vận chuyển hàng, tham gia hội chợ", Start: Date{2027, 4, 11}, End: Date{2027, 4, 17}, Responsible: "Ban giám đốc, phòng kinh doanh"},
		{Name: "Làm việc với khách hàng, báo cáo kết quả và quyết toán", Start: Date{2027, 4, 18}, End: Date{2027, 5, 31}, Responsible: "Cơ sở phối hợp Trung tâm Khuyến công"},
	}
	app.Project.Organisation = "Tổng giám đốc chịu trách nhiệm chung; phòng kinh doanh chuẩn bị sản phẩm, trực gian hàng và làm việc với khách hàng; kế toán theo dõi, thanh quyết toán kinh phí theo đúng quy định."
	app.Project.CurrentProduction = "Doanh nghiệp có 38 lao động, sản xuất khoảng 120.000 sản phẩm gốm/năm; 60% xuất khẩu qua trung gian."
	app.Project.Problem = "Cần tiếp cận trực tiếp nhà nhập khẩu để giảm phụ thuộc trung gian, giới thiệu dòng gốm men lam phục dựng."
	app.Project.Fair = Fair{Name: "Hội chợ Quốc tế Hàng thủ công mỹ nghệ, quà tặng và trang trí nội thất Việt Nam (Lifestyle Vietnam 2027)", Organiser: "Hiệp hội Xuất khẩu Hàng thủ công mỹ nghệ Việt Nam", Place: "SECC, Thành phố Hồ Chí Minh", Country: "Việt Nam", Start: Date{2027, 4, 14}, End: Date{2027, 4, 17}, Booths: 2, BoothArea: 1800}
	app.Project.Travellers = []Person{{Name: "Trần Quốc Khải", Title: "Tổng giám đốc"}, {Name: "Lê Thị Ánh Tuyết", Title: "Trưởng phòng kinh doanh"}}
	app.Project.Products = []Product{
		{Name: "Bình hoa men lam vẽ tay \"Sen hồ\"", Description: "Cao 45 cm, men lam truyền thống"},
		{Name: "Bộ ấm chén gốm Lái Thiêu", Description: "Bộ 6 chén, họa tiết gà trống"},
	}
	app.Project.Selection = ProductSelection{Enter: true, Level: "tinh", ProductName: "Bình hoa men lam vẽ tay \"Sen hồ\"", Group: "1",
		Description: "Đất sét trắng Bình Dương, tạo hình bằng bàn xoay, vẽ tay men lam, nung 1.250 °C; mỗi sản phẩm là độc bản có chữ ký nghệ nhân.",
		Market:      "Bán tại showroom và xuất khẩu sang Nhật Bản; doanh thu dòng sản phẩm năm 2026 đạt 2,1 tỷ đồng.", Certificates: "Sản phẩm CNNT tiêu biểu cấp xã năm 2026"}
	app.Project.Objectives = "Ký ít nhất 03 hợp đồng xuất khẩu mới; giới thiệu 40 mẫu gốm men lam; tăng 20% doanh thu xuất khẩu trực tiếp."
	app.Project.Scale = "02 gian hàng tiêu chuẩn (18 m²), trưng bày 120 sản phẩm thuộc 40 mẫu."
	app.Project.Effects = "Mở rộng thị trường, quảng bá thương hiệu gốm Lái Thiêu, tạo việc làm ổn định cho nghệ nhân địa phương."
	app.Budget.Lines = []BudgetLine{
		{CostType: "booth-rent", Description: "Thuê gian hàng tiêu chuẩn 9 m²", Unit: "gian", Quantity: QuantityOf(2), UnitPrice: 26_400_000},
		{CostType: "booth-build", Description: "Thiết kế, dàn dựng, trang trí gian hàng", Unit: "gian", Quantity: QuantityOf(2), UnitPrice: 14_850_000},
		{CostType: "transport", Description: "Vận chuyển hàng trưng bày", Unit: "chuyến", Quantity: QuantityOf(2), UnitPrice: 3_500_000},
		{CostType: "accommodation", Description: "Ăn ở, công tác phí", Unit: "người", Quantity: QuantityOf(2), UnitPrice: 2_100_000},
	}
	app.Attachments = []Attachment{
		{ID: "registration", Paper: true},
		{ID: "invitation", Paper: true},
		{ID: "booth-quotation", Paper: true},
		{ID: "product-photos", Paper: true},
		{ID: "lower-level-certificate", Paper: true, Note: "Giấy chứng nhận sản phẩm CNNT tiêu biểu cấp xã năm 2026"},
		{ID: "financial", Paper: true},
	}
	return app
}
