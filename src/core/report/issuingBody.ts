/**
 * Who issues the report and how it is signed, from the issuing body's name alone: the rule
 * of Nghị định 30/2020/NĐ-CP (Phụ lục I, thể thức văn bản hành chính; Phụ lục III, chữ viết tắt
 * tên loại văn bản) as the appendices and the Word draft both need it.
 *
 *  - A People's Committee (ỦY BAN NHÂN DÂN …) is a collegial body: its report is signed
 *    «TM. ỦY BAN NHÂN DÂN» over «CHỦ TỊCH» (or «KT. CHỦ TỊCH» / «PHÓ CHỦ TỊCH»); its symbol is UBND.
 *  - A body run by its head (Sở, Phòng, Ban, Cục, Chi cục, Văn phòng …) signs with the head's
 *    title («GIÁM ĐỐC», or «KT. GIÁM ĐỐC» / «PHÓ GIÁM ĐỐC» for a deputy); its symbol is the
 *    initials of its name without the place (Sở Nội vụ → SNV, Sở Giáo dục và Đào tạo → SGDĐT).
 *  - In a sentence the body is written in sentence case (Phụ lục II of the decree, viết hoa tên
 *    cơ quan): «UBND xã Tùng Ảnh», «Sở Nội vụ tỉnh Thái Nguyên», «Sở Tài nguyên và Môi trường».
 *
 * What the user typed in «Thẩm quyền ký» or «Số, ký hiệu» always wins: these are defaults for
 * the fields left empty (a consolidation made with `--co-quan` leaves them empty).
 */
import type { CatalogueLevel } from "../catalogue";

const UBND = "ỦY BAN NHÂN DÂN";
/** Administrative levels, lower case inside a sentence (UBND huyện Đức Thọ, Sở Nội vụ tỉnh …). */
const LEVELS = ["thành phố", "thị trấn", "thị xã", "đặc khu", "huyện", "xã", "phường", "tỉnh", "quận"];

/** Bodies headed by one person, by the first word(s) of their name: the head's title. */
const HEAD_LED: ReadonlyArray<{ prefix: string; head: string }> = [
  { prefix: "VĂN PHÒNG", head: "CHÁNH VĂN PHÒNG" },
  { prefix: "CHI CỤC", head: "CHI CỤC TRƯỞNG" },
  { prefix: "THANH TRA", head: "CHÁNH THANH TRA" },
  { prefix: "SỞ", head: "GIÁM ĐỐC" },
  { prefix: "PHÒNG", head: "TRƯỞNG PHÒNG" },
  { prefix: "BAN", head: "TRƯỞNG BAN" },
  { prefix: "CỤC", head: "CỤC TRƯỞNG" },
  { prefix: "BỘ", head: "BỘ TRƯỞNG" },
];

/** How an issuing body prints: header lines, name in a sentence, symbol and signer's titles. */
export interface IssuingBodyStyle {
  /**
   * The header's bold lines, the body proper over its place as a People's Committee's are:
   * `["ỦY BAN NHÂN DÂN", "XÃ TÙNG ẢNH"]`, `["SỞ NỘI VỤ", "TỈNH THÁI NGUYÊN"]`, `["SỞ NỘI VỤ"]`.
   */
  headerLines: string[];
  /** The body inside a sentence: `UBND xã Tùng Ảnh`, `Sở Nội vụ tỉnh Thái Nguyên`. */
  sentenceName: string;
  /** The body's part of a document symbol: `UBND`, `SNV`; "…" when the name is empty. */
  symbol: string;
  /** Collegial bodies sign «TM.» of the body; the others sign as their head. */
  collegial: boolean;
  /** The head's title (`CHỦ TỊCH`, `GIÁM ĐỐC`); undefined for a body of unknown kind. */
  head?: string;
}

const upper = (s: string) => s.toLocaleUpperCase("vi");
const lower = (s: string) => s.toLocaleLowerCase("vi");
const capitalize = (word: string) => (word ? upper(word[0]) + word.slice(1) : word);

/** The name upper-cased, spaces collapsed, «UỶ» spelt «ỦY» as the decree writes it. */
function normalized(body: string): string {
  return upper(body.trim().replace(/\s+/g, " ")).replace(/^UỶ BAN/, "ỦY BAN");
}

/** Splits `SỞ NỘI VỤ TỈNH THÁI NGUYÊN` at its level word: the body proper and `tỉnh thái nguyên`. */
function splitPlace(name: string): { own: string; level?: string; place: string } {
  const words = lower(name).split(" ");
  for (let i = 1; i < words.length; i++) {
    const rest = words.slice(i).join(" ");
    const level = LEVELS.find((l) => rest === l || rest.startsWith(`${l} `));
    // «xã hội» (society) is a field, not a commune: «Phòng Văn hóa - Xã hội xã A», «Sở Lao động -
    // Thương binh và Xã hội tỉnh B».
    if (level === "xã" && words[i + 1] === "hội") continue;
    if (level) return { own: words.slice(0, i).join(" "), level, place: rest.slice(level.length).trim() };
  }
  return { own: lower(name), place: "" };
}

/** `thái nguyên` → `Thái Nguyên`: every word of a place name capitalised. */
const placeCase = (place: string) => place.split(/\s+/).filter(Boolean).map(capitalize).join(" ");

/**
 * `nội vụ` → `Nội vụ`; `tài nguyên và môi trường` → `Tài nguyên và Môi trường`: the first word of
 * each field (fields separated by «và», «-» or a comma) capitalised, as Phụ lục II of the decree
 * writes the names of bodies.
 */
function fieldCase(fields: string): string {
  return fields
    .split(/(\s+và\s+|\s*-\s*|,\s*)/)
    .map((part, i) => (i % 2 === 0 ? capitalize(part) : part))
    .join("");
}

/** Initials of the body proper, «và» and dashes left out: `sở giáo dục và đào tạo` → `SGDĐT`. */
function initials(own: string): string {
  return own
    .split(/[\s,-]+/)
    .filter((w) => w && w !== "và")
    .map((w) => upper(w[0]))
    .join("");
}

/**
 * The style of the body named `body` (as typed in «Tên cơ quan ban hành», any case). Pure; an
 * empty name is taken as a People's Committee, the form's own issuing body.
 */
export function issuingBodyStyle(body: string): IssuingBodyStyle {
  const name = normalized(body);
  if (!name || name === UBND || name.startsWith(`${UBND} `) || name.startsWith("UBND ")) {
    const rest = name.startsWith(`${UBND} `)
      ? name.slice(UBND.length + 1)
      : name.startsWith("UBND ")
        ? name.slice(5)
        : "";
    const { level, place } = splitPlace(`x ${rest}`);
    const where = level ? `${level} ${placeCase(place)}` : placeCase(lower(rest));
    return {
      headerLines: rest ? [UBND, rest] : [UBND],
      sentenceName: `UBND ${where}`.trim(),
      symbol: "UBND",
      collegial: true,
      head: "CHỦ TỊCH",
    };
  }
  const { own, level, place } = splitPlace(name);
  const kind = HEAD_LED.find((k) => name === k.prefix || name.startsWith(`${k.prefix} `));
  let sentence: string;
  if (kind) {
    const prefix = lower(kind.prefix);
    const fields = own.slice(prefix.length).trim();
    sentence = `${capitalize(prefix)}${fields ? ` ${fieldCase(fields)}` : ""}`;
  } else sentence = fieldCase(own);
  // The name is broken before its level word, never inside the place («SỞ NỘI VỤ / TỈNH QUẢNG
  // TRỊ»): Nghị định 30/2020, Phụ lục I lays the body's name out centred on one or more lines,
  // and a narrow header cell (the Word draft's) would otherwise wrap it inside the province's name.
  const ownLength = own.split(" ").length;
  const words = name.split(" ");
  return {
    headerLines: level ? [words.slice(0, ownLength).join(" "), words.slice(ownLength).join(" ")] : [name],
    sentenceName: level ? `${sentence} ${level} ${placeCase(place)}`.trim() : sentence,
    symbol: initials(own) || "…",
    collegial: false,
    head: kind?.head,
  };
}

/**
 * The administrative level in a body's name, lower case as a sentence writes it: «phường» for
 * «ỦY BAN NHÂN DÂN PHƯỜNG HOA SEN» (or «UBND phường Hoa Sen»), «đặc khu», «xã», «tỉnh» for «SỞ
 * NỘI VỤ TỈNH THÁI NGUYÊN»; undefined when the name holds none. Since 1 July 2025 the commune
 * level of the two-tier local government is xã, phường and đặc khu alike (docs/reporting-rules.md,
 * the units), so one commune-level form names the level the unit's own name gives.
 */
export function administrativeLevel(body: string): string | undefined {
  const name = normalized(body);
  const rest = name.startsWith(`${UBND} `)
    ? name.slice(UBND.length + 1)
    : name.startsWith("UBND ")
      ? name.slice(5)
      : name;
  return splitPlace(`x ${rest}`).level;
}

/**
 * The units of a form's level named together inside a sentence, for a report over them (a Sở Nội
 * vụ's consolidation of its communes): «các xã, phường, đặc khu» (the commune level of the
 * two-tier local government since 1 July 2025, Luật Tổ chức chính quyền địa phương 2025, Điều 2),
 * «các huyện, quận, thị xã, thành phố» (the district level before it, Luật 2015, Điều 2), «các
 * tỉnh, thành phố». So «Ủy ban nhân dân {cap:co_quan}» of a consolidation reads «Ủy ban nhân dân
 * các xã, phường, đặc khu», never the consolidating body's own level.
 */
export function unitsTogether(level: CatalogueLevel): string {
  return level === "xa"
    ? "các xã, phường, đặc khu"
    : level === "huyen"
      ? "các huyện, quận, thị xã, thành phố"
      : "các tỉnh, thành phố";
}

/** `TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH` → its lines. */
export function authorityLines(text: string): string[] {
  return text
    .split(/\s*[/\n]\s*/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** What «Thông tin chung» says of the signature: any field may be empty. */
export interface SignatureInfo {
  co_quan: string;
  quyen_han_ky: string;
  chuc_vu_ky: string;
  nguoi_ky: string;
}

/** The signature block's lines: the authority and title (bold, centred) and the signer's name. */
export interface SignatureBlock {
  /** `["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]`, `["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]`. */
  lines: string[];
  /** The signer's full name, "" when not typed. */
  signer: string;
}

/**
 * The signature block of a report (Nghị định 30/2020/NĐ-CP, Điều 13 and Phụ lục I, mục thẩm
 * quyền, chức vụ người ký), in capitals. «Thẩm quyền ký» as typed is kept, followed by «Chức vụ
 * người ký», except a «TM.» line under a body that is not collegial (a Sở's director signs in
 * his own right, never on behalf of a committee). Left empty, the authority follows the body: a
 * People's Committee signs «TM. ỦY BAN NHÂN DÂN», then «CHỦ TỊCH» or, for a deputy («PHÓ CHỦ
 * TỊCH», «PHÓ CHỦ TỊCH THƯỜNG TRỰC»), «KT. CHỦ TỊCH» over the deputy's title; a Sở signs «GIÁM
 * ĐỐC» or «KT. GIÁM ĐỐC» over «PHÓ GIÁM ĐỐC» (the other head-led bodies alike with their head's
 * title).
 */
export function signatureOf(info: SignatureInfo): SignatureBlock {
  const style = issuingBodyStyle(info.co_quan);
  const typedAuthority = authorityLines(info.quyen_han_ky)
    .map(upper)
    .filter((l) => style.collegial || !l.startsWith("TM."));
  const title = authorityLines(info.chuc_vu_ky).map(upper);
  const signer = info.nguoi_ky.trim();
  if (typedAuthority.length > 0) return { lines: [...typedAuthority, ...title], signer };
  const head = style.head;
  const byHead = (): string[] => {
    if (!head) return title;
    if (title.length === 0 || (title.length === 1 && title[0] === head)) return [head];
    if (title.length === 1 && title[0].startsWith(`PHÓ ${head}`)) return [`KT. ${head}`, title[0]];
    return title;
  };
  return { lines: [...(style.collegial ? [`TM. ${UBND}`] : []), ...byHead()], signer };
}

/**
 * The report's number and symbol as printed: what the user typed in «Số, ký hiệu», else dots
 * and the body's symbol after BC (báo cáo, Phụ lục III of the decree): `…/BC-UBND`, `…/BC-SNV`.
 */
export function reportNumberOf(typed: string, body: string): string {
  return typed.trim() || `…/BC-${issuingBodyStyle(body).symbol}`;
}
