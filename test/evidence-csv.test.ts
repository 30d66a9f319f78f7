import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryWorkspace } from '../server/src/engine/workspace';
import { loadProject } from '../server/src/engine/load';
import { csvField, formatEvidenceCsv } from '../server/src/report/evidence-csv';
import { baseRepo, TODAY } from './helpers';
import { hostileRepo } from './hostile-fixture';
import { CHECKS } from '../server/src/checks';

async function csv(files: Record<string, string>): Promise<string> {
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  return formatEvidenceCsv(project);
}

test('one row per implemented control and expected occurrence in the observation period, blank where evidence is missing', async () => {
  const files = {
    ...baseRepo(),
    'controls/more.yaml': [
      'controls:',
      '  - id: LM-01',
      `    title: '=HYPERLINK("x"), monthly "log" review'`,
      '    owner: "+sam@example.com"',
      '    frequency: monthly',
      '    status: implemented',
      '    criteria: [CC7.2]',
      '    last_reviewed: 2026-03-01',
      '    evidence:',
      '      - name: Review notes',
      '        collected: [2026-01-20, 2026-02-17, 2026-02-27, 2026-04-21]',
      '  - id: HR-01',
      '    title: Code of conduct at hire',
      '    owner: "-"',
      '    frequency: on-event',
      '    status: implemented',
      '    criteria: [CC1.1]',
      '    last_reviewed: 2026-03-01',
      '    evidence:',
      '      - name: Log',
      '        path: hr',
      '  - id: XX-01',
      '    title: Planned, so not requested',
      '    status: planned',
      '    frequency: monthly',
      '    criteria: [CC1.1]',
      '',
    ].join('\n'),
  };
  assert.equal(await csv(files), [
    'control_id,title,owner,frequency,interval_start,interval_end,evidence_file,evidence_date',
    'AC-01,Quarterly access review,bob@example.com,quarterly,2026-01-01,2026-03-31,evidence/access/2026-03-30-review.md,2026-03-30',
    'AC-01,Quarterly access review,bob@example.com,quarterly,2026-04-01,2026-06-30,evidence/access/2026-06-29-review.md,2026-06-29',
    "HR-01,Code of conduct at hire,'-,on-event,2026-01-01,2026-06-30,,",
    `LM-01,"'=HYPERLINK(""x""), monthly ""log"" review",'+sam@example.com,monthly,2026-01-01,2026-01-31,,2026-01-20`,
    `LM-01,"'=HYPERLINK(""x""), monthly ""log"" review",'+sam@example.com,monthly,2026-02-01,2026-02-28,,2026-02-27`,
    `LM-01,"'=HYPERLINK(""x""), monthly ""log"" review",'+sam@example.com,monthly,2026-03-01,2026-03-31,,`,
    `LM-01,"'=HYPERLINK(""x""), monthly ""log"" review",'+sam@example.com,monthly,2026-04-01,2026-04-30,,2026-04-21`,
    `LM-01,"'=HYPERLINK(""x""), monthly ""log"" review",'+sam@example.com,monthly,2026-05-01,2026-05-31,,`,
    `LM-01,"'=HYPERLINK(""x""), monthly ""log"" review",'+sam@example.com,monthly,2026-06-01,2026-06-30,,`,
    '',
  ].join('\r\n'));
});

test('RFC 4180 quoting and formula neutralisation of single cells', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  for (const f of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) assert.equal(csvField(f).replace(/^"/, '').startsWith(`'`), true, JSON.stringify(f));
});

test('hostile evidence file names and titles cannot start a formula', async () => {
  const out = await csv(hostileRepo());
  for (const line of out.split('\r\n').slice(1).filter(Boolean)) {
    for (const cell of line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''))) {
      assert.equal(/^[=+\-@\t\r]/.test(cell), false, `${cell} in ${line}`);
    }
  }
  assert.match(out, /evidence\/'><svg onload=alert\(4\)>\/2026-03-01-""><img src=x onerror=alert\(2\)>\.md/);
});
