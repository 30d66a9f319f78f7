import { vendorLines, vendorRepo } from '../vendor-helpers';

/** The nine sections, each a heading and one line; `omit` leaves sections out, `replace` swaps a section's body. */
export function descriptionText(opts: { omit?: string[]; body?: Record<string, string>; frontMatter?: string[] } = {}): string {
  const sections: [string, string][] = [
    ['Services provided', 'We run a project-planning service for small teams.'],
    ['Principal service commitments and system requirements', 'We promise 99.9% availability and encryption of customer data.'],
    ['System components', 'Infrastructure, software, people, procedures and data.'],
    ['System incidents', 'There were no incidents that stopped us meeting a commitment.'],
    ['Applicable criteria and related controls', 'The security criteria apply; see the controls.'],
    ['Complementary user entity controls', 'Customers manage their own users.'],
    ['Subservice organizations', 'Nimbus Cloud hosts production (carve-out method).'],
    ['Criteria not applicable', 'None: every criterion of the security category applies.'],
    ['Significant changes during the period', 'None.'],
  ];
  const out = ['---', 'title: Test Co system description', ...(opts.frontMatter ?? []), '---', '', '# Test Co system description', ''];
  for (const [title, body] of sections) {
    if (opts.omit?.includes(title)) continue;
    out.push(`## ${title}`, '', opts.body?.[title] ?? body, '');
  }
  return out.join('\n');
}

/** vendorRepo plus a description at the default path, and an ordinary vendor V-MAIL. */
export function descriptionRepo(opts: Parameters<typeof descriptionText>[0] = {}): Record<string, string> {
  const files = vendorRepo({}, vendorLines('V-MAIL', { name: 'Postbox', subservice: 'no', criticality: 'low', assurance: null, csocs: null, monitored_by: null }));
  files['system/description.md'] = descriptionText(opts);
  return files;
}
