/**
 * Whether a report's period is one its form is for (docs/catalogue-format.md `validFrom`/`validTo`):
 * the district form is for data periods that end before 1 July 2025, the two-tier commune form
 * for those that end on or after it. Compared on the data period's last day.
 */
import { formatDateVi, fromExcelSerial, toExcelSerial } from "../period";
import type { Catalogue } from "./types";

function serialOfIso(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? toExcelSerial({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) : undefined;
}

const vi = (serial: number) => formatDateVi(fromExcelSerial(serial));

/**
 * The warning for a data period ending `periodEnd` (an Excel serial) outside the form's
 * validity, or undefined when it is inside (or the form says nothing).
 */
export function periodOutsideForm(catalogue: Catalogue, periodEnd: number): string | undefined {
  const from = catalogue.validFrom ? serialOfIso(catalogue.validFrom) : undefined;
  const to = catalogue.validTo ? serialOfIso(catalogue.validTo) : undefined;
  const form = `Mẫu «${catalogue.title}» (${catalogue.id})`;
  if (from !== undefined && periodEnd < from)
    return `${form} dùng cho các kỳ kết thúc từ ngày ${vi(from)}, nhưng số liệu tính đến ngày ${vi(periodEnd)}.`;
  if (to !== undefined && periodEnd > to)
    return `${form} dùng cho các kỳ kết thúc đến ngày ${vi(to)}, nhưng số liệu tính đến ngày ${vi(periodEnd)}: kỳ này cần mẫu khác.`;
  return undefined;
}
