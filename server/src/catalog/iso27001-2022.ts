/**
 * ISO/IEC 27001:2022 Annex A as data: 93 controls in four themes.
 *
 * Ids and themes are facts. Every title and summary is this project's own short paraphrase of the
 * topic a control deals with; it is NOT the standard's wording (which is copyrighted) and must not be
 * replaced by it. Read the standard itself for what a control requires.
 */
import type { Requirement, RequirementFramework, RequirementGroup } from './framework-types';

const GROUPS: RequirementGroup[] = [
  { id: 'A.5', name: 'Organisational controls' },
  { id: 'A.6', name: 'People controls' },
  { id: 'A.7', name: 'Physical controls' },
  { id: 'A.8', name: 'Technological controls' },
];

type Row = readonly [number, string, string];

const A5: Row[] = [
  [1, 'Security policy set', 'Write, approve, publish and periodically revisit an overall security policy and the topic policies under it.'],
  [2, 'Security roles', 'Decide who is responsible for which security duties and make those assignments known.'],
  [3, 'Separating conflicting duties', 'Split duties that would let one person both do and hide an error or misuse.'],
  [4, 'Leadership expectations', 'Managers require staff and contractors to follow the security policies and procedures.'],
  [5, 'Links with authorities', 'Keep working contacts with regulators, law enforcement and other relevant authorities.'],
  [6, 'Links with security communities', 'Stay in touch with professional groups and forums that share security knowledge.'],
  [7, 'Threat intelligence', 'Gather and analyse information about threats so that defences can be adjusted.'],
  [8, 'Security in projects', 'Build security into how projects are planned and run, whatever their subject.'],
  [9, 'Asset inventory', 'Keep an up-to-date list of information and related assets, each with an owner.'],
  [10, 'Acceptable use of assets', 'Set and communicate rules for handling information and the assets that carry it.'],
  [11, 'Returning assets', 'Get organisational assets back from people when their job or contract ends or changes.'],
  [12, 'Classifying information', 'Sort information into levels by confidentiality, integrity, availability and stakeholder needs.'],
  [13, 'Labelling information', 'Mark information according to its classification so handlers know how to treat it.'],
  [14, 'Moving information', 'Protect information sent within the organisation or to outside parties, by any means.'],
  [15, 'Access rules', 'Define rules for physical and logical access from business and security needs.'],
  [16, 'Identity lifecycle', 'Manage identities from creation to removal so every account maps to one person or system.'],
  [17, 'Credentials handling', 'Control how passwords, keys and other secrets are issued, kept and used.'],
  [18, 'Granting and revoking access', 'Grant, review, change and remove access rights according to the access rules.'],
  [19, 'Supplier security', 'Manage the security risks that come with using suppliers\' products and services.'],
  [20, 'Security terms with suppliers', 'Agree the relevant security requirements in each supplier contract.'],
  [21, 'Technology supply chain', 'Manage security risks that arise along the supply chain of ICT products and services.'],
  [22, 'Watching supplier services', 'Monitor, review and assess suppliers\' security practice and changes to their services.'],
  [23, 'Cloud service use', 'Set how cloud services are chosen, used, managed and left, with their security needs.'],
  [24, 'Incident readiness', 'Plan and prepare for handling security incidents: roles, processes and communication.'],
  [25, 'Triaging security events', 'Assess security events and decide whether each one is an incident.'],
  [26, 'Handling incidents', 'Respond to security incidents following documented procedures.'],
  [27, 'Lessons from incidents', 'Use what incidents teach to strengthen controls and reduce repeats.'],
  [28, 'Preserving evidence', 'Identify, collect and keep evidence of security events in a way that holds up.'],
  [29, 'Security during disruption', 'Keep security at the right level while the organisation is disrupted.'],
  [30, 'Technology continuity readiness', 'Plan, test and maintain ICT readiness so services can continue through disruption.'],
  [31, 'Legal and contractual duties', 'Identify and keep current the laws, regulations and contracts that bear on security.'],
  [32, 'Intellectual property', 'Follow procedures that respect intellectual property, including software licences.'],
  [33, 'Keeping records safe', 'Protect records from loss, destruction, forgery and unauthorised access or release.'],
  [34, 'Personal data protection', 'Meet privacy duties for personal data under the laws and contracts that apply.'],
  [35, 'Independent security review', 'Have the security approach reviewed independently at planned times and after big changes.'],
  [36, 'Checking policy compliance', 'Check regularly that policies, rules and standards for security are being followed.'],
  [37, 'Written operating procedures', 'Document procedures for operating information processing facilities and share them with those who need them.'],
];

const A6: Row[] = [
  [1, 'Background checks', 'Verify candidates\' backgrounds before they join, in proportion to the role and the law.'],
  [2, 'Employment terms', 'State security duties of staff and the organisation in employment agreements.'],
  [3, 'Awareness and training', 'Give staff security awareness, education and training suited to their roles, and refresh it.'],
  [4, 'Disciplinary process', 'Have a known process for acting on breaches of security policy.'],
  [5, 'Duties after leaving', 'Define and enforce the security duties that last after someone leaves or changes role.'],
  [6, 'Confidentiality agreements', 'Use and periodically review non-disclosure agreements that reflect what must be protected.'],
  [7, 'Working remotely', 'Apply security measures for staff who work away from the organisation\'s premises.'],
  [8, 'Reporting security events', 'Give people a quick, known channel to report security events they notice.'],
];

const A7: Row[] = [
  [1, 'Site perimeters', 'Define and use physical perimeters to protect areas holding information and assets.'],
  [2, 'Entry controls', 'Protect secure areas with entry controls and points of access.'],
  [3, 'Securing rooms and facilities', 'Design and apply physical security for offices, rooms and facilities.'],
  [4, 'Watching premises', 'Monitor premises continuously for unauthorised physical access.'],
  [5, 'Environmental threats', 'Protect against fire, flood, power events and other physical or environmental threats.'],
  [6, 'Rules in secure areas', 'Set security measures for people working in secure areas.'],
  [7, 'Clear desks and screens', 'Keep papers, removable media and unattended screens from exposing information.'],
  [8, 'Placing equipment', 'Site and protect equipment to reduce physical and environmental risks.'],
  [9, 'Assets away from the site', 'Protect assets that are used or kept outside the organisation\'s premises.'],
  [10, 'Storage media', 'Manage storage media through their life: acquisition, use, transport and disposal.'],
  [11, 'Utilities', 'Protect facilities from failures of power, cooling and other supporting utilities.'],
  [12, 'Cabling', 'Protect power and data cables from interception, interference and damage.'],
  [13, 'Maintaining equipment', 'Maintain equipment correctly so information stays available, intact and confidential.'],
  [14, 'Disposing of equipment', 'Wipe or destroy sensitive data and software before equipment is reused or discarded.'],
];

const A8: Row[] = [
  [1, 'Endpoint devices', 'Protect information stored on, processed by or reachable from user devices.'],
  [2, 'Privileged access', 'Restrict and manage the allocation and use of privileged access rights.'],
  [3, 'Restricting information access', 'Limit access to information and application functions according to the access rules.'],
  [4, 'Source code access', 'Manage read and write access to source code, development tools and libraries.'],
  [5, 'Strong authentication', 'Use secure authentication methods and technology matched to the access being granted.'],
  [6, 'Capacity', 'Watch and adjust resource use to meet current and expected capacity needs.'],
  [7, 'Malware defences', 'Protect against malware, backed by user awareness.'],
  [8, 'Technical vulnerabilities', 'Learn of vulnerabilities in systems in use, judge exposure and act on them.'],
  [9, 'Configuration', 'Establish, document, monitor and review secure configurations of hardware, software and networks.'],
  [10, 'Deleting information', 'Delete information from systems and media once it is no longer needed.'],
  [11, 'Masking data', 'Mask data, such as personal data, as policy, business needs and law require.'],
  [12, 'Leak prevention', 'Detect and prevent sensitive information leaving through systems, networks or devices.'],
  [13, 'Backups', 'Keep and regularly test backup copies of information, software and systems per an agreed policy.'],
  [14, 'Redundant facilities', 'Build enough redundancy into processing facilities to meet availability needs.'],
  [15, 'Logs', 'Produce, keep, protect and analyse logs of activities, exceptions, faults and events.'],
  [16, 'Monitoring for anomalies', 'Watch networks, systems and applications for unusual behaviour and respond to it.'],
  [17, 'Synchronised clocks', 'Synchronise system clocks to approved time sources.'],
  [18, 'Powerful utility programs', 'Restrict and tightly control utilities able to override system and application controls.'],
  [19, 'Installing software', 'Control how software is installed on operational systems.'],
  [20, 'Network security', 'Secure, manage and control networks and devices to protect information in systems.'],
  [21, 'Network services', 'Identify, implement and monitor the security mechanisms and service levels of network services.'],
  [22, 'Network segregation', 'Separate groups of services, users and systems onto different networks.'],
  [23, 'Web filtering', 'Manage access to external websites to reduce exposure to malicious content.'],
  [24, 'Cryptography', 'Define and apply rules for using cryptography, including managing keys.'],
  [25, 'Secure development lifecycle', 'Set rules for developing software and systems securely.'],
  [26, 'Application security requirements', 'Identify, specify and approve security requirements when developing or buying applications.'],
  [27, 'Secure architecture', 'Set, document and apply principles for engineering secure systems.'],
  [28, 'Secure coding', 'Apply secure coding principles in software development.'],
  [29, 'Security testing', 'Define and run security testing during development and before acceptance.'],
  [30, 'Outsourced development', 'Direct, monitor and review development work done by others.'],
  [31, 'Separate environments', 'Keep development, test and production environments apart and secured.'],
  [32, 'Change management', 'Put changes to facilities and systems through a controlled change process.'],
  [33, 'Test data', 'Choose, protect and manage data used for testing.'],
  [34, 'Audits on live systems', 'Plan and agree audit tests on operational systems so they do not disrupt them.'],
];

function rows(theme: 5 | 6 | 7 | 8, list: Row[]): Requirement[] {
  return list.map(([n, title, summary]) => ({ id: `A.${theme}.${n}`, title, summary, group: `A.${theme}` }));
}

/** `a.5.15`, `A 5.15`, `A5.15`, `5.15`, `A.05.15`, `A.5.15.` all mean `A.5.15`. */
export function normaliseIsoId(raw: string): string {
  const m = /^\s*(?:annex\s*)?a?\s*[.\s-]?\s*0*([5-8])\s*[.\s-]\s*0*(\d{1,2})\s*[.,;:]*\s*$/i.exec(raw);
  return m ? `A.${m[1]}.${m[2]}` : raw.trim();
}

export const ISO_27001_2022: RequirementFramework = {
  id: 'iso27001-2022',
  name: 'ISO/IEC 27001:2022 Annex A',
  version: '2022',
  origin: 'built-in',
  groups: GROUPS,
  requirements: [...rows(5, A5), ...rows(6, A6), ...rows(7, A7), ...rows(8, A8)],
  normalise: normaliseIsoId,
};
