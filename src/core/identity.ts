/**
 * Which unit and which form a report is of: two names of one unit share a key (`unitKey`); a
 * form is named by id and version (`describeCatalogue`). Used by the consolidation (one unit's
 * parts, one form) and by comparisons with earlier periods (the same unit and form only).
 */
import type { Catalogue } from "./catalogue";

/** `«xa-2025» phiên bản 1.0` */
export function describeCatalogue(catalogue: Catalogue): string {
  return `«${catalogue.id}» phiên bản ${catalogue.version}`;
}

/** The five Vietnamese tone marks as combining characters (grave, acute, tilde, hook above, dot below). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
/** The abbreviation UBND as a word of its own, after lower-casing. */
const UBND = /(^|[^\p{L}\p{N}])ubnd(?=$|[^\p{L}\p{N}])/gu;

/**
 * A syllable with its tone mark moved to a fixed place (its end), so that the old and the new
 * placement (`hoà`/`hòa`, `uỷ`/`ủy`, `khoẻ`/`khỏe`: the mark may sit on either vowel of oa, oe,
 * uy) give the same key. `syllable` is in NFD; a syllable carries one tone, so only where it is
 * written differs, never which (`hà` and `hạ` stay apart).
 */
function toneAtEnd(syllable: string): string {
  const tones = syllable.match(TONE_MARKS);
  return tones ? syllable.replace(TONE_MARKS, "") + tones.join("") : syllable;
}

/**
 * Unicode's format characters (category Cf: zero-width space U+200B, zero-width joiners U+200C/D,
 * the byte-order mark U+FEFF, the soft hyphen U+00AD, direction marks …): invisible in a cell,
 * so a name carrying one is still the same name to the person who reads it.
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/**
 * The key two names of one unit share: case, spacing (any run of white space, the no-break space
 * included), invisible format characters (Unicode Cf, e.g. a zero-width space pasted from a web
 * page) and Unicode form (NFC, NFD, compatibility forms such as full-width letters) do not matter, nor does
 * the abbreviation UBND for «Ủy ban nhân dân», nor where a syllable's tone mark is placed (the
 * old and the new Vietnamese orthography). «UBND xã Thạch Hà» and «ỦY BAN NHÂN DÂN XÃ THẠCH
 * HÀ» are one unit; «Thạch Hà» and «Thạch Hạ» are two.
 */
export function unitKey(name: string): string {
  return tidyName(name)
    .toLocaleLowerCase("vi")
    .replace(UBND, "$1ủy ban nhân dân")
    .normalize("NFD")
    .replace(/[\p{L}\p{M}]+/gu, toneAtEnd);
}

/** «UBND» or «Ủy ban nhân dân» (either tone placement, any case) opening a unit's name. */
const PEOPLES_COMMITTEE = /^(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+/iu;

/**
 * A unit's name as the consolidation's lists are ordered by: what follows «UBND» or «Ủy ban nhân
 * dân» (however the unit spelt it), spacing and invisible characters aside, so that «UBND xã An
 * Bình», «ỦY BAN NHÂN DÂN XÃ BÌNH MINH» and «Xã Cà Mau» sort as «xã An Bình», «xã Bình Minh»,
 * «xã Cà Mau». The level word stays first: special zones, wards and communes come in their own
 * groups (đặc khu, phường, xã, in Vietnamese order). Compare with `compareVi`.
 */
export function unitSortName(name: string): string {
  return tidyName(name).replace(PEOPLES_COMMITTEE, "");
}

/** A name in compatibility-composed form, without format characters, its white space runs one space, trimmed. */
function tidyName(name: string): string {
  return name.normalize("NFKC").replace(FORMAT_CHARACTERS, "").replace(/\s+/g, " ").trim();
}
