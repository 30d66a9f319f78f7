import { descriptionAnchor } from '../description/anchor';
import { findWord } from '../description/mentions';
import { sectionsAbout } from '../description/topics';
import { isSubservice } from '../vendors/assurance';
import type { Vendor } from '../engine/register-model';
import type { Range } from '../engine/text';
import type { Check } from './types';

/**
 * The description names its subservice organisations either in front matter (`subservice_organizations`,
 * by vendor id) or in prose, in its sections about subservice organisations (by vendor id or name).
 * Either way the set must be the register's carve-out and inclusive vendors.
 */
export const descriptionSubserviceMismatch: Check = {
  code: 'description-subservice-mismatch',
  severity: 'warning',
  doc: "The subservice organisations the system description names differ from the register's carve-out and inclusive vendors.",
  appliesTo: ['description'],
  crossFile: true,
  run(file, project, report) {
    const d = file.description;
    if (!d) return;
    const vendors = [...project.register.allVendors()];
    const named = new Map<Vendor, Range>();
    let where: Range;
    if (d.subserviceIds) {
      where = d.subserviceIds[0]?.range ?? d.frontMatterRange;
      for (const id of d.subserviceIds) {
        const v = project.register.vendors(id.value)[0];
        if (v) named.set(v, id.range);
        else report({ range: id.range, message: `The description names ${id.value} as a subservice organisation, but the vendor register has no such vendor.` });
      }
    } else {
      const sections = sectionsAbout(d.sections, 'subservice');
      where = sections[0]?.range ?? descriptionAnchor(d);
      for (const s of sections) {
        for (const v of vendors) {
          if (named.has(v)) continue;
          const hit = (v.name ? [v.id, v.name] : [v.id]).flatMap((w) => findWord(s, w))[0];
          if (hit) named.set(v, hit);
        }
      }
    }
    for (const [v, range] of named) {
      if (isSubservice(v)) continue;
      report({ range, message: `The description names ${label(v)} as a subservice organisation, but the register records it with ${v.subservice ? `\`subservice: ${v.subservice.value}\`` : 'no `subservice`'}.`, related: [{ file: v.file, range: v.subservice?.range ?? v.idRange, message: `Vendor ${v.id}` }] });
    }
    for (const v of vendors) {
      if (!isSubservice(v) || named.has(v)) continue;
      report({ range: where, message: `The register has ${label(v)} as a subservice organisation (${v.subservice!.value}), but the description does not name it among its subservice organisations.`, related: [{ file: v.file, range: v.idRange, message: `Vendor ${v.id}` }], data: { vendor: v.id } });
    }
  },
};

function label(v: Vendor): string { return v.name ? `${v.name} (${v.id})` : v.id; }
