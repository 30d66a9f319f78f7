/** The CLI's version, shown by --version and written into SARIF, OSCAL and HTML outputs. */
export const VERSION = '0.1.0';
