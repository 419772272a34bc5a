/**
 * Every text of the task pane: Vietnamese (with full diacritics) by default, English when
 * Office's display language is English. index.tsx picks the table once (pickStrings) and App
 * passes it down through StringsContext. Finding messages and section titles come from the core
 * and stay Vietnamese: they are the report's own words.
 */
import type { PaneErrorCode } from "./operations";

export interface PaneStrings {
  /** BCP 47 tag for numbers (`1.117,5` in Vietnamese, `1,117.5` in English). */
  locale: string;
  /** The page's `lang` for screen readers. */
  lang: string;
  appTitle: string;
  busy: string;
  list(items: readonly string[]): string;

  /** The pane opened outside Excel (a browser tab): a calm notice instead of the cards. */
  outside: { title: string; body: string };

  /** The file pickers (FilePicker): a Fluent button instead of the browser's own control. */
  files: {
    /** The button's text, for one file or several. */
    choose(multiple: boolean): string;
    none: string;
    /** The chosen files' names (the first few, then how many more). */
    chosen(names: readonly string[]): string;
  };

  status: {
    heading: string;
    loading: string;
    refresh: string;
    installed: string;
    notInstalled: string;
    version(version: string): string;
    /** The workbook's form: its title, id and version. */
    form(title: string, id: string, version: string): string;
    upgradeAvailable(latest: string): string;
    period(period: string, year: number | null): string;
    periodMissing: string;
    broken(count: number): string;
    repair: string;
    repairing: string;
    repaired(count: number): string;
    missingRequirements(sets: readonly string[]): string;
  };

  install: {
    heading: string;
    description: string;
    install: string;
    update: string;
    busy: string;
    installed(version: string): string;
    updated(from: string, to: string): string;
    added(sheets: readonly string[]): string;
    rewritten(sheets: readonly string[]): string;
    kept(count: number): string;
    renamed(wanted: string, used: string): string;
    /** The form chooser (before the first install). */
    form: string;
    /** A built-in form's choice label: its title, version and the periods it is for. */
    builtin(title: string, version: string, validTo: string | undefined, isDefault: boolean): string;
    provinceFile: string;
    chooseFile: string;
    /** Once installed: a newer version of the workbook's form from a file (optional). */
    newerFile: string;
    fileChosen(name: string, title: string, version: string): string;
    fileProblems(name: string, count: number): string;
    dropped(ids: readonly string[]): string;
    /** A computed cell whose typed constant was replaced by its formula again. */
    restored(cell: string, label: string, typed: string): string;
  };

  check: {
    heading: string;
    description: string;
    check: string;
    recheck: string;
    busy: string;
    clean: string;
    summary(errors: number, warnings: number): string;
    errors(count: number): string;
    warnings(count: number): string;
    sectionCount(title: string, count: number): string;
    otherSection: string;
    /** Accessible name of a finding's button: its message and where it leads. */
    goTo(message: string, cell: string): string;
    hint: string;
  };

  report: {
    heading: string;
    description: string;
    generate: string;
    busy: string;
    written(sheets: readonly string[]): string;
    errorsRemain(count: number): string;
    warnings(count: number): string;
    keptEdited(sheets: readonly string[]): string;
    /** The picker of earlier workbooks to compare with (Phụ lục I's «Kỳ trước» columns). */
    compare: string;
  };

  draft: {
    heading: string;
    description: string;
    generate: string;
    busy: string;
    /** The file was handed over as a download. */
    downloaded(fileName: string): string;
    errorsRemain(count: number): string;
    /** Where the host cannot download (Excel on Mac): what to run instead. */
    cannotDownload: string;
    command: string;
  };

  score: {
    heading: string;
    description: string;
    compute: string;
    recompute: string;
    busy: string;
    total(score: string, max: string): string;
    lastYear(lastYear: string): string;
    /** The change over the criteria scored both years (`compared` of `criteria`). */
    change(delta: string, compared: number, criteria: number): string;
    lostHeading: string;
    lost(score: string, lastYear: string, delta: string): string;
    noneLost: string;
    unscored(count: number): string;
  };

  consolidate: {
    heading: string;
    description: string;
    /** The description over periods. */
    descriptionPeriods: string;
    /** The choice between over units and over periods. */
    over: string;
    overUnits: string;
    overPeriods: string;
    /** The target kỳ and năm (over periods). */
    targetPeriod: string;
    targetYear: string;
    /** The first and last day of a «Tùy chọn» target, and what is wrong with them. */
    targetFrom: string;
    targetTo: string;
    badDays: string;
    /** Under the target when it came from the open workbook. */
    prefilled: string;
    badYear: string;
    choose: string;
    pickFirst: string;
    run: string;
    busy: string;
    done(units: number, files: number): string;
    /** Over periods: how many periods, from how many files, into which period. */
    donePeriods(periods: number, files: number, period: string): string;
    periodsHeading: string;
    /** Over periods, when they do not tile the target: the periods the files hold. */
    periodsReadHeading: string;
    periodOf(file: string, period: string): string;
    sheets(sheets: readonly string[], over: "units" | "periods"): string;
    nothing: string;
    /** The periods do not tile the target (the core's message): nothing written. */
    problemTitle: string;
    problem(message: string): string;
    totalHeading: string;
    withErrors(count: number, over: "units" | "periods"): string;
    /** The open workbook's own document list was kept: Phụ lục II lists it, not the parts'. */
    keptDocuments(count: number, over: "units" | "periods"): string;
    /** Rows left without a total because a part typed «chưa có số liệu» (labels as printed). */
    incomplete(labels: readonly string[], over: "units" | "periods"): string;
    refusedHeading: string;
    refused(file: string, reason: string): string;
  };

  proofread: {
    heading: string;
    description: string;
    /** What the file picker is for (its label). */
    choose: string;
    withWorkbook: string;
    pickFirst: string;
    run: string;
    busy: string;
    none: string;
    found(count: number): string;
    paragraph(n: number): string;
    cells(cells: readonly string[]): string;
  };

  errors: {
    title: string;
    dismiss: string;
    /** The dismiss button's accessible name (starts with its visible text). */
    dismissLabel: string;
    /** Messages by Office error code (OfficeExtension.ErrorCodes, Excel.ErrorCodes). */
    office: Readonly<Record<string, string>>;
    pane: Readonly<Record<PaneErrorCode, string>>;
    /** The core's NotInstalledError. */
    notInstalled: string;
    /** A part of the add-in could not be downloaded (webpack's ChunkLoadError). */
    download: string;
    /** A document the proofreader cannot read (outside Vietnamese; in Vietnamese its own reason). */
    unreadableDocument: string;
    /** A compared workbook refused (another unit, form or period) when the message is not in the pane's language. */
    compareRefused: string;
    /** Installing another form over a workbook that carries one (the core's OtherCatalogueError). */
    otherCatalogue(installed: string, wanted: string): string;
    /** The form a workbook carries cannot be read (the core's CatalogueError). */
    brokenCatalogue(detail: string): string;
    unknown(detail: string): string;
    /** Nothing to show at all (a rejection without a message). */
    empty: string;
    detail(code: string, message: string): string;
  };
}

const viList = (items: readonly string[]) => items.map((s) => `«${s}»`).join(", ");
const enList = (items: readonly string[]) => items.map((s) => `“${s}”`).join(", ");

const VI_PROTECTED =
  "Excel không cho phép thay đổi: trang tính hoặc sổ tính đang được bảo vệ, hoặc tệp chỉ mở để đọc. Hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) hoặc mở tệp để chỉnh sửa, rồi thử lại.";
const EN_PROTECTED =
  "Excel does not allow the change: the sheet or workbook is protected, or the file is read-only. Unprotect it (Review → Unprotect Sheet) or open the file for editing, then try again.";

export const VI: PaneStrings = {
  locale: "vi-VN",
  lang: "vi",
  appTitle: "Cải cách hành chính (CCHC)",
  busy: "Đang thực hiện…",
  list: viList,

  outside: {
    title: "Tiện ích CCHC chạy bên trong Excel.",
    body: "Trang này đang được mở ngoài Excel (ví dụ trong trình duyệt, khi chấp nhận chứng chỉ của máy chủ): như vậy là bình thường. Để làm báo cáo, hãy mở Excel và bấm nút CCHC trên thẻ Trang đầu (Home); chưa có nút đó thì tải tiện ích lên theo Hướng dẫn sử dụng. Không có Excel: lệnh cchc làm các việc này trên tệp .xlsx.",
  },

  files: {
    choose: () => "Chọn tệp…",
    none: "Chưa chọn tệp nào.",
    chosen: (names) =>
      names.length === 1
        ? `Đã chọn: ${names[0]}`
        : `Đã chọn ${names.length} tệp: ${names.slice(0, 5).join(", ")}${names.length > 5 ? ` và ${names.length - 5} tệp khác` : ""}.`,
  },

  status: {
    heading: "Trạng thái",
    loading: "Đang đọc sổ tính…",
    refresh: "Làm mới trạng thái",
    installed: "Sổ tính đã có mẫu báo cáo CCHC.",
    notInstalled: "Sổ tính chưa có mẫu báo cáo CCHC: bấm «Cài đặt mẫu» bên dưới.",
    version: (v) => `Phiên bản mẫu: ${v}`,
    form: (title, id, v) => `Đang dùng: ${title} (mã ${id}, phiên bản ${v})`,
    upgradeAvailable: (latest) =>
      `Có phiên bản mẫu mới (${latest}): bấm «Cập nhật mẫu»; số liệu đã nhập được giữ nguyên.`,
    period: (period, year) => `Kỳ báo cáo: ${period}${year ? ` năm ${year}` : ""}`,
    periodMissing: "Kỳ báo cáo: chưa nhập (trang «Thông tin chung»).",
    broken: (n) =>
      `${n} ô dùng hàm CCHC đang báo lỗi #NAME?: bấm «Sửa các ô báo #NAME?» để nhập lại công thức.`,
    repair: "Sửa các ô báo #NAME?",
    repairing: "Đang nhập lại công thức…",
    repaired: (n) => (n === 0 ? "Không có ô nào cần sửa." : `Đã nhập lại công thức của ${n} ô.`),
    missingRequirements: (sets) =>
      `Phiên bản Excel này thiếu ${sets.join(", ")}: một số chức năng sẽ không chạy. Hãy cập nhật Excel (Microsoft 365 hoặc Excel 2021 trở lên).`,
  },

  install: {
    heading: "Cài đặt / cập nhật mẫu",
    description:
      "Tạo các trang nhập số liệu, danh mục văn bản và chấm điểm. Khi cập nhật, số liệu đã nhập được giữ nguyên.",
    install: "Cài đặt mẫu",
    update: "Cập nhật mẫu",
    busy: "Đang cài đặt mẫu…",
    installed: (v) => `Đã cài đặt mẫu phiên bản ${v}.`,
    updated: (from, to) =>
      from === to ? `Đã cài lại mẫu phiên bản ${to}.` : `Đã cập nhật mẫu từ phiên bản ${from} lên ${to}.`,
    added: (sheets) => `Trang tính mới (${sheets.length}): ${viList(sheets)}.`,
    rewritten: (sheets) => `Trang tính được cập nhật (${sheets.length}): ${viList(sheets)}.`,
    kept: (n) => (n === 0 ? "Chưa có số liệu nào được nhập trước đó." : `Giữ nguyên ${n} ô số liệu đã nhập.`),
    renamed: (wanted, used) =>
      `Trang «${wanted}» được tạo với tên «${used}» vì sổ tính đã có một trang tính trùng tên.`,
    form: "Mẫu báo cáo",
    builtin: (title, v, validTo, isDefault) =>
      `${title} (phiên bản ${v}${isDefault ? ", mặc định" : ""}${validTo ? `; cho các kỳ trước 01/7/2025` : ""})`,
    provinceFile: "Mẫu của tỉnh (tệp danh mục .json)",
    chooseFile: "Chọn tệp danh mục .json",
    newerFile: "Phiên bản mới của mẫu từ tệp danh mục .json (không bắt buộc)",
    fileChosen: (name, title, v) => `Tệp «${name}»: ${title}, phiên bản ${v}.`,
    fileProblems: (name, n) => `Tệp «${name}» có ${n} lỗi, chưa cài được:`,
    dropped: (ids) =>
      `Phiên bản mới bỏ ${ids.length} chỉ tiêu (${ids.join(", ")}); số liệu đã nhập được giữ ở trang «Chỉ tiêu đã bỏ».`,
    restored: (cell, label, typed) =>
      `Ô tự tính ${cell} (${label}) đang bị gõ đè bằng ${typed}: đã khôi phục công thức.`,
  },

  check: {
    heading: "Kiểm tra số liệu",
    description: "Đối chiếu các số liệu đã nhập: tổng và thành phần, tỷ lệ, ngày tháng, danh mục văn bản.",
    check: "Kiểm tra",
    recheck: "Kiểm tra lại",
    busy: "Đang kiểm tra số liệu…",
    clean: "Không có lỗi hay cảnh báo nào.",
    summary: (e, w) => `Kết quả kiểm tra: ${e} lỗi, ${w} cảnh báo.`,
    errors: (n) => `Lỗi (${n})`,
    warnings: (n) => `Cảnh báo (${n})`,
    sectionCount: (title, n) => `${title} (${n})`,
    otherSection: "Khác",
    goTo: (message, cell) => `${message} Chọn ô ${cell}.`,
    hint: "Bấm vào một dòng để chọn ô đó trong Excel.",
  },

  report: {
    heading: "Tạo báo cáo",
    description: "Ghi Phụ lục I (số liệu) và Phụ lục II (văn bản chỉ đạo) theo mẫu Nghị định 30/2020/NĐ-CP.",
    generate: "Tạo báo cáo",
    busy: "Đang tạo báo cáo…",
    written: (sheets) => `Đã ghi báo cáo vào trang tính ${viList(sheets)}.`,
    errorsRemain: (n) =>
      `Số liệu còn ${n} lỗi: báo cáo đã được tạo nhưng cần sửa các lỗi (xem «Kiểm tra số liệu») trước khi gửi.`,
    warnings: (n) => `${n} cảnh báo: hãy xem lại hoặc ghi chú giải trình.`,
    keptEdited: (sheets) => `Bản báo cáo đã sửa tay trước đó được giữ lại với tên ${viList(sheets)}.`,
    compare: "So sánh với kỳ trước (không bắt buộc): báo cáo kỳ trước và/hoặc cùng kỳ năm trước của đơn vị",
  },

  draft: {
    heading: "Dự thảo báo cáo (Word)",
    description:
      "Soạn báo cáo kết quả CCHC (tệp .docx, thể thức Nghị định 30/2020/NĐ-CP): mọi con số tính từ sổ; phần đánh giá, nguyên nhân, phương hướng, kiến nghị để trống, tô vàng, cho người soạn viết.",
    generate: "Dự thảo báo cáo (Word)",
    busy: "Đang soạn dự thảo…",
    downloaded: (name) =>
      `Đã tạo tệp ${name} (xem thư mục Tải về). Các chỗ tô vàng là phần cần viết hoặc xem lại.`,
    errorsRemain: (n) =>
      `Số liệu còn ${n} lỗi: dự thảo ghi rõ ở trang đầu; hãy sửa (xem «Kiểm tra số liệu») rồi tạo lại trước khi ban hành.`,
    cannotDownload:
      "Excel trên máy Mac không cho phần bổ trợ tải tệp xuống. Hãy lưu sổ tính rồi chạy lệnh sau trên máy tính (thay tên tệp):",
    command: "npx cchc draft BÁO_CÁO.xlsx -o bao-cao.docx",
  },

  score: {
    heading: "Chỉ số CCHC",
    description: "Điểm tự chấm các tiêu chí so với điểm tối đa và với năm trước.",
    compute: "Xem điểm",
    recompute: "Tính lại điểm",
    busy: "Đang tính điểm…",
    total: (score, max) => `Điểm tự chấm: ${score} / ${max}`,
    lastYear: (lastYear) => `Tổng điểm năm trước: ${lastYear}`,
    change: (delta, compared, criteria) =>
      compared === criteria
        ? `So với năm trước: ${delta}`
        : `So với năm trước: ${delta} (tính trên ${compared}/${criteria} tiêu chí có điểm cả hai năm)`,
    lostHeading: "Tiêu chí giảm điểm nhiều nhất so với năm trước",
    lost: (score, lastYear, delta) => `${score} điểm, năm trước ${lastYear} (${delta})`,
    noneLost: "Không có tiêu chí nào giảm điểm so với năm trước.",
    unscored: (n) => `${n} tiêu chí chưa có điểm: nhập trên trang «Chỉ số CCHC».`,
  },

  consolidate: {
    heading: "Tổng hợp",
    description:
      "Tổng hợp báo cáo của các đơn vị (tệp .xlsx cùng mẫu, cùng kỳ) vào sổ tính đang mở: cộng số liệu, tính lại tỷ lệ từ tổng tử số và tổng mẫu số, thêm trang «Tổng hợp theo đơn vị» và «Tệp tổng hợp».",
    descriptionPeriods:
      "Ghép các báo cáo kỳ ngắn của một đơn vị thành báo cáo kỳ dài hơn (ví dụ 9 tháng = 6 tháng + Quý III) vào sổ tính đang mở: số phát sinh được cộng, số hiện có lấy của kỳ sau cùng, tỷ lệ tính lại. Các kỳ số liệu phải ghép vừa khít kỳ cần lập; thêm trang «Tổng hợp theo kỳ» và «Tệp tổng hợp».",
    over: "Cách tổng hợp",
    overUnits: "Theo đơn vị: nhiều đơn vị, cùng một kỳ",
    overPeriods: "Theo kỳ: một đơn vị, nhiều kỳ ghép thành kỳ dài hơn",
    targetPeriod: "Kỳ cần lập",
    targetYear: "Năm",
    targetFrom: "Từ ngày",
    targetTo: "Đến ngày",
    badDays: "Gõ hai ngày theo dạng ngày/tháng/năm (ví dụ 01/07/2025), ngày đầu không sau ngày cuối.",
    prefilled: "Theo «Thông tin chung» của sổ tính đang mở; sửa được.",
    badYear: "Gõ năm bằng 4 chữ số, ví dụ 2026.",
    choose: "Chọn các tệp báo cáo (.xlsx)",
    pickFirst: "Hãy chọn các tệp báo cáo cần tổng hợp trước.",
    run: "Tổng hợp",
    busy: "Đang đọc và tổng hợp các tệp…",
    done: (units, files) => `Đã tổng hợp ${units} đơn vị từ ${files} tệp vào sổ tính.`,
    donePeriods: (periods, files, period) =>
      `Đã tổng hợp ${periods} kỳ từ ${files} tệp vào sổ tính: ${period}.`,
    periodsHeading: "Các kỳ đã cộng",
    periodsReadHeading: "Kỳ số liệu của các tệp",
    periodOf: (file, period) => `${period} (${file})`,
    sheets: (sheets, over) =>
      `Mọi số liệu, theo từng ${over === "units" ? "đơn vị" : "kỳ"}: xem các trang ${viList(sheets)}.`,
    nothing: "Không có tệp nào tổng hợp được; sổ tính không thay đổi.",
    problemTitle: "Chưa tổng hợp được.",
    problem: (message) => `${message} Sổ tính không thay đổi.`,
    totalHeading: "Tổng cộng",
    withErrors: (n, over) =>
      over === "units"
        ? `${n} đơn vị có lỗi số liệu (tô đỏ trên trang «Tổng hợp theo đơn vị»).`
        : `${n} kỳ có lỗi số liệu (tô đỏ trên trang «Tổng hợp theo kỳ»).`,
    keptDocuments: (n, over) =>
      `Trang «Danh mục văn bản» của sổ tính đã có ${n} văn bản nên được giữ nguyên: Phụ lục II liệt kê các văn bản này, không phải văn bản của các ${over === "units" ? "đơn vị" : "kỳ"}. Muốn dùng danh mục của các ${over === "units" ? "đơn vị" : "kỳ"}, hãy xóa các dòng văn bản rồi tổng hợp lại.`,
    incomplete: (labels, over) =>
      `Chưa đủ số liệu (có ${over === "units" ? "đơn vị" : "kỳ"} ghi «chưa có số liệu» hoặc ghi số liệu không hợp lệ), nên chưa có tổng: ${labels.map((l) => `«${l}»`).join(", ")} — xem Ghi chú của từng dòng.`,
    refusedHeading: "Tệp bị loại",
    refused: (file, reason) => `${file}: ${reason}`,
  },

  proofread: {
    heading: "Soát số liệu trong văn bản",
    description:
      "Chọn văn bản báo cáo (Word .docx, hoặc .txt, .md) để soát: mỗi tỷ lệ phần trăm không khớp với các số ghi bên cạnh («76/84 … đạt 90,4%») được liệt kê theo đoạn, kèm câu văn và tỷ lệ đúng. Văn bản không bị thay đổi.",
    choose: "Văn bản báo cáo (.docx, .txt, .md)",
    withWorkbook: "Đối chiếu thêm với số liệu của sổ tính đang mở",
    pickFirst: "Hãy chọn văn bản cần soát trước.",
    run: "Soát số liệu",
    busy: "Đang đọc và soát văn bản…",
    none: "Không thấy tỷ lệ hay số liệu nào sai trong văn bản.",
    found: (n) => `${n} chỗ sai cần sửa trước khi ban hành:`,
    paragraph: (n) => `Đoạn ${n}`,
    cells: (cells) => `Ô trong sổ tính: ${cells.join(", ")}`,
  },

  errors: {
    title: "Không thực hiện được",
    dismiss: "Đóng",
    dismissLabel: "Đóng thông báo lỗi",
    office: {
      InvalidReference:
        "Không tìm thấy vùng ô cần dùng: có thể trang tính hoặc tên vùng đã bị xoá hay đổi tên. Hãy bấm «Cập nhật mẫu» rồi thử lại.",
      ItemNotFound:
        "Không tìm thấy trang tính hoặc tên vùng của mẫu CCHC: có thể đã bị xoá hay đổi tên. Hãy bấm «Cập nhật mẫu» rồi thử lại.",
      AccessDenied: VI_PROTECTED,
      NotAllowed: VI_PROTECTED,
      InvalidOperationInCellEditMode:
        "Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để kết thúc việc sửa ô, rồi thử lại.",
      GeneralException:
        "Excel gặp lỗi khi thực hiện thao tác. Hãy thử lại; nếu vẫn lỗi, lưu tệp rồi mở lại Excel.",
      ApiNotFound:
        "Phiên bản Excel này không có chức năng mà tiện ích cần. Hãy cập nhật Excel (Microsoft 365 hoặc Excel 2021 trở lên).",
      UnsupportedOperation: "Phiên bản Excel này không hỗ trợ thao tác này. Hãy cập nhật Excel.",
      NotImplemented: "Phiên bản Excel này không hỗ trợ thao tác này. Hãy cập nhật Excel.",
      UnsupportedFeature: "Phiên bản Excel này không hỗ trợ thao tác này. Hãy cập nhật Excel.",
      ItemAlreadyExists:
        "Sổ tính đã có một trang tính hoặc tên vùng trùng tên. Hãy đổi tên trang tính đó rồi thử lại.",
      InvalidArgument:
        "Excel từ chối dữ liệu được ghi (giá trị hoặc địa chỉ không hợp lệ). Hãy thử lại; nếu vẫn lỗi, báo cho bộ phận hỗ trợ.",
      InvalidOperation:
        "Excel không thực hiện được thao tác lúc này. Hãy đóng các hộp thoại đang mở trong Excel rồi thử lại.",
      Conflict: "Sổ tính vừa bị thay đổi cùng lúc (có người khác đang sửa?). Hãy thử lại.",
      InsertDeleteConflict: "Sổ tính vừa bị thay đổi cùng lúc (có người khác đang sửa?). Hãy thử lại.",
      MergedRangeConflict: "Có ô gộp nằm chồng lên vùng cần ghi. Hãy bỏ gộp ô đó rồi thử lại.",
      ActivityLimitReached: "Excel đang quá tải. Hãy đợi một lát rồi thử lại.",
      RequestPayloadSizeLimitExceeded:
        "Dữ liệu quá lớn để Excel xử lý một lần. Hãy thử lại; nếu vẫn lỗi, báo cho bộ phận hỗ trợ.",
      ResponsePayloadSizeLimitExceeded:
        "Dữ liệu quá lớn để Excel xử lý một lần. Hãy thử lại; nếu vẫn lỗi, báo cho bộ phận hỗ trợ.",
      ConnectionFailure: "Mất kết nối với Excel. Hãy kiểm tra mạng (Excel trên web) rồi thử lại.",
      RequestAborted: "Thao tác đã bị huỷ giữa chừng. Hãy thử lại.",
      InactiveWorkbook: "Sổ tính không còn đang mở. Hãy chuyển về sổ tính cần làm rồi thử lại.",
    },
    pane: {
      notInExcel: "Tiện ích chỉ chạy trong Excel: trang này đang được mở ngoài Excel.",
      notInstalled: "Sổ tính chưa có mẫu CCHC: hãy cài đặt mẫu và nhập số liệu trước.",
      missingRequirements:
        "Phiên bản Excel này thiếu chức năng mà thao tác cần. Hãy cập nhật Excel (Microsoft 365 hoặc Excel 2021 trở lên).",
      consolidationForm:
        "Sổ tính đang mở phải có cùng mẫu với các tệp tổng hợp: hãy cài mẫu đó vào sổ tính (hoặc mở sổ tính của mẫu đó) rồi thử lại.",
      consolidationUnit:
        "Sổ tính đang mở là báo cáo của đơn vị khác: tổng hợp theo kỳ chỉ ghi vào sổ tính của chính đơn vị có các tệp. Hãy mở sổ tính của đơn vị đó (hoặc sửa tên cơ quan ở trang «Thông tin chung») rồi thử lại; sổ tính chưa thay đổi.",
    },
    notInstalled: "Sổ tính chưa có mẫu CCHC: hãy cài đặt mẫu và nhập số liệu trước khi tạo báo cáo.",
    unreadableDocument: "Không đọc được văn bản đã chọn.",
    compareRefused: "Không so sánh được với tệp đã chọn.",
    download: "Không tải được một phần của tiện ích: hãy kiểm tra kết nối mạng rồi thử lại.",
    otherCatalogue: (installed, wanted) =>
      `Sổ tính đã cài mẫu «${installed}»; không cài mẫu khác («${wanted}») lên trên được. Hãy dùng một sổ tính mới cho mẫu «${wanted}».`,
    brokenCatalogue: (detail) => `Không đọc được mẫu báo cáo lưu trong sổ tính: ${detail}`,
    unknown: (detail) =>
      `Đã xảy ra lỗi không mong đợi. Hãy thử lại; nếu vẫn lỗi, báo cho bộ phận hỗ trợ kèm nội dung sau: ${detail}`,
    empty: "Đã xảy ra lỗi không rõ nguyên nhân. Hãy thử lại.",
    detail: (code, message) => (code ? `${code}: ${message}` : message),
  },
};

export const EN: PaneStrings = {
  locale: "en-US",
  lang: "en",
  appTitle: "Administrative reform (CCHC)",
  busy: "Working…",
  list: enList,

  outside: {
    title: "The CCHC add-in runs inside Excel.",
    body: "This page is open outside Excel (for instance in a browser, to accept the server's certificate): that is expected. To make the report, open Excel and press the CCHC button on the Home tab; if it is not there, upload the add-in as the user guide says. Without Excel, the cchc command does the same on .xlsx files.",
  },

  files: {
    choose: (multiple) => (multiple ? "Choose files…" : "Choose a file…"),
    none: "No file chosen.",
    chosen: (names) =>
      names.length === 1
        ? `Chosen: ${names[0]}`
        : `${names.length} files chosen: ${names.slice(0, 5).join(", ")}${names.length > 5 ? ` and ${names.length - 5} more` : ""}.`,
  },

  status: {
    heading: "Status",
    loading: "Reading the workbook…",
    refresh: "Refresh status",
    installed: "This workbook has the CCHC report template.",
    notInstalled: "This workbook has no CCHC template yet: press “Install template” below.",
    version: (v) => `Template version: ${v}`,
    form: (title, id, v) => `In use: ${title} (id ${id}, version ${v})`,
    upgradeAvailable: (latest) =>
      `A newer template (${latest}) is available: press “Update template”; typed figures are kept.`,
    period: (period, year) => `Reporting period: ${period}${year ? ` ${year}` : ""}`,
    periodMissing: "Reporting period: not entered yet (sheet “Thông tin chung”).",
    broken: (n) =>
      `${n} cell${n === 1 ? "" : "s"} using CCHC functions show #NAME?: press “Repair #NAME? cells” to enter the formulas again.`,
    repair: "Repair #NAME? cells",
    repairing: "Entering the formulas again…",
    repaired: (n) =>
      n === 0 ? "No cell needed repair." : `Entered the formulas of ${n} cell${n === 1 ? "" : "s"} again.`,
    missingRequirements: (sets) =>
      `This version of Excel lacks ${sets.join(", ")}: some features will not work. Please update Excel (Microsoft 365 or Excel 2021 or later).`,
  },

  install: {
    heading: "Install / update the template",
    description:
      "Creates the input sheets, the document list and the scoring sheet. Updating keeps the figures already typed.",
    install: "Install template",
    update: "Update template",
    busy: "Installing the template…",
    installed: (v) => `Installed template version ${v}.`,
    updated: (from, to) =>
      from === to
        ? `Reinstalled template version ${to}.`
        : `Updated the template from version ${from} to ${to}.`,
    added: (sheets) => `New sheets (${sheets.length}): ${enList(sheets)}.`,
    rewritten: (sheets) => `Updated sheets (${sheets.length}): ${enList(sheets)}.`,
    kept: (n) =>
      n === 0 ? "No figures had been typed before." : `Kept ${n} typed cell${n === 1 ? "" : "s"}.`,
    renamed: (wanted, used) =>
      `Sheet “${wanted}” was created as “${used}” because the workbook already has a sheet of that name.`,
    form: "Report form",
    builtin: (title, v, validTo, isDefault) =>
      `${title} (version ${v}${isDefault ? ", default" : ""}${validTo ? "; for periods before 1 July 2025" : ""})`,
    provinceFile: "A province's form (.json catalogue file)",
    chooseFile: "Choose a .json catalogue file",
    newerFile: "A newer version of the form from a .json catalogue file (optional)",
    fileChosen: (name, title, v) => `File “${name}”: ${title}, version ${v}.`,
    fileProblems: (name, n) =>
      `File “${name}” has ${n} problem${n === 1 ? "" : "s"} and cannot be installed:`,
    dropped: (ids) =>
      `The new version drops ${ids.length} row${ids.length === 1 ? "" : "s"} (${ids.join(", ")}); their typed figures are kept on the sheet “Chỉ tiêu đã bỏ”.`,
    restored: (cell, label, typed) =>
      `The computed cell ${cell} (${label}) held a typed ${typed}: its formula is back.`,
  },

  check: {
    heading: "Check the figures",
    description: "Compares the typed figures: totals and parts, ratios, dates and the document list.",
    check: "Check",
    recheck: "Check again",
    busy: "Checking the figures…",
    clean: "No errors or warnings.",
    summary: (e, w) => `Check result: ${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"}.`,
    errors: (n) => `Errors (${n})`,
    warnings: (n) => `Warnings (${n})`,
    sectionCount: (title, n) => `${title} (${n})`,
    otherSection: "Other",
    goTo: (message, cell) => `${message} Select cell ${cell}.`,
    hint: "Press an item to select its cell in Excel.",
  },

  report: {
    heading: "Create the report",
    description:
      "Writes Appendix I (figures) and Appendix II (directive documents) in the Decree 30/2020/NĐ-CP form.",
    generate: "Create report",
    busy: "Creating the report…",
    written: (sheets) => `The report was written to ${enList(sheets)}.`,
    errorsRemain: (n) =>
      `The figures still have ${n} error${n === 1 ? "" : "s"}: the report was created, but fix them (see “Check the figures”) before sending it.`,
    warnings: (n) => `${n} warning${n === 1 ? "" : "s"}: review them or add an explanatory note.`,
    keptEdited: (sheets) => `The previous report, edited by hand, was kept as ${enList(sheets)}.`,
    compare:
      "Compare with earlier periods (optional): the unit's report of the previous period and/or the same period last year",
  },

  draft: {
    heading: "Draft report (Word)",
    description:
      "Drafts the CCHC results report (a .docx in the Decree 30/2020/NĐ-CP form): every figure computed from the workbook; assessment, causes, next tasks and proposals left highlighted for the author to write.",
    generate: "Draft report (Word)",
    busy: "Drafting the report…",
    downloaded: (name) =>
      `Created ${name} (see your Downloads folder). Highlighted passages are to be written or checked.`,
    errorsRemain: (n) =>
      `The figures still have ${n} error${n === 1 ? "" : "s"}: the draft says so on its first page; fix them (see “Check the figures”) and draft again before issuing it.`,
    cannotDownload:
      "Excel on Mac does not let add-ins download files. Save the workbook and run this command on the computer (with your file names):",
    command: "npx cchc draft BÁO_CÁO.xlsx -o bao-cao.docx",
  },

  score: {
    heading: "PAR index (Chỉ số CCHC)",
    description: "The self-assessed score of each criterion against the maximum and last year.",
    compute: "Show scores",
    recompute: "Recompute scores",
    busy: "Computing the scores…",
    total: (score, max) => `Self-assessed score: ${score} / ${max}`,
    lastYear: (lastYear) => `Last year's total: ${lastYear}`,
    change: (delta, compared, criteria) =>
      compared === criteria
        ? `Against last year: ${delta}`
        : `Against last year: ${delta} (over the ${compared} of ${criteria} criteria scored both years)`,
    lostHeading: "Criteria that lost most against last year",
    lost: (score, lastYear, delta) => `${score} points, last year ${lastYear} (${delta})`,
    noneLost: "No criterion lost points against last year.",
    unscored: (n) =>
      `${n} criteri${n === 1 ? "on has" : "a have"} no score yet: enter ${n === 1 ? "it" : "them"} on the “Chỉ số CCHC” sheet.`,
  },

  consolidate: {
    heading: "Consolidate (Tổng hợp)",
    description:
      "Consolidates the units' reports (.xlsx files of the same form and period) into the open workbook: figures summed, rates recomputed from the summed parts, and the sheets “Tổng hợp theo đơn vị” and “Tệp tổng hợp” added.",
    descriptionPeriods:
      "Joins one unit's reports of shorter periods into the report of a longer one (e.g. 9 tháng = 6 tháng + Quý III) in the open workbook: flows summed, stocks from the latest period, rates recomputed. The data periods must tile the target period exactly; the sheets “Tổng hợp theo kỳ” and “Tệp tổng hợp” are added.",
    over: "How to consolidate",
    overUnits: "By unit: many units, one period",
    overPeriods: "By period: one unit, several periods into a longer one",
    targetPeriod: "Target period (kỳ)",
    targetYear: "Year",
    targetFrom: "From",
    targetTo: "To",
    badDays: "Type both days as day/month/year (e.g. 01/07/2025), the first not after the last.",
    prefilled: "From the open workbook's “Thông tin chung”; editable.",
    badYear: "Type the year as 4 digits, e.g. 2026.",
    choose: "Choose the report files (.xlsx)",
    pickFirst: "Choose the report files to consolidate first.",
    run: "Consolidate",
    busy: "Reading and consolidating the files…",
    done: (units, files) =>
      `Consolidated ${units} unit${units === 1 ? "" : "s"} from ${files} file${files === 1 ? "" : "s"} into the workbook.`,
    donePeriods: (periods, files, period) =>
      `Consolidated ${periods} period${periods === 1 ? "" : "s"} from ${files} file${files === 1 ? "" : "s"} into the workbook: ${period}.`,
    periodsHeading: "Periods added up",
    periodsReadHeading: "Data periods of the files",
    periodOf: (file, period) => `${period} (${file})`,
    sheets: (sheets, over) =>
      `Every figure, ${over === "units" ? "unit" : "period"} by ${over === "units" ? "unit" : "period"}: see the sheets ${enList(sheets)}.`,
    nothing: "No file could be consolidated; the workbook was not changed.",
    problemTitle: "Not consolidated.",
    problem: (message) => `${message} The workbook was not changed.`,
    totalHeading: "Total",
    withErrors: (n, over) =>
      over === "units"
        ? `${n} unit${n === 1 ? " has" : "s have"} errors in the figures (red on “Tổng hợp theo đơn vị”).`
        : `${n} period${n === 1 ? " has" : "s have"} errors in the figures (red on “Tổng hợp theo kỳ”).`,
    keptDocuments: (n, over) =>
      `The workbook's “Danh mục văn bản” already held ${n} document${n === 1 ? "" : "s"} and was kept as it was: Phụ lục II lists them, not the ${over === "units" ? "units'" : "periods'"} documents. To list the ${over === "units" ? "units'" : "periods'"} instead, delete the document rows and consolidate again.`,
    incomplete: (labels, over) =>
      `Not every ${over === "units" ? "unit" : "period"} reported (one typed «chưa có số liệu», or something that is no valid figure), so there is no total for: ${labels.map((l) => `“${l}”`).join(", ")}; see each row's Ghi chú.`,
    refusedHeading: "Files left out",
    refused: (file, reason) => `${file}: ${reason}`,
  },

  proofread: {
    heading: "Check the figures in the report text",
    description:
      "Choose the report document (Word .docx, or .txt, .md): every percentage that does not follow from the figures written beside it (“76/84 … 90,4%”) is listed by paragraph, with the sentence and the right value. The document is not changed.",
    choose: "The report document (.docx, .txt, .md)",
    withWorkbook: "Also compare with the open workbook's figures",
    pickFirst: "Choose the document to check first.",
    run: "Check the figures",
    busy: "Reading and checking the document…",
    none: "No wrong percentage or figure found in the document.",
    found: (n) => `${n} ${n === 1 ? "mistake" : "mistakes"} to fix before signing:`,
    paragraph: (n) => `Paragraph ${n}`,
    cells: (cells) => `Workbook cells: ${cells.join(", ")}`,
  },

  errors: {
    title: "Could not complete the action",
    dismiss: "Dismiss",
    dismissLabel: "Dismiss the error message",
    office: {
      InvalidReference:
        "A range the add-in needs was not found: a sheet or a name may have been deleted or renamed. Press “Update template” and try again.",
      ItemNotFound:
        "A sheet or name of the CCHC template was not found: it may have been deleted or renamed. Press “Update template” and try again.",
      AccessDenied: EN_PROTECTED,
      NotAllowed: EN_PROTECTED,
      InvalidOperationInCellEditMode:
        "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
      GeneralException:
        "Excel ran into an error. Try again; if it persists, save the file and restart Excel.",
      ApiNotFound:
        "This version of Excel lacks a feature the add-in needs. Please update Excel (Microsoft 365 or Excel 2021 or later).",
      UnsupportedOperation: "This version of Excel does not support this action. Please update Excel.",
      NotImplemented: "This version of Excel does not support this action. Please update Excel.",
      UnsupportedFeature: "This version of Excel does not support this action. Please update Excel.",
      ItemAlreadyExists: "The workbook already has a sheet or name with that name. Rename it and try again.",
      InvalidArgument:
        "Excel refused the data to write (an invalid value or address). Try again; if it persists, contact support.",
      InvalidOperation: "Excel cannot do this right now. Close any dialog open in Excel and try again.",
      Conflict: "The workbook changed at the same time (is someone else editing?). Try again.",
      InsertDeleteConflict: "The workbook changed at the same time (is someone else editing?). Try again.",
      MergedRangeConflict: "A merged cell overlaps the range to write. Unmerge it and try again.",
      ActivityLimitReached: "Excel is busy. Wait a moment and try again.",
      RequestPayloadSizeLimitExceeded:
        "Too much data for Excel at once. Try again; if it persists, contact support.",
      ResponsePayloadSizeLimitExceeded:
        "Too much data for Excel at once. Try again; if it persists, contact support.",
      ConnectionFailure:
        "The connection to Excel was lost. Check the network (Excel on the web) and try again.",
      RequestAborted: "The action was interrupted. Try again.",
      InactiveWorkbook: "The workbook is no longer active. Switch back to it and try again.",
    },
    pane: {
      notInExcel: "The add-in only runs inside Excel: this page was opened outside Excel.",
      notInstalled: "This workbook has no CCHC template: install it and enter the figures first.",
      missingRequirements:
        "This version of Excel lacks features this action needs. Please update Excel (Microsoft 365 or Excel 2021 or later).",
      consolidationForm:
        "The open workbook must hold the same form as the files: install that form in it (or open a workbook of that form) and try again.",
      consolidationUnit:
        "The open workbook is another unit's report: consolidating periods writes only into the workbook of the files' own unit. Open that unit's workbook (or correct the body's name on “Thông tin chung”) and try again; the workbook was not changed.",
    },
    notInstalled:
      "This workbook has no CCHC template: install it and enter the figures before creating the report.",
    unreadableDocument: "The chosen document cannot be read (a Word .docx, .txt or .md file is needed).",
    compareRefused:
      "A chosen workbook cannot be compared: it must be the same unit's report, on the same form, of the previous period or the same period last year.",
    download: "Part of the add-in could not be downloaded: check the network connection and try again.",
    otherCatalogue: (installed, wanted) =>
      `This workbook carries the form “${installed}”; another form (“${wanted}”) cannot be installed over it. Use a new workbook for “${wanted}”.`,
    brokenCatalogue: (detail) => `The report form stored in this workbook cannot be read: ${detail}`,
    unknown: (detail) =>
      `Something unexpected went wrong. Try again; if it persists, send this to support: ${detail}`,
    empty: "Something went wrong for an unknown reason. Try again.",
    detail: (code, message) => (code ? `${code}: ${message}` : message),
  },
};

/** The table for Office's display language (`Office.context.displayLanguage`, e.g. `en-US`). */
export function pickStrings(displayLanguage: string | undefined | null): PaneStrings {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? EN : VI;
}

/** Numbers in the table's locale: `2,92` / `2.92`, at most two decimals. */
export function formatNumber(strings: PaneStrings, value: number): string {
  return new Intl.NumberFormat(strings.locale, { maximumFractionDigits: 2 }).format(value);
}

/** A signed difference: `+0,8`, `−0,82`, `0`. */
export function formatDelta(strings: PaneStrings, value: number): string {
  if (value === 0) return formatNumber(strings, 0);
  const text = formatNumber(strings, Math.abs(value));
  return value > 0 ? `+${text}` : `−${text}`;
}
