import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import { SaxesParser } from "saxes";
import { readDocx } from "../../src/adapters/docx/read";
import { readOds } from "../../src/adapters/ods/read";
import { XmlError, checkNamespaces, parseXml } from "../../src/adapters/xml";

/**
 * The Word, OpenDocument and relationship readers refuse a part that is not namespace-well-formed, as
 * saxes' namespace mode (which they used before parseXml) does: parseXml with checkNamespaces on every
 * element is held to it on generated documents full of prefixes, declarations and reserved names.
 */
const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

function saxesRefuses(xml: string): boolean {
  try {
    new SaxesParser({ xmlns: true, position: false }).write(xml).close();
    return false;
  } catch {
    return true;
  }
}

function checkedRefuses(xml: string): boolean {
  try {
    parseXml(Buffer.from(xml, "utf8"), { open: checkNamespaces });
    return false;
  } catch (e) {
    if (e instanceof XmlError) return true;
    throw e;
  }
}

function plainRefuses(xml: string): boolean {
  try {
    parseXml(Buffer.from(xml, "utf8"), {});
    return false;
  } catch {
    return true;
  }
}

const elementName = fc.constantFrom("a", "p:a", "q:b", "xml:a", "a:b:c", ":a", "a:", "xmlns:a");
const attributeName = fc.constantFrom("x", "p:x", "q:x", "r:x", "xml:space", "x:y:z", ":x", "x:");
const declared = fc.constantFrom("xmlns", "xmlns:p", "xmlns:q", "xmlns:xml", "xmlns:xmlns", "xmlns:");
const uri = fc.constantFrom("urn:p", "urn:q", "", XML_NS, XMLNS_NS);
const attribute = fc.oneof(
  fc.tuple(attributeName, fc.constant("1")),
  fc.tuple(declared, uri),
);

const { node } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    fc.constant("t"),
    fc
      .tuple(elementName, fc.uniqueArray(attribute, { maxLength: 4, selector: ([name]) => name }), fc.array(tie("node"), { maxLength: 3 }))
      .map(([name, attrs, children]) => `<${name}${attrs.map(([k, v]) => ` ${k}="${v}"`).join("")}>${children.join("")}</${name}>`),
  ),
}));

describe("namespace constraints of the Word, OpenDocument and relationship readers", () => {
  it("refuses exactly what saxes' namespace mode refuses", () => {
    fc.assert(
      fc.property(node, (body) => {
        const xml = `<root xmlns:p="urn:p" xmlns:q="urn:p">${body}</root>`;
        expect(checkedRefuses(xml)).toBe(saxesRefuses(xml));
      }),
      { numRuns: 3000 },
    );
  });

  it("each refusal is the check's own, not the tokenizer's", () => {
    const cases = [
      '<a b:c="1"/>',
      '<a xmlns:p="urn:x" xmlns:q="urn:x" p:c="1" q:c="2"/>',
      '<a:b:c xmlns:a="urn:x"/>',
      '<a :b="1"/>',
      '<a b:="1"/>',
      '<a xmlns:xml="urn:x"/>',
      `<a xmlns:p="${XML_NS}"/>`,
      `<a xmlns="${XMLNS_NS}"/>`,
      '<a xmlns:p=""/>',
      `<a xmlns:xmlns="${XMLNS_NS}"/>`,
    ];
    for (const xml of cases) {
      expect([xml, saxesRefuses(xml), plainRefuses(xml), checkedRefuses(xml)]).toEqual([xml, true, false, true]);
    }
    for (const xml of ['<a xmlns:p="urn:x" p:c="1" c="2" xml:space="preserve"><p:b/></a>', `<a xmlns:xml="${XML_NS}" xmlns=""/>`]) {
      expect([xml, saxesRefuses(xml), checkedRefuses(xml)]).toEqual([xml, false, false]);
    }
  });

  it("a Word file, its relationships or an .ods with an unbound attribute prefix is damaged", () => {
    const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const docx = (rels: string, body: string): Uint8Array =>
      zipSync({
        "_rels/.rels": strToU8(
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" ${rels}Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
        ),
        "word/document.xml": strToU8(`<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`),
      });
    const cell = (t: string): string => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const table = `<w:tbl>${["STT|Chỉ tiêu|Số liệu", "1|Thủ tục|3"].map((r) => `<w:tr>${r.split("|").map(cell).join("")}</w:tr>`).join("")}</w:tbl>`;
    expect(readDocx(docx("", table))).toHaveLength(1);
    const corrupt = /Tệp Word bị hỏng/;
    expect(() => readDocx(docx("", table.replace("<w:tc>", '<w:tc v:x="1">')))).toThrow(corrupt);
    expect(() => readDocx(docx('v:x="1" ', table))).toThrow(corrupt);

    const ods = (cellAttributes: string): Uint8Array =>
      zipSync({
        "content.xml": strToU8(
          `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="A"><table:table-row><table:table-cell${cellAttributes}><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`,
        ),
      });
    expect(readOds(ods(""))[0].rows).toEqual([[{ value: "x" }]]);
    expect(() => readOds(ods(' tabel:number-columns-repeated="2"'))).toThrow(/\(\.ods\) bị hỏng/);
  });
});
