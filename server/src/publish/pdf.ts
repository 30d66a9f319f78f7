import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Printing pages to PDF through a Chromium or Chrome that is already installed. A browser is never
 * downloaded: without one, the caller says which option names it. The browser is started with fixed
 * arguments, a throw-away profile and no background networking, on files the site just wrote.
 */

/** Executable names looked up on PATH, then fixed install locations, in this order. */
export const CHROME_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'] as const;
const CHROME_LOCATIONS = [
  '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** The browser to print with: `CHROME_PATH` when set, else the first of CHROME_NAMES on PATH, else a known location. */
export function findChrome(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROME_PATH && isExecutable(env.CHROME_PATH)) return env.CHROME_PATH;
  const dirs = (env.PATH ?? '').split(nodePath.delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const name of CHROME_NAMES) for (const d of dirs) for (const ext of exts) {
    const candidate = nodePath.join(d, name + ext);
    if (isExecutable(candidate)) return candidate;
  }
  return CHROME_LOCATIONS.find(isExecutable);
}

export function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (process.platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch { return false; }
}

export const PDF_TIMEOUT_MS = 90_000;

/** Prints one HTML file to a PDF file with headless Chromium; rejects with the browser's message when it fails. */
export async function printToPdf(chrome: string, htmlFile: string, pdfFile: string): Promise<void> {
  const profile = mkdtempSync(nodePath.join(tmpdir(), 'soc2-chrome-'));
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const args = [
    '--headless', '--disable-gpu', '--no-first-run', '--no-default-browser-check', '--disable-extensions',
    '--disable-background-networking', '--disable-sync', '--disable-component-update', '--disable-dev-shm-usage',
    '--mute-audio', `--user-data-dir=${profile}`, '--no-pdf-header-footer', '--generate-pdf-document-outline',
    `--print-to-pdf=${pdfFile}`,
    // Chromium refuses to run as root with its sandbox on; containers and CI runners often are root.
    ...(isRoot ? ['--no-sandbox'] : []),
    pathToFileURL(htmlFile).href,
  ];
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(chrome, args, { timeout: PDF_TIMEOUT_MS, windowsHide: true, maxBuffer: 16 * 1024 * 1024 }, (err, _out, stderr) => {
        if (err) reject(new Error(`${nodePath.basename(chrome)} could not print ${nodePath.basename(htmlFile)}: ${String(stderr || err.message).trim().split('\n').slice(-3).join(' ')}`));
        else resolve();
      });
    });
    if (!existsSync(pdfFile)) throw new Error(`${nodePath.basename(chrome)} wrote no PDF for ${nodePath.basename(htmlFile)}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
