/** The tool's version, shown by --version and written into SARIF, OSCAL, HTML outputs and cache keys. */
export const VERSION = '0.1.0';
