import { SaxesParser } from "saxes";

/**
 * The reference the reading tokenizer is held to: saxes (XML 1.0 well-formedness, references, CDATA)
 * with the same namespace resolution, giving one event list per document. Text pieces are joined.
 */
export type XmlEvent = ["open", string, string, [string, string][]] | ["close", string, string] | ["text", string];

const ROOT_SCOPE: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  "": "",
  xml: "http://www.w3.org/XML/1998/namespace",
});

export function saxesEvents(xml: string): XmlEvent[] {
  const events: XmlEvent[] = [];
  const parser = new SaxesParser({ position: false });
  const stack: { local: string; uri: string; scope: Record<string, string> }[] = [];
  let scope = ROOT_SCOPE;
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (t) => {
    const attributes = t.attributes as Record<string, string>;
    const declared = Object.keys(attributes).filter((k) => k === "xmlns" || k.startsWith("xmlns:"));
    const outer = scope;
    if (declared.length > 0) {
      scope = Object.create(scope) as Record<string, string>;
      for (const k of declared) scope[k === "xmlns" ? "" : k.slice(6)] = attributes[k];
    }
    const colon = t.name.indexOf(":");
    const prefix = colon < 0 ? "" : t.name.slice(0, colon);
    const uri = scope[prefix];
    if (uri === undefined) throw new Error(`unbound prefix ${prefix}`);
    const local = colon < 0 ? t.name : t.name.slice(colon + 1);
    stack.push({ local, uri, scope: outer });
    events.push(["open", uri, local, Object.entries(attributes)]);
  });
  parser.on("closetag", () => {
    const top = stack.pop()!;
    scope = top.scope;
    events.push(["close", top.uri, top.local]);
  });
  const text = (t: string): void => {
    const last = events[events.length - 1];
    if (last?.[0] === "text") last[1] += t;
    else if (t) events.push(["text", t]);
  };
  parser.on("text", (t) => {
    if (stack.length > 0) text(t);
  });
  parser.on("cdata", text);
  parser.write(xml);
  parser.close();
  return events;
}
