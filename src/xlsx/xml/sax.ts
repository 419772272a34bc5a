/**
 * The reader's one XML parser: saxes, streaming, without namespace processing (element names
 * are compared by their local part, as writers bind SpreadsheetML to any prefix). Every part the
 * reader cannot read as found goes through here. Nesting depth, DTDs and sizes were vetted when
 * the part was inflated (`../zip/partLimits.ts`).
 */
import { SaxesParser } from "saxes";

/** A part whose XML is not well-formed: it names the part so the message can. */
export class PartXmlError extends Error {
  constructor(
    readonly part: string,
    detail: string,
  ) {
    super(`${part}: ${detail}`);
    this.name = "PartXmlError";
  }
}

export interface Handlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Thrown by a handler to stop reading a part once everything wanted was seen. */
class Enough extends Error {}
/** One instance, thrown again and again: building an Error (its stack) costs more than the parse it saves. */
const ENOUGH = new Enough("enough");

/** Element and attribute names without their namespace prefix (`x:c` → `c`), as writers differ. */
export const local = (name: string): string => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * Streams `xml` through the handlers; a handler may stop early by calling `stop()`. A part that
 * is not well-formed throws PartXmlError naming `part`. Element names reach the handlers
 * without their prefix, or as written (`w:p`) when `qualified` (a reader telling WordprocessingML
 * from the DrawingML or math nested in it).
 */
export function parse(xml: string, handlers: Handlers, part = "XML", qualified = false): void {
  const parser = new SaxesParser({ position: false });
  const nameOf = qualified ? (name: string) => name : local;
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (node) => open(nameOf(node.name), node.attributes as Record<string, string>));
  }
  if (handlers.text) {
    const text = handlers.text;
    parser.on("text", text);
    parser.on("cdata", text);
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (node) => close(nameOf(node.name)));
  }
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error === ENOUGH) return;
    throw new PartXmlError(part, error instanceof Error ? error.message.split("\n")[0] : String(error));
  }
}

/** Stops the current parse (from inside a handler). */
export function stop(): never {
  throw ENOUGH;
}

/** An attribute by its local name, whatever prefix binds it (`r:id`). */
export function attribute(attributes: Readonly<Record<string, string>>, name: string): string | undefined {
  if (attributes[name] !== undefined) return attributes[name];
  for (const key in attributes) if (local(key) === name) return attributes[key];
  return undefined;
}
