import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, edit, findings } from '../helpers';
import { lineOf, vendorRepo } from '../vendor-helpers';

// baseRepo observes 2026-01-01..2026-06-30; today is 2026-07-15.
const report = (start: string, end: string, bridge?: string) => ({ assurance: `{ type: soc2-type2, period_start: ${start}, period_end: ${end}${bridge ? `, bridge_letter_until: ${bridge}` : ''} }` });

test('vendor-assurance-gap: a report ending the day before the period leaves the whole period uncovered', async () => {
  const fields = report('2025-01-01', '2025-12-31');
  const f = await findings(vendorRepo(fields), 'vendor-assurance-gap');
  assert.deepEqual(f, [{
    at: `vendors/register.yaml:${lineOf(fields, 'assurance')}:5`, severity: 'warning',
    message: "Carve-out vendor V-CLOUD's SOC 2 Type 2 report (2025-01-01..2025-12-31) leaves 181 days of our observation period (2026-01-01..2026-06-30) uncovered: 2026-01-01..2026-06-30.",
  }]);
});

test('vendor-assurance-gap names the uncovered dates on both sides of the report, and the bridge letter closes the end', async () => {
  const f = await findings(vendorRepo(report('2026-02-01', '2026-05-31')), 'vendor-assurance-gap');
  assert.deepEqual(f.map((x) => x.message), ["Carve-out vendor V-CLOUD's SOC 2 Type 2 report (2026-02-01..2026-05-31) leaves 61 days of our observation period (2026-01-01..2026-06-30) uncovered: 2026-01-01..2026-01-31, 2026-06-01..2026-06-30."]);
  const bridged = await findings(vendorRepo(report('2026-02-01', '2026-05-31', '2026-06-29')), 'vendor-assurance-gap');
  assert.deepEqual(bridged.map((x) => x.message), ["Carve-out vendor V-CLOUD's SOC 2 Type 2 report (2026-02-01..2026-05-31 with a bridge letter to 2026-06-29) leaves 32 days of our observation period (2026-01-01..2026-06-30) uncovered: 2026-01-01..2026-01-31, 2026-06-30."]);
});

test('vendor-assurance-gap is quiet when the report and bridge letter cover the period exactly', async () => {
  assert.deepEqual(await findings(vendorRepo(report('2026-01-01', '2026-06-30')), 'vendor-assurance-gap'), []);
  assert.deepEqual(await findings(vendorRepo(report('2025-07-01', '2026-03-31', '2026-06-30')), 'vendor-assurance-gap'), []);
  // Type 1 reports, inclusive and ordinary vendors are not judged.
  const type1 = edit(vendorRepo(report('2025-01-01', '2025-12-31')), 'soc2.yaml', 'type: 2', 'type: 1');
  assert.deepEqual(await findings(type1, 'vendor-assurance-gap'), []);
  assert.deepEqual(await findings(vendorRepo({ ...report('2025-01-01', '2025-12-31'), subservice: 'inclusive' }), 'vendor-assurance-gap'), []);
});

test('vendor-assurance-gap judges an ongoing period only through today, including a bridge letter exactly to today', async () => {
  const ongoing = (files: Record<string, string>) => edit(files, 'soc2.yaml', 'end: 2026-06-30', 'end: 2026-12-31');
  assert.deepEqual(await findings(ongoing(vendorRepo(report('2025-07-01', '2026-03-31', '2026-07-15'))), 'vendor-assurance-gap'), []);
  const f = await findings(ongoing(vendorRepo(report('2025-07-01', '2026-03-31', '2026-07-14'))), 'vendor-assurance-gap');
  assert.deepEqual(f.map((x) => x.message), ["Carve-out vendor V-CLOUD's SOC 2 Type 2 report (2025-07-01..2026-03-31 with a bridge letter to 2026-07-14) leaves 1 day of our observation period (2026-01-01..2026-12-31, judged through today 2026-07-15) uncovered: 2026-07-15."]);
});

test('vendor-assurance-gap counts 29 February in a leap-year period', async () => {
  const leap = (files: Record<string, string>) => edit(files, 'soc2.yaml', 'period: { start: 2026-01-01, end: 2026-06-30 }', 'period: { start: 2024-01-01, end: 2024-06-30 }');
  const f = await findings(leap(vendorRepo(report('2023-03-01', '2024-02-28'))), 'vendor-assurance-gap');
  assert.deepEqual(f.map((x) => x.message), ["Carve-out vendor V-CLOUD's SOC 2 Type 2 report (2023-03-01..2024-02-28) leaves 123 days of our observation period (2024-01-01..2024-06-30) uncovered: 2024-02-29..2024-06-30."]);
  assert.deepEqual(await findings(leap(vendorRepo(report('2023-03-01', '2024-02-28', '2024-06-30'))), 'vendor-assurance-gap'), []);
});

test('vendor-assurance-gap: other assurance types cover no period, and a Type 2 without dates is named', async () => {
  const iso = await findings(vendorRepo({ assurance: '{ type: iso27001, period_end: 2027-01-01 }' }), 'vendor-assurance-gap');
  assert.deepEqual(iso.map((x) => x.message), ["Carve-out vendor V-CLOUD's assurance (ISO 27001) does not show its controls operating over a period, so none of our observation period (2026-01-01..2026-06-30) is covered: 2026-01-01..2026-06-30. Ask for its SOC 2 Type 2 report."]);
  const undated = await findings(vendorRepo({ assurance: '{ type: soc2-type2 }' }), 'vendor-assurance-gap');
  assert.deepEqual(undated.map((x) => x.message), ["Vendor V-CLOUD's SOC 2 Type 2 report has no `period_start` and `period_end`, so its coverage of our observation period (2026-01-01..2026-06-30) cannot be judged."]);
  assert.deepEqual(await findings(vendorRepo({ assurance: null }), 'vendor-assurance-gap'), []);
});

test('vendor-assurance-gap: a report period that ends before it starts is named, not judged', async () => {
  const f = await findings(vendorRepo(report('2026-06-30', '2026-01-01')), 'vendor-assurance-gap');
  assert.deepEqual(f.map((x) => x.message), ["Vendor V-CLOUD's report period starts (2026-06-30) after it ends (2026-01-01): correct the dates so its coverage of our observation period (2026-01-01..2026-06-30) can be judged."]);
});

/** vendor-assurance-gap findings whole: range, message and data (the uncovered intervals a quick fix or export reads). */
async function whole(files: Record<string, string>, today?: string) {
  return (await diagnose(files, today)).filter((d) => d.code === 'vendor-assurance-gap').map((d) => ({
    range: `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`, message: d.message, data: d.data,
  }));
}

test('vendor-assurance-gap: ranges and data of each finding; an unknown type keeps its own name', async () => {
  const line = lineOf({}, 'assurance');
  const period = 'our observation period (2026-01-01..2026-06-30)';
  assert.deepEqual(await whole(vendorRepo({ assurance: '{ type: soc3 }' })), [{
    range: `${line}:24-${line}:28`, data: { vendor: 'V-CLOUD', uncovered: [{ start: '2026-01-01', end: '2026-06-30' }] },
    message: `Carve-out vendor V-CLOUD's assurance (soc3) does not show its controls operating over a period, so none of ${period} is covered: 2026-01-01..2026-06-30. Ask for its SOC 2 Type 2 report.`,
  }]);
  assert.deepEqual(await whole(vendorRepo(report('2026-06-30', '2026-01-01'))), [{
    range: `${line}:50-${line}:60`, data: { vendor: 'V-CLOUD' },
    message: `Vendor V-CLOUD's report period starts (2026-06-30) after it ends (2026-01-01): correct the dates so its coverage of ${period} can be judged.`,
  }]);
  assert.deepEqual(await whole(vendorRepo({ assurance: '{ type: soc2-type2 }' })), [{
    range: `${line}:5-${line}:14`, data: { vendor: 'V-CLOUD' },
    message: `Vendor V-CLOUD's SOC 2 Type 2 report has no \`period_start\` and \`period_end\`, so its coverage of ${period} cannot be judged.`,
  }]);
  // A bridge letter date that is not a date extends nothing and is not named.
  assert.deepEqual(await whole(vendorRepo(report('2025-01-01', '2026-03-31', '2026-13-01'))), [{
    range: `${line}:5-${line}:14`, data: { vendor: 'V-CLOUD', uncovered: [{ start: '2026-04-01', end: '2026-06-30' }] },
    message: `Carve-out vendor V-CLOUD's SOC 2 Type 2 report (2025-01-01..2026-03-31) leaves 91 days of ${period} uncovered: 2026-04-01..2026-06-30.`,
  }]);
});

test('vendor-assurance-gap: no period, an inverted one, or one that starts after today is not judged; one starting today is', async () => {
  const files = vendorRepo(report('2025-01-01', '2025-12-31'));
  const period = (text: string) => edit(files, 'soc2.yaml', '  period: { start: 2026-01-01, end: 2026-06-30 }\n', text);
  // Quiet, and no internal-error either: the check must not go on with a date it does not have.
  const quiet = async (f: Record<string, string>) => (await diagnose(f)).filter((d) => d.code === 'vendor-assurance-gap' || d.code === 'internal-error');
  for (const text of ['', '  period: { start: 2026-06-30, end: 2026-01-01 }\n', '  period: { start: 2026-07-16, end: 2026-12-31 }\n',
    '  period: { start: 2026-13-01, end: 2026-06-30 }\n', '  period: { start: 2026-01-01, end: soon }\n']) {
    assert.deepEqual(await quiet(period(text)), [], text);
  }
  // Also for an assurance type that covers no days at all: an empty or undated period has no days to name.
  const iso = vendorRepo({ assurance: '{ type: iso27001 }' });
  for (const text of ['  period: { start: 2026-06-30, end: 2026-01-01 }', '  period: { start: 2026-01-01, end: 2026-02-30 }']) {
    const f = edit(iso, 'soc2.yaml', '  period: { start: 2026-01-01, end: 2026-06-30 }', text);
    assert.deepEqual(await quiet(f), [], text);
  }
  assert.deepEqual((await whole(period('  period: { start: 2026-07-15, end: 2026-12-31 }\n'))).map((x) => x.message), [
    "Carve-out vendor V-CLOUD's SOC 2 Type 2 report (2025-01-01..2025-12-31) leaves 1 day of our observation period (2026-07-15..2026-12-31, judged through today 2026-07-15) uncovered: 2026-07-15.",
  ]);
});

test('vendor-assurance-gap: a one-day report period and a one-day observation period are in order', async () => {
  const oneDayReport = await findings(vendorRepo(report('2026-01-01', '2026-01-01')), 'vendor-assurance-gap');
  assert.deepEqual(oneDayReport.map((x) => x.message), ["Carve-out vendor V-CLOUD's SOC 2 Type 2 report (2026-01-01..2026-01-01) leaves 180 days of our observation period (2026-01-01..2026-06-30) uncovered: 2026-01-02..2026-06-30."]);
  const oneDay = edit(vendorRepo(report('2025-01-01', '2025-12-31')), 'soc2.yaml', 'period: { start: 2026-01-01, end: 2026-06-30 }', 'period: { start: 2026-03-01, end: 2026-03-01 }');
  assert.deepEqual((await findings(oneDay, 'vendor-assurance-gap')).map((x) => x.message), ["Carve-out vendor V-CLOUD's SOC 2 Type 2 report (2025-01-01..2025-12-31) leaves 1 day of our observation period (2026-03-01..2026-03-01) uncovered: 2026-03-01."]);
});

test('vendor-assurance-gap: a file that cannot be read gets file-unreadable and nothing else (no internal-error)', async () => {
  for (const path of ['vendors/register.yaml']) {
    const files = { ...vendorRepo(), [path]: new Uint8Array([0, 1, 2, 0, 255]) };
    assert.deepEqual((await diagnose(files)).filter((d) => d.file === path).map((d) => d.code), ['file-unreadable'], path);
  }
});
