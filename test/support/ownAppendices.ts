/**
 * Three appendices a province might publish for 2026, written for these tests in wording unlike the
 * seeds and the built-in catalog: a commune (UBND xã) one in national numbering, a department (sở) one
 * in Roman numbering with "- "/"+ " items, and a ward/special-zone one with four-level numbering and
 * "gồm:" lists. Each row carries the truth a careful officer knows, in a trailing annotation:
 *   S G C P K M T   kind (section, group, count, percent, coded, money, text)
 *   #key            the row's name for the other annotations
 *   <key            is a subset of row `key` (≤), without using up its total
 *   +key            is one of the items that share out row `key` (Σ items ≤ key)
 *   =num/den        a rate: 100 × num / den
 *   !a,b            a coded "Không = 0, Có = 1" question whose details are rows a, b
 *   ~id             wording of the catalog: the built-in indicator ID must be reused
 */

export interface TruthRow {
  stt: string;
  label: string;
  unit: string;
  kind: "section" | "group" | "count" | "percent" | "coded" | "money" | "text";
  key?: string;
  subsetOf: string[];
  itemOf?: string;
  rate?: { num: string; den: string };
  details?: string[];
  catalogId?: string;
}

export interface Appendix {
  name: string;
  unitType: string;
  unitTypeLabel: string;
  sheetName: string;
  rows: TruthRow[];
}

const KINDS: Record<string, TruthRow["kind"]> = { S: "section", G: "group", C: "count", P: "percent", K: "coded", M: "money", T: "text" };

function parse(text: string): TruthRow[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("//"))
    .map((line) => {
      const [stt, label, unit, ann] = line.split("|").map((s) => s.trim());
      const tokens = ann.split(/\s+/);
      const row: TruthRow = { stt, label, unit, kind: KINDS[tokens[0]], subsetOf: [] };
      if (!row.kind) throw new Error(`kind missing: ${line}`);
      for (const t of tokens.slice(1)) {
        const v = t.slice(1);
        if (t[0] === "#") row.key = v;
        else if (t[0] === "<") row.subsetOf.push(v);
        else if (t[0] === "+") row.itemOf = v;
        else if (t[0] === "=") row.rate = { num: v.split("/")[0], den: v.split("/")[1] };
        else if (t[0] === "!") row.details = v.split(",");
        else if (t[0] === "~") row.catalogId = v;
        else throw new Error(`bad annotation ${t}: ${line}`);
      }
      return row;
    });
}

export const COMMUNE: Appendix = {
  name: "UBND xã (đánh số 1, 1.1, 1.1.1)",
  unitType: "cap-xa",
  unitTypeLabel: "UBND cấp xã",
  sheetName: "PL xã 2026",
  rows: parse(`
1 | KẾT QUẢ CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH | | S
1.1 | Kế hoạch CCHC năm 2026 của UBND xã | | G
1.1.1 | Số nhiệm vụ đề ra trong kế hoạch | Nhiệm vụ | C #nv_kh ~direction.plan.tasks_planned
1.1.2 | Số nhiệm vụ đã hoàn thành | Nhiệm vụ | C #nv_ht <nv_kh ~direction.plan.tasks_done
1.1.3 | Tỷ lệ nhiệm vụ đã hoàn thành so với kế hoạch | % | P =nv_ht/nv_kh
1.2 | Kiểm tra CCHC tại thôn, tổ dân phố | | G
1.2.1 | Số cuộc kiểm tra đã thực hiện | Cuộc | C
1.2.2 | Số tồn tại, hạn chế được phát hiện qua kiểm tra | Vấn đề | C #ph
1.2.3 | Số tồn tại, hạn chế đã được khắc phục, xử lý | Vấn đề | C <ph
1.3 | Số tin, bài tuyên truyền CCHC trên loa truyền thanh cơ sở và mạng xã hội | Tin, bài | C
1.4 | Xã có sáng kiến, cách làm mới về CCHC, chuyển đổi số được công nhận | Không = 0, Có = 1 | K !sk_n
 | - Số sáng kiến được công nhận | Sáng kiến | C #sk_n
2 | XÂY DỰNG VÀ TỔ CHỨC THI HÀNH PHÁP LUẬT | | S
2.1 | Số văn bản QPPL do HĐND, UBND xã ban hành | Văn bản | C #vb
2.1.1 | Số nghị quyết của HĐND xã | Văn bản | C <vb
2.1.2 | Số quyết định của UBND xã | Văn bản | C <vb
2.2 | Số văn bản QPPL được tự kiểm tra, rà soát | Văn bản | C
2.3 | Số văn bản trái pháp luật phát hiện qua rà soát | Văn bản | C #tpl
2.4 | Số văn bản trái pháp luật đã được xử lý | Văn bản | C <tpl
2.5 | Tổ chức phổ biến, giáo dục pháp luật cho người dân | Không = 0, Có = 1 | K !pb1,pb2
 | - Số buổi tuyên truyền pháp luật đã tổ chức | Buổi | C #pb1
 | - Số lượt người tham dự | Lượt người | C #pb2
3 | CẢI CÁCH THỦ TỤC HÀNH CHÍNH | | S
3.1 | Số TTHC thuộc thẩm quyền giải quyết của UBND xã | TTHC | C #tthc
3.1.1 | Số TTHC được cung cấp dịch vụ công trực tuyến toàn trình | TTHC | C #toan <tthc
3.1.2 | Số TTHC được cung cấp dịch vụ công trực tuyến một phần | TTHC | C #mot <tthc
3.2 | Tỷ lệ TTHC được cung cấp dịch vụ công trực tuyến toàn trình | % | P =toan/tthc
3.3 | Tiếp nhận, giải quyết hồ sơ TTHC | | G
3.3.1 | Tổng số hồ sơ đã tiếp nhận | Hồ sơ | C #hs
 | - Số hồ sơ từ kỳ trước chuyển sang | Hồ sơ | C +hs
 | - Số hồ sơ tiếp nhận trực tiếp tại Bộ phận Một cửa | Hồ sơ | C +hs
 | - Số hồ sơ tiếp nhận trực tuyến | Hồ sơ | C #hs_tt +hs
 | - Số hồ sơ tiếp nhận qua dịch vụ bưu chính công ích | Hồ sơ | C +hs
3.3.2 | Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến | % | P =hs_tt/hs
3.3.3 | Số hồ sơ đã giải quyết | Hồ sơ | C #gq <hs
 | - Giải quyết trước hạn và đúng hạn | Hồ sơ | C #gq_dh +gq
 | - Giải quyết quá hạn | Hồ sơ | C +gq
3.3.4 | Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn | % | P =gq_dh/gq
3.3.5 | Số hồ sơ đang giải quyết, chưa đến hạn | Hồ sơ | C
3.4 | Số hóa hồ sơ, kết quả giải quyết TTHC | | G
3.4.1 | Số hồ sơ được số hóa khi tiếp nhận | Hồ sơ | C #sh <hs
3.4.2 | Số kết quả giải quyết TTHC được số hóa | Kết quả | C
3.4.3 | Tỷ lệ hồ sơ được số hóa trên tổng số hồ sơ đã tiếp nhận | % | P =sh/hs
3.5 | Thanh toán trực tuyến | | G
3.5.1 | Số hồ sơ có nghĩa vụ tài chính | Hồ sơ | C #nvtc
3.5.2 | Số hồ sơ đã thanh toán trực tuyến | Hồ sơ | C #tttt
3.5.3 | Tỷ lệ hồ sơ thanh toán trực tuyến so với số hồ sơ có nghĩa vụ tài chính | % | P =tttt/nvtc
3.6 | Phản ánh, kiến nghị của người dân về TTHC | | G
3.6.1 | Số phản ánh, kiến nghị đã tiếp nhận | PAKN | C #pakn
3.6.2 | Số phản ánh, kiến nghị đã giải quyết xong | PAKN | C <pakn
4 | TỔ CHỨC BỘ MÁY VÀ CÔNG VỤ | | S
4.1 | Số thôn, tổ dân phố trên địa bàn | Thôn, tổ dân phố | C #thon
4.1.1 | Số thôn, tổ dân phố đã sắp xếp, sáp nhập trong năm | Thôn, tổ dân phố | C <thon
4.2 | Tổng số cán bộ, công chức cấp xã được giao | Người | C #cbcc
4.2.1 | Số cán bộ, công chức có mặt | Người | C <cbcc
4.2.2 | Số cán bộ, công chức đạt chuẩn theo quy định | Người | C <cbcc
4.3 | Số người hoạt động không chuyên trách ở thôn, tổ dân phố | Người | C
4.4 | Số lượt cán bộ, công chức được đào tạo, bồi dưỡng | Lượt người | C
4.5 | Số cán bộ, công chức bị xử lý kỷ luật | Người | C
5 | CẢI CÁCH TÀI CHÍNH CÔNG | | S
5.1 | Kế hoạch vốn đầu tư công được giao | Triệu đồng | M #kh_von
5.2 | Vốn đầu tư công đã giải ngân | Triệu đồng | M #gn <kh_von
5.3 | Tỷ lệ giải ngân vốn đầu tư công so với kế hoạch được giao | % | P =gn/kh_von
5.4 | Xã thực hiện cơ chế tự chủ kinh phí quản lý hành chính | Không = 0, Có = 1 | K
6 | CHÍNH QUYỀN SỐ, CHUYỂN ĐỔI SỐ | | S
6.1 | Số văn bản đi của UBND xã | Văn bản | C #vbd
6.1.1 | Số văn bản đi được ký số | Văn bản | C #ks <vbd
6.1.2 | Số văn bản đi gửi, nhận hoàn toàn điện tử | Văn bản | C <vbd
6.2 | Tỷ lệ văn bản đi được ký số | % | P =ks/vbd
6.3 | Khai thác Cơ sở dữ liệu quốc gia về dân cư | | G
6.3.1 | Số hồ sơ TTHC có khai thác, sử dụng dữ liệu dân cư | Hồ sơ | C
6.3.2 | Số lượt xác thực thông tin công dân qua CSDL quốc gia về dân cư | Lượt | C
6.4 | Tổ công nghệ số cộng đồng | | G
6.4.1 | Số thôn, tổ dân phố đã thành lập tổ công nghệ số cộng đồng | Thôn, tổ dân phố | C #tcn
6.4.2 | Tỷ lệ thôn, tổ dân phố có tổ công nghệ số cộng đồng trên tổng số thôn, tổ dân phố | % | P =tcn/thon
6.5 | Xã có Trang thông tin điện tử đáp ứng yêu cầu | Không = 0, Có = 1 | K
6.6 | Khó khăn, vướng mắc và kiến nghị | | T
`),
};

export const DEPARTMENT: Appendix = {
  name: "Sở (đánh số I, II với 1, 2)",
  unitType: "so-nganh",
  unitTypeLabel: "Sở, ban, ngành",
  sheetName: "Phụ lục Sở",
  rows: parse(`
I | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH | | S
1 | Thực hiện Kế hoạch CCHC năm của Sở | | G
 | Tổng số nhiệm vụ, sản phẩm trong Kế hoạch CCHC năm | Nhiệm vụ | C #nv
 | - Số nhiệm vụ đã hoàn thành đúng tiến độ | Nhiệm vụ | C #nv_dh +nv
 | - Số nhiệm vụ hoàn thành chậm so với tiến độ | Nhiệm vụ | C +nv
 | - Số nhiệm vụ chưa hoàn thành | Nhiệm vụ | C +nv
 | Tỷ lệ nhiệm vụ hoàn thành đúng tiến độ trên tổng số nhiệm vụ | % | P =nv_dh/nv
2 | Kiểm tra công tác CCHC tại các đơn vị trực thuộc | | G
 | Số đơn vị trực thuộc được kiểm tra | Đơn vị | C
 | Số tồn tại, hạn chế phát hiện qua kiểm tra | Vấn đề | C #ph
 | Số tồn tại, hạn chế đã xử lý, khắc phục xong | Vấn đề | C <ph
3 | Thông tin, tuyên truyền về CCHC | | G
 | Số tin, bài tuyên truyền CCHC trên Cổng thông tin điện tử của Sở | Tin, bài | C
 | Tổ chức hội nghị, tọa đàm, cuộc thi về CCHC | Không = 0, Có = 1 | K !hn
 | - Số hội nghị, tọa đàm, cuộc thi đã tổ chức | Cuộc | C #hn
4 | Có sáng kiến, giải pháp mới về CCHC | Không = 0, Có = 1 | K ~direction.innovation.has_initiative
II | CẢI CÁCH THỂ CHẾ | | S
1 | Số văn bản QPPL Sở chủ trì tham mưu ban hành | Văn bản | C #qppl
 | Trong đó: Số văn bản QPPL ban hành đúng thời hạn | Văn bản | C <qppl
2 | Kiểm tra, rà soát văn bản QPPL | | G
 | Số VBQPPL đã rà soát | Văn bản | C ~institution.legal_docs_review.reviewed
 | Số văn bản QPPL kiến nghị sửa đổi, bổ sung, bãi bỏ | Văn bản | C #kn
 | Số văn bản QPPL kiến nghị sửa đổi, bổ sung, bãi bỏ đã được xử lý | Văn bản | C <kn
III | CẢI CÁCH THỦ TỤC HÀNH CHÍNH | | S
1 | Số TTHC thuộc thẩm quyền giải quyết của Sở | TTHC | C #tthc
 | - TTHC cung cấp dịch vụ công trực tuyến toàn trình | TTHC | C #toan +tthc
 | - TTHC cung cấp dịch vụ công trực tuyến một phần | TTHC | C #mot +tthc
 | - TTHC chưa cung cấp dịch vụ công trực tuyến | TTHC | C +tthc
 | Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình | % | P =toan/tthc
 | Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến một phần | % | P =mot/tthc
2 | Số TTHC được rà soát, đơn giản hóa | TTHC | C
3 | Kết quả tiếp nhận, giải quyết hồ sơ TTHC | | G
 | Tổng số hồ sơ TTHC tiếp nhận trong kỳ | Hồ sơ | C #hs
 | + Tiếp nhận trực tuyến | Hồ sơ | C #hs_tt +hs
 | + Tiếp nhận trực tiếp và qua bưu chính công ích | Hồ sơ | C +hs
 | Số hồ sơ đã giải quyết | Hồ sơ | C #gq <hs
 | + Giải quyết trước hạn, đúng hạn | Hồ sơ | C #dh +gq
 | + Giải quyết quá hạn | Hồ sơ | C #qh +gq
 | Số hồ sơ quá hạn đã có văn bản xin lỗi | Hồ sơ | C
 | Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận | % | P =hs_tt/hs
 | Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn | % | P =dh/gq
4 | Số hóa hồ sơ, kết quả giải quyết TTHC | | G
 | Số hồ sơ TTHC được số hóa | Hồ sơ | C #sh <hs
 | Số kết quả giải quyết TTHC được số hóa, ký số | Kết quả | C #kq
 | Tỷ lệ kết quả giải quyết được số hóa so với số hồ sơ đã giải quyết | % | P =kq/gq
5 | Thanh toán trực tuyến | | G
 | Số hồ sơ phát sinh nghĩa vụ tài chính | Hồ sơ | C #nv_tc
 | Số hồ sơ thanh toán trực tuyến | Hồ sơ | C #tt_tt
 | Tỷ lệ thanh toán trực tuyến trên tổng số hồ sơ phát sinh nghĩa vụ tài chính | % | P =tt_tt/nv_tc
6 | Tiếp nhận, xử lý phản ánh, kiến nghị | | G
 | Số phản ánh, kiến nghị tiếp nhận | PAKN | C #pakn
 | Số phản ánh, kiến nghị đã xử lý | PAKN | C <pakn
7 | Khai thác Cơ sở dữ liệu quốc gia về dân cư | Không = 0, Có = 1 | K !dc1,dc2
 | Số TTHC đã tích hợp, khai thác dữ liệu dân cư | TTHC | C #dc1
 | Số hồ sơ có khai thác dữ liệu dân cư thay cho giấy tờ | Hồ sơ | C #dc2
IV | CẢI CÁCH TỔ CHỨC BỘ MÁY | | S
1 | Số phòng chuyên môn, chi cục và tương đương | Đơn vị | C
2 | Số đơn vị sự nghiệp công lập trực thuộc | Đơn vị | C #sn
 | Trong đó: số đơn vị tự chủ toàn bộ chi thường xuyên | Đơn vị | C <sn
3 | Biên chế công chức | | G
 | Tổng số biên chế được giao trong năm | Người | C #bc ~organisation.staff.assigned
 | Số công chức có mặt tại thời điểm báo cáo | Người | C
 | Số biên chế đã tinh giản trong kỳ báo cáo | Người | C <bc ~organisation.staff.reduced
4 | Số người làm việc trong đơn vị sự nghiệp công lập | Người | C
V | CẢI CÁCH CHẾ ĐỘ CÔNG VỤ | | S
1 | Số công chức, viên chức được tuyển dụng | Người | C #td
 | - Công chức | Người | C +td
 | - Viên chức | Người | C +td
2 | Số lượt công chức, viên chức được đào tạo, bồi dưỡng | Lượt người | C
3 | Số công chức, viên chức bị xử lý kỷ luật | Người | C
VI | CẢI CÁCH TÀI CHÍNH CÔNG | | S
1 | Kế hoạch vốn đầu tư công năm 2026 được giao | Triệu đồng | M #von
2 | Số vốn đã giải ngân đến thời điểm báo cáo | Triệu đồng | M #gn <von
3 | Tỷ lệ giải ngân kế hoạch vốn đầu tư công | % | P =gn/von
4 | Thực hiện cơ chế tự chủ tài chính tại cơ quan | Không = 0, Có = 1 | K
VII | XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ | | S
1 | Tổng số văn bản đi | Văn bản | C #vbd
 | - Văn bản đi được ký số | Văn bản | C #ks <vbd
 | - Văn bản gửi, nhận hoàn toàn trên môi trường điện tử | Văn bản | C <vbd
 | Tỷ lệ văn bản đi được ký số | % | P =ks/vbd
2 | Hệ thống báo cáo của Sở kết nối với Hệ thống thông tin báo cáo của tỉnh | Không = 0, Có = 1 | K
3 | Số cuộc họp trực tuyến đã tổ chức | Cuộc | C
4 | Kết quả khác, đề xuất, kiến nghị | | T
`),
};

export const WARD: Appendix = {
  name: "UBND phường, đặc khu (đánh số đến 4 cấp, danh sách “gồm:”)",
  unitType: "phuong-dac-khu",
  unitTypeLabel: "UBND phường, đặc khu",
  sheetName: "Biểu phường",
  rows: parse(`
1 | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH | | S
1.1 | Số nhiệm vụ CCHC được giao trong năm | Nhiệm vụ | C #nv
1.1.1 | Số nhiệm vụ đã thực hiện xong | Nhiệm vụ | C #nv_x <nv
1.1.2 | Số nhiệm vụ đang thực hiện | Nhiệm vụ | C <nv
1.2 | Tỷ lệ nhiệm vụ đã thực hiện xong trên tổng số nhiệm vụ được giao | % | P =nv_x/nv
1.3 | Khảo sát mức độ hài lòng của người dân | | G
1.3.1 | Số phiếu khảo sát thu về | Phiếu | C #phieu
1.3.2 | Số phiếu hài lòng | Phiếu | C #hl <phieu
1.3.3 | Tỷ lệ người dân hài lòng trên tổng số phiếu khảo sát thu về | % | P =hl/phieu
1.4 | Số cuộc đối thoại của Chủ tịch UBND phường với người dân | Cuộc | C
2 | THỂ CHẾ VÀ PHÁP LUẬT | | S
2.1 | Văn bản QPPL của phường | | G
2.1.1 | Số văn bản QPPL đã ban hành | Văn bản | C #vb
2.1.1.1 | Số văn bản ban hành đúng trình tự, thủ tục | Văn bản | C <vb
2.1.1.2 | Số văn bản bị kiến nghị sửa đổi, bãi bỏ | Văn bản | C <vb
2.1.2 | Số văn bản QPPL đã rà soát | Văn bản | C
2.2 | Hòa giải ở cơ sở | | G
2.2.1 | Số vụ việc hòa giải đã tiếp nhận | Vụ việc | C #hg
2.2.2 | Số vụ việc hòa giải thành | Vụ việc | C <hg
3 | THỦ TỤC HÀNH CHÍNH VÀ DỊCH VỤ CÔNG | | S
3.1 | Tổng số TTHC áp dụng tại phường, gồm: | TTHC | C #tthc
3.1.1 | TTHC có dịch vụ công trực tuyến toàn trình | TTHC | C #toan <tthc
3.1.2 | TTHC có dịch vụ công trực tuyến một phần | TTHC | C #mot <tthc
3.2 | Tỷ lệ TTHC có dịch vụ công trực tuyến (toàn trình và một phần) | % | P
3.3 | Tình hình giải quyết hồ sơ | | G
3.3.1 | Số hồ sơ tiếp nhận trong kỳ | Hồ sơ | C #hs
3.3.1.1 | Hồ sơ nộp trực tuyến | Hồ sơ | C #hs_tt <hs
3.3.1.2 | Hồ sơ nộp trực tiếp | Hồ sơ | C <hs
3.3.2 | Số hồ sơ đã giải quyết | Hồ sơ | C #gq <hs
3.3.2.1 | Số hồ sơ giải quyết đúng hạn | Hồ sơ | C #dh <gq
3.3.2.2 | Số hồ sơ giải quyết quá hạn | Hồ sơ | C <gq
3.3.3 | Tỷ lệ hồ sơ nộp trực tuyến | % | P =hs_tt/hs
3.3.4 | Tỷ lệ hồ sơ giải quyết đúng hạn | % | P =dh/gq
3.4 | Số hóa và thanh toán | | G
3.4.1 | Số hồ sơ được số hóa | Hồ sơ | C #sh <hs
3.4.2 | Tỷ lệ hồ sơ được số hóa | % | P =sh/hs
3.4.3 | Số hồ sơ có phí, lệ phí | Hồ sơ | C #phi
3.4.4 | Số hồ sơ nộp phí, lệ phí trực tuyến | Hồ sơ | C #phi_tt <phi
3.4.5 | Tỷ lệ hồ sơ nộp phí, lệ phí trực tuyến | % | P =phi_tt/phi
3.5 | Phản ánh, kiến nghị | | G
3.5.1 | Số phản ánh, kiến nghị nhận được | PAKN | C #pakn
3.5.2 | Số phản ánh, kiến nghị đã trả lời, giải quyết | PAKN | C <pakn
3.6 | Phường có Bộ phận Một cửa đạt chuẩn hiện đại | Không = 0, Có = 1 | K
3.7 | Số TTHC đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình | TTHC | C #dk
3.8 | Số TTHC đã cung cấp dịch vụ công trực tuyến toàn trình | TTHC | C #cc_tt <dk
3.9 | Tỷ lệ TTHC đã cung cấp dịch vụ công trực tuyến toàn trình trên tổng số TTHC đủ điều kiện | % | P =cc_tt/dk
4 | BỘ MÁY, CÔNG CHỨC | | S
4.1 | Số khu phố, tổ dân phố | Khu phố | C
4.2 | Số công chức của phường | Người | C #cc
4.2.1 | Số công chức có trình độ đại học trở lên | Người | C <cc
4.2.2 | Số công chức được đánh giá hoàn thành tốt nhiệm vụ trở lên | Người | C <cc
4.3 | Phường đã phê duyệt vị trí việc làm | Không = 0, Có = 1 | K
5 | TÀI CHÍNH CÔNG | | S
5.1 | Dự toán chi thường xuyên được giao | Triệu đồng | M #dt
5.2 | Chi thường xuyên đã thực hiện | Triệu đồng | M <dt
5.3 | Kế hoạch vốn đầu tư công | Triệu đồng | M #khv
5.4 | Vốn đầu tư công đã giải ngân | Triệu đồng | M #gnv <khv
5.5 | Tỷ lệ giải ngân vốn đầu tư công | % | P =gnv/khv
6 | CHUYỂN ĐỔI SỐ | | S
6.1 | Số văn bản đi | Văn bản | C #vbd
6.1.1 | Văn bản đi được ký số | Văn bản | C #ks <vbd
6.2 | Tỷ lệ văn bản đi được ký số | % | P =ks/vbd
6.3 | Số người dân được hỗ trợ kích hoạt tài khoản định danh điện tử | Người | C
6.4 | Sử dụng Cơ sở dữ liệu quốc gia về dân cư trong giải quyết TTHC | Không = 0, Có = 1 | K !dc
6.4.1 | Số hồ sơ sử dụng dữ liệu dân cư thay giấy tờ | Hồ sơ | C #dc
6.5 | Đề xuất, kiến nghị | | T
`),
};

export const APPENDICES = [COMMUNE, DEPARTMENT, WARD];
