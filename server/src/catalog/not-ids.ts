/**
 * Tokens shaped like control ids that name standards, algorithms and documents instead (`unknown-reference`
 * never reports them). Families: every number after the prefix is a standard. Exact tokens: the prefix is
 * plausible for a control (`A-01`, `P-03`), so only these numbers are excluded.
 */
export const STANDARD_FAMILIES: readonly string[] = ['SHA', 'SHA2', 'SHA3', 'AES', 'RSA', 'DSA', 'ECDSA', 'HMAC', 'SSAE', 'ISAE', 'AT',
  'FIPS', 'ISO', 'IEC', 'SP', 'NIST', 'RFC', 'CVE', 'CWE', 'CAPEC', 'UTF', 'TLS', 'SSL', 'MD', 'X', 'ED', 'BLAKE', 'SECP', 'PCI', 'SOC',
  'OMB', 'HIPAA', 'GDPR', 'CCPA', 'CIS', 'OWASP', 'ASVS', 'SOX', 'COBIT', 'ITIL', 'IEEE', 'BS', 'EN', 'PKCS', 'ARGON', 'SCRYPT',
  'PBKDF', 'CHACHA', 'POLY', 'CURVE', 'GCM', 'CBC', 'DES', '3DES', 'IPV', 'WPA', 'IEC', 'ISO/IEC', 'NERC', 'CMMC', 'FEDRAMP', 'DFARS'];
export const STANDARD_TOKENS: readonly string[] = ['A-123', 'A-127', 'A-130', 'P-192', 'P-224', 'P-256', 'P-384', 'P-521', 'K-163', 'K-233',
  'B-163', 'B-233', 'M-22', 'M-21', 'C-5', 'E-2'];
