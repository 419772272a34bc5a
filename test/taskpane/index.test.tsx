/**
 * The entry (index.tsx): waits for Office, picks the strings from Office's display language and
 * the theme from Office's, and renders the pane. Outside Excel (no `Excel` global) the first
 * operation loads the Office operations, and the pane says calmly that it runs inside Excel.
 */
import { act, screen, waitFor } from "@testing-library/react";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { themeNameOf } from "../../src/taskpane/theme";

type OfficeGlobal = { Office?: unknown };

function fakeOffice(context: { displayLanguage?: string; officeTheme?: Partial<Office.OfficeTheme> }) {
  (globalThis as OfficeGlobal).Office = { onReady: (callback: () => void) => callback(), context };
}

async function loadEntry() {
  document.body.innerHTML = '<div id="container"></div>';
  await act(async () => {
    // A fresh module registry: the entry calls Office.onReady when it is first imported.
    await jest.isolateModulesAsync(async () => {
      await import("../../src/taskpane/index");
    });
  });
}

beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
afterEach(() => {
  delete (globalThis as OfficeGlobal).Office;
  // Each test loads the entry afresh (same provider ids): start from an empty head.
  document.head.innerHTML = "";
  jest.restoreAllMocks();
});

/** The CSS variables FluentProvider wrote for its theme. */
const themeCss = () =>
  [...document.querySelectorAll("style")]
    .flatMap((style) => [
      style.textContent ?? "",
      ...[...(style.sheet?.cssRules ?? [])].map((rule) => rule.cssText),
    ])
    .join("\n");

it("renders the pane in English and in the dark theme when Office is", async () => {
  fakeOffice({
    displayLanguage: "en-US",
    officeTheme: { isDarkTheme: true, bodyBackgroundColor: "#262626" },
  });
  await loadEntry();
  expect(await screen.findByRole("heading", { level: 1, name: "Administrative reform (CCHC)" })).toBeTruthy();
  expect(document.documentElement.lang).toBe("en");
  expect(themeCss()).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
  expect(await screen.findByText("The CCHC add-in runs inside Excel.")).toBeTruthy();
});

it("renders the pane in Vietnamese and the light theme otherwise", async () => {
  fakeOffice({
    displayLanguage: "vi-VN",
    officeTheme: { bodyBackgroundColor: "#ffffff" } as Partial<Office.OfficeTheme>,
  });
  await loadEntry();
  expect(await screen.findByRole("heading", { level: 1, name: "Cải cách hành chính (CCHC)" })).toBeTruthy();
  expect(document.documentElement.lang).toBe("vi");
  expect(themeCss()).toContain(`--colorNeutralBackground1: ${webLightTheme.colorNeutralBackground1}`);
  expect(await screen.findByText("Tiện ích CCHC chạy bên trong Excel.")).toBeTruthy();
  // Not a failure: no red box, and not a pane left busy.
  expect(screen.queryByRole("alert")).toBeNull();
  await waitFor(() => expect(screen.getByRole("main").getAttribute("data-busy")).toBe(""));
});

it("still renders the pane when office.js did not load", async () => {
  await loadEntry();
  expect(await screen.findByRole("heading", { level: 1, name: "Cải cách hành chính (CCHC)" })).toBeTruthy();
  expect(await screen.findByText("Tiện ích CCHC chạy bên trong Excel.")).toBeTruthy();
  expect(screen.queryByRole("alert")).toBeNull();
});

describe("themeNameOf", () => {
  it("follows isDarkTheme, else the background's lightness, else light", () => {
    expect(themeNameOf({ isDarkTheme: true })).toBe("dark");
    expect(themeNameOf({ isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe("light");
    expect(themeNameOf({ bodyBackgroundColor: "#262626" })).toBe("dark");
    expect(themeNameOf({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
    expect(themeNameOf({ bodyBackgroundColor: "not a colour" })).toBe("light");
    expect(themeNameOf(undefined)).toBe("light");
  });
});
