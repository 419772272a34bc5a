/**
 * "Chỉ số CCHC": self-assessment against the PAR index. Criteria with a rate from the figures
 * score through CCHC.DIEM; the others take a typed score. Last year's scores are typed too.
 */
import { inputName, type Catalogue } from "../catalogue";
import type { CellPlan, SheetPlan } from "./model";
import * as S from "./styles";

export const SCORING_SHEET = { key: "score", name: "Chỉ số CCHC" } as const;
export const SCORING_HEADER_ROW = 3;
/** Column letters of the scoring table. */
export const SCORING_COLUMNS = {
  code: "A",
  label: "B",
  max: "C",
  method: "D",
  threshold: "E",
  rate: "F",
  score: "G",
  lastYear: "H",
  delta: "I",
} as const;

const HEADERS = [
  "Mã",
  "Tiêu chí",
  "Điểm tối đa",
  "Cách tính",
  "Ngưỡng",
  "Tỷ lệ",
  "Điểm tự chấm",
  "Điểm năm trước",
  "Tăng/giảm",
];
const POINTS = "0.00";

export function scoringSheetPlan(catalogue: Catalogue): SheetPlan {
  const cells: CellPlan[] = [
    { address: "A1", value: "TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (CHỈ SỐ CCHC)", style: S.title },
    {
      address: "A2",
      value:
        "Cách tính: 0 = theo tỷ lệ; 1 = đủ điểm khi đạt ngưỡng; 2 = theo tỷ lệ khi đạt ngưỡng. Tiêu chí không có tỷ lệ: tự nhập điểm vào ô nền vàng.",
      style: S.hint,
    },
    ...HEADERS.map((text, i) => ({
      address: `${String.fromCharCode(65 + i)}${SCORING_HEADER_ROW}`,
      value: text,
      style: S.header,
    })),
  ];
  const first = SCORING_HEADER_ROW + 1;
  const number = (numberFormat: string) => ({ ...S.centered, numberFormat });
  catalogue.criteria.forEach((criterion, i) => {
    const r = first + i;
    const rate = `F${r}`;
    cells.push(
      { address: `A${r}`, value: criterion.code, style: S.code },
      { address: `B${r}`, value: criterion.label, style: S.label },
      { address: `C${r}`, value: criterion.max, style: number(POINTS) },
      { address: `D${r}`, value: criterion.method, style: number("0") },
      { address: `E${r}`, value: criterion.threshold ?? null, style: number(S.PERCENT_FORMAT) },
    );
    if (criterion.rateFrom) {
      cells.push(
        {
          address: rate,
          formula: `=${inputName(criterion.rateFrom)}`,
          computes: { type: "indicator", id: criterion.rateFrom },
          style: { ...number(S.PERCENT_FORMAT), fill: S.FORMULA_FILL },
        },
        {
          address: `G${r}`,
          formula: `=CCHC.DIEM(F${r},C${r},E${r},D${r})`,
          computes: { type: "score", code: criterion.code },
          style: { ...number(POINTS), fill: S.FORMULA_FILL },
        },
      );
    } else {
      cells.push(
        { address: rate, value: null, style: number(S.PERCENT_FORMAT) },
        {
          address: `G${r}`,
          value: null,
          style: { ...number(POINTS), fill: S.INPUT_FILL, locked: false },
          keepKey: criterion.code,
        },
      );
    }
    cells.push(
      {
        address: `H${r}`,
        value: criterion.lastYear ?? null,
        style: { ...number(POINTS), fill: S.INPUT_FILL, locked: false },
        keepKey: criterion.code,
      },
      {
        address: `I${r}`,
        formula: `=IF(OR(G${r}="",H${r}=""),"",G${r}-H${r})`,
        computes: { type: "scoreDelta", code: criterion.code },
        style: number("+0.00;-0.00;0.00"),
      },
    );
  });
  const total = first + catalogue.criteria.length;
  const last = total - 1;
  cells.push(
    { address: `A${total}`, value: null, style: S.sectionRow },
    { address: `B${total}`, value: "Tổng cộng", style: S.sectionRow },
    {
      address: `C${total}`,
      formula: `=SUM(C${first}:C${last})`,
      computes: { type: "scoreTotal", column: "max" },
      style: { ...S.sectionRow, numberFormat: POINTS },
    },
    { address: `D${total}`, value: null, style: S.sectionRow },
    { address: `E${total}`, value: null, style: S.sectionRow },
    { address: `F${total}`, value: null, style: S.sectionRow },
    {
      address: `G${total}`,
      formula: `=SUM(G${first}:G${last})`,
      computes: { type: "scoreTotal", column: "score" },
      style: { ...S.sectionRow, numberFormat: POINTS },
    },
    {
      address: `H${total}`,
      formula: `=SUM(H${first}:H${last})`,
      computes: { type: "scoreTotal", column: "lastYear" },
      style: { ...S.sectionRow, numberFormat: POINTS },
    },
    { address: `I${total}`, value: null, style: S.sectionRow },
  );
  return {
    key: SCORING_SHEET.key,
    name: SCORING_SHEET.name,
    role: "scoring",
    columns: [20, 56, 11, 10, 10, 11, 12, 12, 11],
    rowHeights: { 1: 30, 2: 32, [SCORING_HEADER_ROW]: 32 },
    font: { name: S.FONT, size: 12 },
    cells,
    merges: ["A1:I1", "A2:I2"],
    names: [],
    validations: [],
    protect: true,
    freeze: { rows: SCORING_HEADER_ROW, columns: 0 },
    visibility: "visible",
    clear: `A1:I${total + 20}`,
    tabColor: "#7030A0",
  };
}
