/**
 * The document list (Danh mục văn bản, Phụ lục II): each document's date a real date inside the
 * data period, and their number the count the form says (vb_chidao).
 */
import type { DocumentRow } from "../figures";
import { numericOf } from "../evaluate";
import { formatDateVi, fromExcelSerial } from "../period";
import { cellsOf, dateOf, label, type CheckContext } from "./context";
import type { Finding } from "./finding";
import { inSentence } from "../checkTypes";
import { describe, FIRST_SERIAL, LAST_SERIAL, n, textNotDate } from "./words";

/** Every finding on the document list, against the data period (tu_ngay – den_ngay). */
export function documentFindings(ctx: CheckContext, documents: readonly DocumentRow[]): Finding[] {
  const from = dateOf(ctx, "tu_ngay");
  const to = dateOf(ctx, "den_ngay");
  const found: Finding[] = [];
  for (const doc of documents) {
    const name = doc.number.type === "text" ? doc.number.value : `dòng ${doc.index}`;
    const date = doc.date;
    if (date.type === "blank") continue;
    if (
      date.type !== "number" ||
      !Number.isInteger(date.value) ||
      date.value < FIRST_SERIAL ||
      date.value > LAST_SERIAL
    ) {
      found.push({
        severity: "error",
        checkId: `doc:${doc.index}:date`,
        ids: ["vb_chidao"],
        cells: [doc.dateCell],
        message:
          date.type === "text"
            ? `Văn bản ${name}: ${textNotDate(date.value)}.`
            : `Văn bản ${name}: ngày ban hành ${describe(date)} không phải là ngày hợp lệ.`,
      });
      continue;
    }
    if (from !== undefined && to !== undefined && (date.value < from || date.value > to)) {
      found.push({
        severity: "warning",
        checkId: `doc:${doc.index}:period`,
        ids: ["vb_chidao"],
        cells: [doc.dateCell],
        message: `Văn bản ${name} ngày ${formatDateVi(fromExcelSerial(date.value))} nằm ngoài kỳ số liệu (${formatDateVi(
          fromExcelSerial(from),
        )} – ${formatDateVi(fromExcelSerial(to))}).`,
      });
    }
  }
  const typed = numericOf(ctx.figures.get("vb_chidao"));
  if (documents.length > 0 && typeof typed === "number" && typed !== documents.length) {
    found.push({
      severity: "warning",
      checkId: "doc:count",
      ids: ["vb_chidao"],
      cells: cellsOf(ctx, ["vb_chidao"]),
      message: `Danh mục văn bản có ${n(documents.length)} văn bản, nhưng ${inSentence(label(ctx, "vb_chidao"))} ghi ${n(typed)}.`,
    });
  }
  return found;
}
