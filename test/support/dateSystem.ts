/**
 * A copy of a workbook in the 1904 date system, made the way LibreOffice or Mac Excel store it:
 * the `date1904` flag on `workbookPr`, and every date 1462 lower. Which cells hold dates is
 * what a person sees: cells whose format shows a date, plus `alsoDates` (cells in the General
 * format holding a day's serial, as a pasted value or another program leaves them). Date
 * validation bounds move too. The copy reads, in any spreadsheet program, as the same days.
 */
import * as fs from "fs";
import { DATE1904_OFFSET } from "../../src/core/dates";
import { editZip } from "./xlsx";

/** Whether a number format code shows a date (d, m or y outside quotes, no digit placeholder). */
function showsDate(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dy]/i.test(bare) || (/m/i.test(bare) && !/[0#?]/.test(bare));
}

/** The cell format indexes (`s`) of a styles part that show dates. */
function dateStyles(styles: string): Set<string> {
  const custom = new Map<string, string>();
  for (const m of styles.matchAll(/<numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g))
    custom.set(m[1], m[2]);
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  const dates = new Set<string>();
  [...xfs.matchAll(/<xf\b[^>]*?numFmtId="(\d+)"/g)].forEach((m, index) => {
    const id = Number(m[1]);
    if (custom.has(m[1]) ? showsDate(custom.get(m[1])!) : id >= 14 && id <= 22) dates.add(String(index));
  });
  return dates;
}

/**
 * Writes `to`: `from` in the 1904 date system. `alsoDates` maps a sheet's name to addresses of
 * General cells that hold dates.
 */
export async function copyAs1904(
  from: string,
  to: string,
  alsoDates: Readonly<Record<string, readonly string[]>> = {},
): Promise<void> {
  fs.copyFileSync(from, to);
  let dates = new Set<string>();
  const ids = new Map<string, string>();
  const targets = new Map<string, string>();
  await editZip(to, (name, text) => {
    if (name === "xl/styles.xml") dates = dateStyles(text);
    if (name === "xl/workbook.xml")
      for (const m of text.matchAll(/<sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]*)"/g))
        ids.set(m[1], m[2]);
    if (name === "xl/_rels/workbook.xml.rels")
      for (const m of text.matchAll(/<Relationship\b[^>]*\bId="([^"]*)"[^>]*\bTarget="([^"]*)"/g))
        targets.set(m[1], `xl/${m[2].replace(/^\/?xl\//, "")}`);
    return undefined;
  });
  const extraByPart = new Map(
    Object.entries(alsoDates).map(([sheet, refs]) => [targets.get(ids.get(sheet) ?? "") ?? "", refs]),
  );
  const lower = (v: string) => String(Number(v) - DATE1904_OFFSET);
  await editZip(to, (name, text) => {
    if (name === "xl/workbook.xml") return text.replace(/<workbookPr\b/, '<workbookPr date1904="1"');
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) return undefined;
    const extra = new Set(extraByPart.get(name) ?? []);
    return text
      .replace(/<c ([^>]*[^/])>([\s\S]*?)<\/c>/g, (cell, attrs: string, body: string) => {
        if (/\bt="/.test(attrs)) return cell;
        const style = /\bs="(\d+)"/.exec(attrs)?.[1];
        const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
        if (!(style !== undefined && dates.has(style)) && !(ref && extra.has(ref))) return cell;
        return `<c ${attrs}>${body.replace(/<v>(-?[\d.]+)<\/v>/, (_, v: string) => `<v>${lower(v)}</v>`)}</c>`;
      })
      .replace(
        /<dataValidation ([^>]*type="date"[^>]*)>([\s\S]*?)<\/dataValidation>/g,
        (_, attrs: string, body: string) =>
          `<dataValidation ${attrs}>${body.replace(/<formula(\d)>(\d+)<\/formula\1>/g, (_m, n: string, v: string) => `<formula${n}>${lower(v)}</formula${n}>`)}</dataValidation>`,
      );
  });
}
