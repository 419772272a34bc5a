/**
 * Handing a file to the user from the pane: a download through an object URL (Excel on Windows
 * and on the web run the pane in a browser engine that honours `<a download>`). Excel on Mac
 * runs it in a WebKit view that ignores downloads: there the pane says so and names the command.
 */

/** The media type of a Word document. */
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Whether the host can hand a downloaded file to the user: every host but Excel on Mac. */
export function hostCanDownload(platform: string | undefined): boolean {
  // Office.PlatformType.Mac is the string "Mac"; compared as text so no Office global is needed.
  return platform !== "Mac";
}

/** Offers `bytes` as a download named `fileName`. */
export function downloadFile(bytes: Uint8Array, fileName: string, type = DOCX_TYPE): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; free the memory a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
