/**
 * Who signs, and the document symbol, from the issuing body (Nghị định 30/2020/NĐ-CP, Điều 13
 * and Phụ lục I, II). A People's Committee is a collective body: its report is signed «TM. ỦY
 * BAN NHÂN DÂN» by the chairman (or «KT. CHỦ TỊCH» by a vice-chairman). A department (Sở) works
 * under its director alone: its report is signed «GIÁM ĐỐC» (or «KT. GIÁM ĐỐC» by a deputy), never
 * on behalf of a committee. Kept small and apart so the appendix's signer can share it.
 */
import { authorityLines, bodyLines } from "../report/documentForm";

/** The kind of issuing body, from its name. */
export type BodyKind = "committee" | "department" | "other";

const COMMITTEE = /^(ỦY|UỶ) BAN NHÂN DÂN\b/;
const DEPARTMENT = /^SỞ\s/;

/** Whether the body is a People's Committee, a department (Sở) or another body. */
export function bodyKind(body: string): BodyKind {
  const upper = body.trim().toLocaleUpperCase("vi");
  if (COMMITTEE.test(upper)) return "committee";
  if (DEPARTMENT.test(upper)) return "department";
  return "other";
}

/**
 * The abbreviation of the issuing body in the symbol: `UBND` for a People's Committee, the
 * initials of a department without its province (`SỞ NỘI VỤ TỈNH HÀ TĨNH` → `SNV`), else the
 * initials of the name.
 */
export function bodyAbbreviation(body: string): string {
  const kind = bodyKind(body);
  if (kind === "committee" || !body.trim()) return "UBND";
  const name = body
    .trim()
    .toLocaleUpperCase("vi")
    .replace(/\s+(TỈNH|THÀNH PHỐ)\s.*$/, "");
  return name
    .split(/\s+/)
    .map((w) => w[0])
    .join("");
}

/** «125/BC-UBND» as typed, or «…/BC-<abbreviation>» for the number still to be given. */
export function documentSymbol(typed: string, body: string): string {
  return typed.trim() || `…/BC-${bodyAbbreviation(body)}`;
}

/**
 * The authority and title lines of the signature block. Typed lines (`quyen_han_ky`, then
 * `chuc_vu_ky`, each may hold several separated by «/») are kept, except a «TM.» line under a
 * body that is not collective (a department's director signs in his own right); without typed
 * authority the lines follow the body: «TM. ỦY BAN NHÂN DÂN» / «CHỦ TỊCH» (a «PHÓ …» title signs
 * «KT.» its head), «GIÁM ĐỐC» for a department.
 */
export function signatureAuthority(body: string, authority: string, title: string): string[] {
  const kind = bodyKind(body);
  const typedTitle = authorityLines(title).map((l) => l.toLocaleUpperCase("vi"));
  const typed = authorityLines(authority)
    .map((l) => l.toLocaleUpperCase("vi"))
    .filter((l) => kind === "committee" || !l.startsWith("TM."));
  if (typed.length > 0) return [...typed, ...typedTitle];
  const head = kind === "committee" ? "CHỦ TỊCH" : kind === "department" ? "GIÁM ĐỐC" : "";
  const lines = kind === "committee" ? [`TM. ${bodyLines(body)[0]}`] : [];
  const own = typedTitle.length ? typedTitle : head ? [head] : [];
  const deputy = own.length === 1 && head && own[0].startsWith("PHÓ ");
  return [...lines, ...(deputy ? [`KT. ${head}`] : []), ...own];
}
