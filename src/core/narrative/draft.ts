/**
 * The narrative report («Báo cáo kết quả thực hiện công tác cải cách hành chính …») drafted from
 * a workbook: the Nghị định 30/2020 form (Phụ lục I, Mẫu 1.4) around the form's outline filled
 * with the workbook's figures. Every figure comes from the core's evaluation and arithmetic;
 * what a person must write (assessment, causes, next tasks, proposals) stays a highlighted
 * prompt; errors left in the workbook are said, highlighted, on the first page.
 */
import { formatNumberVi, NOT_REPORTED } from "../arithmetic";
import {
  indexIndicators,
  markedLabel,
  rowNumbers,
  sectionRows,
  type Catalogue,
  type Indicator,
  type OutlinePart,
} from "../catalogue";
import type { Finding } from "../checks";
import { evaluateIndicators, numericOf, type Evaluated } from "../evaluate";
import type { DocumentRow, Figures } from "../figures";
import { CUSTOM_PERIOD, fromExcelSerial, parsePeriod } from "../period";
import { documentsReportPlan, statisticsSheetPlan } from "../report/appendices";
import { tableAppendixPlans } from "../report/tableAppendix";
import {
  bodyLines,
  bodyShortName,
  dataDaysPhrase,
  placeAndDate,
  recipientItems,
  recipientLines,
  type PeriodDays,
} from "../report/documentForm";
import { reportNumberOf, signatureOf } from "../report/issuingBody";
import { appendixOfPlan } from "./appendixTables";
import { comparedPeriods, periodPhrase, type ComparedWorkbook } from "../report/comparison";
import type { DraftBlock, DraftDocument, DraftParagraph, DraftRun } from "./document";
import { compareRuns, fillTemplate, mergeRuns, partsOf, valueRuns, type FillContext } from "./fill";
import { outlineOf } from "./outline";

export interface DraftInput {
  catalogue: Catalogue;
  figures: Figures;
  /** The workbook's findings (`checkFigures`, with its placement problems). */
  findings: readonly Finding[];
  documents: readonly DocumentRow[];
  /** Workbooks of earlier periods of the same form and unit (`--compare`). */
  compared?: readonly ComparedWorkbook[];
  /**
   * Append Phụ lục I as a table, and Phụ lục II when the workbook lists documents: the same rule
   * as the workbook's report (`planReport`, issue 17), never an empty «danh mục văn bản».
   */
  withAppendices?: boolean;
  /** Local time of generation (the appendices' footnote). */
  generatedAt: Date;
  /**
   * The workbook is a consolidation's result (`WorkbookReading.consolidatedOver`): over units its
   * figures are the units' together, and the sentences and the data period name the units
   * («Ủy ban nhân dân các xã, phường, đặc khu …»); over periods it is still one unit's report.
   */
  consolidatedOver?: "units" | "periods";
}

const marker = (text: string): DraftRun => ({ text: `[${text}]`, highlight: true });
const body = (runs: DraftRun[]): DraftParagraph => ({
  kind: "paragraph",
  role: "body",
  runs: mergeRuns(runs),
});

function infoText(evaluated: ReadonlyMap<string, Evaluated>, id: string): string {
  const v = evaluated.get(id)?.value;
  return typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
}

/** The sentence of an indicator in its own wording: «Số hồ sơ đã giải quyết: 440 hồ sơ.» */
export function indicatorSentence(context: FillContext, indicator: Indicator): DraftRun[] {
  const lead: DraftRun = { text: `${markedLabel(indicator, rowNumbers(context.catalogue))}: ` };
  if (indicator.kind === "ratio") {
    const parts = partsOf(context, indicator);
    if (!("top" in parts)) return mergeRuns([lead, parts, { text: "." }]);
    const unit = indexIndicators(context.catalogue).get(argFirst(indicator))?.unit ?? "";
    const fraction = `${formatNumberVi(parts.top)}/${formatNumberVi(parts.bottom)}${unit ? ` ${unit}` : ""}`;
    const rate = context.evaluated.get(indicator.id)?.value;
    if (typeof rate !== "number")
      return mergeRuns([lead, { text: fraction }, marker("không phát sinh để tính tỷ lệ"), { text: "." }]);
    return mergeRuns([
      lead,
      { text: `${fraction}, đạt ` },
      ...valueRuns(context, indicator.id),
      ...compareRuns(context, indicator.id),
      { text: "." },
    ]);
  }
  // «Nhãn: chưa có số liệu.» reads right on its own line; inside an outline's sentence the words
  // would stand in a number's place, so there `valueRuns` marks the figure as missing instead.
  const value =
    numericOf(context.figures.get(indicator.id)) === "unreported"
      ? [{ text: NOT_REPORTED }]
      : valueRuns(context, indicator.id);
  // A unit follows a figure only («47 hồ sơ»), not «chưa có số liệu» nor a percentage; a typed
  // percentage is compared like a figure, in percentage points.
  const known = typeof context.evaluated.get(indicator.id)?.value === "number";
  const numeric = (indicator.kind === "count" || indicator.kind === "money") && known;
  return mergeRuns([
    lead,
    ...value,
    ...(numeric && indicator.unit ? [{ text: ` ${indicator.unit}` }] : []),
    ...(numeric || (indicator.kind === "percent" && known) ? compareRuns(context, indicator.id) : []),
    { text: "." },
  ]);
}

function argFirst(indicator: Indicator): string {
  const arg = indicator.formula!.args[0];
  return typeof arg === "string" ? arg : arg[0];
}

/** The blocks of one part of the outline, its heading at `level`. */
function partBlocks(context: FillContext, part: OutlinePart, level: number): DraftBlock[] {
  const blocks: DraftBlock[] = [
    { kind: "paragraph", role: "heading", level, runs: fillTemplate(context, part.heading) },
  ];
  for (const paragraph of part.paragraphs ?? []) {
    blocks.push(
      typeof paragraph === "string"
        ? body(fillTemplate(context, paragraph))
        : body([marker(paragraph.placeholder)]),
    );
  }
  if (part.section !== undefined) {
    for (const { indicator } of sectionRows(context.catalogue, part.section))
      blocks.push(body(indicatorSentence(context, indicator)));
  }
  for (const child of part.parts ?? []) blocks.push(...partBlocks(context, child, level + 1));
  return blocks;
}

/** The highlighted notice of the errors left in the workbook, for the first page. */
function errorNotices(findings: readonly Finding[]): DraftParagraph[] {
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length === 0) return [];
  return [
    body([
      marker(
        `LƯU Ý, XÓA TRƯỚC KHI BAN HÀNH: số liệu trong sổ còn ${formatNumberVi(errors.length)} lỗi; các câu dùng số liệu đó cần xem lại. Hãy sửa (lệnh «npx cchc check» hoặc nút «Kiểm tra số liệu») rồi tạo lại dự thảo.`,
      ),
    ]),
    ...errors.map((f) =>
      body([marker(`Lỗi: ${f.message}${f.cells.length ? ` (ô ${f.cells.join(", ")})` : ""}`)]),
    ),
  ];
}

/** The report's data days as the evaluation gives them (typed, or derived from the period). */
function dataDaysOf(evaluated: ReadonlyMap<string, Evaluated>): PeriodDays {
  const day = (id: string) => {
    const v = evaluated.get(id)?.value;
    return typeof v === "number" ? Math.floor(v) : undefined;
  };
  return { from: day("tu_ngay"), to: day("den_ngay") };
}

/**
 * The draft of the narrative report. Raises CompareRefusedError when a compared workbook is of
 * another form, another unit or no other period.
 */
export function buildDraft(input: DraftInput): DraftDocument {
  const { catalogue, figures } = input;
  const evaluated = evaluateIndicators(figures, catalogue);
  const compared = comparedPeriods({ catalogue, evaluated }, input.compared ?? []);
  const overUnits = input.consolidatedOver === "units";
  const context: FillContext = { catalogue, figures, evaluated, compared, overUnits };
  const info = (id: string) => infoText(evaluated, id);

  const issuingBody = info("co_quan");
  const yearValue = evaluated.get("nam")?.value;
  const year = typeof yearValue === "number" ? yearValue : undefined;
  const issued = evaluated.get("ngay_ban_hanh")?.value;
  const period = parsePeriod(info("ky_bao_cao"));
  const days = dataDaysOf(evaluated);
  const phrase = period && year !== undefined ? periodPhrase(period, year, days) : undefined;
  const { from, to } = days;
  const intro: DraftRun[] = [
    {
      text: `${issuingBody ? bodyShortName(issuingBody) : "Ủy ban nhân dân"} báo cáo kết quả thực hiện công tác cải cách hành chính `,
    },
    phrase ? { text: phrase } : marker("chưa có số liệu: Kỳ báo cáo, Năm báo cáo"),
    // A «Tùy chọn» period's phrase is its days already.
    ...(from !== undefined && to !== undefined && period !== CUSTOM_PERIOD
      ? [{ text: ` (${dataDaysPhrase(days, catalogue.unitsFrom, overUnits ? catalogue.level : undefined)})` }]
      : []),
    { text: " như sau:" },
  ];

  const recipients = recipientLines(info("noi_nhan"));
  // «Kính gửi»: the first recipient that is not the archive copy («Lưu: VT»).
  const first = recipientItems(info("noi_nhan")).find((r) => !/^lưu\b/i.test(r));

  const blocks: DraftBlock[] = [body(intro)];
  for (const part of outlineOf(catalogue).parts) blocks.push(...partBlocks(context, part, 1));

  const appendices = input.withAppendices
    ? (() => {
        const report = {
          catalogue,
          figures,
          evaluated,
          findings: input.findings,
          documents: input.documents,
          generatedAt: input.generatedAt,
          // The same compared columns as the workbook's Phụ lục I (`cchc report --compare`).
          compared,
          overUnits,
        };
        // Phụ lục I, the form's tables (Phụ lục I.1 …), then the document list when it has any.
        const statistics = [statisticsSheetPlan(report), ...tableAppendixPlans(report)].map(appendixOfPlan);
        return input.documents.length > 0
          ? [...statistics, appendixOfPlan(documentsReportPlan(report))]
          : statistics;
      })()
    : [];

  const signature = signatureOf({
    co_quan: issuingBody,
    quyen_han_ky: info("quyen_han_ky"),
    chuc_vu_ky: info("chuc_vu_ky"),
    nguoi_ky: info("nguoi_ky"),
  });
  return {
    header: {
      superior: info("co_quan_cap_tren").toLocaleUpperCase("vi"),
      bodyLines: bodyLines(issuingBody),
      symbol: `Số: ${reportNumberOf(info("so_ky_hieu"), issuingBody)}`,
      placeAndDate: placeAndDate(
        info("dia_danh"),
        typeof issued === "number" ? fromExcelSerial(issued) : undefined,
        year,
      ),
    },
    kind: "BÁO CÁO",
    summary: `Kết quả thực hiện công tác cải cách hành chính ${phrase ?? "…"}`,
    addressee: first
      ? [{ text: `Kính gửi: ${first}.` }]
      : [{ text: "Kính gửi: " }, marker("Nêu nơi nhận báo cáo")],
    notices: errorNotices(input.findings),
    body: blocks,
    signature: {
      recipients,
      authority: signature.lines,
      signer: signature.signer,
    },
    appendices,
  };
}

/**
 * The file name the draft is offered under: `bao-cao-cchc-quy-iii-2021.docx`, ASCII (a name
 * every mail system and file share keeps), from the period; `bao-cao-cchc.docx` without one.
 */
export function draftFileName(catalogue: Catalogue, figures: Figures): string {
  const evaluated = evaluateIndicators(figures, catalogue);
  const period = parsePeriod(infoText(evaluated, "ky_bao_cao"));
  const year = evaluated.get("nam")?.value;
  const phrase =
    period && typeof year === "number"
      ? periodPhrase(period, year, dataDaysOf(evaluated)).replace(/năm /, "")
      : "";
  const ascii = phrase
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `bao-cao-cchc${ascii ? `-${ascii}` : ""}.docx`;
}
