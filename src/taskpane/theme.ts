/**
 * The Fluent theme that matches Office's: dark when Office says so (`isDarkTheme`), or, where
 * that property is missing (older hosts), when the pane's background colour is dark.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export type ThemeName = "light" | "dark";

/** Relative luminance (0 black … 1 white) of `#rrggbb`; undefined for anything else. */
function luminance(color: string | undefined): number | undefined {
  const match = /^#?([0-9a-f]{6})$/i.exec(color?.trim() ?? "");
  if (!match) return undefined;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(match[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Light or dark from `Office.context.officeTheme` (undefined outside Office: light). */
export function themeNameOf(
  officeTheme: Partial<Pick<Office.OfficeTheme, "isDarkTheme" | "bodyBackgroundColor">> | undefined,
): ThemeName {
  if (!officeTheme) return "light";
  if (typeof officeTheme.isDarkTheme === "boolean") return officeTheme.isDarkTheme ? "dark" : "light";
  const l = luminance(officeTheme.bodyBackgroundColor);
  return l !== undefined && l < 0.2 ? "dark" : "light";
}

export function fluentTheme(name: ThemeName): Theme {
  return name === "dark" ? webDarkTheme : webLightTheme;
}
