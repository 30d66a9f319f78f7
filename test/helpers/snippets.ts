/**
 * Expands a VS Code snippet body the way accepting every default would: `${1:x}` → x, `${2|a,b|}` → a,
 * `$1`/`$0` → nothing, `$CURRENT_YEAR` and other variables → the values given. Escapes (`\$`, `\}`, `\\`,
 * and `\,` `\|` inside choices) become the literal character. Throws on anything malformed, so a broken
 * snippet fails the test instead of expanding to something odd.
 */
export function expandSnippet(body: string, variables: Record<string, string>): string {
  let i = 0;
  const fail = (why: string): never => { throw new Error(`snippet: ${why} at ${i}: ${JSON.stringify(body.slice(Math.max(0, i - 20), i + 20))}`); };

  // Reads text until an unescaped `}` (when nested) or the end.
  function text(nested: boolean): string {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) { out += body[i + 1]; i += 2; continue; }
      if (c === '}' && nested) return out;
      if (c === '$') { out += dollar(); continue; }
      out += c; i++;
    }
    if (nested) fail('unclosed ${');
    return out;
  }

  function dollar(): string {
    i++; // past $
    const simple = /^(\d+|[A-Z_][A-Z0-9_]*)/.exec(body.slice(i));
    if (simple) { i += simple[0].length; return /^\d/.test(simple[0]) ? '' : variable(simple[0]); }
    if (body[i] !== '{') return '$';
    i++;
    const head = /^(\d+|[A-Z_][A-Z0-9_]*)/.exec(body.slice(i)) ?? fail('bad ${');
    i += head[0].length;
    const name = head[0];
    if (body[i] === '}') { i++; return /^\d/.test(name) ? '' : variable(name); }
    if (body[i] === ':') {
      i++;
      const inner = text(true);
      i++; // past }
      return /^\d/.test(name) ? inner : (name in variables ? variables[name] : inner);
    }
    if (body[i] === '|') {
      i++;
      const end = findChoiceEnd();
      const options = splitChoices(body.slice(i, end));
      i = end + 2; // past |}
      return options[0];
    }
    return fail('bad ${');
  }

  function findChoiceEnd(): number {
    for (let j = i; j < body.length - 1; j++) {
      if (body[j] === '\\') { j++; continue; }
      if (body[j] === '|' && body[j + 1] === '}') return j;
    }
    return fail('unclosed choice');
  }

  function splitChoices(s: string): string[] {
    const out = [''];
    for (let j = 0; j < s.length; j++) {
      if (s[j] === '\\' && j + 1 < s.length) { out[out.length - 1] += s[++j]; continue; }
      if (s[j] === ',') { out.push(''); continue; }
      out[out.length - 1] += s[j];
    }
    return out;
  }

  function variable(name: string): string {
    if (!(name in variables)) fail(`unknown variable ${name}`);
    return variables[name];
  }

  return text(false);
}

/** The variables a snippet may use, pinned to one date. */
export const SNIPPET_VARIABLES: Record<string, string> = {
  CURRENT_YEAR: '2026', CURRENT_MONTH: '07', CURRENT_DATE: '15', CURRENT_YEAR_SHORT: '26',
};
