/**
 * The 2017 AICPA Trust Services Criteria (points of focus revised 2022), as data.
 *
 * Ids, categories and series are facts. Every `summary` is written in this project's own
 * words to say what the criterion asks of an organisation; it is NOT the AICPA's criterion
 * text (which is copyrighted) and must not be replaced by it. Another framework can be added
 * beside this file with the same `Framework` shape.
 */

export type CategoryId = 'security' | 'availability' | 'confidentiality' | 'processing-integrity' | 'privacy';

export interface Category {
  id: CategoryId;
  name: string;
  /** one line, own words */
  description: string;
}

export interface Criterion {
  /** e.g. 'CC6.1' */
  id: string;
  category: CategoryId;
  /** e.g. 'CC6' */
  series: string;
  /** e.g. 'Logical and physical access controls' */
  seriesName: string;
  /** One line (<= ~140 chars) in OUR OWN WORDS saying what the criterion asks of the organisation. */
  summary: string;
  /** 2-4 short keywords a user might search by, e.g. ['access', 'authentication'] */
  keywords: readonly string[];
}

export interface Framework {
  id: string;
  name: string;
  categories: readonly Category[];
  criteria: readonly Criterion[];
}

export const TSC_2017: Framework = {
  id: 'tsc-2017',
  name: 'AICPA Trust Services Criteria (2017, revised points of focus 2022)',
  categories: [
    { id: 'security', name: 'Security',
      description: 'Systems and data are protected against unauthorised access, disclosure and damage (the common criteria, always in scope).' },
    { id: 'availability', name: 'Availability',
      description: 'Systems are up, have capacity and can be recovered so customers can use them as promised.' },
    { id: 'confidentiality', name: 'Confidentiality',
      description: 'Information designated confidential is identified, protected while held and disposed of securely.' },
    { id: 'processing-integrity', name: 'Processing Integrity',
      description: 'Processing is complete, accurate, timely and authorised, from input through output and storage.' },
    { id: 'privacy', name: 'Privacy',
      description: 'Personal information is collected, used, kept, shared and disposed of as promised to the people it is about.' },
  ],
  criteria: [
    // CC1 Control environment
    { id: 'CC1.1', category: 'security', series: 'CC1', seriesName: 'Control environment',
      summary: 'Show a commitment to integrity and ethics: a code of conduct, tone from leadership, and handling of breaches of it.',
      keywords: ['ethics', 'code of conduct', 'integrity'] },
    { id: 'CC1.2', category: 'security', series: 'CC1', seriesName: 'Control environment',
      summary: 'Have a board or equivalent body, independent of management, that oversees how internal control is run.',
      keywords: ['board', 'oversight', 'governance'] },
    { id: 'CC1.3', category: 'security', series: 'CC1', seriesName: 'Control environment',
      summary: 'Define the org structure, reporting lines, roles and authority needed to run the system and its controls.',
      keywords: ['org chart', 'roles', 'responsibilities'] },
    { id: 'CC1.4', category: 'security', series: 'CC1', seriesName: 'Control environment',
      summary: 'Hire, train and keep competent people, with background checks, training and succession planning.',
      keywords: ['hiring', 'training', 'background checks', 'competence'] },
    { id: 'CC1.5', category: 'security', series: 'CC1', seriesName: 'Control environment',
      summary: 'Hold people accountable for their control duties through performance reviews, incentives and discipline.',
      keywords: ['accountability', 'performance', 'discipline'] },
    // CC2 Communication and information
    { id: 'CC2.1', category: 'security', series: 'CC2', seriesName: 'Communication and information',
      summary: 'Gather and produce reliable, relevant information that the controls depend on to work.',
      keywords: ['information quality', 'data', 'reporting'] },
    { id: 'CC2.2', category: 'security', series: 'CC2', seriesName: 'Communication and information',
      summary: 'Tell staff about security goals and their own duties, and give them a channel to raise concerns.',
      keywords: ['internal communication', 'awareness', 'whistleblower'] },
    { id: 'CC2.3', category: 'security', series: 'CC2', seriesName: 'Communication and information',
      summary: 'Keep customers, vendors, regulators and other outsiders informed on matters that affect your controls.',
      keywords: ['external communication', 'customers', 'vendors'] },
    // CC3 Risk assessment
    { id: 'CC3.1', category: 'security', series: 'CC3', seriesName: 'Risk assessment',
      summary: 'Set objectives clearly enough that the risks to reaching them can be found and judged.',
      keywords: ['objectives', 'risk assessment'] },
    { id: 'CC3.2', category: 'security', series: 'CC3', seriesName: 'Risk assessment',
      summary: 'Find and analyse risks to your objectives, including those from vendors and partners, and decide on responses.',
      keywords: ['risk assessment', 'risk register', 'threats'] },
    { id: 'CC3.3', category: 'security', series: 'CC3', seriesName: 'Risk assessment',
      summary: 'Weigh the chance of fraud, including incentives, pressure and opportunity, when assessing risk.',
      keywords: ['fraud', 'risk assessment'] },
    { id: 'CC3.4', category: 'security', series: 'CC3', seriesName: 'Risk assessment',
      summary: 'Spot and assess changes in the business, technology, environment or leadership that could weaken controls.',
      keywords: ['change', 'risk assessment', 'business changes'] },
    // CC4 Monitoring activities
    { id: 'CC4.1', category: 'security', series: 'CC4', seriesName: 'Monitoring activities',
      summary: 'Check on a regular basis, continuously or via separate reviews and audits, that controls exist and work.',
      keywords: ['monitoring', 'internal audit', 'control testing'] },
    { id: 'CC4.2', category: 'security', series: 'CC4', seriesName: 'Monitoring activities',
      summary: 'Report control weaknesses promptly to those who must fix them, leadership included, and track the fix.',
      keywords: ['deficiencies', 'remediation', 'reporting'] },
    // CC5 Control activities
    { id: 'CC5.1', category: 'security', series: 'CC5', seriesName: 'Control activities',
      summary: 'Choose and build control activities that bring the risks you identified down to an acceptable level.',
      keywords: ['control design', 'risk mitigation'] },
    { id: 'CC5.2', category: 'security', series: 'CC5', seriesName: 'Control activities',
      summary: 'Put general IT controls in place over infrastructure, security management and building or buying technology.',
      keywords: ['IT general controls', 'technology'] },
    { id: 'CC5.3', category: 'security', series: 'CC5', seriesName: 'Control activities',
      summary: 'Roll out controls through written policies that set expectations and procedures that put them into practice.',
      keywords: ['policies', 'procedures'] },
    // CC6 Logical and physical access controls
    { id: 'CC6.1', category: 'security', series: 'CC6', seriesName: 'Logical and physical access controls',
      summary: 'Restrict logical access to systems and data with identity, authentication and authorization controls, and protect the access infrastructure.',
      keywords: ['access', 'authentication', 'encryption'] },
    { id: 'CC6.2', category: 'security', series: 'CC6', seriesName: 'Logical and physical access controls',
      summary: 'Register and approve users before issuing credentials, and disable accounts when access is no longer needed.',
      keywords: ['provisioning', 'deprovisioning', 'user accounts'] },
    { id: 'CC6.3', category: 'security', series: 'CC6', seriesName: 'Logical and physical access controls',
      summary: 'Grant, change and revoke access by role, following least privilege and separation of duties.',
      keywords: ['least privilege', 'RBAC', 'access review', 'segregation of duties'] },
    { id: 'CC6.4', category: 'security', series: 'CC6', seriesName: 'Logical and physical access controls',
      summary: 'Limit physical access to offices, data centres, equipment and backup media to authorised people.',
      keywords: ['physical security', 'facilities', 'data center'] },
    { id: 'CC6.5', category: 'security', series: 'CC6', seriesName: 'Logical and physical access controls',
      summary: 'Wipe or destroy hardware and media so data cannot be recovered before retiring or disposing of them.',
      keywords: ['disposal', 'media sanitization', 'asset retirement'] },
    { id: 'CC6.6', category: 'security', series: 'CC6', seriesName: 'Logical and physical access controls',
      summary: 'Defend the system boundary against outside threats: firewalls, secure remote access, intrusion protection.',
      keywords: ['network security', 'firewall', 'perimeter'] },
    { id: 'CC6.7', category: 'security', series: 'CC6', seriesName: 'Logical and physical access controls',
      summary: 'Control how data moves and leaves: encrypt it in transit and guard endpoints and removable media.',
      keywords: ['encryption in transit', 'data transfer', 'DLP', 'endpoints'] },
    { id: 'CC6.8', category: 'security', series: 'CC6', seriesName: 'Logical and physical access controls',
      summary: 'Prevent or detect unauthorised and malicious software, e.g. anti-malware and limits on what can be installed.',
      keywords: ['malware', 'antivirus', 'software installation'] },
    // CC7 System operations
    { id: 'CC7.1', category: 'security', series: 'CC7', seriesName: 'System operations',
      summary: 'Detect risky configuration changes and new vulnerabilities with baselines, monitoring and regular scans.',
      keywords: ['vulnerability scanning', 'configuration', 'hardening'] },
    { id: 'CC7.2', category: 'security', series: 'CC7', seriesName: 'System operations',
      summary: 'Monitor systems for anomalies that may signal attacks, errors or misuse, and analyse what you find.',
      keywords: ['logging', 'monitoring', 'SIEM', 'alerting'] },
    { id: 'CC7.3', category: 'security', series: 'CC7', seriesName: 'System operations',
      summary: 'Triage security events to decide whether they are incidents that call for a response.',
      keywords: ['security events', 'triage', 'incidents'] },
    { id: 'CC7.4', category: 'security', series: 'CC7', seriesName: 'System operations',
      summary: 'Respond to security incidents with a defined plan: contain, fix, communicate and document.',
      keywords: ['incident response', 'containment'] },
    { id: 'CC7.5', category: 'security', series: 'CC7', seriesName: 'System operations',
      summary: 'Recover from incidents: restore service, learn from what happened and improve controls to avoid a repeat.',
      keywords: ['recovery', 'post-mortem', 'lessons learned'] },
    // CC8 Change management
    { id: 'CC8.1', category: 'security', series: 'CC8', seriesName: 'Change management',
      summary: 'Authorise, design, test, approve and record changes to infrastructure, software and data before they go live.',
      keywords: ['change management', 'code review', 'deployment'] },
    // CC9 Risk mitigation
    { id: 'CC9.1', category: 'security', series: 'CC9', seriesName: 'Risk mitigation',
      summary: 'Plan for risks of business disruption, e.g. continuity planning and insurance, to limit the damage.',
      keywords: ['business continuity', 'insurance', 'disruption'] },
    { id: 'CC9.2', category: 'security', series: 'CC9', seriesName: 'Risk mitigation',
      summary: 'Assess and manage risk from vendors and business partners, and check they keep their security promises.',
      keywords: ['vendor management', 'third parties', 'suppliers'] },
    // A1 Additional criteria for availability
    { id: 'A1.1', category: 'availability', series: 'A1', seriesName: 'Additional criteria for availability',
      summary: 'Track current capacity and usage, and plan ahead so the system can meet demand and availability promises.',
      keywords: ['capacity', 'performance', 'scaling'] },
    { id: 'A1.2', category: 'availability', series: 'A1', seriesName: 'Additional criteria for availability',
      summary: 'Guard against environmental threats, and run backups and recovery infrastructure that meet availability goals.',
      keywords: ['backups', 'environmental', 'redundancy', 'disaster recovery'] },
    { id: 'A1.3', category: 'availability', series: 'A1', seriesName: 'Additional criteria for availability',
      summary: 'Test recovery plans and backup restores on a schedule, and act on what the tests show.',
      keywords: ['DR testing', 'restore test', 'recovery'] },
    // C1 Additional criteria for confidentiality
    { id: 'C1.1', category: 'confidentiality', series: 'C1', seriesName: 'Additional criteria for confidentiality',
      summary: 'Identify confidential information and keep it protected for as long as you hold it, as promised to customers.',
      keywords: ['classification', 'confidential data', 'protection'] },
    { id: 'C1.2', category: 'confidentiality', series: 'C1', seriesName: 'Additional criteria for confidentiality',
      summary: 'Securely destroy confidential information once its retention period or purpose has ended.',
      keywords: ['data disposal', 'retention', 'deletion'] },
    // PI1 Additional criteria for processing integrity
    { id: 'PI1.1', category: 'processing-integrity', series: 'PI1', seriesName: 'Additional criteria for processing integrity',
      summary: 'Define and share what data the system processes and the product specs, so processing can be judged correct.',
      keywords: ['specifications', 'data definitions'] },
    { id: 'PI1.2', category: 'processing-integrity', series: 'PI1', seriesName: 'Additional criteria for processing integrity',
      summary: 'Check system inputs so that what enters processing is complete and accurate.',
      keywords: ['input validation', 'data entry'] },
    { id: 'PI1.3', category: 'processing-integrity', series: 'PI1', seriesName: 'Additional criteria for processing integrity',
      summary: 'Control processing so results are complete, accurate and timely, and errors are caught and fixed.',
      keywords: ['processing', 'error handling', 'reconciliation'] },
    { id: 'PI1.4', category: 'processing-integrity', series: 'PI1', seriesName: 'Additional criteria for processing integrity',
      summary: 'Deliver outputs completely and accurately, on time, and only to the intended recipients.',
      keywords: ['outputs', 'delivery', 'reports'] },
    { id: 'PI1.5', category: 'processing-integrity', series: 'PI1', seriesName: 'Additional criteria for processing integrity',
      summary: 'Store inputs, work in progress and outputs completely and accurately, as specified, protected from tampering.',
      keywords: ['storage', 'data integrity', 'records'] },
    // P1 Privacy notice
    { id: 'P1.1', category: 'privacy', series: 'P1', seriesName: 'Privacy notice',
      summary: 'Tell people in a clear privacy notice what personal data you collect, why, and how you handle it.',
      keywords: ['privacy notice', 'transparency'] },
    // P2 Choice and consent
    { id: 'P2.1', category: 'privacy', series: 'P2', seriesName: 'Choice and consent',
      summary: 'Give people choices about how their personal data is collected, used and shared, and record their consent.',
      keywords: ['consent', 'opt-out', 'choice'] },
    // P3 Collection of personal information
    { id: 'P3.1', category: 'privacy', series: 'P3', seriesName: 'Collection of personal information',
      summary: 'Collect only the personal data needed for the purposes you have stated.',
      keywords: ['data minimisation', 'collection'] },
    { id: 'P3.2', category: 'privacy', series: 'P3', seriesName: 'Collection of personal information',
      summary: 'Where explicit consent is required, explain why and what refusing means, and get it before collecting.',
      keywords: ['explicit consent', 'collection'] },
    // P4 Use, retention and disposal
    { id: 'P4.1', category: 'privacy', series: 'P4', seriesName: 'Use, retention and disposal',
      summary: 'Use personal data only for the purposes stated in the notice and agreed to by the person.',
      keywords: ['purpose limitation', 'data use'] },
    { id: 'P4.2', category: 'privacy', series: 'P4', seriesName: 'Use, retention and disposal',
      summary: 'Keep personal data no longer than its stated purpose or legal obligations need.',
      keywords: ['retention', 'records'] },
    { id: 'P4.3', category: 'privacy', series: 'P4', seriesName: 'Use, retention and disposal',
      summary: 'Securely dispose of personal data once it is no longer needed.',
      keywords: ['disposal', 'deletion', 'erasure'] },
    // P5 Access by data subjects
    { id: 'P5.1', category: 'privacy', series: 'P5', seriesName: 'Access by data subjects',
      summary: 'Let people see and get a copy of the personal data you hold about them, after verifying who they are.',
      keywords: ['data subject access', 'DSAR'] },
    { id: 'P5.2', category: 'privacy', series: 'P5', seriesName: 'Access by data subjects',
      summary: 'Let people correct their personal data, and pass corrections on to others who received it where needed.',
      keywords: ['rectification', 'correction', 'DSAR'] },
    // P6 Disclosure and notification
    { id: 'P6.1', category: 'privacy', series: 'P6', seriesName: 'Disclosure and notification',
      summary: 'Share personal data with third parties only for stated purposes and with the person\'s consent.',
      keywords: ['third-party sharing', 'disclosure'] },
    { id: 'P6.2', category: 'privacy', series: 'P6', seriesName: 'Disclosure and notification',
      summary: 'Keep a complete, accurate log of authorised disclosures of personal data.',
      keywords: ['disclosure log', 'records'] },
    { id: 'P6.3', category: 'privacy', series: 'P6', seriesName: 'Disclosure and notification',
      summary: 'Record unauthorised disclosures and breaches of personal data when they are found or reported.',
      keywords: ['breach log', 'incidents'] },
    { id: 'P6.4', category: 'privacy', series: 'P6', seriesName: 'Disclosure and notification',
      summary: 'Get privacy commitments from vendors that handle personal data, and check they keep them.',
      keywords: ['vendors', 'processors', 'DPA'] },
    { id: 'P6.5', category: 'privacy', series: 'P6', seriesName: 'Disclosure and notification',
      summary: 'Require vendors to tell you promptly when personal data you shared is disclosed without authorisation.',
      keywords: ['vendor breach notice', 'processors'] },
    { id: 'P6.6', category: 'privacy', series: 'P6', seriesName: 'Disclosure and notification',
      summary: 'Notify affected people, regulators and others of breaches of personal data as your duties require.',
      keywords: ['breach notification', 'regulators'] },
    { id: 'P6.7', category: 'privacy', series: 'P6', seriesName: 'Disclosure and notification',
      summary: 'On request, tell people what personal data you hold about them and to whom it was disclosed.',
      keywords: ['accounting of disclosures', 'DSAR'] },
    // P7 Quality of personal information
    { id: 'P7.1', category: 'privacy', series: 'P7', seriesName: 'Quality of personal information',
      summary: 'Keep personal data accurate, complete, up to date and relevant for its purpose.',
      keywords: ['data quality', 'accuracy'] },
    // P8 Monitoring and enforcement
    { id: 'P8.1', category: 'privacy', series: 'P8', seriesName: 'Monitoring and enforcement',
      summary: 'Handle privacy complaints and disputes, monitor privacy compliance, and fix the problems you find.',
      keywords: ['complaints', 'privacy monitoring', 'enforcement'] },
  ],
};
