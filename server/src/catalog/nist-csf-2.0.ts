/**
 * NIST Cybersecurity Framework 2.0 as data: 6 functions, 22 categories, 106 subcategories.
 *
 * Ids and the structure are facts, including the numbering gaps NIST left when it merged or withdrew
 * outcomes (there is no ID.AM-06, no PR.DS-03 to PR.DS-09, no RS.AN-01/02/04/05...). Every name, title
 * and summary is this project's own short paraphrase, NOT NIST's outcome text.
 */
import type { Requirement, RequirementFramework, RequirementGroup } from './framework-types';

const FUNCTIONS: RequirementGroup[] = [
  { id: 'GV', name: 'Govern' },
  { id: 'ID', name: 'Identify' },
  { id: 'PR', name: 'Protect' },
  { id: 'DE', name: 'Detect' },
  { id: 'RS', name: 'Respond' },
  { id: 'RC', name: 'Recover' },
];

/** [category, our name, [subcategory number, title, summary][]] */
type Category = readonly [string, string, readonly (readonly [number, string, string])[]];

const CATEGORIES: Category[] = [
  ['GV.OC', 'Organisational context', [
    [1, 'Mission shapes risk work', 'The organisation\'s mission is understood and steers how cyber risk is handled.'],
    [2, 'Stakeholder expectations', 'Internal and external stakeholders and what they expect on cyber risk are known.'],
    [3, 'Legal and contractual duties', 'Legal, regulatory and contractual cyber duties, privacy included, are known and managed.'],
    [4, 'Critical services and dependencies', 'What others rely on the organisation for, and what it relies on, is understood.'],
    [5, 'Own dependencies', 'The outcomes, capabilities and services the organisation itself depends on are understood.'],
  ]],
  ['GV.RM', 'Risk management strategy', [
    [1, 'Risk objectives agreed', 'Stakeholders set and agree the objectives of cyber risk management.'],
    [2, 'Appetite and tolerance', 'Risk appetite and tolerance are stated, communicated and kept current.'],
    [3, 'Part of enterprise risk', 'Cyber risk work feeds into the organisation\'s overall risk management.'],
    [4, 'Response options set', 'A strategic direction for choosing risk responses is set and communicated.'],
    [5, 'Risk communication lines', 'Lines for sharing cyber risk information across the organisation exist, suppliers included.'],
    [6, 'Common risk method', 'A standard way to calculate, record, rank and share risks is set.'],
    [7, 'Positive risks', 'Opportunities (positive risks) are described and considered alongside threats.'],
  ]],
  ['GV.RR', 'Roles, responsibilities and authorities', [
    [1, 'Leadership accountable', 'Leaders own cyber risk and foster a culture that is aware of risk and keeps improving.'],
    [2, 'Roles assigned', 'Cyber risk roles, responsibilities and authorities are set, told and enforced.'],
    [3, 'Resources adequate', 'Enough resources are given to match the cyber risk strategy and policies.'],
    [4, 'Security in HR practice', 'Cybersecurity is part of hiring, training, moving and offboarding people.'],
  ]],
  ['GV.PO', 'Policy', [
    [1, 'Policy set and enforced', 'A cyber risk policy is written from context and strategy, communicated and enforced.'],
    [2, 'Policy kept current', 'The policy is reviewed and updated as requirements, threats and technology change.'],
  ]],
  ['GV.OV', 'Oversight', [
    [1, 'Strategy reviewed', 'Results of the risk strategy are reviewed to inform and adjust direction.'],
    [2, 'Coverage reviewed', 'The strategy is reviewed to check it covers the organisation\'s requirements and risks.'],
    [3, 'Performance evaluated', 'How well cyber risk management performs is measured and reviewed.'],
  ]],
  ['GV.SC', 'Supply chain risk management', [
    [1, 'Supplier risk programme', 'A programme, strategy and processes for supply chain risk are agreed by stakeholders.'],
    [2, 'Supplier roles known', 'Security roles for suppliers, customers and partners are set, told and coordinated.'],
    [3, 'Folded into risk work', 'Supply chain risk management is part of wider cyber and enterprise risk practice.'],
    [4, 'Suppliers ranked', 'Suppliers are known and ranked by how critical they are.'],
    [5, 'Requirements in contracts', 'Security requirements for suppliers are set, prioritised and written into agreements.'],
    [6, 'Diligence before engaging', 'Planning and due diligence reduce risk before a supplier relationship starts.'],
    [7, 'Supplier risks tracked', 'Risks from each supplier and its products are understood, recorded, ranked, assessed and watched.'],
    [8, 'Suppliers in incident work', 'Relevant suppliers take part in incident planning, response and recovery.'],
    [9, 'Supply chain across lifecycle', 'Supply chain security is built into technology product and service lifecycles and monitored.'],
    [10, 'Ending relationships', 'Plans cover what happens when a supplier relationship ends or a partnership stops.'],
  ]],
  ['ID.AM', 'Asset management', [
    [1, 'Hardware inventory', 'Hardware the organisation manages is inventoried.'],
    [2, 'Software inventory', 'Software, services and systems the organisation manages are inventoried.'],
    [3, 'Data flows known', 'Authorised network communication and data flows are mapped and kept current.'],
    [4, 'Supplier services inventory', 'Services provided by suppliers are inventoried.'],
    [5, 'Assets prioritised', 'Assets are ranked by classification, criticality, resources and mission impact.'],
    [7, 'Data inventory', 'Data and its metadata are inventoried for the types of data that matter.'],
    [8, 'Lifecycle managed', 'Hardware, software, services and data are managed throughout their lives.'],
  ]],
  ['ID.RA', 'Risk assessment', [
    [1, 'Vulnerabilities found', 'Weaknesses in assets are identified, confirmed and recorded.'],
    [2, 'Threat intelligence received', 'Threat and vulnerability information comes in from forums and sources.'],
    [3, 'Threats recorded', 'Internal and external threats to the organisation are identified and recorded.'],
    [4, 'Impact and likelihood', 'The possible effects and likelihood of threats exploiting weaknesses are recorded.'],
    [5, 'Risk determined', 'Threats, weaknesses, likelihood and impact are combined to rank inherent risk.'],
    [6, 'Responses chosen', 'Risk responses are chosen, prioritised, planned, tracked and communicated.'],
    [7, 'Changes assessed', 'Changes and exceptions are managed, judged for risk impact, recorded and tracked.'],
    [8, 'Disclosures handled', 'Processes exist to receive, analyse and answer vulnerability reports.'],
    [9, 'Component authenticity', 'Hardware and software are checked for authenticity and integrity before use.'],
    [10, 'Critical suppliers assessed', 'Critical suppliers are assessed before they are acquired.'],
  ]],
  ['ID.IM', 'Improvement', [
    [1, 'Learning from evaluations', 'Improvements are found through evaluations of how things work.'],
    [2, 'Learning from tests', 'Improvements are found through security tests and exercises, with suppliers where relevant.'],
    [3, 'Learning from operations', 'Improvements are found by running processes, procedures and activities.'],
    [4, 'Response plans kept', 'Incident response and other cyber plans are set, communicated, maintained and improved.'],
  ]],
  ['PR.AA', 'Identity, authentication and access control', [
    [1, 'Identities managed', 'Identities and credentials of users, services and hardware are managed.'],
    [2, 'Identity proofing', 'Identities are proven and bound to credentials fitting the context of use.'],
    [3, 'Authentication', 'Users, services and hardware are authenticated.'],
    [4, 'Identity assertions', 'Identity assertions are protected, passed on and verified.'],
    [5, 'Least privilege access', 'Access rights and permissions are set by policy, managed, enforced and reviewed, with least privilege and separated duties.'],
    [6, 'Physical access', 'Physical access to assets is managed, watched and enforced in proportion to risk.'],
  ]],
  ['PR.AT', 'Awareness and training', [
    [1, 'Everyone trained', 'Staff get awareness and training so they can do general tasks with cyber risk in mind.'],
    [2, 'Specialists trained', 'People in specialised roles get training for the cyber risks of those roles.'],
  ]],
  ['PR.DS', 'Data security', [
    [1, 'Data at rest', 'Stored data keeps its confidentiality, integrity and availability.'],
    [2, 'Data in transit', 'Data moving between places keeps its confidentiality, integrity and availability.'],
    [10, 'Data in use', 'Data being processed keeps its confidentiality, integrity and availability.'],
    [11, 'Backups', 'Backups of data are made, protected, maintained and tested.'],
  ]],
  ['PR.PS', 'Platform security', [
    [1, 'Configuration managed', 'Configuration management practices are set and applied.'],
    [2, 'Software maintained', 'Software is maintained, replaced and removed in proportion to risk.'],
    [3, 'Hardware maintained', 'Hardware is maintained, replaced and removed in proportion to risk.'],
    [4, 'Logs produced', 'Logs are produced and made available for continuous monitoring.'],
    [5, 'Unauthorised software blocked', 'Installing and running unauthorised software is prevented.'],
    [6, 'Secure development', 'Secure development practices are used and their performance watched across the lifecycle.'],
  ]],
  ['PR.IR', 'Technology infrastructure resilience', [
    [1, 'Networks protected', 'Networks and environments are protected from unauthorised logical access and use.'],
    [2, 'Environmental threats', 'Technology assets are protected from environmental threats.'],
    [3, 'Resilience mechanisms', 'Mechanisms exist to keep services resilient in normal and adverse situations.'],
    [4, 'Capacity sufficient', 'Enough resource capacity is kept to ensure availability.'],
  ]],
  ['DE.CM', 'Continuous monitoring', [
    [1, 'Networks monitored', 'Networks and network services are watched for possibly adverse events.'],
    [2, 'Physical environment monitored', 'The physical environment is watched for possibly adverse events.'],
    [3, 'Personnel activity monitored', 'Staff activity and technology use are watched for possibly adverse events.'],
    [6, 'Provider activity monitored', 'External service providers\' activity and services are watched for possibly adverse events.'],
    [9, 'Platforms monitored', 'Computing hardware, software, runtimes and their data are watched for possibly adverse events.'],
  ]],
  ['DE.AE', 'Adverse event analysis', [
    [2, 'Events analysed', 'Possibly adverse events are analysed to understand what is happening.'],
    [3, 'Sources correlated', 'Information from several sources is correlated.'],
    [4, 'Impact estimated', 'The likely impact and scope of adverse events are understood.'],
    [6, 'Findings shared', 'Information on adverse events reaches authorised staff and tools.'],
    [7, 'Context added', 'Threat intelligence and other context are folded into the analysis.'],
    [8, 'Incidents declared', 'Incidents are declared when adverse events meet the set criteria.'],
  ]],
  ['RS.MA', 'Incident management', [
    [1, 'Plan executed', 'The incident response plan is run with relevant third parties once an incident is declared.'],
    [2, 'Reports triaged', 'Incident reports are triaged and validated.'],
    [3, 'Incidents ranked', 'Incidents are categorised and prioritised.'],
    [4, 'Escalation', 'Incidents are escalated or elevated as needed.'],
    [5, 'Recovery start criteria', 'Criteria for starting incident recovery are applied.'],
  ]],
  ['RS.AN', 'Incident analysis', [
    [3, 'Root cause', 'Analysis establishes what happened during an incident and its root cause.'],
    [6, 'Actions recorded', 'Investigation actions are recorded and the records kept intact and traceable.'],
    [7, 'Data preserved', 'Incident data and metadata are collected with their integrity and provenance kept.'],
    [8, 'Magnitude estimated', 'The size of an incident is estimated and confirmed.'],
  ]],
  ['RS.CO', 'Incident response reporting and communication', [
    [2, 'Stakeholders notified', 'Internal and external stakeholders are told of incidents.'],
    [3, 'Information shared', 'Information is shared with designated internal and external stakeholders.'],
  ]],
  ['RS.MI', 'Incident mitigation', [
    [1, 'Containment', 'Incidents are contained.'],
    [2, 'Eradication', 'Incidents are eradicated.'],
  ]],
  ['RC.RP', 'Incident recovery plan execution', [
    [1, 'Recovery started', 'The recovery part of the incident response plan runs once started.'],
    [2, 'Recovery actions chosen', 'Recovery actions are chosen, scoped, prioritised and carried out.'],
    [3, 'Restored assets verified', 'Backups and other restoration assets are checked for integrity before use.'],
    [4, 'Normal operations set', 'Critical functions and risk management are considered in setting post-incident operations.'],
    [5, 'Restoration verified', 'Restored assets are verified, services restored and normal status confirmed.'],
    [6, 'Recovery closed', 'The end of recovery is declared on criteria and documentation is completed.'],
  ]],
  ['RC.CO', 'Incident recovery communication', [
    [3, 'Recovery progress shared', 'Recovery activities and progress are told to designated stakeholders.'],
    [4, 'Public updates', 'Public updates on recovery are shared through approved methods and messages.'],
  ]],
];

/** `PR.AA-5`, `pr.aa-05`, `PR.AA.05`, `PR.AA 05`, `PRAA-05` all mean `PR.AA-05`. */
export function normaliseCsfId(raw: string): string {
  const m = /^\s*([a-z]{2})\s*[.\s_-]?\s*([a-z]{2})\s*[.\s_-]\s*0*(\d{1,2})\s*[.,;:]*\s*$/i.exec(raw);
  return m ? `${m[1]!.toUpperCase()}.${m[2]!.toUpperCase()}-${m[3]!.padStart(2, '0')}` : raw.trim();
}

export const NIST_CSF_2_0: RequirementFramework = {
  id: 'nist-csf-2.0',
  name: 'NIST Cybersecurity Framework 2.0',
  version: '2.0',
  origin: 'built-in',
  groups: [
    ...FUNCTIONS,
    ...CATEGORIES.map(([id, name]) => ({ id, name, parent: id.slice(0, 2) })),
  ],
  requirements: CATEGORIES.flatMap(([cat, , subs]): Requirement[] =>
    subs.map(([n, title, summary]) => ({ id: `${cat}-${String(n).padStart(2, '0')}`, title, summary, group: cat }))),
  normalise: normaliseCsfId,
};
