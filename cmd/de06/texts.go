package main

import "github.com/caongoc/de06/report"

// Every text of the command that a person reads, in one place, so that the
// wording can be reviewed together.

const usageMain = `de06 — báo cáo tiến độ các mô hình Đề án 06 của xã

Cách dùng:
  de06 <lệnh> [tùy chọn] [tệp hoặc thư mục …]

Các lệnh:
  plan       xem, xuất (JSON, Excel) kế hoạch: nhóm, mô hình, đơn vị, thời hạn
  template   tạo tệp Excel mẫu báo cáo cho từng đơn vị (đã điền sẵn, có khóa)
  check      kiểm tra các tệp báo cáo đơn vị gửi về, chỉ ra lỗi theo tệp, trang, ô
  merge      tổng hợp các tệp báo cáo thành bảng tổng hợp Excel và báo cáo PDF
  rollup     cấp tỉnh: tổng hợp bảng tổng hợp của các xã thành bảng và báo cáo
  serve      mở bàn làm việc trên trình duyệt: đơn vị gửi báo cáo qua đường dẫn
             riêng, cán bộ theo dõi, nhắc, tổng hợp (xem thử: de06 serve --demo)
  passwd     đặt mật khẩu cho cán bộ tổng hợp
  links      in đường dẫn riêng của từng đơn vị (--renew: cấp lại)
  backup     sao lưu dữ liệu của bàn làm việc
  version    in phiên bản chương trình

Xem hướng dẫn từng lệnh: de06 <lệnh> --help

Ví dụ:
  de06 template -o mau-bao-cao
  de06 check bao-cao-don-vi/
  de06 merge bao-cao-don-vi/ -o bao-cao

MÃ THOÁT (EXIT STATUS)
  0  không có lỗi (có thể có cảnh báo)
  1  dữ liệu đầu vào có lỗi
  2  dùng sai lệnh, không đọc được kế hoạch hoặc không ghi được tệp kết quả
`

const usagePlan = `de06 plan — xem và xuất kế hoạch

Cách dùng:
  de06 plan [--plan TỆP] [--format text|json] [--export TỆP.xlsx [--force]]

Tùy chọn:
  --plan TỆP        đọc kế hoạch từ tệp JSON hoặc Excel (mặc định: kế hoạch
                    39/KH-UBND của UBND xã Cao Ngọc có sẵn trong chương trình)
  --format DẠNG     text (bảng dễ đọc, mặc định) hoặc json (toàn bộ kế hoạch)
  --export TỆP      ghi kế hoạch ra tệp Excel để sửa (xã khác dùng lại)
  --force           ghi đè tệp --export đã có
  -h, --help        xem hướng dẫn này

Ví dụ:
  de06 plan
  de06 plan --format json > ke-hoach.json
  de06 plan --export ke-hoach.xlsx       (sửa trong Excel, rồi:)
  de06 plan --plan ke-hoach.xlsx

MÃ THOÁT (EXIT STATUS)
  0  thành công
  2  dùng sai lệnh, tệp kế hoạch có lỗi hoặc không ghi được tệp
`

const usageTemplate = `de06 template — tạo tệp Excel mẫu báo cáo cho từng đơn vị

Cách dùng:
  de06 template [--plan TỆP] [--period KỲ] [--unit TÊN]... [--previous TỆP.xlsx]
                [-o THƯ-MỤC] [--force]

Mỗi đơn vị nhận một tệp <mã-đơn-vị>-<kỳ>.xlsx đã điền sẵn các mô hình đơn
vị phải báo cáo; đơn vị chỉ điền các ô màu vàng rồi gửi lại nơi tổng hợp.

Tùy chọn:
  --plan TỆP        kế hoạch (JSON hoặc Excel); mặc định: kế hoạch có sẵn
  --period KỲ       2026-W48 (tuần) hoặc 2026-11 (tháng); mặc định: tuần hiện tại
  --unit TÊN        chỉ tạo cho đơn vị này (lặp lại được); mặc định: mọi đơn vị
  --previous TỆP    bảng tổng hợp kỳ trước (de06 merge): điền sẵn các ô vàng
                    bằng số liệu đơn vị đã báo cáo kỳ đó, chỉ cần sửa chỗ thay đổi
  -o, --output DIR  thư mục ghi tệp (mặc định: mau-bao-cao)
  --force           ghi đè tệp đã có
  -h, --help        xem hướng dẫn này

Ví dụ:
  de06 template
  de06 template --period 2026-W48 -o mau-bao-cao
  de06 template --unit "Trạm y tế" --unit tu-phap-ho-tich
  de06 template --period 2026-W49 --previous bao-cao/bao-cao-de-an-06-2026-W48.xlsx

MÃ THOÁT (EXIT STATUS)
  0  đã tạo xong
  2  dùng sai lệnh, kỳ hoặc đơn vị không hợp lệ, tệp đã có, không ghi được tệp
`

const usageCheck = `de06 check — kiểm tra tệp báo cáo của các đơn vị

Cách dùng:
  de06 check [--plan TỆP] [--period KỲ] [--format text|json] [--annotate THƯ-MỤC] ĐƯỜNG-DẪN...

ĐƯỜNG-DẪN là một tệp hoặc một thư mục (chỉ đọc các tệp ngay trong thư mục;
bỏ qua tệp ẩn và tệp khóa ~$ của Excel). Tệp gốc không bao giờ bị sửa.

Tùy chọn:
  --plan TỆP          kế hoạch (JSON hoặc Excel); mặc định: kế hoạch có sẵn
  --period KỲ         kỳ cần kiểm tra (2026-W48 hoặc 2026-11); mặc định: kỳ ghi
                      trong các tệp, nếu không có thì tuần hiện tại
  --format DẠNG       text (mặc định) hoặc json; với json, đường dẫn bản đánh
                      dấu lỗi nằm trong JSON (trường "annotated")
  --no-convert        không tự chuyển chữ gõ bằng bảng mã cũ (TCVN3, VNI)
                      sang Unicode; chỉ cảnh báo
  --annotate DIR      ghi bản sao <tên>.loi.xlsx của mỗi tệp có lỗi, tô màu ô
                      sai và ghi chú cách sửa, để gửi lại đơn vị
  -h, --help          xem hướng dẫn này

Ví dụ:
  de06 check bao-cao-don-vi/
  de06 check --period 2026-W48 tram-y-te-2026-W48.xlsx
  de06 check --annotate tra-lai bao-cao-don-vi/

MÃ THOÁT (EXIT STATUS)
  0  không có lỗi (có thể có cảnh báo)
  1  có tệp hoặc dòng bị lỗi
  2  dùng sai lệnh, không đọc được kế hoạch, không ghi được tệp
`

const usageMerge = `de06 merge — tổng hợp báo cáo các đơn vị thành báo cáo của xã

Cách dùng:
  de06 merge [--plan TỆP] [--period KỲ] [--previous TỆP.xlsx] [--strict] [-o THƯ-MỤC] ĐƯỜNG-DẪN...

Đọc và kiểm tra các tệp như lệnh check, rồi ghi vào THƯ-MỤC:
  bao-cao-de-an-06-<kỳ>.xlsx  bảng tổng hợp theo phụ lục kế hoạch, thống kê,
                              danh sách lỗi, dữ liệu cho kỳ sau
  bao-cao-de-an-06-<kỳ>.pdf   báo cáo theo thể thức Nghị định 30/2020, để ký

Tùy chọn:
  --plan TỆP          kế hoạch (JSON hoặc Excel); mặc định: kế hoạch có sẵn
  --period KỲ         2026-W48 (tuần) hoặc 2026-11 (tháng); mặc định: kỳ ghi
                      trong các tệp, nếu không có thì tuần hiện tại
  --previous TỆP      bảng tổng hợp của một kỳ trước (để so sánh tiến độ);
                      phải là kỳ trước kỳ đang tổng hợp
  --no-convert        không tự chuyển chữ gõ bằng bảng mã cũ sang Unicode
  --strict            có lỗi thì không ghi gì cả
  -o, --output DIR    thư mục ghi kết quả (mặc định: bao-cao)
  --number SỐ         số văn bản (ví dụ 5 → "Số: 05/…", ký hiệu lấy từ kế hoạch)
  --date NGÀY         ngày ký báo cáo, dạng dd/mm/yyyy (mặc định: hôm nay;
                      ký trước khi hết kỳ thì báo cáo là bản dự thảo)
  --signer TÊN        họ tên người ký
  -h, --help          xem hướng dẫn này

Ví dụ:
  de06 merge samples/tuan-48-2026 -o bao-cao
  de06 merge --period 2026-11 --previous bao-cao/bao-cao-de-an-06-2026-10.xlsx thang-11/

MÃ THOÁT (EXIT STATUS)
  0  đã tổng hợp, không có lỗi (có thể có cảnh báo)
  1  có tệp hoặc dòng bị lỗi (vẫn ghi kết quả, trừ khi có --strict)
  2  dùng sai lệnh, không đọc được kế hoạch, không ghi được tệp kết quả
`

const usageRollup = `de06 rollup — cấp trên xã: tổng hợp bảng tổng hợp của các xã, phường

Cách dùng:
  de06 rollup [--plan TỆP] [--period KỲ] [--communes TỆP] [-o THƯ-MỤC]
              [--number SỐ --date NGÀY --signer TÊN] ĐƯỜNG-DẪN...

Đọc bảng tổng hợp bao-cao-de-an-06-<kỳ>.xlsx mà các xã gửi lên (do de06 merge ghi
ra, kể cả đã mở và lưu lại bằng Excel, LibreOffice), nhận ra từng xã theo chính
tệp, kiểm tra (sai kỳ, không phải bảng tổng hợp, tệp hỏng, một xã gửi hai tệp),
rồi ghi vào THƯ-MỤC:
  tong-hop-cac-xa-<kỳ>.xlsx   từng xã, từng mô hình, xã chưa gửi, danh sách lỗi,
                              dữ liệu xã × mô hình
  tong-hop-cac-xa-<kỳ>.pdf    báo cáo theo thể thức Nghị định 30/2020, có phụ lục
                              các xã và các mô hình, để ký

Tùy chọn:
  --plan TỆP          kế hoạch của tỉnh (JSON hoặc Excel, như kế hoạch của xã:
                      đơn vị là các xã, mô hình đánh số theo danh mục của tỉnh);
                      thiếu thì phần đầu báo cáo để trống để ghi tay
  --communes TỆP      danh sách xã của tỉnh (.txt hoặc .xlsx, mỗi dòng một xã)
                      để biết xã nào chưa gửi; mặc định: các xã trong --plan
  --period KỲ         2026-W48 (tuần) hoặc 2026-11 (tháng); mặc định: kỳ ghi
                      trong các tệp, nếu không có thì tuần hiện tại
  -o, --output DIR    thư mục ghi kết quả (mặc định: bao-cao-tinh)
  --number SỐ         số văn bản (ví dụ 12 → "Số: 12/…", ký hiệu lấy từ kế hoạch)
  --date NGÀY         ngày ký báo cáo, dạng dd/mm/yyyy (mặc định: hôm nay;
                      ký trước khi hết kỳ thì báo cáo là bản dự thảo)
  --signer TÊN        họ tên người ký
  -h, --help          xem hướng dẫn này

Ví dụ:
  de06 rollup samples/tinh -o bao-cao-tinh --communes samples/tinh/xa.txt
  de06 rollup --plan samples/ke-hoach-tinh.json --number 12 bao-cao-cac-xa/

MÃ THOÁT (EXIT STATUS)
  0  đã tổng hợp, không có lỗi (có thể có cảnh báo)
  1  có tệp bị loại (sai kỳ, không phải bảng tổng hợp, tệp hỏng, không rõ xã);
     vẫn ghi kết quả từ các tệp còn lại
  2  dùng sai lệnh, không đọc được kế hoạch hay danh sách xã, không ghi được
     tệp kết quả
`

const usageVersion = `de06 version — in phiên bản chương trình

Cách dùng:
  de06 version

MÃ THOÁT (EXIT STATUS)
  0  luôn luôn
`

const (
	msgUnknownCommand = "de06: không có lệnh %q. Xem các lệnh: de06 --help\n"
	msgUsage          = "de06 %s: %s\nXem hướng dẫn: de06 %s --help\n"
	msgError          = "de06 %s: %v\n"
	msgExtraArgs      = "không cần tham số %q"
	msgBadFormat      = "--format chỉ nhận text hoặc json, không nhận %q"
	msgWrote          = "Đã ghi %s\n"
	msgPlanLoadExt    = "không đọc được kế hoạch %s: chỉ nhận tệp .json hoặc .xlsx"

	// command-line flags
	msgFlagUnknown    = "không có tùy chọn %s"
	msgFlagNeedsValue = "tùy chọn %s cần một giá trị"
	msgFlagInvalid    = "giá trị %q của %s không hợp lệ: cần %s"
	msgFlagSyntax     = "tùy chọn viết sai: %q"
	msgFlagOther      = "tùy chọn không hợp lệ"
	msgKindNumber     = "một số nguyên, ví dụ 5"
	msgKindBool       = "true hoặc false"
	msgKindText       = "một chuỗi chữ"

	// files
	msgCannotRead  = "không đọc được %s: %s"
	msgCannotWrite = "không ghi được %s: %s"
	msgStdout      = "(đầu ra chuẩn)"
	msgBusy        = "một lần chạy de06 khác đang ghi vào thư mục %s; chờ lần đó xong rồi chạy lại"
	msgOutputInput = "tệp kết quả %s chính là tệp đầu vào %s; chọn thư mục khác bằng -o"
	msgOutputTwice = "hai tệp kết quả trùng nhau: %s"
	msgExists      = "tệp %s đã có; dùng --force để ghi đè, hoặc chọn tên khác"

	// plan text view
	msgPlanTitle   = "%s — %s (%s)\n"
	msgPlanGroup   = "\n%s. %s\n"
	msgPlanUnits   = "\nĐơn vị báo cáo (%d): %s\n"
	msgColNumber   = "Số"
	msgColTitle    = "Mô hình"
	msgColLead     = "Chủ trì"
	msgColDeadline = "Thời hạn"
)

// template
const (
	msgTemplateExists    = "tệp %s đã có. Dùng --force để ghi đè, hoặc chọn thư mục khác bằng -o."
	msgTemplateWrote     = "Đã ghi %s (%s, %d mô hình)\n"
	msgSlipsWrote        = "Đã ghi %s (%d phiếu đường dẫn, in rồi cắt theo đường chấm)\n"
	msgTemplatePrefilled = "  điền sẵn %d mô hình theo báo cáo %s\n"
	msgTemplateDone      = "Đã tạo %d tệp mẫu báo cáo cho %s trong thư mục %s.\n"
	msgUnknownUnit       = "không có đơn vị %q. Các đơn vị báo cáo (gần đúng nhất trước):\n%s"
	msgUnitNoReport      = "đơn vị %q không phải gửi báo cáo (chỉ phối hợp). Các đơn vị báo cáo:\n%s"
)

// check and merge
const (
	msgNoFiles          = "không có tệp Excel nào trong %s"
	msgNoMatch          = "không có tệp nào khớp với %s (kiểm tra tên thư mục và phần mở rộng, ví dụ *.xlsx)"
	msgBadPattern       = "mẫu tên tệp %s không hợp lệ (kiểm tra các dấu [ ])"
	msgNeedPaths        = "cần ít nhất một tệp hoặc thư mục"
	msgSkipped          = "Bỏ qua %d tệp không phải bảng tính: %s\n"
	msgCheckPeriod      = "Kiểm tra báo cáo %s\n\n"
	msgFileLine         = "%s (%s): %s, %d dòng được nhận, %d lỗi, %d cảnh báo\n"
	msgFileNotUsed      = "%s (%s): không dùng (đã dùng tệp %s của cùng đơn vị), %d lỗi, %d cảnh báo\n"
	msgUnitUnknownShort = "chưa rõ đơn vị"
	msgAccepted         = "được nhận"
	msgRejected         = "BỊ LOẠI"
	msgTagError         = "[LỖI]"
	msgTagWarning       = "[cảnh báo]"
	msgSummary          = "\nTổng cộng: %s, %d bị loại; %d lỗi, %d cảnh báo.\n"
	msgSummaryUsed      = "%d tệp, %d được nhận"
	msgSummaryNotUsed   = ", %d không dùng (trùng đơn vị)"
	msgAnnotated        = "Đã ghi bản đánh dấu lỗi %s\n"
)

// merge
const (
	msgStrict          = "có %d lỗi; với --strict không ghi kết quả nào. Sửa các tệp trên rồi chạy lại."
	msgMergeSummary    = "\nĐơn vị đã báo cáo: %d/%d. Mô hình: %d đã hoàn thành, %d thực hiện thường xuyên, %d đang triển khai, %d chưa triển khai, %d chưa có số liệu; %d quá hạn.\n"
	msgComparedWith    = "So sánh với %s.\n"
	msgDraft           = "Báo cáo PDF in chữ DỰ THẢO vì:%s\n"
	msgDraftFix        = "Cách sửa: de06 plan --export ke-hoach.xlsx (thêm --plan nếu đang dùng kế hoạch khác), sửa trang \"Thông tin chung\", ghi \"Có\" ở dòng xác nhận, rồi chạy lại với --plan ke-hoach.xlsx; họ tên người ký: --signer; ngày ký, khi đã hết kỳ: --date.\n"
	msgMergeFindings   = "\nKhi tổng hợp (%d):\n"
	msgChecksSheet     = "Trang Kiểm tra của bảng tổng hợp: %d lỗi, %d cảnh báo.\n"
	msgRollupSummary   = "\nXã đã gửi: %s. Lượt mô hình: %d (%d đã hoàn thành, %d thực hiện thường xuyên, %d đang triển khai, %d chưa triển khai, %d chưa có số liệu); %d lượt quá hạn ở %d xã.\n"
	msgCommunesExt     = "không đọc được danh sách xã %s: chỉ nhận tệp .txt, .csv hoặc .xlsx (mỗi dòng một xã)"
	msgCommunesEmpty   = "danh sách xã %s không có tên xã nào (mỗi dòng một xã)"
	msgRollupPlanLevel = "kế hoạch %s là kế hoạch cấp %s: de06 rollup cần kế hoạch của tỉnh, có các xã là đơn vị báo cáo (dòng \"Cấp của kế hoạch\" của trang Thông tin chung ghi Tỉnh; trong JSON \"level\": \"province\")"
	msgCommuneNumber   = "số %s"
	msgCommuneDate     = "ngày %s"
	msgRollupNothing   = "chưa có bảng tổng hợp nào của xã dùng được cho kỳ này: không lập báo cáo từ không có số liệu; sửa các tệp bị loại hoặc đợi các xã gửi"
	msgBadDate         = "--date %q không đúng dạng ngày/tháng/năm (ví dụ 25/11/2026)"
	msgBadNumber       = "--number phải là số dương, không phải %d"
)

const usageServe = `de06 serve — bàn làm việc trên trình duyệt

Cách dùng:
  de06 serve [--data THƯ-MỤC] [--addr ĐỊA-CHỈ:CỔNG] [--lan] [--plan TỆP]
             [--demo] [--open] [--public-url https://TÊN]
             [--tls-cert TỆP --tls-key TỆP | --domain TÊN] [--behind-proxy]
             [--host TÊN]...

Mở bàn làm việc tại http://127.0.0.1:8606. Đơn vị gửi báo cáo qua đường dẫn
riêng (de06 links), cán bộ đăng nhập để theo dõi, nhắc, tổng hợp. Mọi tệp,
kết quả kiểm tra, báo cáo tổng hợp được lưu trong THƯ-MỤC.

Ba cách chạy:
  1. Chỉ máy này (mặc định): đơn vị gửi tệp qua Zalo, cán bộ nộp thay.
  2. Mạng của xã: --lan, hoặc bật "chia sẻ" trên bàn làm việc (được nhớ cho
     lần mở sau). Máy, điện thoại nối mạng của trụ sở xã mở được đường dẫn.
  3. Máy chủ có tên và HTTPS: điện thoại ở bất cứ đâu (4G) mở được. Cần một
     máy chạy thường xuyên, một tên miền trỏ về máy đó và cổng 443 mở:
       de06 serve --domain baocao.xa.gov.vn          (tự xin chứng chỉ)
       de06 serve --tls-cert c.pem --tls-key k.pem --addr :443
                  --public-url https://TÊN                (chứng chỉ có sẵn)
       de06 serve --addr 127.0.0.1:8606 --behind-proxy --public-url https://TÊN
                  (sau một máy chủ trung gian như nginx, Caddy)

Tùy chọn:
  --data DIR         thư mục dữ liệu (mặc định: du-lieu-de06)
  --addr A:P         địa chỉ và cổng (mặc định: 127.0.0.1:8606;
                     với --domain: :443)
  --lan              cho các máy trong mạng của xã truy cập (in các địa chỉ)
  --public-url URL   địa chỉ đặt trong mọi đường dẫn và phiếu của đơn vị (còn
                     viết là --url), ví dụ https://baocao.xa.gov.vn
  --tls-cert TỆP     chứng chỉ HTTPS (PEM), cùng với --tls-key TỆP (khóa)
  --domain TÊN       tự xin và gia hạn chứng chỉ Let's Encrypt cho TÊN (lưu
                     trong THƯ-MỤC/chung-chi); cần cổng 443 mở ra Internet
  --behind-proxy     chạy sau máy chủ trung gian trên chính máy này: địa chỉ
                     người dùng lấy từ X-Forwarded-For (chỉ dùng khi
                     đúng như vậy)
  --plan TỆP         kế hoạch (JSON hoặc Excel); mặc định: kế hoạch có sẵn
  --demo             xem thử: dữ liệu tạm, nạp sẵn tuần mẫu, in mật khẩu và
                     đường dẫn của các đơn vị
  --open             mở trình duyệt tại bàn làm việc (khi bấm đúp de06.exe,
                     chương trình tự làm việc này)
  --host TÊN         tên miền hoặc địa chỉ khác mà bàn làm việc trả lời (có
                     thể lặp lại); yêu cầu tới tên khác bị từ chối
  -h, --help         xem hướng dẫn này

Với HTTPS, kết nối http:// đến cùng cổng được chuyển sang https://.
Lỗi bên trong chương trình được ghi vào nhat-ky-loi.log trong THƯ-MỤC, với
mã lỗi mà người gặp lỗi được báo.
Dừng: bấm Ctrl+C.

MÃ THOÁT (EXIT STATUS)
  0  đã dừng bình thường
  2  không mở được cổng, thư mục dữ liệu, chứng chỉ hoặc kế hoạch
`

const usagePasswd = `de06 passwd — đặt mật khẩu cho cán bộ tổng hợp

Cách dùng:
  de06 passwd [--data THƯ-MỤC]

Đọc mật khẩu (ít nhất 8 ký tự) từ dòng nhập. Mọi phiên đăng nhập đang mở
đều kết thúc: ai đã đăng nhập phải đăng nhập lại bằng mật khẩu mới.

MÃ THOÁT (EXIT STATUS)
  0  đã đặt
  2  mật khẩu quá ngắn hoặc không ghi được dữ liệu
`

const usageLinks = `de06 links — đường dẫn riêng của từng đơn vị

Cách dùng:
  de06 links [--data THƯ-MỤC] [--unit TÊN]... [--renew] [--rotate]
             [--url http://ĐỊA-CHỈ:CỔNG] [--pdf TỆP.pdf [--force]]

In mỗi dòng: mã đơn vị, tên đơn vị, đường dẫn. --renew cấp đường dẫn mới
(đường dẫn cũ thôi dùng được), cho các đơn vị --unit hoặc cho tất cả.
--rotate đổi khóa bí mật mà mọi đường dẫn được tạo từ đó: mọi đường dẫn
cũ thôi dùng được và tất cả được cấp lại (khi nghi khóa bị lộ, ví dụ mất
một bản sao lưu có --with-secret); khởi động lại bàn làm việc sau đó.
--pdf ghi thêm một tệp để in: mỗi đơn vị một phiếu có mã QR và cách gửi
báo cáo (ba phiếu một trang A4, cắt theo đường chấm).
Địa chỉ trong đường dẫn là địa chỉ bàn làm việc (đang chạy hoặc chạy lần
sau cùng trên cùng thư mục dữ liệu) ghi lại: địa chỉ mạng của xã khi chia
sẻ, địa chỉ công khai của máy chủ. --url đặt địa chỉ khác. Dòng cuối (trên
đầu ra lỗi) nói đường dẫn mở được ở đâu.

Ví dụ:
  de06 links
  de06 links --url http://192.168.1.10:8606 --pdf phieu-duong-dan.pdf
  de06 links --renew --unit "Trạm y tế"

MÃ THOÁT (EXIT STATUS)
  0  đã in
  2  dùng sai lệnh hoặc không đọc được dữ liệu
`

const usageBackup = `de06 backup — sao lưu dữ liệu của bàn làm việc

Cách dùng:
  de06 backup [--data THƯ-MỤC] [--with-secret] TỆP-SAO-LƯU

Ghi một bản sao nhất quán (kể cả khi bàn làm việc đang chạy), chỉ người
dùng hiện tại đọc được. Bản sao không chứa khóa bí mật của các đường dẫn,
nên ai lấy được nó cũng không tạo được đường dẫn gửi báo cáo; khi khôi
phục, các đơn vị cần được cấp đường dẫn mới (de06 links --renew).
--with-secret chép cả khóa vào bản sao, để khôi phục mà đường dẫn cũ vẫn
dùng được: giữ bản sao đó cẩn thận như mật khẩu.

MÃ THOÁT (EXIT STATUS)
  0  đã ghi
  2  tệp đã có hoặc không ghi được
`

// serve, passwd, links, backup
const (
	msgListen        = "không mở được %s: có thể chương trình khác (hoặc một cửa sổ de06 khác) đang dùng cổng này"
	msgServing       = "Bàn làm việc: %s\nDữ liệu lưu tại: %s\n"
	msgServingLAN    = "Các máy trong mạng của xã mở: %s\n"
	msgLaunch        = "de06 %s — bàn làm việc báo cáo Đề án 06\nĐang mở trình duyệt…\n"
	msgCrashed       = "de06 gặp lỗi bên trong và phải dừng. Xin gửi tệp %s cho người quản trị.\n"
	msgPressEnter    = "\nBấm Enter để đóng cửa sổ này.\n"
	msgBrowserFailed = "Không tự mở được trình duyệt; hãy mở trình duyệt và gõ địa chỉ trên.\n"
	msgDevBuild      = "bản đang phát triển"
	msgKeepOpen      = "Đừng đóng cửa sổ này khi đang làm việc. Dừng: bấm Ctrl+C.\n"
	msgDemo          = "Xem thử: mật khẩu cán bộ là %s; đã nạp %s kỳ %s. Đường dẫn của %s:\n"
	msgDemoWeek      = "báo cáo mẫu của các đơn vị"
	msgDemoCommunes  = "bảng tổng hợp mẫu của các xã"
	msgDemoData      = "--demo dùng một thư mục tạm và xóa nó khi dừng, nên không đi cùng --data: bỏ --data để xem thử, hoặc bỏ --demo để chạy bàn làm việc với dữ liệu trong %s"
	msgNoSamples     = "không tìm thấy thư mục mẫu %s để xem thử (đã tìm ở: %s). Chạy de06 serve --demo trong thư mục mã nguồn de06, hoặc để thư mục samples của bản phát hành nằm cạnh de06 (như khi giải nén tệp zip)"
	msgAskPassword   = "Mật khẩu mới (ít nhất 8 ký tự): "
	msgPasswordShort = "mật khẩu cần ít nhất 8 ký tự"
	msgPasswordSet   = "Đã đặt mật khẩu; mọi phiên đăng nhập cũ đã kết thúc.\n"
	msgRotated       = "Đã đổi khóa bí mật: mọi đường dẫn cũ thôi dùng được; đường dẫn mới ở dưới. Nếu bàn làm việc đang chạy, hãy khởi động lại.\n"
	msgDemoNoSamples = "Không đọc được tuần mẫu: %s\n"
	msgStdin         = "(dòng nhập)"
	msgBackupTarget  = "cần đúng một tệp sao lưu, ví dụ: de06 backup sao-luu.sqlite"
	msgLinksBase     = "Đường dẫn của %s dùng địa chỉ %s (%s).\n"
	msgLinksReach    = "Các đường dẫn trên dùng địa chỉ %s: %s.\n"
	msgLinksLocal    = "Chú ý: điện thoại, máy tính của các đơn vị không mở được các đường dẫn này. Bật chia sẻ trong mạng của xã trên bàn làm việc (trang Đường dẫn, chia sẻ) hoặc chạy de06 serve --lan, rồi chạy lại lệnh này.\n"
	msgLinksFrom     = "(địa chỉ do bàn làm việc ghi lại khi chạy lần sau cùng; đổi bằng --url)\n"

	// hosting
	msgTwoURLs       = "--url và --public-url là một; chỉ ghi một địa chỉ"
	msgBadPublicURL  = "địa chỉ %q không dùng được cho đường dẫn: cần dạng https://TÊN-MÁY-CHỦ hoặc http://ĐỊA-CHỈ:CỔNG, không có gì sau tên máy"
	msgCertPair      = "--tls-cert và --tls-key đi cùng nhau: tệp chứng chỉ và tệp khóa của nó"
	msgDomainOrCert  = "chỉ dùng một cách: --domain (tự xin chứng chỉ) hoặc --tls-cert và --tls-key (chứng chỉ có sẵn)"
	msgBadDomain     = "--domain cần một tên miền, ví dụ baocao.caongoc.gov.vn, không phải %q"
	msgProxyNeedsURL = "--behind-proxy cần --public-url: địa chỉ https mà máy chủ trung gian nhận cho bàn làm việc"
	msgBadCert       = "không dùng được chứng chỉ %s với khóa %s: tệp không phải chứng chỉ, khóa dạng PEM, hoặc khóa không khớp chứng chỉ"
	msgUseHTTPS      = "Bàn làm việc chỉ nhận kết nối an toàn (https); trình duyệt sẽ tự chuyển sang địa chỉ https."
)

// consoleHints say, on the console only, which option fixes a finding:
// the findings' own words are also read by units and officials in the
// workbooks and on the desk, who never use the command line.
var consoleHints = map[report.Code]string{
	report.PeriodMismatch:       "(dòng lệnh: kiểm tra --period)",
	report.DocumentDate:         "(dòng lệnh: --date)",
	report.DocumentDistrict:     "(dòng lệnh: de06 plan --export, sửa, rồi dùng --plan)",
	report.DocumentUnconfirmed:  "(dòng lệnh: de06 plan --export, sửa, rồi dùng --plan)",
	report.DocumentBlankHeader:  "(dòng lệnh: --plan, xem samples/ke-hoach-tinh.json)",
	report.UnitUnknown:          "(dòng lệnh: kiểm tra --communes, --plan)",
	report.PreviousNotPreceding: "(dòng lệnh: --previous)",
}
