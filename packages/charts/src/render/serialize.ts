/**
 * Writes a DOM tree (linkedom's, from Plot) as XML: every attribute value and text node escaped, so a
 * name like `"><img src=x onerror=alert(1)>` can never become markup. linkedom's own `outerHTML` leaves
 * `<` and `>` raw inside attribute values, which is not well-formed XML.
 */
import { escapeXml } from '../a11y';

interface DomNode {
  nodeType: number;
  nodeName: string;
  localName?: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  attributes?: ArrayLike<{ name: string; value: string }>;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/** Serialises an element and its subtree as XML. Comments and other node kinds are dropped. */
export function serializeXml(node: DomNode): string {
  const parts: string[] = [];
  write(node, parts);
  return parts.join('');
}

function write(node: DomNode, out: string[]): void {
  if (node.nodeType === TEXT || node.nodeType === CDATA) {
    out.push(escapeText(node.textContent ?? ''));
    return;
  }
  if (node.nodeType !== ELEMENT) return;
  // linkedom upper-cases nodeName in an HTML document; localName keeps SVG's case (clipPath)
  const name = node.localName ?? node.nodeName;
  out.push('<', name);
  const attrs = node.attributes;
  if (attrs) {
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i]!;
      out.push(' ', a.name, '="', escapeXml(a.value), '"');
    }
  }
  const kids = node.childNodes;
  if (kids.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (let i = 0; i < kids.length; i++) write(kids[i]!, out);
  out.push('</', name, '>');
}

/** Text content: `&`, `<` and `>` escaped (quotes may stay raw outside attributes). */
function escapeText(s: string): string {
  if (!/[&<>]/.test(s)) return s;
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}
