/**
 * A strict little check that an SVG string is well-formed XML as we write it: tags balanced, every
 * attribute quoted with no raw `<` in its value, no raw `<` or `>` in text, `&` only in entities.
 * Returns the first problem found, or null.
 */
export function xmlProblem(svg: string): string | null {
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*="[^"<]*")*)\s*(\/?)>/y;
  const stack: string[] = [];
  let i = 0;
  while (i < svg.length) {
    const lt = svg.indexOf('<', i);
    const text = svg.slice(i, lt < 0 ? svg.length : lt);
    if (text.includes('>')) return `raw > in text near ${JSON.stringify(text.slice(0, 60))}`;
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text))
      return `bare & in text near ${JSON.stringify(text.slice(0, 60))}`;
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(svg);
    if (!m) return `malformed tag at ${lt}: ${JSON.stringify(svg.slice(lt, lt + 80))}`;
    const [, close, name, attrs, self] = m;
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(attrs ?? ''))
      return `bare & in attributes of <${name}>`;
    if (close) {
      const open = stack.pop();
      if (open !== name) return `</${name}> closes <${open}>`;
    } else if (!self) stack.push(name!);
    i = tag.lastIndex;
  }
  return stack.length ? `unclosed <${stack[stack.length - 1]}>` : null;
}

/** Names of every attribute of every tag (the string must be well-formed, see `xmlProblem`). */
export function attributeNames(svg: string): Set<string> {
  const names = new Set<string>();
  for (const m of svg.matchAll(/<[A-Za-z][\w:.-]*((?:\s+[A-Za-z_:][\w:.-]*="[^"<]*")*)\s*\/?>/g)) {
    for (const a of (m[1] ?? '').matchAll(/\s([A-Za-z_:][\w:.-]*)="/g)) names.add(a[1]!);
  }
  return names;
}
